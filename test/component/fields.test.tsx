import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { COMMIT_DELAY_MS, NumberField, TextField } from '../../renderer/ui/fields';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
});

describe('NumberField (percent)', () => {
  it('reads "35,5" as the fraction 0.355 and commits it', async () => {
    const onCommit = vi.fn(() => null);
    render(<NumberField label="Tasa" kind="percent" value={0.25} onCommit={onCommit} />);
    const input = screen.getByLabelText('Tasa');
    expect(input).toHaveProperty('value', '25');
    await userEvent.clear(input);
    await userEvent.type(input, '35,5{Enter}');
    expect(onCommit).toHaveBeenCalledWith(0.355);
  });

  it.each(['abc', '', '12abc'])('shows a message at the field for %j and commits nothing', async (typed) => {
    const onCommit = vi.fn(() => null);
    render(<NumberField label="Tasa" kind="percent" value={0.25} onCommit={onCommit} />);
    const input = screen.getByLabelText('Tasa');
    await userEvent.clear(input);
    if (typed) await userEvent.type(input, typed);
    await userEvent.tab();
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/porcentaje/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the domain error the commit returns, keeps the typed text, and Escape restores the saved value', async () => {
    render(<NumberField label="Tasa" kind="percent" value={0.25} onCommit={() => 'rate'} />);
    const input = screen.getByLabelText('Tasa');
    await userEvent.clear(input);
    await userEvent.type(input, '120{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('La tasa debe estar entre 0 % y 100 %.');
    expect(input).toHaveProperty('value', '120');
    await userEvent.type(input, '{Escape}');
    expect(input).toHaveProperty('value', '25');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a refused value', () => {
  it('stays on screen with its error when the field is left after the commit timer refused it (typing paused before leaving)', async () => {
    const onCommit = vi.fn(() => 'rate');
    render(<NumberField label="Tasa" kind="percent" value={0.25} onCommit={onCommit} />);
    const input = screen.getByLabelText('Tasa');
    await userEvent.clear(input);
    await userEvent.type(input, '120');
    // The pause: the commit timer commits what was typed, and the commit refuses it.
    expect((await screen.findByRole('alert')).textContent).toBe('La tasa debe estar entre 0 % y 100 %.');
    await userEvent.tab();
    expect(screen.getByRole('alert').textContent).toBe('La tasa debe estar entre 0 % y 100 %.');
    expect(input).toHaveProperty('value', '120');
    // What was refused last is the whole typed value (120 %), however the timer cut the typing.
    expect(onCommit).toHaveBeenLastCalledWith(1.2);
  });
});

describe('TextField', () => {
  it('commits on blur and follows the saved value afterwards', async () => {
    const onCommit = vi.fn(() => null);
    const { rerender } = render(<TextField label="Nombre" value="Lucía" onCommit={onCommit} />);
    const input = screen.getByLabelText('Nombre');
    await userEvent.type(input, ' F.');
    await userEvent.tab();
    expect(onCommit).toHaveBeenCalledWith('Lucía F.');
    rerender(<TextField label="Nombre" value="Lucía (deshecho)" onCommit={onCommit} />);
    expect(input).toHaveProperty('value', 'Lucía (deshecho)');
  });

  it('does not commit when nothing changed', async () => {
    const onCommit = vi.fn(() => null);
    render(<TextField label="Nombre" value="Lucía" onCommit={onCommit} />);
    await userEvent.click(screen.getByLabelText('Nombre'));
    await userEvent.tab();
    expect(onCommit).not.toHaveBeenCalled();
  });
});

/**
 * Commit as typed: at most COMMIT_DELAY_MS after the first keystroke not yet
 * saved, without a blur; invalid text stays on screen, marked, unsaved; a
 * field only commits what was typed in it, and a change from elsewhere
 * replaces what it shows unless the user has typing there not yet committed.
 */
describe('fields commit as they are typed', () => {
  // Synchronous events (fireEvent): user-event and Testing Library's async helpers wait on timers that fake timers stop.
  const later = (ms: number) => act(() => vi.advanceTimersByTime(ms));
  const user = {
    click: (el: HTMLElement) => fireEvent.focus(el),
    tab: () => {
      const el = document.activeElement as HTMLElement;
      fireEvent.blur(el);
      el.blur();
    },
    clear: (el: HTMLElement) => {
      el.focus();
      fireEvent.focus(el);
      fireEvent.change(el, { target: { value: '' } });
    },
    type: (el: HTMLElement, text: string) => {
      if (document.activeElement !== el) {
        el.focus();
        fireEvent.focus(el);
      }
      const input = el as HTMLInputElement;
      for (const part of text.match(/\{[A-Za-z]+\}|./gu) ?? []) {
        if (part === '{Escape}') fireEvent.keyDown(input, { key: 'Escape' });
        else if (part === '{Backspace}') fireEvent.change(input, { target: { value: input.value.slice(0, -1) } });
        else fireEvent.change(input, { target: { value: input.value + part } });
      }
    },
  };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  /** A text field over a saved value that the commit trims, as the workshop's names are. */
  function SavedName(props: { initial: string; onCommit?: (v: string) => void; external?: { current: ((v: string) => void) | null } }) {
    const [value, setValue] = useState(props.initial);
    if (props.external) props.external.current = setValue;
    return (
      <TextField
        label="Nombre"
        value={value}
        onCommit={(v) => {
          if (v.trim() === '') return 'required';
          props.onCommit?.(v);
          setValue(v.trim());
          return null;
        }}
      />
    );
  }

  it(`commits ${COMMIT_DELAY_MS} ms after the first keystroke not yet saved, with no blur, and never later while typing goes on`, async () => {
    expect(COMMIT_DELAY_MS).toBeLessThanOrEqual(300);
    const onCommit = vi.fn(() => null);
    render(<TextField label="Nombre" value="Lucía" onCommit={onCommit} />);
    const input = screen.getByLabelText('Nombre');
    user.type(input, ' F');
    expect(onCommit).not.toHaveBeenCalled();
    later(COMMIT_DELAY_MS - 1);
    expect(onCommit).not.toHaveBeenCalled();
    later(1);
    expect(onCommit).toHaveBeenLastCalledWith('Lucía F');
    // Typing on without a pause: each keystroke is saved at most COMMIT_DELAY_MS later.
    user.type(input, '.');
    later(COMMIT_DELAY_MS / 2);
    user.type(input, ' O');
    later(COMMIT_DELAY_MS / 2);
    expect(onCommit).toHaveBeenLastCalledWith('Lucía F. O');
    expect(onCommit).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(input);
  });

  it('keeps the typed text on screen after its commit though the saved value reads differently (trimmed, formatted)', async () => {
    render(<SavedName initial="Lucía" />);
    const input = screen.getByLabelText('Nombre');
    user.type(input, ' ');
    later(COMMIT_DELAY_MS);
    // Saved as "Lucía"; the space the user is typing stays.
    expect(input).toHaveProperty('value', 'Lucía ');
    user.type(input, 'F');
    later(COMMIT_DELAY_MS);
    expect(input).toHaveProperty('value', 'Lucía F');

    const onRate = vi.fn(() => null);
    render(<NumberField label="Tasa" kind="percent" value={0.35} onCommit={onRate} />);
    const rate = screen.getByLabelText('Tasa');
    user.clear(rate);
    user.type(rate, '40,');
    later(COMMIT_DELAY_MS);
    expect(onRate).toHaveBeenLastCalledWith(0.4);
    expect(rate).toHaveProperty('value', '40,');
    user.type(rate, '5');
    later(COMMIT_DELAY_MS);
    expect(onRate).toHaveBeenLastCalledWith(0.405);
  });

  it('keeps an invalid value on screen, marked with its message, commits nothing, and saves once it is valid', async () => {
    const onCommit = vi.fn(() => null);
    render(<NumberField label="Tasa" kind="percent" value={0.25} onCommit={onCommit} />);
    const input = screen.getByLabelText('Tasa');
    user.clear(input);
    user.type(input, '3x');
    later(COMMIT_DELAY_MS);
    expect(onCommit).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', '3x');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Escriba un porcentaje, por ejemplo 35 o 35,5.');
    user.type(input, '{Backspace}5');
    later(COMMIT_DELAY_MS);
    expect(onCommit).toHaveBeenCalledWith(0.35);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a change made elsewhere to a field focused but not typed in, and leaving it commits nothing (no stale value written back)', async () => {
    const onCommit = vi.fn();
    const external = { current: null as ((v: string) => void) | null };
    render(<SavedName initial="Lucía" onCommit={onCommit} external={external} />);
    const input = screen.getByLabelText('Nombre');
    user.click(input);
    act(() => external.current!('Lucía (otra ventana)'));
    expect(input).toHaveProperty('value', 'Lucía (otra ventana)');
    user.tab();
    later(COMMIT_DELAY_MS);
    expect(onCommit).not.toHaveBeenCalled();
    expect(input).toHaveProperty('value', 'Lucía (otra ventana)');
  });

  it('after its own commit, a field still being edited keeps its text; a later change made elsewhere shows once it is left, and nothing is written back', async () => {
    const onCommit = vi.fn();
    const external = { current: null as ((v: string) => void) | null };
    render(<SavedName initial="Lucía" onCommit={onCommit} external={external} />);
    const input = screen.getByLabelText('Nombre');
    user.type(input, ' F.');
    later(COMMIT_DELAY_MS);
    expect(onCommit).toHaveBeenCalledTimes(1);
    act(() => external.current!('Lucía Fernández'));
    expect(input).toHaveProperty('value', 'Lucía F.');
    user.tab();
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(input).toHaveProperty('value', 'Lucía Fernández');
  });

  it('typing on after a change arrived from elsewhere goes on from its own text, never a splice of both (last writer wins)', async () => {
    const onCommit = vi.fn();
    const external = { current: null as ((v: string) => void) | null };
    render(<SavedName initial="Lucía" onCommit={onCommit} external={external} />);
    const input = screen.getByLabelText('Nombre');
    user.type(input, ' F');
    later(COMMIT_DELAY_MS);
    expect(onCommit).toHaveBeenLastCalledWith('Lucía F');
    // The other window, typing into the same field, commits its own text between two keystrokes of this one.
    act(() => external.current!('Lucía desde B'));
    user.type(input, 'e');
    later(COMMIT_DELAY_MS);
    expect(onCommit).toHaveBeenLastCalledWith('Lucía Fe');
    expect(input).toHaveProperty('value', 'Lucía Fe');
  });

  it('text typed and not yet committed stays when a change arrives from elsewhere, and is committed next (last writer wins)', async () => {
    const onCommit = vi.fn();
    const external = { current: null as ((v: string) => void) | null };
    render(<SavedName initial="Lucía" onCommit={onCommit} external={external} />);
    const input = screen.getByLabelText('Nombre');
    user.type(input, ' O');
    act(() => external.current!('Lucía Fernández'));
    expect(input).toHaveProperty('value', 'Lucía O');
    later(COMMIT_DELAY_MS);
    expect(onCommit).toHaveBeenLastCalledWith('Lucía O');
  });

  it('commits what was typed when the field goes away before its delay (the screen changed without a blur)', async () => {
    const onCommit = vi.fn(() => null);
    const { unmount } = render(<TextField label="Nombre" value="Lucía" onCommit={onCommit} />);
    user.type(screen.getByLabelText('Nombre'), ' F');
    unmount();
    expect(onCommit).toHaveBeenCalledWith('Lucía F');
  });

  it('Escape drops text not yet saved and shows the saved value', async () => {
    const onCommit = vi.fn(() => null);
    render(<TextField label="Nombre" value="Lucía" onCommit={onCommit} />);
    const input = screen.getByLabelText('Nombre');
    user.type(input, ' X{Escape}');
    expect(input).toHaveProperty('value', 'Lucía');
    later(COMMIT_DELAY_MS);
    user.tab();
    expect(onCommit).not.toHaveBeenCalled();
  });
});
