/**
 * Signing and verifying, in real Chromium on the built renderer: the freeze
 * gate refuses, an override with a reason freezes; both teams' signatories
 * sign (drawn and typed, with the consent line); the versions view shows the
 * history, a diff and the audit trail; the exported PDF has a table of
 * contents whose page numbers are right (checked page by page in its
 * text), both signatories, the fingerprint and the certificate page;
 * `pacto verify` says intact for it, and altered after one byte of the
 * embedded snapshot or one word of a page is changed; the PDF dropped back
 * onto Pacto gets its verdict.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runVerify } from '../../electron/cli/verify';
import { SNAPSHOT_ATTACHMENT_NAME } from '../../shared/pdf/finalize';
import { readPdfOutline } from '../../shared/pdf/outline';
import { embeddedFileData } from '../unit/seal-fixture';
import { ARTIFACTS, exportPdf, goToStep, launchApp, openSample, pageErrors, shot } from '../support/app';
import { pdfInfo, pdfPageTexts, renderPdfPages } from '../support/pdf';

const url = inject('pactoUrl');
const REASON = 'El comité firma hoy y revisa las cláusulas abiertas en 30 días.';

let context: BrowserContext;
let page: Page;
let pdfPath: string;
let pdf: Uint8Array;
let fingerprint: string;

beforeAll(async () => {
  ({ context, page } = await launchApp(url));
});

afterAll(async () => {
  await context?.close();
});

/** `pacto verify <file> --json` in-process (the CLI's own entry), with its exit code and parsed report. */
async function verify(path: string): Promise<{
  code: number;
  report: { status: string; fingerprint: string | null; version: number | null; signatories: { name: string; signed: boolean }[]; reasons: { code: string }[] };
}> {
  let out = '';
  const code = await runVerify([path, '--json'], {
    readBytes: (p) => new Uint8Array(readFileSync(p)),
    out: (text) => {
      out += text;
    },
    err: () => undefined,
  });
  return { code, report: JSON.parse(out) };
}

async function signTyped(participantId: string): Promise<void> {
  await page.getByTestId(`sign-${participantId}`).click();
  await page.getByRole('radio', { name: 'Escribir' }).check();
  await page.getByTestId('consent').check();
  await page.getByTestId('confirm-sign').click();
  await page.getByTestId(`sign-${participantId}`).waitFor({ state: 'detached' });
}

describe('freeze, sign as two, export, verify', () => {
  it('refuses to freeze with open items until an override names who and why', async () => {
    await openSample(page);
    await goToStep(page, 'sign');
    await expect(page.getByTestId('gate-open').textContent()).resolves.toMatch(/términos o cláusulas por acordar/);
    await expect(page.getByTestId('freeze').isDisabled()).resolves.toBe(true);
    await page.getByTestId('freeze-override').check();
    await page.getByTestId('freeze').click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Elija quién decide/);
    await page.getByTestId('override-who').selectOption('p-carmen');
    await page.getByTestId('freeze').click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/Indique el motivo/);
    await page.getByTestId('override-reason').fill(REASON);
    await shot(page, 'sign-01-override');
    await page.getByTestId('freeze').click();
    await page.getByTestId('fingerprint').waitFor();
    fingerprint = (await page.getByTestId('fingerprint').textContent())!.replace(/\s+/g, '');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    await expect(page.getByTestId('version-override').textContent()).resolves.toContain(REASON);
  });

  it('has the marketing and the sales signatory sign, each with the consent line', async () => {
    // Lucía (marketing) draws.
    await page.getByTestId('sign-p-lucia').click();
    await expect(page.locator('label[for="consent"]').textContent()).resolves.toMatch(/firma electrónica simple/);
    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 110);
    await page.mouse.down();
    for (let i = 0; i <= 24; i++) await page.mouse.move(box.x + 40 + i * 18, box.y + 90 + Math.cos(i / 2) * 35, { steps: 2 });
    await page.mouse.up();
    await page.getByTestId('consent').check();
    await page.getByTestId('confirm-sign').click();
    await page.getByTestId('sign-p-lucia').waitFor({ state: 'detached' });
    // Jorge (sales) types.
    await signTyped('p-jorge');
    await page.getByText('Todos los firmantes firmaron la versión 1').waitFor();
    await shot(page, 'sign-02-signed');
    // Looking at the other steps changes nothing: the agreement stays signed.
    for (const step of ['glossary', 'sla', 'funnel', 'targets', 'participants']) await goToStep(page, step);
    await goToStep(page, 'sign');
    await expect(page.locator('.topbar .badge').textContent()).resolves.toBe('Firmado');
  });

  it('shows the version as signed, a diff against an edited draft, and an intact audit trail', async () => {
    await goToStep(page, 'versions');
    await expect(page.getByTestId('version-row').getAttribute('data-standing')).resolves.toBe('signed');
    const types = await page.getByTestId('audit-event').locator('td:nth-child(3)').allTextContents();
    expect(types.reverse()).toEqual(['Taller creado', 'Versión congelada', 'Firmado', 'Firmado']);
    await expect(page.getByTestId('chain-status').textContent()).resolves.toMatch(/Cadena íntegra: 4 eventos/);
    await expect(page.getByTestId('diff-same').count()).resolves.toBe(1);
    await shot(page, 'sign-03-versions');

    // An edit after signing: a new draft, the old signatures voided for it (version 1 keeps them).
    await goToStep(page, 'sla');
    const intro = page.getByTestId('sla-intro');
    await intro.click();
    await page.keyboard.press('End');
    // It asks first ("This agreement is signed…"); accepted, the typing goes into a new draft.
    page.once('dialog', (d) => void d.accept());
    await page.keyboard.type(' Revisión trimestral.');
    await intro.blur().catch(() => undefined);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await goToStep(page, 'versions');
    await page.getByTestId('diff').waitFor();
    await expect(page.getByTestId('diff').locator('ins').first().textContent()).resolves.toContain('Revisión');
    await expect(page.getByTestId('version-row').getAttribute('data-standing')).resolves.toBe('signed');
    await page.getByText('Nuevo borrador tras la firma').waitFor();
    await page.getByText(/esta conserva las firmas de Lucía Fernández Ortega, Jorge Ibáñez Muñoz/).waitFor();
    await shot(page, 'sign-04-diff-audit');
  });

  it('exports a sealed PDF whose contents list the right pages', async () => {
    await goToStep(page, 'export');
    const exported = await exportPdf(page, 'sign-verify.pdf');
    expect(exported.savedName).toBe('Nubecom Soluciones - Acuerdo Marketing–Ventas 2027 - v1.pdf');
    pdfPath = exported.path;
    await page.getByTestId('export-status').filter({ hasText: 'PDF guardado' }).waitFor();
    await expect(page.getByTestId('export-seal').textContent()).resolves.toMatch(/sello de integridad/);
    await page.screenshot({ path: join(ARTIFACTS, 'sign-06-export.png') });
    pdf = new Uint8Array(readFileSync(pdfPath));

    const info = await pdfInfo(pdfPath);
    const pages = info.pages;
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(info.title).toBe('Acuerdo Marketing–Ventas 2027 — Versión 1');
    expect(info.author).toBe('Nubecom Soluciones');
    expect(info.tagged).toBe(true);
    expect(info.paper).toBe('A4');
    // The structure tree (tagged PDF) has the section headings.
    expect(info.structureRoles).toContain('H2');

    const texts = await pdfPageTexts(pdfPath);
    texts.forEach((text, i) => expect(text).toContain(`Página ${i + 1} de ${pages}`));
    // Every page carries more than its header and footer: no blank pages.
    for (const text of texts)
      expect(text.replace(/Página \d+ de \d+|Nubecom Soluciones · Acuerdo Marketing–Ventas 2027|Versión 1|\s/g, '').length).toBeGreaterThan(20);

    // The contents (on the cover, page 1) name each section and a page; that page starts with that section's heading.
    expect(texts[0]).toMatch(/Índice/);
    const entries = [...texts[0]!.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: Number(m[2]) }));
    expect(entries.map((e) => e.title)).toEqual(
      expect.arrayContaining([
        'Resumen ejecutivo',
        'Partes',
        'Glosario',
        'Objetivos',
        'Acuerdo de nivel de servicio (SLA)',
        'Firmas',
        'Certificado de firma',
        'Anexo: registro de auditoría',
      ]),
    );
    for (const entry of entries) {
      const body = texts[entry.page - 1]!.split('\n').filter((l) => l.trim() !== '');
      // Line 0 is the running header; the section heading comes next.
      expect(body[1]!.trim(), `contents say "${entry.title}" is on page ${entry.page}`).toBe(entry.title);
    }
    const onPage = (title: string) => texts[entries.find((e) => e.title === title)!.page - 1]!;

    // Parties and the override; both teams' signatories; the fingerprint; the certificate.
    expect(onPage('Partes')).toContain('Congelado con puntos sin acordar');
    expect(onPage('Partes').replace(/\s+/g, ' ')).toContain(REASON);
    expect(onPage('Firmas')).toContain('Lucía Fernández Ortega');
    expect(onPage('Firmas')).toContain('Jorge Ibáñez Muñoz');
    const certificate = onPage('Certificado de firma');
    expect(certificate.replace(/\s+/g, '')).toContain(fingerprint);
    expect(certificate).toMatch(/Europe\/Madrid/);
    expect(onPage('Anexo: registro de auditoría')).toMatch(/Taller creado/);
    expect(certificate.replace(/\s+/g, ' ')).toMatch(/integridad —que el archivo no cambió desde que se exportó—, no la identidad/);

    // The bookmarks (outline) lead to the same pages as the contents.
    const outline = await readPdfOutline(pdf);
    for (const entry of entries) expect(outline.headings.find((h) => h.title === entry.title)?.page, entry.title).toBe(entry.page);

    // Pages as pictures, for people to look at.
    await renderPdfPages(pdfPath, join(ARTIFACTS, 'sign-verify-page'), { dpi: 50 });
  });

  it('exports on Letter paper with the contents paginated for it', async () => {
    await page.getByTestId('page-size').selectOption('Letter');
    const letterPath = (await exportPdf(page, 'sign-verify-letter.pdf')).path;
    const info = await pdfInfo(letterPath);
    expect(info.paper).toBe('Letter');
    const pages = info.pages;
    const letterTexts = await pdfPageTexts(letterPath);
    const contents = letterTexts[0]!;
    const entries = [...contents.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => ({ title: m[1]!, page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThanOrEqual(7);
    for (const entry of entries) {
      expect(entry.page).toBeLessThanOrEqual(pages);
      expect(
        letterTexts[entry.page - 1]!.split('\n')
          .filter((l) => l.trim() !== '')[1]!
          .trim(),
        entry.title,
      ).toBe(entry.title);
    }
    const { report } = await verify(letterPath);
    expect(report.status).toBe('intact');
    await page.getByTestId('page-size').selectOption('A4');
  });

  it('records the export in the audit trail', async () => {
    await goToStep(page, 'versions');
    await expect(page.getByTestId('audit-event').first().locator('td:nth-child(3)').textContent()).resolves.toBe('PDF exportado');
    await expect(page.getByTestId('audit-event').first().textContent()).resolves.toContain('sellado');
    await expect(page.getByTestId('chain-status').textContent()).resolves.toMatch(/Cadena íntegra/);
    await goToStep(page, 'export');
  });

  it('pacto verify: intact as exported', async () => {
    const { code, report } = await verify(pdfPath);
    expect(report.reasons).toEqual([]);
    expect(report).toMatchObject({ status: 'intact', fingerprint, version: 1 });
    expect(report.signatories.map((s) => [s.name, s.signed])).toEqual([
      ['Lucía Fernández Ortega', true],
      ['Jorge Ibáñez Muñoz', true],
    ]);
    expect(code).toBe(0);
  });

  it('pacto verify: altered after one byte of the embedded snapshot is changed', async () => {
    const { start, end } = embeddedFileData(pdf, SNAPSHOT_ATTACHMENT_NAME);
    const copy = new Uint8Array(pdf);
    const at = Math.floor((start + end) / 2);
    copy[at] = copy[at]! ^ 0x01;
    const path = join(ARTIFACTS, 'sign-verify-snapshot-byte.pdf');
    writeFileSync(path, copy);
    const { code, report } = await verify(path);
    expect(report.status).toBe('altered');
    expect(report.reasons.map((r) => r.code)).toContain('seal-broken');
    expect(code).toBe(1);
    rmSync(path);
  });

  it('pacto verify: altered after one word of a page is changed', async () => {
    // Another tool (pdf-lib) paints over the first participant's name on the parties page, writes another word there and saves.
    const doc = await PDFDocument.load(pdf);
    const parties = doc.getPage(2);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    parties.drawRectangle({ x: 40, y: parties.getHeight() - 130, width: 140, height: 16, color: rgb(1, 1, 1) });
    parties.drawText('Ana', { x: 48, y: parties.getHeight() - 126, size: 9, font });
    const path = join(ARTIFACTS, 'sign-verify-word.pdf');
    writeFileSync(path, await doc.save());
    expect((await pdfPageTexts(path))[2]).toContain('Ana');
    const { code, report } = await verify(path);
    expect(report.status).toBe('altered');
    // Re-saving with another tool rewrites the file: the seal no longer covers it (dropped or broken).
    expect(report.reasons.map((r) => r.code)).toEqual(expect.arrayContaining([expect.stringMatching(/^seal-(missing|broken)$/)]));
    // The attached snapshot itself is untouched: the change is in what a reader sees.
    expect(report.fingerprint).toBe(fingerprint);
    expect(code).toBe(1);
    rmSync(path);
  });

  it('verifies the exported file dropped back onto Pacto, and a file that is not a PDF', async () => {
    await goToStep(page, 'versions');
    await page.getByTestId('verify-file').setInputFiles(pdfPath);
    const verdict = page.getByTestId('verify-verdict');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-status')).resolves.toBe('intact');
    await expect(verdict.textContent()).resolves.toContain('Íntegro');
    await shot(page, 'sign-05-verify-intact');

    await page.getByTestId('verify-file').setInputFiles({ name: 'notas.pdf', mimeType: 'application/pdf', buffer: Buffer.from('no soy un PDF') });
    await page.getByTestId('verify-verdict').and(page.locator('[data-status="not-pacto"]')).waitFor();
    await expect(page.getByTestId('verify-reasons').textContent()).resolves.toContain('El archivo no es un PDF');
    expect(pageErrors(page)).toEqual([]);
  });

  it('reads in English when the interface is switched', async () => {
    await page.getByTestId('ui-language').selectOption('en');
    await page.getByRole('heading', { name: 'Version history' }).waitFor();
    await expect(page.getByTestId('version-row').textContent()).resolves.toContain('Signed');
    await expect(page.getByTestId('chain-status').textContent()).resolves.toMatch(/Chain intact: 7 events/);
    await expect(page.getByTestId('audit-event').first().textContent()).resolves.toContain('PDF exported');
    await page.screenshot({ path: join(ARTIFACTS, 'sign-07-versions-en.png') });
    await page.getByTestId('ui-language').selectOption('es');
    expect(pageErrors(page)).toEqual([]);
  });
});
