/**
 * The one way Node code loads pdfjs-dist (Mozilla's PDF reader): its legacy
 * build (the one meant for Node; the modern build needs browser globals such
 * as `DOMMatrix`), with the worker module loaded in this thread
 * (`globalThis.pdfjsWorker`), so no worker file has to be found at run time,
 * bundled or not.
 *
 * The legacy build bundles core-js polyfills, and on Node 20 one of them
 * replaces `Array.prototype.push` for the whole process with a JavaScript
 * version (core-js's check of push on array-likes longer than 2³² fails on
 * this V8). That made every `push` in the process slower, pdf.js's own and
 * pdf-lib's included: pdf.js's text reading spent ~15 % of its time there.
 * {@link loadPdfjs} puts the engine's own `push` back once both modules are
 * loaded; the polyfill only adds spec corner cases that neither library nor
 * Pacto relies on (arrays of more than 2³² − 1 elements, non-writable lengths).
 */
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

/** `Array.prototype.push` as the engine made it, taken when this module is first evaluated (before pdf.js is imported). */
const enginePush = Array.prototype.push;

let loaded: Promise<typeof Pdfjs> | undefined;

/**
 * The pdfjs-dist legacy API, its worker set up in this thread. Loaded on the
 * first call and shared afterwards; rejects only if the package cannot be
 * imported.
 */
export function loadPdfjs(): Promise<typeof Pdfjs> {
  loaded ??= (async () => {
    const [api, worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    restoreEnginePush();
    return api;
  })();
  return loaded;
}

/** Puts the engine's `Array.prototype.push` back if a polyfill replaced it; true when it did. */
export function restoreEnginePush(): boolean {
  if (Array.prototype.push === enginePush) return false;
  Array.prototype.push = enginePush;
  return true;
}
