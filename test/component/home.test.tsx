import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Home } from '../../renderer/features/workshops/Home';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { db } from '../../renderer/data/instance';

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
  useAppStore.getState().setWorkshops([]);
});

describe('new workshop form', () => {
  it('refuses an empty title and company at the fields and creates nothing', async () => {
    render(<Home />);
    await userEvent.click(screen.getByRole('button', { name: '+ Nuevo taller' }));
    // The form is its own chunk, loaded when it opens (here: transformed on first use, slow on a busy machine).
    await userEvent.click(await screen.findByRole('button', { name: 'Crear taller' }, { timeout: 15_000 }));
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['Este campo es obligatorio.', 'Este campo es obligatorio.']);
    expect(await db.workshops.count()).toBe(0);
  });

  it('refuses a title past the length bound at its field, keeping what was typed', async () => {
    render(<Home />);
    await userEvent.click(screen.getByRole('button', { name: '+ Nuevo taller' }));
    const title = await screen.findByLabelText('Título', {}, { timeout: 15_000 });
    const long = 'Taller '.repeat(40);
    await userEvent.click(title);
    await userEvent.paste(long);
    await userEvent.type(screen.getByLabelText('Empresa'), 'Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Crear taller' }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Como máximo 200 caracteres.']);
    expect((title as HTMLInputElement).value).toBe(long);
    expect(await db.workshops.count()).toBe(0);
  });

  it('creates a workshop with the standard glossary in its language and opens it', async () => {
    render(<Home />);
    await userEvent.click(screen.getByRole('button', { name: '+ Nuevo taller' }));
    await userEvent.type(await screen.findByLabelText('Título', {}, { timeout: 15_000 }), 'Kick-off SLA');
    await userEvent.type(screen.getByLabelText('Empresa'), 'Acme Andina');
    await userEvent.selectOptions(screen.getByLabelText('Idioma del acuerdo'), 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Crear taller' }));
    // Creating writes the document and its index to IndexedDB (fake-indexeddb): slow on a busy machine.
    await waitFor(() => expect(useAppStore.getState().route.screen).toBe('workshop'), { timeout: 15_000 });
    const rows = await db.workshops.toArray();
    expect(rows.map((r) => [r.title, r.company, r.language])).toEqual([['Kick-off SLA', 'Acme Andina', 'en']]);
  });
});
