/**
 * Marketing's volume commitment linked to the targets model: the MQLs a
 * month the plan needs, and whether a linked commitment still says so.
 *
 * The figure is the agreed scenario's plan at its MQL stage (the stage
 * whose id or linked glossary term is the standard `mql`) ÷ the plan's
 * months, rounded up (`agreedMqlsPerMonth`, shared/model). When no scenario
 * plan can be computed, it falls back to the reverse funnel (docs/domain.md,
 * "Formulas": round up at each stage) from the workshop's revenue target and
 * average deal size over the agreed funnel's main path.
 */
import type { Commitment, WorkshopContent } from '../domain/workshop';
import { chainFromFunnel, standardStageKey } from '../model/chain';
import { perMonth } from '../model/monthly-plan';
import { reverseFunnel } from '../model/reverse-funnel';
import { agreedMqlsPerMonth } from '../model/workshop-scenarios';

/**
 * MQLs a month the agreed funnel needs to reach the revenue target: a whole
 * number ≥ 0, or null when the model cannot say (no MQL stage on the agreed
 * funnel's main path, a rate on the path that is 0, or no revenue target or
 * deal size yet).
 */
export function modelMqlsPerMonth(content: WorkshopContent): number | null {
  return agreedMqlsPerMonth(content) ?? targetsMqlsPerMonth(content);
}

/** The fallback: targets over the agreed funnel, without scenarios. */
function targetsMqlsPerMonth(content: WorkshopContent): number | null {
  const funnel = content.funnels.agreed;
  const chain = chainFromFunnel(funnel);
  const index = chain.findIndex((s) => standardStageKey(s.id, funnel.stages.find((x) => x.id === s.id)?.termId) === 'mql');
  const { revenueTarget, averageDealSize } = content.targets;
  if (index < 0 || revenueTarget === null || averageDealSize === null) return null;
  try {
    const volumes = reverseFunnel(revenueTarget, averageDealSize, chain);
    return perMonth(volumes[index]!.volume, content.targets.periodMonths);
  } catch {
    // A rate of 0 (or another model input error) leaves the figure undefined: the UI says so.
    return null;
  }
}

/** Where a linked commitment stands against the model: `current`, `out-of-date` (with the model's figure), or `unavailable`. */
export type ModelLinkState =
  { status: 'unlinked' } | { status: 'current'; value: number } | { status: 'out-of-date'; value: number } | { status: 'unavailable' };

/** The link state of `commitment` in `content`: only commitments with `source: 'model-mqls'` are linked. */
export function modelLinkState(commitment: Commitment, content: WorkshopContent): ModelLinkState {
  if (commitment.source !== 'model-mqls') return { status: 'unlinked' };
  const value = modelMqlsPerMonth(content);
  if (value === null) return { status: 'unavailable' };
  return commitment.target === value ? { status: 'current', value } : { status: 'out-of-date', value };
}
