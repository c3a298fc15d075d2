/**
 * Workshop files in the main process, put together: the open/save module,
 * the recent-files list, backups, the queue of files the system asks to
 * open, and the last backup before closing. `index.ts` gives it the few
 * Electron calls it needs (dialogs, the window, `app`), registers its
 * bridge handlers and forwards the app's events to it; everything here runs
 * in Node with those collaborators injected.
 */
import * as fsp from 'node:fs/promises';
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { BridgeImpl, InvokeEventLike } from './ipc';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write';
import { createBackupStore, type BackupFs } from './backups';
import { createCloseGuard, type CloseGuard } from './close-guard';
import { createOpenQueue, pactoPathsFromArgv, type OpenQueue } from './open-requests';
import { createRecentFiles, RECENT_FILES_FILE, type RecentFiles } from './recent-files';
import { createWorkshopFiles, isPactoPath, type WorkshopFiles } from './workshop-files';
import type { DocumentState, OpenedFile, RecentFile } from '../../shared/bridge/contract';
import { ok } from '../../shared/domain/result';

/** What the file feature needs from Electron. */
export interface FileFeatureDeps {
  /** `app.getPath('userData')`. */
  userData: string;
  /** The open dialog with the `.pacto` filter; the path, or `null`. */
  openDialog(): Promise<string | null>;
  /** The save dialog with the `.pacto` filter; `copy` titles it "Export a copy". */
  saveDialog(suggestedName: string, copy: boolean): Promise<string | null>;
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
  /** Sends an opened file to the renderer (`FILE_OPENED_CHANNEL`); false when there is no window. */
  sendOpenedFile(file: OpenedFile): boolean;
  /** Asks the renderer for its last backup (`QUIT_REQUESTED_CHANNEL`); false when there is no window. */
  requestQuitBackup(): boolean;
  /** Shows the window's file (macOS proxy icon, edited dot; Windows/Linux nothing beyond the page title). */
  showDocumentState(state: DocumentState): void;
  /** The recent list changed: rebuild the menu. */
  recentChanged(list: RecentFile[]): void;
  /** Shows an error the renderer cannot (a file from the system that cannot be read and no window). */
  reportError(message: string): void;
}

/** The file feature: bridge handlers plus the hooks `index.ts` calls. */
export interface FileFeature {
  bridge: Pick<
    BridgeImpl<InvokeEventLike>,
    | 'openWorkshopFile'
    | 'saveWorkshopFile'
    | 'recentFiles'
    | 'forgetRecentFile'
    | 'pendingFiles'
    | 'setDocumentState'
    | 'writeBackup'
    | 'listBackups'
    | 'readBackup'
    | 'quitReady'
  >;
  recent: RecentFiles;
  files: WorkshopFiles;
  queue: OpenQueue;
  closeGuard: CloseGuard;
  /** A file the system asked to open (argv, second instance, open-file, Open Recent). */
  openFromSystem(path: string): void;
  /** The `.pacto` files of a command line (first start or `second-instance`). */
  openFromArgv(argv: readonly string[], workingDirectory: string): void;
}

/** Node's file system for the backup store. */
export const nodeBackupFs: BackupFs = {
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true });
  },
  list: async (path) => fsp.readdir(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))),
  readFile: async (path) => new Uint8Array(await fsp.readFile(path)),
  size: async (path) => (await fsp.stat(path)).size,
  writeFile: (path, data) => writeFileAtomic(path, data),
  remove: (path) => fsp.rm(path, { force: true }),
};

/** The feature over `deps`, with Node's file system. */
export function createFileFeature(deps: FileFeatureDeps): FileFeature {
  const recentPath = join(deps.userData, RECENT_FILES_FILE);
  const recent = createRecentFiles({
    read: () => {
      try {
        return fs.readFileSync(recentPath, 'utf8');
      } catch {
        return null;
      }
    },
    write: (text) => writeFileAtomicSync(recentPath, text),
    addRecentDocument: deps.addRecentDocument,
    clearRecentDocuments: deps.clearRecentDocuments,
    now: () => new Date(),
    changed: deps.recentChanged,
  });
  const files = createWorkshopFiles({
    openDialog: deps.openDialog,
    saveDialog: (name, mode) => deps.saveDialog(name, mode === 'copy'),
    size: async (path) => (await fsp.stat(path)).size,
    readFile: async (path) => new Uint8Array(await fsp.readFile(path)),
    writeFile: (path, data) => writeFileAtomic(path, data),
    remember: async (path) => recent.add(path),
  });
  // Files the user opened or saved in earlier runs may be saved over again.
  for (const entry of recent.list()) files.grant(entry.path);
  const backups = createBackupStore(join(deps.userData, 'backups'), nodeBackupFs);

  const deliver = (path: string) => {
    void files.openPath(path).then((result) => {
      if (result.ok) {
        if (!deps.sendOpenedFile(result.value)) {
          // No page listening (loading, or no window yet): wait for its `pendingFiles`.
          queue.reset();
          queue.push(path);
        }
      } else if (result.error.code === 'not-found') {
        recent.remove(path);
        deps.reportError(result.error.message);
      } else {
        deps.reportError(result.error.message);
      }
    });
  };
  const queue = createOpenQueue(deliver);
  const closeGuard = createCloseGuard({
    request: deps.requestQuitBackup,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });

  return {
    recent,
    files,
    queue,
    closeGuard,
    openFromSystem: (path) => queue.push(path),
    openFromArgv: (argv, cwd) => pactoPathsFromArgv(argv, cwd).forEach((path) => queue.push(path)),
    bridge: {
      openWorkshopFile: (request) => files.open(request),
      saveWorkshopFile: (request) => files.save(request),
      recentFiles: () => ok(recent.list()),
      forgetRecentFile: (path) => {
        recent.remove(path);
        return ok(recent.list());
      },
      pendingFiles: async () => {
        const read = await Promise.all(queue.drain().map((path) => files.openPath(path)));
        const opened: OpenedFile[] = [];
        for (const result of read) {
          if (result.ok) opened.push(result.value);
          else deps.reportError(result.error.message);
        }
        return ok(opened);
      },
      setDocumentState: (state) => {
        deps.showDocumentState(state.path !== null && isPactoPath(state.path) && files.mayWrite(state.path) ? state : { path: null, edited: state.edited });
        return ok(undefined);
      },
      writeBackup: (request) => backups.write(request),
      listBackups: (workshopId) => backups.list(workshopId),
      readBackup: (request) => backups.read(request),
      quitReady: () => {
        closeGuard.ready();
        return ok(undefined);
      },
    },
  };
}
