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
 * Schema history: keep every `db.version(n)`; a new version adds an upgrade
 * that calls a pure migration in `migrations.ts`, tested from a frozen
 * fixture of the previous version (test/fixtures/db-v1.json).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { Language } from '../../shared/domain/workshop';
import type { AgreementVersion, Signature, WorkshopStatus } from '../../shared/agreement/version';
import type { AuditEvent } from '../../shared/agreement/audit';
import { undecodableUpdatesFilter } from './damaged-updates';

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

/** Stores of schema version 1. */
export const SCHEMA_V1 = {
  workshops: 'id, updatedAt, doc: Y.Doc',
  versions: 'id, workshopId, [workshopId+number]',
  signatures: 'id, versionId, workshopId',
  settings: 'key',
} as const;

/** Stores added by schema version 2 (the others are unchanged). */
export const SCHEMA_V2 = {
  audit: '[workshopId+seq], workshopId',
} as const;

/** One stored audit event: the chain's event plus the workshop it belongs to. */
export type AuditRow = AuditEvent & { workshopId: string };

/** Error thrown when code tries to change a frozen version or a signature. */
export class ImmutableRecordError extends Error {
  constructor(table: string) {
    super(`${table} are immutable once written`);
    this.name = 'ImmutableRecordError';
  }
}

export type PactoDb = Dexie & {
  workshops: EntityTable<WorkshopRow, 'id'>;
  versions: EntityTable<AgreementVersion, 'id'>;
  signatures: EntityTable<Signature, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  audit: Table<AuditRow, [string, number]>;
};

/** Opens (lazily, on first query) the database named `name`. */
export function createDb(name = 'pacto'): PactoDb {
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
  db.version(1).stores(SCHEMA_V1);
  // v2 only adds a table: nothing to migrate. A later version that reshapes
  // data adds `.upgrade((tx) => …)` with a pure migration and a fixture test.
  db.version(2).stores(SCHEMA_V2);
  for (const table of [db.versions, db.signatures, db.audit] as Table[]) {
    table.hook('updating', () => {
      throw new ImmutableRecordError(table.name);
    });
  }
  return db;
}

/**
 * True for a storage-full error as IndexedDB reports it: a `QuotaExceededError`,
 * also when Dexie wraps it as the `inner` of an `AbortError`.
 */
export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}
