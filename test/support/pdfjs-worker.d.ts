// pdfjs-dist ships no types for its worker module; ./pdf.ts only hands the
// module to pdfjs as `globalThis.pdfjsWorker` (as electron/seal/pdf-read.ts does).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
