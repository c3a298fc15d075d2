/**
 * The lineage of a workshop document, as a short string a room compares:
 * two documents with the same mark grew from the same first write (one was
 * copied from the other, as a `.pacto` file's binary state, a backup, or a
 * room's sync), so merging them is an ordinary Yjs merge; two documents
 * with the same workshop id and different marks were seeded apart (their
 * content would duplicate if merged, see yjs-demos#16), so a guest holding
 * one of them must not join with it (`diverged`; "open as a separate copy").
 *
 * The mark is the Yjs id (client and clock) of the first value ever written
 * to the document's `meta.title`: `initWorkshopDoc` writes it in the
 * document's first transaction, later renames only add entries after it, and
 * Yjs keeps that first entry's id (as a tombstone) for as long as the
 * document lives, also through garbage collection. Pure: reads the document,
 * never writes.
 */
import type * as Y from 'yjs';

/** Prefix of the mark's format (`y1:<client>:<clock>`), so another way of marking can be told apart later. */
export const ORIGIN_MARK_PREFIX = 'y1';

interface MapEntryItem {
  id: { client: number; clock: number };
  left: MapEntryItem | null;
}

/**
 * `doc`'s origin mark, e.g. `y1:2745710293:0`; null for a document that was
 * never initialised (empty: a guest's copy before its first sync).
 */
export function originMarkOf(doc: Y.Doc): string | null {
  const meta = doc.getMap<unknown>('meta');
  // A Y.Map keeps the newest entry of each key in `_map`; earlier entries (deleted) hang off `left`.
  let item = (meta as unknown as { _map: Map<string, MapEntryItem> })._map.get('title') ?? null;
  if (!item) return null;
  while (item.left) item = item.left;
  return `${ORIGIN_MARK_PREFIX}:${item.id.client}:${item.id.clock}`;
}
