/**
 * Forward projection: from a lead volume (or any first-stage volume) to the
 * deals and revenue it yields at the chain's rates: the reverse funnel run
 * the other way (docs/domain.md, "Formulas", reverse funnel).
 */
import { MAX_MONEY, MAX_PLAN_STAGES, MAX_VOLUME } from '../domain/bounds';
import { floorVolume, ModelInputError, type ChainStage, type StageVolume } from './reverse-funnel';

/** What a first-stage volume yields. */
export interface ForwardProjection {
  /** One entry per stage, chain order. `volume` is whole records, rounded down at each stage from the rounded previous stage; `unrounded` is the expected value. */
  volumes: StageVolume[];
  /** Whole deals won (the last stage's `volume`). */
  deals: number;
  /** `deals` × average deal size, workshop currency. */
  revenue: number;
  /** Expected revenue without rounding (last stage's `unrounded` × average deal size), workshop currency. */
  expectedRevenue: number;
}

/**
 * Projects `firstStageVolume` records through the chain.
 *
 * @param firstStageVolume records entering the first stage (e.g. leads), 0..`MAX_VOLUME`; a fraction is rounded down
 * @param chain stages in funnel order; each rate (fraction 0..1) leads to the next stage; the last stage's rate is ignored
 * @param averageDealSize average won deal, workshop currency, > 0
 * @throws ModelInputError naming `firstStageVolume`, `averageDealSize`, `chain` or `chain.<i>.conversionRate`
 */
export function forwardProjection(firstStageVolume: number, chain: readonly ChainStage[], averageDealSize: number): ForwardProjection {
  if (!(Number.isFinite(firstStageVolume) && firstStageVolume >= 0 && firstStageVolume <= MAX_VOLUME)) {
    throw new ModelInputError('firstStageVolume', `The starting volume must be a number from 0 to ${MAX_VOLUME.toLocaleString('en-US')}.`);
  }
  if (!(Number.isFinite(averageDealSize) && averageDealSize > 0 && averageDealSize <= MAX_MONEY)) {
    throw new ModelInputError('averageDealSize', `The average deal size must be a number greater than 0 and at most ${MAX_MONEY.toLocaleString('en-US')}.`);
  }
  if (chain.length === 0) throw new ModelInputError('chain', 'The funnel has no stages.');
  if (chain.length > MAX_PLAN_STAGES) throw new ModelInputError('chain', `The funnel has ${chain.length} stages; a plan takes at most ${MAX_PLAN_STAGES}.`);
  const volumes: StageVolume[] = [{ id: chain[0]!.id, volume: floorVolume(firstStageVolume), unrounded: firstStageVolume }];
  for (let i = 1; i < chain.length; i++) {
    const rate = chain[i - 1]!.conversionRate;
    if (!(Number.isFinite(rate) && rate >= 0 && rate <= 1)) {
      throw new ModelInputError(`chain.${i - 1}.conversionRate`, `The conversion rate from stage ${chain[i - 1]!.id} must be between 0 % and 100 %.`);
    }
    const prev = volumes[i - 1]!;
    volumes.push({ id: chain[i]!.id, volume: floorVolume(prev.volume * rate), unrounded: prev.unrounded * rate });
  }
  const last = volumes[volumes.length - 1]!;
  return { volumes, deals: last.volume, revenue: last.volume * averageDealSize, expectedRevenue: last.unrounded * averageDealSize };
}
