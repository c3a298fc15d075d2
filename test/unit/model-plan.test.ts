import { describe, expect, it } from 'vitest';
import { checkBenchmark, checkChainBenchmarks, RATE_BENCHMARKS } from '../../shared/model/benchmarks';
import { chainFromFunnel, conversionBetween, standardStageKey, stageToCloseDays, type PlanStage } from '../../shared/model/chain';
import { forwardProjection } from '../../shared/model/forward';
import { goalSeekRate } from '../../shared/model/goal-seek';
import { costPerStage, leadToCustomerRate, pipelineCoverage, pipelineVelocity, salesCapacity } from '../../shared/model/metrics';
import { addMonths, monthlyPlan } from '../../shared/model/monthly-plan';
import { planScenario } from '../../shared/model/plan';
import { reverseFunnel, type ModelInputError } from '../../shared/model/reverse-funnel';
import type { Scenario } from '../../shared/model/scenario';
import { sensitivity } from '../../shared/model/sensitivity';
import { standardFunnel } from '../../shared/sample/standard-content';

/** The worked example of docs/domain.md: 25 % lead→MQL, 40 % MQL→SQL, 50 % SQL→opportunity, 25 % win. */
const WORKED: PlanStage[] = [
  { id: 'lead', name: 'Lead', conversionRate: 0.25, averageDays: 14 },
  { id: 'mql', name: 'MQL', conversionRate: 0.4, averageDays: 9 },
  { id: 'sql', name: 'SQL', conversionRate: 0.5, averageDays: 10 },
  { id: 'opportunity', name: 'Opportunity', conversionRate: 0.25, averageDays: 60 },
  { id: 'customer', name: 'Customer', conversionRate: 0, averageDays: 0 },
];

function workedScenario(targets: Partial<Scenario['targets']> = {}): Scenario {
  return {
    id: 'base',
    name: 'Base',
    kind: 'base',
    stages: WORKED.map((s, i) =>
      i === WORKED.length - 1 ? { id: s.id, name: s.name } : { id: s.id, name: s.name, conversionRate: s.conversionRate, averageDays: s.averageDays },
    ),
    targets: { revenueTarget: 1_200_000, averageDealSize: 20_000, periodMonths: 12, ...targets },
  };
}

describe('planScenario on the worked example of docs/domain.md', () => {
  it('needs 60 deals, 240 opportunities, 480 SQLs, 1,200 MQLs, 4,800 leads (1.25 % lead-to-deal)', () => {
    const plan = planScenario(workedScenario());
    expect(plan.stages.map((s) => s.volume)).toEqual([4800, 1200, 480, 240, 60]);
    expect(plan.deals).toBe(60);
    expect(plan.revenue).toBe(1_200_000);
    expect(plan.leadToCustomerRate).toBeCloseTo(0.0125, 12);
    expect(plan.winRate).toBe(0.25);
    expect(plan.coverage).toBe(4);
    expect(plan.pipelineValueNeeded).toBe(4_800_000);
    expect(plan.salesCycleDays).toBe(60);
    expect(plan.opportunityStageId).toBe('opportunity');
    expect(plan.costs).toBeNull();
    expect(plan.capacity).toBeNull();
  });

  it('keeps the last stage without a rate and every other with its inputs', () => {
    const plan = planScenario(workedScenario());
    expect(plan.stages[4]).toMatchObject({ id: 'customer', conversionRate: null, averageDays: null });
    expect(plan.stages[1]).toMatchObject({ id: 'mql', conversionRate: 0.4, averageDays: 9 });
  });

  it('gives cost per lead, MQL, SQL, opportunity and CAC from a budget', () => {
    const plan = planScenario(workedScenario({ budget: 240_000 }));
    // 240,000 ÷ 4,800 = 50; ÷ 1,200 = 200; ÷ 480 = 500; ÷ 240 = 1,000; ÷ 60 = 4,000.
    expect(plan.costs!.map((c) => c.cost)).toEqual([50, 200, 500, 1000, 4000]);
  });

  it('checks sales capacity on the busiest month: 20 opportunities a month vs 2 reps × 8', () => {
    // 60 deals over 12 months = 5 a month; ÷ 25 % = 20 opportunities a month.
    const plan = planScenario(workedScenario({ salesReps: 2, opportunitiesPerRepPerMonth: 8 }));
    expect(plan.opportunitiesPerMonth).toEqual({ average: 20, peak: 20 });
    expect(plan.capacity).toEqual({ opportunitiesPerMonth: 20, capacityPerMonth: 16, repsNeeded: 3, utilisation: 1.25, overCapacity: true });
  });

  it('computes velocity of the steady-state pipeline: it equals the revenue per day the target needs', () => {
    const plan = planScenario(workedScenario());
    // 20 opportunities a month open for 60 days → 20 × 60 ÷ 30.4375 ≈ 39.4 in the pipeline.
    expect(plan.opportunitiesInPipeline).toBeCloseTo((20 * 60) / 30.4375, 9);
    expect(plan.pipelineVelocity).toBeCloseTo(1_200_000 / 365.25, 6);
  });

  it('uses a given sales cycle instead of the stage durations', () => {
    expect(planScenario(workedScenario({ salesCycleDays: 90 })).salesCycleDays).toBe(90);
  });

  it('names the stage with a zero rate', () => {
    const s = workedScenario();
    s.stages[2] = { ...s.stages[2]!, conversionRate: 0 };
    expect(() => planScenario(s)).toThrow(expect.objectContaining({ field: 'chain.2.conversionRate' }) as unknown as ModelInputError);
  });
});

describe('monthlyPlan', () => {
  // Hand-computed: lead → opportunity 40 % in 30 days, opportunity → customer 30 % in 60 days.
  // Lags: opportunity 60 d ÷ 30.4375 = 1.97 → 2 months; lead 90 d → 2.96 → 3 months.
  // 10 deals over 3 months: cumulative ⌈10/3⌉ = 4, ⌈20/3⌉ = 7, 10 → 4, 3, 3 deals.
  // Opportunities cumulative ⌈4/0.3⌉ = 14, ⌈7/0.3⌉ = 24, ⌈10/0.3⌉ = 34 → 14, 10, 10, two months earlier.
  // Leads cumulative 14/0.4 = 35, 24/0.4 = 60, 34/0.4 = 85 → 35, 25, 25, three months earlier.
  const chain: PlanStage[] = [
    { id: 'lead', name: 'Lead', conversionRate: 0.4, averageDays: 30 },
    { id: 'opportunity', name: 'Opportunity', conversionRate: 0.3, averageDays: 60 },
    { id: 'customer', name: 'Customer', conversionRate: 0, averageDays: 0 },
  ];

  it('places each stage volume its stage-to-close lag before the deals close (hand-computed)', () => {
    const plan = monthlyPlan(chain, 10, 3, '2027-01');
    expect(plan.stages).toEqual([
      { id: 'lead', stageToCloseDays: 90, lagMonths: 3, total: 85 },
      { id: 'opportunity', stageToCloseDays: 60, lagMonths: 2, total: 34 },
      { id: 'customer', stageToCloseDays: 0, lagMonths: 0, total: 10 },
    ]);
    expect(plan.months).toEqual([
      { offset: -3, month: '2026-10', volumes: [35, 0, 0] },
      { offset: -2, month: '2026-11', volumes: [25, 14, 0] },
      { offset: -1, month: '2026-12', volumes: [25, 10, 0] },
      { offset: 0, month: '2027-01', volumes: [0, 10, 4] },
      { offset: 1, month: '2027-02', volumes: [0, 0, 3] },
      { offset: 2, month: '2027-03', volumes: [0, 0, 3] },
    ]);
  });

  it('rounds each lag to the nearest month (standard funnel: 93, 79, 77, 70, 60 days)', () => {
    // 93 ÷ 30.4375 = 3.06 → 3; 79 → 2.60 → 3; 77 → 2.53 → 3; 70 → 2.30 → 2; 60 → 1.97 → 2.
    const plan = monthlyPlan(chainFromFunnel(standardFunnel('en')), 60, 12);
    expect(plan.stages.map((s) => s.lagMonths)).toEqual([3, 3, 3, 2, 2, 0]);
    expect(plan.months[0]!.offset).toBe(-3);
  });

  it('adds up to the reverse funnel for each stage', () => {
    const plan = monthlyPlan(WORKED, 60, 12);
    const reverse = reverseFunnel(1_200_000, 20_000, WORKED).map((s) => s.volume);
    const sums = WORKED.map((_, i) => plan.months.reduce((sum, m) => sum + m.volumes[i]!, 0));
    expect(sums).toEqual(reverse);
    expect(plan.months[0]!.month).toBeNull();
  });

  it('rejects fractional deals, an empty period and a bad start month', () => {
    expect(() => monthlyPlan(chain, 2.5, 3)).toThrow(expect.objectContaining({ field: 'deals' }) as unknown as Error);
    expect(() => monthlyPlan(chain, 3, 0)).toThrow(expect.objectContaining({ field: 'periodMonths' }) as unknown as Error);
    expect(() => monthlyPlan(chain, 3, 3, '2027-13')).toThrow(expect.objectContaining({ field: 'startMonth' }) as unknown as Error);
  });

  it('adds months across years', () => {
    expect(addMonths('2027-01', -3)).toBe('2026-10');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
  });
});

describe('chain helpers', () => {
  it('builds the chain from the standard funnel main path with rates and days', () => {
    const chain = chainFromFunnel(standardFunnel('en'));
    expect(chain.map((s) => standardStageKey(s.id))).toEqual(['lead', 'mql', 'sal', 'sql', 'opportunity', 'customer']);
    expect(chain.map((s) => s.conversionRate)).toEqual([0.25, 0.8, 0.5, 0.5, 0.25, 0]);
    expect(stageToCloseDays(chain)).toEqual([93, 79, 77, 70, 60, 0]);
  });

  it('recognises standard ids bare, as stage or term ids, and nothing else', () => {
    expect(standardStageKey('sql')).toBe('sql');
    expect(standardStageKey('stage-opportunity')).toBe('opportunity');
    expect(standardStageKey('s-123', 'term-mql')).toBe('mql');
    expect(standardStageKey('stage-nurture')).toBeNull();
  });

  it('multiplies rates between two stages', () => {
    expect(conversionBetween(WORKED, 1, 3)).toBeCloseTo(0.2, 12);
    expect(leadToCustomerRate(WORKED)).toBeCloseTo(0.0125, 12);
  });
});

describe('metrics', () => {
  it('pipeline velocity: docs/domain.md 100 × 0.25 × 50,000 ÷ 60 ≈ 20,833 a day', () => {
    expect(pipelineVelocity({ opportunities: 100, winRate: 0.25, averageDealSize: 50_000, salesCycleDays: 60 })).toBeCloseTo(20_833.333, 2);
  });

  it('coverage: 20 % win → 5×', () => {
    expect(pipelineCoverage(0.2)).toBe(5);
    expect(() => pipelineCoverage(0)).toThrow(/win rate/);
  });

  it('velocity names a bad input', () => {
    expect(() => pipelineVelocity({ opportunities: 10, winRate: 1.2, averageDealSize: 1, salesCycleDays: 1 })).toThrow(
      expect.objectContaining({ field: 'winRate' }) as unknown as Error,
    );
    expect(() => pipelineVelocity({ opportunities: 10, winRate: 0.2, averageDealSize: 1, salesCycleDays: 0 })).toThrow(
      expect.objectContaining({ field: 'salesCycleDays' }) as unknown as Error,
    );
  });

  it('cost per stage is null for a zero volume and rejects a negative budget', () => {
    expect(costPerStage(1000, [{ id: 'a', volume: 0 }])[0]!.cost).toBeNull();
    expect(() => costPerStage(-1, [])).toThrow(expect.objectContaining({ field: 'budget' }) as unknown as Error);
  });

  it('capacity within limits', () => {
    expect(salesCapacity({ opportunitiesPerMonth: 12, salesReps: 3, opportunitiesPerRepPerMonth: 5 })).toEqual({
      opportunitiesPerMonth: 12,
      capacityPerMonth: 15,
      repsNeeded: 3,
      utilisation: 0.8,
      overCapacity: false,
    });
    expect(salesCapacity({ opportunitiesPerMonth: 1, salesReps: 0, opportunitiesPerRepPerMonth: 5 }).utilisation).toBeNull();
  });
});

describe('forwardProjection', () => {
  it('runs the worked example forward: 4,800 leads → 60 deals → 1,200,000', () => {
    const f = forwardProjection(4800, WORKED, 20_000);
    expect(f.volumes.map((v) => v.volume)).toEqual([4800, 1200, 480, 240, 60]);
    expect(f.revenue).toBe(1_200_000);
  });

  it('rounds down to whole records and keeps the expected value', () => {
    // 100 × 0.3 = 30 → ×0.3 = 9 → ×0.3 = 2.7 → 2 whole deals; expected 2.7.
    const chain = [
      { id: 'a', conversionRate: 0.3 },
      { id: 'b', conversionRate: 0.3 },
      { id: 'c', conversionRate: 0.3 },
      { id: 'd', conversionRate: 0 },
    ];
    const f = forwardProjection(100, chain, 1000);
    expect(f.volumes.map((v) => v.volume)).toEqual([100, 30, 9, 2]);
    expect(f.deals).toBe(2);
    expect(f.expectedRevenue).toBeCloseTo(2700, 6);
  });

  it('rejects a negative volume', () => {
    expect(() => forwardProjection(-1, WORKED, 1)).toThrow(expect.objectContaining({ field: 'firstStageVolume' }) as unknown as Error);
  });
});

describe('goalSeekRate', () => {
  it('finds the MQL→SQL rate 3,000 leads need: 60 ÷ (3,000 × 0.25 × 0.5 × 0.25) = 64 %', () => {
    const r = goalSeekRate({ chain: WORKED, rateIndex: 1, availableIndex: 0, available: 3000, revenueTarget: 1_200_000, averageDealSize: 20_000 });
    expect(r.feasible).toBe(true);
    expect(r.currentRate).toBe(0.4);
    expect(r.exactRate).toBeCloseTo(0.64, 12);
    expect(r.requiredRate!).toBeGreaterThanOrEqual(0.64 - 1e-9);
    expect(r.requiredRate!).toBeLessThan(0.64 + 2e-6);
    const leadsAt = (rate: number) =>
      reverseFunnel(
        1_200_000,
        20_000,
        WORKED.map((s, i) => (i === 1 ? { ...s, conversionRate: rate } : s)),
      )[0]!.volume;
    expect(leadsAt(r.requiredRate!)).toBeLessThanOrEqual(3000);
    expect(leadsAt(r.requiredRate! - 1e-5)).toBeGreaterThan(3000);
  });

  it('says when even 100 % is not enough', () => {
    const r = goalSeekRate({ chain: WORKED, rateIndex: 3, availableIndex: 0, available: 100, revenueTarget: 1_200_000, averageDealSize: 20_000 });
    expect(r.feasible).toBe(false);
    expect(r.requiredRate).toBeNull();
    expect(r.exactRate).toBeGreaterThan(1);
  });

  it('works from a volume at a later stage (win rate for 400 SQLs)', () => {
    // 60 deals from 400 SQLs at 50 % to opportunity: win rate 60 ÷ 200 = 30 %.
    const r = goalSeekRate({ chain: WORKED, rateIndex: 3, availableIndex: 2, available: 400, revenueTarget: 1_200_000, averageDealSize: 20_000 });
    expect(r.exactRate).toBeCloseTo(0.3, 12);
    expect(r.requiredRate!).toBeCloseTo(0.3, 5);
  });

  it('rejects a given stage after the sought rate and a last-stage rate', () => {
    const base = { chain: WORKED, available: 10, revenueTarget: 1000, averageDealSize: 10 };
    expect(() => goalSeekRate({ ...base, rateIndex: 1, availableIndex: 2 })).toThrow(expect.objectContaining({ field: 'availableIndex' }) as unknown as Error);
    expect(() => goalSeekRate({ ...base, rateIndex: 4, availableIndex: 0 })).toThrow(expect.objectContaining({ field: 'rateIndex' }) as unknown as Error);
  });
});

describe('sensitivity', () => {
  it('moves each rate ± 5 points and ranks the lowest rates first (hand-checked)', () => {
    const s = sensitivity({ chain: WORKED, revenueTarget: 1_200_000, averageDealSize: 20_000, points: 5 });
    expect(s.baseLeads).toBe(4800);
    expect(s.baseRevenue).toBeCloseTo(1_200_000, 6);
    // Lead→MQL and win rate (both 25 %) swing revenue by 1.2M × 10/25; MQL→SQL by 10/40; SQL→opp by 10/50.
    expect(s.bars.map((b) => b.from)).toEqual(['lead', 'opportunity', 'mql', 'sql']);
    const lead = s.bars[0]!;
    expect([lead.lowRate, lead.baseRate, lead.highRate]).toEqual([0.2, 0.25, 0.3]);
    expect(lead.leadsAtLow).toBe(6000); // 1,200 MQLs ÷ 20 %
    expect(lead.leadsAtHigh).toBe(4000); // 1,200 ÷ 30 %
    expect(lead.leadsDeltaLow).toBe(1200);
    expect(lead.leadsDeltaHigh).toBe(-800);
    expect(lead.revenueAtLow).toBeCloseTo(960_000, 6);
    expect(lead.revenueAtHigh).toBeCloseTo(1_440_000, 6);
    expect(s.bars[3]!.revenueSwing).toBeCloseTo(1_200_000 * (0.1 / 0.5), 6);
  });

  it('keeps rates within (0, 1]', () => {
    const chain = [
      { id: 'a', conversionRate: 0.02 },
      { id: 'b', conversionRate: 0.98 },
      { id: 'c', conversionRate: 0 },
    ];
    const s = sensitivity({ chain, revenueTarget: 1000, averageDealSize: 10, points: 5 });
    const a = s.bars.find((b) => b.from === 'a')!;
    const b = s.bars.find((x) => x.from === 'b')!;
    expect(a.lowRate).toBe(0.001);
    expect(b.highRate).toBe(1);
  });

  it('rejects a step of 0 points', () => {
    expect(() => sensitivity({ chain: WORKED, revenueTarget: 1, averageDealSize: 1, points: 0 })).toThrow(
      expect.objectContaining({ field: 'points' }) as unknown as Error,
    );
  });
});

describe('benchmarks', () => {
  it('carries every docs/domain.md figure with a source and a year or undated', () => {
    expect(RATE_BENCHMARKS.length).toBe(12);
    for (const b of RATE_BENCHMARKS) {
      expect(b.source.name.es.length).toBeGreaterThan(0);
      expect(b.source.name.en.length).toBeGreaterThan(0);
      expect(b.min).toBeLessThanOrEqual(b.max);
    }
    expect(RATE_BENCHMARKS.filter((b) => b.source.year === 2024).map((b) => `${b.from}-${b.to}`)).toEqual([
      'lead-mql',
      'mql-sql',
      'sql-opportunity',
      'opportunity-customer',
    ]);
  });

  it('flags a rate outside every range and not one inside any', () => {
    expect(checkBenchmark('lead', 'mql', 0.28)!.flag).toBeNull(); // inside 10–30 % (2024), above 10–25 %
    expect(checkBenchmark('lead', 'mql', 0.35)!.flag).toBe('above');
    expect(checkBenchmark('opportunity', 'customer', 0.1)!.flag).toBe('below');
    expect(checkBenchmark('lead', 'customer', 0.1)).toBeNull();
  });

  it('checks the standard funnel, including MQL→SQL across SAL, and flags MQL→SAL 80 %', () => {
    const checks = checkChainBenchmarks(chainFromFunnel(standardFunnel('es')));
    const flags = Object.fromEntries(checks.map((c) => [`${c.from}-${c.to}`, c.flag]));
    expect(flags).toEqual({
      'lead-mql': null,
      'mql-sal': 'above',
      'mql-sql': null,
      'sal-sql': null,
      'sql-opportunity': null,
      'sql-customer': 'below',
      'opportunity-customer': null,
    });
    expect(checks.find((c) => c.from === 'mql' && c.to === 'sql')!.rate).toBeCloseTo(0.4, 12);
  });
});
