/**
 * Facilitating across laptops in real Chromium: two browser contexts (two
 * laptops, each its own database) run the real renderer and meet in a room
 * through the app's own room module on loopback (`test/support/room-main.ts`):
 * Lucía (Marketing) hosts and so facilitates; Jorge (Sales) joins, and his
 * laptop's clock runs 4 minutes slow. Then:
 * - the timer the facilitator starts shows the same time left on Jorge's
 *   laptop (the room clock: the host stamps its clock into awareness, the
 *   guest estimates its offset; without it he would be 4 minutes off);
 * - "bring everyone here" takes Jorge's screen to the facilitator's step,
 *   and keeps it following; presenter mode on his laptop at 1280×720 in
 *   type no smaller than the stated minimums;
 * - private drafting: each team sees only its own draft until the
 *   facilitator reveals; Jorge has no reveal, no vote close, no unlock;
 * - a dot vote each casts at his own seat, with results by team; a decision
 *   linked to a gap and a parked question, seen on both laptops; a lock;
 * - the host enforces the lock: Jorge's edit made offline, arriving after the
 *   lock, is taken back on both laptops and his screen says why;
 * - the agreement PDF, signed on the facilitator's laptop, lists the
 *   decision and the follow-up (read with pdfjs).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, currentStep, EXPORT_WAIT_MS, freezeSignAndExport, goToStep, openSample, pageErrors, settled, shot } from '../support/app';
import { joinAndAdmit, openRoomAs, roomLaptopsForFile, roomView } from '../support/room-e2e';
import { pdfPageTexts } from '../support/pdf';
import { expectPresenterReadable } from '../support/presenter';

const url = inject('pactoUrl');
/** Jorge's clock: 4 minutes behind the host's. */
const JORGE_SKEW_MS = -240_000;
/** Two laptops, each with its own database and room module; Jorge's clock is skewed. */
const room = roomLaptopsForFile(url, [{ name: 'lucia' }, { name: 'jorge', skewMs: JORGE_SKEW_MS }], {
  contextOptions: { acceptDownloads: true, locale: 'es-ES' },
  defaultTimeoutMs: EXPORT_WAIT_MS,
});
let lucia: Page;
let jorge: Page;

/** The timer's time left as shown (`m:ss`, a leading minus when over), in seconds. */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.getByTestId('timer-digits').textContent()) ?? '';
  const m = /^(-?)(\d+):(\d\d)$/.exec(text.trim());
  if (!m) throw new Error(`The timer shows "${text}", not m:ss`);
  return (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

beforeAll(async () => {
  lucia = room.page('lucia');
  jorge = room.page('jorge');
  await openSample(lucia);
  await currentStep(lucia, 'participants').waitFor();
});

describe('facilitating two teams in a room', () => {
  it('opens the room on the facilitator’s laptop; the other team’s laptop joins', async () => {
    await openRoomAs(lucia, { name: 'Lucía', team: 'marketing', participantId: 'p-lucia' });
    await joinAndAdmit(lucia, jorge, { name: 'Jorge', team: 'sales', participantId: 'p-jorge' });
  });

  it('runs the facilitator’s timer on the guest’s laptop with the same time left, though his clock is 4 minutes slow', async () => {
    await goToStep(lucia, 'agenda');
    await lucia.getByTestId('agenda-template').selectOption('standard-3h');
    await lucia.getByTestId('agenda-apply-template').click();
    await lucia.getByTestId('agenda-start-workshop').click();
    await jorge.getByTestId('timer-digits').waitFor();
    // Jorge's laptop really reads a clock 4 minutes slow.
    expect((await jorge.evaluate(() => Date.now())) - Date.now()).toBeLessThan(JORGE_SKEW_MS + 10_000);
    // Sampled a moment apart and shown to the second: within 2 s of each other (the skew is 240 s).
    await expect.poll(async () => Math.abs((await shownSeconds(jorge)) - (await shownSeconds(lucia)))).toBeLessThanOrEqual(2);
    expect(await shownSeconds(jorge)).toBeGreaterThan(0);
    // The guest sees the time but has none of the facilitator's timer controls.
    expect(await jorge.getByTestId('timer-pause').count()).toBe(0);
    expect(await jorge.getByTestId('timer-add-five').count()).toBe(0);
  });

  it('brings everyone to the facilitator’s step, and the guest keeps following', async () => {
    await goToStep(lucia, 'glossary');
    await lucia.getByTestId('bring-everyone').click();
    await currentStep(jorge, 'glossary').waitFor();
    expect(await jorge.getByTestId('follow-toggle').isChecked()).toBe(true);
    await goToStep(lucia, 'sla');
    await currentStep(jorge, 'sla').waitFor();
    // Only the facilitator brings everyone.
    expect(await jorge.getByTestId('bring-everyone').count()).toBe(0);
  });

  it('shows presenter mode on the guest’s laptop at 1280×720 in type readable from the back', async () => {
    await jorge.setViewportSize({ width: 1280, height: 720 });
    await jorge.getByTestId('presenter-open').click();
    const presenter = jorge.getByTestId('presenter');
    await presenter.waitFor();
    await expect.poll(() => presenter.getByTestId('presenter-block').textContent()).not.toBe('');
    await jorge.screenshot({ path: join(ARTIFACTS, 'facil-room-presenter-1280x720-es.png') });
    // Readable from the back, and everything fits the projector's 1280×720 without scrolling.
    await expectPresenterReadable(presenter);
    await jorge.getByTestId('presenter-close').click();
    await jorge.setViewportSize({ width: 1440, height: 900 });
  });

  it('drafts privately: each team sees only its own draft until the facilitator reveals; the guest cannot reveal', async () => {
    await lucia.getByTestId('panel-toggle').click();
    await lucia.getByTestId('facil-tab-private').click();
    const glossaryBlock = await lucia
      .getByTestId('private-block')
      .locator('option', { hasText: /glosario/i })
      .first()
      .getAttribute('value');
    await lucia.getByTestId('private-block').selectOption(glossaryBlock!);
    await lucia.getByTestId('private-start').click();
    await jorge.getByTestId('panel-toggle').click();
    await jorge.getByTestId('facil-tab-private').click();
    await jorge.getByTestId('private-drafting').waitFor();
    // Each laptop drafts as its seat's team (no "draft as" in a room).
    expect(await jorge.getByTestId('draft-as').count()).toBe(0);
    await expect.poll(() => jorge.getByTestId('my-draft').textContent()).toContain('Ventas');
    await lucia.getByTestId('draft-text').first().fill('Lead con 60 puntos que pidió una demo');
    await lucia.getByTestId('draft-text').first().blur();
    await jorge.getByTestId('draft-text').first().fill('Lead con presupuesto y un proyecto en marcha');
    await jorge.getByTestId('draft-text').first().blur();
    // Both drafts are in the room's document (progress counts them), yet neither laptop shows the other team's.
    for (const page of [lucia, jorge]) {
      await expect.poll(() => page.getByTestId('facil-progress-marketing').textContent()).toContain('1 elemento redactado');
      await expect.poll(() => page.getByTestId('facil-progress-sales').textContent()).toContain('1 elemento redactado');
    }
    expect(await jorge.getByTestId('facilitation-panel').textContent()).not.toContain('Lead con 60 puntos');
    expect(await lucia.getByTestId('facilitation-panel').textContent()).not.toContain('Lead con presupuesto');
    await shot(jorge, 'facil-room-private-guest-es');
    // Only the facilitator ends private mode.
    expect(await jorge.getByTestId('private-reveal').count()).toBe(0);
    await lucia.getByTestId('private-reveal').click();
    for (const page of [lucia, jorge]) {
      await expect.poll(() => page.getByTestId('drafts-side-by-side').textContent()).toContain('Lead con 60 puntos que pidió una demo');
      await expect.poll(() => page.getByTestId('drafts-side-by-side').textContent()).toContain('Lead con presupuesto y un proyecto en marcha');
    }
  });

  it('runs a dot vote each laptop casts at its own seat, with results by team; only the facilitator closes it', async () => {
    for (const page of [lucia, jorge]) await page.getByTestId('panel-close').click();
    // Sales drops a stage from its own funnel on Jorge's laptop, so Compare has gaps.
    await goToStep(lucia, 'funnel');
    await currentStep(jorge, 'funnel').waitFor();
    await jorge.getByTestId('funnel-tab-sales').click();
    const salesNodes = jorge.getByTestId('funnel-canvas').locator('.react-flow__node');
    await expect.poll(() => salesNodes.count()).toBeGreaterThan(3);
    await settled(jorge);
    const stages = await salesNodes.count();
    await salesNodes.nth(2).click();
    await salesNodes.nth(2).focus();
    await jorge.keyboard.press('Delete');
    await expect.poll(() => salesNodes.count()).toBe(stages - 1);

    await goToStep(lucia, 'sla');
    await currentStep(jorge, 'sla').waitFor();
    await lucia.getByTestId('panel-toggle').click();
    await lucia.getByTestId('facil-tab-votes').click();
    await lucia.getByTestId('vote-question').fill('¿Qué diferencia resolvemos primero?');
    await expect.poll(() => lucia.getByTestId('facilitation-panel').textContent()).toContain('Diferencia del embudo');
    await lucia.getByTestId('vote-target').nth(0).check();
    await lucia.getByTestId('vote-target').nth(1).check();
    await lucia.getByTestId('vote-open').click();
    await jorge.getByTestId('panel-toggle').click();
    await jorge.getByTestId('facil-tab-votes').click();
    const voteOn = (page: Page) => page.getByTestId('vote').first();
    await voteOn(jorge).waitFor();
    // No "vote as" in a room: each votes as his seat; and no opening or closing votes for the guest.
    expect(await jorge.getByTestId('vote-as').count()).toBe(0);
    expect(await jorge.getByTestId('vote-open').count()).toBe(0);
    expect(await voteOn(jorge).getByTestId('vote-close').count()).toBe(0);
    await voteOn(lucia).getByTestId('dot-add').nth(0).click();
    await voteOn(lucia).getByTestId('dot-add').nth(0).click();
    await voteOn(jorge).getByTestId('dot-add').nth(1).click();
    const results = (page: Page) =>
      voteOn(page)
        .getByTestId('vote-results')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.slice(0, 2).map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    // Marketing, Sales, Leadership, total: Lucía's two dots on the first gap, Jorge's one on the second; the same on both laptops.
    for (const page of [lucia, jorge]) {
      await expect
        .poll(() => results(page))
        .toEqual([
          ['2', '0', '0', '2'],
          ['0', '1', '0', '1'],
        ]);
    }
    await shot(jorge, 'facil-room-vote-guest-es');
    await voteOn(lucia).getByTestId('vote-close').click();
    await expect.poll(() => voteOn(jorge).textContent()).toContain('Cerrada');
  });

  it('records a decision linked to a gap and parks a question, seen on the guest’s laptop', async () => {
    await lucia.getByTestId('facil-tab-decisions').click();
    await lucia.getByTestId('decision-what').fill('SAL entra en el embudo acordado');
    await lucia.getByTestId('decision-why').fill('Ventas acepta el lead antes de calificarlo');
    const gap = await lucia.getByTestId('decision-link').locator('optgroup').first().locator('option').first().getAttribute('value');
    expect(gap).toMatch(/^gap:/);
    await lucia.getByTestId('decision-link').selectOption(gap!);
    await lucia.getByTestId('decision-add').click();
    await lucia.getByTestId('facil-tab-parking').click();
    await lucia.getByTestId('parking-question').fill('¿Quién mide el NPS cada trimestre?');
    await lucia.getByTestId('parking-owner').selectOption('p-carmen');
    await lucia.getByTestId('parking-due').fill('2027-01-15');
    await lucia.getByTestId('parking-add').click();
    await jorge.getByTestId('facil-tab-decisions').click();
    await expect.poll(() => jorge.getByTestId('decision').first().textContent()).toContain('SAL entra en el embudo acordado');
    await expect.poll(() => jorge.getByTestId('decision').first().textContent()).toContain('Vinculado a: Diferencia del embudo');
    expect(await jorge.getByTestId('decision-add').count()).toBe(0);
    await jorge.getByTestId('facil-tab-parking').click();
    await expect.poll(() => jorge.getByTestId('parking-item').first().textContent()).toContain('¿Quién mide el NPS cada trimestre?');
    for (const page of [lucia, jorge]) await page.getByTestId('panel-close').click();
  });

  it('locks the glossary on every laptop; the guest cannot unlock it', async () => {
    await goToStep(lucia, 'glossary');
    await currentStep(jorge, 'glossary').waitFor();
    await lucia.getByTestId('lock-glossary').first().click();
    await jorge.getByTestId('lock-note').waitFor();
    expect(await jorge.getByTestId('locked-section').evaluate((el) => (el as HTMLFieldSetElement).disabled)).toBe(true);
    expect(await jorge.getByTestId('unlock-glossary').count()).toBe(0);
    await shot(jorge, 'facil-room-locked-guest-es');
    await lucia.getByTestId('lock-note').getByTestId('unlock-glossary').click();
    await expect.poll(() => jorge.getByTestId('lock-note').count()).toBe(0);
  });

  it('takes back a guest’s offline edit that reaches the room after the lock, on his laptop too, and tells him why', async () => {
    await currentStep(jorge, 'glossary').waitFor();
    const name = (page: Page) => page.getByTestId('term-editor').getByTestId('term-name');
    const agreed = await name(lucia).inputValue();
    await expect.poll(() => name(jorge).inputValue()).toBe(agreed);
    // Jorge's Wi-Fi drops; he renames the term on his copy while the facilitator locks the glossary in the room.
    room.host.laptop('jorge').setOnline(false);
    await expect.poll(async () => (await roomView(jorge)).link).toBe('offline');
    await name(jorge).fill(`${agreed} (sin red)`);
    await name(jorge).blur();
    await expect.poll(() => name(jorge).inputValue()).toBe(`${agreed} (sin red)`);
    await lucia.getByTestId('lock-glossary').first().click();
    await lucia.getByTestId('lock-note').waitFor();
    // Back on the network: the room refuses his change of the locked section, his copy returns to the room's words, and he is told.
    room.host.laptop('jorge').setOnline(true);
    await expect.poll(async () => (await roomView(jorge)).link).toBe('synced');
    const notice = jorge.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('La sala deshizo tu cambio: la sección Glosario está bloqueada');
    await expect.poll(() => name(jorge).inputValue()).toBe(agreed);
    await jorge.getByTestId('lock-note').waitFor();
    expect(await name(lucia).inputValue()).toBe(agreed);
    await shot(jorge, 'facil-room-refused-guest-es');
    await lucia.getByTestId('lock-note').getByTestId('unlock-glossary').click();
    await expect.poll(() => jorge.getByTestId('lock-note').count()).toBe(0);
  });

  it('prints the decision and the follow-up in the agreement PDF', async () => {
    const pdf = await freezeSignAndExport(lucia, 'Cerramos el taller en la sala', 'facilitation-room.pdf');
    const text = (await pdfPageTexts(pdf)).join('\n');
    expect(text).toContain('SAL entra en el embudo acordado');
    expect(text).toContain('Ventas acepta el lead antes de calificarlo');
    expect(text).toContain('¿Quién mide el NPS cada trimestre?');
    for (const page of [lucia, jorge]) expect(pageErrors(page)).toEqual([]);
  });
});
