/**
 * Team approvals in the workshop's Yjs document: a top-level `approvals`
 * Y.Map (added after layout 1; absent = no approvals), key
 * `<kind>:<itemId>:<team>` → one {@link Approval} record as plain data. One
 * key per item and team means a team's newer approval replaces its older one,
 * and two laptops approving for different teams never collide.
 *
 * Approval rules live in `shared/agreement/approvals.ts`; this module only
 * stores its records. Writes use their own transaction origin
 * {@link APPROVALS_ORIGIN}: approving is a deliberate act recorded in the
 * audit trail, so the text undo (which tracks only `LOCAL_ORIGIN`) never
 * undoes or redoes an approval — a team withdraws it instead.
 */
import type * as Y from 'yjs';
import { approvableItems, approvalSchema, approve, type Approval, type ApprovableItem, type ApprovableKind } from '../agreement/approvals';
import { APPROVALS_ORIGIN, InvalidEditError } from './doc-edit';
import type { Participant, Party, WorkshopContent } from './workshop';

const PART = 'approvals';

function approvalsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PART);
}

function key(kind: ApprovableKind, itemId: string, team: Party): string {
  return `${kind}:${itemId}:${team}`;
}

/**
 * Every approval stored in `doc`, in a stable order (by key). Entries that do
 * not match {@link approvalSchema} (e.g. written by a newer build) are skipped,
 * never thrown on; an absent part gives `[]`.
 */
export function readApprovals(doc: Y.Doc): Approval[] {
  const map = approvalsMap(doc);
  return [...map.keys()].sort().flatMap((k) => {
    const parsed = approvalSchema.safeParse(map.get(k));
    return parsed.success ? [parsed.data] : [];
  });
}

/** A reference to an approvable item of the current content. */
export interface ItemRef {
  kind: ApprovableKind;
  id: string;
}

/** The approvable item `ref` of `content`, or null when it does not exist (deleted, wrong kind). */
export function findApprovableItem(content: WorkshopContent, ref: ItemRef): ApprovableItem | null {
  return approvableItems(content).find((i) => i.kind === ref.kind && i.id === ref.id) ?? null;
}

/**
 * Records that `participant` approves item `ref` of `content` (the current
 * content of `doc`) for their team, at `at` in `timeZone`; replaces that
 * team's earlier approval of the item. Returns the approval written. Throws
 * {@link InvalidEditError} (nothing written) with `item: 'not-found'` when the
 * item does not exist (deleted meanwhile, wrong kind), `team: 'not-a-party'`
 * for a leadership participant, `timeZone: 'time-zone'` for an unknown zone.
 */
export function approveInDoc(
  doc: Y.Doc,
  content: WorkshopContent,
  ref: ItemRef,
  participant: Pick<Participant, 'id' | 'name' | 'team'>,
  at: Date,
  timeZone: string,
): Approval {
  const item = findApprovableItem(content, ref);
  if (!item) throw new InvalidEditError({ item: 'not-found' }, `approval of ${ref.kind} ${ref.id}`);
  const result = approve([], item, participant, at, timeZone);
  if (!result.ok) {
    const code = result.error.code;
    throw new InvalidEditError(code === 'time-zone' ? { timeZone: code } : code === 'empty-definition' ? { definition: code } : { team: code }, 'approval');
  }
  const approval = result.value[0]!;
  doc.transact(() => approvalsMap(doc).set(key(item.kind, item.id, approval.team), approval), APPROVALS_ORIGIN);
  return approval;
}

/**
 * Removes `team`'s approval of item `ref`. Returns the approval removed, or
 * null when there was none (nothing written).
 */
export function withdrawInDoc(doc: Y.Doc, ref: ItemRef, team: Party): Approval | null {
  const removed = readApprovals(doc).find((a) => a.kind === ref.kind && a.itemId === ref.id && a.team === team) ?? null;
  if (!removed) return null;
  doc.transact(() => approvalsMap(doc).delete(key(ref.kind, ref.id, team)), APPROVALS_ORIGIN);
  return removed;
}

/**
 * Removes every approval of items that no longer exist in `content` (e.g. a
 * deleted term), so they do not linger. Returns how many were removed.
 */
export function pruneApprovals(doc: Y.Doc, content: WorkshopContent): number {
  const live = new Set(approvableItems(content).map((i) => `${i.kind}:${i.id}`));
  const stale = readApprovals(doc).filter((a) => !live.has(`${a.kind}:${a.itemId}`));
  if (stale.length === 0) return 0;
  doc.transact(() => {
    for (const a of stale) approvalsMap(doc).delete(key(a.kind, a.itemId, a.team));
  }, APPROVALS_ORIGIN);
  return stale.length;
}
