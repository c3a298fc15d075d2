/**
 * The browser platform's PDF export, pagination and verification: each is
 * handed to the main process's stand-in when the harness gives one (which
 * writes the file in Node, as the main process does: the page downloads
 * nothing), and it is honest about what a plain browser cannot do: no
 * exporter → the print dialog and `unsupported`; no paginator or verifier →
 * `unsupported`.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserPlatform } from '../../renderer/platform/browser';
import type { ExportPdfRequest, PdfVerdict } from '../../shared/bridge/contract';
import { err, ok } from '../../shared/domain/result';

const request: ExportPdfRequest = {
  suggestedName: 'Nubecom - Acuerdo - v1.pdf',
  print: { pageSize: 'A4', headerTemplate: '<span></span>', footerTemplate: '<span class="pageNumber"></span>' },
  metadata: { title: 'Acuerdo', author: 'Nubecom', subject: 'SLA', keywords: ['SLA'], language: 'es' },
  snapshotJson: '{"a":1}',
  toc: [{ title: 'Firmas', page: 2 }],
};

const written = ok({ path: `/home/ana/${request.suggestedName}`, bytes: 4096, sealed: true, sealKeyFingerprint: 'd'.repeat(64) });

/** Each download: the name it was given and the bytes of its blob. */
let downloads: { name: string; blob: Blob | undefined }[];
beforeEach(() => {
  downloads = [];
  let lastBlob: Blob | undefined;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    lastBlob = blob;
    return 'blob:pdf';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: lastBlob });
  });
});

afterEach(() => {
  delete window.pactoBrowserExporter;
  delete window.pactoBrowserPaginator;
  delete window.pactoBrowserVerifier;
  vi.restoreAllMocks();
});

describe('browser platform', () => {
  it('without the harness, opens the print dialog and says it saved no file', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const result = await browserPlatform.exportPdf(request);
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(print).toHaveBeenCalledOnce();
    expect(downloads).toEqual([]);
  });

  it('hands the request to the main process’s export, which writes the file, and gives its result without downloading a copy', async () => {
    window.pactoBrowserExporter = vi.fn(async () => written);
    const result = await browserPlatform.exportPdf(request);
    expect(result).toEqual(written);
    expect(window.pactoBrowserExporter).toHaveBeenCalledWith(request);
    expect(downloads).toEqual([]);
  });

  it('passes a failed export’s error on as it came', async () => {
    const failed = err({ code: 'toc-mismatch', message: 'The table of contents does not match the printed pages: "Firmas" says page 2, printed on 3' });
    window.pactoBrowserExporter = vi.fn(async () => failed);
    expect(await browserPlatform.exportPdf(request)).toEqual(failed);
    expect(downloads).toEqual([]);
  });

  it('refuses an invalid request before the main process sees it', async () => {
    window.pactoBrowserExporter = vi.fn();
    const result = await browserPlatform.exportPdf({ ...request, print: { ...request.print, pageSize: 'A3' as never } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('pageSize') } });
    expect(window.pactoBrowserExporter).not.toHaveBeenCalled();
  });

  it('says what failed when the harness itself throws, downloading nothing', async () => {
    window.pactoBrowserExporter = vi.fn(async () => {
      throw new Error('Target page, context or browser has been closed');
    });
    expect(await browserPlatform.exportPdf(request)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Target page, context or browser has been closed' },
    });
    expect(downloads).toEqual([]);
  });

  it('paginates through the main process’s pagination, and says it cannot without one', async () => {
    await expect(browserPlatform.paginatePdf(request.print)).resolves.toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const pagination = ok({ pageCount: 2, headings: [{ title: 'Firmas', level: 1, page: 2 }] });
    window.pactoBrowserPaginator = vi.fn(async () => pagination);
    await expect(browserPlatform.paginatePdf(request.print)).resolves.toEqual(pagination);
    expect(window.pactoBrowserPaginator).toHaveBeenCalledWith(request.print);
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
