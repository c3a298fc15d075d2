/**
 * The one agreement-PDF export pipeline, used by the main process and by the
 * browser platform alike: print the print view, add metadata and the
 * snapshot and seal (the seal reads the printed outline in the same load),
 * check the table of contents against that outline, ask where to save,
 * write; without a seal step the contents are checked first and the file is
 * only finalized. Every step is injected, so each runtime supplies only its
 * own way of printing, sealing, asking and writing (Electron's `printToPDF`,
 * its save dialog and atomic write; Chromium's `page.pdf()` and a download in
 * the browser), while the order, the checks, the error codes and the messages
 * live here once. Pure: no DOM, Node or Electron.
 */
import type { ExportPdfRequest, ExportPdfResult, PdfMetadata, PdfPagination, PrintOptions } from '../bridge/contract';
import type { SignatureRecord } from '../agreement/signature-record';
import { err, ok, type Result } from '../domain/result';
import type { PdfFinalization } from './finalize';
import { readPdfOutline } from './outline';
import { tocMismatches, type TocMismatch } from './toc';

/** The replaceable steps of {@link runPdfExport}. */
export interface PdfExportSteps {
  /** Prints the print view with these settings; resolves to the PDF's bytes. */
  print(options: PrintOptions): Promise<Uint8Array>;
  /** Adds metadata and attaches the snapshot (`finalizeAgreementPdf` of `shared/pdf/finalize.ts`); used where there is no seal step. */
  finalize(printed: Uint8Array, metadata: PdfMetadata, snapshotJson: string, now: Date): Promise<Uint8Array>;
  /**
   * Finalizes the printed PDF (metadata and snapshot, as `finalize` would, given as `finalization`) and
   * seals it (PAdES), attaching `record` first when given, in one load and save of the file
   * (`sealPdf` of `electron/seal/seal.ts` with `finalization`); says which key sealed it, and gives the
   * printed file's outline as read in that load (`outlineOf` of ./outline.ts), which the contents are checked against.
   * Throws an error whose `code` is `not-a-pdf` or `unreadable` (`SealError`) for printed bytes that are no
   * readable PDF. Absent where no seal key is available (a plain browser): the file is then finalized,
   * written unsealed and the result says `sealed: false`.
   */
  seal?:
    | ((
        printed: Uint8Array,
        record: SignatureRecord | undefined,
        finalization: PdfFinalization,
      ) => Promise<{ bytes: Uint8Array; keyFingerprint: string; pagination: PdfPagination }>)
    | undefined;
  /** Asks where to save; resolves to the chosen path (or download name), or `null` when the user cancels. */
  saveDialog(suggestedName: string): Promise<string | null>;
  /** Writes the file (atomically in the app; a download in the browser). */
  writeFile(path: string, data: Uint8Array): Promise<void>;
  /** The time written into the PDF's metadata. */
  now(): Date;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether the seal step failed because the printed bytes are no readable PDF (its `SealError` codes). */
function unreadablePdf(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return code === 'not-a-pdf' || code === 'unreadable';
}

/** The English message for table-of-contents entries whose page differs from the printed outline. */
export function tocMismatchMessage(wrong: readonly TocMismatch[]): string {
  const list = wrong.map((w) => `"${w.title}" says page ${w.claimed}, printed on ${w.actual ?? 'no page'}`).join('; ');
  return `The table of contents does not match the printed pages: ${list}`;
}

/**
 * Prints the page and reads its pagination from the outline, saving nothing.
 * Never throws: `print-failed` or `pdf-failed` come back as errors.
 */
export async function runPdfPagination(print: PrintOptions, steps: Pick<PdfExportSteps, 'print'>): Promise<Result<PdfPagination>> {
  let printed: Uint8Array;
  try {
    printed = await steps.print(print);
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
 * as an error with its own code. The printed file is parsed once: by the seal
 * step, which also gives its outline for the contents check (by the outline
 * reader, then the finalizer, where there is no seal step).
 *
 * @returns `{ path, bytes, sealed, sealKeyFingerprint? }` of the written file, or an error coded
 *   `print-failed` (the page could not be printed), `pdf-failed` (pdf-lib could not read or write the PDF),
 *   `toc-mismatch` (a table-of-contents page number differs from the printed outline; nothing written),
 *   `seal-failed` (the seal key or the signing failed; nothing written),
 *   `cancelled` (the user closed the save dialog; nothing written), `dialog-failed` or `io` (the write failed; an existing file at that path is left as it was)
 */
export async function runPdfExport(request: ExportPdfRequest, steps: PdfExportSteps): Promise<Result<ExportPdfResult>> {
  let printed: Uint8Array;
  try {
    printed = await steps.print(request.print);
  } catch (error) {
    return err({ code: 'print-failed', message: `Printing the page to PDF failed: ${message(error)}` });
  }
  const tocMismatch = (pagination: PdfPagination) => {
    const wrong = request.toc ? tocMismatches(request.toc, pagination) : [];
    return wrong.length > 0 ? err({ code: 'toc-mismatch', message: tocMismatchMessage(wrong) }) : null;
  };
  let finished: Uint8Array;
  let sealKeyFingerprint: string | undefined;
  if (steps.seal) {
    // The seal adds the metadata and the snapshot and reads the outline in its own load of the printed file: one parse and one save.
    // The contents are checked against that outline before anything is written.
    let pagination: PdfPagination;
    try {
      ({
        bytes: finished,
        keyFingerprint: sealKeyFingerprint,
        pagination,
      } = await steps.seal(printed, request.signatureRecord, {
        metadata: request.metadata,
        snapshotJson: request.snapshotJson,
        now: steps.now(),
      }));
    } catch (error) {
      if (unreadablePdf(error)) return err({ code: 'pdf-failed', message: `Reading the printed PDF failed: ${message(error)}` });
      return err({ code: 'seal-failed', message: `Sealing the PDF failed: ${message(error)}` });
    }
    const wrong = tocMismatch(pagination);
    if (wrong) return wrong;
  } else {
    if (request.toc) {
      let pagination: PdfPagination;
      try {
        pagination = await readPdfOutline(printed);
      } catch (error) {
        return err({ code: 'pdf-failed', message: `Reading the printed PDF failed: ${message(error)}` });
      }
      const wrong = tocMismatch(pagination);
      if (wrong) return wrong;
    }
    try {
      finished = await steps.finalize(printed, request.metadata, request.snapshotJson, steps.now());
    } catch (error) {
      return err({ code: 'pdf-failed', message: `Adding metadata and the snapshot to the PDF failed: ${message(error)}` });
    }
  }
  let path: string | null;
  try {
    path = await steps.saveDialog(request.suggestedName);
  } catch (error) {
    return err({ code: 'dialog-failed', message: `The save dialog failed: ${message(error)}` });
  }
  if (path === null) return err({ code: 'cancelled', message: 'The user closed the save dialog; nothing was written.' });
  try {
    await steps.writeFile(path, finished);
  } catch (error) {
    return err({ code: 'io', message: `Writing ${path} failed: ${message(error)}` });
  }
  return ok({
    path,
    bytes: finished.byteLength,
    sealed: sealKeyFingerprint !== undefined,
    ...(sealKeyFingerprint !== undefined ? { sealKeyFingerprint } : {}),
  });
}
