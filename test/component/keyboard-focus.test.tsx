/**
 * Keyboard focus: "+ Add participant" and "+ Add term" put the focus on the
 * new item's first field; "Approve" keeps the focus on the item (its
 * Withdraw button); the rich-text toolbar is one tab stop with arrow keys,
 * Home and End inside (the WAI-ARIA toolbar pattern).
 */
import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useAppStore } from '../../renderer/store';
import { sampleSessionEachTest } from '../support/sample-session';
import { Participants } from '../../renderer/features/participants/Participants';
import { Glossary } from '../../renderer/features/glossary/Glossary';

sampleSessionEachTest();

describe('keyboard focus', () => {
  it('"+ Add participant" focuses the new row’s name field', async () => {
    const user = userEvent.setup();
    render(<Participants />);
    const before = screen.getAllByTestId('participant-row').length;
    await user.click(screen.getByTestId('participant-add'));
    const rows = await screen.findAllByTestId('participant-row');
    expect(rows).toHaveLength(before + 1);
    const name = within(rows.at(-1)!).getAllByRole('textbox')[0]!;
    await waitFor(() => expect(document.activeElement).toBe(name));
    // Typing replaces the placeholder name: it was selected.
    await user.keyboard('Ana Ruiz{Enter}');
    expect(useAppStore.getState().session!.content.participants.at(-1)!.name).toBe('Ana Ruiz');
  });

  it('"+ Add term" focuses the new term’s name field', async () => {
    const user = userEvent.setup();
    render(<Glossary />);
    await user.click(screen.getByTestId('term-add'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('term-name')));
    expect((screen.getByTestId('term-name') as HTMLInputElement).value).toBe('New term');
  });

  it('"Approve" keeps the focus on the item, on its Withdraw button', async () => {
    const user = userEvent.setup();
    render(<Glossary />);
    await user.click(screen.getByTestId('approve-marketing'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('withdraw-marketing')));
  });

  it('the rich-text toolbar is one tab stop with arrow keys inside', async () => {
    const user = userEvent.setup();
    render(<Glossary />);
    const toolbar = (await screen.findAllByRole('toolbar'))[0]!;
    const buttons = within(toolbar).getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(2);
    expect(buttons.map((b) => b.tabIndex)).toEqual(buttons.map((_, i) => (i === 0 ? 0 : -1)));
    buttons[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(buttons[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(buttons.at(-1));
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(buttons[0]);
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(buttons.at(-1));
    // The tab stop follows the last button reached.
    expect(buttons.filter((b) => b.tabIndex === 0)).toEqual([buttons.at(-1)]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(buttons[0]);
  });
});
