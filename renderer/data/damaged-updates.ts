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
 *
 * A row that arrives while the workshop is open (written by another window,
 * or planted) is never applied by y-dexie either: {@link undecodableUpdatesFilter}
 * is a Dexie middleware that leaves rows Yjs cannot decode out of every read
 * of the update table; the next open sets them aside.
 */
import * as Y from 'yjs';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
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

/**
 * Whether `u` is a byte array. Not `instanceof Uint8Array`: IndexedDB may hand
 * back a Uint8Array of another realm (a test's fake IndexedDB under jsdom),
 * which is still good bytes.
 */
function isBytes(u: unknown): u is Uint8Array {
  return ArrayBuffer.isView(u) && Object.prototype.toString.call(u) === '[object Uint8Array]';
}

/** Whether `row` of the update table holds an update Yjs can decode (rows without `u`, such as y-dexie's bookkeeping row, pass). */
function decodable(row: unknown): boolean {
  const u = (row as { u?: unknown } | null)?.u;
  if (u === undefined) return true;
  if (!isBytes(u)) return false;
  try {
    Y.decodeUpdateV2(u);
    return true;
  } catch {
    return false;
  }
}

/**
 * Dexie middleware (`db.use(undecodableUpdatesFilter)`): queries of y-dexie's
 * update table (how y-dexie loads, follows and compresses updates) return
 * only rows Yjs can decode, so a damaged row written while a workshop is open
 * cannot throw inside y-dexie's live query. Reads by key (`get`, `bulkGet`)
 * are untouched: {@link setAsideUndecodableUpdates} reads the rows that way.
 */
export const undecodableUpdatesFilter: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'pacto-undecodable-updates',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== DOC_UPDATES_TABLE) return table;
        const filtered: DBCoreTable = {
          ...table,
          query: async (req) => {
            const res = await table.query(req);
            return req.values ? { ...res, result: res.result.filter(decodable) } : res;
          },
        };
        return filtered;
      },
    };
  },
};

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
      if (!isBytes(row.u)) throw new Error('the update is not binary data');
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
    // Keys first, then the rows by key: a query would pass through `undecodableUpdatesFilter` and hide the undecodable ones.
    const keys = (await table.where('k').equals(id).primaryKeys()).sort((a, b) => a - b);
    const rows = (await table.bulkGet(keys)).filter((row): row is UpdateRow => row !== undefined);
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
