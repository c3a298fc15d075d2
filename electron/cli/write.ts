/**
 * Writing a file the command line makes (`pacto export --out DIR`), creating
 * its missing folders first. Node's `mkdirSync(…, { recursive: true })` spins
 * forever under a folder where creating is impossible but the error is
 * ENOENT (e.g. `/proc/nope`), so the folders are created one at a time from
 * the nearest one that exists, after checking that one is a folder this
 * process may write in. Errors carry a Node `code` and say which folder.
 */
import * as nodeFs from 'node:fs';
import { dirname } from 'node:path';

/** The file-system calls used (Node's `fs`; a test passes its own). */
export type WriteFs = Pick<typeof nodeFs, 'existsSync' | 'statSync' | 'accessSync' | 'mkdirSync' | 'writeFileSync'>;

function fail(code: string, message: string): never {
  throw Object.assign(new Error(message), { code });
}

/**
 * Writes `data` to `path`, creating the folders it needs. Throws an `Error`
 * with `code` `ENOTDIR` when the nearest existing ancestor is not a folder,
 * `EACCES` when it cannot be written in, or the code of the `mkdir` or write
 * that failed (e.g. `ENOENT` under `/proc`); never loops.
 */
export function writeFileCreatingFolders(path: string, data: Uint8Array, fs: WriteFs = nodeFs): void {
  const missing: string[] = [];
  let at = dirname(path);
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  if (missing.length > 0) {
    if (!fs.statSync(at).isDirectory()) fail('ENOTDIR', `${at} is not a folder, so ${missing.at(-1)} cannot be created.`);
    try {
      fs.accessSync(at, nodeFs.constants.W_OK);
    } catch {
      fail('EACCES', `The folder ${at} cannot be written in, so ${missing.at(-1)} cannot be created.`);
    }
    for (const folder of missing) {
      try {
        fs.mkdirSync(folder);
      } catch (e) {
        const code = (e as { code?: string }).code ?? 'EIO';
        fail(code, `The folder ${folder} cannot be created (${code}).`);
      }
    }
  }
  fs.writeFileSync(path, data);
}
