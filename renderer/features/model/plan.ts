/** The agreed plan of a workshop: the reverse funnel over the agreed funnel's main path. */
import { mainPath } from '../../../shared/funnel/graph';
import type { FunnelStage, WorkshopContent } from '../../../shared/domain/workshop';
import { ModelInputError, reverseFunnel } from '../../../shared/model/reverse-funnel';

export interface PlanRow {
  stage: FunnelStage;
  /** Whole records needed over the period (rounded up at each stage). */
  volume: number;
  /** `volume` ÷ period months (unrounded average). */
  perMonth: number;
  /** Rate to the next stage, fraction 0..1; null for the last stage. */
  rateToNext: number | null;
}

/** Volumes per stage of the agreed funnel for the workshop's targets, or the reason it cannot be computed. */
export function agreedPlan(content: WorkshopContent): { ok: true; rows: PlanRow[] } | { ok: false; message: string } {
  const path = mainPath(content.funnels.agreed);
  try {
    const volumes = reverseFunnel(
      content.targets.revenueTarget,
      content.targets.averageDealSize,
      path.map(({ stage, next }) => ({ id: stage.id, conversionRate: next?.conversionRate ?? 1 })),
    );
    return {
      ok: true,
      rows: path.map(({ stage, next }, i) => ({
        stage,
        volume: volumes[i]!.volume,
        perMonth: volumes[i]!.volume / content.targets.periodMonths,
        rateToNext: next?.conversionRate ?? null,
      })),
    };
  } catch (e) {
    if (e instanceof ModelInputError) return { ok: false, message: e.message };
    throw e;
  }
}
