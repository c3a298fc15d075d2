// Compare and merge: lining up Marketing's and Sales' funnels, the gaps
// between them, and building the agreed funnel from them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Funnel, FunnelStage, Party } from '../../shared/domain/workshop';
import { findGaps, gapTermId, highlightIds, ToleranceError, type Gap, type GapKind } from '../../shared/funnel/gaps';
import { lineUpStages, pairStages } from '../../shared/funnel/lineup';
import { agreedFromSide, applyGapResolution, applyGapResolutions } from '../../shared/funnel/merge';
import { synonymsOf, type StageKind } from '../../shared/funnel/names';
import { STAGE_BOX } from '../../shared/funnel/placement';
import { instantiateTemplate } from '../../shared/funnel/templates';
import { standardFunnel, standardTerms } from '../../shared/sample/standard-content';
import { stage, tr } from '../support/workshop';

const names = (rows: ReturnType<typeof lineUpStages>): [string | null, string | null][] => rows.map((r) => [r.marketing?.name ?? null, r.sales?.name ?? null]);
const ZERO = { ratePoints: 0, days: 0 };

// ---------------------------------------------------------------------------------------------
// Generators: two teams drawing funnels from a shared pool of stage concepts, each naming a
// concept its own way (a synonym in either language), linking it to the concept's term, to an
// alternative term of the same concept, or to none, with their own owners, arrows and numbers.
// ---------------------------------------------------------------------------------------------
const STANDARD: StageKind[] = ['lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'recycled', 'disqualified'];
const CUSTOM = ['Demo agendada', 'Webinar', 'Prueba gratuita'];
const CONCEPTS = [...STANDARD, ...CUSTOM];
const nameChoices = (concept: string): string[] =>
  (STANDARD as string[]).includes(concept) ? [...synonymsOf(concept as StageKind)] : [concept, concept.toUpperCase(), ` ${concept}.`];

function sideFunnel(prefix: string): fc.Arbitrary<Funnel> {
  return fc
    .shuffledSubarray(CONCEPTS, { minLength: 1, maxLength: CONCEPTS.length })
    .chain((concepts) =>
      fc.record({
        stages: fc.tuple(
          ...concepts.map((concept, i) =>
            fc.record({
              id: fc.constant(`${prefix}${i}`),
              name: fc.constantFrom(...nameChoices(concept)),
              ownerTeam: fc.constantFrom<Party>('marketing', 'sales'),
              termId: fc.constantFrom(null, `term-${concept}`, `term-${concept}-alt`),
              x: fc.integer({ min: 0, max: 2000 }),
              y: fc.integer({ min: 0, max: 800 }),
            }),
          ),
        ),
        edges: fc.uniqueArray(
          fc.record({
            from: fc.nat(concepts.length - 1),
            to: fc.nat(concepts.length - 1),
            conversionRate: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
            averageDays: fc.integer({ min: 0, max: 120 }),
            recycle: fc.boolean(),
          }),
          { selector: (e) => `${e.from}>${e.to}`, maxLength: 3 * concepts.length },
        ),
      }),
    )
    .map(({ stages, edges }) => ({
      stages: [...stages],
      transitions: edges.map((e, i) => ({
        id: `${prefix}t${i}`,
        source: stages[e.from]!.id,
        target: stages[e.to]!.id,
        conversionRate: e.conversionRate,
        averageDays: e.averageDays,
        recycle: e.recycle,
      })),
    }));
}
const teams = fc.record({ marketing: sideFunnel('m'), sales: sideFunnel('s') });

describe('lineUpStages', () => {
  it('lines up synonyms across languages, and keeps stages found in one funnel only', () => {
    const marketing: Funnel = {
      stages: [stage('m1', 'Inquiry'), stage('m2', 'Lead calificado por marketing'), stage('m3', 'Oportunidad'), stage('m4', 'Cliente')],
      transitions: [tr('a', 'm1', 'm2'), tr('b', 'm2', 'm3'), tr('c', 'm3', 'm4')],
    };
    const sales: Funnel = {
      stages: [stage('s1', 'Lead'), stage('s2', 'Marketing qualified lead'), stage('s3', 'SAL'), stage('s4', 'SQO'), stage('s5', 'Closed won')],
      transitions: [tr('a', 's1', 's2'), tr('b', 's2', 's3'), tr('c', 's3', 's4'), tr('d', 's4', 's5')],
    };
    expect(names(lineUpStages(marketing, sales))).toEqual([
      ['Inquiry', 'Lead'],
      ['Lead calificado por marketing', 'Marketing qualified lead'],
      [null, 'SAL'],
      ['Oportunidad', 'SQO'],
      ['Cliente', 'Closed won'],
    ]);
    expect(lineUpStages(marketing, sales).map((r) => r.matchedBy)).toEqual(['name', 'name', null, 'name', 'name']);
  });

  it('matches by linked term before names: a renamed stage still lines up, a namesake linked elsewhere does not', () => {
    const marketing: Funnel = { stages: [stage('m1', 'Hot lead', { termId: 'g-mql' }), stage('m2', 'SQL', { termId: 'g-sql' })], transitions: [] };
    const sales: Funnel = { stages: [stage('s1', 'SQL', { termId: 'g-mql' }), stage('s2', 'Ready', { termId: 'g-sql' })], transitions: [] };
    expect(names(lineUpStages(marketing, sales))).toEqual([
      ['Hot lead', 'SQL'],
      ['SQL', 'Ready'],
    ]);
    expect(lineUpStages(marketing, sales).map((r) => r.matchedBy)).toEqual(['term', 'term']);
  });

  it('is case-, accent-, punctuation- and space-insensitive for names of its own', () => {
    const marketing: Funnel = { stages: [stage('m1', 'Demo  agendada')], transitions: [] };
    const sales: Funnel = { stages: [stage('s1', 'DEMO-AGENDADA.')], transitions: [] };
    expect(names(lineUpStages(marketing, sales))).toEqual([['Demo  agendada', 'DEMO-AGENDADA.']]);
  });

  it('reads a stage through its linked term when the name says nothing', () => {
    const terms = standardTerms('es');
    const marketing: Funnel = { stages: [stage('m1', 'Hot lead', { termId: 'term-mql' })], transitions: [] };
    const sales: Funnel = { stages: [stage('s1', 'Lead calificado por marketing')], transitions: [] };
    expect(names(lineUpStages(marketing, sales, terms))).toEqual([['Hot lead', 'Lead calificado por marketing']]);
  });

  it('pairs duplicates in list order and never matches empty names', () => {
    const marketing: Funnel = { stages: [stage('m1', 'MQL'), stage('m2', 'MQL'), stage('m3', '')], transitions: [] };
    const sales: Funnel = { stages: [stage('s1', 'mql'), stage('s2', ' ')], transitions: [] };
    expect(lineUpStages(marketing, sales).map((r) => [r.marketing?.id ?? null, r.sales?.id ?? null])).toEqual([
      ['m1', 's1'],
      ['m2', null],
      ['m3', null],
      [null, 's2'],
    ]);
  });

  it('rows follow the flow of both funnels: a stage only Sales has sits where Sales has it', () => {
    const m = standardFunnel('es');
    const s = instantiateTemplate('demand-waterfall', 'es', standardTerms('es'));
    const rows = names(lineUpStages(m, s, standardTerms('es')));
    expect(rows).toEqual([
      ['Lead', 'Consulta'],
      ['MQL', 'MQL'],
      ['SAL', 'SAL'],
      ['SQL', 'SQL'],
      ['Oportunidad', null],
      [null, 'Reciclado'],
      ['Cliente', 'Cerrado ganado'],
    ]);
  });

  it('is symmetric: swapping the funnels swaps the sides of every pair (property)', () => {
    fc.assert(
      fc.property(teams, ({ marketing, sales }) => {
        const key = (a: FunnelStage | null, b: FunnelStage | null): string => `${a?.id ?? '-'}|${b?.id ?? '-'}`;
        const forward = pairStages(marketing, sales)
          .map((p) => key(p.a, p.b))
          .sort();
        const backward = pairStages(sales, marketing)
          .map((p) => key(p.b, p.a))
          .sort();
        expect(backward).toEqual(forward);
      }),
    );
  });

  it('puts every stage of both funnels in exactly one row, and only lines up the same concept (property)', () => {
    fc.assert(
      fc.property(teams, ({ marketing, sales }) => {
        const rows = lineUpStages(marketing, sales);
        expect(rows.flatMap((r) => (r.marketing ? [r.marketing.id] : [])).sort()).toEqual(marketing.stages.map((s) => s.id).sort());
        expect(rows.flatMap((r) => (r.sales ? [r.sales.id] : [])).sort()).toEqual(sales.stages.map((s) => s.id).sort());
        const concept = (s: FunnelStage): string => s.termId?.replace(/^term-/, '').replace(/-alt$/, '') ?? '';
        for (const r of rows) {
          if (r.marketing && r.sales && r.matchedBy === 'term') expect(r.marketing.termId).toBe(r.sales.termId);
          if (r.marketing && r.sales && r.marketing.termId && r.sales.termId) expect(concept(r.marketing)).toBe(concept(r.sales));
        }
      }),
    );
  });
});

describe('findGaps', () => {
  // Marketing: Lead → MQL → SQL; Sales: Lead → MQL → SAL → SQL, MQL owned by sales, different numbers.
  const marketing: Funnel = {
    stages: [stage('m-lead', 'Lead', { termId: 'term-lead' }), stage('m-mql', 'MQL', { termId: 'term-mql' }), stage('m-sql', 'SQL', { ownerTeam: 'sales' })],
    transitions: [tr('m1', 'm-lead', 'm-mql', { conversionRate: 0.3, averageDays: 10 }), tr('m2', 'm-mql', 'm-sql', { conversionRate: 0.4 })],
  };
  const sales: Funnel = {
    stages: [
      stage('s-lead', 'Inquiry', { termId: 'term-lead' }),
      stage('s-mql', 'Lead calificado por marketing', { ownerTeam: 'sales', termId: 'term-mql-ventas' }),
      stage('s-sal', 'SAL', { ownerTeam: 'sales' }),
      stage('s-sql', 'SQL', { ownerTeam: 'sales', termId: 'term-sql' }),
    ],
    transitions: [
      tr('s1', 's-lead', 's-mql', { conversionRate: 0.2, averageDays: 14, recycle: false }),
      tr('s2', 's-mql', 's-sal', { conversionRate: 0.8 }),
      tr('s3', 's-sal', 's-sql', { conversionRate: 0.5 }),
    ],
  };

  it('lists each kind of difference with the ids on both sides and both values', () => {
    const gaps = findGaps(marketing, sales, { ratePoints: 5, days: 3 });
    expect(gaps.map((g) => [g.kind, g.subject, g.marketing.value, g.sales.value])).toEqual([
      ['owner', 'MQL', 'marketing', 'sales'],
      ['term', 'MQL', 'term-mql', 'term-mql-ventas'],
      ['stage-missing', 'SAL', null, 'SAL'],
      ['term', 'SQL', null, 'term-sql'],
      ['rate', 'Lead → MQL', 0.3, 0.2],
      ['days', 'Lead → MQL', 10, 14],
      ['transition-missing', 'MQL → SQL', 0.4, null],
    ]);
    const rate = gaps.find((g) => g.kind === 'rate')!;
    expect(rate.marketing).toEqual({ stageIds: ['m-lead', 'm-mql'], transitionId: 'm1', value: 0.3 });
    expect(rate.sales).toEqual({ stageIds: ['s-lead', 's-mql'], transitionId: 's1', value: 0.2 });
    const missing = gaps.find((g) => g.kind === 'transition-missing')!;
    expect(missing.sales).toEqual({ stageIds: ['s-mql', 's-sql'], transitionId: null, value: null });
    const sal = gaps.find((g) => g.kind === 'stage-missing')!;
    expect([sal.marketing.stageIds, sal.sales.stageIds]).toEqual([[], ['s-sal']]);
  });

  it('offers adopting either side on every gap, the glossary for definitions and the SLA for numbers', () => {
    const gaps = findGaps(marketing, sales, ZERO);
    const actions = Object.fromEntries(gaps.map((g) => [g.kind, g.actions]));
    for (const g of gaps) expect(g.actions.slice(0, 2)).toEqual(['adopt-marketing', 'adopt-sales']);
    expect(actions.term).toContain('open-glossary-item');
    expect(actions['stage-missing']).toContain('open-glossary-item');
    expect(actions.rate).toContain('open-sla-item');
    expect(actions.days).toContain('open-sla-item');
    expect(actions.rate).not.toContain('open-glossary-item');
  });

  it.each<[string, number, number, boolean]>([
    ['10 points apart, tolerance 5', 0.3, 0.2, true],
    ['exactly the tolerance apart is not a gap', 0.3, 0.25, false],
    ['5.1 points apart is one', 0.301, 0.25, true],
    ['floating-point noise does not count (0.1 + 0.2 vs 0.35)', 0.1 + 0.2, 0.35, false],
    ['identical', 0.4, 0.4, false],
  ])('rate tolerance: %s', (_what, m, s, isGap) => {
    const one = (rate: number, p: string): Funnel => ({
      stages: [stage(`${p}a`, 'MQL'), stage(`${p}b`, 'SQL')],
      transitions: [tr(`${p}t`, `${p}a`, `${p}b`, { conversionRate: rate })],
    });
    expect(findGaps(one(m, 'm'), one(s, 's'), { ratePoints: 5, days: 0 }).some((g) => g.kind === 'rate')).toBe(isGap);
  });

  it.each<[number, number, number, boolean]>([
    [10, 14, 3, true],
    [10, 13, 3, false],
    [10, 10.5, 0, true],
    [10, 10, 0, false],
  ])('days tolerance: %s vs %s days with tolerance %s → gap %s', (m, s, tolerance, isGap) => {
    const one = (days: number, p: string): Funnel => ({
      stages: [stage(`${p}a`, 'MQL'), stage(`${p}b`, 'SQL')],
      transitions: [tr(`${p}t`, `${p}a`, `${p}b`, { averageDays: days })],
    });
    expect(findGaps(one(m, 'm'), one(s, 's'), { ratePoints: 0, days: tolerance }).some((g) => g.kind === 'days')).toBe(isGap);
  });

  it('two funnels from the same template have no gap; the same funnel under other names neither', () => {
    const terms = standardTerms('es');
    expect(findGaps(standardFunnel('es'), standardFunnel('en'), ZERO)).toEqual([]);
    const es = instantiateTemplate('demand-waterfall', 'es', terms);
    const en = instantiateTemplate('demand-waterfall', 'en', []);
    // Same names' meaning, no term links on one side: only `term` gaps, none on numbers or structure.
    expect([...new Set(findGaps(es, en, ZERO).map((g) => g.kind))]).toEqual(['term']);
  });

  it('gives gaps ids that survive a change of values, and differ between gaps', () => {
    const before = findGaps(marketing, sales, ZERO);
    const changed = structuredClone(sales);
    changed.transitions[0]!.conversionRate = 0.1;
    const after = findGaps(marketing, changed, ZERO);
    expect(after.map((g) => g.id)).toEqual(before.map((g) => g.id));
    expect(new Set(before.map((g) => g.id)).size).toBe(before.length);
  });

  it('collects the ids to highlight on each canvas', () => {
    const gaps = findGaps(marketing, sales, ZERO).filter((g) => g.kind === 'rate' || g.kind === 'stage-missing');
    expect(highlightIds(gaps, 'sales')).toEqual({ stageIds: new Set(['s-sal', 's-lead', 's-mql']), transitionIds: new Set(['s1']) });
    expect(highlightIds(gaps, 'marketing')).toEqual({ stageIds: new Set(['m-lead', 'm-mql']), transitionIds: new Set(['m1']) });
  });

  it.each([
    [{ ratePoints: -1, days: 0 }, 'ratePoints'],
    [{ ratePoints: 0, days: Number.NaN }, 'days'],
  ])('rejects tolerance %j naming %s', (tolerance, field) => {
    expect(() => findGaps(marketing, sales, tolerance)).toThrow(ToleranceError);
    expect(() => findGaps(marketing, sales, tolerance)).toThrow(field);
  });

  it('finds no gap between a funnel and itself, whatever the tolerance (property)', () => {
    fc.assert(
      fc.property(sideFunnel('m'), fc.nat(20), fc.nat(30), (funnel, ratePoints, days) => {
        expect(findGaps(funnel, structuredClone(funnel), { ratePoints, days })).toEqual([]);
      }),
    );
  });

  it('a wider tolerance never finds more gaps (property)', () => {
    fc.assert(
      fc.property(teams, fc.nat(20), fc.nat(20), ({ marketing: m, sales: s }, a, b) => {
        const narrow = findGaps(m, s, { ratePoints: Math.min(a, b), days: Math.min(a, b) }).map((g) => g.id);
        const wide = findGaps(m, s, { ratePoints: Math.max(a, b), days: Math.max(a, b) }).map((g) => g.id);
        expect(wide.every((id) => narrow.includes(id))).toBe(true);
      }),
    );
  });
});

describe('merge into the agreed funnel', () => {
  const terms = standardTerms('es');
  const marketing = standardFunnel('es');
  const sales = instantiateTemplate('demand-waterfall', 'es', terms);
  const funnels = { marketing, sales };
  const gapsOf = (kind: GapKind): Gap[] => findGaps(marketing, sales, ZERO, terms).filter((g) => g.kind === kind);
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
    return r.value;
  };

  it('wholesale from either side gives an equal, independent copy', () => {
    for (const side of ['marketing', 'sales'] as const) {
      const agreed = agreedFromSide(funnels, side);
      expect(agreed).toEqual(funnels[side]);
      agreed.stages[0]!.name = 'changed';
      expect(funnels[side].stages[0]!.name).not.toBe('changed');
    }
  });

  it('wholesale from either side equals that side, for any funnel (property)', () => {
    fc.assert(
      fc.property(teams, fc.constantFrom<Party>('marketing', 'sales'), (t, side) => {
        expect(agreedFromSide(t, side)).toEqual(t[side]);
        expect(findGaps(t[side], agreedFromSide(t, side), ZERO)).toEqual([]);
      }),
    );
  });

  it('adopting a rate sets the agreed transition to that side’s value', () => {
    const gap = gapsOf('rate').find((g) => g.subject === 'MQL → SAL')!;
    const fromMarketing = agreedFromSide(funnels, 'marketing');
    const adopted = must(applyGapResolution(fromMarketing, gap, 'sales', funnels, terms));
    expect(adopted.transitions.find((t) => t.id === 'tr-mql-sal')?.conversionRate).toBe(0.5);
    expect(fromMarketing.transitions.find((t) => t.id === 'tr-mql-sal')?.conversionRate).toBe(0.8);
    // Everything else is unchanged.
    expect({ ...adopted, transitions: adopted.transitions.filter((t) => t.id !== 'tr-mql-sal') }).toEqual({
      ...fromMarketing,
      transitions: fromMarketing.transitions.filter((t) => t.id !== 'tr-mql-sal'),
    });
  });

  it('adopting the side that has a stage adds it with its arrows; the side without it removes it', () => {
    const recycled = gapsOf('stage-missing').find((g) => g.subject === 'Reciclado')!;
    const added = must(applyGapResolution(agreedFromSide(funnels, 'marketing'), recycled, 'sales', funnels, terms));
    expect(added.stages.map((s) => s.id)).toContain('stage-recycled');
    expect(added.transitions.filter((t) => t.source === 'stage-recycled' || t.target === 'stage-recycled')).toEqual([
      expect.objectContaining({ source: 'stage-sal', target: 'stage-recycled', conversionRate: 0.4 }),
      expect.objectContaining({ source: 'stage-recycled', target: 'stage-lead', recycle: true }),
    ]);
    const opportunity = gapsOf('stage-missing').find((g) => g.subject === 'Oportunidad')!;
    const removed = must(applyGapResolution(agreedFromSide(funnels, 'marketing'), opportunity, 'sales', funnels, terms));
    expect(removed.stages.map((s) => s.id)).not.toContain('stage-opportunity');
    expect(removed.transitions.some((t) => t.source === 'stage-opportunity' || t.target === 'stage-opportunity')).toBe(false);
  });

  it('is idempotent: adopting the same side twice changes nothing more', () => {
    const agreed = agreedFromSide(funnels, 'sales');
    for (const gap of findGaps(marketing, sales, ZERO, terms)) {
      const once = must(applyGapResolution(agreed, gap, 'marketing', funnels, terms));
      expect(must(applyGapResolution(once, gap, 'marketing', funnels, terms))).toEqual(once);
    }
  });

  it('refuses to change a value the agreed funnel has no place for, naming the problem', () => {
    const empty: Funnel = { stages: [], transitions: [] };
    expect(applyGapResolution(empty, gapsOf('rate')[0]!, 'marketing', funnels, terms)).toMatchObject({ ok: false, error: { code: 'not-in-agreed' } });
    const transition = gapsOf('transition-missing').find((g) => g.sales.transitionId)!;
    expect(transition.subject).toBe('SQL → Cliente');
    expect(applyGapResolution(empty, transition, 'sales', funnels, terms)).toMatchObject({ ok: false, error: { code: 'missing-endpoint' } });
    const owner: Gap = {
      ...gapsOf('rate')[0]!,
      kind: 'owner',
      marketing: { stageIds: ['nope'], transitionId: null, value: 'sales' },
      sales: { stageIds: [], transitionId: null, value: 'marketing' },
    } as Gap;
    expect(applyGapResolution(marketing, owner, 'marketing', funnels, terms)).toMatchObject({ ok: false, error: { code: 'not-in-agreed' } });
  });

  it('adopting one side on every gap turns the other side’s copy into that side’s funnel (property)', () => {
    fc.assert(
      fc.property(teams, fc.constantFrom<Party>('marketing', 'sales'), (t, adopt) => {
        const start = agreedFromSide(t, adopt === 'marketing' ? 'sales' : 'marketing');
        const gaps = findGaps(t.marketing, t.sales, ZERO);
        const merged = applyGapResolutions(start, gaps, adopt, t);
        expect(merged.ok).toBe(true);
        if (!merged.ok) return;
        expect(findGaps(t[adopt], merged.value, ZERO)).toEqual([]);
        expect(merged.value.stages).toHaveLength(t[adopt].stages.length);
        expect(merged.value.transitions).toHaveLength(t[adopt].transitions.length);
      }),
      { numRuns: 300 },
    );
  });

  it('resolving gaps in any order gives the same funnel (property)', () => {
    fc.assert(
      fc.property(
        teams.chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(findGaps(t.marketing, t.sales, ZERO), { minLength: 0 }))),
        ([t, shuffled]) => {
          const start = agreedFromSide(t, 'sales');
          const inOrder = findGaps(t.marketing, t.sales, ZERO).filter((g) => shuffled.some((s) => s.id === g.id));
          const a = applyGapResolutions(start, inOrder, 'marketing', t);
          const b = applyGapResolutions(start, shuffled, 'marketing', t);
          expect(a.ok && b.ok).toBe(true);
          if (!a.ok || !b.ok) return;
          // Where an adopted stage lands depends on what was placed before it (the free-place search), so
          // the funnels are compared without positions, and each adopted stage must sit clear of every other.
          const canonical = (f: Funnel): unknown => ({
            stages: [...f.stages].sort((x, y) => x.id.localeCompare(y.id)).map(({ x: _x, y: _y, ...rest }) => rest),
            transitions: [...f.transitions]
              .sort((x, y) => `${x.source}>${x.target}`.localeCompare(`${y.source}>${y.target}`))
              .map(({ id: _id, ...rest }) => rest),
          });
          expect(canonical(b.value)).toEqual(canonical(a.value));
          for (const result of [a.value, b.value]) {
            const adopted = result.stages.filter((st) => !start.stages.some((o) => o.id === st.id));
            for (const st of adopted) {
              const clash = result.stages.find((o) => o.id !== st.id && Math.abs(o.x - st.x) < STAGE_BOX.width && Math.abs(o.y - st.y) < STAGE_BOX.height);
              expect(clash, `${st.name} placed on ${clash?.name}`).toBeUndefined();
            }
          }
        },
      ),
    );
  });
});

describe('gapTermId', () => {
  const terms = standardTerms('es');
  const base = standardFunnel('es');
  const withStage = (funnel: Funnel, name: string, patch: Partial<FunnelStage>): Funnel => ({
    ...funnel,
    stages: funnel.stages.map((s) => (s.name === name ? { ...s, ...patch } : s)),
  });

  it('gives the term of the stage a gap concerns, for the glossary to open on', () => {
    const sales = withStage(base, 'SAL', { ownerTeam: 'marketing' });
    const [gap] = findGaps(base, sales, ZERO, terms);
    expect(gap?.kind).toBe('owner');
    const sal = base.stages.find((s) => s.name === 'SAL')!;
    expect(sal.termId).not.toBeNull();
    expect(gapTermId(gap!, { marketing: base, sales })).toBe(sal.termId);
  });

  it("gives Marketing's term for a gap between two linked terms, Sales' when Marketing's stage links none", () => {
    const sql = base.stages.find((s) => s.name === 'SQL')!;
    const other = terms.find((t) => t.id !== sql.termId)!.id;
    const sales = withStage(base, 'SQL', { termId: other });
    const termGap = findGaps(base, sales, ZERO, terms).find((g) => g.kind === 'term')!;
    expect(gapTermId(termGap, { marketing: base, sales })).toBe(sql.termId);
    const marketing = withStage(base, 'SQL', { termId: null });
    const oneSided = findGaps(marketing, sales, ZERO, terms).find((g) => g.kind === 'term')!;
    expect(gapTermId(oneSided, { marketing, sales })).toBe(other);
  });

  it('is undefined when no stage of the gap links a term', () => {
    const unlinked: Funnel = { ...base, stages: base.stages.map((s) => ({ ...s, termId: null })) };
    const sales = withStage(unlinked, 'SAL', { ownerTeam: 'marketing' });
    const [gap] = findGaps(unlinked, sales, ZERO, terms);
    expect(gapTermId(gap!, { marketing: unlinked, sales })).toBeUndefined();
  });
});
