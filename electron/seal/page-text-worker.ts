/**
 * The seal's page-text worker thread (node:worker_threads), long-lived: it
 * answers each {@link PageTextJob} with the text of the pages of the PDF it
 * was sent, all of them or its `part` (`readPageTexts` of ./pdf-read.ts, the
 * same text per page the verifier reads), so that the seal reads the texts
 * while pdf-lib loads and rewrites the file on the main thread
 * (./page-text-reader.ts). A `warm` job only loads pdf.js, so the first
 * export does not wait for it to compile.
 */
import { parentPort } from 'node:worker_threads';
import { readPageTexts, type PagePart } from './pdf-read';
import { loadPdfjs } from './pdfjs';

/** What the reader sends: a PDF's bytes to read, all pages or `part` of them (`id` names the answer), or `warm`. */
export type PageTextJob = { kind: 'read'; id: number; bytes: Uint8Array; part?: PagePart } | { kind: 'warm' };

/** What the worker answers for a `read` job: the text of each page read (in page order), or why the file could not be read. */
export type PageTextAnswer = { id: number; pages: string[] } | { id: number; error: string };

parentPort?.on('message', (job: PageTextJob) => {
  if (job.kind === 'warm') {
    void loadPdfjs().catch(() => undefined);
    return;
  }
  readPageTexts(job.bytes, job.part).then(
    ({ pages }) => parentPort?.postMessage({ id: job.id, pages } satisfies PageTextAnswer),
    (e: unknown) => parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies PageTextAnswer),
  );
});
