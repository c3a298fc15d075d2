/**
 * Sensitivity: which rate moves the result most. Each conversion rate is
 * moved down and up by the same number of percentage points, one at a time;
 * the change in leads needed (reverse funnel, docs/domain.md) and in revenue
 * from today's lead volume (forward projection) is ranked for a tornado chart.
 */
import { leadToCustomerRate } from './metrics';
import { ModelInputError, reverseFunnel, VolumeBoundError, type ChainStage } from './reverse-funnel';

/** Lowest rate a step down may reach: a rate of 0 would need infinite leads. Fraction. */
export const MIN_SENSITIVITY_RATE = 0.001;

/**
 * `rate` itself, or — when a stage would then need more records than the
 * model's bound (`MAX_VOLUME`) — the lowest rate between it and `baseRate`
 * (which is within the bound) that stays within it, found by 40 bisection steps.
 */
function lowestBoundedRate(rate: number, baseRate: number, leadsAt: (rate: number) => number): number {
  const fits = (r: number) => {
    try {
      leadsAt(r);
      return true;
    } catch (e) {
      if (e instanceof VolumeBoundError) return false;
      throw e;
    }
  };
  if (fits(rate)) return rate;
  let lo = rate;
  let hi = baseRate;
  for (let n = 0; n < 40; n++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Inputs of {@link sensitivity}. */
export interface SensitivityInput {
  /** Stages in funnel order, each rate (fraction, in (0, 1]) to the next stage. */
  chain: readonly ChainStage[];
  /** Revenue to win, workshop currency, > 0. */
  revenueTarget: number;
  /** Average won deal, workshop currency, > 0. */
  averageDealSize: number;
  /** Step in percentage points, > 0 (5 moves 40 % to 35 % and 45 %). */
  points: number;
}

/** One bar of the tornado: a rate moved down and up. */
export interface SensitivityBar {
  /** Index in the chain of the stage whose outgoing rate moved. */
  index: number;
  /** Stage the rate leads from and the stage it leads to. */
  from: string;
  to: string;
  /** Rates tried, fractions 0..1: down (not below {@link MIN_SENSITIVITY_RATE}), today, up (not above 1). */
  lowRate: number;
  baseRate: number;
  highRate: number;
  /** Whole leads (first stage) the target needs at the low and high rate; compare with the result's `baseLeads`. */
  leadsAtLow: number;
  leadsAtHigh: number;
  /** Change in leads needed against today: leadsAtLow − baseLeads (≥ 0) and leadsAtHigh − baseLeads (≤ 0). */
  leadsDeltaLow: number;
  leadsDeltaHigh: number;
  /** Expected revenue, workshop currency, from today's `baseLeads` at the low and high rate (no rounding). */
  revenueAtLow: number;
  revenueAtHigh: number;
  /** Change in expected revenue against `baseRevenue`: ≤ 0 at low, ≥ 0 at high. */
  revenueDeltaLow: number;
  revenueDeltaHigh: number;
  /** revenueAtHigh − revenueAtLow: the bar's length and the ranking key. */
  revenueSwing: number;
}

/** Result of {@link sensitivity}. */
export interface SensitivityResult {
  /** Leads the target needs at today's rates (reverse funnel, whole). */
  baseLeads: number;
  /** Expected revenue of `baseLeads` at today's rates, workshop currency (≥ the target, from rounding up). */
  baseRevenue: number;
  /** One bar per rate, largest revenue swing first (ties: larger change in leads first, then funnel order). */
  bars: SensitivityBar[];
}

/**
 * Moves each rate ± `points` percentage points and ranks the effects.
 * @throws ModelInputError naming `points` or a reverse-funnel input
 */
export function sensitivity(input: SensitivityInput): SensitivityResult {
  const { chain, revenueTarget, averageDealSize, points } = input;
  if (!(Number.isFinite(points) && points > 0 && points <= 100)) {
    throw new ModelInputError('points', 'The step must be more than 0 and at most 100 percentage points.');
  }
  const base = reverseFunnel(revenueTarget, averageDealSize, chain);
  const baseLeads = base[0]!.volume;
  const baseConversion = leadToCustomerRate(chain);
  const baseRevenue = baseLeads * baseConversion * averageDealSize;
  const step = points / 100;
  const bars: SensitivityBar[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const baseRate = chain[i]!.conversionRate;
    let lowRate = Math.min(baseRate, Math.max(MIN_SENSITIVITY_RATE, baseRate - step));
    const highRate = Math.min(1, baseRate + step);
    const leadsAt = (rate: number) =>
      reverseFunnel(
        revenueTarget,
        averageDealSize,
        chain.map((s, j) => (j === i ? { id: s.id, conversionRate: rate } : s)),
      )[0]!.volume;
    const at = (rate: number) => ({ leads: leadsAt(rate), revenue: (baseRevenue * rate) / baseRate });
    lowRate = lowestBoundedRate(lowRate, baseRate, leadsAt);
    const low = at(lowRate);
    const high = at(highRate);
    bars.push({
      index: i,
      from: chain[i]!.id,
      to: chain[i + 1]!.id,
      lowRate,
      baseRate,
      highRate,
      leadsAtLow: low.leads,
      leadsAtHigh: high.leads,
      leadsDeltaLow: low.leads - baseLeads,
      leadsDeltaHigh: high.leads - baseLeads,
      revenueAtLow: low.revenue,
      revenueAtHigh: high.revenue,
      revenueDeltaLow: low.revenue - baseRevenue,
      revenueDeltaHigh: high.revenue - baseRevenue,
      revenueSwing: high.revenue - low.revenue,
    });
  }
  bars.sort((a, b) => b.revenueSwing - a.revenueSwing || b.leadsDeltaLow - b.leadsDeltaHigh - (a.leadsDeltaLow - a.leadsDeltaHigh) || a.index - b.index);
  return { baseLeads, baseRevenue, bars };
}
