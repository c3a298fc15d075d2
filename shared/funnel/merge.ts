/**
 * Building the agreed funnel: from one team's funnel wholesale, or gap by
 * gap, adopting Marketing's or Sales' side of each (`findGaps`). Pure: every
 * function returns a new funnel and leaves its inputs alone; the UI writes
 * the result through the workshop document's mutations.
 *
 * Finding a gap's stage in the agreed funnel: the stage with the same id as
 * the adopted side's (then the other side's) stage, else the stage the
 * line-up (`pairStages`, ids first, then term, then name) pairs with it.
 */
import { err, ok, type Result } from '../domain/result';
import type { Funnel, FunnelStage, FunnelTransition, Party, Term } from '../domain/workshop';
import type { Gap } from './gaps';
import { pairStages } from './lineup';
import { freePositionNear } from './placement';
import { cloneFunnel, uniqueId } from './stages';

/** The two teams' funnels a gap was found between. */
export interface TeamFunnels {
  marketing: Funnel;
  sales: Funnel;
}

/** Why a gap's resolution could not be applied to the agreed funnel. */
export interface MergeError {
  /**
   * `not-in-agreed`: the agreed funnel lacks the stage or transition whose value
   * is to change (add it first); `missing-endpoint`: a transition cannot be
   * added because the agreed funnel lacks one of its stages; `not-in-side`:
   * the gap names a stage or transition the team's funnel no longer has.
   */
  code: 'not-in-agreed' | 'missing-endpoint' | 'not-in-side';
  /** English detail naming the stage or transition, for logs. */
  message: string;
}

/** The agreed funnel built wholesale from one team's funnel: an equal, independent copy. */
export function agreedFromSide(funnels: TeamFunnels, side: Party): Funnel {
  return cloneFunnel(funnels[side]);
}

const otherParty = (p: Party): Party => (p === 'marketing' ? 'sales' : 'marketing');

/** One concept's stage ids on each team's side (either may be missing). */
type StageRefs = Record<Party, string | null>;

/** The agreed funnel's stage for `refs`, or `null` if it has none (see the module comment). */
function agreedStageFor(agreed: Funnel, funnels: TeamFunnels, refs: StageRefs, adopt: Party, terms: readonly Term[]): FunnelStage | null {
  const order: Party[] = [adopt, otherParty(adopt)];
  for (const side of order) {
    const byId = refs[side] && agreed.stages.find((s) => s.id === refs[side]);
    if (byId) return byId;
  }
  for (const side of order) {
    const id = refs[side];
    if (!id) continue;
    const pair = pairStages(funnels[side], agreed, { byId: true, terms }).find((p) => p.a?.id === id);
    if (pair?.b) return pair.b;
  }
  return null;
}

function findTransition(funnel: Funnel, source: string, target: string, preferId: string | null): FunnelTransition | undefined {
  const between = funnel.transitions.filter((t) => t.source === source && t.target === target);
  return between.find((t) => t.id === preferId) ?? between[0];
}

/**
 * Applies one gap's resolution to the agreed funnel: `adopt` says whose side
 * wins. Returns the new agreed funnel, or a {@link MergeError}. Applying a
 * resolution already in place returns an equal funnel (idempotent).
 *
 * - `stage-missing`: adopting the side that has the stage adds it (its
 *   name, owner, term and canvas position) with the adopted side's
 *   transitions between it and stages the agreed funnel has; adopting the
 *   side without it removes it and its transitions.
 * - `transition-missing`: adds the adopted side's transition (rate, days,
 *   recycle flag), or removes the agreed funnel's.
 * - `owner`, `term`, `rate`, `days`, `recycle`: sets that value to the adopted side's.
 *
 * New stages and transitions keep their team's id unless the agreed funnel
 * uses it already (then `-2`, `-3` … is added).
 */
export function applyGapResolution(agreed: Funnel, gap: Gap, adopt: Party, funnels: TeamFunnels, terms: readonly Term[] = []): Result<Funnel, MergeError> {
  const next = cloneFunnel(agreed);
  const chosen = gap[adopt];
  const rejected = gap[otherParty(adopt)];
  const refsAt = (i: number): StageRefs => ({ marketing: gap.marketing.stageIds[i] ?? null, sales: gap.sales.stageIds[i] ?? null });
  const stageAt = (i: number): FunnelStage | null => agreedStageFor(next, funnels, refsAt(i), adopt, terms);

  switch (gap.kind) {
    case 'stage-missing': {
      const existing = stageAt(0);
      if (chosen.stageIds.length > 0) {
        if (existing) return ok(next);
        return addStage(next, funnels[adopt], chosen.stageIds[0]!, terms);
      }
      if (!existing) return ok(next);
      return ok({
        stages: next.stages.filter((s) => s.id !== existing.id),
        transitions: next.transitions.filter((t) => t.source !== existing.id && t.target !== existing.id),
      });
    }
    case 'owner':
    case 'term': {
      const stage = stageAt(0);
      if (!stage) return err({ code: 'not-in-agreed', message: `The agreed funnel has no stage "${gap.subject}"` });
      if (gap.kind === 'owner') stage.ownerTeam = gap[adopt].value;
      else stage.termId = gap[adopt].value;
      return ok(next);
    }
    case 'transition-missing':
    case 'rate':
    case 'days':
    case 'recycle': {
      const from = stageAt(0);
      const to = stageAt(1);
      const existing = from && to ? findTransition(next, from.id, to.id, chosen.transitionId ?? rejected.transitionId) : undefined;
      if (gap.kind === 'transition-missing') {
        if (!chosen.transitionId) {
          return ok(existing ? { stages: next.stages, transitions: next.transitions.filter((t) => t !== existing) } : next);
        }
        if (existing) return ok(next);
        if (!from || !to) return err({ code: 'missing-endpoint', message: `The agreed funnel lacks a stage of "${gap.subject}"` });
        const source = funnels[adopt].transitions.find((t) => t.id === chosen.transitionId);
        if (!source) return err({ code: 'not-in-side', message: `${adopt} has no transition ${chosen.transitionId}` });
        next.transitions.push({
          ...source,
          id: uniqueId(source.id, new Set(next.transitions.map((t) => t.id))),
          source: from.id,
          target: to.id,
        });
        return ok(next);
      }
      if (!existing) return err({ code: 'not-in-agreed', message: `The agreed funnel has no transition "${gap.subject}"` });
      if (gap.kind === 'rate') existing.conversionRate = gap[adopt].value;
      else if (gap.kind === 'days') existing.averageDays = gap[adopt].value;
      else existing.recycle = gap[adopt].value;
      return ok(next);
    }
  }
}

/** Adds `side`'s stage `stageId` to `agreed` (mutated; a fresh copy) with its transitions to stages `agreed` has. */
function addStage(agreed: Funnel, side: Funnel, stageId: string, terms: readonly Term[]): Result<Funnel, MergeError> {
  const stage = side.stages.find((s) => s.id === stageId);
  if (!stage) return err({ code: 'not-in-side', message: `The team's funnel has no stage ${stageId}` });
  const counterpart = new Map<string, string>();
  for (const p of pairStages(side, agreed, { byId: true, terms })) if (p.a && p.b) counterpart.set(p.a.id, p.b.id);
  const id = uniqueId(stage.id, new Set(agreed.stages.map((s) => s.id)));
  counterpart.set(stage.id, id);
  // Where the team drew it (not snapped again), or the nearest free place below that: never on top of an agreed stage.
  agreed.stages.push({ ...stage, id, ...freePositionNear(agreed, stage, 1) });
  for (const t of side.transitions) {
    if (t.source !== stageId && t.target !== stageId) continue;
    const source = counterpart.get(t.source);
    const target = counterpart.get(t.target);
    if (!source || !target || findTransition(agreed, source, target, null)) continue;
    agreed.transitions.push({ ...t, id: uniqueId(t.id, new Set(agreed.transitions.map((x) => x.id))), source, target });
  }
  return ok(agreed);
}

/**
 * Applies {@link applyGapResolution} for each gap in turn, adopting `adopt`'s
 * side of all of them (e.g. "adopt Marketing's for everything left"). Stops
 * at the first error and returns it with the gap's id.
 */
export function applyGapResolutions(
  agreed: Funnel,
  gaps: readonly Gap[],
  adopt: Party,
  funnels: TeamFunnels,
  terms: readonly Term[] = [],
): Result<Funnel, MergeError & { gapId: string }> {
  let current = agreed;
  for (const gap of gaps) {
    const result = applyGapResolution(current, gap, adopt, funnels, terms);
    if (!result.ok) return err({ ...result.error, gapId: gap.id });
    current = result.value;
  }
  return ok(current);
}
