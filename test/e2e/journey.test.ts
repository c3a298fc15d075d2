/**
 * The whole job on the sample workshop, in real Chromium on the built
 * renderer: open the sample, edit a glossary term, reload and find it,
 * refuse bad input, freeze, sign as two signatories, export the PDF, then
 * read the PDF (its text, facts and attachment, with pdfjs) and render its pages for people to look at.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Dialog, Page } from 'playwright-core';
import { ARTIFACTS, exportPdf, goToStep, launchApp, openSample, pageErrors, reloadOnStep, shot } from '../support/app';
import { pdfAttachments, pdfInfo, pdfText, renderPdfPages } from '../support/pdf';

const url = inject('pactoUrl');
const NEW_DEFINITION =
  'Lead con perfil de cliente ideal, puntuación ≥ 60 y un contacto en los últimos 30 días; señal de compra: añadió «Diseño» y «Señalización» al carrito.';

let context: BrowserContext;
let page: Page;
let pdfPath: string;
let fingerprint: string;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
});

afterAll(async () => {
  await context?.close();
});

describe('the sample workshop, from opening Pacto to a signed PDF', () => {
  it('shows the Spanish sample on the workshops home', async () => {
    const card = page.getByTestId('workshop-card');
    await expect(card.count()).resolves.toBe(1);
    await expect(card.textContent()).resolves.toContain('Nubecom Soluciones');
    await expect(card.textContent()).resolves.toContain('Borrador');
    await shot(page, '01-home');
  });

  it('walks through participants, funnel, glossary, SLA and targets on real data', async () => {
    await openSample(page);
    await expect(page.getByTestId('participant-row').count()).resolves.toBe(5);
    await shot(page, '02-participants');
    await goToStep(page, 'funnel');
    await expect(page.getByTestId('funnel-stage').count()).resolves.toBe(6);
    await shot(page, '03-funnel');
    await goToStep(page, 'glossary');
    await expect(page.getByTestId('term-item').count()).resolves.toBe(6);
    await goToStep(page, 'sla');
    await expect(page.getByTestId('commitment-row').count()).resolves.toBe(6);
    await shot(page, '05-sla');
    await goToStep(page, 'targets');
    const volumes = await page.getByTestId('volumes').locator('tbody tr td:nth-child(2)').allTextContents();
    // The worked example of docs/domain.md through the sample's agreed funnel (MQL→SAL 80 % × SAL→SQL 50 % = MQL→SQL 40 %).
    expect(volumes).toEqual(['4800', '1200', '960', '480', '240', '60']);
    await shot(page, '06-targets');
  });

  it('refuses bad input at the field and keeps what was saved', async () => {
    await goToStep(page, 'funnel');
    await page.locator('.react-flow__node[data-id="stage-lead"]').click();
    const rate = page.getByTestId('rate-tr-lead-mql');
    await rate.fill('abc');
    await rate.blur();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/porcentaje/);
    await rate.fill('120');
    await rate.blur();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/entre 0 % y 100 %/);
    await shot(page, '03b-funnel-bad-rate');
    await rate.press('Escape');
    await expect(rate.inputValue()).resolves.toBe('25');
    await goToStep(page, 'targets');
    const target = page.getByTestId('revenue-target');
    await target.fill('0');
    await target.blur();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/importe entre 0,01 y/);
    await target.press('Escape');
    await goToStep(page, 'participants');
    const name = page.getByTestId('participant-row').first().getByRole('textbox').first();
    await name.fill('   ');
    await name.blur();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/obligatorio/);
    await name.press('Escape');
    await expect(name.inputValue()).resolves.toBe('Lucía Fernández Ortega');
  });

  it('edits a glossary term, and finds it after a reload', async () => {
    await goToStep(page, 'glossary');
    await page.getByTestId('term-item').filter({ hasText: 'MQL' }).click();
    // The definition is a rich-text editor (contenteditable), saved as it is typed.
    const definition = page.getByTestId('term-definition').locator('[contenteditable="true"]');
    await definition.fill(NEW_DEFINITION);
    await definition.blur();
    await shot(page, '04-glossary');
    // A reload returns to the open step of the workshop.
    await reloadOnStep(page, 'glossary');
    await page.getByTestId('term-item').filter({ hasText: 'MQL' }).click();
    await expect(page.getByTestId('term-definition').locator('[contenteditable="true"]').textContent()).resolves.toBe(NEW_DEFINITION);
  });

  it('freezes the agreement and has one marketing and one sales signatory sign', async () => {
    await goToStep(page, 'sign');
    // Nothing in the sample is approved by both teams yet: freezing needs an explicit override.
    await page.getByTestId('freeze-override').check();
    await page.getByTestId('override-who').selectOption('p-lucia');
    await page.getByTestId('override-reason').fill('Firmamos hoy; revisamos las cláusulas abiertas en 30 días.');
    await page.getByTestId('freeze').click();
    const code = page.getByTestId('fingerprint');
    await code.waitFor();
    fingerprint = (await code.textContent())!.replace(/\s+/g, '');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Listo para firmar');

    // Lucía (marketing) draws her signature.
    await page.getByTestId('sign-p-lucia').click();
    const pad = page.getByTestId('signature-pad');
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 120);
    await page.mouse.down();
    for (let i = 0; i <= 30; i++) {
      await page.mouse.move(box.x + 40 + i * 14, box.y + 90 + Math.sin(i / 3) * 40, { steps: 2 });
    }
    await page.mouse.up();
    await page.getByTestId('confirm-sign').click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/aceptar la declaración/);
    await page.getByTestId('consent').check();
    await shot(page, '07-sign-dialog');
    await page.getByTestId('confirm-sign').click();
    await page.getByTestId('sign-p-lucia').waitFor({ state: 'detached' });

    // Jorge (sales) types his.
    await page.getByTestId('sign-p-jorge').click();
    await page.getByRole('radio', { name: 'Escribir' }).check();
    await expect(page.getByTestId('typed-signature').inputValue()).resolves.toBe('Jorge Ibáñez Muñoz');
    await page.getByTestId('consent').check();
    await page.getByTestId('confirm-sign').click();
    await page.getByText('Todos los firmantes firmaron la versión 1').waitFor();
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Firmado');
    await shot(page, '08-signed');
  });

  it('exports the PDF with the term, both signatories, the fingerprint and the snapshot', async () => {
    await goToStep(page, 'export');
    await shot(page, '09-export');
    const exported = await exportPdf(page, 'agreement.pdf');
    expect(exported.savedName).toBe('Nubecom Soluciones - Acuerdo Marketing–Ventas 2027 - v1.pdf');
    pdfPath = exported.path;
    await page.getByTestId('export-status').filter({ hasText: 'PDF guardado' }).waitFor();

    const text = await pdfText(pdfPath);
    expect(text).toContain('Lead con perfil de cliente ideal, puntuación ≥ 60');
    expect(text).toContain('Lucía Fernández Ortega');
    expect(text).toContain('Jorge Ibáñez Muñoz');
    expect(text.replace(/\s+/g, '')).toContain(fingerprint);
    const info = await pdfInfo(pdfPath);
    const pages = info.pages;
    for (let n = 1; n <= pages; n++) expect(text).toContain(`Página ${n} de ${pages}`);
    expect(info.title).toBe('Acuerdo Marketing–Ventas 2027 — Versión 1');
    expect(info.author).toBe('Nubecom Soluciones');
    expect(info.paper).toBe('A4');

    // The snapshot inside the PDF is what was signed: its SHA-256 is the printed fingerprint.
    const attachments = await pdfAttachments(pdfPath);
    expect([...attachments.keys()]).toContain('pacto-agreement.json');
    const bytes = attachments.get('pacto-agreement.json')!;
    writeFileSync(join(ARTIFACTS, 'pacto-agreement.json'), bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(fingerprint);
    const snapshot = JSON.parse(new TextDecoder().decode(bytes));
    expect(snapshot.content.terms.find((t: { acronym: string }) => t.acronym === 'MQL').definition).toBe(NEW_DEFINITION);

    // Pages as pictures, for people to look at.
    for (const f of readdirSync(ARTIFACTS).filter((f) => f.startsWith('pdf-page'))) rmSync(join(ARTIFACTS, f));
    await renderPdfPages(pdfPath, join(ARTIFACTS, 'pdf-page'));
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith('pdf-page')).length).toBe(pages);
  });

  it('starts a new draft on an edit after signing, keeping version 1 and its signatures', async () => {
    await goToStep(page, 'sla');
    const intro = page.getByTestId('sla-intro').locator('[contenteditable="true"]');
    await intro.click();
    await page.keyboard.press('Control+End');
    // The first edit of the signed agreement asks first, once for the whole draft.
    const asked: string[] = [];
    const onDialog = (d: Dialog) => {
      asked.push(d.message());
      void d.accept();
    };
    page.on('dialog', onDialog);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Revisión extraordinaria tras el primer trimestre.');
    await intro.blur();
    page.off('dialog', onDialog);
    expect(asked).toEqual(['Este acuerdo está firmado. Editarlo empieza un borrador nuevo; la versión 1 y sus firmas se quedan como están.']);
    await expect(page.locator('.badge').first().textContent()).resolves.toBe('Borrador');
    await goToStep(page, 'sign');
    await page.getByText('Ha habido cambios desde la versión 1').waitFor();
    await expect(
      page
        .getByTestId('fingerprint')
        .textContent()
        .then((t) => t!.replace(/\s+/g, '')),
    ).resolves.toBe(fingerprint);
    await expect(page.getByTestId('signatory').locator('img').count()).resolves.toBe(2);
    await shot(page, '10-new-draft');
    expect(pageErrors(page)).toEqual([]);
  });
});
