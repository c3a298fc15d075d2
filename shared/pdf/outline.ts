/**
 * The printed agreement's pagination, read from its PDF outline (the
 * bookmarks Chromium generates from the print view's headings with
 * `generateDocumentOutline` / `page.pdf({ outline: true })`): each heading's
 * title and the page it lands on. The table of contents takes its page
 * numbers from here, and the export checks them against the final print.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import type { PdfHeading, PdfPagination } from '../bridge/contract';

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
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
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

/** A table-of-contents entry: a section's heading text and its page. */
export interface TocEntry {
  title: string;
  /** 1-based page. */
  page: number;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The page of each title in `titles`, from `pagination`: the first heading
 * with that exact text (white space collapsed) at or after the previous
 * match, so repeated titles resolve in document order. `null` for a title
 * the outline lacks.
 */
export function pagesOf(titles: readonly string[], pagination: PdfPagination): (number | null)[] {
  let from = 0;
  return titles.map((title) => {
    const at = pagination.headings.findIndex((h, i) => i >= from && norm(h.title) === norm(title));
    if (at < 0) return null;
    from = at + 1;
    return pagination.headings[at]!.page;
  });
}

/** A table-of-contents entry whose page differs from the printed outline (`actual` null: the heading was not printed). */
export interface TocMismatch {
  title: string;
  claimed: number;
  actual: number | null;
}

/**
 * Entries of `toc` whose page differs from where the printed outline puts
 * that heading (or that the outline lacks): empty when the table of contents
 * is right.
 */
export function tocMismatches(toc: readonly TocEntry[], pagination: PdfPagination): TocMismatch[] {
  const actual = pagesOf(
    toc.map((e) => e.title),
    pagination,
  );
  return toc.flatMap((entry, i) => (actual[i] === entry.page ? [] : [{ title: entry.title, claimed: entry.page, actual: actual[i] ?? null }]));
}
