/**
 * What the benchmarks share: median and rounding, the e2e app helpers, and a production build of a page
 * with the app's own renderer Vite config (build/renderer.vite.config.ts:
 * same plugins, minifier and Content-Security-Policy), served on 127.0.0.1
 * by `vite preview`, and the quiet offline headless Chromium of
 * test/support/chromium.mjs (the launcher the e2e tests use); and, for a
 * measure of a change against what it changes in the same run, another git
 * revision's renderer built and served the same way (`BASE=<revision>`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { build, loadConfigFromFile, preview } from 'vite';
import { launchBrowser } from '../support/chromium.mjs';

/** Median of `xs` (numbers; not changed). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** `x` to one decimal, for printed milliseconds. */
export const round = (x) => Math.round(x * 10) / 10;

/** The e2e suite's app helpers (test/support/app.ts: openApp with its printer and sealer, openSample, goToStep, settled…), loaded through jiti. */
export async function appHelpers() {
  /** @type {typeof import('../support/app.ts')} */
  const app = await createJiti(import.meta.url).import('../support/app.ts');
  return app;
}

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

/** The git revision to measure against in the same run (`BASE=main npm run bench:…`), or undefined. */
export const BASE = process.env.BASE || undefined;

/**
 * Extracts revision `ref` (`git archive`) into a temporary folder beside this
 * checkout's node_modules, and builds and serves its renderer with its own
 * config and its own copy of this module.
 *
 * @returns as {@link buildAndServe}; `close()` also removes the folder
 */
export async function serveRevision(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'pacto-bench-base-'));
  execFileSync('sh', ['-c', `git -C "${root}" archive "$1" | tar -x -C "${dir}"`, 'sh', ref], { stdio: ['ignore', 'ignore', 'inherit'] });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const { buildAndServe: buildBase } = await import(join(dir, 'test/bench/renderer-build.mjs'));
  const served = await buildBase();
  return {
    ...served,
    close: async () => {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
