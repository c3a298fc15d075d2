/**
 * Private funnel drafting on the Funnel step (features/funnel/FunnelView):
 * while the teams draw their funnels privately, Marketing's laptop shows the
 * agreed funnel and its own, not Sales' nor Compare, and says why; after the
 * facilitator reveals, every tab is back. A locked funnel section (or a
 * read-only seat, which sets the same context) shows the canvas view-only.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { db } from '../../renderer/data/instance';
import { closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { FunnelView } from '../../renderer/features/funnel/FunnelView';
import { applyAgendaTemplate, revealDrafts, startPrivateDrafting, startWorkshop, nextBlock } from '../../renderer/features/facilitation/actions';
import { setDraftingParty } from '../../renderer/features/facilitation/hooks';
import { SectionLockedContext } from '../../renderer/ui/section-lock';

// React Flow measures its pane; jsdom has no ResizeObserver (the canvas itself is tested in a real browser).
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

beforeAll(async () => {
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResizeObserver;
  await initI18n('en');
});

beforeEach(async () => {
  useAppStore.getState().setLanguage('en');
  const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, id);
  useAppStore.getState().navigate({ screen: 'workshop', id, step: 'funnel' });
});

afterEach(() => {
  cleanup();
  closeSession();
  setDraftingParty(null);
});

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
