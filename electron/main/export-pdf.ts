/**
 * The PDF export: print the renderer's current page (the print view of an
 * agreement version) with an outline and tagged structure, check the table
 * of contents against the printed outline, add metadata and the snapshot
 * with pdf-lib, seal the file (PAdES, with the signatures record), ask the
 * user where to save, write the file atomically. Every collaborator is a
 * parameter, so the flow is tested without Electron.
 */
import type { PrintToPDFOptions } from 'electron';
import type { ExportPdfRequest, ExportPdfResult, PdfMetadata, PdfPagination, PrintOptions } from '../../shared/bridge/contract';
import type { SignatureRecord } from '../../shared/agreement/signature-record';
import { err, ok, type Result } from '../../shared/domain/result';
import { readPdfOutline, tocMismatches } from '../../shared/pdf/outline';

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

/** Collaborators of {@link exportAgreementPdf}. */
export interface ExportPdfDeps {
  /** Prints the sender's page (`event.sender.printToPDF`). */
  print(options: PrintToPDFOptions): Promise<Uint8Array>;
  /** Adds metadata and attaches the snapshot (`finalizeAgreementPdf`). */
  finalize(printed: Uint8Array, metadata: PdfMetadata, snapshotJson: string, now: Date): Promise<Uint8Array>;
  /** Seals the finished PDF (`sealPdf` with the installation's key), attaching `record` first when given; says which key sealed it. */
  seal(finished: Uint8Array, record: SignatureRecord | undefined): Promise<{ bytes: Uint8Array; keyFingerprint: string }>;
  /** Asks where to save; resolves to the chosen path, or `null` when the user cancels. */
  saveDialog(suggestedName: string): Promise<string | null>;
  /** Writes the file atomically (`writeFileAtomic`). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** The time written into the PDF's metadata. */
  now(): Date;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Prints the page and reads its pagination from the outline, saving nothing.
 * Never throws: `print-failed` or `pdf-failed` come back as errors.
 */
export async function paginateAgreementPdf(print: PrintOptions, deps: Pick<ExportPdfDeps, 'print'>): Promise<Result<PdfPagination>> {
  let printed: Uint8Array;
  try {
    printed = await deps.print(printToPdfOptions(print));
  } catch (error) {
    return err({ code: 'print-failed', message: `Printing the page to PDF failed: ${message(error)}` });
  }
  try {
    return ok(await readPdfOutline(printed));
  } catch (error) {
    return err({ code: 'pdf-failed', message: `Reading the printed PDF failed: ${message(error)}` });
  }
}

/**
 * Exports the agreement PDF. It never throws: each step's failure comes back
 * as an error with its own code.
 *
 * @returns `{ path, bytes, sealed: true, sealKeyFingerprint }` of the written file, or an error coded
 *   `print-failed` (Chromium could not print), `pdf-failed` (pdf-lib could not read or write the PDF),
 *   `toc-mismatch` (a table-of-contents page number differs from the printed outline; nothing written),
 *   `seal-failed` (the seal key or the signing failed; nothing written),
 *   `cancelled` (the user closed the save dialog; nothing written), `dialog-failed` or `io` (the write failed; an existing file at that path is left as it was)
 */
export async function exportAgreementPdf(request: ExportPdfRequest, deps: ExportPdfDeps): Promise<Result<ExportPdfResult>> {
  let printed: Uint8Array;
  try {
    printed = await deps.print(printToPdfOptions(request.print));
  } catch (error) {
    return err({ code: 'print-failed', message: `Printing the page to PDF failed: ${message(error)}` });
  }
  if (request.toc) {
    let wrong: ReturnType<typeof tocMismatches>;
    try {
      wrong = tocMismatches(request.toc, await readPdfOutline(printed));
    } catch (error) {
      return err({ code: 'pdf-failed', message: `Reading the printed PDF failed: ${message(error)}` });
    }
    if (wrong.length > 0) {
      const list = wrong.map((w) => `"${w.title}" says page ${w.claimed}, printed on ${w.actual ?? 'no page'}`).join('; ');
      return err({ code: 'toc-mismatch', message: `The table of contents does not match the printed pages: ${list}` });
    }
  }
  let finished: Uint8Array;
  try {
    finished = await deps.finalize(printed, request.metadata, request.snapshotJson, deps.now());
  } catch (error) {
    return err({ code: 'pdf-failed', message: `Adding metadata and the snapshot to the PDF failed: ${message(error)}` });
  }
  let sealKeyFingerprint: string;
  try {
    ({ bytes: finished, keyFingerprint: sealKeyFingerprint } = await deps.seal(finished, request.signatureRecord));
  } catch (error) {
    return err({ code: 'seal-failed', message: `Sealing the PDF failed: ${message(error)}` });
  }
  let path: string | null;
  try {
    path = await deps.saveDialog(request.suggestedName);
  } catch (error) {
    return err({ code: 'dialog-failed', message: `The save dialog failed: ${message(error)}` });
  }
  if (path === null) return err({ code: 'cancelled', message: 'The user closed the save dialog; nothing was written.' });
  try {
    await deps.writeFile(path, finished);
  } catch (error) {
    return err({ code: 'io', message: `Writing ${path} failed: ${message(error)}` });
  }
  return ok({ path, bytes: finished.byteLength, sealed: true, sealKeyFingerprint });
}
