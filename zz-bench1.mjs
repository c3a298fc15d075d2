import { createJiti } from 'jiti';
const jiti = createJiti(import.meta.url);
const { PDFDocument, StandardFonts } = await import('pdf-lib');
const { readPdf } = await jiti.import('./electron/seal/pdf-read.ts');
const { findSignatures } = await jiti.import('./electron/seal/pdf-bytes.ts');
for (const n of [2000, 4000, 8000]) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < n; i++) { const p = pdf.addPage([595, 842]); p.drawText(`Page ${i + 1} of the agreement, some text here.`, { x: 50, y: 780, size: 11, font }); }
  const printed = await pdf.save({ useObjectStreams: false });
  let t = performance.now();
  await readPdf(printed);
  console.log(n, 'read', (performance.now() - t).toFixed(0));
}
