/**
 * Fields save as they are typed, in real Chromium: text typed into a field
 * and never left (no blur, no Enter) is there after a reload; a reload and a
 * restart return to the workshop and step that were open; the header says
 * "Guardado HH:MM" once everything is on disk. Screenshots of the header at
 * 1440×900 and 1280×720 go to test-artifacts/e2e/.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchPersistent } from '../support/chromium.mjs';
import { ARTIFACTS, currentStep, E2E_WAIT_MS, goToStep, launchApp, openSample, pageErrors, reloadOnStep } from '../support/app';

const url = inject('pactoUrl');
let context: BrowserContext;
let userDataDir: string;
let page: Page;

beforeAll(async () => {
  ({ context, page, userDataDir } = await launchApp(url));
  await openSample(page);
  await page.getByTestId('participant-row').first().waitFor();
});

afterAll(async () => {
  await context?.close();
});

const status = (p: Page = page) => p.getByTestId('save-status');
/** Waits until the header says everything is on disk (typing pending or a write under way say "Guardando…"). */
const saved = (p: Page = page) => p.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

describe('fields save as they are typed', () => {
  it('a number typed and never left is there after a reload, which returns to the open step', async () => {
    await goToStep(page, 'targets');
    const target = page.getByTestId('revenue-target');
    await target.click();
    await target.press('Control+a');
    await page.keyboard.type('1.500.000');
    // The field still has focus: nothing was committed by a blur or Enter.
    await expect(target.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await saved();
    await expect(status().textContent()).resolves.toMatch(/^Guardado \d{2}:\d{2}$/);

    await reloadOnStep(page, 'targets');
    await expect(page.getByTestId('revenue-target').inputValue()).resolves.toBe('1.500.000');
  });

  it('a name typed and never left is there after a restart, which returns to the open workshop and step', async () => {
    await goToStep(page, 'participants');
    const name = page.getByTestId('participant-row').nth(2).locator('input').first();
    await name.click();
    await name.press('End');
    await page.keyboard.type(' Prieto');
    await saved();
    const typed = await name.inputValue();
    expect(typed).toMatch(/ Prieto$/);

    await context.close();
    ({ context } = await launchPersistent(userDataDir));
    // The suite's one bound on a wait, as openApp sets it for every other context (not a retry).
    context.setDefaultTimeout(E2E_WAIT_MS);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await currentStep(page, 'participants').waitFor();
    await expect.poll(() => page.getByTestId('participant-row').nth(2).locator('input').first().inputValue()).toBe(typed);
    await expect(status().textContent()).resolves.toMatch(/^Guardado \d{2}:\d{2}$/);
    expect(pageErrors(page)).toEqual([]);
  });

  it('shows the save status in the header (screenshots at 1440×900 and 1280×720)', async () => {
    await goToStep(page, 'glossary');
    await saved();
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await expect(status().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `save-status-${width}x${height}.png`) });
    }
    await page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => status().textContent()).toMatch(/^Saved \d{2}:\d{2}\s?(AM|PM)?$/);
    await page.screenshot({ path: join(ARTIFACTS, 'save-status-1280x720-en.png') });
    await page.getByTestId('ui-language').selectOption('es');
  });
});
