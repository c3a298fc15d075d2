/**
 * The bridge contract implemented for a plain browser, so the real renderer
 * runs in Chromium for tests without Electron. A PDF is exported and
 * paginated where the app does it, on the main process's side: the test
 * harness stands in for it (`pactoBrowserExporter`, `pactoBrowserPaginator`:
 * electron/main/export-pdf.ts run in Node, printing with Chromium's
 * `page.pdf()`, the engine of Electron's `printToPDF`, and sealing with
 * `electron/seal`, writing the file where its save dialog stand-in says, as
 * the main process does; the PDF never comes to the page). Without the
 * harness, export opens the browser's print dialog and says it did not save
 * a file, pagination and verification say they cannot: it never pretends
 * success. Workshop files, the recent list and backups are in
 * `browser-files.ts`.
 */
import { err, ok, type Result } from '../../shared/domain/result';
import {
  exportPdfRequestSchema,
  printOptionsSchema,
  verifyPdfRequestSchema,
  externalUrlSchema,
  type ExportPdfRequest,
  type ExportPdfResult,
  type PactoBridge,
  type PdfPagination,
  type PdfVerdict,
  type PrintOptions,
  saveFileRequestSchema,
} from '../../shared/bridge/contract';
import { browserFiles, download } from './browser-files';
import { browserBasics } from './browser-basics';

declare global {
  interface Window {
    /**
     * Set by the end-to-end harness: the main process's export (`exportAgreementPdf` of electron/main/export-pdf.ts) run on a
     * validated request; it writes the file in Node where its save dialog stand-in says, and gives the result (the file's path).
     */
    pactoBrowserExporter?: (request: ExportPdfRequest) => Promise<Result<ExportPdfResult>>;
    /** Set by the end-to-end harness: the main process's pagination (`paginateAgreementPdf`): prints the page and reads its outline. */
    pactoBrowserPaginator?: (print: PrintOptions) => Promise<Result<PdfPagination>>;
    /** Set by the end-to-end harness: runs the main process's verifier on a PDF (base64). */
    pactoBrowserVerifier?: (pdfBase64: string) => Promise<PdfVerdict>;
  }
}

/** Base64 of `bytes`, in chunks (a spread of a large array overflows the call stack). */
function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A harness call that threw (it should answer with a result): `internal`, with its message. */
function harnessFailed(e: unknown) {
  return err({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
}

/** The browser implementation of {@link PactoBridge}. */
export const browserPlatform: PactoBridge = {
  async exportPdf(request) {
    const parsed = exportPdfRequestSchema.safeParse(request);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.message });
    const exporter = window.pactoBrowserExporter;
    if (!exporter) {
      window.print();
      return err({ code: 'unsupported', message: 'This browser cannot save the PDF directly; use its print dialog (Save as PDF).' });
    }
    try {
      // The main process writes the file where the user chose, as in the app: nothing comes back but the result.
      return await exporter(parsed.data);
    } catch (e) {
      return harnessFailed(e);
    }
  },
  async paginatePdf(print) {
    const parsed = printOptionsSchema.safeParse(print);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.message });
    const paginator = window.pactoBrowserPaginator;
    if (!paginator) return err({ code: 'unsupported', message: 'This browser cannot print the page to count its pages.' });
    try {
      return await paginator(parsed.data);
    } catch (e) {
      return harnessFailed(e);
    }
  },
  async verifyPdf(request) {
    const parsed = verifyPdfRequestSchema.safeParse(request);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.issues[0]?.message ?? 'invalid' });
    const verifier = window.pactoBrowserVerifier;
    if (!verifier) {
      return err({ code: 'unsupported', message: 'Verifying a PDF needs the Pacto desktop app or the command line (npx pacto verify file.pdf).' });
    }
    try {
      return ok(await verifier(bytesToBase64(parsed.data.bytes)));
    } catch (e) {
      return harnessFailed(e);
    }
  },
  async saveFile(request) {
    const parsed = saveFileRequestSchema.safeParse(request);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.issues[0]?.message ?? 'invalid' });
    // A browser has no save dialog to offer: the file is downloaded under its suggested name.
    download(parsed.data.data, parsed.data.suggestedName, parsed.data.mimeType);
    return ok({ path: parsed.data.suggestedName, bytes: parsed.data.data.byteLength });
  },
  async openExternal(url) {
    const parsed = externalUrlSchema.safeParse(url);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.issues[0]?.message ?? 'invalid' });
    // A new browsing context without access back to Pacto's window.
    window.open(parsed.data, '_blank', 'noopener,noreferrer');
    return ok(undefined);
  },
  ...browserFiles,
  ...browserBasics,
};
