/**
 * The verifier's worker thread (node:worker_threads): receives one
 * {@link VerifyJob}, answers with one {@link VerifyAnswer}, and is then
 * terminated by ./verify-off-thread.ts. Verifying a large PDF (pdfjs reading
 * every page) thus never blocks the main process's event loop, and a file
 * that makes the reader run away costs only this thread.
 */
import { parentPort, threadId } from 'node:worker_threads';
import { verifyAgreementPdf, type VerifyOptions, type VerifyReport } from './verify';

/** What the main process sends: the PDF's bytes and the verifier's options. */
export interface VerifyJob {
  bytes: Uint8Array;
  options: VerifyOptions;
}

/** What the worker answers: the report, and the thread that made it. */
export interface VerifyAnswer {
  report: VerifyReport;
  threadId: number;
}

parentPort?.once('message', (job: VerifyJob) => {
  void verifyAgreementPdf(job.bytes, job.options).then((report) => parentPort?.postMessage({ report, threadId } satisfies VerifyAnswer));
});
