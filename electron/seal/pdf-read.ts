/**
 * Reading an agreement PDF's attachments, text and producer with pdfjs-dist
 * (Mozilla's PDF reader, tolerant of damaged files), in Node, loaded by
 * ./pdfjs.ts.
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
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    // pdfjs may take ownership of the buffer: give it a copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await task.promise;
    if (doc.numPages > maxPages) throw new PdfPageLimitError(doc.numPages, maxPages);
    const attachments = new Map<string, Uint8Array>();
    const raw = ((await doc.getAttachments()) ?? {}) as Record<string, { filename?: string; content?: Uint8Array }>;
    for (const [name, file] of Object.entries(raw)) if (file.content) attachments.set(file.filename ?? name, file.content);
    const info = (await doc.getMetadata().catch(() => null))?.info as { Producer?: unknown } | undefined;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
      page.cleanup();
    }
    return { attachments, text: pages.join('\n'), pages, producer: typeof info?.Producer === 'string' ? info.Producer : null, pageCount: doc.numPages };
  } finally {
    await task.destroy();
  }
}
