/**
 * Merging the audit trails of two copies of one workshop (a `.pacto` file
 * merged into the workshop already in Pacto) without breaking either chain.
 *
 * Each trail is a hash chain: every event carries the hash of the one before
 * (`audit.ts`). Events cannot be interleaved or renumbered without changing
 * their hashes, and those hashes are anchored elsewhere (an exported PDF
 * records the head of the trail it was exported with). So:
 *
 * 1. Events the local trail already has (same hash: same content and same
 *    place in the chain) are skipped, also those a previous merge recorded.
 * 2. Fast-forward: when the incoming trail is the local one plus more events
 *    (the local head is the parent of the first new one), the new events are
 *    appended verbatim: same seq, same hashes, both chains stay one.
 * 3. Diverged: when both copies added events after their common part, the
 *    local trail keeps its events and gains ONE `merged` event whose details
 *    hold the other copy's new events verbatim (`branch.events`, with the hash
 *    they hang from, `branch.fromHash`, and the incoming head and length).
 *    The local chain stays valid; the other branch can still be checked on
 *    its own: its events link from `fromHash` and keep their own hashes.
 *
 * Importing the same file twice adds nothing the second time.
 */
import { appendAuditEvent, auditHead, auditEventSchema, GENESIS_HASH, type AuditEvent, type AuditEventInput } from './audit';

/** What the `merged` event's details hold about the other copy's events. */
export interface MergedBranch {
  /** Hash of the event the branch's first event follows (`GENESIS_HASH` when it starts the chain). */
  fromHash: string;
  /** Head hash and length of the incoming trail. */
  head: string;
  length: number;
  /** The other copy's events not in the local trail, verbatim, oldest first. */
  events: AuditEvent[];
}

/** The outcome of a merge: the whole new local chain and what was appended to it. */
export interface AuditMerge {
  chain: AuditEvent[];
  appended: AuditEvent[];
  /** How it merged: nothing new, appended verbatim, or one `merged` event with the other branch. */
  kind: 'nothing-new' | 'fast-forward' | 'branch';
}

/** The branch a `merged` event carries, if it is a well-formed one. */
export function mergedBranchOf(event: AuditEvent): MergedBranch | null {
  if (event.type !== 'merged') return null;
  const branch = event.details['branch'] as Partial<MergedBranch> | undefined;
  if (!branch || !Array.isArray(branch.events)) return null;
  const events = branch.events
    .map((e) => auditEventSchema.safeParse(e))
    .filter((p) => p.success)
    .map((p) => p.data);
  return {
    fromHash: typeof branch.fromHash === 'string' ? branch.fromHash : GENESIS_HASH,
    head: typeof branch.head === 'string' ? branch.head : '',
    length: typeof branch.length === 'number' ? branch.length : 0,
    events,
  };
}

/** Every event hash `chain` knows: its own and those its `merged` events carry. */
export function knownAuditHashes(chain: readonly AuditEvent[]): Set<string> {
  const known = new Set<string>();
  for (const event of chain) {
    known.add(event.hash);
    for (const e of mergedBranchOf(event)?.events ?? []) known.add(e.hash);
  }
  return known;
}

/**
 * Merges `incoming` (a valid chain, e.g. from a file) into `local` (a valid
 * chain) as described above. `merge` gives the time, zone, actor and extra
 * details of the `merged` event when one is needed. Throws what
 * `appendAuditEvent` throws (an unknown time zone).
 */
export function mergeAuditChains(local: readonly AuditEvent[], incoming: readonly AuditEvent[], merge: Omit<AuditEventInput, 'type'>): AuditMerge {
  const known = knownAuditHashes(local);
  const first = incoming.findIndex((e) => !known.has(e.hash));
  if (first < 0) return { chain: [...local], appended: [], kind: 'nothing-new' };
  const fresh = incoming.slice(first);
  const parent = fresh[0]!.prevHash;
  if (parent === auditHead(local) && fresh[0]!.seq === local.length) {
    return { chain: [...local, ...fresh], appended: fresh, kind: 'fast-forward' };
  }
  const branch: MergedBranch = { fromHash: parent, head: auditHead(incoming), length: incoming.length, events: fresh };
  const chain = appendAuditEvent(local, { ...merge, type: 'merged', details: { ...merge.details, branch } });
  return { chain, appended: chain.slice(local.length), kind: 'branch' };
}
