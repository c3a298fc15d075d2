import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import type { ExportPdfRequest } from '../../shared/bridge/contract';
import { finalizeAgreementPdf } from '../../shared/pdf/finalize';
import { runPdfExport, tocMismatchMessage, type PdfExportSteps } from '../../shared/pdf/export-pipeline';

const request: ExportPdfRequest = {
  suggestedName: 'Acuerdo.pdf',
  print: { pageSize: 'Letter', headerTemplate: '<div></div>', footerTemplate: '<div></div>' },
  metadata: { title: 'Acuerdo', author: 'Ana', subject: 'SLA', keywords: ['SLA'], language: 'es' },
  snapshotJson: '{"title":"Acuerdo"}',
};

async function printedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([612, 792]).drawText('MQL', { x: 50, y: 700, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

function steps(overrides: Partial<PdfExportSteps> = {}): PdfExportSteps {
  return {
    print: vi.fn(() => printedPdf()),
    finalize: vi.fn(finalizeAgreementPdf),
    saveDialog: vi.fn(async (name: string) => name),
    writeFile: vi.fn(async () => undefined),
    now: () => new Date('2026-01-02T10:00:00Z'),
    ...overrides,
  };
}

describe('runPdfExport (the one export pipeline)', () => {
  it('hands the print step the request’s own print settings', async () => {
    const s = steps();
    await runPdfExport(request, s);
    expect(s.print).toHaveBeenCalledWith(request.print);
  });

  it('writes an unsealed file and says so when the platform has no seal step', async () => {
    const s = steps();
    const result = await runPdfExport(request, s);
    expect(result).toMatchObject({ ok: true, value: { path: 'Acuerdo.pdf', sealed: false } });
    expect(result.ok && 'sealKeyFingerprint' in result.value).toBe(false);
    expect(s.writeFile).toHaveBeenCalledTimes(1);
  });

  it('reports a failing seal step as seal-failed and writes nothing', async () => {
    const s = steps({ seal: () => Promise.reject(new Error('no key')) });
    expect(await runPdfExport(request, s)).toEqual({ ok: false, error: { code: 'seal-failed', message: 'Sealing the PDF failed: no key' } });
    expect(s.saveDialog).not.toHaveBeenCalled();
    expect(s.writeFile).not.toHaveBeenCalled();
  });
});

describe('tocMismatchMessage', () => {
  it('names each wrong entry, the page it claims and where it was printed', () => {
    expect(
      tocMismatchMessage([
        { title: 'SLA', claimed: 4, actual: 5 },
        { title: 'Firmas', claimed: 6, actual: null },
      ]),
    ).toBe('The table of contents does not match the printed pages: "SLA" says page 4, printed on 5; "Firmas" says page 6, printed on no page');
  });
});
