/**
 * The bridge contract implemented for a plain browser, so the real renderer
 * runs in Chromium for tests without Electron. PDF export runs the app's one
 * pipeline (`shared/pdf/export-pipeline.ts`) with browser steps: it prints
 * with the browser's own engine when the page is given a printer (the test
 * harness exposes `pactoBrowserPrinter`, backed by Chromium's `page.pdf()`),
 * seals the file when the page is given a sealer (the harness's runs
 * `electron/seal` in Node, as the main process does), and downloads the file. Without a printer it opens
 * the browser's print dialog and says it did not save a file; without a
 * sealer it says the file is not sealed; without a verifier it says it cannot
 * verify: it never pretends success. Workshop files, the recent list and
 * backups are in `browser-files.ts`.
 */
import { err, ok } from '../../shared/domain/result';
import {
  exportPdfRequestSchema,
  printOptionsSchema,
  verifyPdfRequestSchema,
  externalUrlSchema,
  type MenuCommand,
  type PactoBridge,
  type PdfPagination,
  type PdfVerdict,
  type PrintOptions,
  saveFileRequestSchema,
} from '../../shared/bridge/contract';
import { browserFiles, download } from './browser-files';

// pdf-lib (finalizer and outline reader) is loaded on the first export, not with the home screen.
const pdfFinalize = () => import('../../shared/pdf/finalize');
const exportPipeline = () => import('../../shared/pdf/export-pipeline');

declare global {
  interface Window {
    /** Set by the end-to-end harness: prints the current page to PDF and returns its bytes as base64. */
    pactoBrowserPrinter?: (options: PrintOptions) => Promise<string>;
    /**
     * Set by the end-to-end harness: finalizes and seals a printed PDF (base64) with `electron/seal`, adding the metadata and
     * snapshot (`finalizationJson`: `PdfFinalization` of `shared/pdf/finalize.ts` as JSON, `now` an ISO time) and attaching the signatures record
     * (JSON, or empty); returns the sealed PDF (base64), the seal key's fingerprint and the printed PDF's outline (`sealPdf`'s `pagination`).
     */
    pactoBrowserSealer?: (
      pdfBase64: string,
      recordJson: string,
      finalizationJson: string,
    ) => Promise<{ pdfBase64: string; keyFingerprint: string; pagination: PdfPagination }>;
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

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const menuListeners = new Set<(command: MenuCommand) => void>();

/** The browser implementation of {@link PactoBridge}. */
export const browserPlatform: PactoBridge = {
  async exportPdf(request) {
    const parsed = exportPdfRequestSchema.safeParse(request);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.message });
    const printer = window.pactoBrowserPrinter;
    if (!printer) {
      window.print();
      return err({ code: 'unsupported', message: 'This browser cannot save the PDF directly; use its print dialog (Save as PDF).' });
    }
    const sealer = window.pactoBrowserSealer;
    const { runPdfExport } = await exportPipeline();
    return runPdfExport(parsed.data, {
      print: async (options) => base64ToBytes(await printer(options)),
      finalize: async (...args) => (await pdfFinalize()).finalizeAgreementPdf(...args),
      seal: sealer
        ? async (printed, record, finalization) => {
            const sealed = await sealer(bytesToBase64(printed), record ? JSON.stringify(record) : '', JSON.stringify(finalization));
            return { bytes: base64ToBytes(sealed.pdfBase64), keyFingerprint: sealed.keyFingerprint, pagination: sealed.pagination };
          }
        : undefined,
      // A browser has no save dialog to offer: the file is downloaded under its suggested name.
      saveDialog: async (suggestedName) => suggestedName,
      writeFile: async (name, data) => download(data, name),
      now: () => new Date(),
    });
  },
  async paginatePdf(print) {
    const parsed = printOptionsSchema.safeParse(print);
    if (!parsed.success) return err({ code: 'invalid-payload', message: parsed.error.message });
    const printer = window.pactoBrowserPrinter;
    if (!printer) return err({ code: 'unsupported', message: 'This browser cannot print the page to count its pages.' });
    const { runPdfPagination } = await exportPipeline();
    return runPdfPagination(parsed.data, { print: async (options) => base64ToBytes(await printer(options)) });
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
      return err({ code: 'internal', message: e instanceof Error ? e.message : String(e) });
    }
  },
  async appInfo() {
    return ok({ version: import.meta.env.PACTO_VERSION ?? '0.1.0', runtime: 'browser' as const, systemLanguages: [...navigator.languages] });
  },
  async setLanguage() {
    return ok(undefined);
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
  onMenuCommand(listener) {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
  ...browserFiles,
};
