// Vite config of the renderer, shared by electron-vite (app build) and by the
// end-to-end tests, which build the same renderer and serve it to Chromium.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export const rendererConfig: UserConfig = {
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
  },
};

export default rendererConfig;
