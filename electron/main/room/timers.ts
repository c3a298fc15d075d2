/**
 * The clock and timers the room modules take as collaborators, so tests can
 * drive time (`now`) without waiting, and a logger that says what happened
 * on the network (wrong codes, dropped connections) in one line each.
 */

/** Timers and clock; `systemTimers` uses Node's. */
export interface RoomTimers {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** Lines about the room for the app's log (console in main). */
export interface RoomLogger {
  info(line: string): void;
  warn(line: string): void;
}

/** Node's clock and timers; intervals and timeouts do not keep the process alive. */
export const systemTimers: RoomTimers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setInterval: (run, ms) => setInterval(run, ms).unref(),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

/** Writes to the console with a `Pacto room:` prefix. */
export const consoleLogger: RoomLogger = {
  info: (line) => console.info(`Pacto room: ${line}`),
  warn: (line) => console.warn(`Pacto room: ${line}`),
};
