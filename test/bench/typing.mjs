#!/usr/bin/env node
/**
 * Typing benchmark (issue 14, "Typing"), run with `npm run bench:typing`:
 * from a keystroke in a glossary definition (the rich-text editor, TipTap on
 * the workshop's Y.Doc) to the change stored in IndexedDB — the commit of
 * the transaction that adds the keystroke's update to y-dexie's updates
 * table (`$workshops.doc_updates`) — against a raw Dexie add of a row of the
 * same size (`{k, u: Uint8Array, f}`, as y-dexie writes it) into a table of
 * the same shape in another database of the same page, from the call to its
 * transaction's commit. Interleaved: keystroke, raw add, raw add, keystroke…
 *
 * The app is the production renderer build (test/bench/renderer-build.mjs)
 * in the tests' Chromium. The keystroke's time is its `keydown` event's
 * timeStamp; the commit's is the `complete` event of the IndexedDB
 * transaction that added the row (IDBObjectStore add/put are watched from an
 * init script). Between rounds the page settles (two frames and a task), so
 * one keystroke's work does not fall into the next one's time.
 *
 * KEYS (default 40) keystrokes and as many raw adds. Prints a summary, then
 * one JSON line last: {"typingMs":…,"rawPutMs":…,"ratio":…,"updateBytes":…}
 * (medians; goal typingMs < 50 and ratio ≤ 2). Not a test: it asserts nothing.
 */
import { join } from 'node:path';
import { appHelpers, buildAndServe, launchChromium, median, root, round } from './renderer-build.mjs';

const KEYS = Number(process.env.KEYS ?? 40);
const app = await appHelpers();

/** Installed before the app's scripts: the time of each keydown and of each commit of a row added to y-dexie's updates table. */
function watchWrites() {
  window.benchCommits = [];
  window.addEventListener('keydown', (e) => (window.benchKeyAt = e.timeStamp), true);
  for (const method of ['add', 'put']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (value, key) {
      const request = original.call(this, value, key);
      if (this.name.endsWith('doc_updates') && value && value.u instanceof Uint8Array) {
        const bytes = value.u.byteLength;
        const called = performance.now();
        this.transaction.addEventListener('complete', () => window.benchCommits.push({ at: performance.now(), called, bytes }), { once: true });
      }
      return request;
    };
  }
}

const served = await buildAndServe();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid', viewport: { width: 1360, height: 900 } });
  await context.addInitScript(watchWrites);
  // Dexie's own build, as `window.Dexie`, for the raw adds (the app's copy is inside its bundle).
  await context.addInitScript({ path: join(root, 'node_modules/dexie/dist/dexie.min.js') });
  const page = await app.openApp(context, served.url);
  await app.openSample(page);
  await app.goToStep(page, 'glossary');
  await page.getByTestId('term-item').filter({ hasText: 'MQL' }).click();
  const definition = page.getByTestId('term-definition').locator('[contenteditable="true"]');
  await definition.click();
  await page.keyboard.press('End');
  await page.evaluate(async () => {
    const raw = new window.Dexie('bench-raw');
    raw.version(1).stores({ updates: '++i,k' });
    await raw.open();
    window.benchRaw = raw;
  });

  /** One keystroke: ms from its keydown to the commit of its update row; and that row's size. */
  async function keystroke(key) {
    await page.evaluate(() => {
      window.benchCommits = [];
      window.benchKeyAt = undefined;
    });
    await page.keyboard.press(key);
    await page.waitForFunction(() => window.benchKeyAt !== undefined && window.benchCommits.some((c) => c.at > window.benchKeyAt), null, { timeout: 30_000 });
    const result = await page.evaluate(() => {
      const first = window.benchCommits.find((c) => c.at > window.benchKeyAt);
      return { ms: first.at - window.benchKeyAt, toAdd: first.called - window.benchKeyAt, bytes: first.bytes };
    });
    await app.settled(page);
    return result;
  }
  /** One raw Dexie add of a `bytes`-long update row: ms from the call to its transaction's commit. */
  async function rawAdd(bytes) {
    const ms = await page.evaluate(async (n) => {
      const raw = window.benchRaw;
      const t0 = performance.now();
      await raw.transaction('rw', raw.updates, () => raw.updates.add({ k: 'bench', u: new Uint8Array(n).fill(7), f: 1 }));
      return performance.now() - t0;
    }, bytes);
    await app.settled(page);
    return ms;
  }

  // Warm-up: a few of each.
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    bytes = (await keystroke('x')).bytes;
    await rawAdd(bytes);
  }
  const typing = [];
  const raw = [];
  const sizes = [];
  const toAdd = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < KEYS; i++) {
    const typeFirst = i % 2 === 0;
    if (!typeFirst) raw.push(await rawAdd(bytes));
    const k = await keystroke(letters[i % letters.length]);
    typing.push(k.ms);
    toAdd.push(k.toAdd);
    sizes.push(k.bytes);
    bytes = k.bytes;
    if (typeFirst) raw.push(await rawAdd(bytes));
  }
  const typingMs = median(typing);
  const rawPutMs = median(raw);
  const ratio = typingMs / rawPutMs;
  console.log(`Typing in a glossary definition, ${KEYS} keystrokes: keystroke → stored median ${round(typingMs)} ms (p90 ${round([...typing].sort((a, b) => a - b)[Math.floor(KEYS * 0.9)])} ms); raw Dexie add of the same size median ${round(rawPutMs)} ms; ratio ${ratio.toFixed(2)}; update rows ${Math.min(...sizes)}–${Math.max(...sizes)} bytes.`);
  console.log(`Of which keydown → the update row's add called: median ${round(median(toAdd))} ms; add → commit ${round(typingMs - median(toAdd))} ms.`);
  console.log(`Goal median < 50 ms: ${typingMs < 50 ? 'met' : 'NOT met'}; ≤ 2× the raw add: ${ratio <= 2 ? 'met' : 'NOT met'}.`);
  console.log(JSON.stringify({ typingMs: round(typingMs), rawPutMs: round(rawPutMs), ratio: Math.round(ratio * 100) / 100, updateBytes: median(sizes) }));
} finally {
  await browser.close();
  await served.close();
}
