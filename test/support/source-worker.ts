/**
 * The main process's worker threads started from their TypeScript sources
 * (./worker-entry.mjs), for tests and the e2e harness: the built app starts
 * out/main/verify-worker.js and out/main/page-text-worker.js instead.
 */
import { Worker } from 'node:worker_threads';

/** The worker threads electron/main starts, by the name of their source in electron/seal/. */
export type SourceWorkerName = 'verify-worker' | 'page-text-worker';

/** A new worker thread running `electron/seal/<name>.ts`. */
export function sourceWorker(name: SourceWorkerName): Worker {
  return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { source: name } });
}
