// pdfjs-dist ships no types for its worker module; the seal code only hands
// the module to pdfjs as `globalThis.pdfjsWorker` (see ./pdf-read.ts).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
