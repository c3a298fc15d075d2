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
 * With BASE set to a git revision (`BASE=main npm run bench:typing`), that
 * revision's renderer (test/bench/renderer-build.mjs, `serveRevision`) is
 * typed into in the same rounds, in a page of its own, so a change is
 * measured against what it changes in the same run.
 *
 * KEYS (default 40) keystrokes (per app) and as many raw adds. Prints a
 * summary, then one JSON line last:
 * {"typingMs":…,"rawPutMs":…,"ratio":…,"updateBytes":…} (medians; goal
 * typingMs < 50 and ratio ≤ 2), with BASE also "baseMs" and "vsBase"
 * (this checkout ÷ base). Not a test: it asserts nothing.
 */
import { join } from 'node:path';
import { appHelpers, BASE, buildAndServe, launchChromium, median, root, round, serveRevision } from './renderer-build.mjs';

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
const base = BASE ? await serveRevision(BASE) : null;
const browser = await launchChromium();
try {
  /** The app at `url` in a context of its own, with the sample's MQL definition focused at its end; its keystroke and raw-add measures. */
  async function openTyping(url) {
    const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid', viewport: { width: 1360, height: 900 } });
    await context.addInitScript(watchWrites);
    // Dexie's own build, as `window.Dexie`, for the raw adds (the app's copy is inside its bundle).
    await context.addInitScript({ path: join(root, 'node_modules/dexie/dist/dexie.min.js') });
    // A busy machine can take longer than Playwright's 30 s for an export or a step: a benchmark waits.
    context.setDefaultTimeout(300_000);
    const page = await app.openApp(context, url);
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
      await page.bringToFront();
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
    return { keystroke, rawAdd };
  }

  const pacto = await openTyping(served.url);
  const baseApp = base ? await openTyping(base.url) : null;

  // Warm-up: a few of each.
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    bytes = (await pacto.keystroke('x')).bytes;
    await baseApp?.keystroke('x');
    await pacto.rawAdd(bytes);
  }
  const typing = [];
  const baseTyping = [];
  const raw = [];
  const sizes = [];
  const toAdd = [];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let i = 0; i < KEYS; i++) {
    const key = letters[i % letters.length];
    // Rotate which measure goes first, so none always follows another.
    const steps = [
      async () => {
        const k = await pacto.keystroke(key);
        typing.push(k.ms);
        toAdd.push(k.toAdd);
        sizes.push(k.bytes);
        bytes = k.bytes;
      },
      async () => raw.push(await pacto.rawAdd(bytes)),
      ...(baseApp ? [async () => baseTyping.push((await baseApp.keystroke(key)).ms)] : []),
    ];
    for (let j = 0; j < steps.length; j++) await steps[(i + j) % steps.length]();
  }
  const typingMs = median(typing);
  const rawPutMs = median(raw);
  const ratio = typingMs / rawPutMs;
  console.log(
    `Typing in a glossary definition, ${KEYS} keystrokes: keystroke → stored median ${round(typingMs)} ms (p90 ${round([...typing].sort((a, b) => a - b)[Math.floor(KEYS * 0.9)])} ms); raw Dexie add of the same size median ${round(rawPutMs)} ms; ratio ${ratio.toFixed(2)}; update rows ${Math.min(...sizes)}–${Math.max(...sizes)} bytes.`,
  );
  console.log(`Of which keydown → the update row's add called: median ${round(median(toAdd))} ms; add → commit ${round(typingMs - median(toAdd))} ms.`);
  console.log(`Goal median < 50 ms: ${typingMs < 50 ? 'met' : 'NOT met'}; ≤ 2× the raw add: ${ratio <= 2 ? 'met' : 'NOT met'}.`);
  const figures = { typingMs: round(typingMs), rawPutMs: round(rawPutMs), ratio: Math.round(ratio * 100) / 100, updateBytes: median(sizes) };
  if (baseApp) {
    const baseMs = median(baseTyping);
    console.log(`${BASE}: keystroke → stored median ${round(baseMs)} ms; this checkout ÷ ${BASE}: ${(typingMs / baseMs).toFixed(2)}.`);
    Object.assign(figures, { baseMs: round(baseMs), vsBase: Math.round((typingMs / baseMs) * 100) / 100 });
  }
  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await served.close();
  await base?.close();
}
