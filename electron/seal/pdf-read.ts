/**
 * Reading an agreement PDF's attachments, text and producer with pdfjs-dist
 * (Mozilla's PDF reader, tolerant of damaged files), in Node, loaded by
 * ./pdfjs.ts: all of it for the verifier ({@link readPdf}), the page texts
 * alone, or a share of them, for the seal ({@link readPageTexts}).
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs } from './pdfjs';

/** What the verifier needs from a PDF's content. */
export interface PdfView {
  /** Embedded files by name (the document's EmbeddedFiles name tree). */
  attachments: Map<string, Uint8Array>;
  /** The text of every page, in page order, items joined without separators. */
  text: string;
  /** Each page's text (items joined without separators), in page order: what the page-text check hashes. */
  pages: string[];
  /** The document information dictionary's `/Producer`, if any. */
  producer: string | null;
  pageCount: number;
}

/** Thrown by {@link readPdf} when the document has more pages than allowed; nothing was read. */
export class PdfPageLimitError extends Error {
  constructor(
    readonly pageCount: number,
    readonly maxPages: number,
  ) {
    super(`The PDF has ${pageCount} pages; at most ${maxPages} are checked`);
    this.name = 'PdfPageLimitError';
  }
}

/**
 * Opens `bytes` with pdfjs and reads attachments, text and producer.
 * Throws pdfjs's error (e.g. `InvalidPDFException`) when the file cannot be
 * opened at all, and {@link PdfPageLimitError} when it has more than
 * `maxPages` pages.
 *
 * Time: pdfjs finds page n by walking the page tree; on a balanced tree (as
 * Chromium and Pacto's seal write it) that is a few steps per page, on one
 * flat list of n pages it is n steps per page (quadratic overall), which the
 * page limit bounds.
 */
export async function readPdf(bytes: Uint8Array, { maxPages = Number.POSITIVE_INFINITY }: { maxPages?: number } = {}): Promise<PdfView> {
  const task = await openPdf(bytes);
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await task.promise;
    if (doc.numPages > maxPages) throw new PdfPageLimitError(doc.numPages, maxPages);
    const attachments = new Map<string, Uint8Array>();
    const raw = ((await doc.getAttachments()) ?? {}) as Record<string, { filename?: string; content?: Uint8Array }>;
    for (const [name, file] of Object.entries(raw)) if (file.content) attachments.set(file.filename ?? name, file.content);
    const info = (await doc.getMetadata().catch(() => null))?.info as { Producer?: unknown } | undefined;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await pageText(doc, n));
    return { attachments, text: pages.join('\n'), pages, producer: typeof info?.Producer === 'string' ? info.Producer : null, pageCount: doc.numPages };
  } finally {
    await task.destroy();
  }
}

/** pdfjs's loading task for `bytes` (a copy: pdfjs may take ownership of the buffer), with the settings every read here uses. */
async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await loadPdfjs();
  return getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
}

/** Page `n`'s text (1-based) as the page-text check hashes it: its text items joined without separators. */
async function pageText(doc: PDFDocumentProxy, n: number): Promise<string> {
  const page = await doc.getPage(n);
  const content = await page.getTextContent();
  page.cleanup();
  return content.items.map((item) => ('str' in item ? item.str : '')).join('');
}

/** The share of a document's pages one read takes: page n (1-based) when (n − 1) mod `of` is `index`. */
export interface PagePart {
  /** 0 ≤ index < of. */
  index: number;
  /** How many parts the pages are dealt into, ≥ 1. */
  of: number;
}

/** Every page, in one part. */
export const ALL_PAGES: PagePart = { index: 0, of: 1 };

/**
 * The text of each page of `bytes` in `part` (default all), in page order, the same text per page as
 * {@link readPdf} reads: what the seal records, without the attachments and metadata the verifier also
 * reads. Throws pdfjs's error when the file cannot be opened, and a RangeError for a part that is not one.
 *
 * @returns the texts of the part's pages, and the document's page count
 */
export async function readPageTexts(bytes: Uint8Array, part: PagePart = ALL_PAGES): Promise<{ pages: string[]; pageCount: number }> {
  if (!Number.isInteger(part.of) || part.of < 1 || !Number.isInteger(part.index) || part.index < 0 || part.index >= part.of) {
    throw new RangeError(`Not a part of the pages: ${part.index} of ${part.of}`);
  }
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1 + part.index; n <= doc.numPages; n += part.of) pages.push(await pageText(doc, n));
    return { pages, pageCount: doc.numPages };
  } finally {
    await task.destroy();
  }
}
