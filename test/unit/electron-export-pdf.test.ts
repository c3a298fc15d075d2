import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it, vi } from 'vitest';
import { exportAgreementPdf, PDF_MARGINS_INCHES, printToPdfOptions, type ExportPdfDeps } from '../../electron/main/export-pdf';
import type { ExportPdfRequest } from '../../shared/bridge/contract';
import { finalizeAgreementPdf, SNAPSHOT_ATTACHMENT_NAME } from '../../shared/pdf/finalize';

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
    expect(result).toEqual({ ok: true, value: { path: '/home/ana/Documentos/Acuerdo.pdf', bytes: bytes!.byteLength } });

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
    const d = deps({ print: vi.fn(async () => new TextEncoder().encode('not a pdf at all')) });
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
});
