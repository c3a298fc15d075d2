/**
 * Reverse funnel (demand waterfall): from a revenue target back to the volume
 * each stage of the agreed funnel must produce.
 *
 * Source: docs/domain.md, "Formulas": deals = ⌈revenue target ÷ average deal
 * size⌉; then each earlier stage = ⌈next stage's volume ÷ conversion rate⌉,
 * rounding up at each stage. Worked example: 1,200,000 ÷ 20,000 = 60 deals;
 * 25 % win → 240 opportunities; 50 % → 480 SQLs; 40 % → 1,200 MQLs; 25 % → 4,800 leads.
 *
 * Bounds (`../domain/bounds.ts`): money within `MIN_MONEY`..`MAX_MONEY`, at most
 * `MAX_PLAN_STAGES` stages, and no stage needing more than `MAX_VOLUME` records,
 * so every figure is finite.
 */
import { MAX_MONEY, MAX_PLAN_STAGES, MAX_VOLUME, MIN_MONEY } from '../domain/bounds';

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
 * @throws ModelInputError when the target or deal size is not > 0 or above
 *   `MAX_MONEY`, the chain is empty or longer than `MAX_PLAN_STAGES`, a rate on
 *   the path is not in (0, 1], or a stage would need more than `MAX_VOLUME` records
 */
export function reverseFunnel(revenueTarget: number, averageDealSize: number, chain: readonly ChainStage[]): StageVolume[] {
  if (!(Number.isFinite(revenueTarget) && revenueTarget > 0 && revenueTarget <= MAX_MONEY)) {
    throw new ModelInputError('revenueTarget', `The revenue target must be a number greater than 0 and at most ${MAX_MONEY.toLocaleString('en-US')}.`);
  }
  if (!(Number.isFinite(averageDealSize) && averageDealSize >= MIN_MONEY && averageDealSize <= MAX_MONEY)) {
    throw new ModelInputError('averageDealSize', `The average deal size must be from ${MIN_MONEY} to ${MAX_MONEY.toLocaleString('en-US')}.`);
  }
  if (chain.length === 0) throw new ModelInputError('chain', 'The funnel has no stages.');
  if (chain.length > MAX_PLAN_STAGES) throw new ModelInputError('chain', `The funnel has ${chain.length} stages; a plan takes at most ${MAX_PLAN_STAGES}.`);
  const out: StageVolume[] = new Array<StageVolume>(chain.length);
  const last = chain.length - 1;
  const deals = revenueTarget / averageDealSize;
  if (deals > MAX_VOLUME) throw tooMany('averageDealSize', chain[last]!.id);
  out[last] = { id: chain[last]!.id, volume: ceilVolume(deals), unrounded: deals };
  for (let i = last - 1; i >= 0; i--) {
    const stage = chain[i]!;
    const rate = stage.conversionRate;
    if (!(Number.isFinite(rate) && rate > 0 && rate <= 1)) {
      throw new ModelInputError(`chain.${i}.conversionRate`, `The conversion rate from stage ${stage.id} must be above 0 % and at most 100 %.`);
    }
    const next = out[i + 1]!;
    const volume = ceilVolume(next.volume / rate);
    if (!(volume <= MAX_VOLUME)) throw tooMany(`chain.${i}.conversionRate`, stage.id);
    out[i] = { id: stage.id, volume, unrounded: next.unrounded / rate };
  }
  return out;
}

/** Thrown when a plan would need more than `MAX_VOLUME` records at a stage; `field` names the rate or deal size at fault. */
export class VolumeBoundError extends ModelInputError {
  constructor(field: string, message: string) {
    super(field, message);
    this.name = 'VolumeBoundError';
  }
}

/** The error of a plan that would need more than `MAX_VOLUME` records at stage `stageId`. */
function tooMany(field: string, stageId: string): VolumeBoundError {
  return new VolumeBoundError(
    field,
    `The plan would need more than ${MAX_VOLUME.toLocaleString('en-US')} records at stage ${stageId}: a rate is too low or the target too high for any real funnel.`,
  );
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
