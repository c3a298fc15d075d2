// Build of all three parts (main, preload, renderer) with electron-vite.
// Paths are absolute so the config can live in build/ and run from anywhere.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer.vite.config';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // The verifier's and the seal's worker threads are entries of their own, started by the main process
      // (electron/seal/verify-off-thread.ts, electron/seal/page-text-reader.ts).
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'verify-worker': resolve(root, 'electron/seal/verify-worker.ts'),
          'page-text-worker': resolve(root, 'electron/seal/page-text-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // Sandboxed preloads must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
