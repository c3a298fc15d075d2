/**
 * Where a new stage goes on a funnel canvas so it lands on no other stage:
 * the one free-place search behind palette drops, "add beside the
 * selection" and adopting a stage from the other team's funnel in Compare.
 * Positions are a stage box's top-left corner in canvas px.
 */
import type { Funnel } from '../domain/workshop';

/** Size of a stage box on the canvas, px (the canvas draws and the layout places stages with it). */
export const STAGE_BOX = { width: 172, height: 84 } as const;

/** Grid the canvas snaps to, px. */
export const CANVAS_GRID = 12;

/** Space kept free around a stage (px) when a new one is placed beside it. */
export const PLACEMENT_GAP = 36;

/**
 * The nearest free place for a new stage at or below `wanted` (px, its top-left
 * corner): moves down a row at a time until its box, with a margin, overlaps
 * no stage of `funnel`. Snapped to the canvas grid (`grid` px).
 */
export function freePositionNear(funnel: Funnel, wanted: { x: number; y: number }, grid = CANVAS_GRID): { x: number; y: number } {
  const snap = (v: number) => Math.round(v / grid) * grid;
  const x = snap(wanted.x);
  let y = snap(wanted.y);
  const overlaps = (py: number) =>
    funnel.stages.some((s) => Math.abs(s.x - x) < STAGE_BOX.width + PLACEMENT_GAP / 2 && Math.abs(s.y - py) < STAGE_BOX.height + PLACEMENT_GAP / 2);
  for (let i = 0; i < 500 && overlaps(y); i++) y += snap(STAGE_BOX.height + PLACEMENT_GAP);
  return { x, y };
}
