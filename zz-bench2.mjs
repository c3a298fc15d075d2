import { PDFDocument, StandardFonts } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
for (const n of [2000, 4000]) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < n; i++) { const p = pdf.addPage([595, 842]); p.drawText(`Page ${i + 1} text.`, { x: 50, y: 780, size: 11, font }); }
  const bytes = await pdf.save({ useObjectStreams: false });
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  const doc = await task.promise;
  let t = performance.now();
  const pages = [];
  for (let i = 1; i <= n; i++) pages.push(await doc.getPage(i));
  const tg = performance.now() - t; t = performance.now();
  for (const p of pages) { await p.getTextContent(); }
  const tt = performance.now() - t; t = performance.now();
  for (const p of pages) p.cleanup();
  console.log(n, 'getPage', tg.toFixed(0), 'text', tt.toFixed(0));
  await task.destroy();
}
