/**
 * The SLA's clause library (features/sla/SlaScreen, ClauseLibrary): a clause
 * already in the SLA is not inserted again without saying so (it names where
 * it is and inserts again only on request), and what it inserts is scrolled
 * into view.
 */
import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { db } from '../../renderer/data/instance';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { closeSession, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { useAppStore } from '../../renderer/store';
import { sampleSessionEachTest } from '../support/sample-session';
import { SlaScreen } from '../../renderer/features/sla/SlaScreen';

sampleSessionEachTest({ after: () => vi.restoreAllMocks() });

const commitments = () => useAppStore.getState().session!.content.sla.commitments;

describe('clause library', () => {
  it('says a clause is already there instead of inserting a duplicate, and inserts it again only when asked', async () => {
    const scrolled: Element[] = [];
    // jsdom does not lay out: record what would scroll into view.
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const user = userEvent.setup();
    render(<SlaScreen />);
    const before = commitments().length;
    // Clause 3, Sales' first-response time: the sample SLA has that commitment already.
    await user.selectOptions(screen.getByTestId('clause-library'), '3');
    expect(screen.getByTestId('clause-duplicate').textContent).toContain(
      '“Tiempo de primera respuesta de Ventas” is already in the SLA: there is an equal commitment.',
    );
    expect(commitments()).toHaveLength(before);

    await user.click(screen.getByTestId('clause-duplicate-show'));
    const existing = commitments().find((c) => c.id === 'c-first-response')!;
    expect(scrolled.at(-1)?.getAttribute('data-commitment-id')).toBe(existing.id);

    await user.click(screen.getByTestId('clause-duplicate-insert'));
    expect(commitments()).toHaveLength(before + 1);
    const added = commitments().at(-1)!;
    await waitFor(() => expect(scrolled.at(-1)?.getAttribute('data-commitment-id')).toBe(added.id));
    expect(screen.queryByTestId('clause-duplicate')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Clause inserted: Tiempo de primera respuesta de Ventas');
  });

  it('inserts a clause that is not there yet, scrolls to its section, and then finds it there', async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    // A workshop whose SLA has no written sections yet.
    closeSession();
    const content = sampleWorkshop('2026-11-30');
    content.sla.sections = {};
    await openSession(db, await createWorkshop(db, content));
    const user = userEvent.setup();
    render(<SlaScreen />);
    // Clause 6 adds handoff text the handoff section does not have yet.
    await user.selectOptions(screen.getByTestId('clause-library'), '6');
    expect(screen.queryByTestId('clause-duplicate')).toBeNull();
    await waitFor(() => expect(scrolled.at(-1)?.querySelector('#sla-h-handoff')).not.toBeNull());
    // Inserting the same clause again now finds it in the section.
    await user.selectOptions(screen.getByTestId('clause-library'), '6');
    expect(screen.getByTestId('clause-duplicate').textContent).toContain('is already in the SLA, in “');
  });
});
