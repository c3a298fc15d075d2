import { describe, expect, it } from 'vitest';
import {
  approvableItems,
  approvalSchema,
  approvalState,
  approvalStates,
  approve,
  freezeGate,
  freezeOverrideSchema,
  isApprovable,
  overrideFreezeGate,
  summarizeApprovals,
  withdrawApproval,
  SLA_TEXT_CLAUSE_ID,
  slaSectionClauseId,
  type Approval,
  type ApprovableItem,
} from '../../shared/agreement/approvals';
import type { TextFieldChange } from '../../shared/agreement/diff';
import type { RichText } from '../../shared/domain/rich-text';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { SLA_SECTION_KEYS, type Participant, type WorkshopContent } from '../../shared/domain/workshop';

const content = (): WorkshopContent => sampleWorkshop('2026-11-30');
const person = (c: WorkshopContent, team: Participant['team']) => c.participants.find((p) => p.team === team)!;
const at = new Date('2026-11-30T17:04:05Z');
const zone = 'America/Mexico_City';

function approveOk(list: readonly Approval[], item: ApprovableItem, who: Participant): Approval[] {
  const result = approve(list, item, who, at, zone);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function termItem(c: WorkshopContent, id = 'term-mql'): ApprovableItem {
  return approvableItems(c).find((i) => i.kind === 'term' && i.id === id)!;
}

describe('approvableItems', () => {
  it('lists every term, the SLA text, each written SLA section and every commitment, in document order', () => {
    const c = content();
    expect(Object.keys(c.sla.sections ?? {})).toHaveLength(SLA_SECTION_KEYS.length);
    const items = approvableItems(c);
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      ...c.terms.map((t) => `term:${t.id}`),
      `clause:${SLA_TEXT_CLAUSE_ID}`,
      ...SLA_SECTION_KEYS.filter((k) => c.sla.sections?.[k] !== undefined).map((k) => `clause:${slaSectionClauseId(k)}`),
      ...c.sla.commitments.map((k) => `clause:${k.id}`),
    ]);
  });
});

describe('approve and approvalState', () => {
  it('goes draft → approved by one (which team) → agreed', () => {
    const c = content();
    const item = termItem(c);
    expect(approvalState(item, []).status).toBe('draft');

    const one = approveOk([], item, person(c, 'marketing'));
    expect(approvalSchema.array().parse(one)).toEqual(one);
    expect(one[0]).toMatchObject({ team: 'marketing', participantId: 'p-lucia', approvedAt: '2026-11-30T11:04:05-06:00', timeZone: zone });
    const s1 = approvalState(item, one);
    expect(s1).toMatchObject({ status: 'approved-by-one', approvedBy: ['marketing'], pending: ['sales'], changedSinceApproval: [] });

    const both = approveOk(one, item, person(c, 'sales'));
    expect(approvalState(item, both)).toMatchObject({ status: 'agreed', approvedBy: ['marketing', 'sales'], pending: [] });
  });

  it('marks an item edited after approval as changed since approval, with the changed words', () => {
    const c = content();
    const approvals = approveOk(approveOk([], termItem(c), person(c, 'marketing')), termItem(c), person(c, 'sales'));
    const edited = content();
    const mql = edited.terms.find((t) => t.id === 'term-mql')!;
    mql.exitCriteria = `${mql.exitCriteria} Revisión semanal.`;
    const state = approvalState(termItem(edited), approvals);
    expect(state.status).toBe('draft');
    expect(state.changedSinceApproval.map((s) => s.team)).toEqual(['marketing', 'sales']);
    const change = state.changedSinceApproval[0]!.changes[0] as TextFieldChange;
    expect(change.field).toBe('exitCriteria');
    expect(
      change.parts
        .filter((p) => p.type === 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(' Revisión semanal.');

    // Marketing approves the new text: approved by one, sales' approval still stale.
    const again = approveOk(approvals, termItem(edited), person(edited, 'marketing'));
    expect(again.filter((a) => a.team === 'marketing')).toHaveLength(1);
    const s2 = approvalState(termItem(edited), again);
    expect(s2).toMatchObject({ status: 'approved-by-one', approvedBy: ['marketing'] });
    expect(s2.changedSinceApproval.map((s) => s.team)).toEqual(['sales']);
  });

  it('keeps what was approved even if the live item object is mutated later', () => {
    const c = content();
    const item = termItem(c);
    const approvals = approveOk([], item, person(c, 'marketing'));
    (item.content as { definition: string }).definition = 'cambiado';
    expect(approvalState(item, approvals).changedSinceApproval).toHaveLength(1);
  });

  it('refuses to approve a term with an empty definition, plain or formatted', () => {
    const blanks: RichText[] = ['   ', { type: 'doc', content: [{ type: 'paragraph' }] }];
    for (const definition of blanks) {
      const c = content();
      c.terms.find((t) => t.id === 'term-mql')!.definition = definition;
      const result = approve([], termItem(c), person(c, 'marketing'), at, zone);
      expect(result.ok ? null : result.error.code).toBe('empty-definition');
      expect(isApprovable(termItem(c))).toBe(false);
    }
    const c = content();
    expect(approve([], termItem(c), person(c, 'marketing'), at, zone).ok).toBe(true);
    expect(isApprovable(termItem(c))).toBe(true);
    expect(isApprovable(approvableItems(c).find((i) => i.kind === 'clause')!)).toBe(true);
  });

  it('refuses leadership and unknown time zones', () => {
    const c = content();
    const byLeadership = approve([], termItem(c), person(c, 'leadership'), at, zone);
    expect(byLeadership).toMatchObject({ ok: false, error: { code: 'not-a-party' } });
    const badZone = approve([], termItem(c), person(c, 'sales'), at, 'Mars/Olympus');
    expect(badZone).toMatchObject({ ok: false, error: { code: 'time-zone' } });
  });

  it('withdraws one team’s approval only', () => {
    const c = content();
    const item = termItem(c);
    const both = approveOk(approveOk([], item, person(c, 'marketing')), item, person(c, 'sales'));
    const left = withdrawApproval(both, item, 'sales');
    expect(approvalState(item, left)).toMatchObject({ status: 'approved-by-one', approvedBy: ['marketing'] });
  });

  it('does not let an approval of one item count for another', () => {
    const c = content();
    const approvals = approveOk([], termItem(c, 'term-mql'), person(c, 'marketing'));
    expect(approvalState(termItem(c, 'term-sql'), approvals).status).toBe('draft');
  });
});

describe('freeze gate', () => {
  function agreeAll(c: WorkshopContent): Approval[] {
    let list: Approval[] = [];
    for (const item of approvableItems(c)) {
      list = approveOk(list, item, person(c, 'marketing'));
      list = approveOk(list, item, person(c, 'sales'));
    }
    return list;
  }

  it('is ready only when every term and clause is agreed', () => {
    const c = content();
    const all = agreeAll(c);
    expect(freezeGate(c, all)).toEqual({ ready: true, open: [], inconsistencies: [] });
    expect(summarizeApprovals(approvalStates(c, all))).toMatchObject({ agreed: approvableItems(c).length, draft: 0 });

    const edited = content();
    edited.sla.commitments[1]!.target = 2;
    const gate = freezeGate(edited, all);
    expect(gate.ready).toBe(false);
    expect(gate.open.map((s) => s.item.id)).toEqual([edited.sla.commitments[1]!.id]);
    expect(summarizeApprovals(approvalStates(edited, all))).toMatchObject({ draft: 1, changedSinceApproval: 1 });
  });

  it('records an explicit override with its reason and the open items', () => {
    const c = content();
    const gate = freezeGate(c, approveOk([], termItem(c), person(c, 'marketing')));
    const result = overrideFreezeGate(gate, person(c, 'leadership'), '  Firmamos hoy; el glosario se revisa en enero ', at, 'Europe/Madrid');
    if (!result.ok) throw new Error(result.error.message);
    const override = freezeOverrideSchema.parse(result.value);
    expect(override).toMatchObject({ reason: 'Firmamos hoy; el glosario se revisa en enero', team: 'leadership', at: '2026-11-30T18:04:05+01:00' });
    expect(override.openItems).toHaveLength(approvableItems(c).length);
    expect(override.openItems.find((i) => i.id === 'term-mql')).toMatchObject({ status: 'approved-by-one', changedSinceApproval: false });
  });

  it('refuses an override without a reason, or when nothing is open', () => {
    const c = content();
    expect(overrideFreezeGate(freezeGate(c, []), person(c, 'leadership'), '  ', at, zone)).toMatchObject({ ok: false, error: { code: 'reason-required' } });
    expect(overrideFreezeGate(freezeGate(c, agreeAll(c)), person(c, 'leadership'), 'x', at, zone)).toMatchObject({
      ok: false,
      error: { code: 'not-needed' },
    });
  });
});
