/**
 * Reading a PDF's page texts on a long-lived worker thread
 * (./page-text-worker.ts), for the seal: `sealPdf` starts the read, then does
 * pdf-lib's load and rewrite on its own thread while pdf.js reads, and awaits
 * the texts only when it attaches their record. On a machine with two cores
 * the two overlap instead of adding up.
 *
 * Unlike the verifier's thread (./verify-off-thread.ts: one per dropped file,
 * whatever its origin, ended afterwards), this one is kept: it reads only
 * files Pacto has just printed, and keeping it saves loading pdf.js at every
 * export. Each read has a time limit; a thread that fails, exits or runs out
 * of time is ended, every read waiting on it is rejected, and the next read
 * starts a new one. The thread is made by an injected `spawn`
 * (electron/main gives `new Worker(<out/main/page-text-worker.js>)`; tests
 * and the e2e harness start the TypeScript source), so the module is tested
 * in Node.
 */
import type { PageTextAnswer, PageTextJob } from './page-text-worker';
import type { PagePart } from './pdf-read';

/** Longest one read may take before its thread is ended, ms (one minute: a printed agreement takes well under a second). */
export const PAGE_TEXT_TIMEOUT_MS = 60_000;

/** The part of a `node:worker_threads` Worker the reader uses. */
export interface PageTextWorker {
  postMessage(job: PageTextJob, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (answer: PageTextAnswer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
  /** Lets the process exit while the thread idles (Node's `Worker.unref`). */
  unref?(): void;
}

export interface PageTextReaderDeps {
  spawn(): PageTextWorker;
  /** Default {@link PAGE_TEXT_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/** Reads page texts off this thread; see the module's comment. */
export interface PageTextReader {
  /**
   * Each page's text of `bytes` (a copy is sent; the caller's bytes stay usable), in page order, as
   * `readPdf(bytes).pages` gives it. Rejects with an Error saying why: the PDF could not be read, the
   * thread failed or stopped, the time ran out, or the reader was closed.
   */
  read(bytes: Uint8Array): Promise<string[]>;
  /** Starts the thread(s) and loads pdf.js there, if not done yet, so the next read does not wait for that. */
  warm(): void;
  /** Ends the thread(s); reads still waiting are rejected. Later reads start new ones. */
  close(): Promise<void>;
}

/** A reader on one thread: it can also read a share of the pages (see {@link splitPageTextReader}). */
export interface PageTextThread extends PageTextReader {
  /** As `read`, the texts of `part`'s pages only (in page order): pages index + 1, index + 1 + of, … */
  read(bytes: Uint8Array, part?: PagePart): Promise<string[]>;
}

/** A reader of page texts on one worker thread made by `deps.spawn` when first needed. */
export function pageTextReader(deps: PageTextReaderDeps): PageTextThread {
  const timeoutMs = deps.timeoutMs ?? PAGE_TEXT_TIMEOUT_MS;
  const waiting = new Map<number, { resolve(pages: string[]): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();
  let worker: PageTextWorker | null = null;
  let nextId = 1;

  /** Ends the current thread, if any, and rejects every read waiting on it with `why`. */
  function stop(why: string): Promise<void> {
    const ended = worker;
    worker = null;
    for (const [id, job] of waiting) {
      clearTimeout(job.timer);
      waiting.delete(id);
      job.reject(new Error(why));
    }
    return ended
      ? ended.terminate().then(
          () => undefined,
          () => undefined,
        )
      : Promise.resolve();
  }

  function thread(): PageTextWorker {
    if (worker) return worker;
    const started = deps.spawn();
    started.on('message', (answer) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      clearTimeout(job.timer);
      if ('pages' in answer) job.resolve(answer.pages);
      else job.reject(new Error(answer.error));
    });
    // Only the current thread's failures stop it: a thread already replaced has nothing waiting on it.
    started.on('error', (e) => {
      if (worker === started) void stop(`The page-text reader failed (${e.message})`);
    });
    started.on('exit', (code) => {
      if (worker === started) void stop(`The page-text reader stopped (exit code ${code})`);
    });
    // After the listeners: attaching a 'message' listener refs the thread's port again.
    started.unref?.();
    worker = started;
    return started;
  }

  return {
    read(bytes, part) {
      return new Promise<string[]>((resolve, reject) => {
        let target: PageTextWorker;
        try {
          target = thread();
        } catch (e) {
          reject(new Error(`The page-text reader could not start (${e instanceof Error ? e.message : String(e)})`));
          return;
        }
        const id = nextId++;
        const timer = setTimeout(() => void stop(`Reading the page texts took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`), timeoutMs);
        waiting.set(id, { resolve, reject, timer });
        const copy = new Uint8Array(bytes);
        target.postMessage({ kind: 'read', id, bytes: copy, ...(part ? { part } : {}) }, [copy.buffer]);
      });
    },
    warm() {
      try {
        thread().postMessage({ kind: 'warm' });
      } catch {
        // A thread that cannot start is reported by the next read.
      }
    },
    close() {
      return stop('The page-text reader was closed');
    },
  };
}

/**
 * How many threads the seal reads page texts on, for a machine with `cores` logical cores (Node's
 * `os.availableParallelism()`): 2, or 1 on a single core. The main thread only loads the file with
 * pdf-lib meanwhile (a fraction of the read), then waits; past two threads each one re-opens the
 * document and its fonts for fewer pages, for an agreement of a dozen pages little gain.
 */
export function pageTextThreads(cores: number): number {
  return cores >= 2 ? 2 : 1;
}

/**
 * A reader that deals each read's pages out to `threads` (the first takes pages 1, n + 1, 2n + 1…, the
 * second 2, n + 2…), reads the parts at once, and gives every page's text back in page order: with a
 * core per thread, the read takes about 1/n of one thread's time. Rejects with the first part's error,
 * or when the parts do not add up to one document's pages. Warming and closing reach every thread.
 */
export function splitPageTextReader(threads: readonly PageTextThread[]): PageTextReader {
  if (threads.length === 0) throw new RangeError('splitPageTextReader needs at least one thread');
  const of = threads.length;
  return {
    async read(bytes) {
      const parts = await Promise.all(threads.map((thread, index) => thread.read(bytes, { index, of })));
      const pageCount = parts.reduce((sum, part) => sum + part.length, 0);
      // Part i holds the pages i + 1, i + 1 + of…: ceil((pageCount − i) / of) of them.
      if (parts.some((part, index) => part.length !== Math.ceil((pageCount - index) / of))) {
        throw new Error(`The page-text threads read different page counts (${parts.map((p) => p.length).join(', ')} pages in ${of} parts)`);
      }
      return Array.from({ length: pageCount }, (_, page) => parts[page % of]![Math.floor(page / of)]!);
    },
    warm() {
      for (const thread of threads) thread.warm();
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.close()));
    },
  };
}

/**
 * The seal's page-text reader: {@link splitPageTextReader} over {@link pageTextThreads}`(cores)` threads,
 * each started by `spawn` when first needed (electron/main and the e2e harness both make theirs here).
 */
export function sealPageTextReader(spawn: () => PageTextWorker, cores: number): PageTextReader {
  return splitPageTextReader(Array.from({ length: pageTextThreads(cores) }, () => pageTextReader({ spawn })));
}
