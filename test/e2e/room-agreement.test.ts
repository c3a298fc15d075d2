/**
 * A whole agreement through a room, in real Chromium: three browser contexts
 * (three laptops, each its own database) run the real renderer and meet in a
 * room through the app's own room module on loopback
 * (`test/support/room-main.ts`). Lucía hosts; Jorge and Sofía join. Then:
 * - Sofía draws a stage on the canvas, Jorge types a definition, Sofía
 *   approves it for Sales at her own seat, and Lucía records Marketing's
 *   approval for Diego, who has no laptop: every laptop sees them;
 * - Lucía freezes the agreement; Jorge signs on his laptop and Lucía on hers;
 * - all three laptops end with the same version, both signatures and the
 *   same audit trail entries, each naming the laptop it was recorded on
 *   ("recorded by Lucía for Diego…", "came from another laptop…");
 * - Sofía, who signed nothing, exports the PDF on her laptop and it verifies
 *   (`pacto verify`): intact, both signatories signed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runVerify } from '../../electron/cli/verify';
import { ARTIFACTS, currentStep, EXPORT_WAIT_MS, exportPdf, goToStep, openSample, pageErrors, shot } from '../support/app';
import { joinAndAdmit, openRoomAs, roomLaptopsForFile } from '../support/room-e2e';
import { pdfPageTexts } from '../support/pdf';

const url = inject('pactoUrl');
/** Three laptops in Madrid, each with its own database and room module. */
const room = roomLaptopsForFile(url, [{ name: 'lucia' }, { name: 'jorge' }, { name: 'sofia' }], {
  contextOptions: { acceptDownloads: true, locale: 'es-ES', timezoneId: 'Europe/Madrid' },
  defaultTimeoutMs: EXPORT_WAIT_MS,
});
let lucia: Page;
let jorge: Page;
let sofia: Page;

const node = (page: Page, id: string) => page.getByTestId('funnel-canvas').locator(`.react-flow__node[data-id="${id}"]`);
const definition = (page: Page) => page.getByTestId('term-definition').locator('.ProseMirror');
const mqlTerm = (page: Page) => page.getByTestId('term-item').filter({ hasText: 'MQL' }).first();

/** The people's acts in a laptop's audit trail (versions step): when, what, who and the details, oldest first. */
async function acts(page: Page): Promise<{ when: string; type: string; who: string; details: string }[]> {
  const rows = await page
    .getByTestId('audit-event')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
  return rows
    .map(([, when, type, who, details]) => ({ when: when!, type: type!, who: who!, details: details! }))
    .filter((r) => ['Aprobado', 'Versión congelada', 'Firmado'].includes(r.type))
    .reverse();
}

/** An act without what differs by laptop: where it was copied in, the trail also says it came through the room. */
const shared = (a: { when: string; type: string; who: string; details: string }) => ({
  ...a,
  details: a.details.replace(/ · llegó de ese equipo por la sala$/, ''),
});

async function signTyped(page: Page, participantId: string): Promise<void> {
  await goToStep(page, 'sign');
  await page.getByTestId(`sign-${participantId}`).click();
  await page.getByRole('radio', { name: 'Escribir' }).check();
  await page.getByTestId('consent').check();
  await page.getByTestId('confirm-sign').click();
  await page.getByTestId(`sign-${participantId}`).waitFor({ state: 'detached' });
}

beforeAll(async () => {
  lucia = room.page('lucia');
  jorge = room.page('jorge');
  sofia = room.page('sofia');
  await openSample(lucia);
  await currentStep(lucia, 'participants').waitFor();
});

describe('an agreement written, approved, frozen and signed across three laptops', () => {
  it('opens the room; two laptops join', async () => {
    await openRoomAs(lucia, { name: 'Lucía', team: 'marketing', participantId: 'p-lucia', deviceName: 'Portátil de Lucía' });
    await joinAndAdmit(lucia, jorge, { name: 'Jorge', team: 'sales', participantId: 'p-jorge', deviceName: 'Portátil de Jorge' });
    await joinAndAdmit(lucia, sofia, { name: 'Sofía', team: 'sales', participantId: 'p-sofia', deviceName: 'Portátil de Sofía' });
  });

  it('one draws a stage, one types a definition, one approves; the facilitator records an approval for someone without a laptop', async () => {
    await goToStep(sofia, 'funnel');
    await sofia.getByTestId('palette-disqualified').click();
    for (const page of [lucia, jorge]) {
      await goToStep(page, 'funnel');
      await node(page, 'stage-disqualified').waitFor();
    }

    for (const page of [lucia, jorge, sofia]) {
      await goToStep(page, 'glossary');
      await mqlTerm(page).click();
    }
    await definition(jorge).click();
    await jorge.keyboard.press('Control+End');
    await jorge.keyboard.type(' Acordado en la sala.');
    for (const page of [lucia, sofia]) await expect.poll(() => definition(page).textContent()).toContain('Acordado en la sala.');

    // Sofía approves for Sales at her own seat; Lucía records Marketing's approval for Diego (no laptop).
    await sofia.getByTestId('approver-sales').selectOption({ label: 'Sofía Castañeda Vidal' });
    await sofia.getByTestId('approve-sales').click();
    await lucia.getByTestId('approver-marketing').selectOption({ label: 'Diego Salgado Núñez' });
    await lucia.getByTestId('approve-marketing').click();
    const status = (page: Page) => page.getByTestId('term-editor').locator('.term-editor__head [data-testid="approval-status"]').getAttribute('data-status');
    for (const page of [lucia, jorge, sofia]) await expect.poll(() => status(page)).toBe('agreed');
  });

  it('freezes on the facilitator\u2019s laptop; each signatory signs on their own laptop', async () => {
    await goToStep(lucia, 'sign');
    await lucia.getByTestId('freeze-override').check();
    await lucia.getByTestId('override-who').selectOption('p-lucia');
    await lucia.getByTestId('override-reason').fill('Firmamos en la sala; lo abierto se revisa en 30 días.');
    await lucia.getByTestId('freeze').click();
    const fingerprint = (await lucia.getByTestId('fingerprint').textContent())!.replace(/\s+/g, '');
    // The version reaches the other laptops: the same fingerprint, ready to sign.
    for (const page of [jorge, sofia]) {
      await goToStep(page, 'sign');
      await expect.poll(async () => ((await page.getByTestId('fingerprint').textContent()) ?? '').replace(/\s+/g, '')).toBe(fingerprint);
    }
    await signTyped(jorge, 'p-jorge');
    await signTyped(lucia, 'p-lucia');
    for (const page of [lucia, jorge, sofia]) await page.getByText('Todos los firmantes firmaron la versión 1').waitFor();
  });

  it('converges on the same version, signatures and audit trail, each act naming its laptop', async () => {
    const trails: Record<string, Awaited<ReturnType<typeof acts>>> = {};
    for (const [name, page] of [
      ['lucia', lucia],
      ['jorge', jorge],
      ['sofia', sofia],
    ] as const) {
      await goToStep(page, 'versions');
      await expect.poll(() => page.getByTestId('version-row').getAttribute('data-standing')).toBe('signed');
      await expect.poll(async () => (await acts(page)).length).toBe(5);
      await expect.poll(() => page.getByTestId('chain-status').textContent()).toMatch(/Cadena íntegra/);
      trails[name] = await acts(page);
    }
    const sorted = (list: Awaited<ReturnType<typeof acts>>) => list.map(shared).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(trails.jorge!)).toEqual(sorted(trails.lucia!));
    expect(sorted(trails.sofia!)).toEqual(sorted(trails.lucia!));

    const on = (list: Awaited<ReturnType<typeof acts>>, type: string, who: RegExp) => list.find((a) => a.type === type && who.test(a.who))!.details;
    for (const list of Object.values(trails)) {
      expect(on(list, 'Aprobado', /^Sofía/)).toContain('en su propio equipo (Portátil de Sofía)');
      expect(on(list, 'Aprobado', /^Diego/)).toContain('registrado por Lucía para Diego Salgado Núñez en su equipo (Portátil de Lucía)');
      expect(on(list, 'Firmado', /^Jorge/)).toContain('en su propio equipo (Portátil de Jorge)');
      expect(on(list, 'Firmado', /^Lucía/)).toContain('en su propio equipo (Portátil de Lucía)');
    }
    // On the other laptops the trail also says the act came from another laptop of the room, and which.
    expect(on(trails.sofia!, 'Firmado', /^Jorge/)).toMatch(/en su propio equipo \(Portátil de Jorge\) · llegó de ese equipo por la sala$/);
    expect(on(trails.jorge!, 'Aprobado', /^Diego/)).toMatch(/\(Portátil de Lucía\) · llegó de ese equipo por la sala$/);
    expect(on(trails.jorge!, 'Firmado', /^Jorge/)).not.toContain('llegó');
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1280, height: 720 },
    ]) {
      await sofia.setViewportSize(size);
      await sofia.getByTestId('audit-trail').scrollIntoViewIfNeeded();
      await sofia.screenshot({ path: join(ARTIFACTS, `room-agreement-audit-${size.width}x${size.height}.png`) });
    }
    await sofia.setViewportSize({ width: 1440, height: 900 });
  });

  it('exports the PDF on a third laptop, and it verifies: intact, both signatories signed', async () => {
    await goToStep(sofia, 'export');
    const pdfPath = (await exportPdf(sofia, 'room-agreement.pdf')).path;
    let out = '';
    const code = await runVerify([pdfPath, '--json'], {
      readBytes: (p) => new Uint8Array(readFileSync(p)),
      out: (text) => {
        out += text;
      },
      err: () => undefined,
    });
    const report = JSON.parse(out) as { status: string; version: number; signatories: { name: string; signed: boolean }[] };
    expect(code).toBe(0);
    expect(report.status).toBe('intact');
    expect(report.version).toBe(1);
    expect(report.signatories.filter((s) => s.signed).map((s) => s.name)).toEqual(['Lucía Fernández Ortega', 'Jorge Ibáñez Muñoz']);
    // The printed audit trail names the laptops too.
    const text = (await pdfPageTexts(pdfPath, 'reading')).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Portátil de Jorge');
    expect(text).toContain('registrado por Lucía para Diego Salgado Núñez');
    await shot(sofia, 'room-agreement-export');
    for (const page of [lucia, jorge, sofia]) expect(pageErrors(page)).toEqual([]);
  });
});
