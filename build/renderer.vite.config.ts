// Vite config of the renderer, shared by electron-vite (app build) and by the
// end-to-end tests, which build the same renderer and serve it to Chromium.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { contentSecurityPolicy } from '../electron/main/security';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/**
 * The strict Content-Security-Policy as a meta tag, in built pages only: the
 * dev server's React Refresh needs an inline script, which the policy forbids.
 * In the app, main also sends the policy as a response header.
 */
const cspMeta: Plugin = {
  name: 'pacto-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' },
  ],
};

export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react(), cspMeta],
  build: {
    // One local bundle (pdf-lib, React Flow…), loaded from disk: no network to save.
    chunkSizeWarningLimit: 2500,
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
  },
};

export default rendererConfig;
