/**
 * The database's schema, declared the same way by its two connections, and
 * what both share without Yjs:
 *
 * - the documents' connection (`./db.ts`, `createDb`, instance `./instance.ts`):
 *   Dexie with the y-dexie add-on, through which the workshop code reads and
 *   writes everything, each workshop's Y.Doc included;
 * - the home screen's connection ({@link createHomeDb}, instance
 *   `./home-db.ts`): Dexie alone, so the start loads neither y-dexie nor
 *   Yjs (~93 kB of script; `npm run bench:start`). It reads the workshop
 *   index and the settings, and writes settings only (language, last place).
 *
 * Both declare the same stores at the same versions: the home connection
 * declares y-dexie's updates table itself, by the name and indexes y-dexie
 * gives it, so whichever opens first, the other finds the schema it declares
 * and neither upgrades the database under the other
 * (test/unit/db-connections.test.ts). A write through either reaches the
 * other's live queries (Dexie signals changes by database name).
 *
 * Schema history: keep every version; a new version adds an upgrade that
 * calls a pure migration in `migrations.ts`, tested from a frozen fixture of
 * the previous version (test/fixtures/db-v1.json), and is declared here, for
 * both connections. The app's start opens the home connection first, so an
 * upgrade runs there, without y-dexie: it reshapes rows, never a Y.Doc
 * (documents have their own migrations, `shared/domain/migrations.ts`).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { SettingRow, WorkshopIndexRow } from './db';

/** The database's name. */
export const DB_NAME = 'pacto';

/** The workshop index's primary key and index. */
const WORKSHOP_INDEXES = 'id, updatedAt';

/** Stores of schema version 1 (`doc: Y.Doc` is y-dexie's property of each workshop, not an index). */
export const SCHEMA_V1 = {
  workshops: `${WORKSHOP_INDEXES}, doc: Y.Doc`,
  versions: 'id, workshopId, [workshopId+number]',
  signatures: 'id, versionId, workshopId',
  settings: 'key',
} as const;

/**
 * The store y-dexie adds to version 1 for the workshops' `doc` property, as
 * y-dexie 4 declares it (`$<table>.<property>_updates`, `++i,k`: one row per
 * Y.Doc update, keyed by the workshop's id `k`).
 */
export const DOC_UPDATES_V1 = { '$workshops.doc_updates': '++i,k' } as const;

/** Stores added by schema version 2 (the others are unchanged). */
export const SCHEMA_V2 = {
  audit: '[workshopId+seq], workshopId',
} as const;

/** Error thrown when code tries to change a frozen version or a signature. */
export class ImmutableRecordError extends Error {
  constructor(table: string) {
    super(`${table} are immutable once written`);
    this.name = 'ImmutableRecordError';
  }
}

/**
 * Declares every schema version on `db`, a new Dexie instance: as y-dexie
 * reads it (`documents`: the documents' connection, y-dexie installed), or
 * with the workshops' `doc` left out and its updates store named instead
 * (the home connection). Frozen versions, signatures and audit events refuse
 * updates on both.
 */
export function declareSchema(db: Dexie, { documents }: { documents: boolean }): void {
  db.version(1).stores(documents ? SCHEMA_V1 : { ...SCHEMA_V1, workshops: WORKSHOP_INDEXES, ...DOC_UPDATES_V1 });
  // v2 only adds a table: nothing to migrate. A later version that reshapes
  // data adds `.upgrade((tx) => …)` with a pure migration and a fixture test.
  db.version(2).stores(SCHEMA_V2);
  for (const name of ['versions', 'signatures', 'audit']) {
    const table = db.table(name);
    table.hook('updating', () => {
      throw new ImmutableRecordError(table.name);
    });
  }
}

/** The tables the home screen reads and writes, which either connection has: the workshop index (no documents) and the settings. */
export type IndexTables = {
  workshops: EntityTable<WorkshopIndexRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

/** The home screen's connection: {@link IndexTables} only (the other stores exist, the home screen does not use them). */
export type HomeDb = Dexie & IndexTables;

/** The home screen's connection to the database `name` (opens on first query), without y-dexie. */
export function createHomeDb(name = DB_NAME): HomeDb {
  // No query cache, as on the documents' connection (see `createDb`).
  const db = new Dexie(name, { cache: 'disabled' }) as HomeDb;
  declareSchema(db, { documents: false });
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
