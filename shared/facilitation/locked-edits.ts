/**
 * The one check of section locks on the edit path (`renderer/data/session.ts`
 * `edit()`): an edit that would change a locked section writes nothing.
 *
 * A Yjs transaction cannot be rolled back, so an edit is tried before it is
 * written. With nothing locked there is nothing to try: the edit runs on the
 * document as it is. While a section is locked, edits run on a mirror of the
 * document, a second Y.Doc kept in step with it update by update (built once
 * when the first edit under a lock comes, dropped when nothing is locked any
 * more). The mirror's transaction says which types the edit touched (their
 * top-level parts are looked up in `SECTION_PARTS`); an edit that touched a
 * locked section is refused and the mirror, which now holds it, is dropped
 * (the next edit builds it again); any other edit is written by applying the
 * mirror's own update to the document, so both keep the same items and the
 * edit is still one transaction with the caller's origin (one update, one
 * undo step). Trying an edit therefore costs what the edit costs, not a copy
 * of the whole workshop; only a refused edit pays for a new copy.
 *
 * The mirror writes as a client of its own (its own Yjs client id): were it
 * to write under the document's id, Yjs would take the update coming back as
 * another laptop using that id and give the document a new one.
 */
import * as Y from 'yjs';
import { lockedSectionsIn } from './facilitation-doc';
import { sectionOfPart } from './locks';
import type { LockableSection } from './types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its parents and changed types as AbstractType<any>.
type AnyType = Y.AbstractType<any>;

/** The name of the top-level part of `doc` that (possibly nested) type `type` belongs to, or null. */
function rootName(doc: Y.Doc, type: AnyType): string | null {
  let t: AnyType = type;
  while (t._item !== null) {
    const parent: unknown = t._item.parent;
    if (!(parent instanceof Y.AbstractType)) return null;
    t = parent;
  }
  for (const [name, root] of doc.share) if (root === t) return name;
  return null;
}

/** An edit tried against the locks: refused (`locked`), or ready to be written or dropped. */
export type PreparedEdit =
  | { locked: LockableSection }
  | {
      locked: null;
      /** Writes the edit to the document; throws what the edit threw, after writing what it wrote before throwing (as running it directly does). */
      commit(): void;
      /** Drops the edit: nothing is written. */
      cancel(): void;
    };

/** The lock check of one document (see the module comment). */
export interface LockedEdits {
  /** Tries `write` as one transaction with `origin` (see {@link PreparedEdit}). Prepare, then commit or cancel, before the next edit. */
  prepare(write: (doc: Y.Doc) => void, origin: unknown): PreparedEdit;
  /** Stops following the document and frees the mirror. */
  destroy(): void;
}

/** An edit allowed by the locks: `commit` or `cancel` it, once (a second call does nothing). */
function ready(commit: () => void, cancel: () => void): PreparedEdit {
  let done = false;
  return {
    locked: null,
    commit() {
      if (done) return;
      done = true;
      commit();
    },
    cancel() {
      if (done) return;
      done = true;
      cancel();
    },
  };
}

/** Makes the lock check of `doc`. */
export function lockedEdits(doc: Y.Doc): LockedEdits {
  let mirror: Y.Doc | null = null;
  /** While the mirror's own update is written to the document: it is the mirror's already. */
  let writingBack = false;
  const follow = (update: Uint8Array) => {
    if (mirror && !writingBack) Y.applyUpdate(mirror, update);
  };
  doc.on('update', follow);
  const drop = () => {
    mirror?.destroy();
    mirror = null;
  };
  const mirrorOf = (): Y.Doc => {
    if (!mirror) {
      mirror = new Y.Doc({ gc: doc.gc });
      Y.applyUpdate(mirror, Y.encodeStateAsUpdate(doc));
    }
    return mirror;
  };

  return {
    prepare(write, origin) {
      const locked = lockedSectionsIn(doc);
      if (locked.length === 0) {
        drop();
        return ready(
          () => doc.transact(() => write(doc), origin),
          () => undefined,
        );
      }
      const scratch = mirrorOf();
      const touched = new Set<string>();
      const updates: Uint8Array[] = [];
      const onTransaction = (tr: Y.Transaction) => {
        for (const type of tr.changed.keys()) {
          const name = rootName(scratch, type);
          if (name) touched.add(name);
        }
      };
      const onUpdate = (update: Uint8Array) => updates.push(update);
      scratch.on('afterTransaction', onTransaction);
      scratch.on('update', onUpdate);
      let thrown: { error: unknown } | null = null;
      try {
        scratch.transact(() => write(scratch), origin);
      } catch (error) {
        thrown = { error };
      } finally {
        scratch.off('afterTransaction', onTransaction);
        scratch.off('update', onUpdate);
      }
      for (const name of touched) {
        const section = sectionOfPart(name);
        if (section && locked.includes(section)) {
          drop();
          return { locked: section };
        }
      }
      return ready(
        () => {
          if (updates.length > 0) {
            writingBack = true;
            try {
              Y.applyUpdate(doc, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), origin);
            } finally {
              writingBack = false;
            }
          }
          if (thrown) throw thrown.error;
        },
        // The mirror holds the dropped edit: it is built again for the next one.
        () => {
          if (updates.length > 0) drop();
        },
      );
    },
    destroy() {
      doc.off('update', follow);
      drop();
    },
  };
}

/**
 * The locked section `write` would change in `doc`, or null, without
 * writing anything: one try of {@link lockedEdits} (which copies the
 * document when a section is locked). A `write` that throws is not blamed
 * on a lock it did not reach: the real run reports its own error.
 */
export function lockedSectionTouched(doc: Y.Doc, write: (doc: Y.Doc) => void): LockableSection | null {
  const edits = lockedEdits(doc);
  try {
    const prepared = edits.prepare(write, null);
    if (prepared.locked) return prepared.locked;
    prepared.cancel();
    return null;
  } finally {
    edits.destroy();
  }
}
