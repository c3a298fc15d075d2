/**
 * The workshops home in real Chromium: the interface in English, rename
 * (an empty or too long title refused at the field, a long one wrapped in
 * its card), duplicate, delete only after
 * confirming, and a new workshop in English with the standard glossary in
 * its language. Everything survives a reload.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goToStep, launchApp, pageErrors, shot } from '../support/app';

const url = inject('pactoUrl');
const SAMPLE = 'Acuerdo Marketing–Ventas 2027';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
});

afterAll(async () => {
  await context?.close();
});

const cards = () => page.getByTestId('workshop-card');
const card = (title: string) => cards().filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const titles = async () => (await cards().getByRole('heading').allTextContents()).map((s) => s.trim()).sort();

async function reloadHome(): Promise<void> {
  await page.reload();
  await page.getByRole('heading', { name: /Talleres|Workshops/ }).waitFor();
}

describe('workshops home', () => {
  it('switches the interface to English and keeps it after a reload', async () => {
    await page.getByTestId('ui-language').selectOption('en');
    await page.getByRole('heading', { name: 'Workshops' }).waitFor();
    await reloadHome();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Workshops');
    await expect(card(SAMPLE).textContent()).resolves.toContain('Draft');
    await shot(page, 'home-en');
  });

  it('refuses an empty title when renaming, then renames, and the new title survives a reload', async () => {
    await card(SAMPLE).getByRole('button', { name: 'Rename' }).click();
    const input = page.getByLabel('Title', { exact: true });
    await input.fill('   ');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('This field is required.');
    await expect(titles()).resolves.toEqual([]); // the card is in edit mode: no heading while renaming
    await input.fill('Acuerdo 2027 · revisado');
    await page.getByRole('button', { name: 'Save' }).click();
    await card('Acuerdo 2027 · revisado').waitFor();
    await reloadHome();
    await expect(titles()).resolves.toEqual(['Acuerdo 2027 · revisado']);
  });

  it('wraps a title at the length bound inside its card, and refuses a longer one', async () => {
    const longest = 'Revenue'.repeat(29) + 'Kickoff'; // 210 characters without a space: cut to the bound below
    const atBound = longest.slice(0, 200);
    await card('Acuerdo 2027 · revisado').getByRole('button', { name: 'Rename' }).click();
    const input = page.getByLabel('Title', { exact: true });
    await input.fill(longest);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('At most 200 characters.');
    await expect(input.inputValue()).resolves.toBe(longest);
    await input.fill(atBound);
    await page.getByRole('button', { name: 'Save' }).click();
    const long = card(atBound);
    await long.waitFor();
    // The card and its buttons stay inside the window: the title wraps instead of widening the card.
    const viewport = page.viewportSize()!;
    const box = (await long.boundingBox())!;
    const open = (await long.getByRole('button', { name: 'Open' }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(open.x + open.width).toBeLessThanOrEqual(box.x + box.width);
    await shot(page, 'home-long-title');
    await long.getByRole('button', { name: 'Rename' }).click();
    await input.fill('Acuerdo 2027 · revisado');
    await page.getByRole('button', { name: 'Save' }).click();
    await card('Acuerdo 2027 · revisado').waitFor();
  });

  it('duplicates a workshop with its content', async () => {
    await card('Acuerdo 2027 · revisado').getByRole('button', { name: 'Duplicate' }).click();
    await card('Acuerdo 2027 · revisado (copy)').waitFor();
    await expect(titles()).resolves.toEqual(['Acuerdo 2027 · revisado', 'Acuerdo 2027 · revisado (copy)']);
    await card('Acuerdo 2027 · revisado (copy)').getByRole('button', { name: 'Open' }).click();
    await page.locator('#screen-title').waitFor();
    await expect(page.getByTestId('participant-row').count()).resolves.toBe(5);
    await goToStep(page, 'glossary');
    await expect(page.locator('.workshop__body').textContent()).resolves.toContain('Lead calificado por marketing');
    await page
      .getByRole('button', { name: /Workshops|Pacto/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Workshops' }).waitFor();
  });

  it('deletes only after confirmation, and cancel keeps the workshop', async () => {
    const copy = card('Acuerdo 2027 · revisado (copy)');
    await copy.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the workshop?' });
    await expect(dialog.textContent()).resolves.toContain('cannot be undone');
    await shot(page, 'home-confirm-delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(titles()).resolves.toHaveLength(2);
    await copy.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete permanently' }).click();
    await expect.poll(titles).toEqual(['Acuerdo 2027 · revisado']);
    await reloadHome();
    await expect(titles()).resolves.toEqual(['Acuerdo 2027 · revisado']);
  });

  it('creates a workshop in English with the standard glossary in English', async () => {
    await page.getByRole('button', { name: '+ New workshop' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Revenue alignment kick-off');
    await page.getByLabel('Company', { exact: true }).fill('Acme Andina');
    await page.getByLabel('Agreement language').selectOption('en');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.locator('#screen-title').waitFor();
    await goToStep(page, 'glossary');
    await expect(page.locator('.workshop__body').textContent()).resolves.toContain('Marketing qualified lead');
    expect(pageErrors(page)).toEqual([]);
  });
});
