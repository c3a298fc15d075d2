/**
 * Bulk approval: "Approve all unchanged items for Marketing" (and Sales).
 * Opens a dialog listing every item the team would approve (those it has not
 * approved and that did not change since an older approval of its own),
 * asks who approves, and approves them all in one intent (`approveItems`),
 * each one recorded in the audit trail.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemApprovalState } from '../../../shared/agreement/approvals';
import { PARTIES, type Party } from '../../../shared/domain/workshop';
import { useAppStore } from '../../store';
import { firstError } from '../../ui/fields';
import { approveItems, unchangedPendingItems } from './actions';

/** The review-and-confirm dialog for one team; closes itself after approving or on cancel. */
function BulkApprovalDialog({ team, items, onClose }: { team: Party; items: ItemApprovalState[]; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const members = useAppStore((s) => s.session!.content.participants).filter((p) => p.team === team);
  const [who, setWho] = useState(members[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const teamName = t(`teams.${team}`);
  useEffect(() => {
    const d = dialog.current;
    // jsdom has no showModal; the open attribute shows it there.
    if (d && typeof d.showModal === 'function') d.showModal();
    else d?.setAttribute('open', '');
  }, []);
  const confirm = async () => {
    const approver = members.find((p) => p.id === who) ?? members[0];
    if (!approver) return;
    setBusy(true);
    const errors = await approveItems(
      items.map((s) => ({ kind: s.item.kind, id: s.item.id })),
      approver,
    );
    setBusy(false);
    if (errors) setError(t(`approvals.approvals.error.${firstError(errors)}`));
    else onClose();
  };
  return (
    <dialog
      ref={dialog}
      className="dialog bulk-approval"
      aria-labelledby={`bulk-approval-title-${team}`}
      data-testid={`bulk-approval-dialog-${team}`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`bulk-approval-title-${team}`}>{t('approvals.bulk.title', { team: teamName })}</h2>
      <p>{t('approvals.bulk.intro', { count: items.length, team: teamName })}</p>
      <ul className="bulk-approval__list" data-testid="bulk-approval-list" tabIndex={0} aria-label={t('approvals.bulk.listLabel')}>
        {items.map((s) => (
          <li key={`${s.item.kind}:${s.item.id}`}>
            <span className="muted">{t(`approvals.bulk.kind.${s.item.kind}`)}</span> {s.item.label}
          </li>
        ))}
      </ul>
      <label className="field">
        <span className="field__label">{t('approvals.approvals.as')}</span>
        <select value={who} onChange={(e) => setWho(e.target.value)} data-testid="bulk-approver">
          {members.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button type="button" onClick={onClose}>
          {t('approvals.bulk.cancel')}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void confirm()} data-testid="bulk-approval-confirm">
          {t('approvals.bulk.confirm', { count: items.length, team: teamName })}
        </button>
      </div>
    </dialog>
  );
}

/**
 * One button per party, "Approve all unchanged items for <team>", over the
 * items of `states` (the screen's terms or clauses). A team's button is
 * disabled when it has nothing to approve or no participant to approve with.
 */
export function BulkApproval({ states }: { states: ItemApprovalState[] }) {
  const { t } = useTranslation();
  const people = useAppStore((s) => s.session!.content.participants);
  const [open, setOpen] = useState<{ team: Party; items: ItemApprovalState[] } | null>(null);
  return (
    <div className="bulk-approval-bar" data-testid="bulk-approval">
      {PARTIES.map((team) => {
        const items = unchangedPendingItems(states, team);
        const hasMember = people.some((p) => p.team === team);
        return (
          <button
            key={team}
            type="button"
            disabled={items.length === 0 || !hasMember}
            title={!hasMember ? t('approvals.approvals.noParticipant', { team: t(`teams.${team}`) }) : undefined}
            onClick={() => setOpen({ team, items })}
            data-testid={`bulk-approve-${team}`}
          >
            {t('approvals.bulk.button', { team: t(`teams.${team}`), count: items.length })}
          </button>
        );
      })}
      {open ? <BulkApprovalDialog team={open.team} items={open.items} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}
