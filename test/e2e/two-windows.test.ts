/**
 * Two windows on one workshop (two pages of one browser profile: one
 * database, as two Electron windows) never lose an edit: typing into
 * different fields at once, a field focused in one window while the other
 * edits it (the stale draft must not be written back), one still in a field
 * it typed in (its own text kept there, the other's edit shown once it is
 * left), and both typing into the same field at once (each keeps its own
 * words, never a splice; last writer wins, both converge). Each window
 * sees the other's edits through the database (y-dexie), and everything
 * survives a reload. A workshop deleted in one window is closed in the other.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchPersistent } from '../support/chromium.mjs';
import { currentStep, openApp, openSample, pageErrors, reloadOnStep } from '../support/app';

const url = inject('pactoUrl');
let context: BrowserContext;
let a: Page;
let b: Page;

beforeAll(async () => {
  ({ context } = await launchPersistent());
  a = await openApp(context, url);
  await openSample(a);
  await currentStep(a, 'participants').waitFor();
  // A second window opens where the app last was: the same workshop and step.
  b = await context.newPage();
  await b.goto(url);
  await currentStep(b, 'participants').waitFor();
});

afterAll(async () => {
  await context?.close();
});

const field = (page: Page, row: number, column: 0 | 1): Locator => page.getByTestId('participant-row').nth(row).locator('input').nth(column);
const value = (page: Page, row: number, column: 0 | 1) => () => field(page, row, column).inputValue();
const saved = (page: Page) => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

async function typeAtEnd(page: Page, target: Locator, text: string): Promise<void> {
  await target.click();
  await target.press('End');
  await page.keyboard.type(text);
}

describe('two windows on one workshop', () => {
  it("typing into different fields at once: each window shows the other's typing while typing, and nothing is lost", async () => {
    const nameA = await field(a, 0, 0).inputValue();
    const nameB = await field(b, 1, 0).inputValue();
    await field(a, 0, 0).click();
    await field(a, 0, 0).press('End');
    await field(b, 1, 0).click();
    await field(b, 1, 0).press('End');
    for (const [wordA, wordB] of [
      [' Ruiz', ' Pérez'],
      [' (MKT)', ' (VTS)'],
    ]) {
      await a.keyboard.type(wordA!);
      await b.keyboard.type(wordB!);
    }
    const typedA = `${nameA} Ruiz (MKT)`;
    const typedB = `${nameB} Pérez (VTS)`;
    // Neither field was left: each window's typing reaches the other as it is typed.
    await expect.poll(value(b, 0, 0)).toBe(typedA);
    await expect.poll(value(a, 1, 0)).toBe(typedB);
    await expect(value(a, 0, 0)()).resolves.toBe(typedA);
    await expect(value(b, 1, 0)()).resolves.toBe(typedB);
    await a.keyboard.press('Tab');
    await b.keyboard.press('Tab');
    await saved(a);
    await saved(b);
    for (const page of [a, b]) {
      await reloadOnStep(page, 'participants');
      await expect.poll(value(page, 0, 0)).toBe(typedA);
      await expect.poll(value(page, 1, 0)).toBe(typedB);
    }
  });

  it('a field focused (not typed in) in one window shows the edit made in the other, and leaving it does not write the old text back', async () => {
    // Window A sits in the job-title field of the first row, typing nothing.
    await field(a, 0, 1).click();
    const edited = 'Directora de Marketing y Ventas';
    await field(b, 0, 1).click();
    await field(b, 0, 1).press('Control+a');
    await b.keyboard.type(edited);
    await b.keyboard.press('Tab');
    await saved(b);
    await expect.poll(value(a, 0, 1)).toBe(edited);
    // A leaves the field, then makes an edit of its own; once B has that later edit, any write A made on leaving would be there too.
    await a.keyboard.press('Tab');
    await typeAtEnd(a, field(a, 2, 0), ' M.');
    await a.keyboard.press('Tab');
    await saved(a);
    await expect.poll(value(b, 2, 0)).toMatch(/ M\.$/);
    await expect(value(b, 0, 1)()).resolves.toBe(edited);
    await expect(value(a, 0, 1)()).resolves.toBe(edited);
    await reloadOnStep(b, 'participants');
    await expect.poll(value(b, 0, 1)).toBe(edited);
  });

  it('after its own typing is saved, a window still in the field keeps its text there, shows a later edit from the other window once it leaves, and does not revert it', async () => {
    await typeAtEnd(a, field(a, 3, 1), ' interina');
    await saved(a);
    const fromA = await field(a, 3, 1).inputValue();
    await expect.poll(value(b, 3, 1)).toBe(fromA);
    // A is still in the field; B replaces the text.
    await field(b, 3, 1).click();
    await field(b, 3, 1).press('Control+a');
    await b.keyboard.type('Jefa de Preventa');
    await b.keyboard.press('Tab');
    await saved(b);
    // Still in the field, A's own text (its typing would go on from it); once left, B's later edit.
    await expect(value(a, 3, 1)()).resolves.toBe(fromA);
    await a.keyboard.press('Tab');
    await expect.poll(value(a, 3, 1)).toBe('Jefa de Preventa');
    await typeAtEnd(a, field(a, 2, 0), '.');
    await a.keyboard.press('Tab');
    await saved(a);
    await expect.poll(value(b, 2, 0)).toMatch(/ M\.\.$/);
    await expect(value(b, 3, 1)()).resolves.toBe('Jefa de Preventa');
  });

  it('typing into the same field at once: the last commit wins and both windows end with the same text', async () => {
    const before = await field(a, 4, 1).inputValue();
    await field(a, 4, 1).click();
    await field(a, 4, 1).press('End');
    await field(b, 4, 1).click();
    await field(b, 4, 1).press('End');
    await Promise.all([a.keyboard.type(' desde A, palabra a palabra', { delay: 30 }), b.keyboard.type(' desde B, palabra a palabra', { delay: 30 })]);
    await a.keyboard.press('Tab');
    await b.keyboard.press('Tab');
    await saved(a);
    await saved(b);
    const candidates = [`${before} desde A, palabra a palabra`, `${before} desde B, palabra a palabra`];
    await expect.poll(async () => (await value(a, 4, 1)()) === (await value(b, 4, 1)())).toBe(true);
    const final = await value(a, 4, 1)();
    expect(candidates).toContain(final);
    for (const page of [a, b]) {
      await reloadOnStep(page, 'participants');
      await expect.poll(value(page, 4, 1)).toBe(final);
    }
    expect(pageErrors(a)).toEqual([]);
  });

  it('a workshop deleted in one window is closed in the other, which says so (found by a new-user trial: it went on saving)', async () => {
    await a
      .getByRole('button', { name: /Talleres|Workshops/ })
      .first()
      .click();
    await a.getByRole('heading', { name: 'Talleres', level: 1 }).waitFor();
    await a.getByTestId('workshop-card').first().getByRole('button', { name: 'Eliminar' }).click();
    await a.getByRole('dialog').getByRole('button', { name: 'Eliminar definitivamente' }).click();
    await expect.poll(() => a.getByTestId('workshop-card').count()).toBe(0);
    // The other window, still on the workshop, goes home and tells why.
    await b.getByRole('heading', { name: 'Talleres', level: 1 }).waitFor();
    await expect(b.getByRole('status').filter({ hasText: 'se eliminó en otra ventana' }).textContent()).resolves.toContain('«Acuerdo Marketing–Ventas 2027»');
    await expect(b.getByTestId('workshop-card').count()).resolves.toBe(0);
    expect(pageErrors(b)).toEqual([]);
  });
});
