/**
 * What every document module's edits share: the transaction origins the undo
 * manager tells apart, and the errors an edit throws instead of writing bad
 * data. Kept apart from `workshop-doc.ts` so `scenarios-doc.ts` (which
 * `workshop-doc.ts` reads) uses them without an import cycle.
 */
import type { FieldErrors } from './workshop';

/** Transaction origin of the user's own edits; the undo manager tracks only this origin. */
export const LOCAL_ORIGIN = 'pacto:local';
/** Transaction origin of document creation and migrations; never undoable. */
export const INIT_ORIGIN = 'pacto:init';

/** Thrown when an edit would write invalid data. `errors` maps field paths to message keys. */
export class InvalidEditError extends Error {
  constructor(
    readonly errors: FieldErrors,
    what: string,
  ) {
    super(`Invalid ${what}: ${Object.entries(errors).map(([k, v]) => `${k || '(value)'} ${v}`).join(', ')}`);
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
