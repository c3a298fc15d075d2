/**
 * Whether the open workshop's edits are on disk, for the header's
 * "Saved 14:32" / "Not saved: …".
 *
 * y-dexie writes each update of a document in its own read-write transaction
 * on its updates table (an `add` issued from the document's `updateV2`
 * handler) and reports a failed write through the provider's `error` event;
 * it gives no promise per update. IndexedDB runs read-write transactions on
 * one store in the order they were created, so a later read-write
 * transaction on that table (the `barrier`, see `flushDoc`) completes only
 * after every write issued before it has finished. "Saved" therefore means:
 * every update made so far has been committed to IndexedDB, and none of
 * them failed. A failed write keeps "Not saved" until a full write of the
 * document succeeds (`markSaved`, after "Retry"): the failed update is not in
 * the database, and later updates do not contain it.
 */
import type * as Y from 'yjs';
import { isQuotaError } from './schema';

/**
 * - `saved`: everything is on disk; `at` is the ISO instant of the last
 *   completed write (for a workshop just opened, of its last write before), or
 *   null when unknown.
 * - `saving`: a write is under way.
 * - `failed`: a write failed; `reason` is `full` for a full disk (IndexedDB's
 *   QuotaExceededError), else `error` with the storage's `message`.
 */
export type SaveStatus = { kind: 'saved'; at: string | null } | { kind: 'saving' } | { kind: 'failed'; reason: 'full' | 'error'; message: string };

/** The provider's error events (a DexieYProvider). */
export interface ErrorSource {
  on(name: 'error', f: (error: unknown) => void): void;
  off(name: 'error', f: (error: unknown) => void): void;
}

export interface SaveTrackerOptions {
  doc: Y.Doc;
  /** The document's provider: updates it applied (from the database) are not edits to save, and its `error` events are failed writes. */
  provider: ErrorSource & object;
  /** Resolves once every write issued before it has finished (e.g. `flushDoc(db)`). */
  barrier(): Promise<unknown>;
  /** ISO instant of the document's last write before tracking starts, or null. */
  lastSaved: string | null;
  onChange(status: SaveStatus): void;
  /** The clock (tests). */
  now?(): Date;
}

export interface SaveTracker {
  /** A full write of the document succeeded (after a failure): everything is saved now. */
  markSaved(): void;
  /** Stops listening. */
  stop(): void;
}

/** The status for a failed write's `error`. */
export function failedStatus(error: unknown): SaveStatus {
  return { kind: 'failed', reason: isQuotaError(error) ? 'full' : 'error', message: error instanceof Error ? error.message : String(error) };
}

/** Tracks whether `doc`'s edits are written; reports each change of status through `onChange` (first the current one). */
export function trackSaves(options: SaveTrackerOptions): SaveTracker {
  const { doc, provider, barrier, onChange } = options;
  const now = options.now ?? (() => new Date());
  let status: SaveStatus = { kind: 'saved', at: options.lastSaved };
  let failure: SaveStatus | null = null;
  let generation = 0;
  let scheduled = false;
  let stopped = false;

  const set = (next: SaveStatus) => {
    if (stopped) return;
    status = next;
    onChange(status);
  };

  const check = async () => {
    scheduled = false;
    const seen = generation;
    try {
      await barrier();
    } catch (error) {
      failure ??= failedStatus(error);
    }
    if (failure) set(failure);
    // Otherwise a later update scheduled its own check, which reports.
    else if (seen === generation) set({ kind: 'saved', at: now().toISOString() });
  };

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return; // read from the database: already there
    generation++;
    if (!failure && status.kind !== 'saving') set({ kind: 'saving' });
    if (scheduled) return;
    scheduled = true;
    // A task later, y-dexie's own `updateV2` handler has issued this update's write.
    setTimeout(() => void check(), 0);
  };

  const onError = (error: unknown) => {
    failure = failedStatus(error);
    set(failure);
  };

  // After y-dexie's handler (registered when the document was loaded).
  doc.on('updateV2', onUpdate);
  provider.on('error', onError);
  onChange(status);

  return {
    markSaved() {
      failure = null;
      set({ kind: 'saved', at: now().toISOString() });
    },
    stop() {
      stopped = true;
      doc.off('updateV2', onUpdate);
      provider.off('error', onError);
    },
  };
}
