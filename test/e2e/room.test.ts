/**
 * A room in real Chromium: three browser contexts (three laptops, each with
 * its own database) run the real renderer; the facilitator's laptop opens a
 * room for the sample workshop with a real code, two others join with it and
 * take it (same workshop id, nothing of theirs seeded), and then, through
 * y-websocket's provider over the room socket and the host module on
 * loopback:
 * - a field typed on one laptop shows on the others as it is typed, a stage
 *   renamed on the canvas and rich text typed in the glossary too, both ways;
 * - everyone sees who is in the room, a stage another laptop has selected in
 *   that laptop's colour, and another laptop's caret with its name;
 * - a laptop cut off keeps editing; back on, both sides' edits merge and
 *   nothing is duplicated;
 * - when the room closes, every laptop keeps the whole workshop (reload).
 *
 * Behind each page is its own instance of the app's room module in Node
 * (`electron/main/room`, as main runs it: pinned TLS on 127.0.0.1, code,
 * admission, ping, reconnect; `test/support/room-main.ts`, each laptop
 * dialling through its own loopback proxy so it can leave the network); a
 * page reaches it only through its bridge (`test/support/room-browser.ts`),
 * as the app's window reaches main through the preload.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { currentStep, goToStep, openSample, pageErrors, shot } from '../support/app';
import { joinAndAdmit, openRoomAs, roomControl, roomLaptopsForFile, roomView, type Joiner } from '../support/room-e2e';

const url = inject('pactoUrl');
/** Three laptops, each with its own database and room module. */
const room = roomLaptopsForFile(url, [{ name: 'lucia' }, { name: 'jorge' }, { name: 'sofia' }]);
/** Lucía hosts (facilitator); Jorge and Sofía join. */
let lucia: Page;
let jorge: Page;
let sofia: Page;

const peers = (page: Page) => roomControl<{ name: string; team: string; color: string; step: string | null; self: boolean }[]>(page, 'peers');

/** `page` joins Lucía's room as `who`; it did not know the room's workshop before (its own sample has another id). */
async function join(page: Page, who: Joiner): Promise<void> {
  expect((await joinAndAdmit(lucia, page, who)).local).toBe('new');
  await currentStep(page, 'participants').waitFor();
}

const participantName = (page: Page, row: number): Locator => page.getByTestId('participant-row').nth(row).locator('input').first();
const stageName = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"] .stage-node__name`);
const count = (page: Page, selector: string) => () => page.locator(selector).count();

beforeAll(async () => {
  lucia = room.page('lucia');
  jorge = room.page('jorge');
  sofia = room.page('sofia');
  await openSample(lucia);
  await currentStep(lucia, 'participants').waitFor();
});

describe('a room of three laptops', () => {
  it('opens on the facilitator\u2019s laptop and the others join and take its workshop', async () => {
    await openRoomAs(lucia, { name: 'Lucía', team: 'marketing', participantId: 'p-lucia' });
    // The typed code: certificate fingerprint, secret and check (shared/room/join-code.ts).
    expect((await roomView(lucia)).room?.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await expect.poll(async () => (await roomView(lucia)).link).toBe('synced');
    await join(jorge, { name: 'Jorge', team: 'sales', participantId: 'p-jorge' });
    await join(sofia, { name: 'Sofía', team: 'sales', participantId: 'p-sofia' });
    // The same participants on every laptop: the host's document, not each laptop's own sample.
    for (const page of [jorge, sofia]) await expect.poll(() => participantName(page, 0).inputValue()).toBe(await participantName(lucia, 0).inputValue());
  });

  it('shows who is in the room on every laptop, with name, team, colour and step', async () => {
    for (const page of [lucia, jorge, sofia]) {
      await expect.poll(async () => (await peers(page)).map((p) => p.name).sort()).toEqual(['Jorge', 'Lucía', 'Sofía']);
    }
    const seen = await peers(lucia);
    expect(seen.find((p) => p.self)?.name).toBe('Lucía');
    expect(seen.find((p) => p.name === 'Jorge')).toMatchObject({ team: 'sales', step: 'participants', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    // Each person has one colour, the same on every laptop (it comes from their laptop's id: two people may share one,
    // 1 in 12, so the test does not ask for them to differ).
    const colours = async (page: Page) => Object.fromEntries((await peers(page)).map((p) => [p.name, p.color]));
    const byLucia = await colours(lucia);
    for (const page of [jorge, sofia]) expect(await colours(page)).toEqual(byLucia);
    // The header with who is in the room, looked at in both languages and both screen sizes.
    const strip = lucia.getByTestId('room-strip');
    for (const language of ['en', 'es'] as const) {
      await lucia.getByTestId('ui-language').selectOption(language);
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1440, height: 900 },
      ]) {
        await lucia.setViewportSize(size);
        await expect.poll(() => strip.getByText('Jorge').count()).toBeGreaterThan(0);
        await shot(lucia, `room-header-people-${language}-${size.width}x${size.height}`);
      }
    }
  });

  it('carries a field as it is typed, both ways', async () => {
    const field = participantName(jorge, 1);
    await field.click();
    await field.press('End');
    await jorge.keyboard.type(' (Ventas)');
    // Still in the field: the others see the typing (committed as typed), not only after leaving it.
    await expect.poll(() => participantName(lucia, 1).inputValue()).toMatch(/\(Ventas\)$/);
    await expect.poll(() => participantName(sofia, 1).inputValue()).toMatch(/\(Ventas\)$/);
    await jorge.keyboard.press('Tab');
    await participantName(lucia, 2).fill('Carmen Peña (CEO)');
    await participantName(lucia, 2).blur();
    await expect.poll(() => participantName(jorge, 2).inputValue()).toBe('Carmen Peña (CEO)');
  });

  it('carries a stage renamed on the canvas, and shows the stage another laptop selected in its colour', async () => {
    for (const page of [lucia, jorge]) await goToStep(page, 'funnel');
    await stageName(jorge, 'stage-sal').dblclick();
    const rename = jorge.getByTestId('stage-rename');
    await rename.fill('SAL acordado');
    await rename.press('Enter');
    await expect.poll(() => stageName(lucia, 'stage-sal').textContent()).toBe('SAL acordado');
    // Jorge's selection (the stage he renamed) shows on Lucía's canvas with his name.
    await jorge.locator('.react-flow__node[data-id="stage-sql"]').click();
    const mark = lucia.locator('.react-flow__node[data-id="stage-sql"]').getByTestId('stage-presence');
    await expect.poll(() => mark.textContent()).toBe('Jorge');
    await shot(lucia, 'room-canvas-presence');
    await expect.poll(async () => (await peers(lucia)).find((p) => p.name === 'Jorge')?.step).toBe('funnel');
  });

  it('carries rich text with the other laptop\u2019s caret and name', async () => {
    for (const page of [lucia, jorge]) {
      await goToStep(page, 'glossary');
      await page.getByTestId('term-item').filter({ hasText: 'MQL' }).first().click();
    }
    const editor = (page: Page) => page.getByTestId('term-definition').locator('.ProseMirror');
    await editor(jorge).click();
    await jorge.keyboard.press('Control+End');
    await jorge.keyboard.type(' Acordado en la sala.');
    await expect.poll(() => editor(lucia).textContent()).toContain('Acordado en la sala.');
    await expect.poll(() => lucia.getByTestId('term-definition').locator('.rt-caret__label').allTextContents()).toContain('Jorge');
    await shot(lucia, 'room-rich-text-caret');
    await editor(lucia).click();
    await lucia.keyboard.press('Control+End');
    await lucia.keyboard.type(' Visto bueno.');
    await expect.poll(() => editor(jorge).textContent()).toContain('Visto bueno.');
  });

  it('lets a laptop that drops off keep editing, and merges both sides on its return with nothing duplicated', async () => {
    for (const page of [lucia, sofia]) await goToStep(page, 'glossary');
    const terms = await lucia.getByTestId('term-item').count();
    room.host.laptop('sofia').setOnline(false);
    await expect.poll(async () => (await roomView(sofia)).link).toBe('offline');
    // Sofía's presence is gone from Lucía's laptop at once (her socket closed), not after a timeout.
    await expect.poll(async () => (await peers(lucia)).map((p) => p.name)).not.toContain('Sofía');
    // Both add a term while apart.
    await sofia.getByTestId('term-add').click();
    await sofia.getByTestId('term-name').last().fill('Término sin red');
    await sofia.getByTestId('term-name').last().blur();
    await lucia.getByTestId('term-add').click();
    await lucia.getByTestId('term-name').last().fill('Término de la sala');
    await lucia.getByTestId('term-name').last().blur();
    await expect.poll(count(sofia, '[data-testid="term-item"]')).toBe(terms + 1);
    room.host.laptop('sofia').setOnline(true);
    await expect.poll(async () => (await roomView(sofia)).link).toBe('synced');
    for (const page of [lucia, jorge, sofia]) {
      await goToStep(page, 'glossary');
      // Each new term once, on every laptop; the earlier terms not doubled.
      await expect.poll(count(page, '[data-testid="term-item"]')).toBe(terms + 2);
      await expect
        .poll(() => page.getByTestId('term-item').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringContaining('Término sin red'), expect.stringContaining('Término de la sala')]));
    }
    await expect.poll(async () => (await peers(lucia)).map((p) => p.name)).toContain('Sofía');
  });

  it('closes: every laptop keeps the whole workshop', async () => {
    expect(await roomControl<{ ok: boolean }>(lucia, 'closeRoom')).toMatchObject({ ok: true });
    for (const page of [jorge, sofia]) {
      await expect.poll(async () => (await roomView(page)).ended).toBe('closed');
      expect((await roomView(page)).room).toBeNull();
    }
    for (const page of [lucia, jorge, sofia]) {
      await page.reload();
      await currentStep(page, 'glossary').waitFor();
      await expect
        .poll(() => page.getByTestId('term-item').allTextContents())
        .toEqual(expect.arrayContaining([expect.stringContaining('Término sin red'), expect.stringContaining('Término de la sala')]));
      await goToStep(page, 'participants');
      await expect.poll(() => participantName(page, 1).inputValue()).toMatch(/\(Ventas\)$/);
      await expect.poll(() => participantName(page, 2).inputValue()).toBe('Carmen Peña (CEO)');
    }
    for (const page of [lucia, jorge, sofia]) expect(pageErrors(page)).toEqual([]);
  });
});
