/**
 * The review's user intents as named functions: a team approves a term or
 * clause or withdraws its approval, a participant comments or resolves a
 * thread. Each is one `edit()` (one Yjs transaction) with the origin of its
 * kind (`ORIGINS.approvals`, `ORIGINS.comments` in shared/domain/doc-edit.ts),
 * so the text undo never takes an approval or a comment back; approving and
 * withdrawing are recorded in the audit trail (`approved`,
 * `approval-withdrawn`) with the laptop and, when someone records it for
 * another person, who did (`recordedOn`, data/seat.ts), and published for the
 * room's other laptops' trails (`features/agreement/room-records.ts`). Each returns the field errors (null when applied).
 */
import { approve, isApprovable, type Approval, type ItemApprovalState } from '../../../shared/agreement/approvals';
import { approveInDoc, findApprovableItem, withdrawInDoc, type ItemRef } from '../../../shared/domain/approvals-doc';
import { addComment, setThreadResolved, type NewComment } from '../../../shared/domain/comments-doc';
import { APPROVALS_ORIGIN, COMMENTS_ORIGIN } from '../../../shared/domain/doc-edit';
import { localTimeZone } from '../../../shared/domain/time';
import type { FieldErrors, Participant, Party } from '../../../shared/domain/workshop';
import { recordAudit } from '../../data/audit';
import { db } from '../../data/instance';
import { edit } from '../../data/session';
import { useAppStore } from '../../store';
import { actorOf } from '../agreement/actions';
import { publishToRoom, recordedFrom } from '../agreement/room-records';
import { recordedOn } from '../../data/seat';
import { sharedEventOf } from '../../../shared/domain/agreement-doc';
import type { AuditEvent } from '../../../shared/agreement/audit';

/** The open workshop's id and content; throws when none is open (as `edit()` does). */
function openSession() {
  const session = useAppStore.getState().session;
  if (!session) throw new Error('No workshop is open');
  return session;
}

/**
 * `participant` approves item `ref` for their team (now, in this machine's
 * zone) and the audit trail records it. Errors: `item: 'not-found'`,
 * `team: 'not-a-party'`, `timeZone: 'time-zone'` (nothing written).
 */
export async function approveItem(ref: ItemRef, participant: Participant): Promise<FieldErrors | null> {
  const session = openSession();
  let approval: Approval | null = null;
  const errors = edit((doc) => {
    approval = approveInDoc(doc, session.content, ref, participant, new Date(), localTimeZone());
  }, APPROVALS_ORIGIN);
  const a = approval as Approval | null;
  if (a) {
    const event = await recordAudit(db, session.id, {
      type: 'approved',
      actor: actorOf(participant),
      // The item's label as it is now: the trail still names it if the item is deleted later.
      details: {
        kind: a.kind,
        itemId: a.itemId,
        label: findApprovableItem(session.content, ref)?.label ?? null,
        team: a.team,
        fingerprint: a.fingerprint,
        // On which laptop, and by whom when not the approver at their own seat (data/seat.ts).
        ...recordedOn(actorOf(participant)),
      },
    });
    publishActs(session.id, [event]);
  }
  return errors;
}

/**
 * The items `team` may approve in one go: not yet approved by `team` for
 * their current content, never approved by `team` in an older version (a
 * "changed since approval" item is reviewed on its own, word by word), and
 * approvable as they stand (a term without definition is not). In `states`'
 * order.
 */
export function unchangedPendingItems(states: readonly ItemApprovalState[], team: Party): ItemApprovalState[] {
  return states.filter(
    (s) =>
      s.pending.includes(team) &&
      !s.changedSinceApproval.some((c) => c.team === team) &&
      // What approve() checks of the item itself; `team` is a party by its type. Building the approval (its fingerprint and time) is left to the click.
      isApprovable(s.item),
  );
}

/**
 * `participant` approves every item of `refs` for their team at once: one
 * `edit()` (one Yjs transaction, so other laptops see all of them or none),
 * then one `approved` audit event per item, as if approved one by one. Every
 * item is checked before anything is written: when one fails (deleted
 * meanwhile, blank definition…) nothing is approved and its errors are
 * returned, keyed by the first failing item's field (`item: 'not-found'`,
 * `definition: 'empty-definition'`, `team: 'not-a-party'`, `timeZone: 'time-zone'`).
 */
export async function approveItems(refs: readonly ItemRef[], participant: Participant): Promise<FieldErrors | null> {
  const session = openSession();
  const at = new Date();
  const zone = localTimeZone();
  for (const ref of refs) {
    const item = findApprovableItem(session.content, ref);
    if (!item) return { item: 'not-found' };
    const check = approve([], item, participant, at, zone);
    if (!check.ok) {
      const code = check.error.code;
      return code === 'time-zone' ? { timeZone: code } : code === 'empty-definition' ? { definition: code } : { team: code };
    }
  }
  const written: Approval[] = [];
  const errors = edit((doc) => {
    for (const ref of refs) written.push(approveInDoc(doc, session.content, ref, participant, at, zone));
  }, APPROVALS_ORIGIN);
  if (errors) return errors;
  const events: AuditEvent[] = [];
  for (const [i, a] of written.entries()) {
    const event = await recordAudit(db, session.id, {
      type: 'approved',
      actor: actorOf(participant),
      details: {
        kind: a.kind,
        itemId: a.itemId,
        label: findApprovableItem(session.content, refs[i]!)?.label ?? null,
        team: a.team,
        fingerprint: a.fingerprint,
        bulk: true,
        ...recordedOn(actorOf(participant)),
      },
    });
    events.push(event);
  }
  publishActs(session.id, events);
  return null;
}

/** Withdraws `team`'s approval of `ref` on behalf of `by` and records it in the audit trail (nothing when there was none). */
export async function withdrawItem(ref: ItemRef, team: Party, by: Pick<Participant, 'id' | 'name' | 'team'>): Promise<FieldErrors | null> {
  const session = openSession();
  let removed: Approval | null = null;
  const errors = edit((doc) => {
    removed = withdrawInDoc(doc, ref, team);
  }, APPROVALS_ORIGIN);
  const r = removed as Approval | null;
  if (r) {
    const event = await recordAudit(db, session.id, {
      type: 'approval-withdrawn',
      actor: actorOf(by),
      details: {
        kind: r.kind,
        itemId: r.itemId,
        label: findApprovableItem(session.content, ref)?.label ?? null,
        team,
        fingerprint: r.fingerprint,
        ...recordedOn(actorOf(by)),
      },
    });
    publishActs(session.id, [event]);
  }
  return errors;
}

/** Publishes approval events for the room's other laptops' trails (one transaction; `room-records.ts`). */
function publishActs(workshopId: string, events: readonly AuditEvent[]): void {
  if (events.length === 0) return;
  const from = recordedFrom();
  publishToRoom({ acts: events.map((event) => ({ workshopId, event: sharedEventOf(event), from })) });
}

/** Adds a comment by `author` now, in this machine's zone. Errors: `text: 'required' | 'too-long'`, `parentId: 'no-thread'`. */
export function postComment(input: NewComment, author: Participant): FieldErrors | null {
  return edit((doc) => void addComment(doc, input, author, new Date(), localTimeZone()), COMMENTS_ORIGIN);
}

/** Resolves or reopens thread `threadId` on behalf of `by`. Error: `threadId: 'no-thread'`. */
export function resolveThread(threadId: string, resolved: boolean, by: Participant): FieldErrors | null {
  return edit((doc) => void setThreadResolved(doc, threadId, resolved, by, new Date(), localTimeZone()), COMMENTS_ORIGIN);
}
