/**
 * A full disk while editing: IndexedDB refuses writes with
 * QuotaExceededError. Pacto must say so, keep the edit on screen, lose
 * nothing saved before, and save everything once space is back ("Retry").
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goToStep, launchApp, openSample, reloadOnStep, savedToDisk, shot } from '../support/app';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(inject('pactoUrl')));
});

afterAll(async () => {
  await context?.close();
});

async function openSampleGlossary() {
  await openSample(page);
  await goToStep(page, 'glossary');
  await page.getByTestId('term-item').filter({ hasText: 'SQL' }).first().click();
}

it('shows a message on a full disk, keeps what was saved, and saves the edit after Retry', async () => {
  await openSampleGlossary();
  // The definition is a rich-text editor (contenteditable), saved as it is typed.
  const definition = page.getByTestId('term-definition').locator('[contenteditable="true"]');
  await definition.fill('Definición guardada antes de llenarse el disco.');
  await definition.blur();
  await savedToDisk(page);

  // From now on every IndexedDB write fails as on a full disk.
  await page.evaluate(() => {
    const w = window as unknown as { __realAdd: typeof IDBObjectStore.prototype.add; __realPut: typeof IDBObjectStore.prototype.put };
    w.__realAdd = IDBObjectStore.prototype.add;
    w.__realPut = IDBObjectStore.prototype.put;
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.add = full;
    IDBObjectStore.prototype.put = full;
  });
  await definition.fill('Edición hecha con el disco lleno.');
  await definition.blur();
  const alert = page.locator('.notice--error');
  await alert.waitFor();
  await expect(alert.textContent()).resolves.toMatch(/No queda espacio en el disco/);
  // The header says so too, with the reason; never "Guardado" while the edit is only in memory.
  await expect.poll(() => page.getByTestId('save-status').textContent()).toBe('No guardado: no queda espacio en el disco');
  await expect(definition.textContent()).resolves.toBe('Edición hecha con el disco lleno.');
  await shot(page, '11-storage-full');

  // Space is back: Retry writes the whole document again.
  await page.evaluate(() => {
    const w = window as unknown as { __realAdd: typeof IDBObjectStore.prototype.add; __realPut: typeof IDBObjectStore.prototype.put };
    IDBObjectStore.prototype.add = w.__realAdd;
    IDBObjectStore.prototype.put = w.__realPut;
  });
  await alert.getByRole('button', { name: 'Reintentar' }).click();
  await alert.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Guardado \d{2}:\d{2}$/);

  await reloadOnStep(page, 'glossary');
  await page.getByTestId('term-item').filter({ hasText: 'SQL' }).first().click();
  await expect(page.getByTestId('term-definition').locator('[contenteditable="true"]').textContent()).resolves.toBe('Edición hecha con el disco lleno.');
  // Other terms were not touched.
  await page.getByTestId('term-item').filter({ hasText: 'MQL' }).click();
  await expect(page.getByTestId('term-definition').locator('[contenteditable="true"]').textContent()).resolves.toMatch(/^Lead que cumple los criterios/);
});
