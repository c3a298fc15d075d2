/**
 * Files the system asks Pacto to open: paths on the command line at first
 * start, in a second instance's command line (`second-instance`), and
 * macOS's `open-file` events (registered in `will-finish-launching`, since
 * macOS sends the file that launched the app before `ready`). Until the
 * renderer says it is listening (`pendingFiles`), they wait in a queue;
 * afterwards each is delivered at once. Pure apart from the injected
 * `deliver`.
 */
import { isAbsolute, resolve } from 'node:path';

/**
 * The `.pacto` paths in a command line, absolute (relative ones resolved
 * against `workingDirectory`). Switches (`--foo`, `-x`) and other arguments
 * (the executable, the app folder in development) are ignored.
 */
export function pactoPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.pacto'))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}

/** The queue between the system's open requests and the renderer. */
export interface OpenQueue {
  /** A file to open: queued until the renderer listens, then delivered. */
  push(path: string): void;
  /** The renderer listens from now on: returns (and empties) the queue. */
  drain(): string[];
  /** The renderer went away (reload, closed window): queue again. */
  reset(): void;
}

/** A queue delivering through `deliver` once drained. */
export function createOpenQueue(deliver: (path: string) => void): OpenQueue {
  let pending: string[] = [];
  let listening = false;
  return {
    push(path) {
      if (listening) deliver(path);
      else if (!pending.includes(path)) pending.push(path);
    },
    drain() {
      listening = true;
      const out = pending;
      pending = [];
      return out;
    },
    reset() {
      listening = false;
    },
  };
}
