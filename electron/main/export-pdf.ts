/**
 * The PDF export in the main process: the shared pipeline
 * (`shared/pdf/export-pipeline.ts`: print, contents check, metadata and
 * snapshot, seal, save dialog, write) with Electron's print settings. Every
 * collaborator is a parameter, so the flow is tested without Electron.
 */
import type { PrintToPDFOptions } from 'electron';
import type { ExportPdfRequest, ExportPdfResult, PdfPagination, PrintOptions } from '../../shared/bridge/contract';
import type { Result } from '../../shared/domain/result';
import { runPdfExport, runPdfPagination, type PdfExportSteps } from '../../shared/pdf/export-pipeline';
import type { SealKey } from '../seal/key';
import { sealPdf, type SealOptions } from '../seal/seal';

/**
 * Page margins in inches: the print view's CSS `@page` margins (18 mm top and
 * bottom, 16 mm left and right; renderer/features/agreement/PrintView.tsx).
 * The print view's `@page` rule wins (`preferCSSPageSize`), exactly as in the
 * end-to-end tests' `page.pdf()`; these apply only if it were missing. The
 * header and footer templates are drawn inside the top and bottom margins.
 */
const MM_PER_INCH = 25.4;
export const PDF_MARGINS_INCHES = {
  top: 18 / MM_PER_INCH,
  bottom: 18 / MM_PER_INCH,
  left: 16 / MM_PER_INCH,
  right: 16 / MM_PER_INCH,
} as const;

/** Options for `webContents.printToPDF` from the request's print settings. */
export function printToPdfOptions(print: PrintOptions): PrintToPDFOptions {
  return {
    pageSize: print.pageSize,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: print.headerTemplate,
    footerTemplate: print.footerTemplate,
    preferCSSPageSize: true,
    margins: { ...PDF_MARGINS_INCHES },
    // Bookmarks from the print view's headings (also what the table of contents is checked against), and a tagged PDF for screen readers.
    generateDocumentOutline: true,
    generateTaggedPDF: true,
  };
}

/**
 * Collaborators of {@link exportAgreementPdf}: the pipeline's steps, with
 * `print` taking Electron's options (`event.sender.printToPDF`) and the seal
 * always present (`sealPdf` with the installation's key).
 */
export interface ExportPdfDeps extends Omit<PdfExportSteps, 'print' | 'seal'> {
  /** Prints the sender's page (`event.sender.printToPDF`). */
  print(options: PrintToPDFOptions): Promise<Uint8Array>;
  seal: NonNullable<PdfExportSteps['seal']>;
}

/**
 * The pipeline's seal step: `sealPdf` with the key `key()` gives (the installation's in the app, made once
 * per run in the e2e harness) and the page texts read by `readPageTexts` (the seal's worker thread), saying
 * which key sealed the file. Throws what `key()` or `sealPdf` throws.
 */
export function sealStep(key: () => SealKey | Promise<SealKey>, readPageTexts?: SealOptions['readPageTexts']): ExportPdfDeps['seal'] {
  return async (printed, record, finalization) => {
    const sealKey = await key();
    return { ...(await sealPdf(printed, sealKey, { record, finalization, readPageTexts })), keyFingerprint: sealKey.keyFingerprint };
  };
}

/**
 * Prints the page and reads its pagination from the outline, saving nothing.
 * Never throws: `print-failed` or `pdf-failed` come back as errors.
 */
export function paginateAgreementPdf(print: PrintOptions, deps: Pick<ExportPdfDeps, 'print'>): Promise<Result<PdfPagination>> {
  return runPdfPagination(print, { print: (options) => deps.print(printToPdfOptions(options)) });
}

/**
 * Exports the agreement PDF through {@link runPdfExport}; never throws, and
 * its error codes are the pipeline's (`print-failed`, `pdf-failed`,
 * `toc-mismatch`, `seal-failed`, `cancelled`, `dialog-failed`, `io`).
 */
export function exportAgreementPdf(request: ExportPdfRequest, deps: ExportPdfDeps): Promise<Result<ExportPdfResult>> {
  return runPdfExport(request, { ...deps, print: (options) => deps.print(printToPdfOptions(options)) });
}
