/**
 * Reverse funnel (demand waterfall): from a revenue target back to the volume
 * each stage of the agreed funnel must produce.
 *
 * Source: REFERENCE.md, "Formulas": deals = ⌈revenue target ÷ average deal
 * size⌉; then each earlier stage = ⌈next stage's volume ÷ conversion rate⌉,
 * rounding up at each stage. Worked example: 1,200,000 ÷ 20,000 = 60 deals;
 * 25 % win → 240 opportunities; 50 % → 480 SQLs; 40 % → 1,200 MQLs; 25 % → 4,800 leads.
 */

/** One step of the chain: a stage and the rate from it to the next stage. */
export interface ChainStage {
  /** Stage id (funnel stage id or a standard id such as `mql`). */
  id: string;
  /** Share of this stage's volume that reaches the next stage, fraction 0..1; ignored for the last stage. */
  conversionRate: number;
}

/** Volume one stage needs. */
export interface StageVolume {
  id: string;
  /** Whole records needed, rounded up at this stage (and computed from the rounded next stage). */
  volume: number;
  /** The same without any rounding, from the unrounded deal count: the exact figure. */
  unrounded: number;
}

/** Thrown when a reverse funnel cannot be computed; `field` names the input at fault. */
export class ModelInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelInputError';
  }
}

/**
 * Rounds up, ignoring binary floating-point noise: 960 ÷ 0.8 is
 * 1200.0000000000002 in IEEE 754 and must give 1,200, not 1,201.
 */
export function ceilVolume(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) < 1e-9 * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}

/**
 * Computes the volume each stage needs to reach `revenueTarget`.
 *
 * @param revenueTarget revenue to win, workshop currency, > 0
 * @param averageDealSize average won deal, workshop currency, > 0
 * @param chain stages in funnel order, first (e.g. lead) to last (customer);
 *   each rate (fraction 0..1) leads from that stage to the next
 * @returns one entry per stage of `chain`, same order; the last is the deal count
 * @throws ModelInputError when the target or deal size is not > 0, the chain is
 *   empty, or a rate on the path is not in (0, 1]
 */
export function reverseFunnel(revenueTarget: number, averageDealSize: number, chain: readonly ChainStage[]): StageVolume[] {
  if (!(Number.isFinite(revenueTarget) && revenueTarget > 0)) {
    throw new ModelInputError('revenueTarget', 'The revenue target must be a number greater than 0.');
  }
  if (!(Number.isFinite(averageDealSize) && averageDealSize > 0)) {
    throw new ModelInputError('averageDealSize', 'The average deal size must be a number greater than 0.');
  }
  if (chain.length === 0) throw new ModelInputError('chain', 'The funnel has no stages.');
  const out: StageVolume[] = new Array<StageVolume>(chain.length);
  const last = chain.length - 1;
  const deals = revenueTarget / averageDealSize;
  out[last] = { id: chain[last]!.id, volume: ceilVolume(deals), unrounded: deals };
  for (let i = last - 1; i >= 0; i--) {
    const stage = chain[i]!;
    const rate = stage.conversionRate;
    if (!(Number.isFinite(rate) && rate > 0 && rate <= 1)) {
      throw new ModelInputError(`chain.${i}.conversionRate`, `The conversion rate from stage ${stage.id} must be above 0 % and at most 100 %.`);
    }
    const next = out[i + 1]!;
    out[i] = { id: stage.id, volume: ceilVolume(next.volume / rate), unrounded: next.unrounded / rate };
  }
  return out;
}

/**
 * Rounds down, ignoring binary floating-point noise: 1,200 × 0.8 must give
 * 960 even when IEEE 754 yields 959.9999999999999. The counterpart of
 * {@link ceilVolume} for forward projections (only whole records move on).
 */
export function floorVolume(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) < 1e-9 * Math.max(1, Math.abs(x)) ? nearest : Math.floor(x);
}
