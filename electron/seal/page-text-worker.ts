/**
 * The seal's page-text worker thread (node:worker_threads), long-lived: it
 * answers each {@link PageTextJob} with the text of every page of the PDF it
 * was sent (`readPdf` of ./pdf-read.ts, the reading the verifier repeats), so
 * that the seal reads the texts while pdf-lib loads and rewrites the file on
 * the main thread (./page-text-reader.ts). A `warm` job only loads pdf.js, so
 * the first export does not wait for it to compile.
 */
import { parentPort } from 'node:worker_threads';
import { readPdf } from './pdf-read';
import { loadPdfjs } from './pdfjs';

/** What the reader sends: a PDF's bytes to read (`id` names the answer), or `warm`. */
export type PageTextJob = { kind: 'read'; id: number; bytes: Uint8Array } | { kind: 'warm' };

/** What the worker answers for a `read` job: each page's text in page order, or why the file could not be read. */
export type PageTextAnswer = { id: number; pages: string[] } | { id: number; error: string };

parentPort?.on('message', (job: PageTextJob) => {
  if (job.kind === 'warm') {
    void loadPdfjs().catch(() => undefined);
    return;
  }
  readPdf(job.bytes).then(
    (view) => parentPort?.postMessage({ id: job.id, pages: view.pages } satisfies PageTextAnswer),
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies PageTextAnswer),
  );
});
