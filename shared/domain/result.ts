/**
 * A value or an error, never both: the shape every bridge call and every
 * fallible domain operation returns instead of throwing across a boundary.
 */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** An error a user can be shown: a stable `code` to translate and a message for logs. */
export interface AppError {
  /** Stable identifier, e.g. `invalid-payload`, `cancelled`, `io`, `unsupported`. */
  code: string;
  /** Human-readable detail in English, for logs and for the message when no translation exists. */
  message: string;
  /** The file the error is about, when it is about one: its full path in the app, its name in a browser (so a message can name it). */
  path?: string;
}

/** Wraps a value as a successful {@link Result}. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failed {@link Result}. */
export function err<E = AppError>(error: E): Result<never, E> {
  return { ok: false, error };
}
