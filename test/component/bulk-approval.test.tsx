/**
 * Bulk approval (features/approvals/BulkApproval): "Approve all unchanged
 * items for Marketing" lists what Marketing would approve, leaves out items
 * that changed since Marketing's older approval, approves the rest in one
 * transaction and records each item in the audit trail.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { approvableItems } from '../../shared/agreement/approvals';
import { readApprovals } from '../../shared/domain/approvals-doc';
import { APPROVALS_ORIGIN } from '../../shared/domain/doc-edit';
import { db } from '../../renderer/data/instance';
import { readAudit } from '../../renderer/data/audit';
import { activeDoc, closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { BulkApproval } from '../../renderer/features/approvals/BulkApproval';
import { useApprovalStates } from '../../renderer/features/approvals/review-data';
import { approveItem } from '../../renderer/features/approvals/actions';
import { editTerm } from '../../renderer/features/glossary/actions';

beforeAll(async () => {
  await initI18n('en');
});

let workshopId = '';
beforeEach(async () => {
  useAppStore.getState().setLanguage('en');
  workshopId = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, workshopId);
});

afterEach(() => {
  cleanup();
  closeSession();
});

/** The glossary's terms with their live approval states, as the Glossary screen passes them. */
function TermsBulk() {
  const states = useApprovalStates().filter((s) => s.item.kind === 'term');
  return <BulkApproval states={states} />;
}

describe('bulk approval', () => {
  it('lists the unchanged items, approves them for Marketing in one transaction and audits each one', async () => {
    // Term 1 has no definition: nothing to approve it for, so it is not in the bulk either.
    const blank = sampleWorkshop('2026-11-30');
    blank.terms[1]!.definition = '   ';
    closeSession();
    workshopId = await createWorkshop(db, blank);
    await openSession(db, workshopId);
    const terms = useAppStore.getState().session!.content.terms;
    const lucia = useAppStore.getState().session!.content.participants.find((p) => p.id === 'p-lucia')!;
    // Term 0 approved by Marketing, then renamed: changed since approval, so left for a one-by-one review.
    expect(await approveItem({ kind: 'term', id: terms[0]!.id }, lucia)).toBeNull();
    expect(editTerm(terms[0]!.id, { name: `${terms[0]!.name} (rev.)` })).toBeNull();
    const user = userEvent.setup();
    render(<TermsBulk />);
    const content = useAppStore.getState().session!.content;
    const expected = approvableItems(content)
      .filter((i) => i.kind === 'term' && i.id !== terms[0]!.id && i.id !== terms[1]!.id)
      .map((i) => i.label);
    expect(screen.getByTestId('bulk-approve-marketing').textContent).toBe(`Approve all unchanged items for Marketing (${expected.length})`);

    await user.click(screen.getByTestId('bulk-approve-marketing'));
    const dialog = screen.getByTestId('bulk-approval-dialog-marketing');
    const listed = within(within(dialog).getByTestId('bulk-approval-list'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual(expected.map((name) => `Term ${name}`));
    await user.selectOptions(within(dialog).getByTestId('bulk-approver'), 'p-diego');

    let transactions = 0;
    const count = (tr: { origin: unknown }) => void (tr.origin === APPROVALS_ORIGIN && transactions++);
    activeDoc()!.on('afterTransaction', count);
    await user.click(within(dialog).getByTestId('bulk-approval-confirm'));
    await waitFor(() => expect(screen.queryByTestId('bulk-approval-dialog-marketing')).toBeNull());
    activeDoc()!.off('afterTransaction', count);
    expect(transactions).toBe(1);

    const marketing = readApprovals(activeDoc()!).filter((a) => a.team === 'marketing');
    expect(
      marketing
        .filter((a) => a.participantId === 'p-diego')
        .map((a) => a.itemId)
        .sort(),
    ).toEqual(
      terms
        .slice(2)
        .map((t) => t.id)
        .sort(),
    );
    // The renamed term keeps Lucía's older approval: bulk approval did not approve a changed item unseen.
    expect(marketing.find((a) => a.itemId === terms[0]!.id)?.participantId).toBe('p-lucia');
    expect(readApprovals(activeDoc()!).filter((a) => a.team === 'sales')).toEqual([]);

    const audited = (await readAudit(db, workshopId)).filter((e) => e.type === 'approved' && e.actor.name === 'Diego Salgado Núñez');
    expect(audited.map((e) => e.details['label'])).toEqual(expected);
    expect(screen.getByTestId('bulk-approve-marketing').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('bulk-approve-sales').hasAttribute('disabled')).toBe(false);
  });

  it('approves nothing when cancelled', async () => {
    const user = userEvent.setup();
    render(<TermsBulk />);
    await user.click(screen.getByTestId('bulk-approve-sales'));
    await user.click(within(screen.getByTestId('bulk-approval-dialog-sales')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('bulk-approval-dialog-sales')).toBeNull();
    expect(readApprovals(activeDoc()!)).toEqual([]);
  });
});
