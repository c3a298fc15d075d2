/**
 * The funnel as the model sees it: an ordered chain of stages, each with the
 * conversion rate and average days to the next stage. Built from the
 * workshop's funnel (its main path, see `mainPath`) or from a scenario.
 *
 * Units: rates are fractions 0..1; durations are days.
 */
import { MAX_DAYS, MAX_PLAN_STAGES, MIN_RATE } from '../domain/bounds';
import type { Funnel } from '../domain/workshop';
import { mainPath } from '../funnel/graph';
import { ModelInputError, type ChainStage } from './reverse-funnel';

import { STANDARD_STAGE_KEYS, type StandardStageKey } from '../funnel/standard-stages';

/** The standard stage ids, in funnel order: declared in `shared/funnel/standard-stages.ts`. */
export { STANDARD_STAGE_KEYS, type StandardStageKey } from '../funnel/standard-stages';

/** One stage of a plan chain. */
export interface PlanStage extends ChainStage {
  /** Display name, e.g. "MQL". */
  name: string;
  /** Share of this stage's volume that reaches the next stage, fraction 0..1; ignored on the last stage. */
  conversionRate: number;
  /** Average days from entering this stage to entering the next; ignored on the last stage. */
  averageDays: number;
}

/** Average days in a calendar month (365.25 ÷ 12), used to turn day lags into month lags. */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The standard stage an id stands for: `lead`, `stage-lead` and `term-lead`
 * all give `lead`. Checks `id` first, then `termId` (a funnel stage linked to
 * a standard glossary term). Returns null for any other stage.
 */
export function standardStageKey(id: string, termId?: string | null): StandardStageKey | null {
  for (const candidate of [id, termId ?? '']) {
    const bare = candidate.replace(/^(stage|term)-/, '');
    if ((STANDARD_STAGE_KEYS as readonly string[]).includes(bare)) return bare as StandardStageKey;
  }
  return null;
}

/**
 * The plan chain of a workshop funnel: its main path (recycle loops left out),
 * each stage with the rate and days of its outgoing main-path transition
 * (0 on the last stage).
 */
export function chainFromFunnel(funnel: Funnel): PlanStage[] {
  return mainPath(funnel).map(({ stage, next }) => ({
    id: stage.id,
    name: stage.name,
    conversionRate: next?.conversionRate ?? 0,
    averageDays: next?.averageDays ?? 0,
  }));
}

/**
 * Checks the chain against the bounds of `../domain/bounds.ts`: 1..`MAX_PLAN_STAGES`
 * stages; every rate on the path (all stages but the last) in [`MIN_RATE`, 1];
 * every duration in [0, `MAX_DAYS`]; and the days from the first stage to the
 * close adding up to at most `MAX_DAYS` (so the monthly plan has at most
 * ~120 months of lead time).
 * @throws ModelInputError naming `chain.<i>.conversionRate` or `chain.<i>.averageDays`, or `chain` when it has no stages or too many
 */
export function assertChain(chain: readonly PlanStage[]): void {
  if (chain.length === 0) throw new ModelInputError('chain', 'The funnel has no stages.');
  if (chain.length > MAX_PLAN_STAGES) {
    throw new ModelInputError('chain', `The funnel has ${chain.length} stages on its main path; a plan takes at most ${MAX_PLAN_STAGES}.`);
  }
  let total = 0;
  for (let i = 0; i < chain.length - 1; i++) {
    const s = chain[i]!;
    // Messages name the stage as people know it (its name), the id only when it has none.
    const stage = s.name ? `"${s.name}"` : s.id;
    if (!(Number.isFinite(s.conversionRate) && s.conversionRate > 0 && s.conversionRate <= 1)) {
      throw new ModelInputError(`chain.${i}.conversionRate`, `The conversion rate from stage ${stage} must be above 0 % and at most 100 %.`);
    }
    if (s.conversionRate < MIN_RATE) {
      throw new ModelInputError(
        `chain.${i}.conversionRate`,
        `The conversion rate from stage ${stage} must be at least ${MIN_RATE * 100} % (one in a million).`,
      );
    }
    if (!(Number.isFinite(s.averageDays) && s.averageDays >= 0 && s.averageDays <= MAX_DAYS)) {
      throw new ModelInputError(`chain.${i}.averageDays`, `The days from stage ${stage} to the next must be a number from 0 to ${MAX_DAYS}.`);
    }
    total += s.averageDays;
    if (total > MAX_DAYS) {
      throw new ModelInputError(
        `chain.${i}.averageDays`,
        `The days from the first stage to the close add up to more than ${MAX_DAYS} (10 years) at stage ${stage}; shorten the stage durations.`,
      );
    }
  }
}

/**
 * Product of the conversion rates from stage `from` up to (not including)
 * stage `to`: the share of `from`'s volume that reaches `to`, fraction 0..1.
 * `conversionBetween(chain, 0, chain.length - 1)` is the lead-to-customer rate.
 */
export function conversionBetween(chain: readonly ChainStage[], from: number, to: number): number {
  let p = 1;
  for (let i = from; i < to; i++) p *= chain[i]!.conversionRate;
  return p;
}

/**
 * Days from entering each stage to the close (entering the last stage): the
 * sum of `averageDays` from that stage on. docs/domain.md, "time lag": volume
 * must enter a stage this long before its deals close. Same order as `chain`; the last is 0.
 */
export function stageToCloseDays(chain: readonly PlanStage[]): number[] {
  const out = new Array<number>(chain.length).fill(0);
  for (let i = chain.length - 2; i >= 0; i--) out[i] = out[i + 1]! + chain[i]!.averageDays;
  return out;
}

/**
 * Index of the opportunity stage: the stage whose id is (or stands for) the
 * standard `opportunity`, else the second-to-last stage (the one whose rate is
 * the win rate). 0 for a one-stage chain.
 */
export function opportunityIndex(chain: readonly { id: string }[]): number {
  const found = chain.findIndex((s) => standardStageKey(s.id) === 'opportunity');
  return found >= 0 && found < chain.length - 1 ? found : Math.max(0, chain.length - 2);
}
