/**
 * The arrows of a funnel as the printed agreement lists them: every arrow
 * (the main path, branches off it and recycle loops), in the order of the
 * main path's stages, so a branch the diagram shows is never left out of the
 * table.
 */
import type { Funnel, FunnelTransition } from '../../../../shared/domain/workshop';
import { connectedTransitions, mainPath } from '../../../../shared/funnel/graph';

/** `main` on the main path, `recycle` a loop back, `branch` any other arrow. */
export type ArrowKind = 'main' | 'branch' | 'recycle';

/** The kind of `t` without the funnel: a recycle loop, or else a branch (callers mark main-path arrows themselves). */
export function arrowKind(t: FunnelTransition): Exclude<ArrowKind, 'main'> {
  return t.recycle ? 'recycle' : 'branch';
}

/** One row of the arrows table. */
export interface ArrowRow {
  transition: FunnelTransition;
  from: string;
  to: string;
  kind: ArrowKind;
}

/**
 * Every connected arrow of `funnel`: grouped by source stage, sources in
 * main-path order then the other stages in list order; within a source, the
 * main-path arrow first, then by rate (highest first).
 */
export function funnelArrows(funnel: Funnel): ArrowRow[] {
  const path = mainPath(funnel);
  const mainIds = new Set(path.map((p) => p.next?.id).filter((id): id is string => Boolean(id)));
  const order = [...path.map((p) => p.stage.id), ...funnel.stages.map((s) => s.id).filter((id) => !path.some((p) => p.stage.id === id))];
  const names = new Map(funnel.stages.map((s) => [s.id, s.name]));
  const rank = new Map(order.map((id, i) => [id, i]));
  return connectedTransitions(funnel)
    .map((t) => ({ transition: t, from: names.get(t.source)!, to: names.get(t.target)!, kind: (mainIds.has(t.id) ? 'main' : arrowKind(t)) as ArrowKind }))
    .sort(
      (a, b) =>
        rank.get(a.transition.source)! - rank.get(b.transition.source)! ||
        Number(b.kind === 'main') - Number(a.kind === 'main') ||
        b.transition.conversionRate - a.transition.conversionRate,
    );
}
