/**
 * Co-writing and approving the glossary and the SLA, in real Chromium on the
 * built renderer: format a term's definition, approve it as marketing, edit
 * it and see "changed since approval" with the changed words, approve as both
 * teams → agreed; comment and resolve; paste HTML with a script and a remote
 * image → sanitized; one undo history in the editor; the SLA's linked volume
 * commitment; then freeze, sign and export, and find the new text in the PDF.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, freezeSignAndExport, goToStep, launchApp, openSample, pageErrors, settled } from '../support/app';
import { pdfText, renderPdfPages } from '../support/pdf';

const url = inject('pactoUrl');

let context: BrowserContext;
let page: Page;
const remoteRequests: string[] = [];

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
  await page.setViewportSize({ width: 1360, height: 900 });
  page.on('request', (r) => {
    if (r.url().includes('tracker.invalid')) remoteRequests.push(r.url());
  });
});

afterAll(async () => {
  await context?.close();
});

/** A screenshot under /tmp for people to look at (not kept in the repo). */
async function look(name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join('/tmp', `pacto-text-${name}.png`), fullPage });
}

const editable = (testId: string): Locator => page.getByTestId(testId).locator('[contenteditable="true"]');
const mqlItem = () => page.getByTestId('term-item').filter({ hasText: 'MQL' });
const status = () => page.getByTestId('term-editor').locator('.term-editor__head [data-testid="approval-status"]');

describe('glossary and SLA: write, approve, comment, sign', () => {
  it('writes a formatted definition that is saved as it is typed', async () => {
    await openSample(page);
    await goToStep(page, 'glossary');
    await look('glossary-list');
    await mqlItem().click();
    const definition = editable('term-definition');
    await definition.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Lead con perfil de cliente ideal y ');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('demo solicitada');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('.');
    await expect(definition.locator('strong').textContent()).resolves.toBe('demo solicitada');
    await expect(status().getAttribute('data-status')).resolves.toBe('draft');
  });

  it('approve as marketing → edit → changed since approval with the new words → both approve → agreed', async () => {
    await page.getByTestId('approver-marketing').selectOption({ label: 'Lucía Fernández Ortega' });
    await page.getByTestId('approve-marketing').click();
    await expect(status().getAttribute('data-status')).resolves.toBe('approved-by-one');
    await page.getByTestId('approval-marketing').getByText('Lucía Fernández Ortega').waitFor();

    const definition = editable('term-definition');
    await definition.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Revisión semanal.');
    await page.getByTestId('changed-since-approval').first().waitFor();
    await expect(status().getAttribute('data-status')).resolves.toBe('draft');
    const diff = page.getByTestId('approval-marketing').getByTestId('word-diff');
    await expect(
      diff
        .locator('ins')
        .allTextContents()
        .then((parts) => parts.join('')),
    ).resolves.toContain('Revisión semanal.');
    await look('term-changed');

    await page.getByTestId('approve-marketing').click();
    await page.getByTestId('approver-sales').selectOption({ label: 'Jorge Ibáñez Muñoz' });
    await page.getByTestId('approve-sales').click();
    await expect(status().getAttribute('data-status')).resolves.toBe('agreed');
    await expect(page.getByTestId('changed-since-approval').count()).resolves.toBe(0);
    await page.getByTestId('term-filter-status').selectOption('agreed');
    await expect(page.getByTestId('term-item').allTextContents()).resolves.toEqual([expect.stringContaining('MQL')]);
    await page.getByTestId('term-filter-status').selectOption('all');
    // Search finds text inside the formatted definition; the team filter narrows to the owner team.
    await page.getByTestId('term-search').fill('demo solicitada');
    await expect(page.getByTestId('term-item').allTextContents()).resolves.toEqual([expect.stringContaining('MQL')]);
    await page.getByTestId('term-search').fill('');
    await page.getByTestId('term-filter-team').selectOption('sales');
    await expect(page.getByTestId('term-item').count()).resolves.toBe(4);
    await page.getByTestId('term-filter-team').selectOption('all');
  });

  it('comments on the term, answers and resolves the thread', async () => {
    await page.getByTestId('comment-author').last().selectOption({ label: 'Sofía Castañeda Vidal' });
    await page.getByTestId('comment-text').fill('¿La demo cuenta aunque no tenga perfil ideal?');
    await page.getByTestId('comment-send').click();
    const thread = page.getByTestId('comment-thread');
    await thread.getByText('¿La demo cuenta aunque no tenga perfil ideal?').waitFor();
    await expect(thread.textContent()).resolves.toContain('Sofía Castañeda Vidal');
    await thread.getByRole('button', { name: 'Responder' }).click();
    await page.getByTestId('reply-text').fill('Sí, la demo basta.');
    await page.getByTestId('reply-send').click();
    await thread.getByText('Sí, la demo basta.').waitFor();
    await expect(mqlItem().getByTestId('comment-count').textContent()).resolves.toBe('1 comentario abierto');
    await look('term-approvals-comments');
    await page.getByTestId('resolve-thread').click();
    await expect(page.getByTestId('comment-thread').count()).resolves.toBe(0);
    await page.getByTestId('show-resolved').click();
    await expect(page.getByTestId('comment-thread').textContent()).resolves.toContain('Resuelto por');
    // Comments are discussion, not agreement: the term is still agreed.
    await expect(status().getAttribute('data-status')).resolves.toBe('agreed');
  });

  it('pasted HTML keeps its structure and loses scripts, styles and remote images', async () => {
    await page.getByTestId('term-item').filter({ hasText: 'SQL' }).first().click();
    const examples = editable('term-examples');
    await examples.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    const html =
      '<html><head><style>p{color:red}</style><script>window.__pwned = 1</script></head><body>' +
      '<h3 style="font-family:Calibri">Casos</h3><p class="MsoNormal" style="color:red"><b>Sí</b>: presupuesto aprobado' +
      '<img src="https://tracker.invalid/pixel.png" onerror="window.__pwned = 2"></p>' +
      '<ul><li>Decisor identificado</li><li><a href="javascript:alert(1)">enlace malo</a> y <a href="https://example.com/bant">BANT</a></li></ul>' +
      '<iframe src="https://tracker.invalid/frame"></iframe><o:p></o:p></body></html>';
    await examples.evaluate((el, data) => {
      const dt = new DataTransfer();
      dt.setData('text/html', data);
      dt.setData('text/plain', 'Casos');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, html);
    await examples.locator('li').first().waitFor();
    const pasted = await examples.innerHTML();
    expect(pasted).toContain('<strong>Sí</strong>');
    expect(pasted).toMatch(/<h3[^>]*>Casos<\/h3>/);
    expect(await examples.locator('li').allTextContents()).toEqual(['Decisor identificado', 'enlace malo y BANT']);
    expect(pasted).not.toMatch(/<img|<script|<iframe|style=|class="Mso|javascript:/i);
    await expect(examples.locator('a').getAttribute('href')).resolves.toBe('https://example.com/bant');
    // Had anything of the paste been able to run, it would have by the time the page has settled.
    await settled(page);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(remoteRequests).toEqual([]);

    // The toolbar follows the caret: bold inside the pasted <strong>, not at the end of its paragraph.
    const bold = page.getByTestId('term-examples').getByTestId('rt-bold');
    await examples.locator('strong').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="term-examples"] [data-testid="rt-bold"]')?.getAttribute('aria-pressed') === 'true');
    const paragraph = examples.locator('p').first();
    const box = (await paragraph.boundingBox())!;
    await paragraph.click({ position: { x: box.width - 4, y: box.height / 2 } });
    await page.waitForFunction(() => document.querySelector('[data-testid="term-examples"] [data-testid="rt-bold"]')?.getAttribute('aria-pressed') === 'false');
    await expect(bold.getAttribute('aria-pressed')).resolves.toBe('false');

    // A link opens only after a confirmation.
    await examples.locator('a').click();
    await page.getByTestId('rt-open-link').click();
    const confirm = page.getByTestId('rt-open-confirm');
    await expect(confirm.textContent()).resolves.toContain('https://example.com/bant');
    await confirm.getByRole('button', { name: 'Cancelar' }).click();
    await expect(confirm.count()).resolves.toBe(0);
  });

  it('Ctrl+Z in the editor undoes typing through the workshop’s one undo history', async () => {
    const examples = editable('term-examples');
    await examples.click();
    await page.keyboard.press('Control+End');
    // Typing after clicking into the editor is an undo step of its own (the editor starts one on focus).
    await page.keyboard.type(' zzqq');
    await expect(examples.textContent()).resolves.toContain('zzqq');
    await page.keyboard.press('Control+z');
    await expect(examples.textContent()).resolves.not.toContain('zzqq');
    // The app's Redo button (focus leaves the editor) redoes what Ctrl+Z undid in it.
    await page.getByTestId('term-name').click();
    await page.getByRole('button', { name: /Rehacer/ }).click();
    await expect(examples.textContent()).resolves.toContain('zzqq');
  });

  it('the SLA shows every section, structured commitments, and a volume linked to the model', async () => {
    await goToStep(page, 'sla');
    await expect(page.getByTestId('commitment-row').count()).resolves.toBe(6);
    for (const key of ['handoff', 'recycling', 'escalation', 'loyalty', 'reporting']) await page.getByTestId(`sla-section-${key}`).waitFor();
    await expect(page.getByTestId('sla-section-loyalty').locator('table td').first().textContent()).resolves.toBe('NPS');
    await expect(page.getByTestId('sla-definitions').textContent()).resolves.toContain('demo solicitada');
    await expect(page.getByTestId('model-link-state').getAttribute('data-status')).resolves.toBe('current');
    await look('sla', true);
    await goToStep(page, 'targets');
    const revenue = page.getByLabel(/Objetivo de ingresos/).first();
    await revenue.fill('2400000');
    await revenue.press('Enter');
    await goToStep(page, 'sla');
    await expect(page.getByTestId('model-link-state').getAttribute('data-status')).resolves.toBe('out-of-date');
    await page.getByTestId('model-update').click();
    await expect(page.getByTestId('model-link-state').getAttribute('data-status')).resolves.toBe('current');
    await expect(page.getByTestId('commitment-target').first().inputValue()).resolves.toMatch(/^200$/);
  });

  it('freezes, signs as both teams and exports a PDF with the term’s new text', async () => {
    const pdfPath = await freezeSignAndExport(page, 'Cerramos hoy; el resto se revisa en enero.', 'text-approvals.pdf');
    const text = (await pdfText(pdfPath)).replace(/\s+/g, ' ');
    expect(text).toContain('Lead con perfil de cliente ideal y demo solicitada. Revisión semanal.');
    expect(text).toContain('Decisor identificado');
    expect(text).toContain('Escalado');
    // Comments stay out of the PDF.
    expect(text).not.toContain('¿La demo cuenta');
    await renderPdfPages(pdfPath, join(ARTIFACTS, 'text-approvals-page'));
    // Looking is not editing: opening every editor of the signed agreement leaves it signed.
    await goToStep(page, 'sla');
    await page.getByTestId('sla-section-loyalty').locator('table').waitFor();
    await goToStep(page, 'glossary');
    for (const name of ['Lead', 'MQL', 'SQL']) await page.getByTestId('term-item').filter({ hasText: name }).first().click();
    await page.getByTestId('term-examples').locator('[contenteditable="true"]').waitFor();
    // An editor that wrote on opening would have done so, and the badge shown it, once the page has settled.
    await settled(page);
    await expect(page.locator('.topbar__workshop .badge').textContent()).resolves.toBe('Firmado');
    expect(pageErrors(page)).toEqual([]);
  });
});
