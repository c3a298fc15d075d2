/**
 * The bridge contract implemented for a plain browser, so the real renderer
 * runs in Chromium for tests without Electron. PDF export prints with the
 * browser's own engine when the page is given a printer (the test harness
 * exposes `pactoBrowserPrinter`, backed by Chromium's `page.pdf()`), runs the
 * same finalizer as the app, and downloads the file. Without a printer it
 * opens the browser's print dialog and says it did not save a file: it never
 * pretends success.
 */
import { err, ok } from '../../shared/domain/result';
import { exportPdfRequestSchema, type MenuCommand, type PactoBridge, type PrintOptions } from '../../shared/bridge/contract';
import { finalizeAgreementPdf } from '../../shared/pdf/finalize';

declare global {
  interface Window {
    /** Set by the end-to-end harness: prints the current page to PDF and returns its bytes as base64. */
    pactoBrowserPrinter?: (options: PrintOptions) => Promise<string>;
  }
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/pdf' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
    try {
      const printed = base64ToBytes(await printer(parsed.data.print));
      const bytes = await finalizeAgreementPdf(printed, parsed.data.metadata, parsed.data.snapshotJson, new Date());
      download(bytes, parsed.data.suggestedName);
      return ok({ path: parsed.data.suggestedName, bytes: bytes.byteLength });
    } catch (e) {
      return err({ code: 'io', message: e instanceof Error ? e.message : String(e) });
    }
  },
  async appInfo() {
    return ok({ version: import.meta.env.PACTO_VERSION ?? '0.1.0', runtime: 'browser' as const, systemLanguages: [...navigator.languages] });
  },
  async setLanguage() {
    return ok(undefined);
  },
  onMenuCommand(listener) {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
};
