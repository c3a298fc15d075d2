/**
 * The table of contents checked against a printed PDF's pagination (read by
 * ./outline.ts): the page of each heading, and the entries whose page is
 * wrong. Pure and free of pdf-lib, so the renderer's start-up graph, which
 * reaches this through the agreement actions, does not load the PDF code.
 */
import type { PdfPagination } from '../bridge/contract';

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
