import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sourceWorker } from '../support/source-worker';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import {
  pageTextReader,
  pageTextThreads,
  sealPageTextReader,
  splitPageTextReader,
  type PageTextThread,
  type PageTextWorker,
} from '../../electron/seal/page-text-reader';
import type { PageTextJob } from '../../electron/seal/page-text-worker';
import { readPageTexts, readPdf } from '../../electron/seal/pdf-read';
import { SealError, sealPdf } from '../../electron/seal/seal';
import { verifyAgreementPdf } from '../../electron/seal/verify';
import { agreementPdf, testKey, textPdf } from './seal-fixture';

/** A worker that never answers, recording what it was sent and how often it was ended; `fail` makes it report an error. */
function silentWorker() {
  const listeners: Record<string, (value: never) => void> = {};
  const sent: PageTextJob[] = [];
  const state = { terminated: 0 };
  const worker: PageTextWorker = {
    postMessage: (job) => void sent.push(job),
    on: (event: string, listener: (value: never) => void) => {
      listeners[event] = listener;
    },
    terminate: async () => {
      state.terminated += 1;
      return 0;
    },
  };
  return { worker, sent, state, fail: (e: Error) => listeners['error']!(e as never) };
}

describe('pageTextReader', () => {
  let spawned = 0;
  const reader = pageTextReader({
    spawn: () => {
      spawned += 1;
      return sourceWorker('page-text-worker');
    },
  });
  afterAll(() => reader.close());

  it('reads each page’s text in a worker thread, as readPdf does here; reads at once each get their own, from one thread', async () => {
    const one = await textPdf(['Acuerdo de nivel de servicio', 'MQL a SQL en 48 h']);
    const { bytes: two } = await agreementPdf();
    reader.warm();
    const [a, b] = await Promise.all([reader.read(one), reader.read(two)]);
    expect(a).toEqual((await readPdf(one)).pages);
    expect(b).toEqual((await readPdf(two)).pages);
    expect(a.join('')).toContain('MQL a SQL en 48 h');
    expect(spawned).toBe(1);
    // The bytes sent were a copy: the caller's are still whole.
    expect(one.byteLength).toBeGreaterThan(100);
  });

  it('rejects a file pdf.js cannot read with its message, and the thread goes on serving', async () => {
    await expect(reader.read(new TextEncoder().encode('%PDF-1.7 not really'))).rejects.toThrow(/./);
    expect(await reader.read(await textPdf(['Sigue'])).then((pages) => pages.join(''))).toContain('Sigue');
  });

  it('ends a thread that does not answer in time or fails, rejects what waited on it, and starts a new one for the next read', async () => {
    const threads: ReturnType<typeof silentWorker>[] = [];
    const timed = pageTextReader({
      spawn: () => {
        threads.push(silentWorker());
        return threads.at(-1)!.worker;
      },
      timeoutMs: 1,
    });
    await expect(timed.read(new Uint8Array(10))).rejects.toThrow('Reading the page texts took longer than 0 s and was stopped');
    expect(threads[0]!.state.terminated).toBe(1);
    const waiting = timed.read(new Uint8Array(10));
    expect(threads).toHaveLength(2);
    threads[1]!.fail(new Error('out of memory'));
    await expect(waiting).rejects.toThrow('The page-text reader failed (out of memory)');
    expect(threads[1]!.state.terminated).toBe(1);
    expect(threads[1]!.sent).toEqual([{ kind: 'read', id: 2, bytes: new Uint8Array(10) }]);
  });

  it('lets the process end while its thread idles after a read', { timeout: 90_000 }, async () => {
    // A Node process that reads one PDF's texts and then has nothing left to do: it must exit by itself.
    const script = `
      import { createJiti } from 'jiti';
      const jiti = createJiti(${JSON.stringify(import.meta.url)});
      const { pageTextReader } = await jiti.import('../../electron/seal/page-text-reader.ts');
      const { textPdf } = await jiti.import('./seal-fixture.ts');
      const { sourceWorker } = await jiti.import('../support/source-worker.ts');
      const reader = pageTextReader({ spawn: () => sourceWorker('page-text-worker') });
      reader.warm();
      console.log((await reader.read(await textPdf(['Firmas']))).join(''));
    `;
    // A file, not --eval: a worker thread inherits the process's flags, and --input-type is refused there.
    const dir = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'page-text-reader-exit.mjs');
    writeFileSync(file, script);
    // Bounded: a thread that kept the process alive would make this time out and fail.
    const { stdout } = await promisify(execFile)(process.execPath, [file], { timeout: 60_000 });
    expect(stdout).toContain('Firmas');
  });

  it('rejects the reads still waiting when closed', async () => {
    const thread = silentWorker();
    const closing = pageTextReader({ spawn: () => thread.worker });
    const waiting = closing.read(new Uint8Array(10));
    await closing.close();
    await expect(waiting).rejects.toThrow('The page-text reader was closed');
    expect(thread.state.terminated).toBe(1);
  });

  it('gives the seal the page texts of the printed file: sealed with it, the PDF verifies intact', async () => {
    const printed = await textPdf(['Acuerdo Marketing–Ventas', 'Firmas']);
    const sealed = await sealPdf(printed, testKey(), { readPageTexts: reader.read });
    const report = await verifyAgreementPdf(sealed.bytes, { ownKeyFingerprint: testKey().keyFingerprint });
    expect(report.pageText).toEqual({ status: 'match', changedPages: [], pageCount: 1 });
  });

  it('refuses to seal when the page texts cannot be read, saying why', async () => {
    const printed = await textPdf(['Firmas']);
    const failing = sealPdf(printed, testKey(), { readPageTexts: () => Promise.reject(new Error('The page-text reader stopped (exit code 1)')) });
    await expect(failing).rejects.toBeInstanceOf(SealError);
    await expect(failing).rejects.toMatchObject({
      code: 'unreadable',
      message: 'Cannot seal: the PDF cannot be read (The page-text reader stopped (exit code 1))',
    });
  });
});

/** A PDF with one page per text, each page showing its text (pdf-lib, a standard font). */
async function pagesPdf(texts: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of texts) pdf.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 12, font });
  return pdf.save();
}

/** A thread stand-in that answers each part with `answer(part)`. */
function fakeThread(answer: (part: { index: number; of: number }) => Promise<string[]>): PageTextThread & { closed: number; warmed: number } {
  const thread = {
    closed: 0,
    warmed: 0,
    read: (_bytes: Uint8Array, part = { index: 0, of: 1 }) => answer(part),
    warm: () => void (thread.warmed += 1),
    close: async () => void (thread.closed += 1),
  };
  return thread;
}

describe('readPageTexts', () => {
  it('reads the pages of a part, the same text per page as readPdf, and refuses a part that is not one', async () => {
    const texts = ['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco'];
    const bytes = await pagesPdf(texts);
    const all = (await readPdf(bytes)).pages;
    expect(all.map((p) => p.trim())).toEqual(texts);
    await expect(readPageTexts(bytes)).resolves.toEqual({ pages: all, pageCount: 5 });
    await expect(readPageTexts(bytes, { index: 1, of: 2 })).resolves.toEqual({ pages: [all[1], all[3]], pageCount: 5 });
    await expect(readPageTexts(bytes, { index: 0, of: 3 })).resolves.toEqual({ pages: [all[0], all[3]], pageCount: 5 });
    await expect(readPageTexts(bytes, { index: 2, of: 2 })).rejects.toThrow('Not a part of the pages: 2 of 2');
  });
});

describe('splitPageTextReader', () => {
  it('reads with two threads at once and gives every page back in page order, as readPdf reads them', async () => {
    let spawned = 0;
    const reader = sealPageTextReader(() => {
      spawned += 1;
      return sourceWorker('page-text-worker');
    }, 4);
    try {
      for (const texts of [['Solo una'], ['Uno', 'Dos', 'Tres', 'Cuatro', 'Cinco', 'Seis', 'Siete']]) {
        const bytes = await pagesPdf(texts);
        expect(await reader.read(bytes)).toEqual((await readPdf(bytes)).pages);
      }
      expect(spawned).toBe(2);
    } finally {
      await reader.close();
    }
  });

  it('fails the read with a part’s error, and when the parts do not add up to one document', async () => {
    const ok = fakeThread(async () => ['a']);
    const broken = splitPageTextReader([ok, fakeThread(async () => Promise.reject(new Error('The page-text reader stopped (exit code 1)')))]);
    await expect(broken.read(new Uint8Array(4))).rejects.toThrow('The page-text reader stopped (exit code 1)');
    const uneven = splitPageTextReader([fakeThread(async () => ['a']), fakeThread(async () => ['b', 'c'])]);
    await expect(uneven.read(new Uint8Array(4))).rejects.toThrow('The page-text threads read different page counts (1, 2 pages in 2 parts)');
  });

  it('warms and closes every thread', async () => {
    const threads = [fakeThread(async () => []), fakeThread(async () => [])];
    const reader = splitPageTextReader(threads);
    reader.warm();
    await reader.close();
    expect(threads.map((t) => [t.warmed, t.closed])).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('takes two threads on a machine with two cores or more, one on a single core', () => {
    expect([1, 2, 8].map(pageTextThreads)).toEqual([1, 2, 2]);
  });
});
