/**
 * Approvals and comments of the open workshop for React: read from the
 * workshop's Y.Doc (they are not part of the store's snapshot content) and
 * kept in step with it, plus the actions that write them and record the
 * audit events (`approved`, `approval-withdrawn`).
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { approvalStates, type Approval, type ItemApprovalState } from '../../../shared/agreement/approvals';
import { approveInDoc, findApprovableItem, readApprovals, withdrawInDoc, type ItemRef } from '../../../shared/domain/approvals-doc';
import { addComment, readComments, setThreadResolved, type NewComment, type WorkshopComment } from '../../../shared/domain/comments-doc';
import { localTimeZone } from '../../../shared/domain/time';
import type { Participant, Party } from '../../../shared/domain/workshop';
import type { Result } from '../../../shared/domain/result';
import { recordAudit } from '../../data/audit';
import { db } from '../../data/instance';
import { activeDoc } from '../../data/session';
import { useAppStore } from '../../store';

/** A value read from the open workshop's document, re-read after every update. `read` must be a stable function. */
export function useDocPart<T>(read: (doc: Y.Doc) => T, empty: T): T {
  const sessionId = useAppStore((s) => s.session?.id ?? null);
  const [value, setValue] = useState<T>(() => {
    const doc = activeDoc();
    return doc ? read(doc) : empty;
  });
  useEffect(() => {
    const doc = activeDoc();
    if (!doc) return;
    const refresh = () => setValue(read(doc));
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [sessionId, read]);
  return value;
}

const NO_APPROVALS: Approval[] = [];
const NO_COMMENTS: WorkshopComment[] = [];

/** Every approval of the open workshop. */
export function useApprovals(): Approval[] {
  return useDocPart(readApprovals, NO_APPROVALS);
}

/** Every comment of the open workshop, oldest first. */
export function useComments(): WorkshopComment[] {
  return useDocPart(readComments, NO_COMMENTS);
}

/** Where each term and clause stands (in document order), from the current content and approvals. */
export function useApprovalStates(): ItemApprovalState[] {
  const content = useAppStore((s) => s.session!.content);
  const approvals = useApprovals();
  return approvalStates(content, approvals);
}

const actor = (p: Pick<Participant, 'id' | 'name' | 'team'>) => ({ participantId: p.id, name: p.name, team: p.team });

/**
 * `participant` approves item `ref` for their team (now, in this machine's
 * zone) and the audit trail records it. Returns the error when refused.
 */
export async function approveItem(ref: ItemRef, participant: Participant): Promise<Result<Approval>> {
  const doc = activeDoc();
  const session = useAppStore.getState().session;
  if (!doc || !session) return { ok: false, error: { code: 'no-session', message: 'No workshop is open' } };
  const result = approveInDoc(doc, session.content, ref, participant, new Date(), localTimeZone());
  if (result.ok) {
    const a = result.value;
    await recordAudit(db, session.id, {
      type: 'approved',
      actor: actor(participant),
      // The item's label as it is now: the trail still names it if the item is deleted later.
      details: { kind: a.kind, itemId: a.itemId, label: findApprovableItem(session.content, ref)?.label ?? null, team: a.team, fingerprint: a.fingerprint },
    });
  }
  return result;
}

/** Withdraws `team`'s approval of `ref` on behalf of `by` and records it in the audit trail. */
export async function withdrawItem(ref: ItemRef, team: Party, by: Pick<Participant, 'id' | 'name' | 'team'>): Promise<void> {
  const doc = activeDoc();
  const session = useAppStore.getState().session;
  if (!doc || !session) return;
  const removed = withdrawInDoc(doc, ref, team);
  if (removed) {
    await recordAudit(db, session.id, {
      type: 'approval-withdrawn',
      actor: actor(by),
      details: { kind: removed.kind, itemId: removed.itemId, label: findApprovableItem(session.content, ref)?.label ?? null, team, fingerprint: removed.fingerprint },
    });
  }
}

/** Adds a comment by `author` now, in this machine's zone. */
export function postComment(input: NewComment, author: Participant): Result<WorkshopComment> {
  const doc = activeDoc();
  if (!doc) return { ok: false, error: { code: 'no-session', message: 'No workshop is open' } };
  return addComment(doc, input, author, new Date(), localTimeZone());
}

/** Resolves or reopens thread `threadId` on behalf of `by`. */
export function resolveThread(threadId: string, resolved: boolean, by: Participant): Result<WorkshopComment> {
  const doc = activeDoc();
  if (!doc) return { ok: false, error: { code: 'no-session', message: 'No workshop is open' } };
  return setThreadResolved(doc, threadId, resolved, by, new Date(), localTimeZone());
}
