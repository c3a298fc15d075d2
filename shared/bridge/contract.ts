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
import { signatureRecordSchema } from '../agreement/signature-record';

/** Invoke channels (renderer → main, with a reply). */
export const CHANNELS = {
  exportPdf: 'pacto:pdf:export',
  appInfo: 'pacto:app:info',
  setLanguage: 'pacto:app:set-language',
  paginatePdf: 'pacto:pdf:paginate',
  verifyPdf: 'pacto:pdf:verify',
  openExternal: 'pacto:shell:open-external',
  saveFile: 'pacto:file:save',
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
  /** The signatures and audit trail of the version, attached as `pacto-signatures.json` and covered by the seal. */
  signatureRecord: signatureRecordSchema.optional(),
  /**
   * The table of contents as printed: each heading's title and the 1-based
   * page it claims. The printed PDF's outline must put every heading on that
   * page, or the export fails with `toc-mismatch` (nothing is written).
   */
  toc: z.array(z.object({ title: z.string().min(1).max(500), page: z.number().int().min(1) })).max(200).optional(),
});
export type ExportPdfRequest = z.infer<typeof exportPdfRequestSchema>;

export interface ExportPdfResult {
  /** Where the file was written (a full path in the app; the download name in a browser). */
  path: string;
  /** Size of the file written, in bytes. */
  bytes: number;
  /** Whether the file carries Pacto's integrity seal (a PDF signature over its bytes). */
  sealed: boolean;
  /** SHA-256 hex of the key that sealed it (the seal certificate's public key), recorded in the audit trail's `exported` event. */
  sealKeyFingerprint?: string;
}

/** A heading of the printed PDF's outline (bookmarks) and the page it starts on. */
export interface PdfHeading {
  title: string;
  /** 1 for a top-level heading, 2 for one nested under it… */
  level: number;
  /** 1-based page number. */
  page: number;
}

/** How the print view paginates: what the table of contents needs. */
export interface PdfPagination {
  pageCount: number;
  /** Every heading in document order. */
  headings: PdfHeading[];
}

/** Largest PDF accepted for verification, bytes (100 MB). */
export const MAX_VERIFY_BYTES = 100 * 1024 * 1024;

/** Most pages a verified PDF may have (an agreement has tens); more gives the verdict `too-large`. */
export const MAX_VERIFY_PAGES = 5000;

export const verifyPdfRequestSchema = z.object({
  /** The file's name as the user dropped or picked it (for messages only). */
  name: z.string().max(1000),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_VERIFY_BYTES, { message: 'too-large' }),
});
export type VerifyPdfRequest = z.infer<typeof verifyPdfRequestSchema>;

/** One finding of a verification: a stable code (translated in the UI) and English detail. */
export interface VerifyFinding {
  code: string;
  message: string;
}

/**
 * The verdict on a PDF, as the renderer shows it (the main process's
 * `VerifyReport` satisfies it): `intact`, `altered` (with what no longer
 * matches) or `not-pacto`.
 */
export interface PdfVerdict {
  /** `too-large`: more than {@link MAX_VERIFY_PAGES} pages, nothing judged. */
  status: 'intact' | 'altered' | 'not-pacto' | 'too-large';
  fingerprint: string | null;
  version: number | null;
  workshopId: string | null;
  agreement: { title: string; company: string; date: string; frozenAt: string } | null;
  signatories: { participantId: string; name: string; title: string; team: string; signed: boolean; signedAt: string | null; timeZone: string | null }[];
  /**
   * `keyFingerprint`: SHA-256 hex of the sealing key (the certificate's public
   * key); `key`: `own` (this installation's), `workshop` (recorded for this
   * version in a workshop compared with), `unknown`.
   */
  seal: { present: boolean; intact: boolean; signer: string | null; signingTime: string | null; keyFingerprint: string | null; key: 'own' | 'workshop' | 'unknown' };
  /** Visible text of the pages against the exported record: `not-recorded` for PDFs of earlier Pacto versions (text not checked). */
  pageText: { status: 'match' | 'mismatch' | 'not-recorded' | 'not-checked'; changedPages: number[]; pageCount: number | null };
  reasons: VerifyFinding[];
}

export const setLanguageSchema = z.enum(LANGUAGES);

/**
 * An address the system browser or mail client may open: `http:`, `https:`
 * or `mailto:` only (never `file:`, `javascript:`, custom schemes), at most
 * 2048 characters, parseable as a URL.
 */
export const externalUrlSchema = z
  .string()
  .max(2048)
  .refine((url) => {
    try {
      return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
    } catch {
      return false;
    }
  }, { message: 'Only http, https and mailto addresses can be opened' });

export interface AppInfo {
  version: string;
  /** `electron` in the desktop app, `browser` when the renderer runs in a plain browser (tests). */
  runtime: 'electron' | 'browser';
  /** The system's preferred languages, most preferred first (BCP 47). */
  systemLanguages: string[];
}

/** The API the renderer sees as `window.pacto`. Every call resolves; failures come back as `{ ok: false }`. */
/** Kinds of file `saveFile` writes, by MIME type, with the file extension each must carry (funnel images; the CRM hand-back files). */
export const SAVE_FILE_TYPES = {
  'image/svg+xml': 'svg',
  'image/png': 'png',
  'application/json': 'json',
  'text/csv': 'csv',
  'text/markdown': 'md',
  'application/zip': 'zip',
} as const;
export type SaveFileMimeType = keyof typeof SAVE_FILE_TYPES;
/** Largest file `saveFile` accepts, bytes (50 MB). */
export const MAX_SAVE_FILE_BYTES = 50 * 1024 * 1024;

export const saveFileRequestSchema = z
  .object({
    /** File name offered in the save dialog, without folders, ending in the type's extension (`.svg`, `.png`, `.csv` …). */
    suggestedName: z.string().min(5).max(200).regex(/^[^/\\:*?"<>|]+\.[a-z0-9]+$/i),
    mimeType: z.enum(Object.keys(SAVE_FILE_TYPES) as [SaveFileMimeType, ...SaveFileMimeType[]]),
    /** The file's bytes. */
    data: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_FILE_BYTES, { message: 'too-large' }),
  })
  .refine((r) => r.suggestedName.toLowerCase().endsWith(`.${SAVE_FILE_TYPES[r.mimeType]}`), { message: 'extension', path: ['suggestedName'] });
export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;

export interface SaveFileResult {
  /** Where the file was written (a full path in the app; the download name in a browser). */
  path: string;
  /** Size of the file written, in bytes. */
  bytes: number;
}

export interface PactoBridge {
  /** Prints the current page (the print view) to PDF, adds metadata and the snapshot, asks where to save, writes it. Error `cancelled` when the user closes the dialog. */
  exportPdf(request: ExportPdfRequest): Promise<Result<ExportPdfResult>>;
  appInfo(): Promise<Result<AppInfo>>;
  /**
   * Opens an http(s) or mailto address in the system browser or mail client
   * (the caller has asked the user first). Error `invalid-payload` for any
   * other address.
   */
  openExternal(url: string): Promise<Result<void>>;
  /**
   * Prints the current page (the print view) with `print` and reports its
   * pagination from the PDF's outline, without saving anything: the table of
   * contents takes its page numbers from here before the real export.
   */
  paginatePdf(print: PrintOptions): Promise<Result<PdfPagination>>;
  /** Verifies a PDF (seal, snapshot, fingerprints, audit trail). Error `unsupported` where this runtime cannot. */
  verifyPdf(request: VerifyPdfRequest): Promise<Result<PdfVerdict>>;
  /** Switches the application menu's language. */
  setLanguage(language: Language): Promise<Result<void>>;
  /**
   * Saves a file the renderer made (a funnel's SVG or PNG, a CRM hand-back file): asks where with
   * the native save dialog and writes it atomically. Error `cancelled` when
   * the user closes the dialog (nothing written), `io` when the write fails.
   */
  saveFile(request: SaveFileRequest): Promise<Result<SaveFileResult>>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
