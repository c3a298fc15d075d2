#!/usr/bin/env node
/**
 * Bundle benchmark (issue 14, "Bundle"), run with `npm run bench:bundle`:
 * builds the renderer with the app's own Vite config
 * (build/renderer.vite.config.ts, production mode, as `npm run build` does),
 * opens it in Chromium on the home screen with the sample workshop listed,
 * and reports how much JavaScript that took, gzipped.
 *
 * - initialGzKb: the JavaScript files Chromium requested from opening the page
 *   until the sample workshop's card is on the home list (entry, its static
 *   imports and any chunk loaded on the way; recorded in the page when the
 *   card appears, so the workshop layer that loads after it is not counted),
 *   each gzipped (zlib level 9, as a server or an installer would compress
 *   it), summed, for a start after the first (the sample workshop stored).
 *   Goal ≤ 350.
 * - firstRunGzKb: the same for the first run, which writes the sample
 *   workshop and loads the code that writes it before the card shows.
 * - totalGzKb: every JavaScript file of the build, gzipped the same way.
 *
 * Also prints each initial file and the largest chunks, then one JSON line
 * last: {"initialGzKb":…,"firstRunGzKb":…,"totalGzKb":…}. Not a test: it asserts nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildAndServe, launchChromium } from './renderer-build.mjs';

const gzKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1024;
const round = (x) => Math.round(x * 10) / 10;

const app = await buildAndServe();
const { outDir, url } = app;

const jsFiles = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.js')) jsFiles.push(path);
  }
};
walk(outDir);
const sizes = new Map(
  jsFiles.map((path) => {
    const bytes = readFileSync(path);
    return [relative(outDir, path).split('\\').join('/'), { rawKb: bytes.length / 1024, gzKb: gzKb(bytes) }];
  }),
);

const browser = await launchChromium();
const initial = new Set();
const firstRun = new Set();
try {
  const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
  // The scripts requested up to the moment the first card is in the page, recorded in the page itself (a poll
  // from Playwright would see the card later, once the workshop layer, which starts after the list's first
  // paint, has fetched its chunks too).
  await context.addInitScript(() => {
    new MutationObserver((_records, observer) => {
      if (document.querySelector('[data-testid="workshop-card"]') === null) return;
      observer.disconnect();
      window.benchScriptsAtCard = performance.getEntriesByType('resource').map((entry) => entry.name);
    }).observe(document, { childList: true, subtree: true });
  });
  /** The build's scripts a new page in the context requested until its first card was in it. */
  const scriptsAtCard = async () => {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.benchScriptsAtCard !== undefined, null, { timeout: 120_000 });
    const paths = (await page.evaluate(() => window.benchScriptsAtCard)).map((name) => new URL(name).pathname.replace(/^\//, ''));
    await page.close();
    return new Set(paths.filter((path) => sizes.has(path)));
  };
  // The first run writes the sample workshop (its code loads for that), a later start only lists it.
  for (const path of await scriptsAtCard()) firstRun.add(path);
  for (const path of await scriptsAtCard()) initial.add(path);
  await context.close();
} finally {
  await browser.close();
  await app.close();
}

const sum = (paths, key) => paths.reduce((total, path) => total + sizes.get(path)[key], 0);
const initialList = [...initial].sort((a, b) => sizes.get(b).gzKb - sizes.get(a).gzKb);
console.log(`Initial JavaScript of the home screen (${initialList.length} files):`);
for (const path of initialList) console.log(`  ${path}  ${round(sizes.get(path).rawKb)} kB, ${round(sizes.get(path).gzKb)} kB gzipped`);
const rest = [...sizes.keys()].filter((path) => !initial.has(path)).sort((a, b) => sizes.get(b).gzKb - sizes.get(a).gzKb);
console.log(`Loaded later (${rest.length} files), largest:`);
for (const path of rest.slice(0, 12)) console.log(`  ${path}  ${round(sizes.get(path).rawKb)} kB, ${round(sizes.get(path).gzKb)} kB gzipped`);
const all = [...sizes.keys()];
console.log(
  `Initial: ${round(sum(initialList, 'rawKb'))} kB (${round(sum(initialList, 'gzKb'))} kB gzipped); all JS: ${round(sum(all, 'rawKb'))} kB (${round(sum(all, 'gzKb'))} kB gzipped). Goal: initial ≤ 350 kB gzipped.`,
);
console.log(`First run (writes the sample workshop, whose code loads for it): ${round(sum([...firstRun], 'gzKb'))} kB gzipped in ${firstRun.size} files.`);
console.log(
  JSON.stringify({ initialGzKb: round(sum(initialList, 'gzKb')), firstRunGzKb: round(sum([...firstRun], 'gzKb')), totalGzKb: round(sum(all, 'gzKb')) }),
);
