/**
 * The one bridge between the renderer and the main process: channel names,
 * payload schemas and the API the preload exposes as `window.pacto`.
 *
 * The preload implements {@link PactoBridge} with one method per channel
 * (checked with `satisfies PactoBridge`); every main handler checks the
 * sender and parses its payload with the schema here; `renderer/platform`
 * has a browser implementation of the same interface for tests in Chromium.
 */
import { z } from 'zod';
import { LANGUAGES, PAGE_SIZES, type Language } from '../domain/workshop';
import type { Result } from '../domain/result';

/** Invoke channels (renderer → main, with a reply). */
export const CHANNELS = {
  exportPdf: 'pacto:pdf:export',
  appInfo: 'pacto:app:info',
  setLanguage: 'pacto:app:set-language',
} as const;

/** Event channel main → renderer carrying a {@link MenuCommand}. */
export const MENU_COMMAND_CHANNEL = 'pacto:menu:command';

/** What the application menu asks the renderer to do. */
export const MENU_COMMANDS = ['new-workshop', 'export-pdf', 'undo', 'redo', 'about'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const pdfMetadataSchema = z.object({
  title: z.string().min(1),
  author: z.string(),
  subject: z.string(),
  keywords: z.array(z.string()),
  /** BCP 47 language tag of the document, e.g. `es`. */
  language: z.string().min(2),
});
export type PdfMetadata = z.infer<typeof pdfMetadataSchema>;

/** The print settings both printers take (Electron's `printToPDF`, Chromium's `page.pdf`). */
export const printOptionsSchema = z.object({
  pageSize: z.enum(PAGE_SIZES),
  /** HTML of the page header and footer; Chromium fills `.pageNumber` and `.totalPages`. */
  headerTemplate: z.string().max(20_000),
  footerTemplate: z.string().max(20_000),
});
export type PrintOptions = z.infer<typeof printOptionsSchema>;

export const exportPdfRequestSchema = z.object({
  /** File name offered in the save dialog, without folders, ending in `.pdf`. */
  suggestedName: z
    .string()
    .min(5)
    .max(200)
    .regex(/^[^/\\:*?"<>|]+\.pdf$/i),
  print: printOptionsSchema,
  metadata: pdfMetadataSchema,
  /** Canonical JSON of the agreement snapshot, attached inside the PDF as `pacto-agreement.json`. */
  snapshotJson: z.string().min(2).max(20_000_000),
});
export type ExportPdfRequest = z.infer<typeof exportPdfRequestSchema>;

export interface ExportPdfResult {
  /** Where the file was written (a full path in the app; the download name in a browser). */
  path: string;
  /** Size of the file written, in bytes. */
  bytes: number;
}

export const setLanguageSchema = z.enum(LANGUAGES);

export interface AppInfo {
  version: string;
  /** `electron` in the desktop app, `browser` when the renderer runs in a plain browser (tests). */
  runtime: 'electron' | 'browser';
  /** The system's preferred languages, most preferred first (BCP 47). */
  systemLanguages: string[];
}

/** The API the renderer sees as `window.pacto`. Every call resolves; failures come back as `{ ok: false }`. */
export interface PactoBridge {
  /** Prints the current page (the print view) to PDF, adds metadata and the snapshot, asks where to save, writes it. Error `cancelled` when the user closes the dialog. */
  exportPdf(request: ExportPdfRequest): Promise<Result<ExportPdfResult>>;
  appInfo(): Promise<Result<AppInfo>>;
  /** Switches the application menu's language. */
  setLanguage(language: Language): Promise<Result<void>>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
