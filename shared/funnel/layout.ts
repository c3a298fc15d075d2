/**
 * Automatic left-to-right layout of a funnel with @dagrejs/dagre (a layered
 * graph layout; pure JavaScript, no DOM, so it runs the same in the renderer
 * and in Node). Recycle loops are left out of the ranking so they never pull
 * an earlier stage to the right; they are drawn as loops back.
 */
import dagre from '@dagrejs/dagre';
import type { Funnel } from '../domain/workshop';
import { connectedTransitions } from './graph';

/** Sizes and gaps of the layout, in px. */
export interface LayoutOptions {
  /** Width of a stage box as the canvas draws it. Default 180. */
  nodeWidth: number;
  /** Height of a stage box. Default 64. */
  nodeHeight: number;
  /** Horizontal gap between ranks (room for the arrow's label). Default 120. */
  rankGap: number;
  /** Vertical gap between stages of the same rank. Default 48. */
  nodeGap: number;
  /** `LR`: ranks left to right (the canvas); `TB`: top to bottom (a long funnel on portrait paper). Default `LR`. */
  direction: 'LR' | 'TB';
}

/** The canvas' stage box size and the gaps Pacto lays funnels out with, in px. */
export const DEFAULT_LAYOUT: Readonly<LayoutOptions> = { nodeWidth: 180, nodeHeight: 64, rankGap: 120, nodeGap: 48, direction: 'LR' };

/**
 * Positions (top-left corner, whole px, the origin at 0,0) for every stage of
 * `funnel`, left to right (or top to bottom, `direction: 'TB'`) in flow order: stage id → `{ x, y }`. Stages with
 * no transitions are placed too. Deterministic: the same funnel always
 * gets the same positions.
 */
export function computeLayout(funnel: Funnel, options: Partial<LayoutOptions> = {}): Map<string, { x: number; y: number }> {
  const o = { ...DEFAULT_LAYOUT, ...options };
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: o.direction, ranksep: o.rankGap, nodesep: o.nodeGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of funnel.stages) g.setNode(s.id, { width: o.nodeWidth, height: o.nodeHeight });
  for (const t of connectedTransitions(funnel)) {
    if (!t.recycle && t.source !== t.target) g.setEdge(t.source, t.target, { minlen: 1, weight: 1 }, t.id);
  }
  dagre.layout(g);
  const centres = funnel.stages.map((s) => {
    const n = g.node(s.id) as { x: number; y: number };
    return { id: s.id, x: n.x - o.nodeWidth / 2, y: n.y - o.nodeHeight / 2 };
  });
  const minX = Math.min(0, ...centres.map((c) => c.x));
  const minY = Math.min(0, ...centres.map((c) => c.y));
  return new Map(centres.map((c) => [c.id, { x: Math.round(c.x - minX), y: Math.round(c.y - minY) }]));
}

/** `funnel` with every stage moved to its {@link computeLayout} position (a new funnel; the input is not changed). */
export function withLayout(funnel: Funnel, options: Partial<LayoutOptions> = {}): Funnel {
  const positions = computeLayout(funnel, options);
  return {
    stages: funnel.stages.map((s) => ({ ...s, ...positions.get(s.id)! })),
    transitions: funnel.transitions.map((t) => ({ ...t })),
  };
}
