/** SLA: marketing's volume commitment linked to the model, clauses that use a term, section templates. */
import { describe, expect, it } from 'vitest';
import { modelLinkState, modelMqlsPerMonth } from '../../shared/sla/model-link';
import { clausesUsingTerm, mentions } from '../../shared/sla/term-usage';
import { slaSectionTemplate, REJECTION_REASONS } from '../../shared/sla/templates';
import { richDocSchema, richTextToPlain } from '../../shared/domain/rich-text';
import { LANGUAGES, SLA_SECTION_KEYS, workshopContentSchema } from '../../shared/domain/workshop';
import { sampleWorkshop } from '../../shared/sample/standard-content';

const sample = () => sampleWorkshop('2026-11-30');

describe('model link of the volume commitment', () => {
  it('the sample needs the worked example’s 1,200 MQLs a year: 100 a month, and its commitment is current', () => {
    const c = sample();
    expect(modelMqlsPerMonth(c)).toBe(100);
    const volume = c.sla.commitments.find((k) => k.source === 'model-mqls')!;
    expect(modelLinkState(volume, c)).toEqual({ status: 'current', value: 100 });
  });

  it('goes out of date when the targets or the agreed rates change, with the new figure', () => {
    const c = sample();
    c.targets.revenueTarget = 2_400_000;
    const volume = c.sla.commitments.find((k) => k.source === 'model-mqls')!;
    expect(modelLinkState(volume, c)).toEqual({ status: 'out-of-date', value: 200 });
    const d = sample();
    d.funnels.agreed.transitions.find((t) => t.id === 'tr-opportunity-customer')!.conversionRate = 0.5;
    expect(modelMqlsPerMonth(d)).toBe(50);
  });

  it('follows the agreed scenario when the workshop has one', () => {
    const c = sample();
    // The agreed scenario assumes every MQL is accepted: 960 SALs need 960 MQLs a year, 80 a month.
    c.scenarios = {
      ...c.scenarios!,
      items: [{ id: 's-all', name: 'Todo aceptado', kind: 'custom', stages: { 'stage-mql': { conversionRate: 1 } } }],
      agreedId: 's-all',
    };
    expect(modelMqlsPerMonth(c)).toBe(80);
    expect(
      modelLinkState(
        c.sla.commitments.find((k) => k.source === 'model-mqls')!,
        c,
      ),
    ).toEqual({ status: 'out-of-date', value: 80 });
  });

  it('is unavailable without an MQL stage or with a zero rate, and unlinked commitments are left alone', () => {
    const c = sample();
    c.funnels.agreed.transitions.find((t) => t.id === 'tr-mql-sal')!.conversionRate = 0;
    const volume = c.sla.commitments.find((k) => k.source === 'model-mqls')!;
    expect(modelLinkState(volume, c)).toEqual({ status: 'unavailable' });
    const e = sample();
    e.funnels.agreed = { stages: [], transitions: [] };
    expect(modelMqlsPerMonth(e)).toBeNull();
    expect(
      modelLinkState(
        sample().sla.commitments.find((k) => k.id === 'c-first-response')!,
        sample(),
      ),
    ).toEqual({ status: 'unlinked' });
  });
});

describe('clauses that use a term', () => {
  it('matches whole words, plurals, any case and accents', () => {
    expect(mentions('Entregar MQLs cada mes', 'MQL')).toBe(true);
    expect(mentions('mql entregados', 'MQL')).toBe(true);
    expect(mentions('SQLite', 'SQL')).toBe(false);
    expect(mentions('la oportunidad se crea', 'Oportunidad')).toBe(true);
    expect(mentions('nada', '  ')).toBe(false);
  });

  it('lists commitments and sections naming the term', () => {
    const c = sample();
    const mql = c.terms.find((t) => t.id === 'term-mql')!;
    const uses = clausesUsingTerm(c, mql);
    expect(uses).toContainEqual(expect.objectContaining({ kind: 'commitment', id: 'c-mql-volume' }));
    expect(uses).toContainEqual({ kind: 'section', key: 'handoff' });
    const customer = c.terms.find((t) => t.id === 'term-customer')!;
    expect(clausesUsingTerm(c, customer).map((u) => (u.kind === 'section' ? u.key : u.id))).toContain('loyalty');
  });
});

describe('section templates', () => {
  it('are valid rich text in both languages, and the sample passes the workshop schema', () => {
    for (const language of LANGUAGES) {
      for (const key of SLA_SECTION_KEYS) {
        const doc = slaSectionTemplate(key, language);
        expect(richDocSchema.parse(doc)).toEqual(doc);
        expect(richTextToPlain(doc).length).toBeGreaterThan(40);
      }
      expect(richTextToPlain(slaSectionTemplate('handoff', language))).toContain(REJECTION_REASONS[language][4]!);
    }
    expect(workshopContentSchema.safeParse(sample()).success).toBe(true);
    expect(richTextToPlain(slaSectionTemplate('loyalty', 'en'))).toMatch(/NPS[\s\S]*Churn rate[\s\S]*NRR[\s\S]*LTV/);
  });
});
