/**
 * Workshop lifecycle on the database: create, open (load its Y.Doc),
 * rename, duplicate, delete, the first-run sample, and keeping the index
 * row in step with the document.
 */
import type * as Y from 'yjs';
import { DexieYProvider } from 'y-dexie';
import { initWorkshopDoc, isInitialized, readWorkshop, updateMeta } from '../../shared/domain/workshop-doc';
import { migrateWorkshopDoc } from '../../shared/domain/migrations';
import type { WorkshopContent, WorkshopMeta } from '../../shared/domain/workshop';
import { workshopStatus, type AgreementVersion } from '../../shared/agreement/version';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import type { PactoDb, WorkshopRow } from './db';
import { recordAudit } from './audit';
import { SAMPLE_CREATED_KEY, sampleDue } from './first-run';
import { DOC_UPDATES_TABLE, setAsideUndecodableUpdates } from './damaged-updates';
import { InvalidEditError } from '../../shared/domain/doc-edit';

/** The error {@link renameWorkshop} throws for a refused title, re-exported for the home screen (which loads this module lazily, so it cannot import the document modules at start). */
export { InvalidEditError };

/** A new random id (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}

function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Index fields mirrored from the document's meta. */
function indexFields(content: WorkshopContent): Pick<WorkshopRow, 'title' | 'company' | 'date' | 'language' | 'currency'> {
  const { title, company, date, language, currency } = content.meta;
  return { title, company, date, language, currency };
}

/** An open workshop: its document, loaded from the database, and the provider keeping it saved. */
export interface OpenWorkshop {
  id: string;
  doc: Y.Doc;
  provider: DexieYProvider;
  /** Stored updates that could not be decoded and were set aside before loading (see `./damaged-updates.ts`); 0 when intact. */
  skippedUpdates: number;
  /** Stops persistence and frees the document. */
  close(): void;
}

/**
 * Loads workshop `id`'s document and waits until its saved updates are
 * applied; undecodable stored updates are set aside first and counted in
 * `skippedUpdates`. Throws if there is no such workshop, or
 * a DocMigrationError (`shared/domain/migrations.ts`, nothing written) when its
 * document was made by a newer Pacto or cannot be migrated.
 */
export async function openWorkshop(db: PactoDb, id: string): Promise<OpenWorkshop> {
  const row = await db.workshops.get(id);
  if (!row) throw new Error(`Workshop ${id} not found`);
  const skippedUpdates = await setAsideUndecodableUpdates(db, id);
  const doc = row.doc;
  const provider = DexieYProvider.load(doc);
  try {
    await provider.whenLoaded;
    migrateWorkshopDoc(doc);
  } catch (e) {
    DexieYProvider.release(doc);
    throw e;
  }
  return { id, doc, provider, skippedUpdates, close: () => DexieYProvider.release(doc) };
}

/**
 * Adds the index row of a room's workshop this laptop does not have yet, as
 * `id` listed under `title`, with an empty document: its content arrives
 * from the room, and the row's other fields follow the document as it syncs
 * (`syncIndex`). Until then it lists as a Spanish draft in euros, the
 * defaults of a new workshop. Does nothing when `id` exists already.
 */
export async function addRoomWorkshop(db: PactoDb, id: string, title: string): Promise<void> {
  if (await db.workshops.get(id)) return;
  const now = new Date().toISOString();
  const index = { title, company: '', date: '', language: 'es', currency: 'EUR' } as const;
  await db.workshops.add({ id, ...index, status: 'draft', createdAt: now, updatedAt: now } as WorkshopRow);
}

/**
 * Creates a workshop with `content`; returns its id. The document is written
 * before this resolves, and the audit trail starts with a `created` event
 * (`details` added to it, e.g. `{ sample: true }`).
 */
export async function createWorkshop(db: PactoDb, content: WorkshopContent, id = newId(), details: Record<string, unknown> = {}): Promise<string> {
  const now = new Date().toISOString();
  await db.workshops.add({ id, ...indexFields(content), status: 'draft', createdAt: now, updatedAt: now } as WorkshopRow);
  const open = await openWorkshop(db, id);
  try {
    initWorkshopDoc(open.doc, content);
    await flushDoc(db);
  } finally {
    open.close();
  }
  await recordAudit(db, id, {
    type: 'created',
    actor: { participantId: null, name: 'Pacto', team: null },
    details: { title: content.meta.title, company: content.meta.company, ...details },
  });
  return id;
}

/** y-dexie's table of document updates (named by y-dexie from table and property). */
export { DOC_UPDATES_TABLE };

/**
 * Waits until every update of the document so far is written: y-dexie adds
 * each update in its own transaction, and IndexedDB runs read-write
 * transactions on one store in order, so one more of them finishes last.
 */
export async function flushDoc(db: PactoDb): Promise<void> {
  await db.transaction('rw', DOC_UPDATES_TABLE, () => db.table(DOC_UPDATES_TABLE).count());
}

/** Creates the Spanish sample workshop if the database has no workshop and never had one (first run). */
export async function ensureSample(db: PactoDb): Promise<string | null> {
  if (!(await sampleDue(db))) return null;
  const id = await createWorkshop(db, sampleWorkshop(todayIso()), undefined, { sample: true });
  await db.settings.put({ key: SAMPLE_CREATED_KEY, value: true });
  return id;
}

/** Renames workshop `id` in its document and its index row. Throws {@link InvalidEditError} (`errors.title`: `required`, `titleLength`) for a refused title, writing nothing. */
export async function renameWorkshop(db: PactoDb, id: string, title: string): Promise<void> {
  const open = await openWorkshop(db, id);
  try {
    updateMeta(open.doc, { title });
    await syncIndex(db, id, open.doc);
    await flushDoc(db);
  } finally {
    open.close();
  }
}

/** Copies workshop `id` (content only: no versions or signatures) under `title`; returns the new id. */
export async function duplicateWorkshop(db: PactoDb, id: string, title: string): Promise<string> {
  const content = await readWorkshopContent(db, id);
  return createWorkshop(db, { ...content, meta: { ...content.meta, title } }, undefined, { duplicateOf: id });
}

/** The current content of stored workshop `id` (opened and closed again; for a copy). */
export async function readWorkshopContent(db: PactoDb, id: string): Promise<WorkshopContent> {
  const open = await openWorkshop(db, id);
  try {
    return readWorkshop(open.doc);
  } finally {
    open.close();
  }
}

/** Deletes workshop `id` with its document, versions, signatures and audit trail, in one transaction. */
export async function deleteWorkshop(db: PactoDb, id: string): Promise<void> {
  await db.transaction('rw', [db.workshops, db.versions, db.signatures, db.audit], async () => {
    await db.audit.where('workshopId').equals(id).delete();
    await db.signatures.where('workshopId').equals(id).delete();
    await db.versions.where('workshopId').equals(id).delete();
    await db.workshops.delete(id);
  });
}

/** The latest frozen version of workshop `id`, if any. */
export async function latestVersion(db: PactoDb, id: string): Promise<AgreementVersion | undefined> {
  return db.versions.where('[workshopId+number]').between([id, 0], [id, Infinity]).last();
}

/** Recomputes the index row (title, company…, status) of workshop `id` from its document. */
export async function syncIndex(db: PactoDb, id: string, doc: Y.Doc): Promise<void> {
  if (!isInitialized(doc)) return;
  const content = readWorkshop(doc);
  const latest = await latestVersion(db, id);
  const signatures = latest ? await db.signatures.where('versionId').equals(latest.id).toArray() : [];
  const status = workshopStatus(content, latest, signatures);
  await db.workshops.update(id, { ...indexFields(content), status, updatedAt: new Date().toISOString() });
}

/** Meta of a new workshop with defaults for the fields a form leaves out. */
export function defaultMeta(partial: Partial<WorkshopMeta>, now = new Date()): WorkshopMeta {
  return {
    title: '',
    company: '',
    date: todayIso(now),
    currency: 'EUR',
    language: 'es',
    pageSize: 'A4',
    ...partial,
  };
}
