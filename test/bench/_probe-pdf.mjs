import { appHelpers, buildAndServe, launchChromium, median } from './renderer-build.mjs';
const app = await appHelpers();
const served = await buildAndServe();
const browser = await launchChromium();
const context = await browser.newContext({ locale: 'es-ES', timezoneId: 'Europe/Madrid', viewport: { width: 1360, height: 900 } });
context.setDefaultTimeout(300000);
const page = await app.openApp(context, served.url);
await app.openSample(page);
await app.freezeSignAndExport(page, 'Benchmark', 'probe.pdf');
await page.evaluate(() => {
  const orig = window.pactoBrowserExporter;
  window.pactoBrowserExporter = async (req) => { window.__callAt = performance.now(); const r = await orig(req); window.__retAt = performance.now(); return r; };
  window.addEventListener('click', () => (window.__clickAt = performance.now()), true);
});
const rows = [];
for (let i = 0; i < 6; i++) {
  app.mainProcessSpent(page, { reset: true });
  const t0 = performance.now();
  let tNode;
  await Promise.all([app.nextSavedPdf(page).then(() => (tNode = performance.now())), page.getByTestId('export-pdf').click()]);
  await page.locator('[data-testid="export-pdf"]:not([disabled])').waitFor();
  const s = app.mainProcessSpent(page);
  const p = await page.evaluate(() => ({ toCall: window.__callAt - window.__clickAt, inCall: window.__retAt - window.__callAt }));
  rows.push({ total: tNode - t0, ...p, print: s.printMs, seal: s.sealMs });
  console.log(JSON.stringify(rows.at(-1)));
}
await browser.close(); await served.close();
