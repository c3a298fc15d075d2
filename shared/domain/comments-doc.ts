/**
 * Comments on glossary terms and SLA clauses, in the workshop's Yjs
 * document: a top-level `comments` Y.Map (added after layout 1; absent = no
 * comments), comment id → one {@link WorkshopComment} as plain data.
 *
 * Threads: a comment with `parentId: null` opens a thread on an item; replies
 * name the thread's first comment. A thread is resolved or reopened as a
 * whole (the flag lives on its first comment). Comments are discussion, not
 * agreement: they are not part of the snapshot ({@link WorkshopContent}),
 * the fingerprint or the PDF. Writes use their own origin
 * {@link COMMENTS_ORIGIN}, so the text undo never removes a comment.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { APPROVABLE_KINDS, type ApprovableKind } from '../agreement/approvals';
import { isTimeZone, zonedIsoString, ZONED_ISO_PATTERN } from '../agreement/zoned-time';
import { COMMENTS_ORIGIN, InvalidEditError } from './doc-edit';
import type { Participant } from './workshop';

/** Longest comment accepted, in characters. */
export const MAX_COMMENT_LENGTH = 4000;

export const commentSchema = z.object({
  id: z.string().min(1),
  /** What the comment is about: a term or a clause (same ids as approvals). */
  kind: z.enum(APPROVABLE_KINDS),
  itemId: z.string().min(1),
  /** The thread's first comment, or null for a comment that opens a thread. */
  parentId: z.string().min(1).nullable(),
  authorId: z.string().min(1),
  /** Author's name when writing, so the comment reads on its own. */
  authorName: z.string(),
  authorTeam: z.string(),
  /** Plain text, trimmed, 1..{@link MAX_COMMENT_LENGTH} characters. */
  text: z.string().trim().min(1, { message: 'required' }).max(MAX_COMMENT_LENGTH, { message: 'too-long' }),
  /** ISO 8601 with the author's UTC offset. */
  at: z.string().regex(ZONED_ISO_PATTERN),
  timeZone: z.string().min(1),
  /** On a thread's first comment: whether the thread is resolved. */
  resolved: z.boolean(),
  /** Who resolved it and when (ISO 8601 with offset); null when open. */
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
/** One comment (a thread's first comment or a reply). */
export type WorkshopComment = z.infer<typeof commentSchema>;

/** A thread: its first comment and the replies, oldest first. */
export interface CommentThread {
  root: WorkshopComment;
  replies: WorkshopComment[];
}

function commentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('comments');
}

/** Every valid comment in `doc`, oldest first (invalid entries are skipped); `[]` when the part is absent. */
export function readComments(doc: Y.Doc): WorkshopComment[] {
  const out: WorkshopComment[] = [];
  for (const value of commentsMap(doc).values()) {
    const parsed = commentSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id));
}

/** The threads on item `kind`/`itemId`, oldest first; replies whose thread is gone are left out. */
export function threadsOf(comments: readonly WorkshopComment[], kind: ApprovableKind, itemId: string): CommentThread[] {
  const mine = comments.filter((c) => c.kind === kind && c.itemId === itemId);
  return mine.filter((c) => c.parentId === null).map((root) => ({ root, replies: mine.filter((c) => c.parentId === root.id) }));
}

/** How many open (unresolved) threads each item has, keyed `<kind>:<itemId>`. */
export function openThreadCounts(comments: readonly WorkshopComment[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.parentId !== null || c.resolved) continue;
    const key = `${c.kind}:${c.itemId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A new comment's input: what it is about, the thread it answers (if any), and the text. */
export interface NewComment {
  id: string;
  kind: ApprovableKind;
  itemId: string;
  parentId: string | null;
  text: string;
}

/**
 * Adds a comment by `author` at `at` in `timeZone`; returns it. Throws
 * {@link InvalidEditError} (nothing written): `text: 'required'` for blank
 * text, `text: 'too-long'` past {@link MAX_COMMENT_LENGTH}, `parentId:
 * 'no-thread'` when `parentId` names no thread of that item, `timeZone: 'time-zone'`.
 */
export function addComment(doc: Y.Doc, input: NewComment, author: Pick<Participant, 'id' | 'name' | 'team'>, at: Date, timeZone: string): WorkshopComment {
  if (!isTimeZone(timeZone)) throw new InvalidEditError({ timeZone: 'time-zone' }, `comment (time zone "${timeZone}")`);
  if (input.parentId !== null) {
    const parent = commentSchema.safeParse(commentsMap(doc).get(input.parentId));
    if (!parent.success || parent.data.parentId !== null || parent.data.kind !== input.kind || parent.data.itemId !== input.itemId) {
      throw new InvalidEditError({ parentId: 'no-thread' }, `reply to ${input.parentId} on ${input.kind} ${input.itemId}`);
    }
  }
  const parsed = commentSchema.safeParse({
    ...input,
    authorId: author.id,
    authorName: author.name,
    authorTeam: author.team,
    at: zonedIsoString(at, timeZone),
    timeZone,
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidEditError({ text: issue.message === 'too-long' ? 'too-long' : 'required' }, `comment ${issue.path.join('.')}`);
  }
  doc.transact(() => commentsMap(doc).set(parsed.data.id, parsed.data), COMMENTS_ORIGIN);
  return parsed.data;
}

/**
 * Resolves (or, with `resolved: false`, reopens) the thread whose first
 * comment is `threadId`, recording who and when; returns the thread's first
 * comment as written. Throws {@link InvalidEditError} (nothing written):
 * `threadId: 'no-thread'` when there is no such thread, `timeZone: 'time-zone'`.
 */
export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: Pick<Participant, 'name'>, at: Date, timeZone: string): WorkshopComment {
  const parsed = commentSchema.safeParse(commentsMap(doc).get(threadId));
  if (!parsed.success || parsed.data.parentId !== null) throw new InvalidEditError({ threadId: 'no-thread' }, `thread ${threadId}`);
  if (!isTimeZone(timeZone)) throw new InvalidEditError({ timeZone: 'time-zone' }, `thread (time zone "${timeZone}")`);
  const next: WorkshopComment = {
    ...parsed.data,
    resolved,
    resolvedBy: resolved ? by.name : null,
    resolvedAt: resolved ? zonedIsoString(at, timeZone) : null,
  };
  doc.transact(() => commentsMap(doc).set(threadId, next), COMMENTS_ORIGIN);
  return next;
}
