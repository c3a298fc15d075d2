/**
 * Automatic backups of every workshop in the user-data folder:
 * `backups/<workshopId>/<backupId>.pacto`, each with a small
 * `<backupId>.json` beside it holding its summary (title, terms, stages,
 * versions) so the restore screen lists backups without opening them.
 * Files are written atomically; after each write the workshop's backups are
 * rotated by `shared/backup/rotation.ts` (at most 40 per workshop). Names
 * are checked by their schemas before any path is built, so a request can
 * never reach outside its workshop's folder. The file system is injected.
 */
import { join } from 'node:path';
import {
  backupId,
  backupsToDelete,
  backupSummarySchema,
  parseBackupId,
  sortBackups,
  workshopIdSchema,
  backupIdSchema,
  type BackupEntry,
  type BackupSummary,
} from '../../shared/backup/rotation';
import type { ReadBackupRequest, WriteBackupRequest } from '../../shared/bridge/contract';
import { err, ok, type Result } from '../../shared/domain/result';

/** The part of the file system the backup store uses. */
export interface BackupFs {
  mkdir(path: string): Promise<void>;
  /** File names in `path`; `[]` when the folder does not exist. */
  list(path: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array>;
  /** Size of a file in bytes. */
  size(path: string): Promise<number>;
  /** `writeFileAtomic`. */
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  /** Removes a file; no error when it is already gone. */
  remove(path: string): Promise<void>;
}

/** The backup operations the bridge handlers call. */
export interface BackupStore {
  write(request: WriteBackupRequest): Promise<Result<BackupEntry>>;
  list(workshopId: string): Promise<Result<BackupEntry[]>>;
  read(request: ReadBackupRequest): Promise<Result<Uint8Array>>;
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The backup store under `root` (`userData/backups`).
 *
 * @param now the clock (backup ids carry the time to the millisecond; two backups in one millisecond get the next one)
 */
export function createBackupStore(root: string, fs: BackupFs, now: () => Date = () => new Date()): BackupStore {
  const folder = (workshopId: string) => join(root, workshopIdSchema.parse(workshopId));

  async function entries(workshopId: string): Promise<BackupEntry[]> {
    const dir = folder(workshopId);
    const names = await fs.list(dir);
    const out: BackupEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.pacto')) continue;
      const id = name.slice(0, -'.pacto'.length);
      const parsed = parseBackupId(id);
      if (parsed === null) continue;
      let summary: BackupSummary | null = null;
      try {
        const json = new TextDecoder().decode(await fs.readFile(join(dir, `${id}.json`)));
        const result = backupSummarySchema.safeParse(JSON.parse(json));
        summary = result.success ? result.data : null;
      } catch {
        // No readable summary: the backup itself is still listed and can be restored.
      }
      const bytes = await fs.size(join(dir, name)).catch(() => 0);
      out.push({ id, workshopId, createdAt: parsed.createdAt, reason: parsed.reason, bytes, summary });
    }
    return sortBackups(out);
  }

  return {
    async write(request) {
      try {
        const dir = folder(request.workshopId);
        await fs.mkdir(dir);
        const existing = new Set((await fs.list(dir)).map((n) => n.replace(/\.(pacto|json)$/, '')));
        let at = now();
        let id = backupId(at, request.reason);
        while (existing.has(id)) {
          at = new Date(at.getTime() + 1);
          id = backupId(at, request.reason);
        }
        // The summary first: a backup without one is still listed; a summary without its backup is never shown.
        await fs.writeFile(join(dir, `${id}.json`), JSON.stringify(request.summary));
        await fs.writeFile(join(dir, `${id}.pacto`), request.bytes);
        const ids = (await fs.list(dir)).filter((n) => n.endsWith('.pacto')).map((n) => n.slice(0, -'.pacto'.length));
        for (const old of backupsToDelete(ids)) {
          await fs.remove(join(dir, `${old}.pacto`));
          await fs.remove(join(dir, `${old}.json`));
        }
        return ok({
          id,
          workshopId: request.workshopId,
          createdAt: at.toISOString(),
          reason: request.reason,
          bytes: request.bytes.byteLength,
          summary: request.summary,
        });
      } catch (error) {
        return err({ code: 'io', message: `The backup of workshop ${request.workshopId} could not be written: ${detail(error)}` });
      }
    },
    async list(workshopId) {
      try {
        return ok(await entries(workshopId));
      } catch (error) {
        return err({ code: 'io', message: `The backups of workshop ${workshopId} could not be listed: ${detail(error)}` });
      }
    },
    async read(request) {
      const id = backupIdSchema.safeParse(request.id);
      const workshop = workshopIdSchema.safeParse(request.workshopId);
      if (!id.success || !workshop.success) return err({ code: 'invalid-payload', message: 'Not a backup id of a workshop.' });
      const path = join(folder(workshop.data), `${id.data}.pacto`);
      try {
        return ok(await fs.readFile(path));
      } catch (error) {
        const code = (error as { code?: string }).code === 'ENOENT' ? 'not-found' : 'io';
        return err({ code, message: `Backup ${id.data} of workshop ${request.workshopId} cannot be read: ${detail(error)}` });
      }
    },
  };
}
