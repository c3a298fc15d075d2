/**
 * Approvals stored in the workshop document: approve, status changes on
 * edit (rich text word by word), withdraw, pruning, and undo that never
 * touches approvals.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { approvalStates, approvalState, freezeGate, SLA_TEXT_CLAUSE_ID, slaSectionClauseId } from '../../shared/agreement/approvals';
import type { TextFieldChange } from '../../shared/agreement/diff';
import { approveInDoc, findApprovableItem, pruneApprovals, readApprovals, withdrawInDoc } from '../../shared/domain/approvals-doc';
import { APPROVALS_ORIGIN } from '../../shared/domain/doc-edit';
import { refusal } from '../support/workshop';
import { initWorkshopDoc, LOCAL_ORIGIN, readWorkshop, removeTerm, setSlaSection, updateTerm } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { Participant } from '../../shared/domain/workshop';
import type { RichDoc } from '../../shared/domain/rich-text';

const at = new Date('2026-11-30T17:04:05Z');
const zone = 'America/Mexico_City';

function setup() {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
  const content = readWorkshop(doc);
  const who = (team: Participant['team']) => content.participants.find((p) => p.team === team)!;
  return { doc, who };
}

const mql = { kind: 'term' as const, id: 'term-mql' };
const state = (doc: Y.Doc) => approvalState(findApprovableItem(readWorkshop(doc), mql)!, readApprovals(doc));

describe('approvals in the document', () => {
  it('an absent part reads as no approvals', () => {
    expect(readApprovals(new Y.Doc())).toEqual([]);
  });

  it('draft → approved by marketing → changed since approval after an edit → agreed after both approve again', () => {
    const { doc, who } = setup();
    expect(state(doc).status).toBe('draft');
    const r = approveInDoc(doc, readWorkshop(doc), mql, who('marketing'), at, zone);
    expect(r).toMatchObject({ team: 'marketing', approvedAt: '2026-11-30T11:04:05-06:00' });
    expect(state(doc)).toMatchObject({ status: 'approved-by-one', approvedBy: ['marketing'] });

    const rich: RichDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Lead con perfil ' },
            { type: 'text', text: 'y demo', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    };
    updateTerm(doc, 'term-mql', { definition: rich });
    const edited = state(doc);
    expect(edited.status).toBe('draft');
    expect(edited.changedSinceApproval.map((s) => s.team)).toEqual(['marketing']);
    const change = edited.changedSinceApproval[0]!.changes[0] as TextFieldChange;
    // Rich text is compared word by word on its plain text.
    expect(change).toMatchObject({ kind: 'text', field: 'definition', after: 'Lead con perfil y demo' });
    expect(
      change.parts
        .filter((p) => p.type === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('demo');

    approveInDoc(doc, readWorkshop(doc), mql, who('marketing'), at, zone);
    approveInDoc(doc, readWorkshop(doc), mql, who('sales'), at, zone);
    expect(state(doc)).toMatchObject({ status: 'agreed', changedSinceApproval: [] });
    expect(readApprovals(doc)).toHaveLength(2);
  });

  it('a formatting-only edit still counts as a change, as a value change', () => {
    const { doc, who } = setup();
    approveInDoc(doc, readWorkshop(doc), mql, who('sales'), at, zone);
    const plain = readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.definition as string;
    updateTerm(doc, 'term-mql', {
      definition: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: plain, marks: [{ type: 'italic' }] }] }] },
    });
    const s = state(doc);
    expect(s.status).toBe('draft');
    expect(s.changedSinceApproval[0]!.changes[0]).toMatchObject({ kind: 'value', field: 'definition' });
  });

  it('refuses leadership, unknown items and zones, writing nothing', () => {
    const { doc, who } = setup();
    const content = readWorkshop(doc);
    expect(refusal(() => approveInDoc(doc, content, mql, who('leadership'), at, zone))).toEqual({ team: 'not-a-party' });
    expect(refusal(() => approveInDoc(doc, content, { kind: 'term', id: 'nope' }, who('sales'), at, zone))).toEqual({ item: 'not-found' });
    expect(refusal(() => approveInDoc(doc, content, mql, who('sales'), at, 'Mars/Base'))).toEqual({ timeZone: 'time-zone' });
    expect(readApprovals(doc)).toEqual([]);
  });

  it('withdraws one team’s approval; withdrawing again is a no-op', () => {
    const { doc, who } = setup();
    approveInDoc(doc, readWorkshop(doc), mql, who('marketing'), at, zone);
    approveInDoc(doc, readWorkshop(doc), mql, who('sales'), at, zone);
    expect(withdrawInDoc(doc, mql, 'sales')).toMatchObject({ team: 'sales' });
    expect(state(doc)).toMatchObject({ status: 'approved-by-one', approvedBy: ['marketing'] });
    expect(withdrawInDoc(doc, mql, 'sales')).toBeNull();
  });

  it('undo of text edits never undoes an approval', () => {
    const { doc, who } = setup();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    updateTerm(doc, 'term-mql', { acronym: 'MQL2' });
    undo.stopCapturing();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    approveInDoc(doc, readWorkshop(doc), mql, who('marketing'), at, zone);
    expect(origins).toEqual([APPROVALS_ORIGIN]);
    undo.undo();
    expect(readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.acronym).toBe('MQL');
    expect(readApprovals(doc)).toHaveLength(1);
    // The approval was of the undone text: it now shows as changed since approval.
    expect(state(doc).changedSinceApproval).toHaveLength(1);
  });

  it('SLA sections are clauses of their own; the freeze gate lists what is open', () => {
    const { doc, who } = setup();
    setSlaSection(doc, 'escalation', 'Aviso al gerente a las 24 h.');
    const content = readWorkshop(doc);
    const ids = approvalStates(content, []).map((s) => s.item.id);
    expect(ids).toContain(SLA_TEXT_CLAUSE_ID);
    expect(ids).toContain(slaSectionClauseId('escalation'));
    approveInDoc(doc, content, { kind: 'clause', id: slaSectionClauseId('escalation') }, who('marketing'), at, zone);
    approveInDoc(doc, content, { kind: 'clause', id: slaSectionClauseId('escalation') }, who('sales'), at, zone);
    const gate = freezeGate(readWorkshop(doc), readApprovals(doc));
    expect(gate.ready).toBe(false);
    expect(gate.open.map((s) => s.item.id)).not.toContain(slaSectionClauseId('escalation'));
    expect(gate.open.map((s) => s.item.id)).toContain('term-mql');
  });

  it('prunes approvals of deleted items', () => {
    const { doc, who } = setup();
    approveInDoc(doc, readWorkshop(doc), mql, who('marketing'), at, zone);
    approveInDoc(doc, readWorkshop(doc), { kind: 'term', id: 'term-sql' }, who('marketing'), at, zone);
    removeTerm(doc, 'term-mql');
    expect(pruneApprovals(doc, readWorkshop(doc))).toBe(1);
    expect(readApprovals(doc).map((a) => a.itemId)).toEqual(['term-sql']);
    expect(pruneApprovals(doc, readWorkshop(doc))).toBe(0);
  });

  it('skips entries that are not valid approvals', () => {
    const { doc } = setup();
    doc.getMap('approvals').set('term:x:marketing', { bogus: true });
    expect(readApprovals(doc)).toEqual([]);
  });
});
