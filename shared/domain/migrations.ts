/**
 * Migrations of the workshop document (the Y.Doc layout described in
 * `workshop-doc.ts`), as one named list of steps in the spirit of tldraw's
 * migration sequences: each step has a stable id, the layout it reads
 * (`from`) and the one it writes (`to`), and an `up` function. The list is
 * the ONE migration path: opening a workshop from the database
 * (`renderer/data/workshops.ts`) and opening a `.pacto` file
 * (`shared/file/pacto-file.ts`) both call {@link migrateDoc}.
 *
 * All or nothing: the steps run on a scratch copy of the document first;
 * only when every step succeeded is the difference applied to the real
 * document, in one transaction with origin {@link INIT_ORIGIN} (not
 * undoable). A failing step leaves the document exactly as it was (a Yjs
 * transaction cannot be rolled back, so it must not run on the real one).
 *
 * A document newer than this build is never touched: {@link checkDocSchema}
 * reports `too-new` ("made by a newer Pacto"), and the caller refuses to open
 * it rather than downgrade data.
 *
 * Adding a layout: bump `DOC_SCHEMA_VERSION` in `workshop-doc.ts`, append a
 * step here (`from` = old, `to` = new), and freeze a fixture of the old
 * layout in `test/fixtures/` with its own test in `test/unit/migrations.test.ts`.
 */
import * as Y from 'yjs';
import { DOC_SCHEMA_VERSION, INIT_ORIGIN, RICH_TERM_FIELDS } from './workshop-doc';
import { richTextFragment } from './rich-text-doc';
import { err, ok, type Result } from './result';

/** One step of the document's migration sequence. */
export interface DocMigration {
  /** Stable, unique name; never renamed once released (it is reported in errors and tests). */
  id: string;
  /** Layout version the step reads. */
  from: number;
  /** Layout version it writes: always `from + 1`. */
  to: number;
  /** What the step changes, for people. */
  description: string;
  /**
   * Rewrites `doc` from layout `from` to `to` (called inside a transaction,
   * on a scratch copy). May throw: the migration then fails as a whole.
   */
  up(doc: Y.Doc): void;
}

/** The document's migrations, oldest first; the last `to` is `DOC_SCHEMA_VERSION`. */
export const DOC_MIGRATIONS: readonly DocMigration[] = [
  {
    id: 'doc-002-rich-text',
    from: 1,
    to: 2,
    description:
      "Each term's definition, entry and exit criteria and examples, and the SLA intro, become Y.XmlFragment rich text holding the same text (paragraphs at blank lines, hard breaks at single newlines), so every frozen fingerprint stays the same.",
    up(doc) {
      for (const term of doc.getArray<Y.Map<unknown>>('terms').toArray()) {
        for (const key of RICH_TERM_FIELDS) {
          const value = term.get(key);
          if (typeof value === 'string') term.set(key, richTextFragment(value));
        }
      }
      const sla = doc.getMap<unknown>('sla');
      const intro = sla.get('intro');
      if (!(intro instanceof Y.XmlFragment)) sla.set('intro', richTextFragment(typeof intro === 'string' ? intro : ''));
    },
  },
];

/** Oldest document layout this build can migrate from. */
export const OLDEST_DOC_SCHEMA_VERSION = 1;

/** Why a document cannot be opened as it is. */
export interface MigrationError {
  /**
   * `too-new`: made by a newer Pacto (layout above {@link DOC_SCHEMA_VERSION});
   * `damaged`: the layout number is missing or not a whole number;
   * `migration-failed`: a step threw (the document is unchanged).
   */
  code: 'too-new' | 'damaged' | 'migration-failed';
  /** English, for logs and the CLI; the UI translates by `code`. */
  message: string;
  /** The layout the document says it has. */
  version?: number;
  /** The step that failed (`migration-failed`). */
  step?: string;
}

/** What {@link checkDocSchema} finds. */
export type DocSchemaCheck =
  | {
      ok: true;
      /** The document's layout; null for a document not written yet (empty). */
      version: number | null;
      /** True when {@link migrateDoc} has steps to run. */
      needsMigration: boolean;
    }
  | ({ ok: false } & MigrationError);

const TOO_NEW_MESSAGE = (version: number) =>
  `This workshop was made by a newer Pacto (document layout ${version}; this Pacto reads up to ${DOC_SCHEMA_VERSION}). Update Pacto to open it.`;

/**
 * Reads the layout number of `doc` (`meta.schemaVersion`) without changing
 * anything: ok (with whether it needs migrating), `too-new`, or `damaged`.
 * An empty document (nothing written yet) is ok with `version: null`. Never throws.
 */
export function checkDocSchema(doc: Y.Doc): DocSchemaCheck {
  const meta = doc.getMap('meta');
  if (!meta.has('schemaVersion')) return { ok: true, version: null, needsMigration: false };
  const version = meta.get('schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_DOC_SCHEMA_VERSION) {
    return { ok: false, code: 'damaged', message: `The workshop document's layout number is not valid (${JSON.stringify(version) ?? 'missing'}).` };
  }
  if (version > DOC_SCHEMA_VERSION) return { ok: false, code: 'too-new', version, message: TOO_NEW_MESSAGE(version) };
  return { ok: true, version, needsMigration: version < DOC_SCHEMA_VERSION };
}

/** The steps that take layout `from` to the current one, in order. */
export function migrationPath(from: number, steps: readonly DocMigration[] = DOC_MIGRATIONS): DocMigration[] {
  return steps.filter((m) => m.from >= from).sort((a, b) => a.from - b.from);
}

/** What {@link migrateDoc} did: the layout before, after, and the ids of the steps run. */
export interface MigrationOutcome {
  from: number | null;
  to: number | null;
  applied: string[];
}

/**
 * Brings `doc` up to {@link DOC_SCHEMA_VERSION} with {@link DOC_MIGRATIONS}:
 * on a scratch copy first, then (only if every step succeeded) the
 * difference is applied to `doc` in one transaction with origin
 * {@link INIT_ORIGIN}. A current or empty document is left alone. On any
 * error `doc` is unchanged. Never throws. `steps` is for tests (default
 * {@link DOC_MIGRATIONS}).
 */
export function migrateDoc(doc: Y.Doc, steps: readonly DocMigration[] = DOC_MIGRATIONS): Result<MigrationOutcome, MigrationError> {
  const check = checkDocSchema(doc);
  if (!check.ok) {
    const { ok: _ok, ...error } = check;
    return err(error);
  }
  if (check.version === null || !check.needsMigration) return ok({ from: check.version, to: check.version, applied: [] });
  const from = check.version;
  const scratch = new Y.Doc();
  const applied: string[] = [];
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    for (const step of migrationPath(from, steps)) {
      try {
        scratch.transact(() => {
          step.up(scratch);
          scratch.getMap('meta').set('schemaVersion', step.to);
        }, INIT_ORIGIN);
      } catch (e) {
        return err({
          code: 'migration-failed',
          version: from,
          step: step.id,
          message: `Migration ${step.id} (layout ${step.from} → ${step.to}) failed: ${e instanceof Error ? e.message : String(e)}. The workshop was not changed.`,
        });
      }
      applied.push(step.id);
    }
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)), INIT_ORIGIN);
  } finally {
    scratch.destroy();
  }
  return ok({ from, to: DOC_SCHEMA_VERSION, applied });
}

/** Thrown by {@link migrateWorkshopDoc}; `code` as in {@link MigrationError}. */
export class DocMigrationError extends Error {
  readonly code: MigrationError['code'];
  readonly step: string | undefined;
  /** The layout the document says it has (set for `too-new`). */
  readonly version: number | undefined;
  constructor(error: MigrationError) {
    super(error.message);
    this.name = 'DocMigrationError';
    this.code = error.code;
    this.step = error.step;
    this.version = error.version;
  }
}

/**
 * {@link migrateDoc} for callers that throw: opening a workshop from the
 * database. Throws {@link DocMigrationError} (code `too-new` with "made by a
 * newer Pacto", `damaged` or `migration-failed`); `doc` is then unchanged.
 */
export function migrateWorkshopDoc(doc: Y.Doc): MigrationOutcome {
  const result = migrateDoc(doc);
  if (!result.ok) throw new DocMigrationError(result.error);
  return result.value;
}
