import { threadId } from 'node:worker_threads';
import { sourceWorker } from '../support/source-worker';
import { describe, expect, it } from 'vitest';
import { MAX_VERIFY_BYTES } from '../../shared/bridge/contract';
import { verifyOffThread, type VerifyWorker } from '../../electron/seal/verify-off-thread';
import type { VerifyAnswer } from '../../electron/seal/verify-worker';
import { agreementPdf, testKey } from './seal-fixture';

/** A real worker thread running the TypeScript verifier; records the thread that answered. */
function realWorker(seen: { threadId?: number; terminated?: boolean }): VerifyWorker {
  const worker = sourceWorker('verify-worker');
  worker.on('message', (answer: VerifyAnswer) => {
    seen.threadId = answer.threadId;
  });
  const terminate = worker.terminate.bind(worker);
  return Object.assign(worker, {
    terminate: () => {
      seen.terminated = true;
      return terminate();
    },
  }) as unknown as VerifyWorker;
}

describe('verifyOffThread', () => {
  it('verifies in another thread, which it ends afterwards; the caller’s bytes stay usable', async () => {
    const { bytes } = await agreementPdf();
    const seen: { threadId?: number; terminated?: boolean } = {};
    const result = await verifyOffThread(bytes, { ownKeyFingerprint: testKey().keyFingerprint }, { spawn: () => realWorker(seen) });
    expect(result.ok && result.value.status).toBe('intact');
    expect(result.ok && result.value.seal.key).toBe('own');
    expect(seen.threadId).toBeGreaterThan(0);
    expect(seen.threadId).not.toBe(threadId);
    expect(seen.terminated).toBe(true);
    expect(bytes.byteLength).toBeGreaterThan(1000);
  });

  it('applies the page limit in the worker: too-large, with the count and the limit', async () => {
    const { bytes } = await agreementPdf();
    const result = await verifyOffThread(bytes, { maxPages: 0 }, { spawn: () => realWorker({}) });
    expect(result.ok && result.value.status).toBe('too-large');
    expect(result.ok && result.value.reasons[0]?.message).toMatch(/has 1 pages; Pacto checks PDFs of up to 0 pages/);
  });

  it('refuses a file over the size limit before starting any thread', async () => {
    let spawned = 0;
    const result = await verifyOffThread(
      new Uint8Array(MAX_VERIFY_BYTES + 1),
      {},
      {
        spawn: () => {
          spawned += 1;
          throw new Error('must not start');
        },
      },
    );
    expect(result).toEqual({ ok: false, error: { code: 'too-large', message: 'The file is 100 MB; Pacto checks PDFs of up to 100 MB' } });
    expect(spawned).toBe(0);
  });

  it('ends a thread that does not answer in time, and one that fails', async () => {
    const listeners: Record<string, (value: never) => void> = {};
    let terminated = 0;
    const silent: VerifyWorker = {
      postMessage: () => undefined,
      on: (event: string, listener: (value: never) => void) => {
        listeners[event] = listener;
      },
      terminate: async () => {
        terminated += 1;
        return 0;
      },
    };
    expect(await verifyOffThread(new Uint8Array(10), {}, { spawn: () => silent, timeoutMs: 1 })).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(terminated).toBe(1);
    const failing: VerifyWorker = { ...silent, postMessage: () => listeners['error']!(new Error('out of memory') as never) };
    expect(await verifyOffThread(new Uint8Array(10), {}, { spawn: () => failing })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'The verifier failed (out of memory)' },
    });
    expect(terminated).toBe(2);
  });
});
