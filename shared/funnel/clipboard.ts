/**
 * The canvas' own clipboard format: copied stages and the transitions
 * between them as text (`pacto-funnel-clipboard/1` followed by JSON), so a
 * copy survives the system clipboard and can be pasted into any of the three
 * funnels. Anything else pasted onto the canvas (plain text, another app's
 * data) is refused with a reason and changes nothing.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../domain/result';
import { funnelStageSchema, funnelTransitionSchema, type Funnel, type FunnelStage, type FunnelTransition } from '../domain/workshop';
import { uniqueId } from './stages';

/** First line of every clipboard text Pacto writes; the version changes if the payload's shape does. */
export const CLIPBOARD_HEADER = 'pacto-funnel-clipboard/1';

/** What a copy holds: some stages and the transitions whose both ends are among them. */
export interface FunnelClipboard {
  stages: FunnelStage[];
  transitions: FunnelTransition[];
}

const clipboardSchema = z.object({
  stages: z.array(funnelStageSchema).min(1),
  transitions: z.array(funnelTransitionSchema),
});

/**
 * The clipboard text for stages `stageIds` of `funnel` and the transitions
 * between them (a transition to a stage left out is not copied). Returns
 * `null` when none of the ids is a stage of the funnel (nothing to copy).
 */
export function encodeClipboard(funnel: Funnel, stageIds: Iterable<string>): string | null {
  const ids = new Set(stageIds);
  const stages = funnel.stages.filter((s) => ids.has(s.id));
  if (stages.length === 0) return null;
  const transitions = funnel.transitions.filter((t) => ids.has(t.source) && ids.has(t.target));
  return `${CLIPBOARD_HEADER}\n${JSON.stringify({ stages, transitions } satisfies FunnelClipboard)}`;
}

/** Why a clipboard text cannot be pasted: `foreign` (not Pacto's format), `invalid` (Pacto's header, broken content). */
export type ClipboardError = 'foreign' | 'invalid';

/**
 * Reads a clipboard text written by {@link encodeClipboard}. `foreign` for
 * anything without the header (plain text, a spreadsheet's cells…);
 * `invalid` when the header is there but the content is not valid stages and
 * transitions (e.g. a rate above 100 %). Transitions whose ends are not among
 * the copied stages are dropped.
 */
export function decodeClipboard(text: string): Result<FunnelClipboard, ClipboardError> {
  const newline = text.indexOf('\n');
  if (newline < 0 || text.slice(0, newline).trim() !== CLIPBOARD_HEADER) return err('foreign');
  let json: unknown;
  try {
    json = JSON.parse(text.slice(newline + 1));
  } catch {
    return err('invalid');
  }
  const parsed = clipboardSchema.safeParse(json);
  if (!parsed.success) return err('invalid');
  const ids = new Set(parsed.data.stages.map((s) => s.id));
  return ok({ stages: parsed.data.stages, transitions: parsed.data.transitions.filter((t) => ids.has(t.source) && ids.has(t.target)) });
}

/**
 * The stages and transitions to add to `funnel` for pasting `clip`: fresh ids
 * (no clash with the funnel's), transitions re-pointed to the new stage ids,
 * every stage moved by `offset` px (so a paste does not hide the original).
 * The funnel itself is not changed.
 */
export function pasteClipboard(funnel: Funnel, clip: FunnelClipboard, offset: { x: number; y: number } = { x: 40, y: 40 }): FunnelClipboard {
  const stageIds = new Set(funnel.stages.map((s) => s.id));
  const transitionIds = new Set(funnel.transitions.map((t) => t.id));
  const renamed = new Map<string, string>();
  const stages = clip.stages.map((s) => {
    const id = uniqueId(s.id, stageIds);
    stageIds.add(id);
    renamed.set(s.id, id);
    return { ...s, id, x: s.x + offset.x, y: s.y + offset.y };
  });
  const transitions = clip.transitions.map((t) => {
    const id = uniqueId(t.id, transitionIds);
    transitionIds.add(id);
    return { ...t, id, source: renamed.get(t.source)!, target: renamed.get(t.target)! };
  });
  return { stages, transitions };
}
