/**
 * Goal seek on one rate: which value of a single conversion rate lets a
 * given volume at an earlier stage (e.g. the leads marketing can buy) reach
 * the revenue target, all other rates unchanged. "Which MQL→SQL rate would
 * we need with 3,000 leads?"
 */
import { MAX_VOLUME } from '../domain/bounds';
import { conversionBetween } from './chain';
import { ModelInputError, reverseFunnel, VolumeBoundError, type ChainStage } from './reverse-funnel';

/** Inputs of {@link goalSeekRate}. */
export interface GoalSeekInput {
  /** Stages in funnel order with their rates (fraction 0..1) to the next stage. */
  chain: readonly ChainStage[];
  /** Index in `chain` of the stage whose outgoing rate is sought (e.g. the MQL stage for mqlToSqlRate). */
  rateIndex: number;
  /** Index of the stage whose volume is given (e.g. 0, the leads); must be at or before `rateIndex`. */
  availableIndex: number;
  /** Records available at that stage over the period, 1..`MAX_VOLUME`. */
  available: number;
  /** Revenue to win, workshop currency, > 0. */
  revenueTarget: number;
  /** Average won deal, workshop currency, > 0. */
  averageDealSize: number;
}

/** Result of {@link goalSeekRate}. */
export interface GoalSeekResult {
  /** Index of the stage whose outgoing rate was sought. */
  rateIndex: number;
  /** The rate today, fraction 0..1. */
  currentRate: number;
  /**
   * Lowest rate (fraction, to 1e-6) at which the reverse funnel, rounded up at
   * each stage, needs no more than `available` at the given stage; null when even 100 % is not enough.
   */
  requiredRate: number | null;
  /** The rate without rounding: deals ÷ (available × every other rate between), fraction; may exceed 1 (then infeasible). */
  exactRate: number;
  /** True when a rate of at most 100 % reaches the target. */
  feasible: boolean;
}

const PRECISION = 1e-6;

/**
 * Finds the rate at `rateIndex` that the target needs given `available`
 * records at `availableIndex`. Uses the reverse funnel (docs/domain.md) and
 * bisection: a higher rate never needs more volume upstream.
 * @throws ModelInputError naming `rateIndex`, `availableIndex`, `available` or a reverse-funnel input
 */
export function goalSeekRate(input: GoalSeekInput): GoalSeekResult {
  const { chain, rateIndex, availableIndex, available, revenueTarget, averageDealSize } = input;
  if (!(Number.isInteger(rateIndex) && rateIndex >= 0 && rateIndex < chain.length - 1)) {
    throw new ModelInputError('rateIndex', 'Choose a stage that has a next stage to convert to.');
  }
  if (!(Number.isInteger(availableIndex) && availableIndex >= 0 && availableIndex <= rateIndex)) {
    throw new ModelInputError('availableIndex', 'The given volume must be at the sought rate’s stage or an earlier one.');
  }
  if (!(Number.isFinite(available) && available >= 1 && available <= MAX_VOLUME)) {
    throw new ModelInputError('available', `The available volume must be a number from 1 to ${MAX_VOLUME.toLocaleString('en-US')}.`);
  }
  const current = chain[rateIndex]!.conversionRate;
  if (!(Number.isFinite(current) && current >= 0 && current <= 1)) {
    throw new ModelInputError(`chain.${rateIndex}.conversionRate`, `The conversion rate from stage ${chain[rateIndex]!.id} must be between 0 % and 100 %.`);
  }
  const withRate = (rate: number): ChainStage[] => chain.map((s, i) => (i === rateIndex ? { id: s.id, conversionRate: rate } : s));
  const needed = (rate: number): number => {
    try {
      return reverseFunnel(revenueTarget, averageDealSize, withRate(rate))[availableIndex]!.volume;
    } catch (e) {
      // A rate so low that a stage would need more than MAX_VOLUME records needs more than any available volume.
      if (e instanceof VolumeBoundError && rate < 1) return Number.POSITIVE_INFINITY;
      throw e;
    }
  };
  const atFull = needed(1);
  const deals = revenueTarget / averageDealSize;
  const others = conversionBetween(withRate(1), availableIndex, chain.length - 1);
  // Finite: deals and 1 ÷ others are bounded by the reverse funnel's MAX_VOLUME (checked by needed(1)), available ≥ 1.
  const exactRate = deals / (available * others);
  if (atFull > available) return { rateIndex, currentRate: current, requiredRate: null, exactRate, feasible: false };
  let lo = 0;
  let hi = 1;
  while (hi - lo > PRECISION) {
    const mid = (lo + hi) / 2;
    if (needed(mid) <= available) hi = mid;
    else lo = mid;
  }
  return { rateIndex, currentRate: current, requiredRate: hi, exactRate, feasible: true };
}
