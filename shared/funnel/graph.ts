/**
 * A funnel read as a directed graph: its entry stages, the order stages
 * flow in, which stages can be reached, and the arrows that close a cycle.
 * Transitions whose ends are not stages of the funnel are ignored here
 * (validation reports them).
 */
import type { Funnel, FunnelStage, FunnelTransition } from '../domain/workshop';

/** Transitions whose source and target are both stages of `funnel`. */
export function connectedTransitions(funnel: Funnel): FunnelTransition[] {
  const ids = new Set(funnel.stages.map((s) => s.id));
  return funnel.transitions.filter((t) => ids.has(t.source) && ids.has(t.target));
}

/** Stage ids → the transitions leaving them (only `transitions` given), in list order. */
function outgoing(funnel: Funnel, transitions: readonly FunnelTransition[]): Map<string, FunnelTransition[]> {
  const out = new Map<string, FunnelTransition[]>(funnel.stages.map((s) => [s.id, []]));
  for (const t of transitions) out.get(t.source)?.push(t);
  return out;
}

/** Stages no non-recycle transition enters, in list order: where the depth-first search of cycles starts. */
function sourcesOfForwardGraph(funnel: Funnel, forward: readonly FunnelTransition[]): string[] {
  const entered = new Set(forward.map((t) => t.target));
  return funnel.stages.filter((s) => !entered.has(s.id)).map((s) => s.id);
}

/**
 * The forward (non-recycle) transitions that close a cycle: the back edges
 * of a depth-first search that starts at the stages no forward transition
 * enters (then at any stage not yet visited), in list order. Marking each of
 * them as a recycle loop leaves the forward graph without cycles. A
 * transition from a stage to itself is always one.
 */
export function cycleClosingTransitions(funnel: Funnel): FunnelTransition[] {
  const forward = connectedTransitions(funnel).filter((t) => !t.recycle);
  const out = outgoing(funnel, forward);
  const state = new Map<string, 'open' | 'done'>();
  const closing: FunnelTransition[] = [];
  const visit = (start: string): void => {
    // Iterative DFS: a funnel drawn by hand is small, but 500-stage benchmarks must not overflow the stack.
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = out.get(frame.id) ?? [];
      if (frame.next >= edges.length) {
        state.set(frame.id, 'done');
        stack.pop();
        continue;
      }
      const t = edges[frame.next++]!;
      const s = state.get(t.target);
      if (s === 'open') closing.push(t);
      else if (s === undefined) {
        state.set(t.target, 'open');
        stack.push({ id: t.target, next: 0 });
      }
    }
  };
  for (const id of [...sourcesOfForwardGraph(funnel, forward), ...funnel.stages.map((s) => s.id)]) {
    if (!state.has(id)) visit(id);
  }
  return closing;
}

/** Forward transitions: not recycle loops, and not closing an (unmarked) cycle. Together they form no cycle. */
function acyclicForward(funnel: Funnel): FunnelTransition[] {
  const closing = new Set(cycleClosingTransitions(funnel));
  return connectedTransitions(funnel).filter((t) => !t.recycle && !closing.has(t));
}

/**
 * Ids of the entry stages, in list order: stages no forward transition
 * enters (recycle loops and transitions closing a cycle do not count, so a
 * funnel always has one unless it is empty). A healthy funnel has exactly one.
 */
export function entryStageIds(funnel: Funnel): string[] {
  return sourcesOfForwardGraph(funnel, acyclicForward(funnel));
}

/** Ids of the stages reachable from `from` along any transition (recycle loops included), `from` included. */
export function reachableFrom(funnel: Funnel, from: readonly string[]): Set<string> {
  const out = outgoing(funnel, connectedTransitions(funnel));
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of out.get(id) ?? []) stack.push(t.target);
  }
  return seen;
}

/**
 * The funnel's main entry stage: of the entry stages, the one from which the
 * most stages can be reached (the first in list order on a tie); `null` for
 * an empty funnel.
 */
export function mainEntryStageId(funnel: Funnel): string | null {
  let best: { id: string; reach: number } | null = null;
  for (const id of entryStageIds(funnel)) {
    const reach = reachableFrom(funnel, [id]).size;
    if (!best || reach > best.reach) best = { id, reach };
  }
  return best?.id ?? null;
}

/**
 * Stage ids in flow order: by rank (the longest chain of forward transitions
 * from an entry stage, cycles broken at their closing transitions), ties in
 * list order. Lead before MQL before SQL; a branch (SQL → Disqualified) ranks
 * with its sibling (SQL → Opportunity).
 */
export function flowOrder(funnel: Funnel): string[] {
  const forward = acyclicForward(funnel);
  const rank = new Map<string, number>(funnel.stages.map((s) => [s.id, 0]));
  const indegree = new Map<string, number>(funnel.stages.map((s) => [s.id, 0]));
  for (const t of forward) indegree.set(t.target, (indegree.get(t.target) ?? 0) + 1);
  const out = outgoing(funnel, forward);
  const queue = funnel.stages.filter((s) => indegree.get(s.id) === 0).map((s) => s.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const t of out.get(id) ?? []) {
      rank.set(t.target, Math.max(rank.get(t.target)!, rank.get(id)! + 1));
      const left = indegree.get(t.target)! - 1;
      indegree.set(t.target, left);
      if (left === 0) queue.push(t.target);
    }
  }
  const index = new Map(funnel.stages.map((s, i) => [s.id, i]));
  return funnel.stages.map((s) => s.id).sort((a, b) => rank.get(a)! - rank.get(b)! || index.get(a)! - index.get(b)!);
}

/**
 * The stages of a funnel along its main path, in order, each with the
 * transition to the next stage on that path (`null` for the last).
 *
 * The main path starts at the entry stage (the first stage, in list order,
 * that no non-recycle transition enters) and follows, from each stage, its
 * first non-recycle outgoing transition to a stage not yet on the path with
 * the highest conversion rate. Stages off the path (disqualified, recycled)
 * are left out. Returns `[]` for a funnel without stages.
 */
export function mainPath(funnel: Funnel): { stage: FunnelStage; next: FunnelTransition | null }[] {
  const forward = funnel.transitions.filter((t) => !t.recycle);
  const entered = new Set(forward.map((t) => t.target));
  const entry = funnel.stages.find((s) => !entered.has(s.id)) ?? funnel.stages[0];
  if (!entry) return [];
  const byId = new Map(funnel.stages.map((s) => [s.id, s]));
  const path: { stage: FunnelStage; next: FunnelTransition | null }[] = [];
  const seen = new Set<string>();
  let current: FunnelStage | undefined = entry;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const from: string = current.id;
    const candidates = forward
      .filter((t) => t.source === from && byId.has(t.target) && !seen.has(t.target))
      .sort((a, b) => b.conversionRate - a.conversionRate);
    const next = candidates[0] ?? null;
    path.push({ stage: current, next });
    current = next ? byId.get(next.target) : undefined;
  }
  return path;
}
