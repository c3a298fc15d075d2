/**
 * Pipeline metrics the teams read next to the volumes: pipeline velocity,
 * coverage, lead-to-customer rate, cost per stage (CAC) and the sales
 * capacity check. Formulas from docs/domain.md, "Formulas".
 */
import { conversionBetween } from './chain';
import { ceilVolume, ModelInputError, type ChainStage } from './reverse-funnel';

function positive(value: number, field: string, what: string): void {
  if (!(Number.isFinite(value) && value > 0)) throw new ModelInputError(field, `${what} must be a number greater than 0.`);
}

function nonNegative(value: number, field: string, what: string): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new ModelInputError(field, `${what} must be a number of 0 or more.`);
}

function fraction(value: number, field: string, what: string): void {
  if (!(Number.isFinite(value) && value >= 0 && value <= 1)) throw new ModelInputError(field, `${what} must be between 0 % and 100 %.`);
}

/** Inputs of {@link pipelineVelocity}. */
export interface VelocityInput {
  /** Opportunities in the pipeline, count ≥ 0. */
  opportunities: number;
  /** Share of opportunities won, fraction 0..1. */
  winRate: number;
  /** Average won deal, workshop currency, > 0. */
  averageDealSize: number;
  /** Sales cycle length, days from opportunity to close, > 0. */
  salesCycleDays: number;
}

/**
 * Pipeline velocity: opportunities × win rate × average deal size ÷ sales
 * cycle length — money per day, workshop currency (docs/domain.md: 100 × 0.25 ×
 * 50,000 ÷ 60 ≈ 20,833 a day).
 * @throws ModelInputError naming the field at fault
 */
export function pipelineVelocity(input: VelocityInput): number {
  nonNegative(input.opportunities, 'opportunities', 'The number of opportunities');
  fraction(input.winRate, 'winRate', 'The win rate');
  positive(input.averageDealSize, 'averageDealSize', 'The average deal size');
  positive(input.salesCycleDays, 'salesCycleDays', 'The sales cycle length');
  return (input.opportunities * input.winRate * input.averageDealSize) / input.salesCycleDays;
}

/**
 * Pipeline coverage needed: 1 ÷ win rate, a multiple of the revenue target
 * (docs/domain.md: 20 % win → 5× coverage).
 * @param winRate fraction, > 0 and ≤ 1
 * @throws ModelInputError naming `winRate`
 */
export function pipelineCoverage(winRate: number): number {
  if (!(Number.isFinite(winRate) && winRate > 0 && winRate <= 1)) {
    throw new ModelInputError('winRate', 'The win rate must be above 0 % and at most 100 %.');
  }
  return 1 / winRate;
}

/** Lead-to-customer rate: the product of every rate on the chain, fraction 0..1 (the worked example of docs/domain.md: 1.25 %). */
export function leadToCustomerRate(chain: readonly ChainStage[]): number {
  return conversionBetween(chain, 0, chain.length - 1);
}

/** Cost of one record entering a stage. */
export interface StageCost {
  id: string;
  /** Whole records entering the stage over the period. */
  volume: number;
  /** Budget ÷ volume, workshop currency per record; null when the volume is 0. The last stage's cost is the CAC. */
  cost: number | null;
}

/**
 * Cost per lead, MQL, SQL … and per customer (CAC): the period's budget
 * divided by the volume each stage needs.
 * @param budget marketing and sales spend over the period, workshop currency, ≥ 0
 * @param volumes whole volumes per stage (e.g. from `reverseFunnel`)
 * @throws ModelInputError naming `budget`
 */
export function costPerStage(budget: number, volumes: readonly { id: string; volume: number }[]): StageCost[] {
  nonNegative(budget, 'budget', 'The budget');
  return volumes.map((v) => ({ id: v.id, volume: v.volume, cost: v.volume > 0 ? budget / v.volume : null }));
}

/** Inputs of {@link salesCapacity}. */
export interface CapacityInput {
  /** Opportunities the plan asks sales to work in a month (e.g. the peak month). */
  opportunitiesPerMonth: number;
  /** Sales reps working opportunities, ≥ 0. */
  salesReps: number;
  /** Opportunities one rep can work a month, > 0. */
  opportunitiesPerRepPerMonth: number;
}

/** Result of the sales capacity check. */
export interface CapacityCheck {
  opportunitiesPerMonth: number;
  /** salesReps × opportunitiesPerRepPerMonth. */
  capacityPerMonth: number;
  /** Whole reps needed: ⌈opportunitiesPerMonth ÷ opportunitiesPerRepPerMonth⌉. */
  repsNeeded: number;
  /** opportunitiesPerMonth ÷ capacityPerMonth, fraction (above 1 means overloaded); null with no capacity. */
  utilisation: number | null;
  /** True when the plan asks for more opportunities than the reps can work. */
  overCapacity: boolean;
}

/**
 * Sales capacity check: can the reps work the opportunities the plan needs?
 * @throws ModelInputError naming the field at fault
 */
export function salesCapacity(input: CapacityInput): CapacityCheck {
  nonNegative(input.opportunitiesPerMonth, 'opportunitiesPerMonth', 'The opportunities per month');
  nonNegative(input.salesReps, 'salesReps', 'The number of sales reps');
  positive(input.opportunitiesPerRepPerMonth, 'opportunitiesPerRepPerMonth', 'The opportunities per rep per month');
  const capacityPerMonth = input.salesReps * input.opportunitiesPerRepPerMonth;
  return {
    opportunitiesPerMonth: input.opportunitiesPerMonth,
    capacityPerMonth,
    repsNeeded: ceilVolume(input.opportunitiesPerMonth / input.opportunitiesPerRepPerMonth),
    utilisation: capacityPerMonth > 0 ? input.opportunitiesPerMonth / capacityPerMonth : null,
    overCapacity: input.opportunitiesPerMonth > capacityPerMonth,
  };
}
