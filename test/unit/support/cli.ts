/**
 * Runs the `pacto` command line in-process for tests: files named in `files`
 * are served from memory, any other path is read from the repository.
 * Returns the exit code (a promise for `verify`) and what was printed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../electron/cli/main';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function runPacto(args: string[], files: Record<string, string | Uint8Array> = {}) {
  let out = '';
  let err = '';
  const code = runCli(args, {
    readBytes: (path) => {
      const f = files[path];
      if (f !== undefined) return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      return readFileSync(new URL(path, `file://${repoRoot}/`));
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}
