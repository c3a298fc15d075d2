/**
 * The room screens in the built renderer, in Chromium, with a fake room
 * bridge behind the page's browser room bridge (test/support/fake-room-bridge.ts):
 * "Open the room" (network picker, then the open room with code, QR code,
 * queue and seats), "Join a room" (found rooms, who you are, an unreachable
 * room's hints, waiting), and the header strip (room open, reconnecting),
 * at 1440x900 and 1280x720 in Spanish and English. Each is screenshotted to
 * test-artifacts/e2e/room-*.png and checked with axe-core (every rule,
 * colour contrast included); the dialogs keep focus inside, close on Escape
 * and give focus back to the button that opened them.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/chromium.mjs';
import { openApp, openSample, pageErrors, shot } from '../support/app';
import { axeViolations } from '../support/axe';
import { createFakeRoomBridge, serveFakeRoom, type FakeRoom } from '../support/fake-room-bridge';
import { DISCOVERED, GUEST_ADMITTED, GUEST_RECONNECTING, GUEST_WAITING, HOSTED, INTERFACES, ROOM_INFO } from '../support/room-fixtures';

const url = inject('pactoUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function openPage(language: 'es' | 'en', size: { width: number; height: number }, fake: FakeRoom): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: language === 'es' ? 'es-ES' : 'en-US', timezoneId: 'Europe/Madrid' });
  const page = await context.newPage();
  await serveFakeRoom(page, fake);
  await openApp(context, url);
  await page.getByTestId('ui-language').selectOption(language);
  return page;
}

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

describe('room screens, looked at', () => {
  for (const language of ['es', 'en'] as const) {
    for (const size of SIZES) {
      const tag = `${language}-${size.width}x${size.height}`;

      it(`facilitator: network picker, open room, header (${tag})`, async () => {
        const fake = createFakeRoomBridge({ interfaces: { ok: true, value: INTERFACES }, open: { ok: true, value: HOSTED } });
        const page = await openPage(language, size, fake);
        await openSample(page);
        const opener = page.getByTestId('room-open');
        await opener.click();
        const dialog = page.locator('dialog[open]');
        await dialog.getByTestId('room-interface-192.168.1.20').waitFor();
        // Focus starts inside the dialog, on the chosen network; Tab stays inside (the page behind is inert).
        expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
        // Tab never reaches the page behind (it may pass through the browser's own UI, where nothing in the page has focus).
        const outside: string[] = [];
        for (let i = 0; i < 14; i++) {
          await page.keyboard.press('Tab');
          const where = await page.evaluate(() => {
            const el = document.activeElement;
            return !el || el === document.body || el.closest('dialog[open]') ? null : el.outerHTML.slice(0, 80);
          });
          if (where) outside.push(where);
        }
        expect(outside).toEqual([]);
        expect(await axeViolations(page, { within: 'dialog[open]' })).toEqual([]);
        await shot(page, `room-open-picker-${tag}`);
        // Escape closes it and gives focus back to the button.
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
        expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

        await opener.click();
        await page.getByTestId('room-open-submit').click();
        await dialog.getByTestId('room-code').waitFor();
        expect(await dialog.getByTestId('room-qr').evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
        expect(await axeViolations(page, { within: 'dialog[open]' })).toEqual([]);
        await shot(page, `room-host-panel-${tag}`);
        await page.keyboard.press('Escape');
        await page.getByTestId('room-strip').waitFor();
        expect(await page.getByTestId('room-connection').getAttribute('data-connection')).toBe('host');
        expect(await axeViolations(page, { within: '[data-testid="room-strip"]' })).toEqual([]);
        await shot(page, `room-header-host-${tag}`);
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      });

      it(`participant: found rooms, who you are, unreachable, waiting, header (${tag})`, async () => {
        const fake = createFakeRoomBridge({
          discovered: DISCOVERED,
          check: { ok: false, error: { code: 'unreachable', message: 'EHOSTUNREACH' } },
          join: { ok: true, value: GUEST_WAITING },
        });
        const page = await openPage(language, size, fake);
        const opener = page.getByTestId('room-join');
        await opener.click();
        const dialog = page.locator('dialog[open]');
        await dialog.getByTestId('room-found').waitFor();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('room-address');
        await dialog.getByTestId('room-found-pacto-w-sample').click();
        await page.keyboard.type('K7QM-2XPA-9RTD-WF3H-8MNB');
        await page.keyboard.press('Enter');
        await dialog.getByTestId('room-error').waitFor();
        expect(await axeViolations(page, { within: 'dialog[open]' })).toEqual([]);
        await shot(page, `room-join-unreachable-${tag}`);

        fake.answer({ check: { ok: true, value: ROOM_INFO } });
        await dialog.getByTestId('room-check').click();
        await dialog.getByTestId('room-who-p-jorge').waitFor();
        expect(await axeViolations(page, { within: 'dialog[open]' })).toEqual([]);
        await shot(page, `room-join-who-${tag}`);
        await dialog.getByTestId('room-who-p-jorge').check();
        await dialog.getByTestId('room-ask').click();
        await dialog.getByTestId('room-waiting-guest').waitFor();
        expect(await axeViolations(page, { within: 'dialog[open]' })).toEqual([]);
        await shot(page, `room-join-waiting-${tag}`);

        await fake.emit({ type: 'state', room: GUEST_ADMITTED });
        await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
        await fake.emit({ type: 'state', room: GUEST_RECONNECTING });
        await expect.poll(() => page.getByTestId('room-connection').getAttribute('data-connection')).toBe('reconnecting');
        expect(await axeViolations(page, { within: '[data-testid="room-strip"]' })).toEqual([]);
        await shot(page, `room-header-reconnecting-${tag}`);
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
