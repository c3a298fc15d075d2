// Two cards of the same workshop (the sample and the same workshop opened from
// a .pacto file as a copy) must be told apart: each card names the file it is
// linked to (or says it has none) and when it was last edited.
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Home } from '../../renderer/features/workshops/Home';
import { formatters, initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { db } from '../../renderer/data/instance';
import { setFileLink } from '../../renderer/data/file-links';
import type { WorkshopRow } from '../../renderer/data/db';
import { createWorkshop } from '../../renderer/data/workshops';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { startWorkshopLayer } from '../../renderer/start';

/** The index row of the sample workshop created as `id`, last edited at `updatedAt` (ISO). */
async function sampleRow(id: string, updatedAt: string): Promise<WorkshopRow> {
  await createWorkshop(db, sampleWorkshop('2026-11-20'), id);
  await db.workshops.update(id, { updatedAt });
  return (await db.workshops.get(id))!;
}

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
});

describe('workshop cards', () => {
  it('show the linked file and the last edit, so identical workshops can be told apart', async () => {
    await setFileLink(db, 'opened', { path: '/home/ana/acuerdo-acme.pacto', name: 'acuerdo-acme.pacto', at: '2026-11-30T10:00:00Z', fingerprint: null });
    useAppStore.getState().setWorkshops([await sampleRow('sample', '2026-11-28T09:15:00Z'), await sampleRow('opened', '2026-11-30T10:00:00Z')]);
    render(<Home />);
    // The linked file is read with the workshop layer, which the app starts after the list's first paint.
    await startWorkshopLayer();
    await waitFor(
      () => expect(screen.getAllByTestId('workshop-card-file').map((e) => e.textContent)).toEqual(['Sin archivo guardado', 'Archivo: acuerdo-acme.pacto']),
      { timeout: 15_000 },
    );
    const fmt = formatters('es');
    expect(screen.getAllByTestId('workshop-card-edited').map((e) => e.textContent)).toEqual([
      `Editado: ${fmt.time('2026-11-28T09:15:00Z')}`,
      `Editado: ${fmt.time('2026-11-30T10:00:00Z')}`,
    ]);
  });

  it('refuse a rename past the length bound with a message, keeping the title and what was typed', async () => {
    useAppStore.getState().setWorkshops([await sampleRow('long', '2026-11-28T09:15:00Z')]);
    render(<Home />);
    await userEvent.click(screen.getByRole('button', { name: 'Renombrar' }));
    const field = screen.getByLabelText('Título');
    const long = 'x'.repeat(201);
    await userEvent.clear(field);
    await userEvent.click(field);
    await userEvent.paste(long);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect((await screen.findByRole('alert', {}, { timeout: 15_000 })).textContent).toBe('Como máximo 200 caracteres.');
    expect((field as HTMLInputElement).value).toBe(long);
    expect((await db.workshops.get('long'))!.title).toBe(sampleWorkshop('2026-11-20').meta.title);
  });
});
