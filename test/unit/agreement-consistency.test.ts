/**
 * Where an agreement would contradict itself (shared/agreement/consistency.ts)
 * and the freeze gate that lists each as an open item; the default paper
 * from the locale (shared/domain/paper.ts); whole records a month.
 */
import { describe, expect, it } from 'vitest';
import { agreementInconsistencies } from '../../shared/agreement/consistency';
import { freezeGate, openItemCount, overrideFreezeGate, freezeOverrideSchema } from '../../shared/agreement/approvals';
import { paperForLocale } from '../../shared/domain/paper';
import { perMonth } from '../../shared/model/monthly-plan';
import { agreedMqlsPerMonth } from '../../shared/model/workshop-scenarios';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { WorkshopContent } from '../../shared/domain/workshop';

const sample = (): WorkshopContent => sampleWorkshop('2026-11-30');

describe('agreement inconsistencies', () => {
  it('finds none in the sample workshop (its SLA volume is the plan’s 100 MQLs a month)', () => {
    expect(agreedMqlsPerMonth(sample())).toBe(100);
    expect(agreementInconsistencies(sample())).toEqual([]);
  });

  it('names an SLA volume behind the agreed scenario with both figures', () => {
    const c = sample();
    c.sla.commitments.find((x) => x.id === 'c-mql-volume')!.target = 90;
    expect(agreementInconsistencies(c)).toEqual([
      {
        kind: 'sla-volume',
        id: 'sla-volume:c-mql-volume',
        target: { kind: 'commitment', id: 'c-mql-volume' },
        label: c.sla.commitments[0]!.commitment,
        committed: 90,
        needed: 100,
      },
    ]);
    // A commitment typed by hand (not linked to the model) is the team's own figure: not an inconsistency.
    c.sla.commitments[0]!.source = null;
    expect(agreementInconsistencies(c)).toEqual([]);
  });

  it('names the arrows where the agreed scenario assumes other rates or days than the agreed funnel', () => {
    const c = sample();
    c.scenarios = {
      ...c.scenarios!,
      items: [{ id: 'plan', name: 'Plan', kind: 'custom', stages: { 'stage-sql': { averageDays: 12 }, 'stage-mql': { conversionRate: 0.8 } } }],
      agreedId: 'plan',
    };
    const found = agreementInconsistencies(c);
    // MQL→SAL 80 % is the funnel's own figure: only SQL→Opportunity's days differ.
    expect(found.map((i) => i.id)).toEqual(['scenario-differs:plan']);
    expect(found[0]).toMatchObject({ differences: [{ label: 'SQL→Oportunidad', funnelDays: 10, scenarioDays: 12, funnelRate: null, scenarioRate: null }] });
    // The default scenarios (conservative ×0.8 …) only differ when one of them is the agreed one.
    c.scenarios = { ...c.scenarios!, items: [], agreedId: null };
    expect(agreementInconsistencies(c)).toEqual([]);
  });

  it('names a stage whose arrows send on more than 100 % of its records, branches and loops included', () => {
    const c = sample();
    const agreed = c.funnels.agreed;
    agreed.stages.push({ id: 'stage-dq', name: 'Descalificado', ownerTeam: 'sales', termId: null, x: 0, y: 200 });
    agreed.transitions.push({ id: 'tr-sal-dq', source: 'stage-sal', target: 'stage-dq', conversionRate: 0.3, averageDays: 3, recycle: false });
    expect(agreementInconsistencies(c)).toEqual([]);
    agreed.transitions.push({ id: 'tr-sal-lead', source: 'stage-sal', target: 'stage-lead', conversionRate: 0.25, averageDays: 90, recycle: true });
    const [found] = agreementInconsistencies(c);
    expect(found).toMatchObject({ kind: 'rates-over-100', id: 'rates-over-100:stage-sal', label: 'SAL' });
    expect(found?.kind === 'rates-over-100' ? found.total : null).toBeCloseTo(1.05, 10);
  });

  it('names an agreed scenario that cannot be planned (a rate of 0 on the main path)', () => {
    const c = sample();
    c.funnels.agreed.transitions.find((t) => t.id === 'tr-sql-opportunity')!.conversionRate = 0;
    expect(agreementInconsistencies(c).map((i) => i.kind)).toContain('plan-unavailable');
  });

  it('closes the freeze gate and goes into the override with its figures', () => {
    const c = sample();
    c.sla.commitments.find((x) => x.id === 'c-mql-volume')!.target = 90;
    const gate = freezeGate(c, []);
    expect(gate.ready).toBe(false);
    expect(openItemCount(gate)).toBe(gate.open.length + 1);
    const made = overrideFreezeGate(gate, c.participants[0]!, 'Firmamos hoy', new Date('2026-11-30T17:04:05Z'), 'Europe/Madrid');
    if (!made.ok) throw new Error(made.error.message);
    expect(freezeOverrideSchema.parse(made.value).inconsistencies).toEqual(gate.inconsistencies);
  });
});

describe('default paper from the locale', () => {
  it.each([
    [['en-US'], 'Letter'],
    [['es-ES'], 'A4'],
    [['es-MX', 'en-US'], 'Letter'],
    [['en-GB'], 'A4'],
    [['en'], 'Letter'],
    [['es'], 'A4'],
    [['zh-Hans-CN'], 'A4'],
    [['fr-CA'], 'Letter'],
    [[], 'A4'],
  ] as const)('%j → %s', (tags, paper) => {
    expect(paperForLocale(tags)).toBe(paper);
  });
});

describe('whole records a month', () => {
  it('rounds up, never a fraction of a lead', () => {
    expect(perMonth(5000, 12)).toBe(417);
    expect(perMonth(1260, 12)).toBe(105);
    expect(perMonth(63, 12)).toBe(6);
    expect(perMonth(0, 12)).toBe(0);
  });
});

describe('term names', () => {
  it('refuses a typed name over 80 characters, and keeps the term as it was', async () => {
    const { sampleDoc } = await import('../support/workshop');
    const { updateTerm, readWorkshop, InvalidEditError } = await import('../../shared/domain/workshop-doc');
    const doc = sampleDoc();
    const before = readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.name;
    expect(() => updateTerm(doc, 'term-mql', { name: 'M'.repeat(81) })).toThrow(InvalidEditError);
    expect(readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.name).toBe(before);
    updateTerm(doc, 'term-mql', { name: 'M'.repeat(80) });
    expect(readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.name).toHaveLength(80);
    doc.destroy();
  });
});
