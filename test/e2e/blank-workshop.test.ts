/**
 * The English blank-workshop path with the mouse, in real Chromium: a new
 * workshop started blank has empty funnels; a stage clicked in the palette
 * appears in view, a second one dragged from the palette lands where it was
 * dropped, an arrow drawn between their handles has no rate and is flagged
 * on the canvas ("No rate") until one is typed, and Arrange keeps every
 * stage in view; its Targets step starts with no revenue target or deal
 * size and computes once both are typed. Screenshots at 1440×900 and 1280×720.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { goToStep, launchApp, pageErrors, shot, transformSettled } from '../support/app';

const url = inject('pactoUrl');
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
});

afterAll(async () => {
  await context?.close();
});

const canvas = (): Locator => page.getByTestId('funnel-canvas');
const nodes = (): Locator => canvas().locator('.react-flow__node');
const edgeLabels = () => canvas().locator('.react-flow__edge-text').allTextContents();

/** The canvas' pan (px) and zoom, from its viewport's transform. */
async function viewport(): Promise<{ x: number; y: number; zoom: number }> {
  const transform = await canvas()
    .locator('.react-flow__viewport')
    .evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)\s*scale\(([\d.]+)\)/.exec(transform)!;
  return { x: Number(m[1]), y: Number(m[2]), zoom: Number(m[3]) };
}

/** The canvas position (px) React Flow draws a node at, from its transform. */
async function position(id: string): Promise<{ x: number; y: number }> {
  const transform = await canvas()
    .locator(`.react-flow__node[data-id="${id}"]`)
    .evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform)!;
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** True when the box lies wholly inside the canvas' box. */
async function inCanvas(box: { x: number; y: number; width: number; height: number }): Promise<boolean> {
  const c = (await canvas().boundingBox())!;
  return box.x >= c.x && box.y >= c.y && box.x + box.width <= c.x + c.width && box.y + box.height <= c.y + c.height;
}

describe('a blank workshop drawn with the mouse, in English', () => {
  it('creates a blank workshop: empty funnels, no terms, no SLA commitments', async () => {
    await page.getByTestId('ui-language').selectOption('en');
    await page.getByRole('button', { name: '+ New workshop' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Blank kick-off');
    await page.getByLabel('Company', { exact: true }).fill('Acme Andina');
    await page.getByLabel('Agreement language').selectOption('en');
    await page.getByLabel('Blank', { exact: true }).check();
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'blank-01-new-workshop-1440');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.locator('#screen-title').waitFor();
    await goToStep(page, 'funnel');
    await expect(nodes().count()).resolves.toBe(0);
    await page.getByText('This funnel has no stages.').waitFor();
    await shot(page, 'blank-02-empty-funnel-1440');
    await goToStep(page, 'glossary');
    await shot(page, 'blank-03-empty-glossary-1440');
    await goToStep(page, 'sla');
    await shot(page, 'blank-04-empty-sla-1440');
    await goToStep(page, 'funnel');
  });

  it('adds a palette stage in view and drops another where it is dropped', async () => {
    await page.getByTestId('palette-lead').click();
    await expect.poll(() => nodes().count()).toBe(1);
    const lead = canvas().locator('.react-flow__node[data-id="stage-lead"]');
    await page.getByTestId('stage-panel').waitFor();
    await transformSettled(canvas().locator('.react-flow__viewport'));
    await expect(inCanvas((await lead.boundingBox())!)).resolves.toBe(true);

    // Dragged from the palette onto the canvas: centred where it was dropped (in the canvas' own coordinates).
    // The drop point is one and a half stages beside Lead, on the side with room, so no stage is in its way.
    const c = (await canvas().boundingBox())!;
    const leadBox = (await lead.boundingBox())!;
    const leadCentre = leadBox.x - c.x + leadBox.width / 2;
    const aside = leadCentre - 1.5 * leadBox.width > leadBox.width / 2 ? -1.5 * leadBox.width : 1.5 * leadBox.width;
    const drop = { x: Math.round(leadCentre + aside), y: Math.round(c.height * 0.3) };
    const view = await viewport();
    const expected = { x: (drop.x - view.x) / view.zoom - 172 / 2, y: (drop.y - view.y) / view.zoom - 84 / 2 };
    await page.getByTestId('palette-mql').dragTo(canvas(), { targetPosition: drop });
    await canvas().locator('.react-flow__node[data-id="stage-mql"]').waitFor();
    const at = await position('stage-mql');
    // Snapped to the 12 px grid: within a grid step of the drop point.
    expect(Math.abs(at.x - expected.x)).toBeLessThanOrEqual(12);
    expect(Math.abs(at.y - expected.y)).toBeLessThanOrEqual(12);
    expect(pageErrors(page)).toEqual([]);
  });

  it('draws an arrow with no rate, flagged until a rate is typed', async () => {
    // Clear the selection (a click on the empty canvas; the side panel closes) before dragging between handles.
    await canvas()
      .locator('.react-flow__pane')
      .click({ position: { x: 12, y: 12 } });
    await page.getByTestId('stage-panel').waitFor({ state: 'detached' });
    await transformSettled(canvas().locator('.react-flow__viewport'));
    const from = (await canvas().locator('.react-flow__node[data-id="stage-lead"] .react-flow__handle.source').boundingBox())!;
    const to = (await canvas().locator('.react-flow__node[data-id="stage-mql"] .react-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => edgeLabels()).toEqual(['⚠ No rate']);
    await expect(canvas().locator('.react-flow__edge path.has-warning').count()).resolves.toBeGreaterThan(0);
    const rate = page.getByTestId('rate-tr-lead-mql');
    await expect(rate.inputValue()).resolves.toBe('');
    await page.getByText('The arrow has no rate yet').first().waitFor();
    await shot(page, 'blank-05-arrow-no-rate-1440');
    await rate.fill('30');
    await rate.blur();
    await expect.poll(() => edgeLabels()).toEqual(['30 % · 0 d']);
  });

  it('keeps every stage in view after Arrange, at 1280×720 too', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('layout').click();
    await transformSettled(canvas().locator('.react-flow__viewport'));
    for (const id of ['stage-lead', 'stage-mql']) {
      await expect(inCanvas((await canvas().locator(`.react-flow__node[data-id="${id}"]`).boundingBox())!)).resolves.toBe(true);
    }
    await shot(page, 'blank-06-arranged-1280');
    await goToStep(page, 'targets');
    // No made-up target: the fields are empty and the plan waits for them, saying which.
    await expect(page.getByTestId('revenue-target').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('average-deal-size').inputValue()).resolves.toBe('');
    await page.getByText('Cannot compute: no revenue target yet: enter it above.').waitFor();
    await shot(page, 'blank-07-targets-1280');
    await page.getByTestId('revenue-target').fill('1200000');
    await page.getByTestId('revenue-target').blur();
    await page.getByText('Cannot compute: no average deal size yet: enter it above.').waitFor();
    await page.getByTestId('average-deal-size').fill('20000');
    await page.getByTestId('average-deal-size').blur();
    await expect.poll(() => page.getByText(/^Cannot compute/).count()).toBe(0);
    await expect(page.getByTestId('revenue-target').inputValue()).resolves.toBe('1,200,000');
    await goToStep(page, 'sign');
    await shot(page, 'blank-08-sign-1280');
    expect(pageErrors(page)).toEqual([]);
  });
});
