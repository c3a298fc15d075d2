/**
 * The browser platform's PDF export, pagination and verification, honest
 * about what a plain browser cannot do: no sealer → the file is said to be
 * unsealed; no verifier → `unsupported`; a wrong table of contents → nothing
 * downloaded.
 */
import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserPlatform } from '../../renderer/platform/browser';
import type { ExportPdfRequest, PdfVerdict } from '../../shared/bridge/contract';

/** A two-page PDF with one bookmark, "Firmas", on page 2, as base64. */
async function printedBase64(): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]);
  const second = pdf.addPage([595, 842]).ref;
  const root = pdf.context.nextRef();
  const item = pdf.context.nextRef();
  pdf.context.assign(item, pdf.context.obj({ Title: PDFHexString.fromText('Firmas'), Parent: root, Dest: [second, 'XYZ', 0, 800, 0] } as never));
  pdf.context.assign(root, pdf.context.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 } as never));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  return Buffer.from(await pdf.save()).toString('base64');
}

/** The outline a sealer reads from a two-page print with "Firmas" on `page`. */
const firmasOnPage = (page: number) => ({ pageCount: 2, headings: [{ title: 'Firmas', level: 1, page }] });

const request: ExportPdfRequest = {
  suggestedName: 'Nubecom - Acuerdo - v1.pdf',
  print: { pageSize: 'A4', headerTemplate: '<span></span>', footerTemplate: '<span class="pageNumber"></span>' },
  metadata: { title: 'Acuerdo', author: 'Nubecom', subject: 'SLA', keywords: ['SLA'], language: 'es' },
  snapshotJson: '{"a":1}',
  toc: [{ title: 'Firmas', page: 2 }],
};

let clicked: string[];
beforeEach(async () => {
  clicked = [];
  const base64 = await printedBase64();
  window.pactoBrowserPrinter = vi.fn(async () => base64);
  URL.createObjectURL = vi.fn(() => 'blob:pdf');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this.download);
  });
});

afterEach(() => {
  delete window.pactoBrowserPrinter;
  delete window.pactoBrowserSealer;
  delete window.pactoBrowserVerifier;
  vi.restoreAllMocks();
});

describe('browser platform', () => {
  it('without a sealer, downloads the finished PDF and says it is not sealed', async () => {
    const result = await browserPlatform.exportPdf(request);
    expect(result).toMatchObject({ ok: true, value: { path: request.suggestedName, sealed: false } });
    expect(clicked).toEqual([request.suggestedName]);
  });

  it('with a sealer, passes it the printed PDF, the metadata and snapshot to add and the signatures record, downloads what it returns and names the seal key', async () => {
    const sealed = Buffer.from('%PDF-sealed').toString('base64');
    window.pactoBrowserSealer = vi.fn(async () => ({ pdfBase64: sealed, keyFingerprint: 'd'.repeat(64), pagination: firmasOnPage(2) }));
    const result = await browserPlatform.exportPdf(request);
    expect(result).toMatchObject({ ok: true, value: { sealed: true, bytes: '%PDF-sealed'.length, sealKeyFingerprint: 'd'.repeat(64) } });
    const [pdfBase64, recordJson, finalizationJson] = (window.pactoBrowserSealer as ReturnType<typeof vi.fn>).mock.calls[0]!;
    expect(
      Buffer.from(pdfBase64 as string, 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(recordJson).toBe('');
    // The seal finalizes the printed file in its own load: the page does not parse and save it first.
    expect(JSON.parse(finalizationJson as string)).toEqual({ metadata: request.metadata, snapshotJson: request.snapshotJson, now: expect.any(String) });
  });

  it('refuses a table of contents that names the wrong page, downloading nothing', async () => {
    const result = await browserPlatform.exportPdf({ ...request, toc: [{ title: 'Firmas', page: 1 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'toc-mismatch' } });
    expect(clicked).toEqual([]);
  });

  it('with a sealer, checks the contents against the outline the seal read, downloading nothing when they differ', async () => {
    window.pactoBrowserSealer = vi.fn(async () => ({
      pdfBase64: Buffer.from('%PDF-sealed').toString('base64'),
      keyFingerprint: 'd'.repeat(64),
      pagination: firmasOnPage(3),
    }));
    const result = await browserPlatform.exportPdf(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'toc-mismatch', message: expect.stringContaining('"Firmas" says page 2, printed on 3') } });
    expect(clicked).toEqual([]);
  });

  it('paginates from the printed outline', async () => {
    await expect(browserPlatform.paginatePdf(request.print)).resolves.toEqual({
      ok: true,
      value: { pageCount: 2, headings: [{ title: 'Firmas', level: 1, page: 2 }] },
    });
  });

  it('says it cannot verify without a verifier, and passes the bytes to one when given', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70]);
    await expect(browserPlatform.verifyPdf({ name: 'a.pdf', bytes })).resolves.toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const verdict = { status: 'not-pacto', reasons: [{ code: 'not-a-pdf', message: 'no' }] } as PdfVerdict;
    window.pactoBrowserVerifier = vi.fn(async () => verdict);
    await expect(browserPlatform.verifyPdf({ name: 'a.pdf', bytes })).resolves.toEqual({ ok: true, value: verdict });
    expect(window.pactoBrowserVerifier).toHaveBeenCalledWith(Buffer.from(bytes).toString('base64'));
  });
});
