/**
 * A scenario's whole plan in one call: the volume each stage needs (reverse
 * funnel), when (monthly plan), and the figures read next to them — win rate,
 * coverage, pipeline velocity, lead-to-customer rate, cost per stage and CAC,
 * the sales capacity check and the benchmark flags. What `pacto plan` prints
 * and the scenario screens show. Formulas: docs/domain.md, "Formulas".
 */
import { checkChainBenchmarks, type BenchmarkCheck } from './benchmarks';
import { assertChain, conversionBetween, DAYS_PER_MONTH, opportunityIndex } from './chain';
import { costPerStage, leadToCustomerRate, pipelineCoverage, pipelineVelocity, salesCapacity, type CapacityCheck, type StageCost } from './metrics';
import { monthlyPlan, type MonthlyPlan } from './monthly-plan';
import { reverseFunnel } from './reverse-funnel';
import { scenarioChain, type Scenario } from './scenario';

/** One stage of a plan. */
export interface PlannedStage {
  id: string;
  name: string;
  /** Whole records the stage needs over the period (rounded up at each stage). */
  volume: number;
  /** The same without rounding. */
  unrounded: number;
  /** Rate to the next stage, fraction 0..1; null on the last stage. */
  conversionRate: number | null;
  /** Days to the next stage; null on the last stage. */
  averageDays: number | null;
}

/** Everything a scenario's targets and assumptions imply. */
export interface ScenarioPlan {
  scenarioId: string;
  stages: PlannedStage[];
  /** Whole deals to win: ⌈revenue target ÷ average deal size⌉. */
  deals: number;
  /** deals × average deal size, workshop currency (≥ the target). */
  revenue: number;
  /** Product of all rates, fraction 0..1. */
  leadToCustomerRate: number;
  /** Id of the stage treated as the opportunity stage (see `opportunityIndex`). */
  opportunityStageId: string;
  /** Rate from the opportunity stage to the last stage, fraction 0..1. */
  winRate: number;
  /** Pipeline coverage needed: 1 ÷ win rate (a multiple). */
  coverage: number;
  /** Pipeline value needed over the period: coverage × revenue target, workshop currency. */
  pipelineValueNeeded: number;
  /** Sales cycle length, days: the targets' `salesCycleDays`, else the opportunity stage's stage-to-close days. */
  salesCycleDays: number;
  /** Opportunities entering the pipeline per month: average over the period and the busiest month of the monthly plan. */
  opportunitiesPerMonth: { average: number; peak: number };
  /** Opportunities open at any time in steady state (Little's law): average per month × sales cycle in months. */
  opportunitiesInPipeline: number;
  /**
   * Pipeline velocity of that pipeline, money per day (opportunitiesInPipeline ×
   * win rate × average deal size ÷ sales cycle days); null when the cycle is 0 days.
   */
  pipelineVelocity: number | null;
  monthly: MonthlyPlan;
  /** Cost per stage (last = CAC) when the targets give a budget, else null. */
  costs: StageCost[] | null;
  /** Capacity check on the peak month when the targets give reps and opportunities per rep, else null. */
  capacity: CapacityCheck | null;
  /** Benchmark comparisons of the rates (flag, never block). */
  benchmarks: BenchmarkCheck[];
}

/**
 * Computes a scenario's plan.
 * @param scenario a scenario that passed `scenarioSchema`
 * @throws ModelInputError naming the field at fault when a rate on the path is 0 or the targets are invalid
 */
export function planScenario(scenario: Scenario): ScenarioPlan {
  const chain = scenarioChain(scenario);
  assertChain(chain);
  const t = scenario.targets;
  const volumes = reverseFunnel(t.revenueTarget, t.averageDealSize, chain);
  const last = chain.length - 1;
  const deals = volumes[last]!.volume;
  const monthly = monthlyPlan(chain, deals, t.periodMonths, t.startMonth ?? null);
  const opp = opportunityIndex(chain);
  const winRate = conversionBetween(chain, opp, last);
  const coverage = pipelineCoverage(winRate);
  const salesCycleDays = t.salesCycleDays ?? monthly.stages[opp]!.stageToCloseDays;
  const average = volumes[opp]!.volume / t.periodMonths;
  const peak = monthly.months.reduce((max, m) => Math.max(max, m.volumes[opp]!), 0);
  const opportunitiesInPipeline = (average * salesCycleDays) / DAYS_PER_MONTH;
  return {
    scenarioId: scenario.id,
    stages: chain.map((s, i) => ({
      id: s.id,
      name: s.name,
      volume: volumes[i]!.volume,
      unrounded: volumes[i]!.unrounded,
      conversionRate: i === last ? null : s.conversionRate,
      averageDays: i === last ? null : s.averageDays,
    })),
    deals,
    revenue: deals * t.averageDealSize,
    leadToCustomerRate: leadToCustomerRate(chain),
    opportunityStageId: chain[opp]!.id,
    winRate,
    coverage,
    pipelineValueNeeded: coverage * t.revenueTarget,
    salesCycleDays,
    opportunitiesPerMonth: { average, peak },
    opportunitiesInPipeline,
    pipelineVelocity:
      salesCycleDays > 0 ? pipelineVelocity({ opportunities: opportunitiesInPipeline, winRate, averageDealSize: t.averageDealSize, salesCycleDays }) : null,
    monthly,
    costs: t.budget === undefined ? null : costPerStage(t.budget, volumes),
    capacity:
      t.salesReps === undefined || t.opportunitiesPerRepPerMonth === undefined
        ? null
        : salesCapacity({ opportunitiesPerMonth: peak, salesReps: t.salesReps, opportunitiesPerRepPerMonth: t.opportunitiesPerRepPerMonth }),
    benchmarks: checkChainBenchmarks(chain),
  };
}
