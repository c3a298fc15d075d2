/**
 * Pacto's local database (IndexedDB through Dexie, with y-dexie for the
 * co-edited documents).
 *
 * Tables:
 * - `workshops`: the index of workshops (what the home screen lists) and,
 *   as the y-dexie property `doc`, each workshop's Y.Doc (its updates live
 *   in y-dexie's own table `$workshops.doc_updates`).
 * - `versions`: frozen agreement versions; immutable (a hook refuses updates).
 * - `signatures`: signatures of a version; immutable too.
 * - `settings`: key/value app settings (UI language…).
 * - `audit` (since v2): each workshop's hash-chained audit trail
 *   (`shared/agreement/audit.ts`), one row per event, keyed `[workshopId+seq]`;
 *   append-only (a hook refuses updates).
 *
 * This module is the documents' connection (y-dexie, so Yjs): the workshop
 * code's. The stores and versions, with the schema's history, are declared
 * in `./schema.ts` for both connections; the home screen reads the same
 * database through its own connection without Yjs (`./home-db.ts`).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { Language } from '../../shared/domain/workshop';
import type { AgreementVersion, Signature, WorkshopStatus } from '../../shared/agreement/version';
import type { AuditEvent } from '../../shared/agreement/audit';
import { undecodableUpdatesFilter } from './damaged-updates';
import { DB_NAME, declareSchema } from './schema';

/** One row of the workshop index. Mirrors the document's meta for listing without loading documents. */
export interface WorkshopRow {
  id: string;
  title: string;
  company: string;
  /** Day of the workshop, `YYYY-MM-DD`. */
  date: string;
  language: Language;
  currency: string;
  status: WorkshopStatus;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
  /** The workshop's co-edited content (y-dexie property; load with DexieYProvider before use). */
  readonly doc: Y.Doc;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/** One stored audit event: the chain's event plus the workshop it belongs to. */
export type AuditRow = AuditEvent & { workshopId: string };

/** A workshop index row as the home screen's connection reads it: without the document (`./schema.ts`). */
export type WorkshopIndexRow = Omit<WorkshopRow, 'doc'>;

export type PactoDb = Dexie & {
  workshops: EntityTable<WorkshopRow, 'id'>;
  versions: EntityTable<AgreementVersion, 'id'>;
  signatures: EntityTable<Signature, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  audit: Table<AuditRow, [string, number]>;
};

/** The documents' connection to the database `name` (opens on first query), with y-dexie; the schema is `./schema.ts`'s. */
export function createDb(name = DB_NAME): PactoDb {
  // No query cache: with Dexie's cache on, a change written by another window
  // (another Electron window, another tab) re-runs y-dexie's live query before
  // that change invalidates the cached rows, so the query can answer from the
  // stale cache and that window misses the update until its next own edit.
  // Seen on a busy machine as two windows whose documents stayed apart
  // (test/e2e/two-windows.test.ts failed about one run in two under load;
  // with the cache off, 10 of 10 passed under the same load). Live queries
  // read IndexedDB itself instead: correct first, a little slower.
  const db = new Dexie(name, { addons: [yDexie], cache: 'disabled' }) as PactoDb;
  // y-dexie never sees an update row Yjs cannot decode (see ./damaged-updates.ts).
  db.use(undecodableUpdatesFilter);
  declareSchema(db, { documents: true });
  return db;
}
