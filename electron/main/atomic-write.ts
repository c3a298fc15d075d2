/**
 * Atomic file writes: the data goes to a new temporary file beside the
 * target, is flushed to disk, and then renamed over the target, so a crash
 * or a full disk leaves either the old file or the new one, never half of
 * one (as Actual's `atomic-write.ts`). On failure the temporary file is
 * removed and the target is untouched.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary name beside `target`: same folder (so rename stays on one file system), hidden, unique. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** The part of `node:fs/promises` {@link writeFileAtomic} uses (injectable for tests). */
export interface AtomicFs {
  open(path: string, flags: 'wx'): Promise<{ writeFile(data: Uint8Array | string): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

/**
 * Writes `data` to `target` atomically.
 *
 * @throws the file system's error (e.g. `ENOSPC`, `EACCES`, `EPERM` when the target is locked) after removing the temporary file
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string, fsImpl: AtomicFs = fsp): Promise<void> {
  const temporary = temporaryPathFor(target);
  try {
    const handle = await fsImpl.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsImpl.rename(temporary, target);
  } catch (error) {
    await fsImpl.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The part of `node:fs` {@link writeFileAtomicSync} uses (injectable for tests). */
export interface AtomicFsSync {
  openSync(path: string, flags: 'wx'): number;
  writeFileSync(fd: number, data: Uint8Array | string): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: true }): void;
}

/**
 * Synchronous {@link writeFileAtomic}, for small files written while the app
 * is closing (the window state), when an asynchronous write might not finish.
 *
 * @throws the file system's error after removing the temporary file
 */
export function writeFileAtomicSync(target: string, data: Uint8Array | string, fsImpl: AtomicFsSync = fs): void {
  const temporary = temporaryPathFor(target);
  try {
    const fd = fsImpl.openSync(temporary, 'wx');
    try {
      fsImpl.writeFileSync(fd, data);
      fsImpl.fsyncSync(fd);
    } finally {
      fsImpl.closeSync(fd);
    }
    fsImpl.renameSync(temporary, target);
  } catch (error) {
    try {
      fsImpl.rmSync(temporary, { force: true });
    } catch {
      // The original error is the one worth reporting.
    }
    throw error;
  }
}
