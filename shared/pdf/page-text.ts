/**
 * The visible-text record of an exported agreement PDF
 * (`pacto-pages.json`, attached before sealing, so the seal covers it): one
 * SHA-256 per printed page of that page's text, normalized so that only the
 * characters count, not how a reader spaces or breaks them. Verifying reads
 * the pages again and compares, page by page: text changed on a page and a
 * file re-sealed with another key still fails here. The method is described
 * in docs/verification.md.
 *
 * Normalization ({@link normalizePageText}): Unicode NFKC (so a ligature
 * `ﬁ` reads as `fi`), then every white-space and invisible formatting
 * character (spaces, line breaks, NBSP, zero-width characters, soft hyphens)
 * removed. What remains is the page's characters in the order the reader
 * extracts them.
 */
import { z } from 'zod';
import { canonicalJson } from '../agreement/canonical-json';
import { FINGERPRINT_PATTERN, sha256Hex } from '../agreement/fingerprint';

/** Name of the page-text record attachment inside an agreement PDF. */
export const PAGES_ATTACHMENT_NAME = 'pacto-pages.json';
export const PAGES_FORMAT = 'pacto-pages';
export const PAGES_FORMAT_VERSION = 1;
/** Names the text extraction and normalization, so a later method can be told apart. */
export const PAGE_TEXT_METHOD = 'pdfjs-text-nfkc-no-space-sha256';

export const pageTextRecordSchema = z.object({
  format: z.literal(PAGES_FORMAT),
  formatVersion: z.literal(PAGES_FORMAT_VERSION),
  method: z.literal(PAGE_TEXT_METHOD),
  /** One SHA-256 (64 lowercase hex digits) per page, in page order, of the page's normalized text. */
  pages: z.array(z.string().regex(FINGERPRINT_PATTERN)).min(1),
});
/** What `pacto-pages.json` holds. */
export type PageTextRecord = z.infer<typeof pageTextRecordSchema>;

/** A page's text with only its characters kept (see the module comment). */
export function normalizePageText(text: string): string {
  return text.normalize('NFKC').replace(/[\p{White_Space}\p{Cf}]+/gu, '');
}

/** SHA-256 hex of a page's normalized text. */
export function pageTextHash(text: string): string {
  return sha256Hex(normalizePageText(text));
}

/** The record for pages whose extracted texts are `pages` (in page order). */
export function buildPageTextRecord(pages: readonly string[]): PageTextRecord {
  return { format: PAGES_FORMAT, formatVersion: PAGES_FORMAT_VERSION, method: PAGE_TEXT_METHOD, pages: pages.map(pageTextHash) };
}

/** The record's bytes as attached: its canonical JSON. */
export function pageTextRecordJson(record: PageTextRecord): string {
  return canonicalJson(record);
}

/**
 * Compares the texts read from a PDF's pages with the record. Returns the
 * 1-based numbers of pages whose text differs (a page missing or added
 * counts as differing).
 */
export function changedPages(record: PageTextRecord, pages: readonly string[]): number[] {
  const changed: number[] = [];
  const count = Math.max(record.pages.length, pages.length);
  for (let i = 0; i < count; i++) {
    const text = pages[i];
    if (text === undefined || record.pages[i] !== pageTextHash(text)) changed.push(i + 1);
  }
  return changed;
}
