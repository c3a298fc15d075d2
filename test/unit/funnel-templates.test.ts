import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { funnelSchema, LANGUAGES, type Funnel, type Term } from '../../shared/domain/workshop';
import { mainPath } from '../../shared/funnel/graph';
import { BENCHMARK_SOURCES, formatSource } from '../../shared/funnel/benchmark-sources';
import { stageKindOfName } from '../../shared/funnel/names';
import { createStandardStage, STAGE_PALETTE, stageKindOf, termForKind, uniqueId } from '../../shared/funnel/stages';
import { defaultSources, FUNNEL_TEMPLATES, instantiateTemplate, TEMPLATE_IDS } from '../../shared/funnel/templates';
import { validateFunnel } from '../../shared/funnel/validate';
import { standardFunnel, standardTerms } from '../../shared/sample/standard-content';

const withoutPositions = (f: Funnel): unknown => ({ stages: f.stages.map(({ x: _x, y: _y, ...rest }) => rest), transitions: f.transitions });
const cases = TEMPLATE_IDS.flatMap((id) => LANGUAGES.map((language) => [id, language] as const));

describe('templates', () => {
  it.each(cases)('%s (%s) is valid data and a sound funnel: no validation issue', (id, language) => {
    const funnel = instantiateTemplate(id, language, standardTerms(language));
    expect(funnelSchema.safeParse(funnel).success).toBe(true);
    expect(validateFunnel(funnel)).toEqual([]);
  });

  it('stays sound whatever the glossary holds, and with its stages moved anywhere (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.subarray(standardTerms('en')),
        fc.array(fc.record({ x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) }), { minLength: 8, maxLength: 8 }),
        ([id, language], terms, moves) => {
          const funnel = instantiateTemplate(id, language, terms);
          const moved = { ...funnel, stages: funnel.stages.map((s, i) => ({ ...s, ...moves[i]! })) };
          expect(validateFunnel(moved)).toEqual([]);
          const linked = new Set(terms.map((t) => t.id));
          for (const s of funnel.stages) expect(s.termId === null || linked.has(s.termId)).toBe(true);
        },
      ),
    );
  });

  it.each(cases)('%s (%s) names every stage in its language, as a stage of its kind', (id, language) => {
    const funnel = instantiateTemplate(id, language, standardTerms(language));
    const template = FUNNEL_TEMPLATES[id];
    expect(funnel.stages.map((s) => stageKindOfName(s.name))).toEqual(template.stages.map((s) => s.kind));
  });

  it('the Demand Waterfall reads Inquiry → MQL → SAL → SQL → Closed won, with recycling back to the start', () => {
    const funnel = instantiateTemplate('demand-waterfall', 'en', standardTerms('en'));
    expect(mainPath(funnel).map((p) => p.stage.name)).toEqual(['Inquiry', 'MQL', 'SAL', 'SQL', 'Closed won']);
    const loop = funnel.transitions.find((t) => t.recycle);
    expect(loop).toMatchObject({ source: 'stage-recycled', target: 'stage-lead' });
    expect(instantiateTemplate('demand-waterfall', 'es', []).stages.map((s) => s.name)).toEqual([
      'Consulta',
      'MQL',
      'SAL',
      'SQL',
      'Cerrado ganado',
      'Reciclado',
    ]);
  });

  it('the HubSpot lifecycle starts at Subscriber and ends at Customer', () => {
    const funnel = instantiateTemplate('hubspot-lifecycle', 'en', standardTerms('en'));
    expect(mainPath(funnel).map((p) => p.stage.name)).toEqual([
      'Subscriber',
      'Lead',
      'Marketing qualified lead',
      'Sales qualified lead',
      'Opportunity',
      'Customer',
    ]);
  });

  it.each(LANGUAGES)('the simple B2B funnel is the standard funnel (%s) apart from its layout', (language) => {
    const funnel = instantiateTemplate('simple-b2b', language, standardTerms(language));
    expect(withoutPositions(funnel)).toEqual(withoutPositions(standardFunnel(language)));
  });

  it('links each stage to the glossary term of its kind, and to nothing the glossary lacks', () => {
    const linked = instantiateTemplate('demand-waterfall', 'es', standardTerms('es'));
    expect(linked.stages.map((s) => s.termId)).toEqual(['term-lead', 'term-mql', 'term-sal', 'term-sql', 'term-customer', null]);
    const bare = instantiateTemplate('demand-waterfall', 'es', []);
    expect(bare.stages.every((s) => s.termId === null)).toBe(true);
    const custom: Term = { id: 'g-1', name: 'Lead reciclado', acronym: '', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'marketing' };
    expect(instantiateTemplate('demand-waterfall', 'es', [custom]).stages.find((s) => s.id === 'stage-recycled')?.termId).toBe('g-1');
  });

  it('lays its stages out left to right along the main path', () => {
    for (const id of TEMPLATE_IDS) {
      const xs = mainPath(instantiateTemplate(id, 'en', [])).map((p) => p.stage.x);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size).toBe(xs.length);
    }
  });

  it('every default carries a known source, and lies inside the range it cites', () => {
    for (const id of TEMPLATE_IDS) {
      for (const t of FUNNEL_TEMPLATES[id].transitions) {
        for (const d of [t.conversionRate, t.averageDays]) {
          expect(BENCHMARK_SOURCES[d.source.id]).toBe(d.source);
          expect(d.basis.es.length * d.basis.en.length).toBeGreaterThan(0);
          if (d.range) {
            expect(d.value).toBeGreaterThanOrEqual(d.range.min);
            expect(d.value).toBeLessThanOrEqual(d.range.max);
          }
        }
        expect(t.conversionRate.value).toBeGreaterThanOrEqual(0);
        expect(t.conversionRate.value).toBeLessThanOrEqual(1);
      }
    }
  });

  it('rates that docs/domain.md gives a range for use its midpoint in the Demand Waterfall', () => {
    for (const t of FUNNEL_TEMPLATES['demand-waterfall'].transitions) {
      const r = t.conversionRate.range;
      if (r) expect(t.conversionRate.value).toBeCloseTo((r.min + r.max) / 2, 10);
    }
  });
});

describe('formatSource', () => {
  it.each([
    ['marketingsherpa-2009', 'en', 'MarketingSherpa B2B survey, 2009'],
    ['hubspot-salesforce-2024', 'en', 'Compilations of HubSpot and Salesforce figures, 2024 (second-hand)'],
    ['hubspot-salesforce-2024', 'es', 'Recopilaciones de cifras de HubSpot y Salesforce, 2024 (de segunda mano)'],
    ['demand-waterfall-ranges', 'en', 'Demand Waterfall enterprise ranges (practitioner write-up), undated'],
    ['demand-waterfall-ranges', 'es', 'Rangos empresariales de la Demand Waterfall (artículo de un profesional), sin fecha'],
  ] as const)('%s in %s', (id, language, text) => {
    expect(formatSource(BENCHMARK_SOURCES[id], language)).toBe(text);
  });

  it('names the placeholder without pretending it has a year', () => {
    expect(formatSource(BENCHMARK_SOURCES['pacto-placeholder'], 'en')).not.toMatch(/undated|\d{4}/);
  });
});

describe('defaultSources', () => {
  const terms = standardTerms('es');

  it('finds the source of each untouched default', () => {
    const funnel = instantiateTemplate('demand-waterfall', 'es', terms);
    const t = funnel.transitions.find((x) => x.id === 'tr-lead-mql')!;
    const found = defaultSources(t, funnel, terms);
    expect(found.conversionRate).toMatchObject({ template: 'demand-waterfall', value: 0.175, range: { min: 0.1, max: 0.25 } });
    expect(found.conversionRate?.source.id).toBe('demand-waterfall-ranges');
    expect(found.averageDays?.source.id).toBe('sales-cycle-segments');
  });

  it('shows no source once the team changed the value', () => {
    const funnel = instantiateTemplate('hubspot-lifecycle', 'es', terms);
    const t = { ...funnel.transitions.find((x) => x.id === 'tr-opportunity-customer')!, conversionRate: 0.3 };
    const found = defaultSources(t, funnel, terms);
    expect(found.conversionRate).toBeNull();
    expect(found.averageDays?.value).toBe(60);
  });

  it('recognises the ends by name even in a funnel drawn by hand', () => {
    const funnel: Funnel = {
      stages: [
        { id: 'a', name: 'Oportunidad', ownerTeam: 'sales', termId: null, x: 0, y: 0 },
        { id: 'b', name: 'Cliente', ownerTeam: 'sales', termId: null, x: 300, y: 0 },
      ],
      transitions: [{ id: 't', source: 'a', target: 'b', conversionRate: 0.21, averageDays: 1, recycle: false }],
    };
    expect(defaultSources(funnel.transitions[0]!, funnel, []).conversionRate?.source.id).toBe('hubspot-reps-2026');
  });

  it('the standard funnel of a new workshop shows its sources', () => {
    const funnel = standardFunnel('es');
    for (const t of funnel.transitions) expect(defaultSources(t, funnel, terms).conversionRate).not.toBeNull();
  });
});

describe('stage palette', () => {
  it('offers the eight standard stages with names in both languages', () => {
    expect(STAGE_PALETTE.map((s) => s.kind)).toEqual(['lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'recycled', 'disqualified']);
    for (const s of STAGE_PALETTE) {
      expect(s.id).toBe(`stage-${s.kind}`);
      for (const language of LANGUAGES) expect(stageKindOfName(s.name[language])).toBe(s.kind);
    }
    expect(STAGE_PALETTE.map((s) => s.name.es)).toEqual(['Lead', 'MQL', 'SAL', 'SQL', 'Oportunidad', 'Cliente', 'Reciclado', 'Descalificado']);
  });

  it('uses the same ids, names and owners as the standard funnel', () => {
    const standard = standardFunnel('en');
    for (const stage of standard.stages) {
      const palette = STAGE_PALETTE.find((p) => p.id === stage.id)!;
      expect([palette.name.en, palette.ownerTeam, palette.termId]).toEqual([stage.name, stage.ownerTeam, stage.termId]);
    }
  });

  it('a new palette stage gets a free id and the glossary term of its kind', () => {
    const funnel = standardFunnel('es');
    const terms = standardTerms('es');
    const mql = createStandardStage('mql', 'es', funnel, terms, { x: 10, y: 20 });
    expect(mql).toEqual({ id: 'stage-mql-2', name: 'MQL', ownerTeam: 'marketing', termId: 'term-mql', x: 10, y: 20 });
    expect(createStandardStage('disqualified', 'en', funnel, terms)).toMatchObject({
      id: 'stage-disqualified',
      name: 'Disqualified',
      ownerTeam: 'sales',
      termId: null,
    });
  });

  it('uniqueId never returns a taken id', () => {
    expect(uniqueId('a', new Set())).toBe('a');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
  });

  it('termForKind prefers the standard term, then a term whose name or acronym means the kind', () => {
    const terms = standardTerms('en');
    expect(termForKind('sql', terms)?.id).toBe('term-sql');
    const own: Term = { ...terms[1]!, id: 'mine', name: 'Lead cualificado por marketing', acronym: '' };
    expect(termForKind('mql', [own])?.id).toBe('mine');
    expect(termForKind('disqualified', terms)).toBeNull();
  });

  it('stageKindOf reads a stage by name, else by its linked term', () => {
    const terms = standardTerms('es');
    const stage = { id: 's', name: 'Hot lead', ownerTeam: 'marketing' as const, termId: 'term-mql', x: 0, y: 0 };
    expect(stageKindOf(stage, terms)).toBe('mql');
    expect(stageKindOf(stage, [])).toBe('mql');
    expect(stageKindOf({ ...stage, termId: null }, terms)).toBeNull();
    expect(stageKindOf({ ...stage, name: 'Oportunidad' }, terms)).toBe('opportunity');
  });
});
