/**
 * Compare's gap list (features/funnel/Compare): the sample workshop's two
 * team funnels give five gaps, all open; adopting a side marks that gap
 * resolved (how and where) and counts it, one undo opens it again, settling
 * in the SLA adds the draft commitment and resolves it, and Reopen offers
 * the gap's actions again.
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { undo } from '../../renderer/data/session';
import { useAppStore } from '../../renderer/store';
import { Compare } from '../../renderer/features/funnel/Compare';
import { sampleSessionEachTest } from '../support/sample-session';

sampleSessionEachTest({ date: '2026-12-03', step: 'funnel', resizeObserver: true });

const gaps = () => screen.getAllByTestId('gap');
const statuses = () => gaps().map((g) => g.getAttribute('data-status'));
const counts = () => screen.getByTestId('gap-counts').textContent;

describe('Compare’s gap list', () => {
  it('tracks each gap of the sample’s funnels as open or resolved, counted, undoable and reopenable', async () => {
    const user = userEvent.setup();
    render(<Compare />);
    expect(gaps().map((g) => g.getAttribute('data-kind'))).toEqual(['stage-missing', 'owner', 'transition-missing', 'rate', 'days']);
    expect(counts()).toBe('5 open0 resolved');

    await user.click(within(gaps()[3]!).getByTestId('gap-adopt-sales'));
    expect(statuses()).toEqual(['open', 'open', 'open', 'resolved', 'open']);
    expect(counts()).toBe('4 open1 resolved');
    expect(within(gaps()[3]!).getByTestId('gap-resolution').textContent).toMatch(
      /^Resolved: Sales' adopted\. On this laptop \(the facilitator's\), \d\d:\d\d( [AP]M)?\.$/,
    );
    expect(within(gaps()[3]!).queryByTestId('gap-adopt-marketing')).toBeNull();

    act(() => undo());
    expect(counts()).toBe('5 open0 resolved');
    expect(useAppStore.getState().session!.content.funnels.agreed.transitions.find((t) => t.id === 'tr-opportunity-customer')!.conversionRate).toBe(0.25);

    // Settled in the SLA: a draft commitment and the gap resolved, and the SLA step opens.
    const commitments = useAppStore.getState().session!.content.sla.commitments.length;
    await user.click(within(gaps()[4]!).getByTestId('gap-open-sla-item'));
    expect(useAppStore.getState().session!.content.sla.commitments).toHaveLength(commitments + 1);
    expect(useAppStore.getState().route).toMatchObject({ step: 'sla' });
    expect(statuses()[4]).toBe('resolved');
    expect(within(gaps()[4]!).getByTestId('gap-resolution').textContent).toMatch(/^Settled in the SLA\./);

    await user.click(within(gaps()[4]!).getByTestId('gap-reopen'));
    expect(statuses()[4]).toBe('open');
    expect(within(gaps()[4]!).getByTestId('gap-adopt-marketing')).toBeTruthy();
    // Reopening leaves what settling it did: the draft commitment stays.
    expect(useAppStore.getState().session!.content.sla.commitments).toHaveLength(commitments + 1);
  });
});
