/**
 * Compare's gap resolutions in the workshop's Yjs document: a top-level
 * `gapResolutions` Y.Map (added after layout 2; absent = no gap settled),
 * key gap id → one {@link GapResolution} as plain data. One key per gap:
 * settling it again replaces the record, reopening deletes it.
 *
 * Writes are ordinary edits (origin {@link LOCAL_ORIGIN}): the renderer's
 * intents make them in the same `edit()` as the change that settles the
 * gap (the agreed funnel, the SLA draft), so both are one transaction and
 * one undo step. The part belongs to the funnel section (a funnel lock
 * covers it, `shared/facilitation/locks.ts`). Not part of `WorkshopContent`:
 * never frozen nor fingerprinted.
 */
import type * as Y from 'yjs';
import { gapResolutionSchema, type GapResolution } from '../funnel/gap-resolutions';
import { checked, LOCAL_ORIGIN } from './doc-edit';

/** Name of the top-level part. */
export const GAP_RESOLUTIONS_PART = 'gapResolutions';

function resolutionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(GAP_RESOLUTIONS_PART);
}

/**
 * Every gap resolution stored in `doc`, by gap id. Entries that do not match
 * the schema (a newer build's, a damaged one) are skipped, never thrown on;
 * an absent part gives `[]`.
 */
export function readGapResolutions(doc: Y.Doc): GapResolution[] {
  if (!doc.share.has(GAP_RESOLUTIONS_PART)) return [];
  const map = resolutionsMap(doc);
  return [...map.keys()].sort().flatMap((k) => {
    const parsed = gapResolutionSchema.safeParse(map.get(k));
    return parsed.success && parsed.data.gapId === k ? [parsed.data] : [];
  });
}

/** Records `resolution` (replacing an earlier one of the same gap). Throws `InvalidEditError` for an invalid record, writing nothing. */
export function setGapResolution(doc: Y.Doc, resolution: GapResolution): void {
  const value = checked(gapResolutionSchema, resolution, 'gap resolution');
  doc.transact(() => resolutionsMap(doc).set(value.gapId, value), LOCAL_ORIGIN);
}

/** Reopens gap `gapId` (deletes its record); nothing is written when it has none. */
export function clearGapResolution(doc: Y.Doc, gapId: string): void {
  if (!doc.share.has(GAP_RESOLUTIONS_PART) || !resolutionsMap(doc).has(gapId)) return;
  doc.transact(() => resolutionsMap(doc).delete(gapId), LOCAL_ORIGIN);
}
