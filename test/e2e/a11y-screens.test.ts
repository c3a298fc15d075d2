/**
 * Every screen, looked at and checked with axe-core, in Spanish and English:
 * the workshops home, each step of the sample workshop (the funnel's Compare
 * tab too) and the bulk-approval dialog. Each is screenshotted at 1440x900
 * and 1280x720 to test-artifacts/e2e/screen-*.png, and must have no serious
 * or critical axe violation at either size (colour contrast included), nor
 * a field that clips its text (`clippedFields`).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { goToStep, launchApp, openSample, pageErrors, settled, shot } from '../support/app';
import { axeViolations } from '../support/axe';
import { clippedFields } from '../support/clipped';

const url = inject('pactoUrl');
const STEPS = ['agenda', 'participants', 'funnel', 'glossary', 'sla', 'targets', 'sign', 'export', 'versions'] as const;
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** Screenshots the current screen at both sizes as `screen-<name>-<language>-<size>` and returns its violations at each, prefixed with the size. */
async function lookAt(page: Page, name: string, language: string): Promise<string[]> {
  const found: string[] = [];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settled(page);
    const tag = `${size.width}x${size.height}`;
    await shot(page, `screen-${name}-${language}-${tag}`);
    found.push(...(await axeViolations(page, { within: 'html', impacts: ['serious', 'critical'] })).map((v) => `${name} ${tag} ${v}`));
    found.push(...(await clippedFields(page)).map((f) => `${name} ${tag} clipped field ${f}`));
  }
  return found;
}

for (const language of ['es', 'en'] as const) {
  describe(`every screen in ${language}`, () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await launchApp(url));
      await page.getByTestId('ui-language').selectOption(language);
    });

    afterAll(async () => {
      await context?.close();
    });

    it('has no serious or critical axe violation on home, each step and the dialogs', async () => {
      const found: string[] = [];
      found.push(...(await lookAt(page, 'home', language)));
      await openSample(page);
      for (const step of STEPS) {
        await goToStep(page, step);
        found.push(...(await lookAt(page, step, language)));
        if (step === 'funnel') {
          await page.getByTestId('funnel-tab-compare').click();
          await page.locator('#funnel-tabpanel[aria-labelledby="funnel-tab-compare"]').waitFor();
          found.push(...(await lookAt(page, 'funnel-compare', language)));
        }
        if (step === 'glossary') {
          await page.getByTestId('bulk-approve-marketing').click();
          await page.getByTestId('bulk-approval-dialog-marketing').waitFor();
          found.push(...(await lookAt(page, 'bulk-approval', language)));
          await page.keyboard.press('Escape');
          await page.getByTestId('bulk-approval-dialog-marketing').waitFor({ state: 'detached' });
        }
      }
      expect(found).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
    });
  });
}
