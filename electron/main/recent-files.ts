/**
 * Pacto's own recent-files list, kept in `recent-files.json` in the
 * user-data folder (written atomically) and shown in File ▸ Open Recent and
 * on the home screen; each entry is also handed to the system's recent
 * documents (`app.addRecentDocument`: the Dock and taskbar jump lists).
 * The list logic is `shared/bridge/recent-files.ts`; the store takes its
 * file system and the system call as collaborators.
 */
import type { RecentFile } from '../../shared/bridge/contract';
import { parseRecentFiles, withoutRecent, withRecent } from '../../shared/bridge/recent-files';

/** Name of the file in the user-data folder. */
export const RECENT_FILES_FILE = 'recent-files.json';

/** Collaborators of {@link createRecentFiles}. */
export interface RecentFilesDeps {
  /** The stored file's text, or `null` when there is none. */
  read(): string | null;
  /** Writes the file atomically. */
  write(text: string): void;
  /** `app.addRecentDocument`. */
  addRecentDocument(path: string): void;
  /** `app.clearRecentDocuments`. */
  clearRecentDocuments(): void;
  now(): Date;
  /** Called after every change, with the new list (to rebuild the menu). */
  changed(list: RecentFile[]): void;
}

/** The recent-files list and its operations. */
export interface RecentFiles {
  list(): RecentFile[];
  add(path: string): void;
  remove(path: string): void;
  clear(): void;
}

/** The recent-files store over `deps`; a failed write keeps the list in memory and logs it. */
export function createRecentFiles(deps: RecentFilesDeps): RecentFiles {
  let list = parseRecentFiles(deps.read());
  const store = (next: RecentFile[]) => {
    list = next;
    try {
      deps.write(JSON.stringify(list, null, 2));
    } catch (error) {
      console.error('Pacto: could not save the recent-files list:', error);
    }
    deps.changed(list);
  };
  return {
    list: () => list,
    add(path) {
      store(withRecent(list, path, deps.now()));
      deps.addRecentDocument(path);
    },
    remove(path) {
      store(withoutRecent(list, path));
    },
    clear() {
      store([]);
      deps.clearRecentDocuments();
    },
  };
}
