import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { sealPdf } from '../../electron/seal/seal';
import { verifyAgreementPdf } from '../../electron/seal/verify';
import { paginateAgreementPdf } from '../../electron/main/export-pdf';
import { agreementLines, auditOf, sampleVersion, signaturesOf, testKey, textPdf } from './seal-fixture';
import { buildSignatureRecord } from '../../shared/agreement/signature-record';
import { loadPdfjs } from '../../electron/seal/pdfjs';
import { describe, expect, it, vi } from 'vitest';
import { exportAgreementPdf, PDF_MARGINS_INCHES, printToPdfOptions, type ExportPdfDeps } from '../../electron/main/export-pdf';
import type { ExportPdfRequest } from '../../shared/bridge/contract';
import { finalizeAgreementPdf, SNAPSHOT_ATTACHMENT_NAME, type PdfFinalization } from '../../shared/pdf/finalize';
import { readPdfOutline } from '../../shared/pdf/outline';

const request: ExportPdfRequest = {
  suggestedName: 'Acuerdo Marketing–Ventas 2025.pdf',
  print: {
    pageSize: 'A4',
    headerTemplate: '<div style="font-size:8px">Acuerdo</div>',
    footerTemplate: '<div style="font-size:8px"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
  },
  metadata: {
    title: 'Acuerdo de alineación Marketing–Ventas',
    author: 'Comité de dirección',
    subject: 'SLA y embudo acordado',
    keywords: ['SLA', 'MQL', 'SQL'],
    language: 'es',
  },
  snapshotJson: '{"glossary":[{"term":"MQL"}],"title":"Año fiscal, señal"}',
};

const NOW = new Date('2025-03-14T09:30:00Z');

/** A one-page PDF standing in for what Chromium prints. */
async function printedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText('MQL', { x: 50, y: 780, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

function deps(overrides: Partial<ExportPdfDeps> = {}): ExportPdfDeps & { written: Map<string, Uint8Array> } {
  const written = new Map<string, Uint8Array>();
  return {
    written,
    print: vi.fn(() => printedPdf()),
    finalize: vi.fn(finalizeAgreementPdf),
    // Stands in for the seal: only the finalizing it does first (metadata and snapshot) and the outline it reads, no signature.
    seal: vi.fn(async (printed: Uint8Array, _record, f: PdfFinalization) => ({
      bytes: await finalizeAgreementPdf(printed, f.metadata, f.snapshotJson, f.now),
      keyFingerprint: 'c'.repeat(64),
      pagination: await readPdfOutline(printed),
    })),
    saveDialog: vi.fn(async () => '/home/ana/Documentos/Acuerdo.pdf'),
    writeFile: vi.fn(async (path: string, data: Uint8Array) => {
      written.set(path, data);
    }),
    now: () => NOW,
    ...overrides,
  };
}

describe('printToPdfOptions', () => {
  it('prints the chosen paper with backgrounds, header and footer inside the margins', () => {
    expect(printToPdfOptions({ ...request.print, pageSize: 'Letter' })).toEqual({
      pageSize: 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: request.print.headerTemplate,
      footerTemplate: request.print.footerTemplate,
      preferCSSPageSize: true,
      margins: PDF_MARGINS_INCHES,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
    });
    expect(PDF_MARGINS_INCHES.top).toBeGreaterThan(0.5);
    expect(PDF_MARGINS_INCHES.bottom).toBeGreaterThan(0.5);
  });
});

describe('exportAgreementPdf', () => {
  it('prints, finalizes, asks where to save and writes the finished PDF', async () => {
    const d = deps();
    const result = await exportAgreementPdf(request, d);

    expect(d.print).toHaveBeenCalledWith(printToPdfOptions(request.print));
    expect(d.saveDialog).toHaveBeenCalledWith('Acuerdo Marketing–Ventas 2025.pdf');
    const bytes = d.written.get('/home/ana/Documentos/Acuerdo.pdf');
    expect(bytes).toBeDefined();
    expect(result).toEqual({
      ok: true,
      value: { path: '/home/ana/Documentos/Acuerdo.pdf', bytes: bytes!.byteLength, sealed: true, sealKeyFingerprint: 'c'.repeat(64) },
    });
    expect(d.seal).toHaveBeenCalledTimes(1);

    const { getDocument } = await loadPdfjs();
    const document = await getDocument({ data: bytes!.slice() }).promise;
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    expect(info['Title']).toBe(request.metadata.title);
    expect(info['Author']).toBe(request.metadata.author);
    const attachments = (await document.getAttachments()) as Record<string, { content: Uint8Array }>;
    expect(new TextDecoder().decode(attachments[SNAPSHOT_ATTACHMENT_NAME]!.content)).toBe(request.snapshotJson);
    await document.destroy();
  });

  it('writes nothing when the user cancels the dialog', async () => {
    const d = deps({ saveDialog: vi.fn(async () => null) });
    const result = await exportAgreementPdf(request, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('reports a failed print without opening the dialog', async () => {
    const d = deps({ print: vi.fn(() => Promise.reject(new Error('Failed to generate PDF'))) });
    const result = await exportAgreementPdf(request, d);
    expect(result).toEqual({ ok: false, error: { code: 'print-failed', message: expect.stringContaining('Failed to generate PDF') } });
    expect(d.saveDialog).not.toHaveBeenCalled();
  });

  it('reports bytes that are not a PDF without opening the dialog', async () => {
    const d = deps({
      print: vi.fn(async () => new TextEncoder().encode('not a pdf at all')),
      seal: vi.fn(async (printed: Uint8Array, record, finalization) => ({
        ...(await sealPdf(printed, testKey(), { record, finalization })),
        keyFingerprint: testKey().keyFingerprint,
      })),
    });
    const result = await exportAgreementPdf(request, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'pdf-failed' } });
    expect(d.saveDialog).not.toHaveBeenCalled();
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('reports a dialog that fails', async () => {
    const d = deps({ saveDialog: vi.fn(() => Promise.reject(new Error('no display'))) });
    expect(await exportAgreementPdf(request, d)).toMatchObject({ ok: false, error: { code: 'dialog-failed' } });
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('reports a failed write with the path', async () => {
    const d = deps({ writeFile: vi.fn(() => Promise.reject(new Error('EACCES: permission denied'))) });
    const result = await exportAgreementPdf(request, d);
    expect(result).toEqual({
      ok: false,
      error: { code: 'io', message: expect.stringMatching(/\/home\/ana\/Documentos\/Acuerdo\.pdf.*EACCES/) },
    });
  });

  it('seals the finished file with the signatures record, and what it writes verifies as intact', async () => {
    const version = sampleVersion();
    const record = buildSignatureRecord(version, signaturesOf(version), auditOf(version));
    const d = deps({
      print: vi.fn(() => textPdf(agreementLines(version.fingerprint))),
      seal: vi.fn(async (printed: Uint8Array, r, finalization) => ({
        ...(await sealPdf(printed, testKey(), { record: r, finalization })),
        keyFingerprint: testKey().keyFingerprint,
      })),
    });
    const result = await exportAgreementPdf({ ...request, snapshotJson: version.snapshotJson, signatureRecord: record }, d);
    expect(result).toMatchObject({ ok: true, value: { sealed: true, sealKeyFingerprint: testKey().keyFingerprint } });
    // The seal gets the PDF as printed and finalizes it in its own load: no separate finalizer pass.
    expect(d.seal).toHaveBeenCalledWith(expect.any(Uint8Array), record, { metadata: request.metadata, snapshotJson: version.snapshotJson, now: NOW });
    expect(d.finalize).not.toHaveBeenCalled();
    const report = await verifyAgreementPdf(d.written.get('/home/ana/Documentos/Acuerdo.pdf')!);
    expect(report.reasons).toEqual([]);
    expect(report.status).toBe('intact');
    expect(report.signatories.map((s) => s.signed)).toEqual([true, true]);
  });

  it('writes nothing when sealing fails', async () => {
    const d = deps({ seal: vi.fn(() => Promise.reject(new Error('The stored seal key is not a readable PKCS#12 file'))) });
    const result = await exportAgreementPdf(request, d);
    expect(result).toEqual({ ok: false, error: { code: 'seal-failed', message: expect.stringContaining('PKCS#12') } });
    expect(d.saveDialog).not.toHaveBeenCalled();
    expect(d.writeFile).not.toHaveBeenCalled();
  });
});

/** A PDF of `pages` pages with an outline: one bookmark per entry of `headings` pointing at its page (1-based). */
async function outlinedPdf(pages: number, headings: readonly [string, number][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const refs = Array.from({ length: pages }, () => pdf.addPage([595, 842]).ref);
  const outlines = pdf.context.nextRef();
  const items = headings.map(() => pdf.context.nextRef());
  headings.forEach(([title, page], i) => {
    const dict: Record<string, unknown> = {
      Title: PDFHexString.fromText(title),
      Parent: outlines,
      Dest: [refs[page - 1]!, 'XYZ', 0, 800, 0],
    };
    if (i > 0) dict['Prev'] = items[i - 1];
    if (i < items.length - 1) dict['Next'] = items[i + 1];
    pdf.context.assign(items[i]!, pdf.context.obj(dict as never));
  });
  pdf.context.assign(outlines, pdf.context.obj({ Type: 'Outlines', First: items[0]!, Last: items[items.length - 1]!, Count: items.length } as never));
  pdf.catalog.set(PDFName.of('Outlines'), outlines);
  return pdf.save();
}

describe('table of contents against the printed outline', () => {
  const headings: [string, number][] = [
    ['Índice', 2],
    ['Glosario', 3],
    ['Firmas', 6],
  ];

  it('paginate reads each heading’s page and the page count', async () => {
    const result = await paginateAgreementPdf(request.print, { print: async () => outlinedPdf(7, headings) });
    expect(result).toEqual({
      ok: true,
      value: { pageCount: 7, headings: headings.map(([title, page]) => ({ title, level: 1, page })) },
    });
  });

  it('paginate reports a failed print and bytes that are not a PDF', async () => {
    await expect(paginateAgreementPdf(request.print, { print: () => Promise.reject(new Error('gone')) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'print-failed' },
    });
    await expect(paginateAgreementPdf(request.print, { print: async () => new Uint8Array([1, 2, 3]) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'pdf-failed' },
    });
  });

  it('exports when every entry’s page matches the outline', async () => {
    const d = deps({ print: vi.fn(() => outlinedPdf(7, headings)) });
    const toc = [
      { title: 'Glosario', page: 3 },
      { title: 'Firmas', page: 6 },
    ];
    await expect(exportAgreementPdf({ ...request, toc }, d)).resolves.toMatchObject({ ok: true });
  });

  it('refuses to write a PDF whose table of contents names a wrong page, or a heading that was not printed', async () => {
    const d = deps({ print: vi.fn(() => outlinedPdf(7, headings)) });
    const toc = [
      { title: 'Glosario', page: 4 },
      { title: 'Certificado', page: 7 },
    ];
    const result = await exportAgreementPdf({ ...request, toc }, d);
    expect(result).toMatchObject({ ok: false, error: { code: 'toc-mismatch' } });
    if (!result.ok) {
      expect(result.error.message).toContain('"Glosario" says page 4, printed on 3');
      expect(result.error.message).toContain('"Certificado" says page 7, printed on no page');
    }
    expect(d.writeFile).not.toHaveBeenCalled();
  });
});
