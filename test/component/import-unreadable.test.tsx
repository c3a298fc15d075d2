// The import screen on a file with nothing to read (empty, a PDF, random
// bytes): it says what the file is, with no "columns not recognised" format
// and no delimiter or date order guessed from nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportScreen } from '../../renderer/features/import/ImportScreen';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { newWorkshopContent } from '../../shared/sample/standard-content';

const content = newWorkshopContent({ title: 'Taller', company: 'Acme', date: '2026-11-20', currency: 'EUR', language: 'es', pageSize: 'A4' });

beforeAll(async () => {
  await initI18n('es');
  useAppStore.getState().setLanguage('es');
});

const random = new Uint8Array(512).map((_, i) => (i * 7919 + 13) % 256);

describe('import of a file that is not a table', () => {
  it.each([
    ['vacio.csv', new Uint8Array(), 'El archivo está vacío.'],
    ['informe.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'El archivo no es de texto sino un documento PDF'],
    ['datos.bin', random, 'El archivo no es de texto sino datos binarios'],
  ])('%s: says what the file is and guesses no reading', async (name, bytes, said) => {
    render(<ImportScreen content={content} onClose={() => {}} />);
    // As a file dropped on the screen: the picker's accept filter does not apply.
    await userEvent.setup({ applyAccept: false }).upload(screen.getByTestId('import-file'), new File([bytes], name));
    expect((await screen.findByTestId('import-unreadable')).textContent).toContain(said);
    const results = screen.getByTestId('import-results').textContent ?? '';
    expect(results).not.toMatch(/separador|Formato|Lectura|no se reconocen/);
    expect(screen.getByTestId('import-confirm')).toHaveProperty('disabled', true);
  });
});
