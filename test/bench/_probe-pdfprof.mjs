import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, loadConfigFromFile, preview } from 'vite';
import { SourceMapConsumer } from 'source-map-js';
import { appHelpers, root, launchChromium } from './renderer-build.mjs';
const app = await appHelpers();
const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(root, 'build/renderer.vite.config.ts'), root, 'silent');
const outDir = '/tmp/pacto-probe-build2';
const config = { ...loaded.config, configFile: false, mode: 'production', logLevel: 'warn', build: { ...loaded.config.build, outDir, emptyOutDir: true, sourcemap: true } };
await build(config);
const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0 } });
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const maps = new Map();
for (const f of readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'))) maps.set(f, new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, 'assets', f + '.map'), 'utf8'))));
const browser = await launchChromium();
const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid', viewport: { width: 1360, height: 900 } });
context.setDefaultTimeout(300000);
const page = await app.openApp(context, url);
await app.openSample(page);
await app.freezeSignAndExport(page, 'Benchmark', 'probe.pdf');
await page.evaluate(() => {
  const orig = window.pactoBrowserExporter;
  window.pactoBrowserExporter = async (req) => { performance.mark('call'); return orig(req); };
  window.addEventListener('click', () => performance.mark('click'), true);
});
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const agg = new Map(); const N = 4;
for (let i = 0; i < N; i++) {
  await page.evaluate(() => performance.clearMarks());
  await cdp.send('Profiler.start');
  await Promise.all([app.nextSavedPdf(page), page.getByTestId('export-pdf').click()]);
  const { profile } = await cdp.send('Profiler.stop');
  await page.locator('[data-testid="export-pdf"]:not([disabled])').waitFor();
  const [click, call] = await page.evaluate(() => ['click', 'call'].map((n) => performance.getEntriesByName(n)[0]?.startTime));
  console.log('click→call', call - click);
  // only samples between click and call: profile.startTime is in µs of the same clock? use timeDeltas relative
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  for (let k = 0; k < profile.samples.length; k++) {
    t += profile.timeDeltas[k];
    const n = byId.get(profile.samples[k]); const cf = n.callFrame; const file = cf.url.split('/').pop();
    let key = cf.functionName || '(anon)';
    if (maps.has(file)) {
      const p = maps.get(file).originalPositionFor({ line: cf.lineNumber + 1, column: cf.columnNumber + 1 });
      let s = (p.source ?? '?').replace(/^.*node_modules\//, 'nm:').replace(/^(\.\.\/)+/, '').replace('work/main/', '');
      if (s.startsWith('nm:')) s = s.replace(/^(nm:(@[^/]+\/)?[^/]+).*/, '$1');
      key = `${s}${p.name ? ':' + p.name : ''}`;
    }
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    agg.set(key, (agg.get(key) ?? 0) + dt);
  }
}
console.log([...agg].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / N).toFixed(1)} ${k}`).join('\n'));
await browser.close(); await server.close();
