/**
 * What `bench:bundle` and `bench:start` share: a production build of a page
 * with the app's own renderer Vite config (build/renderer.vite.config.ts:
 * same plugins, minifier and Content-Security-Policy), served on 127.0.0.1
 * by `vite preview`, and the quiet offline headless Chromium of
 * test/support/chromium.mjs (the launcher the e2e tests use).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, loadConfigFromFile, preview } from 'vite';
import { launchBrowser } from '../support/chromium.mjs';

/** The repository's root folder. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Headless Chromium for a benchmark (the shared launcher). */
export function launchChromium() {
  return launchBrowser();
}

/**
 * Builds the page whose index.html is in `pageRoot` (default: Pacto's
 * renderer) with the renderer's Vite config into a fresh temporary folder
 * and serves it.
 *
 * @returns `url` of the served page, `outDir` of the build, and `close()`, which stops the server and removes the build
 */
export async function buildAndServe(pageRoot = undefined) {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, resolve(root, 'build/renderer.vite.config.ts'), root, 'silent');
  if (loaded === null) throw new Error('build/renderer.vite.config.ts did not load');
  const outDir = mkdtempSync(join(tmpdir(), 'pacto-bench-page-'));
  const base = loaded.config;
  const config = {
    ...base,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    ...(pageRoot === undefined ? {} : { root: pageRoot }),
    build: {
      ...base.build,
      outDir,
      emptyOutDir: true,
      ...(pageRoot === undefined ? {} : { rollupOptions: { input: { index: join(pageRoot, 'index.html') } } }),
    },
  };
  await build(config);
  const server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`,
    outDir,
    close: async () => {
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
