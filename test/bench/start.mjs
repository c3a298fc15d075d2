#!/usr/bin/env node
/**
 * Cold-start benchmark (issue 14, "Cold start"), run with `npm run bench:start`:
 * the time from a new page to the sample workshop's home list being
 * interactive, for Pacto's renderer and for an empty React page
 * (test/bench/empty) built with the same Vite config, in the same Chromium,
 * interleaved (Pacto, empty, Pacto, empty…) so load on the machine falls on
 * both alike.
 *
 * "Interactive" is the first task the page runs after the frame that shows
 * the first `[data-testid="workshop-card"]` (Pacto's card of the sample
 * workshop; the empty page's one list item): a MutationObserver sees the
 * card, then requestAnimationFrame + setTimeout wait for that frame and for
 * the main thread to be free; `performance.now()` there is the time since
 * navigation start. Each kind keeps one browser context (its IndexedDB and
 * HTTP cache) for all rounds, and each round opens a new page in it: the
 * first round is Pacto's first run (it writes the sample workshop), printed
 * apart and left out of the medians; the rest are later starts.
 *
 * With BASE set to a git revision (e.g. `BASE=main npm run bench:start`),
 * that revision's renderer (extracted with `git archive` into a temporary
 * folder, built with its own config and this checkout's node_modules) starts
 * in the same rounds as a third kind, so a change is measured against what
 * it changes in the same run.
 *
 * ROUNDS (default 15) rounds per kind. Prints each round, then one JSON line
 * last: {"pactoMs":…,"emptyMs":…,"ratio":…} (medians; goal ratio ≤ 2), with
 * BASE also "baseMs" and "vsBase" (Pacto ÷ base).
 * Not a test: it asserts nothing.
 */
import { join } from 'node:path';
import { BASE, buildAndServe, launchChromium, median, root, round, serveRevision } from './renderer-build.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 15);

/** Installed in every page before its scripts: records when the first card is on screen and the page is free. */
function markReady() {
  const seen = () => {
    if (document.querySelector('[data-testid="workshop-card"]') === null) return false;
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.benchReadyMs = performance.now();
      }),
    );
    return true;
  };
  new MutationObserver((_records, observer) => {
    if (seen()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

const pacto = await buildAndServe();
const empty = await buildAndServe(join(root, 'test/bench/empty'));
const base = BASE ? await serveRevision(BASE) : null;
const kinds = base ? ['pacto', 'empty', 'base'] : ['pacto', 'empty'];
const browser = await launchChromium();
try {
  const contexts = {};
  for (const kind of kinds) {
    contexts[kind] = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
    await contexts[kind].addInitScript(markReady);
  }
  const urls = { pacto: pacto.url, empty: empty.url, ...(base ? { base: base.url } : {}) };

  /** One start of `kind` in a new page: milliseconds from navigation start to interactive. */
  async function start(kind) {
    const page = await contexts[kind].newPage();
    try {
      await page.goto(urls[kind]);
      await page.waitForFunction(() => window.benchReadyMs !== undefined, null, { timeout: 120_000 });
      return await page.evaluate(() => window.benchReadyMs);
    } finally {
      await page.close();
    }
  }

  const times = Object.fromEntries(kinds.map((k) => [k, []]));
  const first = {};
  for (const kind of kinds) first[kind] = await start(kind);
  console.log(
    `First run (Pacto writes the sample workshop): Pacto ${round(first.pacto)} ms, empty page ${round(first.empty)} ms${base ? `, ${BASE} ${round(first.base)} ms` : ''}`,
  );
  for (let i = 0; i < ROUNDS; i++) {
    // Rotate which kind goes first, so none always follows another.
    const order = kinds.map((_, j) => kinds[(i + j) % kinds.length]);
    for (const kind of order) times[kind].push(await start(kind));
    console.log(`round ${i + 1}: ${kinds.map((k) => `${k === 'base' ? BASE : k} ${round(times[k].at(-1))} ms`).join(', ')}`);
  }
  const pactoMs = median(times.pacto);
  const emptyMs = median(times.empty);
  console.log(
    `Median of ${ROUNDS} starts: Pacto ${round(pactoMs)} ms, empty React page ${round(emptyMs)} ms, ratio ${(pactoMs / emptyMs).toFixed(2)} (goal ≤ 2).`,
  );
  const figures = { pactoMs: round(pactoMs), emptyMs: round(emptyMs), ratio: Math.round((pactoMs / emptyMs) * 100) / 100 };
  if (base) {
    const baseMs = median(times.base);
    console.log(`${BASE}: median ${round(baseMs)} ms; this checkout ÷ ${BASE}: ${(pactoMs / baseMs).toFixed(2)}.`);
    Object.assign(figures, { baseMs: round(baseMs), vsBase: Math.round((pactoMs / baseMs) * 100) / 100 });
  }
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await pacto.close();
  await empty.close();
  await base?.close();
}
