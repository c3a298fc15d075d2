import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NumberField, TextField } from '../../renderer/ui/fields';
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
