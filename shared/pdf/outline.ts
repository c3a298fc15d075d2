/**
 * The printed agreement's pagination, read from its PDF outline (the
 * bookmarks Chromium generates from the print view's headings with
 * `generateDocumentOutline` / `page.pdf({ outline: true })`): each heading's
 * title and the page it lands on. The table of contents takes its page
 * numbers from here, and the export checks them against the final print
 * (the comparison itself is ./toc.ts, which loads no pdf-lib).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { PdfHeading, PdfPagination } from '../bridge/contract';
import { PDF_LIB_OBJECTS_PER_TICK } from './pdf-lib-pace';

/** Guard against cyclic or absurd outlines in a damaged file. */
const MAX_ITEMS = 10_000;

function titleOf(item: PDFDict): string {
  const title = item.lookup(PDFName.of('Title'));
  return title instanceof PDFString || title instanceof PDFHexString ? title.decodeText().trim() : '';
}

/** The page reference an outline item points at (`/Dest [page /XYZ …]` or a `/GoTo` action). */
function destinationPage(item: PDFDict): PDFRef | null {
  let dest = item.lookup(PDFName.of('Dest'));
  if (!dest) {
    const action = item.lookup(PDFName.of('A'));
    if (action instanceof PDFDict) dest = action.lookup(PDFName.of('D'));
  }
  if (dest instanceof PDFArray && dest.size() > 0) {
    const first = dest.get(0);
    return first instanceof PDFRef ? first : null;
  }
  return null;
}

/**
 * Reads the outline of a PDF: every heading in document order with its
 * level and 1-based page. A PDF without an outline gives no headings.
 * Throws what pdf-lib throws for bytes that are not a readable PDF.
 */
export async function readPdfOutline(bytes: Uint8Array): Promise<PdfPagination> {
  return outlineOf(await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, parseSpeed: PDF_LIB_OBJECTS_PER_TICK }));
}

/**
 * The outline of a PDF already loaded with pdf-lib, as {@link readPdfOutline}
 * reads it (the seal reads it so from its own load of the printed file).
 */
export function outlineOf(pdf: PDFDocument): PdfPagination {
  const pageIndex = new Map(pdf.getPages().map((page, i) => [page.ref.toString(), i + 1]));
  const headings: PdfHeading[] = [];
  const seen = new Set<PDFDict>();
  const walk = (parent: PDFDict, level: number) => {
    let item = parent.lookup(PDFName.of('First'));
    while (item instanceof PDFDict && !seen.has(item) && seen.size < MAX_ITEMS) {
      seen.add(item);
      const ref = destinationPage(item);
      const page = ref ? pageIndex.get(ref.toString()) : undefined;
      if (page !== undefined) headings.push({ title: titleOf(item), level, page });
      walk(item, level + 1);
      item = item.lookup(PDFName.of('Next'));
    }
  };
  const outlines = pdf.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) walk(outlines, 1);
  return { pageCount: pdf.getPageCount(), headings };
}
