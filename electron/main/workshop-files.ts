/**
 * Opening and saving `.pacto` workshop files in the main process: the native
 * dialogs with a `.pacto` filter, a size limit checked before reading, atomic
 * writes (`writeFileAtomic`: temporary file beside the target, flush, rename,
 * so a failed save leaves the old file whole and no stray file behind), the
 * recent-files list, and the set of paths the renderer may save over.
 *
 * The renderer may write only where the user has said: a path chosen in a
 * save dialog, or a `.pacto` file the user opened (dialog, recent list,
 * command line, double-click, drop). Everything else asks first. Dialogs,
 * file system and the recent list are injected, so this is tested in Node.
 */
import { basename } from 'node:path';
import {
  MAX_PACTO_FILE_BYTES,
  PACTO_EXTENSION,
  type FileErrorCode,
  type OpenedFile,
  type OpenWorkshopFileRequest,
  type SavedFile,
  type SaveMode,
  type SaveWorkshopFileRequest,
} from '../../shared/bridge/contract';
import { err, ok, type Result } from '../../shared/domain/result';

/** Collaborators of {@link createWorkshopFiles}. */
export interface WorkshopFilesDeps {
  /** The open dialog (`.pacto` filter); the chosen path, or `null` when cancelled. */
  openDialog(): Promise<string | null>;
  /** The save dialog offering `suggestedName` (`.pacto` filter, overwrite confirmation, titled for `mode`); the chosen path, or `null`. */
  saveDialog(suggestedName: string, mode: SaveMode): Promise<string | null>;
  /** Size of the file at `path` in bytes (`fs.stat`); throws the file system's error. */
  size(path: string): Promise<number>;
  readFile(path: string): Promise<Uint8Array>;
  /** `writeFileAtomic`. */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** Records `path` as just opened or saved (Pacto's list and the system's recent documents). */
  remember(path: string): Promise<void>;
}

/** The open/save operations the bridge handlers call. */
export interface WorkshopFiles {
  open(request: OpenWorkshopFileRequest): Promise<Result<OpenedFile>>;
  /** Reads a file the system asked Pacto to open (command line, double-click, Open Recent). */
  openPath(path: string): Promise<Result<OpenedFile>>;
  save(request: SaveWorkshopFileRequest): Promise<Result<SavedFile>>;
  /** Whether the renderer may write over `path` without asking. */
  mayWrite(path: string): boolean;
  /** Lets the renderer write over `path` (the user opened it). */
  grant(path: string): void;
}

function errno(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function detail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The {@link FileErrorCode} of a file system error while writing. */
export function writeErrorCode(error: unknown): FileErrorCode {
  const code = errno(error);
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'EBUSY' || code === 'EISDIR') return 'not-writable';
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'not-found';
  return 'io';
}

function fail(code: FileErrorCode, message: string, path?: string): Result<never> {
  return err(path === undefined ? { code, message } : { code, message, path });
}

/** Whether `path` names a `.pacto` file (case-insensitive). */
export function isPactoPath(path: string): boolean {
  return path.toLowerCase().endsWith(`.${PACTO_EXTENSION}`);
}

/** The open and save operations over `deps`. */
export function createWorkshopFiles(deps: WorkshopFilesDeps): WorkshopFiles {
  const writable = new Set<string>();

  async function read(path: string): Promise<Result<OpenedFile>> {
    if (!isPactoPath(path)) return fail('not-pacto-name', `${path} is not a .pacto file.`, path);
    let size: number;
    try {
      size = await deps.size(path);
    } catch (error) {
      const code = errno(error);
      return code === 'ENOENT' || code === 'ENOTDIR'
        ? fail('not-found', `${path} no longer exists.`, path)
        : fail(code === 'EACCES' || code === 'EPERM' ? 'not-writable' : 'io', `${path} cannot be read: ${detail(error)}`, path);
    }
    if (size > MAX_PACTO_FILE_BYTES) {
      return fail('too-large', `${path} is ${Math.ceil(size / 1024 / 1024)} MB; Pacto opens files of up to ${MAX_PACTO_FILE_BYTES / 1024 / 1024} MB.`, path);
    }
    let bytes: Uint8Array;
    try {
      bytes = await deps.readFile(path);
    } catch (error) {
      return fail('io', `${path} cannot be read: ${detail(error)}`, path);
    }
    writable.add(path);
    await deps.remember(path).catch(() => undefined);
    return ok({ path, name: basename(path), bytes });
  }

  return {
    async open(request) {
      let path = request.path ?? null;
      if (path === null) {
        try {
          path = await deps.openDialog();
        } catch (error) {
          return fail('io', `The open dialog failed: ${detail(error)}`);
        }
        if (path === null) return fail('cancelled', 'The user closed the open dialog.');
      }
      return read(path);
    },
    openPath: read,
    async save(request) {
      let path = request.mode === 'save' && request.path !== null && writable.has(request.path) ? request.path : null;
      if (path === null) {
        try {
          path = await deps.saveDialog(request.suggestedName, request.mode);
        } catch (error) {
          return fail('io', `The save dialog failed: ${detail(error)}`);
        }
        if (path === null) return fail('cancelled', 'The user closed the save dialog; nothing was written.');
        if (!isPactoPath(path)) path = `${path}.${PACTO_EXTENSION}`;
      }
      try {
        await deps.writeFile(path, request.bytes);
      } catch (error) {
        const code = writeErrorCode(error);
        const why =
          code === 'disk-full'
            ? 'the disk is full'
            : code === 'not-writable'
              ? 'Pacto may not write there (permissions, a read-only disk or a file in use)'
              : code === 'not-found'
                ? 'the folder does not exist'
                : detail(error);
        return fail(code, `${path} was not saved: ${why}. A file already there is unchanged.`);
      }
      if (request.mode !== 'copy') writable.add(path);
      await deps.remember(path).catch(() => undefined);
      return ok({ path, name: basename(path), bytes: request.bytes.byteLength });
    },
    mayWrite: (path) => writable.has(path),
    grant: (path) => {
      if (isPactoPath(path)) writable.add(path);
    },
  };
}
