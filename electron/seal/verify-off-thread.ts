/**
 * Verifying a PDF off the main thread: one worker thread per verification
 * (./verify-worker.ts), the bytes transferred to it, its answer awaited with a
 * time limit, the thread ended afterwards whatever happened. Limits, so a
 * dropped file can neither block nor exhaust the app: at most
 * {@link MAX_VERIFY_BYTES} bytes (checked before any thread starts), at most
 * {@link MAX_VERIFY_PAGES} pages (checked by the verifier, verdict
 * `too-large`), at most {@link VERIFY_TIMEOUT_MS} of work.
 *
 * The thread is made by an injected `spawn` (electron/main gives
 * `new Worker(<out/main/verify-worker.js>)`; tests start the TypeScript
 * source), so the module is tested in Node.
 */
import { MAX_VERIFY_BYTES, MAX_VERIFY_PAGES } from '../../shared/bridge/contract';
import { err, ok, type Result } from '../../shared/domain/result';
import type { VerifyOptions, VerifyReport } from './verify';
import type { VerifyAnswer, VerifyJob } from './verify-worker';

/** Longest a verification may run before its thread is ended, ms (two minutes). */
export const VERIFY_TIMEOUT_MS = 120_000;

/** The part of a `node:worker_threads` Worker this module uses. */
export interface VerifyWorker {
  postMessage(job: VerifyJob, transfer: ArrayBuffer[]): void;
  on(event: 'message', listener: (answer: VerifyAnswer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

/** Why a verification gave no report: `too-large` (bytes), `timeout`, `internal` (the thread failed). */
export interface VerifyOffThreadError {
  code: 'too-large' | 'timeout' | 'internal';
  message: string;
}

export interface OffThreadDeps {
  spawn(): VerifyWorker;
  /** Default {@link VERIFY_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/**
 * Verifies `bytes` in a new worker thread. Never throws; the thread is always
 * ended. `bytes` is copied before it is transferred, so the caller's stays usable.
 */
export function verifyOffThread(bytes: Uint8Array, options: VerifyOptions, deps: OffThreadDeps): Promise<Result<VerifyReport, VerifyOffThreadError>> {
  if (bytes.byteLength > MAX_VERIFY_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    return Promise.resolve(err({ code: 'too-large', message: `The file is ${mb(bytes.byteLength)}; Pacto checks PDFs of up to ${mb(MAX_VERIFY_BYTES)}` }));
  }
  const timeoutMs = deps.timeoutMs ?? VERIFY_TIMEOUT_MS;
  return new Promise((resolve) => {
    let worker: VerifyWorker | undefined;
    let settled = false;
    const finish = (result: Result<VerifyReport, VerifyOffThreadError>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker?.terminate().catch(() => undefined);
    };
    const timer = setTimeout(
      () => finish(err({ code: 'timeout', message: `Checking the file took longer than ${Math.round(timeoutMs / 1000)} s and was stopped` })),
      timeoutMs,
    );
    try {
      worker = deps.spawn();
    } catch (e) {
      finish(err({ code: 'internal', message: `The verifier could not start (${e instanceof Error ? e.message : String(e)})` }));
      return;
    }
    worker.on('message', (answer) => finish(ok(answer.report)));
    worker.on('error', (e) => finish(err({ code: 'internal', message: `The verifier failed (${e.message})` })));
    worker.on('exit', (code) => finish(err({ code: 'internal', message: `The verifier stopped before answering (exit code ${code})` })));
    const copy = new Uint8Array(bytes);
    worker.postMessage({ bytes: copy, options: { maxPages: MAX_VERIFY_PAGES, ...options } }, [copy.buffer]);
  });
}
