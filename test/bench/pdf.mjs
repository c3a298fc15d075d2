#!/usr/bin/env node
/**
 * PDF export benchmark (issue 14, "PDF"), run with `npm run bench:pdf`: the
 * sample agreement exported as the user exports it — the Export step's
 * button, through the app's whole pipeline (a print to count the contents'
 * pages unless an earlier export of the same version counted them, as the
 * warm-up's did for every timed export; the final print; the seal, which in
 * its one load of the printed file reads the outline the contents are
 * checked against, adds the metadata and snapshot, reads the page texts and
 * signs, and the file written where the save dialog said) — against printing the same page with the
 * same options and no post-processing, in the same page, interleaved
 * (export, print, print, export…).
 *
 * The app is the production renderer build (test/bench/renderer-build.mjs) in
 * the tests' Chromium, with the e2e suite's stand-in for the main process
 * (test/support/app.ts `installMainProcess`: electron/main/export-pdf.ts run
 * in Node, `page.pdf()` as Electron's printToPDF, `electron/seal`, the file
 * written in Node as the main process writes it). The sample workshop is frozen and signed once
 * (`freezeSignAndExport`, whose export is the warm-up); the print options of
 * the baseline are the ones the export gave its last print. An export is
 * timed in the page, from the button's click event to the main process's
 * answer (the file written) reaching the page, as a user in the app waits
 * for it; Playwright's own click before that event (its actionability
 * checks wait for two animation frames) is not the app's and is left out.
 * The baseline is timed in Node, `page.pdf()` call → bytes. It also prints
 * where an export's time goes: its prints, its seal, the rest.
 *
 * The warm-up (freezing, the two signatures and the first export, which
 * also loads the export's code) is timed apart as `firstRunMs`. With BASE set to a git revision
 * (`BASE=main npm run bench:pdf`), that revision's renderer
 * (test/bench/renderer-build.mjs, `serveRevision`) exports in the same
 * rounds, in a page of its own, so a change is measured against what it
 * changes in the same run. The revision must hand its export to the same
 * stand-in (`pactoBrowserExporter`) and take back only its result, the file
 * staying in Node: revisions from the one that made it so on.
 *
 * ROUNDS (default 7) of each. Prints each round, then one JSON line last:
 * {"exportMs":…,"printMs":…,"ratio":…,"firstRunMs":…} (medians; goal
 * ratio ≤ 1.5), with BASE also "baseMs", "baseFirstRunMs" and "vsBase"
 * (this checkout ÷ base). Not a test: it asserts nothing.
 */
import { appHelpers, BASE, buildAndServe, launchChromium, median, round, serveRevision } from './renderer-build.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const app = await appHelpers();

const served = await buildAndServe();
const base = BASE ? await serveRevision(BASE) : null;
const browser = await launchChromium();
try {
  /** The app at `url` in a context of its own with the sample frozen, signed and exported once; its export and print measures. */
  async function openExport(url, fileName) {
    const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid', viewport: { width: 1360, height: 900 } });
    // A busy machine can take longer than Playwright's 30 s for an export or a step: a benchmark waits.
    context.setDefaultTimeout(300_000);
    const page = await app.openApp(context, url);
    await app.openSample(page);
    const t0 = performance.now();
    await app.freezeSignAndExport(page, 'Benchmark', fileName);
    const firstMs = performance.now() - t0;
    // The options of the app's last print (Electron's, as the main process gives them), for the baseline.
    const options = app.mainProcessSpent(page).lastPrint;
    if (!options) throw new Error('the export did not print through the main process stand-in');
    /** Per export: ms in the app's prints (the final one, and the contents' pages counted if they had to be), in the seal, and the rest. */
    const parts = { print: [], seal: [], rest: [] };
    // In the page: when the Export button's click event came, and when the main process's answer did.
    await page.evaluate(() => {
      window.benchExport = {};
      document.addEventListener('click', (e) => e.target.closest?.('[data-testid="export-pdf"]') && (window.benchExport.clickAt = e.timeStamp), true);
      const exporter = window.pactoBrowserExporter;
      window.pactoBrowserExporter = async (request) => {
        const result = await exporter(request);
        window.benchExport.answeredAt = performance.now();
        return result;
      };
    });

    /** One export through the Export step's button: ms from its click event to the main process's answer (the file written) in the page. */
    async function exportOnce() {
      await page.bringToFront();
      app.mainProcessSpent(page, { reset: true });
      await page.evaluate(() => (window.benchExport = {}));
      await Promise.all([app.nextSavedPdf(page), page.getByTestId('export-pdf').click()]);
      const ms = await page.evaluate(() => window.benchExport.answeredAt - window.benchExport.clickAt);
      if (!(ms > 0)) throw new Error('the export was not timed: no click event on the Export button, or no answer');
      // The button is enabled again once the run has finished (it records the export after the file is written).
      await page.locator('[data-testid="export-pdf"]:not([disabled])').waitFor();
      await page.getByTestId('export-seal').waitFor();
      const spent = app.mainProcessSpent(page);
      parts.print.push(spent.printMs);
      parts.seal.push(spent.sealMs);
      parts.rest.push(ms - spent.printMs - spent.sealMs);
      return ms;
    }
    /** The same page printed with the same options, nothing after. */
    async function printOnce() {
      await page.bringToFront();
      const t0 = performance.now();
      const pdf = await page.pdf(app.pageOptionsOf(options));
      if (pdf.byteLength === 0) throw new Error('empty print');
      return performance.now() - t0;
    }
    return { firstMs, parts, exportOnce, printOnce };
  }

  // The base first, so this checkout's first export is not the one that runs on a cold machine.
  const baseApp = base ? await openExport(base.url, 'bench-pdf-warmup-base.pdf') : null;
  const pacto = await openExport(served.url, 'bench-pdf-warmup.pdf');
  const times = { export: [], print: [], base: [] };
  const kinds = ['export', 'print', ...(baseApp ? ['base'] : [])];
  for (let i = 0; i < ROUNDS; i++) {
    // Rotate which measure goes first, so none always follows another.
    for (let j = 0; j < kinds.length; j++) {
      const kind = kinds[(i + j) % kinds.length];
      times[kind].push(kind === 'export' ? await pacto.exportOnce() : kind === 'print' ? await pacto.printOnce() : await baseApp.exportOnce());
    }
    console.log(
      `round ${i + 1}: export ${round(times.export.at(-1))} ms, print only ${round(times.print.at(-1))} ms${baseApp ? `, ${BASE} export ${round(times.base.at(-1))} ms` : ''}`,
    );
  }
  const exportMs = median(times.export);
  const printMs = median(times.print);
  const ratio = exportMs / printMs;
  const { parts } = pacto;
  console.log(
    `Warm-up (freeze, two signatures, first export with its code loading): ${round(pacto.firstMs)} ms${baseApp ? `; ${BASE}: ${round(baseApp.firstMs)} ms` : ''}.`,
  );
  console.log(
    `Median of ${ROUNDS}: export ${round(exportMs)} ms, print only ${round(printMs)} ms, ratio ${ratio.toFixed(2)} (goal ≤ 1.5: ${ratio <= 1.5 ? 'met' : 'NOT met'}).`,
  );
  console.log(
    `Where an export's time goes (medians): the prints ${round(median(parts.print))} ms, the seal ${round(median(parts.seal))} ms ` +
      `(in Node: pdf-lib's load with the outline for the contents check, page texts read with pdf.js, metadata and attachments, save, sign), ` +
      `the rest ${round(median(parts.rest))} ms (the request built in the page, handed to the main process and checked there, the file written, the answer back).`,
  );
  const figures = { exportMs: round(exportMs), printMs: round(printMs), ratio: Math.round(ratio * 100) / 100, firstRunMs: round(pacto.firstMs) };
  if (baseApp) {
    const baseMs = median(times.base);
    console.log(`${BASE}: export median ${round(baseMs)} ms; this checkout ÷ ${BASE}: ${(exportMs / baseMs).toFixed(2)}.`);
    Object.assign(figures, { baseMs: round(baseMs), baseFirstRunMs: round(baseApp.firstMs), vsBase: Math.round((exportMs / baseMs) * 100) / 100 });
  }
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await served.close();
  await base?.close();
}
