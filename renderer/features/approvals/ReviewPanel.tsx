/**
 * Review of one term or clause: its approval status, each party's approval
 * (approve as a participant of that team, withdraw, or what changed since an
 * older approval, word by word), and its comment threads.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval, ItemApprovalState } from '../../../shared/agreement/approvals';
import type { FieldChange } from '../../../shared/agreement/diff';
import { threadsOf, type WorkshopComment } from '../../../shared/domain/comments-doc';
import type { ItemRef } from '../../../shared/domain/approvals-doc';
import { PARTIES, type Participant, type Party } from '../../../shared/domain/workshop';
import { formatters } from '../../i18n';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { firstError } from '../../ui/fields';
import { useApprovals, useComments } from './review-data';
import { approveItem, postComment, resolveThread, withdrawItem } from './actions';
import './review.css';

/** The status of an item as a coloured badge (draft, approved by one team, agreed), plus "changed since approval". */
export function StatusBadge({ state }: { state: ItemApprovalState }) {
  const { t } = useTranslation();
  const label =
    state.status === 'approved-by-one'
      ? t('approvals.status.approved-by-one', { team: t(`teams.${state.approvedBy[0]}`) })
      : t(`approvals.status.${state.status}`);
  return (
    <span className="status-badges" data-testid="approval-status" data-status={state.status}>
      <span className={`badge badge--${state.status}`}>{label}</span>
      {state.changedSinceApproval.length > 0 ? (
        <span className="badge badge--changed" data-testid="changed-since-approval">
          {t('approvals.status.changed')}
        </span>
      ) : null}
    </span>
  );
}

/** A word diff: removed words struck through, added words underlined. */
function WordDiff({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  const field = t(`approvals.approvals.field.${change.field}`, { defaultValue: change.field });
  if (change.kind === 'value') {
    const show = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : t('approvals.approvals.formattingOnly'));
    return (
      <div className="word-diff">
        <span className="word-diff__field">{field}:</span> <del>{show(change.before)}</del> → <ins>{show(change.after)}</ins>
      </div>
    );
  }
  return (
    <div className="word-diff" data-testid="word-diff">
      <span className="word-diff__field">{field}:</span>{' '}
      {change.parts.map((p, i) =>
        p.type === 'added' ? <ins key={i}>{p.text}</ins> : p.type === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
      )}
    </div>
  );
}

function PartyApproval({ state, itemRef, team, people }: { state: ItemApprovalState; itemRef: ItemRef; team: Party; people: Participant[] }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const members = people.filter((p) => p.team === team);
  const [who, setWho] = useState(members[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const approver = members.find((p) => p.id === who) ?? members[0];
  const approved = state.approvedBy.includes(team);
  const record = useApprovals().find((a) => a.kind === itemRef.kind && a.itemId === itemRef.id && a.team === team);
  const stale = state.changedSinceApproval.find((s) => s.team === team);
  const current = approved ? undefined : stale;
  const teamName = t(`teams.${team}`);
  // After "Approve" its button is gone: the focus stays on this item, on its Withdraw button (or the team's block).
  const box = useRef<HTMLDivElement>(null);
  const justApproved = useRef(false);
  useEffect(() => {
    if (!justApproved.current || !approved) return;
    justApproved.current = false;
    const target = box.current?.querySelector<HTMLElement>(`[data-testid="withdraw-${team}"]`) ?? box.current;
    target?.focus();
  }, [approved, team]);
  return (
    <div className={`party-approval party-approval--${team}`} data-testid={`approval-${team}`} ref={box} tabIndex={-1}>
      <div className="party-approval__head">
        <span className={`owner owner--${team}`}>{teamName}</span>
        {approved ? (
          <ApprovedLine record={record} team={team} fmt={fmt} onWithdraw={(by) => void withdrawItem(itemRef, team, by)} people={members} />
        ) : (
          <span className="muted">{t('approvals.approvals.pending')}</span>
        )}
      </div>
      {current ? (
        <div className="changed-since" role="note">
          <p>
            {t('approvals.approvals.changedSince', {
              team: teamName,
              name: current.approval.participantName,
              time: fmt.dateTime(current.approval.approvedAt, current.approval.timeZone),
            })}
          </p>
          {current.changes.map((c) => (
            <WordDiff key={c.field} change={c} />
          ))}
        </div>
      ) : null}
      {!approved ? (
        members.length === 0 ? (
          <p className="muted">{t('approvals.approvals.noParticipant', { team: teamName })}</p>
        ) : (
          <div className="party-approval__act">
            <label className="sr-only" htmlFor={`approver-${itemRef.id}-${team}`}>
              {t('approvals.approvals.as')}
            </label>
            <select id={`approver-${itemRef.id}-${team}`} value={approver?.id} onChange={(e) => setWho(e.target.value)} data-testid={`approver-${team}`}>
              {members.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="primary"
              data-testid={`approve-${team}`}
              onClick={() => {
                if (!approver) return;
                justApproved.current = true;
                void approveItem(itemRef, approver).then((errors) => {
                  setError(errors ? t(`approvals.approvals.error.${firstError(errors)}`) : null);
                  if (errors) justApproved.current = false;
                });
              }}
            >
              {t('approvals.approvals.approveFor', { team: teamName })}
            </button>
          </div>
        )
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ApprovedLine({
  record,
  team,
  fmt,
  onWithdraw,
  people,
}: {
  record: Approval | undefined;
  team: Party;
  fmt: ReturnType<typeof formatters>;
  onWithdraw: (by: Participant) => void;
  people: Participant[];
}) {
  const { t } = useTranslation();
  // Withdrawn on behalf of the approver when still a participant, else of any member of the team.
  const by = people.find((p) => p.id === record?.participantId) ?? people[0];
  return (
    <>
      <span className="approved-line">
        ✓ {record ? t('approvals.approvals.approvedBy', { name: record.participantName, time: fmt.dateTime(record.approvedAt, record.timeZone) }) : null}
      </span>
      {by ? (
        <button type="button" className="link-button" onClick={() => onWithdraw(by)} data-testid={`withdraw-${team}`}>
          {t('approvals.approvals.withdraw')}
        </button>
      ) : null}
    </>
  );
}

function Thread({ root, replies, people, itemRef }: { root: WorkshopComment; replies: WorkshopComment[]; people: Participant[]; itemRef: ItemRef }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const [replying, setReplying] = useState(false);
  const actingAs = people[0];
  return (
    <li className={root.resolved ? 'thread thread--resolved' : 'thread'} data-testid="comment-thread">
      {[root, ...replies].map((c) => (
        <div key={c.id} className={c.parentId ? 'comment comment--reply' : 'comment'}>
          <div className="comment__meta">
            <strong>{c.authorName}</strong> <span className={`owner owner--${c.authorTeam}`}>{t(`teams.${c.authorTeam}`)}</span>{' '}
            <span className="muted">{fmt.dateTime(c.at, c.timeZone)}</span>
          </div>
          <div className="comment__text">{c.text}</div>
        </div>
      ))}
      {root.resolved && root.resolvedBy ? (
        <p className="muted">{t('approvals.comments.resolvedBy', { name: root.resolvedBy, time: root.resolvedAt ? fmt.dateTime(root.resolvedAt) : '' })}</p>
      ) : null}
      <div className="thread__actions">
        {!root.resolved ? (
          <button type="button" className="link-button" onClick={() => setReplying((v) => !v)}>
            {t('approvals.comments.reply')}
          </button>
        ) : null}
        {actingAs ? (
          <button
            type="button"
            className="link-button"
            data-testid={root.resolved ? 'reopen-thread' : 'resolve-thread'}
            onClick={() => resolveThread(root.id, !root.resolved, actingAs)}
          >
            {root.resolved ? t('approvals.comments.reopen') : t('approvals.comments.resolve')}
          </button>
        ) : null}
      </div>
      {replying ? <CommentForm people={people} itemRef={itemRef} parentId={root.id} onDone={() => setReplying(false)} /> : null}
    </li>
  );
}

function CommentForm({ people, itemRef, parentId, onDone }: { people: Participant[]; itemRef: ItemRef; parentId: string | null; onDone?: () => void }) {
  const { t } = useTranslation();
  const [author, setAuthor] = useState(people[0]?.id ?? '');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const idBase = `${itemRef.id}-${parentId ?? 'new'}`;
  const send = () => {
    const who = people.find((p) => p.id === author) ?? people[0];
    if (!who) return;
    const errors = postComment({ id: newId(), kind: itemRef.kind, itemId: itemRef.id, parentId, text }, who);
    if (errors) {
      setError(t(`approvals.comments.error.${firstError(errors)}`));
      return;
    }
    setText('');
    setError(null);
    onDone?.();
  };
  return (
    <div className="comment-form">
      <label className="sr-only" htmlFor={`author-${idBase}`}>
        {t('approvals.comments.author')}
      </label>
      <select id={`author-${idBase}`} value={author} onChange={(e) => setAuthor(e.target.value)} data-testid="comment-author">
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`text-${idBase}`}>
        {parentId ? t('approvals.comments.replyLabel') : t('approvals.comments.new')}
      </label>
      <textarea
        id={`text-${idBase}`}
        rows={2}
        value={text}
        placeholder={parentId ? t('approvals.comments.replyLabel') : t('approvals.comments.new')}
        onChange={(e) => setText(e.target.value)}
        data-testid={parentId ? 'reply-text' : 'comment-text'}
      />
      <button type="button" onClick={send} data-testid={parentId ? 'reply-send' : 'comment-send'}>
        {parentId ? t('approvals.comments.send') : t('approvals.comments.add')}
      </button>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Comment threads of one item: open ones first, resolved ones folded away. */
export function CommentsPanel({ itemRef }: { itemRef: ItemRef }) {
  const { t } = useTranslation();
  const people = useAppStore((s) => s.session!.content.participants);
  const threads = threadsOf(useComments(), itemRef.kind, itemRef.id);
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((th) => !th.root.resolved);
  const resolved = threads.filter((th) => th.root.resolved);
  return (
    <section className="comments-panel" aria-label={t('approvals.comments.title')} data-testid="comments-panel">
      <h4>{t('approvals.comments.title')}</h4>
      {threads.length === 0 ? <p className="muted">{t('approvals.comments.none')}</p> : null}
      <ul className="threads">
        {[...open, ...(showResolved ? resolved : [])].map((th) => (
          <Thread key={th.root.id} root={th.root} replies={th.replies} people={people} itemRef={itemRef} />
        ))}
      </ul>
      {resolved.length > 0 ? (
        <button type="button" className="link-button" onClick={() => setShowResolved((v) => !v)} data-testid="show-resolved">
          {t('approvals.comments.showResolved', { count: resolved.length })}
        </button>
      ) : null}
      {people.length === 0 ? (
        <p className="muted">{t('approvals.comments.noParticipant')}</p>
      ) : (
        <CommentForm people={people} itemRef={itemRef} parentId={null} />
      )}
    </section>
  );
}

/** Approvals of one item by each party. */
export function ApprovalPanel({ state, itemRef }: { state: ItemApprovalState; itemRef: ItemRef }) {
  const { t } = useTranslation();
  const people = useAppStore((s) => s.session!.content.participants);
  return (
    <section className="approval-panel" aria-label={t('approvals.approvals.title')} data-testid="approval-panel">
      <h4>
        {t('approvals.approvals.title')} <StatusBadge state={state} />
      </h4>
      {PARTIES.map((team) => (
        <PartyApproval key={team} state={state} itemRef={itemRef} team={team} people={people} />
      ))}
    </section>
  );
}

/** Approvals and comments of one item, side by side. */
export function ReviewPanel({ state }: { state: ItemApprovalState }) {
  const itemRef = { kind: state.item.kind, id: state.item.id };
  return (
    <div className="review-panel">
      <ApprovalPanel state={state} itemRef={itemRef} />
      <CommentsPanel itemRef={itemRef} />
    </div>
  );
}
