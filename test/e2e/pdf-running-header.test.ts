/**
 * The agreement PDF's running header (company · title on the left, the
 * version on the right, on every page) stays inside the page for a long
 * company and title: the title ends in an ellipsis and the version shows
 * whole. Before, the header ran past the page's right edge and a long title
 * pushed "Versión 1" off it. The workshop is opened from a `.pacto` file,
 * frozen, signed, exported through the Export step, and the PDF read with pdfjs-dist;
 * its second page is rendered into test-artifacts/ to be looked at.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { launchPersistent } from '../support/chromium.mjs';
import { ARTIFACTS, freezeSignAndExport, openApp, openWorkshopFile, writeWorkshopFile } from '../support/app';
import { pdfPageTexts, renderPdfPages } from '../support/pdf';

const url = inject('pactoUrl');
const COMPANY = 'Nubecom Soluciones Tecnológicas Integrales S.L.';
const TITLE = 'Acuerdo de colaboración entre Marketing y Ventas para el ejercicio fiscal 2027, con revisión trimestral de objetivos y del SLA';

let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ({ context } = await launchPersistent());
  page = await openApp(context, url);
});

afterAll(async () => {
  await context?.close();
});

describe('the running header of a long title', () => {
  it('keeps the version whole on every page and ends the title in an ellipsis', async () => {
    const content = sampleWorkshop('2026-12-01');
    content.meta.company = COMPANY;
    content.meta.title = TITLE;
    await openWorkshopFile(page, writeWorkshopFile(content, 'pdf-running-header'));
    // Frozen (with the recorded override: the sample's items are not all approved), signed and exported.
    const pdf = await freezeSignAndExport(page, 'Prueba del encabezado.', 'pdf-running-header.pdf');

    const headers = (await pdfPageTexts(pdf)).map((text) => text.split('\n')[0]!);
    expect(headers.length).toBeGreaterThan(3);
    for (const header of headers) {
      expect(header.startsWith(`${COMPANY} · Acuerdo de colaboración`)).toBe(true);
      expect(header).toMatch(/…\s+Versión 1$/);
    }
    expect(await renderPdfPages(pdf, join(ARTIFACTS, 'pdf-running-header'), { dpi: 80, first: 2, last: 2 })).toHaveLength(1);
  });
});
