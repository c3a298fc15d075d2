/**
 * Reading and rendering the PDFs the tests export, with pdfjs-dist (already a
 * dependency) instead of poppler's command-line tools, so the tests need no
 * system packages beyond a Chromium.
 *
 * - Text and facts (page count, page size, title, author, Tagged, the
 *   structure tree's roles, attachments) are read in Node with pdfjs's legacy
 *   build, loaded as the app loads it (electron/seal/pdfjs.ts).
 * - Page images are drawn by pdf.js inside a headless Chromium (the shared
 *   launcher): pdfjs in Node would need a native canvas package. The page
 *   loads pdf.js from node_modules through a request route, so nothing is
 *   served over the network.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type * as Pdfjs from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { launchBrowser } from './chromium.mjs';
import { loadPdfjs } from '../../electron/seal/pdfjs';

/** Opens the PDF at `path` (or its bytes) with pdfjs, runs `fn`, and always frees the document. */
async function withPdf<T>(source: string | Uint8Array, fn: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const { getDocument } = await loadPdfjs();
  const data = typeof source === 'string' ? new Uint8Array(readFileSync(source)) : new Uint8Array(source);
  const task = getDocument({ data, verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  try {
    return await fn(await task.promise);
  } finally {
    await task.destroy();
  }
}

/** What `pdfinfo` used to tell the tests. Sizes in PDF points (1/72 inch). */
export interface PdfInfo {
  pages: number;
  title: string | null;
  author: string | null;
  /** Size of the first page, in points (A4 is 595.28 × 841.89, Letter 612 × 792). */
  pageSize: { width: number; height: number };
  /** The paper that size is (within 2 points, as `pdfinfo` names it), or null for another size. */
  paper: 'A4' | 'Letter' | null;
  /** The catalogue's MarkInfo says the document is tagged (a structure tree for accessibility). */
  tagged: boolean;
  /** Every role in the pages' structure trees (`H2`, `Sect`, `P`…). */
  structureRoles: Set<string>;
}

const PAPERS = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

function paperOf(width: number, height: number): PdfInfo['paper'] {
  for (const [name, [w, h]] of Object.entries(PAPERS)) if (Math.abs(width - w) < 2 && Math.abs(height - h) < 2) return name as PdfInfo['paper'];
  return null;
}

/** Page count, page size, document information, Tagged and structure roles of a PDF. */
export function pdfInfo(source: string | Uint8Array): Promise<PdfInfo> {
  return withPdf(source, async (doc) => {
    const info = ((await doc.getMetadata()).info ?? {}) as { Title?: unknown; Author?: unknown };
    const first = await doc.getPage(1);
    const [x0, y0, x1, y1] = first.view as [number, number, number, number];
    const [width, height] = [Math.abs(x1 - x0), Math.abs(y1 - y0)];
    const markInfo = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    const structureRoles = new Set<string>();
    const walk = (node: { role?: string; children?: unknown[] } | null) => {
      if (!node) return;
      if (node.role) structureRoles.add(node.role);
      for (const child of node.children ?? []) walk(child as { role?: string; children?: unknown[] });
    };
    for (let n = 1; n <= doc.numPages; n++) walk((await (await doc.getPage(n)).getStructTree()) as { role?: string; children?: unknown[] } | null);
    return {
      pages: doc.numPages,
      title: typeof info.Title === 'string' ? info.Title : null,
      author: typeof info.Author === 'string' ? info.Author : null,
      pageSize: { width, height },
      paper: paperOf(width, height),
      tagged: markInfo?.Marked === true,
      structureRoles,
    };
  });
}

/**
 * One page's text laid out as lines, top to bottom, the way `pdftotext -layout`
 * shows it closely enough for the tests: items on one baseline form a line, in
 * x order; a gap between them becomes spaces in proportion to its width (two
 * or more where it is wider than a couple of characters, as between a
 * contents entry and its page number). Text lines that are separated by more
 * than about two lines get one empty line between them.
 */
function layoutLines(items: TextItem[]): string[] {
  // Whitespace-only items (pdfjs adds them across wide gaps) carry no position of their own: the gap says it.
  const runs = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({
      str: i.str,
      x: i.transform[4] as number,
      y: i.transform[5] as number,
      width: i.width,
      size: Math.hypot(i.transform[2] as number, i.transform[3] as number) || i.height || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; runs: typeof runs }[] = [];
  for (const run of runs) {
    const line = lines.find((l) => Math.abs(l.y - run.y) < Math.min(l.size, run.size) * 0.5);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, size: run.size, runs: [run] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  let previous: (typeof lines)[number] | undefined;
  for (const line of lines) {
    if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 2.5) out.push('');
    line.runs.sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | undefined;
    for (const run of line.runs) {
      if (end !== undefined) {
        const charWidth = run.size * 0.5;
        const gap = run.x - end;
        const touching = /\s$/.test(text) || /^\s/.test(run.str);
        if (gap > charWidth * 1.5) text += ' '.repeat(Math.max(2, Math.round(gap / charWidth)));
        else if (gap > charWidth * 0.5 && !touching) text += ' ';
      }
      text += run.str;
      end = run.x + run.width;
    }
    out.push(text.trimEnd());
    previous = line;
  }
  return out;
}

/**
 * The text of every page, in page order. `layout` (the default) gives lines
 * as laid out on the page (see {@link layoutLines}); `reading` gives the
 * text in the order it was written (as `pdftotext` without `-layout`), which
 * keeps a table cell's wrapped words together.
 */
export function pdfPageTexts(source: string | Uint8Array, mode: 'layout' | 'reading' = 'layout'): Promise<string[]> {
  return withPdf(source, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const items = (await page.getTextContent()).items.filter((i): i is TextItem => 'str' in i);
      pages.push(mode === 'layout' ? layoutLines(items).join('\n') : items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join(''));
      page.cleanup();
    }
    return pages;
  });
}

/** The whole text, pages separated by a form feed (`\f`) as `pdftotext` separates them. */
export async function pdfText(source: string | Uint8Array, mode: 'layout' | 'reading' = 'layout'): Promise<string> {
  return (await pdfPageTexts(source, mode)).join('\f');
}

/** The embedded files (the document's EmbeddedFiles name tree), by file name. */
export function pdfAttachments(source: string | Uint8Array): Promise<Map<string, Uint8Array>> {
  return withPdf(source, async (doc) => {
    const raw = ((await doc.getAttachments()) ?? {}) as Record<string, { filename?: string; content?: Uint8Array }>;
    return new Map(Object.entries(raw).flatMap(([name, file]) => (file.content ? [[file.filename ?? name, new Uint8Array(file.content)] as const] : [])));
  });
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const ORIGIN = 'http://pdf-render.pacto.test';
const CONTENT_TYPES: Record<string, string> = { mjs: 'text/javascript', js: 'text/javascript', html: 'text/html', pdf: 'application/pdf' };

/**
 * Renders pages of the PDF at `pdfPath` as PNG files `<prefix>-<n>.png`
 * (n zero-padded to the page count's digits, as `pdftoppm` names them), at
 * `dpi` dots per inch, pages `first`..`last` (1-based, all by default).
 * Draws them with pdf.js in a headless Chromium of its own, closed before
 * this resolves. Returns the paths written.
 */
export async function renderPdfPages(pdfPath: string, prefix: string, options: { dpi?: number; first?: number; last?: number } = {}): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const pdfBytes = readFileSync(pdfPath);
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><body></body>' });
      if (path === '/document.pdf') return route.fulfill({ contentType: 'application/pdf', body: pdfBytes });
      const file = join(pdfjsRoot, path);
      if (!file.startsWith(pdfjsRoot)) return route.abort();
      try {
        return await route.fulfill({ contentType: CONTENT_TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream', body: readFileSync(file) });
      } catch {
        return route.fulfill({ status: 404, body: '' });
      }
    });
    await page.goto(`${ORIGIN}/`);
    // A module script, not an import() inside evaluate (vitest rewrites import() in functions it transforms).
    await page.addScriptTag({ type: 'module', content: "import * as pdfjs from '/build/pdf.mjs'; window.pdfjs = pdfjs;" });
    await page.waitForFunction(() => 'pdfjs' in window);
    const images = await page.evaluate(
      async ({ dpi, first, last }) => {
        const pdfjs = (window as unknown as { pdfjs: typeof Pdfjs }).pdfjs;
        pdfjs.GlobalWorkerOptions.workerSrc = '/build/pdf.worker.mjs';
        const doc = await pdfjs.getDocument({
          url: '/document.pdf',
          cMapUrl: '/cmaps/',
          cMapPacked: true,
          standardFontDataUrl: '/standard_fonts/',
          isEvalSupported: false,
        }).promise;
        const to = Math.min(last ?? doc.numPages, doc.numPages);
        const out: { n: number; digits: number; png: string }[] = [];
        for (let n = first ?? 1; n <= to; n++) {
          const pdfPage = await doc.getPage(n);
          const viewport = pdfPage.getViewport({ scale: dpi / 72 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          await pdfPage.render({ canvas, viewport, background: 'white' }).promise;
          out.push({ n, digits: String(doc.numPages).length, png: canvas.toDataURL('image/png').split(',')[1]! });
        }
        await doc.destroy();
        return out;
      },
      { dpi: options.dpi ?? 60, first: options.first, last: options.last },
    );
    return images.map(({ n, digits, png }) => {
      const file = `${prefix}-${String(n).padStart(digits, '0')}.png`;
      writeFileSync(file, Buffer.from(png, 'base64'));
      return file;
    });
  } finally {
    await browser.close();
  }
}
