/**
 * Restoring a workshop's document to an earlier state as a forward edit.
 *
 * A backup holds the Yjs state of the workshop at the time it was taken. Just
 * applying that state to the current document changes nothing (the current
 * document already contains it), and replacing the stored updates with the
 * old state would be undone by the next merge of any copy that still has the
 * newer history. So a restore computes the edits that take the current
 * document back to the backup's content and applies them as new changes:
 *
 * 1. a scratch document gets the backup's state;
 * 2. the changes the current document has beyond it are applied on top, with
 *    an undo manager over the whole scratch document tracking them;
 * 3. undoing them brings the scratch document's content back to the
 *    backup's, with a history that now includes both the newer changes and
 *    their reversal;
 * 4. the current document receives what the scratch one has beyond it.
 *
 * The agreement records published for a room are kept as they are (append-only).
 *
 * Items the backup and the current state share keep their identity, so a
 * later merge of an old copy (whose updates are all part of that history)
 * cannot bring the restored-away content back; only edits made elsewhere
 * after the restore's base arrive, as with any concurrent edit.
 */
import * as Y from 'yjs';
import { RESTORE_ORIGIN } from '../domain/doc-edit';
import { AGREEMENT_PARTS } from '../domain/agreement-doc';

const REVERTED = Symbol('pacto:reverted');

/**
 * The agreement records published for a room (`agreement-doc.ts`) are not
 * content a backup takes back: they are append-only, and other laptops hold
 * them. Entries the revert removed are written again (same key and value).
 */
function keepAgreementRecords(current: Y.Doc, reverted: Y.Doc): void {
  reverted.transact(() => {
    for (const part of Object.values(AGREEMENT_PARTS)) {
      if (!current.share.has(part)) continue;
      const to = reverted.getMap<unknown>(part);
      for (const [key, value] of current.getMap<unknown>(part).entries()) if (!to.has(key)) to.set(key, value);
    }
  });
}

/**
 * The update that turns `current`'s content into the content of the document
 * whose full state is `backupState` (from `Y.encodeStateAsUpdate`). Applying
 * it to `current` (with {@link RESTORE_ORIGIN}) restores the backup as new
 * edits. Pure: `current` is not changed. Throws what Yjs throws on a damaged
 * update.
 */
export function revertUpdate(current: Y.Doc, backupState: Uint8Array): Uint8Array {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, backupState);
    const undo = new Y.UndoManager(scratch, { trackedOrigins: new Set([REVERTED]), captureTimeout: Number.POSITIVE_INFINITY });
    const newer = Y.encodeStateAsUpdate(current, Y.encodeStateVector(scratch));
    Y.applyUpdate(scratch, newer, REVERTED);
    // One capture: every change beyond the backup is a single undo step.
    while (undo.canUndo()) undo.undo();
    undo.destroy();
    keepAgreementRecords(current, scratch);
    return Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(current));
  } finally {
    scratch.destroy();
  }
}

/** Applies {@link revertUpdate} to `current` in one transaction with {@link RESTORE_ORIGIN}. */
export function revertDoc(current: Y.Doc, backupState: Uint8Array): void {
  Y.applyUpdate(current, revertUpdate(current, backupState), RESTORE_ORIGIN);
}
