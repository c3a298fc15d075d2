/**
 * What every document module's edits share: the table of transaction origins
 * (which writes the undo manager takes back and which it leaves alone), the
 * errors an edit throws instead of writing bad data, and the check that
 * turns a schema's verdict into that error. Kept apart from
 * `workshop-doc.ts` so `scenarios-doc.ts` (which `workshop-doc.ts` reads),
 * `approvals-doc.ts` and `comments-doc.ts` use them without an import cycle.
 * docs/architecture.md ("The edit path") says how the renderer uses them.
 */
import type { z } from 'zod';
import { validate, type FieldErrors } from './workshop';

/**
 * Every transaction origin Pacto writes with, and why. Only `local` is
 * tracked by the session's undo manager: the rest are deliberate acts
 * (approving, commenting, restoring a backup) or not the user's at all
 * (creating and migrating a document), which undo must never take back.
 */
export const ORIGINS = {
  /** The user's own edits through the renderer's `edit()`: undoable, one undo step per edit. */
  local: 'pacto:local',
  /** Document creation and layout migrations: never undoable. */
  init: 'pacto:init',
  /** A team approving or withdrawing its approval of a term or clause: audited, withdrawn rather than undone. */
  approvals: 'pacto:approvals',
  /** Posting a comment, resolving or reopening a thread: discussion, never undone by the text undo. */
  comments: 'pacto:comments',
  /** Restoring a backup (a forward edit, `shared/backup/revert.ts`): not undoable with Ctrl+Z. */
  restore: 'pacto:restore',
  /** Running the workshop (timer, current block, follow, private rounds, votes, locks): never undone. */
  facilitation: 'pacto:facilitation',
  /** Publishing a frozen version, a signature or an audited act for the room (`agreement-doc.ts`): append-only, never undone. */
  agreement: 'pacto:agreement',
} as const;

/** One of the {@link ORIGINS}. */
export type EditOrigin = (typeof ORIGINS)[keyof typeof ORIGINS];

/** Transaction origin of the user's own edits; the undo manager tracks only this origin. */
export const LOCAL_ORIGIN = ORIGINS.local;
/** Transaction origin of document creation and migrations; never undoable. */
export const INIT_ORIGIN = ORIGINS.init;
/** Transaction origin of approval writes; not tracked by the undo manager. */
export const APPROVALS_ORIGIN = ORIGINS.approvals;
/** Transaction origin of comment writes; not tracked by the undo manager. */
export const COMMENTS_ORIGIN = ORIGINS.comments;
/** Transaction origin of a restore (not tracked by the session's undo manager). */
export const RESTORE_ORIGIN = ORIGINS.restore;
/** Running the workshop, outside the undo history (`shared/facilitation/facilitation-doc.ts`). */
export const FACILITATION_ORIGIN = ORIGINS.facilitation;
/** Publishing agreement records into the document (`shared/domain/agreement-doc.ts`); not tracked by the undo manager. */
export const AGREEMENT_ORIGIN = ORIGINS.agreement;

/**
 * Thrown when an edit would write invalid data; nothing was written.
 * `errors` maps field paths to message keys (`required`, `too-long`,
 * `not-a-party`…), which the renderer's intents return as their field errors.
 */
export class InvalidEditError extends Error {
  constructor(
    readonly errors: FieldErrors,
    what: string,
  ) {
    super(
      `Invalid ${what}: ${Object.entries(errors)
        .map(([k, v]) => `${k || '(value)'} ${v}`)
        .join(', ')}`,
    );
    this.name = 'InvalidEditError';
  }
}

/** Thrown when an edit names an item the document does not have. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

/**
 * `value` parsed by `schema`, for an edit about to write it. Throws
 * {@link InvalidEditError} (naming `what`, with the schema's field errors)
 * when it does not parse, so the edit writes nothing.
 */
export function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = validate(schema, value);
  if (!result.ok) throw new InvalidEditError(result.errors, what);
  return result.value;
}
