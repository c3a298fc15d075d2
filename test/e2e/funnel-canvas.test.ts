/**
 * The funnel canvas in real Chromium on the built renderer: Compare finds
 * the gaps of the sample's two team funnels, adopts one into the agreed
 * funnel (resolved, counted, undone in one step), settles one in the
 * glossary and reopens it; on Marketing's canvas a stage is added, connected by
 * dragging between handles, its arrow's rate typed (bad input refused at the
 * field), a stage dragged, undone and redone, copied and pasted (foreign
 * text refused), and everything is still there after a reload; finally the
 * exported PDF carries the agreed funnel's diagram (its stage names in its text).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, freezeSignAndExport, goToStep, launchApp, openSample, pageErrors, reloadOnStep, shot, transformSettled } from '../support/app';
import { pdfText, renderPdfPages } from '../support/pdf';

const url = inject('pactoUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
  await openSample(page);
});

afterAll(async () => {
  await context?.close();
});

const canvas = (): Locator => page.getByTestId('funnel-canvas');
const node = (id: string, within: Locator = canvas()): Locator => within.locator(`.react-flow__node[data-id="${id}"]`);
const edgeLabels = (within: Locator = canvas()) => within.locator('.react-flow__edge-text').allTextContents();

async function openTab(tab: 'agreed' | 'marketing' | 'sales' | 'compare'): Promise<void> {
  await page.getByTestId(`funnel-tab-${tab}`).click();
  await page.getByTestId(`funnel-tab-${tab}`).and(page.locator('[aria-selected="true"]')).waitFor();
}

/** The canvas position (px) React Flow draws a node at, from its transform. */
async function position(id: string): Promise<{ x: number; y: number }> {
  const transform = await node(id).evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform)!;
  return { x: Number(m[1]), y: Number(m[2]) };
}

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.fill(text);
  await field.blur();
}

describe('the funnel canvas', () => {
  it('opens on the agreed funnel drawn as six stages and five arrows', async () => {
    await goToStep(page, 'funnel');
    await expect(canvas().locator('.react-flow__node').count()).resolves.toBe(6);
    await expect.poll(() => edgeLabels()).toContain('25 % · 14 d');
    // Owner by colour and by label, the linked term and the targets model's volume on each stage.
    await expect(node('stage-lead').textContent()).resolves.toMatch(/Lead.*Marketing.*4800 en el periodo/);
    await expect(node('stage-sql').getAttribute('aria-label')).resolves.toMatch(/SQL, responsable Ventas.*Oportunidad 50 %, 10 d/);
  });

  it('opens a stage\u2019s panel without moving the stage under the pointer, so a slow double-click renames the stage clicked', async () => {
    const viewport = canvas().locator('.react-flow__viewport');
    await transformSettled(viewport);
    const box = (await node('stage-sal').locator('.stage-node__name').boundingBox())!;
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const stageAt = () => page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__node')?.getAttribute('data-id') ?? null, at);
    // The first click selects: the side panel opens and the canvas narrows, with SAL still under the pointer.
    await page.mouse.click(at.x, at.y);
    await page.getByTestId('stage-panel').waitFor();
    await transformSettled(viewport);
    await expect(stageAt()).resolves.toBe('stage-sal');
    // A double-click there now renames SAL (before, the view re-fitted and the same point was over SQL).
    await page.mouse.dblclick(at.x, at.y);
    await expect(node('stage-sal').getByTestId('stage-rename').inputValue()).resolves.toBe('SAL');
    await page.getByTestId('stage-rename').press('Enter');
    await page.getByTestId('stage-rename').waitFor({ state: 'detached' });
    // A selected stage the narrower canvas would hide is panned into view, at the same zoom.
    await canvas()
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.getByTestId('stage-panel').waitFor({ state: 'detached' });
    const zoom = await viewport.evaluate((el) => (el as HTMLElement).style.transform.match(/scale\(([\d.]+)\)/)![1]);
    await node('stage-customer').click();
    await page.getByTestId('stage-panel').waitFor();
    await transformSettled(viewport);
    const shown = (await canvas().boundingBox())!;
    const customer = (await node('stage-customer').boundingBox())!;
    expect(customer.x).toBeGreaterThanOrEqual(shown.x);
    expect(customer.x + customer.width).toBeLessThanOrEqual(shown.x + shown.width);
    await expect(viewport.evaluate((el) => (el as HTMLElement).style.transform.match(/scale\(([\d.]+)\)/)![1])).resolves.toBe(zoom);
    await canvas()
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.getByTestId('stage-panel').waitFor({ state: 'detached' });
  });

  it('Compare lists the gaps of the sample’s two funnels, tracks each as open or resolved, and undoes a resolution', async () => {
    await openTab('compare');
    // The sample's teams draw their funnels differently: Marketing has no SAL, hands MQLs straight to its SDRs
    // (MQL → SQL 50 %, SQL owned by Marketing); Sales counts a lower win rate in a longer close.
    const gaps = page.getByTestId('gap');
    const kinds = () => gaps.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    const statuses = () => gaps.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const counts = () => page.getByTestId('gap-counts').textContent();
    await expect(kinds()).resolves.toEqual(['stage-missing', 'owner', 'transition-missing', 'rate', 'days']);
    await expect(counts()).resolves.toBe('5 abiertas0 resueltas');
    await expect(gaps.nth(3).textContent()).resolves.toMatch(/Marketing: 25 %.*Ventas: 18 %/);
    // The gaps are highlighted on both canvases (Sales' SAL has no counterpart on Marketing's).
    await expect(page.getByTestId('compare-marketing').locator('.stage-node.is-gap').count()).resolves.toBe(4);
    await expect(page.getByTestId('compare-sales').locator('.stage-node.is-gap').count()).resolves.toBe(5);
    // A wider tolerance hides the rate gap (7 points).
    await page.getByTestId('tolerance-ratePoints').fill('20');
    await expect.poll(() => gaps.count()).toBe(4);
    await page.getByTestId('tolerance-ratePoints').fill('abc');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/número/);
    await page.getByTestId('tolerance-ratePoints').fill('5');
    await expect.poll(() => gaps.count()).toBe(5);
    // Adopting Sales' win rate puts it in the agreed funnel and marks the gap resolved: how, by whom.
    await gaps.nth(3).getByTestId('gap-adopt-sales').click();
    await expect.poll(statuses).toEqual(['open', 'open', 'open', 'resolved', 'open']);
    await expect(counts()).resolves.toBe('4 abiertas1 resuelta');
    await expect(gaps.nth(3).getByTestId('gap-resolution').textContent()).resolves.toMatch(/se adoptó la de Ventas.*En este equipo \(facilitación\)/);
    await shot(page, 'funnel-compare');
    await openTab('agreed');
    await expect.poll(() => edgeLabels()).toContain('18 % · 60 d');
    // One undo takes back both: the agreed rate and the resolution.
    await page.keyboard.press('Control+z');
    await expect.poll(() => edgeLabels()).toContain('25 % · 60 d');
    await expect(edgeLabels()).resolves.not.toContain('18 % · 60 d');
    await openTab('compare');
    await expect.poll(counts).toBe('5 abiertas0 resueltas');
    // "Settle in the glossary" records it so and opens the glossary on the term of the stage in question (SAL).
    await gaps.nth(0).getByTestId('gap-open-glossary-item').click();
    await page.locator('.term-item--current').waitFor();
    await expect(page.locator('.term-item--current').textContent()).resolves.toMatch(/Lead aceptado por ventas/);
    await page.getByTestId('step-funnel').click();
    await page.getByTestId('funnel-canvas').waitFor();
    await openTab('compare');
    await expect.poll(statuses).toEqual(['resolved', 'open', 'open', 'open', 'open']);
    await expect(gaps.nth(0).getByTestId('gap-resolution').textContent()).resolves.toMatch(/Resuelta en el glosario/);
    // Reopened, it offers its actions again.
    await gaps.nth(0).getByTestId('gap-reopen').click();
    await expect.poll(statuses).toEqual(['open', 'open', 'open', 'open', 'open']);
    await gaps.nth(0).getByTestId('gap-adopt-marketing').waitFor();
    await openTab('agreed');
  });

  it('adds a stage from the palette and connects it by dragging between handles', async () => {
    await openTab('marketing');
    await page.getByTestId('palette-disqualified').click();
    await expect(canvas().locator('.react-flow__node').count()).resolves.toBe(6);
    await page.locator('.react-flow__controls-fitview').click();
    await transformSettled(canvas().locator('.react-flow__viewport'));
    const from = (await node('stage-sql').locator('.react-flow__handle.source').boundingBox())!;
    const to = (await node('stage-disqualified').locator('.react-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect(canvas().locator('.react-flow__edge').count()).resolves.toBe(5);
    // The new arrow is selected with no rate yet (flagged on the canvas); bad input is refused at the field and nothing is saved.
    const rate = page.getByTestId('rate-tr-sql-disqualified');
    await typeInto(rate, 'abc');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/porcentaje/);
    await expect.poll(() => edgeLabels()).toContain('⚠ Sin tasa');
    await typeInto(rate, '35,5');
    await expect.poll(() => edgeLabels()).toContain('35,5 % · 0 d');
    await typeInto(rate, '20.5 %');
    await expect.poll(() => edgeLabels()).toContain('20,5 % · 0 d');
    await typeInto(page.getByTestId('days-tr-sql-disqualified'), '-3');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/entre 0 y 3650/);
    await shot(page, 'funnel-side-panel');
  });

  it('drags a stage, saves the position when the drag ends, and undoes and redoes the move', async () => {
    const before = await position('stage-lead');
    const box = (await node('stage-lead').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 90, { steps: 10 });
    await page.mouse.up();
    const after = await position('stage-lead');
    expect(after.y).toBeGreaterThan(before.y + 40);
    await canvas()
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => position('stage-lead')).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => position('stage-lead')).toEqual(after);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await expect.poll(() => position('stage-lead')).toEqual(after);
  });

  it('copies and pastes stages with the keyboard, refuses foreign text, and keeps it all after a reload', async () => {
    await node('stage-mql').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect(canvas().locator('.react-flow__node').count()).resolves.toBe(7);
    await expect(node('stage-mql-2').textContent()).resolves.toMatch(/MQL/);
    // Foreign text pasted onto the canvas: a message, nothing changes.
    await canvas().evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'MQL;SQL;35 %');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect(page.getByTestId('canvas-message').textContent()).resolves.toMatch(/no contiene etapas de Pacto/);
    await expect(canvas().locator('.react-flow__node').count()).resolves.toBe(7);
    // Keyboard: arrows move the selection to the neighbouring stage; Delete removes it.
    await node('stage-mql-2').focus();
    await page.keyboard.press('Delete');
    await expect(canvas().locator('.react-flow__node').count()).resolves.toBe(6);

    const moved = await position('stage-lead');
    // A reload returns to the open step.
    await reloadOnStep(page, 'funnel');
    await openTab('marketing');
    await expect(canvas().locator('.react-flow__node').count()).resolves.toBe(6);
    await expect(position('stage-lead')).resolves.toEqual(moved);
    await expect.poll(() => edgeLabels()).toContain('20,5 % · 0 d');
    expect(pageErrors(page)).toEqual([]);
  });

  it('works from the keyboard: arrows pick the neighbour, Alt+arrows move, Ctrl+A, connect to…, F2 rename', async () => {
    // Marketing's funnel has no SAL: MQL's right-hand neighbour is SQL, which its SDRs own.
    await node('stage-mql').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-id'))).resolves.toBe('stage-sql');
    await expect(page.getByTestId('stage-name').inputValue()).resolves.toBe('SQL');
    await expect(node('stage-sql').getAttribute('aria-label')).resolves.toMatch(/^Etapa SQL, responsable Marketing.*sale hacia Oportunidad 50 %, 10 d/);
    const before = await position('stage-sql');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => position('stage-sql')).toEqual({ x: before.x, y: before.y + 12 });
    await page.keyboard.press('Control+z');
    await expect.poll(() => position('stage-sql')).toEqual(before);
    // Connect two stages without a mouse: the side panel's "Conectar con…" menu.
    const arrows = await canvas().locator('.react-flow__edge').count();
    await page.getByTestId('connect-to').selectOption({ label: 'Cliente' });
    await expect(canvas().locator('.react-flow__edge').count()).resolves.toBe(arrows + 1);
    await expect(page.getByTestId('transition-panel').textContent()).resolves.toMatch(/SQL → Cliente/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => canvas().locator('.react-flow__edge').count()).toBe(arrows);
    // F2 renames inline; an empty name is refused at the field.
    await node('stage-mql').focus();
    await page.keyboard.press('F2');
    const rename = page.getByTestId('stage-rename');
    await rename.fill('');
    await rename.press('Enter');
    await expect(node('stage-mql').getByRole('alert').textContent()).resolves.toMatch(/obligatorio/);
    await rename.fill('MQL puntuado');
    await rename.press('Enter');
    await expect(node('stage-mql').textContent()).resolves.toMatch(/MQL puntuado/);
    await node('stage-mql').focus();
    await page.keyboard.press('Control+a');
    await expect(page.locator('.side-panel').textContent()).resolves.toMatch(/elementos seleccionados/);
    await canvas()
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
  });

  it('exports the funnel as SVG and PNG from the canvas', async () => {
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    expect(svgDownload.suggestedFilename()).toBe('Acuerdo Marketing–Ventas 2027 — Embudo de Marketing.svg');
    const svgPath = join(ARTIFACTS, 'funnel-marketing.svg');
    await svgDownload.saveAs(svgPath);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    for (const name of ['Lead', 'Descalificado', '20,5 % · 0 d']) expect(svg).toContain(name);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(pngDownload.suggestedFilename()).toMatch(/Embudo de Marketing\.png$/);
    const pngPath = join(ARTIFACTS, 'funnel-marketing.png');
    await pngDownload.saveAs(pngPath);
    const png = readFileSync(pngPath);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.readUInt32BE(16)).toBe(2400); // twice the 1200 px of the SVG
  });

  it('exports the PDF with the agreed funnel as a diagram (its stage names in its text)', async () => {
    const pdfPath = await freezeSignAndExport(page, 'Prueba del diagrama del embudo.', 'funnel-canvas.pdf');
    const text = await pdfText(pdfPath);
    const funnelPages = text.split('\f').filter((p) => p.includes('Embudo de Marketing'));
    expect(funnelPages.length).toBeGreaterThan(0);
    const svgText = await pdfText(pdfPath, 'reading');
    for (const name of ['Lead', 'MQL', 'SAL', 'SQL', 'Oportunidad', 'Cliente', '25 % · 14 d']) expect(svgText).toContain(name);
    // The marketing funnel's own stage (added above) is drawn in its diagram, not in the agreed one.
    expect(svgText).toContain('Descalificado');
    await renderPdfPages(pdfPath, join(ARTIFACTS, 'funnel-canvas-page'));
  });
});

describe('templates', () => {
  it('starts a funnel from a template whose rates show their source, and undoes it', async () => {
    await goToStep(page, 'funnel');
    await openTab('sales');
    // Two confirmations: replacing the team's funnel, and (the agreement was signed by the export test above) the first edit of a signed agreement.
    const confirmed: string[] = [];
    const accept = (d: { message(): string; accept(): Promise<void> }) => {
      confirmed.push(d.message());
      void d.accept();
    };
    page.on('dialog', accept);
    await page.getByTestId('start-from').selectOption('hubspot-lifecycle');
    await expect.poll(() => canvas().locator('.react-flow__node').count()).toBe(6);
    await expect.poll(() => edgeLabels()).toContain('20 % · 14 d');
    page.off('dialog', accept);
    await node('stage-lead').click();
    const hint = page.getByTestId('rate-tr-lead-mql').locator('xpath=..').locator('.field__hint');
    await expect(hint.textContent()).resolves.toMatch(/Recopilaciones de cifras de HubSpot y Salesforce, 2024 \(de segunda mano\)/);
    // An edited number is the team's own: no source any more.
    await typeInto(page.getByTestId('rate-tr-lead-mql'), '22');
    await expect(hint.count()).resolves.toBe(0);
    await canvas()
      .locator('.react-flow__pane')
      .click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    // Back to Sales' own funnel (its win rate in a longer close).
    await expect.poll(() => edgeLabels()).toContain('18 % · 75 d');
  });
});
