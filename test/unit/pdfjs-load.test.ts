import { describe, expect, it } from 'vitest';
import { loadPdfjs, restoreEnginePush } from '../../electron/seal/pdfjs';

// Before pdf.js is loaded (./pdfjs.ts imports it only when asked). core-js makes its replacement's source read
// "[native code]", so the check is by identity, not by Function.prototype.toString.
const enginePush = Array.prototype.push;

describe('loadPdfjs', () => {
  it('loads the legacy build with its worker in this thread, and leaves the engine’s Array.prototype.push in place', async () => {
    const pdfjs = await loadPdfjs();
    expect(typeof pdfjs.getDocument).toBe('function');
    expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeDefined();
    expect(Array.prototype.push).toBe(enginePush);
    // Loaded once: a second call gives the same module.
    expect(await loadPdfjs()).toBe(pdfjs);
  });

  it('puts the engine’s push back after a polyfill replaced it, and says so', () => {
    // A stand-in for core-js's replacement (same behaviour, not the engine's code).
    Array.prototype.push = function push(this: unknown[], ...items: unknown[]) {
      return enginePush.apply(this, items);
    };
    expect(Array.prototype.push).not.toBe(enginePush);
    expect(restoreEnginePush()).toBe(true);
    expect(Array.prototype.push).toBe(enginePush);
    expect(restoreEnginePush()).toBe(false);
  });
});
