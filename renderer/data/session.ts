/**
 * The open workshop: loads its Y.Doc, keeps the store's read model in step
 * (edit → Y transaction → y-dexie persists → observer → store → React),
 * undo/redo through Y.UndoManager (with undo groups, so typing in one field
 * is one step), freezing and signing versions, whether the edits are on disk
 * (`data/save-status.ts`), and storage errors shown without losing what was saved.
 */
import * as Y from 'yjs';
import { liveQuery, type Subscription } from 'dexie';
import { readWorkshop, readWorkshopChecked, type ReadProblem } from '../../shared/domain/workshop-doc';
import { InvalidEditError, LOCAL_ORIGIN, NotFoundError, type EditOrigin } from '../../shared/domain/doc-edit';
import type { FieldErrors } from '../../shared/domain/workshop';
import { readFacilitation } from '../../shared/facilitation/facilitation-doc';
import { lockedEdits, type LockedEdits } from '../../shared/facilitation/locked-edits';
import { agreementRecord } from '../../shared/facilitation/record';
import { freezeVersion, readSnapshot, signatureSchema, workshopStatus, type Signature } from '../../shared/agreement/version';
import { fingerprint } from '../../shared/agreement/fingerprint';
import type { FreezeOverride } from '../../shared/agreement/approvals';
import { highestPublishedVersion } from '../../shared/domain/agreement-doc';
import { useAppStore } from '../store';
import type { PactoDb } from './db';
import { isQuotaError } from './schema';
import { DOC_UPDATES_TABLE, flushDoc, openWorkshop, syncIndex, type OpenWorkshop } from './workshops';
import { trackSaves, type SaveTracker } from './save-status';
import { currentSeat } from './seat';
import { registerSessionCommands } from './session-commands';

/**
 * Changes closer than this (ms) merge into one undo step: typing in a rich-text
 * editor (its binding writes directly). Each `edit()` is a step of its own,
 * and an undo group is one step however long it lasts.
 */
export const CAPTURE_TIMEOUT_MS = 600;

interface Active {
  open: OpenWorkshop;
  undo: Y.UndoManager;
  /** The lock check of every edit (`shared/facilitation/locked-edits.ts`). */
  locks: LockedEdits;
  saves: SaveTracker;
  stop: () => void;
}

let active: Active | null = null;

/** The open workshop's document (for edits), or null. */
export function activeDoc(): Y.Doc | null {
  return active?.open.doc ?? null;
}

function reportStorageError(error: unknown): void {
  const quota = isQuotaError(error);
  useAppStore.getState().setNotice({
    kind: 'error',
    key: quota ? 'app.storageFull' : 'app.storageError',
    values: { message: error instanceof Error ? error.message : String(error) },
    retry: true,
  });
}

/**
 * Says what opening found damaged: stored records set aside (with "Restore
 * from a backup") and values read corrected (the first few paths named).
 */
function reportDamage(id: string, skipped: number, problems: readonly ReadProblem[]): void {
  if (skipped === 0 && problems.length === 0) return;
  const where = problems
    .slice(0, 3)
    .map((p) => p.path)
    .join(', ');
  useAppStore
    .getState()
    .setNotice(
      skipped > 0
        ? { kind: 'error', key: 'app.damagedRecords', values: { count: skipped }, restore: id }
        : { kind: 'error', key: 'app.repairedItems', values: { count: problems.length, where: problems.length > 3 ? `${where}…` : where }, restore: id },
    );
}

/** The open in progress, so a second call for the same workshop joins it instead of opening it twice. */
let opening: { id: string; promise: Promise<void> } | null = null;
/** Counts opens: an open that finishes after a later open started gives its document back. */
let generation = 0;

/**
 * Opens workshop `id` as the session; closes the previous one. A call while
 * the same workshop is still opening joins that open (React may run the
 * screen's effect twice); a later call (for another workshop, or for this
 * one after `closeSession()`) supersedes an open still in progress, which
 * then releases what it loaded.
 */
export function openSession(db: PactoDb, id: string): Promise<void> {
  if (opening?.id === id) return opening.promise;
  const promise = openNow(db, id).finally(() => {
    if (opening?.promise === promise) opening = null;
  });
  opening = { id, promise };
  return promise;
}

async function openNow(db: PactoDb, id: string): Promise<void> {
  closeSession();
  draftConfirmedOf = null;
  const mine = ++generation;
  // When it was last written, read before this session's index sync renews it.
  const lastSaved = (await db.workshops.get(id))?.updatedAt ?? null;
  const open = await openWorkshop(db, id);
  if (mine !== generation) {
    open.close();
    return;
  }
  const doc = open.doc;
  // The whole document is in scope, so parts added by later layouts are undoable
  // without listing them here; only the user's own edits (LOCAL_ORIGIN) are tracked.
  // Empty transactions are not edits: a rich-text binding sends one on every selection change, and with
  // the whole document in scope it would otherwise clear the redo stack.
  const undo = new Y.UndoManager(doc, {
    trackedOrigins: new Set<unknown>([LOCAL_ORIGIN]),
    captureTimeout: CAPTURE_TIMEOUT_MS,
    captureTransaction: (tr) => tr.changed.size > 0 && tr.meta.get('addToHistory') !== false,
  });
  const store = useAppStore.getState();
  let versionSub: Subscription | null = null;
  let indexTimer: ReturnType<typeof setTimeout> | undefined;

  const refresh = () => {
    const s = useAppStore.getState().session;
    const content = readWorkshop(doc);
    const versions = s?.versions ?? [];
    const latest = versions[versions.length - 1];
    useAppStore.getState().patchSession({
      content,
      canUndo: undo.canUndo(),
      canRedo: undo.canRedo(),
      status: workshopStatus(content, latest, s?.signatures ?? []),
    });
  };
  const onUpdate = () => {
    refresh();
    clearTimeout(indexTimer);
    indexTimer = setTimeout(() => void syncIndex(db, id, doc).catch(reportStorageError), 250);
  };
  const onStack = () => useAppStore.getState().patchSession({ canUndo: undo.canUndo(), canRedo: undo.canRedo() });
  const onError = (error: unknown) => reportStorageError(error);

  const { content, problems } = readWorkshopChecked(doc);
  store.setSession({ id, content, canUndo: false, canRedo: false, versions: [], signatures: [], status: 'draft' });
  reportDamage(id, open.skippedUpdates, problems);
  doc.on('update', onUpdate);
  undo.on('stack-item-added', onStack);
  undo.on('stack-item-popped', onStack);
  undo.on('stack-cleared', onStack);
  open.provider.on('error', onError);
  versionSub = liveQuery(async () => ({
    versions: await db.versions.where('workshopId').equals(id).sortBy('number'),
    signatures: await db.signatures.where('workshopId').equals(id).toArray(),
  })).subscribe({
    next: ({ versions, signatures }) => {
      useAppStore.getState().patchSession({ versions, signatures });
      refresh();
      void syncIndex(db, id, doc).catch(reportStorageError);
    },
    error: reportStorageError,
  });

  // Deleted in another window (its home list, with confirmation): this one closes it and says so, instead of
  // going on taking edits ("Guardado") into a document that is no longer listed anywhere.
  const deletedSub = liveQuery(() => db.workshops.where('id').equals(id).count()).subscribe({
    next: (count) => {
      const state = useAppStore.getState();
      if (count > 0 || state.session?.id !== id) return;
      const title = state.session.content.meta.title;
      closeSession();
      state.navigate({ screen: 'home' });
      state.setNotice({ kind: 'info', key: 'workshops.deletedElsewhere', values: { title } });
    },
    error: reportStorageError,
  });

  const saves = trackSaves({
    doc,
    provider: open.provider,
    barrier: () => flushDoc(db),
    lastSaved,
    onChange: (status) => useAppStore.getState().setSave(status),
  });

  const locks = lockedEdits(doc);
  active = {
    open,
    undo,
    locks,
    saves,
    stop: () => {
      locks.destroy();
      saves.stop();
      clearTimeout(indexTimer);
      void syncIndex(db, id, doc).catch(() => undefined);
      versionSub?.unsubscribe();
      deletedSub.unsubscribe();
      doc.off('update', onUpdate);
      open.provider.off('error', onError);
      undo.destroy();
      open.close();
    },
  };
}

const pendingEdits = new Map<object, () => void>();

/**
 * Asks the user whether to edit a signed agreement (`version` is the signed
 * version's number); true goes ahead. The app sets it at start-up (a
 * confirmation in the UI's language, `renderer/features/agreement/signed-edit.ts`);
 * when none is set (tests of other features), edits go ahead without asking.
 */
export type SignedEditConfirm = (version: number) => boolean;

let confirmSignedEdit: SignedEditConfirm | null = null;
/** The signed version whose new draft the user already agreed to start (asked once per draft). */
let draftConfirmedOf: number | null = null;

/** Sets how {@link edit} asks before the first edit of a signed agreement (null: do not ask). */
export function setSignedEditConfirm(confirm: SignedEditConfirm | null): void {
  confirmSignedEdit = confirm;
}

/**
 * For editors that write to the document without `edit()` (the rich-text
 * binding): asks, as `edit()` does, before the first change of a signed
 * agreement; true when the change may go ahead (not signed, already agreed
 * for this draft, or the user agreed now).
 */
export function allowSignedEdit(): boolean {
  const session = useAppStore.getState().session;
  if (!confirmSignedEdit || !session || session.status !== 'signed') return true;
  const latest = session.versions[session.versions.length - 1];
  if (!latest || draftConfirmedOf === latest.number) return true;
  if (!confirmSignedEdit(latest.number)) {
    useAppStore.getState().setNotice({ kind: 'info', key: 'errors.signed' });
    return false;
  }
  draftConfirmedOf = latest.number;
  return true;
}

/**
 * The number of the signed version an edit `fn` would turn into a new draft,
 * or null: the workshop is not signed, the user already agreed for this
 * version, or `fn` leaves the agreed content as it is (a comment, a vote).
 * Tried on a scratch copy, so nothing is written.
 */
function signedVersionTouched(doc: Y.Doc, fn: (doc: Y.Doc) => void): number | null {
  const session = useAppStore.getState().session;
  if (!confirmSignedEdit || !session || session.status !== 'signed') return null;
  const latest = session.versions[session.versions.length - 1];
  if (!latest || draftConfirmedOf === latest.number) return null;
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    try {
      scratch.transact(() => fn(scratch));
    } catch {
      return null; // The edit is refused anyway; edit() reports why.
    }
    return fingerprint(readWorkshop(scratch)) === fingerprint(readSnapshot(latest).content) ? null : latest.number;
  } finally {
    scratch.destroy();
  }
}

/**
 * Says whether the field `key` holds typing not yet committed (within its
 * commit delay): `flush` commits it now, null when there is none (any more).
 * Pending typing is committed before the workshop closes and when the page
 * goes away, and the header says "Saving…" while there is any.
 */
export function setPendingEdit(key: object, flush: (() => void) | null): void {
  if (flush) pendingEdits.set(key, flush);
  else pendingEdits.delete(key);
  if (useAppStore.getState().typing !== pendingEdits.size > 0) useAppStore.getState().setTyping(pendingEdits.size > 0);
}

/** Commits every field's pending typing now (see {@link setPendingEdit}). */
export function flushPendingEdits(): void {
  for (const flush of [...pendingEdits.values()]) flush();
}

/** Closes the open workshop (its document stays saved). */
export function closeSession(): void {
  opening = null;
  if (active) flushPendingEdits();
  active?.stop();
  active = null;
  useAppStore.getState().setSession(null);
}

/**
 * Runs one edit: `fn` (a function of the document that calls mutations of
 * `shared/domain/*-doc.ts`) inside exactly one Yjs transaction with
 * `origin`, so however many mutations it calls, the edit is one update
 * (one write to IndexedDB, one sync message to a room) and, with the default
 * {@link LOCAL_ORIGIN}, one undo step. Other origins of `ORIGINS`
 * (`shared/domain/doc-edit.ts`: approvals, comments) write outside the undo
 * history. Returns `null` when applied, or the field errors when a mutation
 * refused the edit ({@link InvalidEditError}, or `{ id: 'notFound' }` for an
 * item no longer there, e.g. deleted on another laptop). Mutations check
 * before they write, so a refused single mutation writes nothing; an intent
 * of several checks what it can before the first.
 * An edit that would change a section the facilitator locked is refused
 * before anything is written: `{ '': 'locked' }`, with a notice naming the
 * section (`lockedEdits`, `shared/facilitation/locked-edits.ts`: while a
 * section is locked the edit is tried on a mirror of the document and, when
 * allowed, written from there).
 * The first edit that would change a signed agreement asks first
 * ({@link setSignedEditConfirm}); declined, it writes nothing: `{ '': 'signed' }`.
 *
 * Each call is its own undo step, however soon it follows the one before:
 * the undo manager's capture window (which merges changes made close
 * together in time) is closed before and after it, so what one Ctrl+Z
 * takes back never depends on how fast the user (or a busy machine) was.
 * Inside an undo group ({@link beginUndoGroup}) the group decides: its
 * edits are one step. Throws when no workshop is open.
 */
export function edit(fn: (doc: Y.Doc) => void, origin: EditOrigin = LOCAL_ORIGIN): FieldErrors | null {
  if (!active) throw new Error('No workshop is open');
  // The one check of section locks: an edit that would change a locked section writes nothing.
  const prepared = active.locks.prepare(fn, origin);
  if (prepared.locked) {
    useAppStore.getState().setNotice({ kind: 'error', key: `facilitation.lockedNotice.${prepared.locked}` });
    return { '': 'locked' };
  }
  // The one guard of a signed agreement: its first edit asks before it starts a new draft (once per draft).
  const signed = signedVersionTouched(active.open.doc, fn);
  if (signed !== null) {
    if (!confirmSignedEdit?.(signed)) {
      prepared.cancel();
      useAppStore.getState().setNotice({ kind: 'info', key: 'errors.signed' });
      return { '': 'signed' };
    }
    draftConfirmedOf = signed;
  }
  const manager = active.undo;
  if (currentGroup === null) manager.stopCapturing();
  try {
    prepared.commit();
    return null;
  } catch (e) {
    if (e instanceof InvalidEditError) return e.errors;
    if (e instanceof NotFoundError) return { id: 'notFound' };
    throw e;
  } finally {
    if (currentGroup === null) manager.stopCapturing();
  }
}

/**
 * The open workshop's undo manager, for editors that write with their own
 * transaction origin (e.g. a rich-text binding): add that origin with
 * `activeUndoManager()?.trackedOrigins.add(origin)` so one undo stack covers
 * every edit. Null when no workshop is open.
 */
export function activeUndoManager(): Y.UndoManager | null {
  return active?.undo ?? null;
}

/**
 * Starts an undo group: every edit of this window until the returned function
 * is called becomes one undo step, however long it takes (typing in one field,
 * committed as it is typed, undoes in one step). The group also starts and
 * ends a step, so it never merges with the edit before or after it. Without a
 * group, each `edit()` is its own step. No-op (returns a no-op) when no
 * workshop is open.
 */
export function beginUndoGroup(): () => void {
  const manager = active?.undo;
  if (!manager) return () => undefined;
  manager.stopCapturing();
  manager.captureTimeout = Number.POSITIVE_INFINITY;
  const token = Symbol('undo group');
  currentGroup = token;
  return () => {
    if (currentGroup !== token) return;
    currentGroup = null;
    manager.stopCapturing();
    manager.captureTimeout = CAPTURE_TIMEOUT_MS;
  };
}

let currentGroup: symbol | null = null;

/**
 * Starts a new undo step: the next change, however soon it comes, is not
 * merged into the last one. A rich-text editor calls it when it gains focus,
 * so what is typed there after clicking in is one step of its own.
 */
export function startUndoStep(): void {
  active?.undo.stopCapturing();
}

/**
 * Undoes the last edit of the open workshop. Not on a read-only seat (the
 * room's projector): the host drops its changes, so an undo there would only
 * take its own copy away from the room's.
 */
export function undo(): void {
  if (currentSeat().role === 'projector') return;
  active?.undo.undo();
}

/** Redoes the last undone edit (not on a read-only seat, as {@link undo}). */
export function redo(): void {
  if (currentSeat().role === 'projector') return;
  active?.undo.redo();
}

/**
 * Writes the whole document again as one update: after a failed save (e.g.
 * disk full), once space is free, so the edits kept in memory reach the disk.
 */
export async function retrySave(db: PactoDb): Promise<void> {
  if (!active) return;
  const { doc, id } = active.open;
  const saves = active.saves;
  await db.table(DOC_UPDATES_TABLE).add({ k: id, u: Y.encodeStateAsUpdateV2(doc), f: 1 });
  saves.markSaved();
  await syncIndex(db, id, doc);
  useAppStore.getState().setNotice(null);
}

/**
 * Freezes the open workshop's current content as its next version (after the
 * highest number stored here or published in the document), with the
 * override when it is frozen with open items. Returns the version number.
 */
export async function freeze(db: PactoDb, override?: FreezeOverride): Promise<number> {
  if (!active) throw new Error('No workshop is open');
  const { id, doc } = active.open;
  const content = readWorkshop(doc);
  // The decisions and open questions of the facilitation, frozen with the version (absent when none).
  const record = agreementRecord(readFacilitation(doc), content.participants);
  // After the highest number this laptop or the room's document knows: two laptops in a room never freeze the same number.
  const published = highestPublishedVersion(doc, id);
  return db.transaction('rw', db.versions, async () => {
    const last = await db.versions.where('[workshopId+number]').between([id, 0], [id, Infinity]).last();
    const number = Math.max(last?.number ?? 0, published) + 1;
    await db.versions.add(freezeVersion(id, number, content, new Date(), override, record ?? undefined));
    return number;
  });
}

/** Stores a signature (validated; immutable once written). Throws a zod error when invalid. */
export async function addSignature(db: PactoDb, signature: Signature): Promise<void> {
  await db.signatures.add(signatureSchema.parse(signature));
}

// The app shell reaches these without importing this module (see ./session-commands.ts).
registerSessionCommands({ closeSession, flushPendingEdits, undo, redo, retrySave });
