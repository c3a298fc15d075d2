/**
 * `.pacto` files on the database side: export a workshop from IndexedDB as
 * file bytes, tell whether a decoded file is a workshop already here, and
 * import it as a new workshop, merged into the existing one, or as a
 * separate copy. The file format itself is `shared/file/pacto-file.ts`
 * (see docs/file-format.md).
 *
 * Every import is all or nothing: one Dexie transaction over the index, the
 * document's update rows, versions, signatures and audit trail. Everything
 * that can fail (applying the Yjs update, migrating, validating, conflicts)
 * is worked out on scratch documents inside that transaction before the
 * first write; any error aborts the transaction, so the database is exactly
 * as it was.
 */
import * as Y from 'yjs';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { checkDocSchema, migrateDoc } from '../../shared/domain/migrations';
import { freshCopyOfDoc } from '../../shared/domain/doc-copy';
import { workshopContentSchema, type WorkshopContent } from '../../shared/domain/workshop';
import { localTimeZone } from '../../shared/domain/time';
import { workshopStatus, type AgreementVersion, type Signature } from '../../shared/agreement/version';
import { appendAuditEvent, type AuditActor, type AuditEvent } from '../../shared/agreement/audit';
import { mergeAuditChains } from '../../shared/agreement/audit-merge';
import { canonicalJson } from '../../shared/agreement/canonical-json';
import { encodePactoFile, PACTO_FILE_MAX_BYTES, type PactoFile, type PactoFileError } from '../../shared/file/pacto-file';
import type { AuditRow, PactoDb, WorkshopRow } from './db';
import { DOC_UPDATES_TABLE, flushDoc, newId } from './workshops';

/** How to bring a file in: as a workshop not yet here, into the same workshop, or as a separate copy with a new id. */
export type ImportMode = 'new' | 'merge' | 'copy';

/** What {@link planImport} found: the file's workshop is not here yet, or it is (with its title here). */
export type ImportPlan = { kind: 'new' } | { kind: 'same-workshop'; title: string };

/**
 * Why an import or export did not happen (the database is unchanged).
 * - `exists`: mode `new`, but the workshop is already here (merge or copy instead).
 * - `not-found`: mode `merge` or an export of a workshop that is not here.
 * - `too-new`: the workshop here was made by a newer Pacto.
 * - `damaged`: the workshop's document here, or the merged result, does not read as a workshop.
 * - `migration-failed`: migrating the merged document failed.
 * - `version-conflict`: both copies froze the same version number with different content, or
 *   hold one signature id with different content; merging would lose one (open as a copy instead).
 */
export type PactoImportErrorCode = 'exists' | 'not-found' | 'too-new' | 'damaged' | 'migration-failed' | 'version-conflict';

/** Thrown by {@link importWorkshopFile} and {@link exportWorkshopFile}; `code` is translated in the UI. */
export class PactoImportError extends Error {
  constructor(
    readonly code: PactoImportErrorCode,
    message: string,
    /** For `version-conflict`: the version number in question. */
    readonly version?: number,
  ) {
    super(message);
    this.name = 'PactoImportError';
  }
}

/** True when two stored records hold the same data (undefined fields ignored). */
function sameRecord(a: unknown, b: unknown): boolean {
  return canonicalJson(JSON.parse(JSON.stringify(a))) === canonicalJson(JSON.parse(JSON.stringify(b)));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** True when `merged` deletes items `local` still has (a deletion changes no state vector). */
function hasDeletesBeyond(merged: Y.Doc, local: Y.Doc): boolean {
  const encode = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
  return !sameBytes(encode(merged), encode(local));
}

interface UpdateRow {
  i?: number;
  k: string;
  u: Uint8Array;
  f?: number;
}

/** The app itself as the actor of import events. */
const PACTO_ACTOR: AuditActor = { participantId: null, name: 'Pacto', team: null };

const tables = (db: PactoDb) => [db.workshops, db.versions, db.signatures, db.audit, db.table(DOC_UPDATES_TABLE)];

/**
 * Workshop `id`'s document as stored: every update row applied to a fresh
 * Y.Doc. A row Yjs cannot apply is skipped (the workshop screen opens the
 * rest the same way). The caller destroys the doc.
 */
async function storedDoc(db: PactoDb, id: string): Promise<Y.Doc> {
  const rows = (await db.table<UpdateRow>(DOC_UPDATES_TABLE).where('k').equals(id).toArray()) as UpdateRow[];
  const doc = new Y.Doc();
  for (const row of rows) {
    try {
      Y.applyUpdateV2(doc, row.u);
    } catch {
      // Undecodable row: left out, as when the workshop is opened.
    }
  }
  return doc;
}

/** Migrates a scratch document and reads it as valid content; throws {@link PactoImportError}. */
function migratedContent(doc: Y.Doc, what: string): WorkshopContent {
  const check = checkDocSchema(doc);
  if (!check.ok) throw new PactoImportError(check.code === 'too-new' ? 'too-new' : 'damaged', `${what}: ${check.message}`);
  const migrated = migrateDoc(doc);
  if (!migrated.ok) {
    const code = migrated.error.code === 'migration-failed' ? 'migration-failed' : migrated.error.code === 'too-new' ? 'too-new' : 'damaged';
    throw new PactoImportError(code, `${what}: ${migrated.error.message}`);
  }
  let content: WorkshopContent;
  try {
    content = readWorkshop(doc);
  } catch (e) {
    throw new PactoImportError('damaged', `${what} does not read as a workshop (${e instanceof Error ? e.message : String(e)}).`);
  }
  const valid = workshopContentSchema.safeParse(content);
  if (!valid.success) throw new PactoImportError('damaged', `${what} does not read as a valid workshop.`);
  return content;
}

/** The file's document after migration, in a scratch Y.Doc (the caller destroys it). */
function fileDoc(file: PactoFile): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, file.yjsUpdate);
  return doc;
}

function indexFields(content: WorkshopContent) {
  const { title, company, date, language, currency } = content.meta;
  return { title, company, date, language, currency };
}

function statusOf(content: WorkshopContent, versions: readonly AgreementVersion[], signatures: readonly Signature[]): WorkshopRow['status'] {
  const latest = [...versions].sort((a, b) => a.number - b.number).at(-1);
  return workshopStatus(content, latest, signatures);
}

function importEvent(chain: readonly AuditEvent[], file: PactoFile, details: Record<string, unknown>, now: Date): AuditEvent[] {
  return appendAuditEvent(chain, {
    type: 'imported',
    at: now,
    timeZone: localTimeZone(),
    actor: PACTO_ACTOR,
    details: { ...details, file: { appVersion: file.appVersion, modifiedAt: file.modifiedAt, workshopId: file.workshopId } },
  });
}

/**
 * Workshop `workshopId` as `.pacto` bytes: its document (migrated to the
 * current layout if it was stored in an older one), the content read from
 * it, its versions, signatures and audit trail. Waits for pending document
 * writes first. Throws {@link PactoImportError} (`not-found`, `too-new`,
 * `damaged`) or the database's error.
 */
export async function exportWorkshopFile(db: PactoDb, workshopId: string, appVersion: string): Promise<Uint8Array> {
  await flushDoc(db);
  const { row, doc, versions, signatures, audit } = await db.transaction('r', tables(db), async () => ({
    row: await db.workshops.get(workshopId),
    doc: await storedDoc(db, workshopId),
    versions: await db.versions.where('workshopId').equals(workshopId).sortBy('number'),
    signatures: await db.signatures.where('workshopId').equals(workshopId).toArray(),
    audit: await db.audit.where('[workshopId+seq]').between([workshopId, 0], [workshopId, Infinity]).toArray(),
  }));
  try {
    if (!row) throw new PactoImportError('not-found', `Workshop ${workshopId} is not in Pacto.`);
    const content = migratedContent(doc, 'The workshop');
    return encodePactoFile({
      workshopId,
      yjsUpdate: Y.encodeStateAsUpdate(doc),
      content,
      versions,
      signatures,
      audit: audit.map(({ workshopId: _w, ...event }) => event),
      appVersion,
      createdAt: row.createdAt,
      modifiedAt: row.updatedAt,
    });
  } finally {
    doc.destroy();
  }
}

/** Whether `file`'s workshop is already in Pacto (then the user chooses merge, copy or cancel). */
export async function planImport(db: PactoDb, file: PactoFile): Promise<ImportPlan> {
  const row = await db.workshops.get(file.workshopId);
  return row ? { kind: 'same-workshop', title: row.title } : { kind: 'new' };
}

/** Options of {@link importWorkshopFile}. */
export interface ImportOptions {
  /**
   * Title of a copy (mode `copy`); default: the file's title, unchanged (a new
   * title is an edit: the copy's draft then no longer matches its latest version).
   */
  copyTitle?: string;
  /** The time recorded in the audit trail; default now. */
  now?: Date;
}

/**
 * Brings a decoded file into the database, all or nothing (one transaction):
 * - `new`: the file's workshop as it is (same id), with its versions,
 *   signatures and audit trail, plus an `imported` event.
 * - `merge`: the file's Yjs update applied to the existing document (CRDT:
 *   stages, terms… that both copies have appear once), versions and
 *   signatures it adds (by id; the same id with other content is a
 *   `version-conflict`), and its audit events merged as `audit-merge.ts` says.
 * - `copy`: a separate workshop with a new id and a document with its own
 *   CRDT identity (`freshCopyOfDoc`), the versions and signatures under new
 *   ids with their snapshots, fingerprints and signature bindings unchanged
 *   (so they still verify), the trail plus an `imported` event naming the original.
 * Returns the id of the workshop written. Throws {@link PactoImportError} or
 * the database's error; the database is then unchanged.
 */
export async function importWorkshopFile(db: PactoDb, file: PactoFile, mode: ImportMode, options: ImportOptions = {}): Promise<{ workshopId: string }> {
  const now = options.now ?? new Date();
  const updates = db.table(DOC_UPDATES_TABLE);
  return db.transaction('rw', tables(db), async () => {
    const existing = await db.workshops.get(file.workshopId);
    if (mode === 'new' && existing) throw new PactoImportError('exists', `Workshop ${file.workshopId} is already in Pacto: merge it or open it as a copy.`);
    if (mode === 'merge' && !existing) throw new PactoImportError('not-found', `Workshop ${file.workshopId} is not in Pacto: there is nothing to merge into.`);

    if (mode === 'merge') {
      const local = await storedDoc(db, file.workshopId);
      const merged = new Y.Doc();
      try {
        migratedContent(local, 'The workshop in Pacto');
        Y.applyUpdate(merged, Y.encodeStateAsUpdate(local));
        Y.applyUpdate(merged, file.yjsUpdate);
        const content = migratedContent(merged, 'The merged workshop');

        const localVersions = await db.versions.where('workshopId').equals(file.workshopId).toArray();
        const byId = new Map(localVersions.map((v) => [v.id, v]));
        const newVersions = file.versions.filter((v) => {
          const here = byId.get(v.id);
          if (!here) return true;
          if (here.fingerprint !== v.fingerprint) {
            throw new PactoImportError('version-conflict', `Both copies froze version ${v.number} with different content.`, v.number);
          }
          return false;
        });
        const localSignatures = await db.signatures.where('workshopId').equals(file.workshopId).toArray();
        const sigById = new Map(localSignatures.map((s) => [s.id, s]));
        const newSignatures = file.signatures.filter((s) => {
          const here = sigById.get(s.id);
          if (!here) return true;
          if (sameRecord(here, s) === false) {
            throw new PactoImportError('version-conflict', `Both copies hold signature ${s.id} with different content.`);
          }
          return false;
        });
        const localAudit = (await db.audit.where('[workshopId+seq]').between([file.workshopId, 0], [file.workshopId, Infinity]).toArray()).map(
          ({ workshopId: _w, ...event }) => event,
        );
        const auditMerge = mergeAuditChains(localAudit, file.audit, {
          at: now,
          timeZone: localTimeZone(),
          actor: PACTO_ACTOR,
          details: {
            file: { appVersion: file.appVersion, modifiedAt: file.modifiedAt },
            versions: newVersions.map((v) => v.number),
            signatures: newSignatures.length,
          },
        });

        // Everything is checked: write (nothing at all when the file brings nothing new).
        const docChanged = !sameBytes(Y.encodeStateVector(merged), Y.encodeStateVector(local)) || hasDeletesBeyond(merged, local);
        if (!docChanged && newVersions.length === 0 && newSignatures.length === 0 && auditMerge.appended.length === 0) {
          return { workshopId: file.workshopId };
        }
        if (docChanged) await updates.add({ k: file.workshopId, u: Y.encodeStateAsUpdateV2(merged, Y.encodeStateVector(local)), f: 1 });
        if (newVersions.length > 0) await db.versions.bulkAdd(newVersions);
        if (newSignatures.length > 0) await db.signatures.bulkAdd(newSignatures);
        if (auditMerge.appended.length > 0) await db.audit.bulkAdd(auditMerge.appended.map((e): AuditRow => ({ ...e, workshopId: file.workshopId })));
        await db.workshops.update(file.workshopId, {
          ...indexFields(content),
          status: statusOf(content, [...localVersions, ...newVersions], [...localSignatures, ...newSignatures]),
          updatedAt: now.toISOString(),
        });
        return { workshopId: file.workshopId };
      } finally {
        local.destroy();
        merged.destroy();
      }
    }

    const source = fileDoc(file);
    let target: Y.Doc | null = null;
    try {
      const content = migratedContent(source, 'The workshop in the file');
      const id = mode === 'copy' ? newId() : file.workshopId;
      let versions = file.versions;
      let signatures = file.signatures;
      let audit: AuditEvent[];
      let row: Omit<WorkshopRow, 'doc'>;
      if (mode === 'copy') {
        target = freshCopyOfDoc(source);
        const title = options.copyTitle ?? content.meta.title;
        if (title !== content.meta.title) target.getMap('meta').set('title', title);
        const copied = { ...content, meta: { ...content.meta, title } };
        const versionIds = new Map(file.versions.map((v) => [v.id, `${id}:v${v.number}`]));
        versions = file.versions.map((v) => ({ ...v, id: versionIds.get(v.id)!, workshopId: id }));
        signatures = file.signatures.map((s) => ({ ...s, id: newId(), versionId: versionIds.get(s.versionId)!, workshopId: id }));
        audit = importEvent(file.audit, file, { mode: 'copy', copyOf: file.workshopId }, now);
        row = { id, ...indexFields(copied), status: statusOf(copied, versions, signatures), createdAt: now.toISOString(), updatedAt: now.toISOString() };
      } else {
        target = source;
        audit = importEvent(file.audit, file, { mode: 'new' }, now);
        row = { id, ...indexFields(content), status: statusOf(content, versions, signatures), createdAt: file.createdAt, updatedAt: now.toISOString() };
      }
      await db.workshops.add(row as WorkshopRow);
      await updates.add({ k: id, u: Y.encodeStateAsUpdateV2(target), f: 1 });
      if (versions.length > 0) await db.versions.bulkAdd(versions);
      if (signatures.length > 0) await db.signatures.bulkAdd(signatures);
      await db.audit.bulkAdd(audit.map((e): AuditRow => ({ ...e, workshopId: id })));
      return { workshopId: id };
    } finally {
      source.destroy();
      if (target && target !== source) target.destroy();
    }
  });
}

/** An i18n key under `pactoFile.errors` and its values: what the UI shows for a failed open, import or export. */
export interface FileErrorText {
  key: string;
  values: Record<string, string | number>;
}

/**
 * The translation of a decode error ({@link PactoFileError}) or an import
 * error ({@link PactoImportError}): `t(text.key, text.values)` in es or en.
 * A damaged file names its part; other errors (e.g. the database's own) have
 * no key of their own and come back as `null`: show them with their message.
 */
export function fileErrorText(error: PactoFileError | PactoImportError | unknown): FileErrorText | null {
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  if (error instanceof PactoImportError) {
    if (error.code === 'damaged') return { key: 'pactoFile.errors.damaged.document', values: {} };
    return { key: `pactoFile.errors.${error.code}`, values: error.version !== undefined ? { version: error.version } : {} };
  }
  const e = error as Partial<PactoFileError> | null;
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || typeof e.message !== 'string') return null;
  switch (e.code) {
    case 'damaged':
      return { key: `pactoFile.errors.damaged.${e.part ?? 'file'}`, values: {} };
    case 'too-large':
      return { key: 'pactoFile.errors.too-large', values: { size: mb(e.sizeBytes ?? 0), limit: mb(e.limitBytes ?? PACTO_FILE_MAX_BYTES) } };
    case 'not-pacto':
      return { key: e.reason ? `pactoFile.errors.notPacto.${e.reason}` : 'pactoFile.errors.not-pacto', values: {} };
    case 'too-new':
    case 'migration-failed':
      return { key: `pactoFile.errors.${e.code}`, values: {} };
    default:
      return null;
  }
}
