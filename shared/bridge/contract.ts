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
import { isSafeFileName } from '../file/file-name';
import { BACKUP_REASONS, backupIdSchema, backupSummarySchema, workshopIdSchema, type BackupEntry } from '../backup/rotation';

/**
 * A file name the renderer offers in a save dialog: one Pacto's own rule makes (`safeFileName`: no folders,
 * none of the characters no system allows, at most `MAX_FILE_NAME_BYTES` UTF-8 bytes), ending in
 * `.<extension>` (any extension of letters and digits when omitted).
 */
function suggestedNameSchema(extension?: string) {
  return z.string().refine((name) => isSafeFileName(name, extension), { message: 'file-name' });
}

export { CHANNELS, FILE_OPENED_CHANNEL, MENU_COMMAND_CHANNEL, QUIT_REQUESTED_CHANNEL } from './channels';

/** What the application menu asks the renderer to do. */
export const MENU_COMMANDS = [
  'new-workshop',
  'open-file',
  'save-file',
  'save-file-as',
  'export-copy',
  'import-file',
  'restore-backup',
  'export-pdf',
  'undo',
  'redo',
  'about',
] as const;
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
  suggestedName: suggestedNameSchema('pdf'),
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
  toc: z
    .array(z.object({ title: z.string().min(1).max(500), page: z.number().int().min(1) }))
    .max(200)
    .optional(),
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
  seal: {
    present: boolean;
    intact: boolean;
    signer: string | null;
    signingTime: string | null;
    keyFingerprint: string | null;
    key: 'own' | 'workshop' | 'unknown';
  };
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
  .refine(
    (url) => {
      try {
        return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
      } catch {
        return false;
      }
    },
    { message: 'Only http, https and mailto addresses can be opened' },
  );

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
    suggestedName: suggestedNameSchema(),
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

/** The extension of a workshop file, without the dot. */
export const PACTO_EXTENSION = 'pacto';

/**
 * Largest `.pacto` file Pacto opens, saves or backs up, bytes (64 MiB, the
 * format's own `PACTO_FILE_MAX_BYTES`, repeated here so the contract stays
 * free of Yjs; a unit test keeps them equal); a larger file is refused before it is read.
 */
export const MAX_PACTO_FILE_BYTES = 64 * 1024 * 1024;

/** A file name (no folders) ending in `.pacto`, as offered in a save dialog. */
export const pactoFileNameSchema = suggestedNameSchema(PACTO_EXTENSION);

/** An absolute path the renderer got from main (a dialog, the recent list, a dropped file), or a browser file's name. */
export const filePathSchema = z.string().min(1).max(4096);

const pactoBytesSchema = z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_PACTO_FILE_BYTES, { message: 'too-large' });

/** Open a workshop file: without `path` the open dialog asks which; with it, that file (from the recent list or a drop). */
export const openWorkshopFileRequestSchema = z.object({ path: filePathSchema.optional() }).strict();
export type OpenWorkshopFileRequest = z.infer<typeof openWorkshopFileRequestSchema>;

/** A `.pacto` file read from disk, not yet decoded. */
export interface OpenedFile {
  /** Where it is (a full path in the app; the name in a browser). */
  path: string;
  /** Its file name, e.g. `Acuerdo 2027.pacto`. */
  name: string;
  bytes: Uint8Array;
}

/**
 * How to save: `save` writes over `path` (a file this workshop was opened
 * from or saved to; without one it asks, as `save-as`); `save-as` asks where
 * and the workshop is then linked to that file; `copy` asks where and writes
 * a copy without linking it.
 */
export const SAVE_MODES = ['save', 'save-as', 'copy'] as const;
export type SaveMode = (typeof SAVE_MODES)[number];

export const saveWorkshopFileRequestSchema = z
  .object({
    mode: z.enum(SAVE_MODES),
    /** Name offered in the save dialog. */
    suggestedName: pactoFileNameSchema,
    /** The file to write over with `save`; `null` when the workshop has none yet. */
    path: filePathSchema.nullable(),
    bytes: pactoBytesSchema,
  })
  .strict();
export type SaveWorkshopFileRequest = z.infer<typeof saveWorkshopFileRequestSchema>;

/** Where a workshop file was written. */
export interface SavedFile {
  path: string;
  name: string;
  bytes: number;
}

/** One entry of the recent-files list (newest first). */
export interface RecentFile {
  path: string;
  name: string;
  /** ISO instant it was last opened or saved. */
  openedAt: string;
}

/** The open workshop's file, for the window (macOS proxy icon and edited dot); `path: null` when it has none. */
export const documentStateSchema = z.object({ path: filePathSchema.nullable(), edited: z.boolean() }).strict();
export type DocumentState = z.infer<typeof documentStateSchema>;

export const writeBackupRequestSchema = z
  .object({
    workshopId: workshopIdSchema,
    reason: z.enum(BACKUP_REASONS),
    summary: backupSummarySchema,
    bytes: pactoBytesSchema,
  })
  .strict();
export type WriteBackupRequest = z.infer<typeof writeBackupRequestSchema>;

export const listBackupsRequestSchema = z.object({ workshopId: workshopIdSchema }).strict();
export const readBackupRequestSchema = z.object({ workshopId: workshopIdSchema, id: backupIdSchema }).strict();
export type ReadBackupRequest = z.infer<typeof readBackupRequestSchema>;
export type { BackupEntry };

/**
 * Error codes of the file channels, each with its own translated message in
 * the renderer: `cancelled` (the user closed the dialog; nothing happened),
 * `not-found`, `not-pacto-name` (not a `.pacto` file), `too-large`,
 * `not-writable` (no permission, read-only disk or locked file; the old
 * file is intact), `disk-full` (the old file is intact), `io`.
 */
export const FILE_ERROR_CODES = ['cancelled', 'not-found', 'not-pacto-name', 'too-large', 'not-writable', 'disk-full', 'io'] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

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
  /**
   * Reads a workshop file: the open dialog (`.pacto` filter) without a path,
   * or the file at `path`. Adds it to the recent list. Errors: {@link FileErrorCode}.
   */
  openWorkshopFile(request: OpenWorkshopFileRequest): Promise<Result<OpenedFile>>;
  /** Writes a workshop file atomically (temporary file, flush, rename): see {@link SaveMode}. Errors: {@link FileErrorCode}. */
  saveWorkshopFile(request: SaveWorkshopFileRequest): Promise<Result<SavedFile>>;
  /** The recent-files list, newest first. */
  recentFiles(): Promise<Result<RecentFile[]>>;
  /** Removes `path` from the recent list (e.g. the file is gone); returns the new list. */
  forgetRecentFile(path: string): Promise<Result<RecentFile[]>>;
  /**
   * Files the system asked to open before the renderer was listening (the
   * command line, a double-click that started Pacto). Call once after
   * subscribing with {@link onOpenFile}; later ones arrive there.
   */
  pendingFiles(): Promise<Result<OpenedFile[]>>;
  /** Subscribes to files the system asks Pacto to open (double-click, second instance, Open Recent, macOS open-file). */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** The full path of a dropped file (Electron), or `null` where there is none (a browser). */
  pathForFile(file: File): string | null;
  /** Tells the window which file is open and whether it has unsaved changes (the title itself is the page's). */
  setDocumentState(state: DocumentState): Promise<Result<void>>;
  /** Stores a backup of a workshop (a `.pacto` file's bytes) in the app's data folder and rotates that workshop's backups. */
  writeBackup(request: WriteBackupRequest): Promise<Result<BackupEntry>>;
  /** A workshop's backups, newest first. */
  listBackups(workshopId: string): Promise<Result<BackupEntry[]>>;
  /** The bytes of one backup. Error `not-found` when it was rotated away. */
  readBackup(request: ReadBackupRequest): Promise<Result<Uint8Array>>;
  /** Subscribes to the app closing: the listener backs up what changed and then calls {@link quitReady}. */
  onQuitRequested(listener: () => void): () => void;
  /** The renderer has finished what it does before closing; the app may quit. */
  quitReady(): Promise<Result<void>>;
}
