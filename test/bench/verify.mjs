// Benchmark of `verifyAgreementPdf` against page count: agreement PDFs of 100
// and 2,000 pages (pdf-lib pages of text, finalized and sealed as Pacto exports
// them, so the page tree is balanced), each verified 3 times; prints one line
// per size and, last, one JSON line: { "bench": "verify", "msPerPage": {…},
// "ratio2000to100": … } (a ratio near 1 means time grows linearly with pages).
// Run: `npm run bench:verify` (node, TypeScript loaded through jiti).
import { createJiti } from 'jiti';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const jiti = createJiti(import.meta.url);
const { finalizeAgreementPdf } = await jiti.import('../../shared/pdf/finalize.ts');
const { sealPdf } = await jiti.import('../../electron/seal/seal.ts');
const { createSealKey } = await jiti.import('../../electron/seal/key.ts');
const { verifyAgreementPdf } = await jiti.import('../../electron/seal/verify.ts');
const { sampleVersion } = await jiti.import('../unit/seal-fixture.ts');

const SIZES = [100, 2000];
const ROUNDS = 3;
const key = createSealKey();
const version = sampleVersion();

async function agreement(pages) {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = pdf.addPage([595, 842]);
    for (let line = 0; line < 20; line++)
      page.drawText(`Page ${i + 1}, line ${line + 1}: Marketing delivers every MQL that meets the agreed definition.`, {
        x: 40,
        y: 800 - line * 18,
        size: 9,
        font,
      });
  }
  const metadata = { title: 'Bench', author: 'Pacto', subject: 'Bench', keywords: [], language: 'en' };
  const finished = await finalizeAgreementPdf(await pdf.save({ useObjectStreams: false }), metadata, version.snapshotJson, new Date());
  return (await sealPdf(finished, key)).bytes;
}

const msPerPage = {};
for (const pages of SIZES) {
  const bytes = await agreement(pages);
  const times = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    const report = await verifyAgreementPdf(bytes, { maxPages: Math.max(...SIZES) });
    times.push(performance.now() - start);
    if (report.pageText.status !== 'match') throw new Error(`page text not checked at ${pages} pages: ${report.pageText.status}`);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
  msPerPage[pages] = Number((median / pages).toFixed(3));
  console.log(`${pages} pages: ${median.toFixed(0)} ms (median of ${ROUNDS}), ${msPerPage[pages]} ms/page, ${(bytes.length / 1024).toFixed(0)} KB`);
}
console.log(JSON.stringify({ bench: 'verify', msPerPage, ratio2000to100: Number((msPerPage[2000] / msPerPage[100]).toFixed(2)) }));
