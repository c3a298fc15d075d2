/**
 * What the user does with workshop files: open (dialog, recent list, drop,
 * double-click), import, save, save as, export a copy, and the answer to
 * "this workshop is already here: merge, separate copy or cancel". Each
 * action decodes with `decodePactoFile`, brings the workshop in with
 * `importWorkshopFile` (all or nothing), links the workshop to its file
 * (`data/file-links.ts`) and says what happened in a translated notice.
 * A failed open or import changes nothing in Pacto.
 */
import type { TFunction } from 'i18next';
import type { FileErrorCode, OpenedFile, SaveMode } from '../../../shared/bridge/contract';
import { MAX_PACTO_FILE_BYTES } from '../../../shared/bridge/contract';
import { fileNameOf } from '../../../shared/bridge/recent-files';
import { decodePactoFile } from '../../../shared/file/pacto-file';
import type { AppError } from '../../../shared/domain/result';
import { db } from '../../data/instance';
import { backupWorkshop } from '../../data/backups';
import { getFileLink, setFileLink, stateFingerprint } from '../../data/file-links';
import { exportWorkshopFile, fileErrorText, importWorkshopFile, planImport } from '../../data/pacto-file';
import { activeDoc, closeSession, openSession } from '../../data/session';
import { platform } from '../../platform';
import { safeFileName } from '../../../shared/file/file-name';
import { useAppStore, type FilePrompt, type Notice } from '../../store';

function notify(notice: Notice): void {
  useAppStore.getState().setNotice(notice);
}

/** The notice for a failed file channel call (`FileErrorCode`); `null` for a cancelled dialog. */
export function fileErrorNotice(error: AppError, name: string): Notice | null {
  const code = error.code as FileErrorCode | string;
  if (code === 'cancelled') return null;
  const known = ['not-found', 'not-pacto-name', 'too-large', 'not-writable', 'disk-full'].includes(code);
  return { kind: 'error', key: `files.fileError.${known ? code : 'io'}`, values: { name, message: error.message, limit: MAX_PACTO_FILE_BYTES / 1024 / 1024 } };
}

/**
 * The notice for a file that cannot be opened or imported: its name, the
 * reason in words (`fileErrorText` of `data/pacto-file.ts`: decode and import
 * errors alike) or, for an error without words of its own, its message.
 */
export function openErrorNotice(error: unknown, name: string, t: TFunction): Notice {
  const text = fileErrorText(error);
  const reason = text ? t(text.key, text.values) : error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
  return { kind: 'error', key: 'files.cannotOpen', values: { name, reason, unchanged: t('pactoFile.errors.unchanged') } };
}

/** Reloads the recent list into the store. */
export async function refreshRecent(): Promise<void> {
  const result = await platform().recentFiles();
  if (result.ok) useAppStore.getState().setRecentFiles(result.value);
}

/** Shows workshop `workshopId`: its screen, or (already there, its session closed for a merge) opens it again. */
async function openWorkshopScreen(workshopId: string): Promise<void> {
  const store = useAppStore.getState();
  if (store.route.screen === 'workshop' && store.route.id === workshopId) {
    if (store.session?.id !== workshopId) await openSession(db, workshopId);
    return;
  }
  store.navigate({ screen: 'workshop', id: workshopId, step: 'participants' });
}

/** Links `workshopId` to `opened` (its state is taken as the file's when the workshop next shows). */
async function link(workshopId: string, path: string, name: string, fingerprint: string | null): Promise<void> {
  await setFileLink(db, workshopId, { path, name, at: new Date().toISOString(), fingerprint });
}

/**
 * Opens (or, with `import`, imports) a file read from disk: decodes it, and
 * brings a workshop not yet here straight in; for one already here it asks
 * (the store's `filePrompt`) and {@link answerPrompt} goes on.
 */
export async function openFileBytes(opened: OpenedFile, intent: 'open' | 'import', t: TFunction): Promise<void> {
  const decoded = decodePactoFile(opened.bytes);
  if (!decoded.ok) {
    // Reading the file put it on the recent list; a file that cannot be opened does not belong there.
    const left = await platform().forgetRecentFile(opened.path);
    if (left.ok) useAppStore.getState().setRecentFiles(left.value);
    notify(openErrorNotice(decoded.error, opened.name, t));
    return;
  }
  void refreshRecent();
  const file = decoded.value;
  const plan = await planImport(db, file);
  if (plan.kind === 'same-workshop') {
    useAppStore.getState().setFilePrompt({ opened, file, intent, title: plan.title });
    return;
  }
  try {
    const { workshopId } = await importWorkshopFile(db, file, 'new');
    if (intent === 'open') await link(workshopId, opened.path, opened.name, null);
    closeSession();
    await openWorkshopScreen(workshopId);
    notify({ kind: 'info', key: intent === 'open' ? 'files.opened' : 'files.imported', values: { name: opened.name } });
  } catch (e) {
    notify(openErrorNotice(e, opened.name, t));
  }
}

/** Carries out the user's answer to the merge-or-copy question. */
export async function answerPrompt(prompt: FilePrompt, choice: 'merge' | 'copy' | 'cancel', t: TFunction): Promise<void> {
  const store = useAppStore.getState();
  store.setFilePrompt(null);
  if (choice === 'cancel') return;
  const { opened, file, intent } = prompt;
  try {
    if (choice === 'merge') {
      const backup = await backupWorkshop(db, file.workshopId, intent === 'import' ? 'import' : 'merge');
      if (!backup.ok) {
        notify({ kind: 'error', key: 'files.backupFailed', values: { message: backup.error.message } });
        return;
      }
      // The open document is reloaded from the database after the merge.
      if (store.session?.id === file.workshopId) closeSession();
      await importWorkshopFile(db, file, 'merge');
      // The workshop now has the file's changes and its own: the file is behind until saved.
      if (intent === 'open') await link(file.workshopId, opened.path, opened.name, '');
      await openWorkshopScreen(file.workshopId);
      notify({ kind: 'info', key: 'files.merged', values: { name: opened.name } });
    } else {
      const { workshopId } = await importWorkshopFile(db, file, 'copy');
      closeSession();
      await openWorkshopScreen(workshopId);
      notify({ kind: 'info', key: 'files.imported', values: { name: opened.name } });
    }
  } catch (e) {
    notify(openErrorNotice(e, opened.name, t));
  }
}

/** File ▸ Open… (or Import… with `import`): the open dialog, then {@link openFileBytes}. */
export async function openFromDialog(intent: 'open' | 'import', t: TFunction): Promise<void> {
  const result = await platform().openWorkshopFile({});
  if (!result.ok) {
    // The chosen file's name, when the error is about one (another kind of file, too large).
    const notice = fileErrorNotice(result.error, result.error.path === undefined ? '' : fileNameOf(result.error.path));
    if (notice) notify(notice);
    return;
  }
  await openFileBytes(result.value, intent, t);
}

/** Opens a file of the recent list; a file that is gone is removed from it. */
export async function openRecent(path: string, t: TFunction): Promise<void> {
  const result = await platform().openWorkshopFile({ path });
  if (!result.ok) {
    if (result.error.code === 'not-found') {
      const left = await platform().forgetRecentFile(path);
      if (left.ok) useAppStore.getState().setRecentFiles(left.value);
    }
    const notice = fileErrorNotice(result.error, fileNameOf(path));
    if (notice) notify(notice);
    return;
  }
  await openFileBytes(result.value, 'open', t);
}

/** Opens a `.pacto` file dropped on the window: through its path in the app (so Save writes back to it), from its bytes in a browser. */
export async function openDropped(file: File, t: TFunction): Promise<void> {
  const path = platform().pathForFile(file);
  if (path) {
    await openRecent(path, t);
    return;
  }
  if (file.size > MAX_PACTO_FILE_BYTES) {
    notify({ kind: 'error', key: 'files.fileError.too-large', values: { name: file.name, limit: MAX_PACTO_FILE_BYTES / 1024 / 1024 } });
    return;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  await openFileBytes({ path: file.name, name: file.name, bytes }, 'open', t);
}

/** A file name for a workshop title ({@link safeFileName}: characters no system allows replaced, cut if long, `.pacto` added). */
export function fileNameFor(title: string): string {
  return safeFileName([title], 'pacto');
}

/**
 * Save (`save`), Save As… (`save-as`) or Export a copy… (`copy`) of the open
 * workshop. Save writes over the workshop's file, or asks where when it has
 * none; a copy leaves the workshop's file as it was.
 */
export async function saveOpenWorkshop(mode: SaveMode): Promise<void> {
  const state = useAppStore.getState();
  const session = state.session;
  const doc = activeDoc();
  if (!session || !doc) {
    notify({ kind: 'info', key: 'files.openWorkshopFirst' });
    return;
  }
  const current = await getFileLink(db, session.id);
  const info = await platform().appInfo();
  let bytes: Uint8Array;
  let fingerprint: string;
  try {
    // The state written: edits made while the dialog is open leave the file behind, as they should.
    fingerprint = await stateFingerprint(db, session.id, doc);
    bytes = await exportWorkshopFile(db, session.id, info.ok ? info.value.version : '0.0.0');
  } catch (e) {
    notify({ kind: 'error', key: 'files.saveFailed', values: { message: e instanceof Error ? e.message : String(e) } });
    return;
  }
  const suggestedName = mode === 'save' && current ? current.name : fileNameFor(session.content.meta.title);
  const result = await platform().saveWorkshopFile({
    mode,
    suggestedName: /\.pacto$/i.test(suggestedName) ? suggestedName : fileNameFor(session.content.meta.title),
    path: current?.path ?? null,
    bytes: bytes as Uint8Array<ArrayBuffer>,
  });
  void refreshRecent();
  if (!result.ok) {
    const notice = fileErrorNotice(result.error, current?.name ?? suggestedName);
    if (notice) notify(notice);
    return;
  }
  if (mode === 'copy') {
    notify({ kind: 'info', key: 'files.copySaved', values: { name: result.value.name } });
    return;
  }
  await link(session.id, result.value.path, result.value.name, fingerprint);
  await loadFileState(session.id);
  notify({ kind: 'info', key: 'files.saved', values: { name: result.value.name } });
}

/** Reads workshop `workshopId`'s file link into the store (the header and the title show it). */
export async function loadFileState(workshopId: string): Promise<void> {
  const linked = await getFileLink(db, workshopId);
  const store = useAppStore.getState();
  const fingerprint = store.fileState?.workshopId === workshopId ? store.fileState.fingerprint : null;
  store.setFileState({ workshopId, link: linked, fingerprint });
}
