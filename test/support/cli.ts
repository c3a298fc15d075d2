/**
 * Runs the `pacto` command line in-process for tests: files named in `files`
 * are served from memory, any other path is read from the repository.
 * The result says what was printed and the exit code; `await` it for the
 * commands that answer asynchronously (inspect, export, verify, plan of a
 * `.pacto`), whose `code` is a promise until then.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../electron/cli/main';

/** The repository's root folder. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What one run printed and its exit code. */
export interface PactoRun<Code = number> {
  code: Code;
  out: string;
  err: string;
}

/** Runs `pacto <args>`; awaiting the result waits for an asynchronous command to finish. */
export function runPacto(args: string[], files: Record<string, string | Uint8Array> = {}): PactoRun<number | Promise<number>> & PromiseLike<PactoRun> {
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
  const settled = Promise.resolve(code).then((c): PactoRun => ({ code: c, out, err }));
  return {
    code,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    then: (onDone, onFailed) => settled.then(onDone, onFailed),
  };
}
