/**
 * Damaged document records: before y-dexie loads a workshop's Y.Doc, each
 * of its stored updates is tried, in the order y-dexie applies them, on a
 * scratch document. A row Yjs cannot decode or apply (bytes appended, a bit
 * flipped, a truncated main record) would otherwise throw inside y-dexie's
 * live query and leave the workshop "Loading…" for ever. Such rows are moved
 * out of y-dexie's table into the `settings` table (key
 * `damagedUpdates:<workshopId>`, kept, never thrown away), so the rest opens.
 *
 * All in one Dexie transaction over the two tables (no other awaits inside):
 * either every bad row is set aside or none is.
 */
import * as Y from 'yjs';
import type { PactoDb } from './db';

/** y-dexie's table of document updates (named by y-dexie from table and property `doc`). */
export const DOC_UPDATES_TABLE = '$workshops.doc_updates';

/** One row of y-dexie's update table: `i` auto-increment key, `k` the workshop id, `u` a Yjs v2 update. */
interface UpdateRow {
  i: number;
  k: string;
  u: Uint8Array;
  f?: number;
}

/** A row set aside: the row as it was, why Yjs refused it, and when (ISO instant). */
export interface DamagedUpdate {
  row: UpdateRow;
  reason: string;
  at: string;
}

/** Settings key under which workshop `id`'s set-aside rows are kept. */
export function damagedUpdatesKey(id: string): string {
  return `damagedUpdates:${id}`;
}

/** Whether `updates` apply, in order, to a fresh document without an error. */
function applies(updates: readonly Uint8Array[]): boolean {
  const doc = new Y.Doc();
  try {
    for (const u of updates) Y.applyUpdateV2(doc, u);
    return true;
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}

/**
 * The rows of `rows` (in key order) that cannot be applied after the good
 * ones before them, each with Yjs's reason. Pure; the usual case (all good)
 * applies every row once.
 */
export function findUndecodableRows(rows: readonly UpdateRow[]): { row: UpdateRow; reason: string }[] {
  const bad: { row: UpdateRow; reason: string }[] = [];
  let doc = new Y.Doc();
  const good: Uint8Array[] = [];
  for (const row of rows) {
    try {
      if (!(row.u instanceof Uint8Array)) throw new Error('the update is not binary data');
      Y.applyUpdateV2(doc, row.u);
      good.push(row.u);
    } catch (e) {
      bad.push({ row, reason: e instanceof Error ? e.message || e.name : String(e) });
      // A failed apply may have left part of the row in the scratch document: start again from the good rows.
      doc.destroy();
      doc = new Y.Doc();
      if (!applies(good)) return bad;
      for (const u of good) Y.applyUpdateV2(doc, u);
    }
  }
  doc.destroy();
  return bad;
}

/**
 * Moves workshop `id`'s undecodable update rows aside (see the module
 * comment); returns how many were moved (0 for an intact workshop).
 */
export async function setAsideUndecodableUpdates(db: PactoDb, id: string): Promise<number> {
  const table = db.table<UpdateRow, number>(DOC_UPDATES_TABLE);
  return db.transaction('rw', [table, db.settings], async () => {
    const rows = await table.where('k').equals(id).sortBy('i');
    const bad = findUndecodableRows(rows);
    if (bad.length === 0) return 0;
    const key = damagedUpdatesKey(id);
    const kept = ((await db.settings.get(key))?.value as DamagedUpdate[] | undefined) ?? [];
    const at = new Date().toISOString();
    await db.settings.put({ key, value: [...kept, ...bad.map((b) => ({ ...b, at }))] });
    await table.bulkDelete(bad.map((b) => b.row.i));
    return bad.length;
  });
}
