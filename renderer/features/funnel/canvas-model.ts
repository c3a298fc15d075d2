/**
 * From a funnel (plain workshop data) to React Flow's nodes and edges: the
 * labels, owner, linked term, volume, validation issues and gap highlights
 * each stage and arrow shows. Node and edge data stay serialisable (no
 * functions: React Flow's state guide); actions come from `CanvasActions`.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Funnel, Party } from '../../../shared/domain/workshop';
import { flowOrder } from '../../../shared/funnel/graph';
import { CANVAS_GRID, STAGE_BOX } from '../../../shared/funnel/placement';

/** Size of a stage box on the canvas, px (the layout uses the same). */
export const NODE_WIDTH = STAGE_BOX.width;
export const NODE_HEIGHT = STAGE_BOX.height;
/** Grid the canvas snaps to and the step Alt+arrow moves a stage by, px. */
export const GRID = CANVAS_GRID;

export interface StageNodeData extends Record<string, unknown> {
  name: string;
  owner: Party;
  ownerLabel: string;
  /** Linked glossary term as shown ("MQL — Lead calificado…"), or null. */
  term: string | null;
  /** The stage's volume from the targets model ("1.200 en el periodo"), or null. */
  volume: string | null;
  /** Validation messages about this stage. */
  issues: string[];
  issueLevel: 'error' | 'warning' | null;
  /** Part of the gap(s) Compare highlights. */
  highlight: boolean;
  /** In a room: others who have this stage selected (names, colour); see `canvas-presence.ts`. */
  presence?: { names: string; color: string };
}

export interface TransitionEdgeData extends Record<string, unknown> {
  /** "25 % · 14 d". */
  label: string;
  recycle: boolean;
  recycleLabel: string;
  issues: string[];
  issueLevel: 'error' | 'warning' | null;
  highlight: boolean;
}

export type StageNode = Node<StageNodeData, 'stage'>;
export type TransitionEdge = Edge<TransitionEdgeData, 'transition'>;

/** What the canvas shows beside the funnel itself: labels, issues, highlights (ids → text). */
export interface CanvasDecorations {
  ownerLabels: Record<Party, string>;
  termLabel(termId: string | null): string | null;
  volume(stageId: string): string | null;
  edgeLabel(rate: number, days: number): string;
  /** The label of an arrow with no rate yet (drawn, not filled in). */
  rateMissingLabel: string;
  recycleLabel: string;
  stageAria(stageId: string): string;
  edgeAria(transitionId: string): string;
  stageIssues: ReadonlyMap<string, { messages: string[]; level: 'error' | 'warning' }>;
  transitionIssues: ReadonlyMap<string, { messages: string[]; level: 'error' | 'warning' }>;
  highlightStages: ReadonlySet<string>;
  highlightTransitions: ReadonlySet<string>;
}

/** Stage nodes in flow order (so Tab walks them Lead → MQL → …), with the ids in `selected` selected. */
export function buildNodes(funnel: Funnel, deco: CanvasDecorations, selected: ReadonlySet<string>): StageNode[] {
  const byId = new Map(funnel.stages.map((s) => [s.id, s]));
  return flowOrder(funnel).map((id) => {
    const s = byId.get(id)!;
    const issues = deco.stageIssues.get(id);
    return {
      id,
      type: 'stage',
      position: { x: s.x, y: s.y },
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      selected: selected.has(id),
      ariaLabel: deco.stageAria(id),
      data: {
        name: s.name,
        owner: s.ownerTeam,
        ownerLabel: deco.ownerLabels[s.ownerTeam],
        term: deco.termLabel(s.termId),
        volume: deco.volume(id),
        issues: issues?.messages ?? [],
        issueLevel: issues?.level ?? null,
        highlight: deco.highlightStages.has(id),
      },
    };
  });
}

/** Transition edges (only those whose ends are stages), with the ids in `selected` selected. */
export function buildEdges(funnel: Funnel, deco: CanvasDecorations, selected: ReadonlySet<string>): TransitionEdge[] {
  const ids = new Set(funnel.stages.map((s) => s.id));
  return funnel.transitions
    .filter((t) => ids.has(t.source) && ids.has(t.target))
    .map((t) => {
      const issues = deco.transitionIssues.get(t.id);
      const highlight = deco.highlightTransitions.has(t.id);
      return {
        id: t.id,
        type: 'transition',
        source: t.source,
        target: t.target,
        selected: selected.has(t.id),
        ariaLabel: deco.edgeAria(t.id),
        data: {
          label: t.rateMissing ? deco.rateMissingLabel : deco.edgeLabel(t.conversionRate, t.averageDays),
          recycle: t.recycle,
          recycleLabel: deco.recycleLabel,
          issues: issues?.messages ?? [],
          issueLevel: issues?.level ?? null,
          highlight,
        },
      };
    });
}
