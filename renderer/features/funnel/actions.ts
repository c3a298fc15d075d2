/**
 * The canvas' user intents as named functions: each is one Yjs transaction
 * through `edit()` (so one undo step) with the mutations of
 * `shared/domain/workshop-doc`, and returns the field errors (null when applied).
 */
import {
  addCommitment,
  addStage,
  addTransition,
  moveStages,
  removeStage,
  removeTransition,
  replaceFunnel,
  updateStage,
  updateTransition,
} from '../../../shared/domain/workshop-doc';
import type { Commitment, FieldErrors, Funnel, FunnelId, FunnelStage, FunnelTransition, Language, Party, Term } from '../../../shared/domain/workshop';
import { clearGapResolution, setGapResolution } from '../../../shared/domain/gap-resolutions-doc';
import { gapResolution } from '../../../shared/funnel/gap-resolutions';
import type { Gap } from '../../../shared/funnel/gaps';
import { currentSeat } from '../../data/seat';
import { createStandardStage, uniqueId } from '../../../shared/funnel/stages';
import type { StageKind } from '../../../shared/funnel/names';
import { computeLayout } from '../../../shared/funnel/layout';
import { decodeClipboard, pasteClipboard, type ClipboardError } from '../../../shared/funnel/clipboard';
import { edit } from '../../data/session';
import { freePositionNear, PLACEMENT_GAP } from '../../../shared/funnel/placement';
import { NODE_HEIGHT, NODE_WIDTH } from './canvas-model';

/**
 * Where a stage added from the palette goes (px): under the funnel, below its
 * right-most stage, so arrows to it (often a branch such as SQL → Disqualified)
 * do not run through other stages; at the origin in an empty funnel.
 */
export function nextFreePosition(funnel: Funnel): { x: number; y: number } {
  if (funnel.stages.length === 0) return { x: 0, y: 0 };
  const right = Math.max(...funnel.stages.map((s) => s.x));
  const bottom = Math.max(...funnel.stages.map((s) => s.y));
  return { x: right, y: bottom + NODE_HEIGHT + 72 };
}

/**
 * Where a new stage goes beside `selected` (the stage selected on the canvas):
 * to its right, or the nearest free place below that; null when nothing is selected.
 */
export function positionBeside(funnel: Funnel, selected: string | undefined): { x: number; y: number } | null {
  const s = selected ? funnel.stages.find((x) => x.id === selected) : undefined;
  return s ? freePositionNear(funnel, { x: s.x + NODE_WIDTH + PLACEMENT_GAP * 2, y: s.y }) : null;
}

/**
 * Adds a palette stage of `kind` (or a custom one named `customName` when kind
 * is null) at the free place nearest `at` (see {@link freePositionNear}), or
 * under the funnel when `at` is absent; returns its id.
 */
export function addPaletteStage(
  funnelId: FunnelId,
  funnel: Funnel,
  kind: StageKind | null,
  language: Language,
  terms: readonly Term[],
  customName: string,
  at?: { x: number; y: number },
): string {
  // Where the user put it (dropped, beside the selection, the view's centre), else under the funnel.
  const position = at ? freePositionNear(funnel, at) : nextFreePosition(funnel);
  const stage: FunnelStage = kind
    ? createStandardStage(kind, language, funnel, terms, position)
    : { id: uniqueId('stage-custom', new Set(funnel.stages.map((s) => s.id))), name: customName, ownerTeam: 'marketing', termId: null, ...position };
  edit((doc) => addStage(doc, funnelId, stage));
  return stage.id;
}

/** Connects two stages with a new arrow with no rate yet (flagged until one is entered; 0 days); returns its id. */
export function connectStages(funnelId: FunnelId, funnel: Funnel, source: string, target: string): string {
  const id = uniqueId(`tr-${source.replace(/^stage-/, '')}-${target.replace(/^stage-/, '')}`, new Set(funnel.transitions.map((t) => t.id)));
  const transition: FunnelTransition = { id, source, target, conversionRate: 0, averageDays: 0, recycle: false, rateMissing: true };
  edit((doc) => addTransition(doc, funnelId, transition));
  return id;
}

/** Deletes stages (with their arrows) and arrows, in one transaction. Ids no longer there are skipped. */
export function removeItems(funnelId: FunnelId, funnel: Funnel, stageIds: Iterable<string>, transitionIds: Iterable<string>): void {
  const stages = new Set(stageIds);
  const arrows = new Set(transitionIds);
  edit((doc) => {
    for (const t of funnel.transitions) if (arrows.has(t.id) && !stages.has(t.source) && !stages.has(t.target)) removeTransition(doc, funnelId, t.id);
    for (const s of funnel.stages) if (stages.has(s.id)) removeStage(doc, funnelId, s.id);
  });
}

/** Saves stage positions (end of a drag, keyboard move). Rounded to whole px. */
export function saveStagePositions(funnelId: FunnelId, positions: Iterable<[string, { x: number; y: number }]>): void {
  const rounded = new Map([...positions].map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }] as const));
  if (rounded.size > 0) edit((doc) => moveStages(doc, funnelId, rounded));
}

/** Moves every stage to the automatic left-to-right layout (one undo step). */
export function layoutFunnel(funnelId: FunnelId, funnel: Funnel): void {
  saveStagePositions(funnelId, computeLayout(funnel, { nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, rankGap: 110, nodeGap: 56 }));
}

/** Renames a stage (`name: 'required'` for a blank name). */
export function renameStage(funnelId: FunnelId, id: string, name: string): FieldErrors | null {
  return edit((doc) => updateStage(doc, funnelId, id, { name }));
}

/** Changes fields of a stage (owner team, term, definition…) from the side panel. */
export function editStage(funnelId: FunnelId, id: string, patch: Parameters<typeof updateStage>[3]): FieldErrors | null {
  return edit((doc) => updateStage(doc, funnelId, id, patch));
}

/** Changes fields of an arrow (conversion rate, days, recycle, source…) from the side panel. */
export function editTransition(funnelId: FunnelId, id: string, patch: Partial<FunnelTransition>): FieldErrors | null {
  return edit((doc) => updateTransition(doc, funnelId, id, patch));
}

/** Deletes one arrow (the stages stay). */
export function removeArrow(funnelId: FunnelId, id: string): FieldErrors | null {
  return edit((doc) => removeTransition(doc, funnelId, id));
}

/** Replaces a whole funnel (template, duplicate, agreed from a side, merge): one undo step. */
export function setFunnel(funnelId: FunnelId, funnel: Funnel): FieldErrors | null {
  return edit((doc) => replaceFunnel(doc, funnelId, funnel));
}

/**
 * Pastes clipboard `text` into the funnel: Pacto's own format only. Returns
 * the ids of the new stages, or why nothing was pasted (the funnel is untouched).
 */
export function pasteText(funnelId: FunnelId, funnel: Funnel, text: string): { ok: true; stageIds: string[] } | { ok: false; error: ClipboardError } {
  const clip = decodeClipboard(text);
  if (!clip.ok) return clip;
  const added = pasteClipboard(funnel, clip.value);
  const errors = edit((doc) => {
    for (const s of added.stages) addStage(doc, funnelId, s);
    for (const t of added.transitions) addTransition(doc, funnelId, t);
  });
  if (errors) return { ok: false, error: 'invalid' };
  return { ok: true, stageIds: added.stages.map((s) => s.id) };
}

/** Who settles a gap on this laptop: the room seat's name; null outside a room (the facilitator's laptop). */
function settler(): string | null {
  const seat = currentSeat();
  return seat.inRoom ? (seat.identity?.name ?? null) : null;
}

/**
 * Compare: adopts `side`'s side of `gap`, writing `agreed` (the agreed funnel
 * with the gap's resolution applied, `applyGapResolution`) and the gap's
 * resolution together: one transaction, one undo step.
 */
export function adoptGapSide(gap: Gap, side: Party, agreed: Funnel): FieldErrors | null {
  const record = gapResolution(gap, side === 'marketing' ? 'adopt-marketing' : 'adopt-sales', settler(), new Date());
  return edit((doc) => {
    replaceFunnel(doc, 'agreed', agreed);
    setGapResolution(doc, record);
  });
}

/** Compare: settles `gap` in the SLA: adds the draft `commitment` and records the resolution in one transaction (one undo step). */
export function settleGapInSla(gap: Gap, commitment: Commitment): FieldErrors | null {
  const record = gapResolution(gap, 'sla', settler(), new Date());
  return edit((doc) => {
    addCommitment(doc, commitment);
    setGapResolution(doc, record);
  });
}

/** Compare: records that `gap` is settled in the glossary (the definition the teams write there); one undo step. */
export function settleGapInGlossary(gap: Gap): FieldErrors | null {
  const record = gapResolution(gap, 'glossary', settler(), new Date());
  return edit((doc) => setGapResolution(doc, record));
}

/** Compare: reopens gap `gapId` (its resolution is removed; what settling it changed stays). One undo step. */
export function reopenGap(gapId: string): FieldErrors | null {
  return edit((doc) => clearGapResolution(doc, gapId));
}
