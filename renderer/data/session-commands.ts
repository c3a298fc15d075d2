/**
 * What the app shell (header, keys, menu, notices) asks of the open workshop,
 * without loading the workshop code at start: `data/session.ts` registers
 * its functions here when it loads. No workshop can be open before that
 * module has loaded, so until then there is nothing to close, flush, undo,
 * redo or save again, and {@link sessionCommands} answers null.
 */
import type { PactoDb } from './db';

/** The open workshop's commands the shell uses (see `data/session.ts` for each). */
export interface SessionCommands {
  closeSession(): void;
  flushPendingEdits(): void;
  undo(): void;
  redo(): void;
  retrySave(db: PactoDb): Promise<void>;
}

let registered: SessionCommands | null = null;

/** Called once by `data/session.ts` as it loads. */
export function registerSessionCommands(commands: SessionCommands): void {
  registered = commands;
}

/** The open workshop's commands, or null while the workshop code has not loaded (then no workshop is open). */
export function sessionCommands(): SessionCommands | null {
  return registered;
}
