/**
 * A structural copy of a workshop document with a fresh CRDT identity: the
 * same content (every part: meta, participants, terms with their rich text,
 * funnels, SLA, targets, scenarios, approvals, comments, facilitation, gap
 * resolutions, the agreement records published for a room) written as new Yjs
 * items by a new client, sharing no item ids and no history with the source.
 *
 * Why: a "separate copy" of a workshop must never merge back into the
 * original by accident. Two documents that share Yjs history (the same item
 * ids) would, if their updates ever met, combine as one document; a copy
 * built item by item has its own ids, so its updates mean nothing to the
 * original and the other way round.
 */
import * as Y from 'yjs';

/** Top-level parts of the workshop document and their Yjs types (see `workshop-doc.ts`). */
export const WORKSHOP_DOC_ROOTS = {
  meta: 'map',
  participants: 'array',
  terms: 'array',
  funnels: 'map',
  sla: 'map',
  targets: 'map',
  scenarios: 'map',
  approvals: 'map',
  comments: 'map',
  facilitation: 'map',
  gapResolutions: 'map',
  // Agreement records published for the room (`agreement-doc.ts`): a copy keeps them, but they name the
  // original workshop's id, so the copy's laptop sets them aside and publishes its own under the new id.
  versions: 'map',
  signatures: 'map',
  acts: 'map',
} as const;

const cloneValue = (value: unknown): unknown => (value instanceof Y.AbstractType ? value.clone() : value);

/**
 * Copies every known top-level part of `source` into a new Y.Doc in one
 * transaction with `origin`. Parts the source lacks stay absent; top-level
 * names this build does not know are not copied (a document that has them is
 * refused earlier as made by a newer Pacto).
 */
export function freshCopyOfDoc(source: Y.Doc, origin: unknown = null): Y.Doc {
  const target = new Y.Doc();
  target.transact(() => {
    for (const [name, kind] of Object.entries(WORKSHOP_DOC_ROOTS)) {
      if (!source.share.has(name)) continue;
      if (kind === 'array') {
        const from = source.getArray<unknown>(name);
        if (from.length > 0) target.getArray<unknown>(name).push(from.toArray().map(cloneValue));
      } else {
        const from = source.getMap<unknown>(name);
        const to = target.getMap<unknown>(name);
        for (const [key, value] of from.entries()) to.set(key, cloneValue(value));
      }
    }
  }, origin);
  return target;
}
