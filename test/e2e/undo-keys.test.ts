/**
 * What Ctrl+Z means around text fields, in real Chromium: while typing in a
 * field, the browser's own text undo; once the field is left (Tab, Enter),
 * the workshop's history — so undo after tabbing to the next field undoes the
 * saved edit and the screen shows what is saved, never a value only the
 * browser restored. Fields save as they are typed, but the typing in one
 * field, from entering it to leaving it, is one undo step.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchApp, openSample, pageErrors, reloadOnStep } from '../support/app';

const url = inject('pactoUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
  await openSample(page);
  await page.getByTestId('participant-row').first().waitFor();
});

afterAll(async () => {
  await context?.close();
});

const nameField = (row: number): Locator => page.getByTestId('participant-row').nth(row).locator('input').first();
const titleField = (row: number): Locator => page.getByTestId('participant-row').nth(row).locator('input').nth(1);
const undoButton = () => page.getByRole('button', { name: /Deshacer/ });

describe('Ctrl+Z around text fields', () => {
  it('after Tab to the next field, undoes the committed edit in the workshop, and redo brings it back', async () => {
    const original = await nameField(0).inputValue();
    await nameField(0).fill('Lucía Ortega Ruiz');
    await nameField(0).press('Tab');
    await expect.poll(() => undoButton().isEnabled()).toBe(true);
    await expect(page.evaluate(() => document.activeElement === document.querySelectorAll('[data-testid="participant-row"] input')[1])).resolves.toBe(true);

    await page.keyboard.press('Control+z');
    await expect.poll(() => nameField(0).inputValue()).toBe(original);
    await expect.poll(() => undoButton().isEnabled()).toBe(false);
    // Leaving the focused field writes nothing new: the undone edit stays undone after a reload.
    await titleField(0).press('Tab');
    await reloadOnStep(page, 'participants');
    await expect.poll(() => nameField(0).inputValue()).toBe(original);

    await nameField(0).fill('Lucía Ortega Ruiz');
    await nameField(0).press('Tab');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nameField(0).inputValue()).toBe(original);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nameField(0).inputValue()).toBe('Lucía Ortega Ruiz');
  });

  it('while typing in a field, undoes the typing and leaves the workshop history alone', async () => {
    const before = await titleField(1).inputValue();
    const undoWasEnabled = await undoButton().isEnabled();
    await titleField(1).click();
    await titleField(1).press('End');
    await page.keyboard.type(' interina');
    await expect(titleField(1).inputValue()).resolves.toBe(`${before} interina`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => titleField(1).inputValue()).toBe(before);
    // Nothing of the workshop was undone: the previous test's redone name is still there.
    await expect(nameField(0).inputValue()).resolves.toBe('Lucía Ortega Ruiz');
    await expect(undoButton().isEnabled()).resolves.toBe(undoWasEnabled);
    expect(pageErrors(page)).toEqual([]);
  });

  it('typing saved piece by piece while in the field undoes in one step once the field is left', async () => {
    const saved = () => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    const before = await nameField(2).inputValue();
    await nameField(2).click();
    await nameField(2).press('End');
    await page.keyboard.type(' Ruiz');
    await saved();
    await page.keyboard.type(' Prieto');
    await saved();
    await nameField(2).press('Tab');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nameField(2).inputValue()).toBe(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nameField(2).inputValue()).toBe(`${before} Ruiz Prieto`);
    expect(pageErrors(page)).toEqual([]);
  });
});
