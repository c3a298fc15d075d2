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

/** The faces the first screen's text uses: Noto Sans, Latin subset, regular, semibold and bold. */
const FIRST_SCREEN_FONTS = /^assets\/noto-sans-latin-(400|600|700)-normal-[\w-]+\.woff2$/;

/**
 * Preload links for the first screen's fonts, in built pages: Chromium then
 * fetches them while the scripts load, instead of when the first layout finds
 * text in them, and the first frame is drawn once with them (no second layout
 * and paint when they arrive). Measured by `npm run bench:start`.
 */
const preloadFonts: Plugin = {
  name: 'pacto-preload-fonts',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (_html, { bundle }) =>
      Object.keys(bundle ?? {})
        .filter((fileName) => FIRST_SCREEN_FONTS.test(fileName))
        .sort()
        .map((fileName) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./${fileName}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head',
        })),
  },
};

export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react(), cspMeta, preloadFonts],
  build: {
    // Minified in every build (electron-vite turns minification off by default for the renderer).
    minify: true,
    // The home screen loads only its own chunk; each step screen, and the libraries only it uses
    // (React Flow, recharts, TipTap, pdf-lib, the print views), is a chunk loaded on first use
    // (renderer/features/workshops/WorkshopScreen.tsx); the workshop's own code (documents, rooms,
    // agreement, zod) loads with the workshop layer after the home list's first paint (renderer/start.ts).
    // `npm run bench:bundle` measures it. The start chunk (React DOM, Dexie without y-dexie or Yjs, i18next
    // and the home screen) is ~420 kB minified; the largest chunks (PDF reader, spreadsheet) are bigger:
    // warn only well above those.
    chunkSizeWarningLimit: 1600,
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: {
      input: { index: resolve(root, 'renderer/index.html') },
      // Everything the home screen imports statically goes into one chunk beside the entry, instead of the
      // ten small shared chunks the automatic split makes of it: a start then fetches two scripts, not eleven.
      output: { codeSplitting: { groups: [{ name: 'start', tags: ['$initial'] }] } },
    },
  },
};

export default rendererConfig;
