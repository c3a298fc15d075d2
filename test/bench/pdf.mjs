#!/usr/bin/env node
/**
 * PDF export benchmark (issue 14, "PDF"), run with `npm run bench:pdf`: the
 * sample agreement exported as the user exports it — the Export step's
 * button, through the app's whole pipeline (a print to count the contents'
 * pages, the final print, the contents check, pdf-lib's finalizer, the seal)
 * until the browser has the file — against printing the same page with the
 * same options and no post-processing, in the same page, interleaved
 * (export, print, print, export…).
 *
 * The app is the production renderer build (test/bench/renderer-build.mjs) in
 * the tests' Chromium, with the e2e suite's printer and sealer
 * (test/support/app.ts: `page.pdf()` as Electron's printToPDF, `electron/seal`
 * in Node). The sample workshop is frozen and signed once
 * (`freezeSignAndExport`, whose export is the warm-up); the print options of
 * the baseline are the ones the app passed to its last print. Times are from
 * Node: click → download, and `page.pdf()` call → bytes. It also prints
 * where an export's time goes: its two prints, its seal, the rest.
 *
 * ROUNDS (default 7) of each. Prints each round, then one JSON line last:
 * {"exportMs":…,"printMs":…,"ratio":…} (medians; goal ratio ≤ 1.5).
 * Not a test: it asserts nothing.
 */
import { appHelpers, buildAndServe, launchChromium, median, round } from './renderer-build.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const app = await appHelpers();

const served = await buildAndServe();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid', acceptDownloads: true, viewport: { width: 1360, height: 900 } });
  const page = await app.openApp(context, served.url);
  // Remember the options of the app's last print, for the baseline, and how long each print and seal took.
  await page.evaluate(() => {
    window.benchSpent = { print: 0, seal: 0 };
    const timed = (name, part) => {
      const original = window[name];
      window[name] = async (...args) => {
        if (part === 'print') window.benchPrintOptions = args[0];
        const t0 = performance.now();
        try {
          return await original(...args);
        } finally {
          window.benchSpent[part] += performance.now() - t0;
        }
      };
    };
    timed('pactoBrowserPrinter', 'print');
    timed('pactoBrowserSealer', 'seal');
  });
  await app.openSample(page);
  await app.freezeSignAndExport(page, 'Benchmark', 'bench-pdf-warmup.pdf');
  const options = await page.evaluate(() => window.benchPrintOptions);
  if (!options) throw new Error('the export did not print through the browser printer');

  /** One export through the Export step's button: ms from click to the downloaded file. */
  async function exportOnce() {
    await page.evaluate(() => (window.benchSpent = { print: 0, seal: 0 }));
    const t0 = performance.now();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
    await download.path();
    const ms = performance.now() - t0;
    // The button is enabled again once the run has finished (it records the export after the download).
    await page.locator('[data-testid="export-pdf"]:not([disabled])').waitFor();
    await page.getByTestId('export-seal').waitFor();
    const spent = await page.evaluate(() => window.benchSpent);
    parts.print.push(spent.print);
    parts.seal.push(spent.seal);
    parts.rest.push(ms - spent.print - spent.seal);
    return ms;
  }
  /** The same page printed with the same options, nothing after. */
  async function printOnce() {
    const t0 = performance.now();
    const pdf = await page.pdf(app.pdfOptions(options));
    if (pdf.byteLength === 0) throw new Error('empty print');
    return performance.now() - t0;
  }

  const times = { export: [], print: [] };
  /** Per export: ms in the app's two prints (contents' pages counted, then the final one), in the seal, and the rest. */
  const parts = { print: [], seal: [], rest: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const order = i % 2 === 0 ? ['export', 'print'] : ['print', 'export'];
    for (const kind of order) times[kind].push(kind === 'export' ? await exportOnce() : await printOnce());
    console.log(`round ${i + 1}: export ${round(times.export.at(-1))} ms, print only ${round(times.print.at(-1))} ms`);
  }
  const exportMs = median(times.export);
  const printMs = median(times.print);
  const ratio = exportMs / printMs;
  console.log(`Median of ${ROUNDS}: export ${round(exportMs)} ms, print only ${round(printMs)} ms, ratio ${ratio.toFixed(2)} (goal ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}).`);
  console.log(
    `Where an export's time goes (medians): the two prints ${round(median(parts.print))} ms, the seal ${round(median(parts.seal))} ms (page texts read, attachments, save, sign; in Node), ` +
      `the rest ${round(median(parts.rest))} ms (contents check and pdf-lib's finalizer in the page, re-render with the page numbers, download).`,
  );
  console.log(JSON.stringify({ exportMs: round(exportMs), printMs: round(printMs), ratio: Math.round(ratio * 100) / 100 }));
} finally {
  await browser.close();
  await served.close();
}
