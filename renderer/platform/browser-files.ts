/**
 * Workshop files, recent files and backups for the browser platform, so the
 * real renderer runs in Chromium for tests with the same contract as the
 * app. A browser has no file dialogs or disk of its own to write to, so:
 * opening uses a file input (`.pacto`), saving downloads the file under its
 * name, and both keep the file in this origin's IndexedDB (database
 * `pacto-platform`) as the "disk" that Open Recent reads back. The recent
 * list lives in localStorage; backups in the same IndexedDB, rotated with
 * the same rules as the app's (`shared/backup/rotation.ts`).
 */
import { Dexie, type Table } from 'dexie';
import { err, ok, type Result } from '../../shared/domain/result';
import {
  listBackupsRequestSchema,
  MAX_PACTO_FILE_BYTES,
  openWorkshopFileRequestSchema,
  readBackupRequestSchema,
  saveWorkshopFileRequestSchema,
  writeBackupRequestSchema,
  type PactoBridge,
  type RecentFile,
} from '../../shared/bridge/contract';
import { parseRecentFiles, withoutRecent, withRecent } from '../../shared/bridge/recent-files';
import { backupId, backupsToDelete, sortBackups, type BackupEntry } from '../../shared/backup/rotation';

interface StoredFile {
  name: string;
  bytes: Uint8Array;
  savedAt: string;
}

interface StoredBackup {
  workshopId: string;
  id: string;
  entry: BackupEntry;
  bytes: Uint8Array;
}

type PlatformDb = Dexie & { files: Table<StoredFile, string>; backups: Table<StoredBackup, [string, string]> };

let database: PlatformDb | null = null;
function platformDb(): PlatformDb {
  if (database === null) {
    database = new Dexie('pacto-platform') as PlatformDb;
    database.version(1).stores({ files: 'name', backups: '[workshopId+id], workshopId' });
  }
  return database;
}

const RECENT_KEY = 'pacto.recentFiles';

function readRecent(): RecentFile[] {
  return parseRecentFiles(localStorage.getItem(RECENT_KEY));
}

function writeRecent(list: RecentFile[]): RecentFile[] {
  localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  return list;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function invalid(error: { issues: { message: string }[] }): Result<never> {
  return err({ code: 'invalid-payload', message: error.issues[0]?.message ?? 'invalid' });
}

/** Downloads `bytes` as a file named `name` (a browser's way to save a file). */
export function download(bytes: Uint8Array, name: string, type = 'application/pdf'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks for one `.pacto` file with a file input; `null` when the user cancels. */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.pacto';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

async function keep(name: string, bytes: Uint8Array): Promise<void> {
  await platformDb().files.put({ name, bytes, savedAt: new Date().toISOString() });
  writeRecent(withRecent(readRecent(), name, new Date()));
}

/** The file, recent-list and backup methods of the browser {@link PactoBridge}. */
export const browserFiles: Pick<
  PactoBridge,
  'openWorkshopFile' | 'saveWorkshopFile' | 'recentFiles' | 'forgetRecentFile' | 'setDocumentState' | 'writeBackup' | 'listBackups' | 'readBackup'
> = {
  async openWorkshopFile(request) {
    const parsed = openWorkshopFileRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    try {
      const path = parsed.data.path;
      if (path !== undefined) {
        const stored = await platformDb().files.get(path);
        if (!stored) return err({ code: 'not-found', message: `${path} is no longer in this browser.` });
        await keep(stored.name, stored.bytes);
        return ok({ path: stored.name, name: stored.name, bytes: stored.bytes });
      }
      const file = await pickFile();
      if (file === null) return err({ code: 'cancelled', message: 'No file was chosen.' });
      if (!file.name.toLowerCase().endsWith('.pacto')) return err({ code: 'not-pacto-name', message: `${file.name} is not a .pacto file.`, path: file.name });
      if (file.size > MAX_PACTO_FILE_BYTES)
        return err({ code: 'too-large', message: `${file.name} is larger than ${MAX_PACTO_FILE_BYTES / 1024 / 1024} MB.`, path: file.name });
      const bytes = new Uint8Array(await file.arrayBuffer());
      await keep(file.name, bytes);
      return ok({ path: file.name, name: file.name, bytes });
    } catch (e) {
      return err({ code: 'io', message: message(e) });
    }
  },
  async saveWorkshopFile(request) {
    const parsed = saveWorkshopFileRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    const { mode, path, suggestedName, bytes } = parsed.data;
    // No save dialog here: Save writes over the file's own name, the others use the suggested one.
    const name = mode === 'save' && path !== null ? path : suggestedName;
    try {
      await keep(name, bytes);
      download(bytes, name, 'application/vnd.pacto.workshop+json');
      return ok({ path: name, name, bytes: bytes.byteLength });
    } catch (e) {
      return err({ code: 'io', message: message(e) });
    }
  },
  async recentFiles() {
    return ok(readRecent());
  },
  async forgetRecentFile(path) {
    return ok(writeRecent(withoutRecent(readRecent(), path)));
  },
  async setDocumentState() {
    return ok(undefined);
  },
  async writeBackup(request) {
    const parsed = writeBackupRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    const { workshopId, reason, summary, bytes } = parsed.data;
    try {
      const db = platformDb();
      return ok(
        await db.transaction('rw', db.backups, async () => {
          const ids = new Set((await db.backups.where('workshopId').equals(workshopId).toArray()).map((b) => b.id));
          let at = new Date();
          let id = backupId(at, reason);
          while (ids.has(id)) {
            at = new Date(at.getTime() + 1);
            id = backupId(at, reason);
          }
          const entry: BackupEntry = { id, workshopId, createdAt: at.toISOString(), reason, bytes: bytes.byteLength, summary };
          await db.backups.put({ workshopId, id, entry, bytes });
          ids.add(id);
          await db.backups.bulkDelete(backupsToDelete([...ids]).map((old): [string, string] => [workshopId, old]));
          return entry;
        }),
      );
    } catch (e) {
      return err({ code: 'io', message: `The backup could not be written: ${message(e)}` });
    }
  },
  async listBackups(workshopId) {
    const parsed = listBackupsRequestSchema.safeParse({ workshopId });
    if (!parsed.success) return invalid(parsed.error);
    try {
      const rows = await platformDb().backups.where('workshopId').equals(workshopId).toArray();
      return ok(sortBackups(rows.map((r) => r.entry)));
    } catch (e) {
      return err({ code: 'io', message: message(e) });
    }
  },
  async readBackup(request) {
    const parsed = readBackupRequestSchema.safeParse(request);
    if (!parsed.success) return invalid(parsed.error);
    try {
      const row = await platformDb().backups.get([parsed.data.workshopId, parsed.data.id]);
      return row ? ok(row.bytes) : err({ code: 'not-found', message: `Backup ${parsed.data.id} is gone.` });
    } catch (e) {
      return err({ code: 'io', message: message(e) });
    }
  },
};
