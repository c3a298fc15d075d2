/**
 * Private funnel drafting on the Funnel step (features/funnel/FunnelView):
 * while the teams draw their funnels privately, Marketing's laptop shows the
 * agreed funnel and its own, not Sales' nor Compare, and says why; after the
 * facilitator reveals, every tab is back. A locked funnel section (or a
 * read-only seat, which sets the same context) shows the canvas view-only.
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { FunnelView } from '../../renderer/features/funnel/FunnelView';
import { applyAgendaTemplate, revealDrafts, startPrivateDrafting, startWorkshop, nextBlock } from '../../renderer/features/facilitation/actions';
import { setDraftingParty } from '../../renderer/features/facilitation/hooks';
import { SectionLockedContext } from '../../renderer/ui/section-lock';
import { sampleSessionEachTest } from '../support/sample-session';

sampleSessionEachTest({ step: 'funnel', resizeObserver: true, after: () => setDraftingParty(null) });

const tabs = () => screen.getAllByRole('tab').map((t) => t.getAttribute('data-testid'));

describe('the funnel step during private funnel drafting', () => {
  it('hides the other team’s funnel and Compare until the reveal', () => {
    setDraftingParty('marketing');
    render(<FunnelView />);
    expect(tabs()).toEqual(['funnel-tab-agreed', 'funnel-tab-marketing', 'funnel-tab-sales', 'funnel-tab-compare']);
    act(() => {
      applyAgendaTemplate('standard-3h');
      startWorkshop();
      nextBlock(); // "Each team draws its funnel (private)"
      expect(startPrivateDrafting()).toBeNull();
    });
    expect(tabs()).toEqual(['funnel-tab-agreed', 'funnel-tab-marketing']);
    expect(screen.getByTestId('funnel-private').textContent).toContain('The teams draw their funnels privately');
    act(() => setDraftingParty(null));
    // The projector (no team) sees only the agreed funnel.
    expect(tabs()).toEqual(['funnel-tab-agreed']);
    act(() => {
      expect(revealDrafts(false)).toBeNull();
    });
    expect(tabs()).toHaveLength(4);
    expect(screen.queryByTestId('funnel-private')).toBeNull();
  });
});

describe('the funnel step in a locked section', () => {
  it('shows the canvas view-only under the section lock, editable without it', () => {
    const { container, unmount } = render(
      <SectionLockedContext.Provider value={true}>
        <FunnelView />
      </SectionLockedContext.Provider>,
    );
    const canvas = () => container.querySelector('.funnel-canvas');
    expect(canvas()?.classList.contains('funnel-canvas--view')).toBe(true);
    unmount();
    const open = render(<FunnelView />);
    expect(open.container.querySelector('.funnel-canvas')?.classList.contains('funnel-canvas--view')).toBe(false);
  });
});
