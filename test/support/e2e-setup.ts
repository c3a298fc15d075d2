/**
 * Builds the renderer once into a fresh temporary folder (so runs side by
 * side never overwrite each other's build), serves it on 127.0.0.1 (vite
 * preview), and provides its address as `pactoUrl`. Fails at once when no
 * browser is found.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { rendererConfig } from '../../build/renderer.vite.config';
import { findChromium } from './chromium.mjs';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  findChromium();
  const outDir = mkdtempSync(join(tmpdir(), 'pacto-e2e-renderer-'));
  const config = { ...rendererConfig, build: { ...rendererConfig.build, outDir, emptyOutDir: true }, logLevel: 'warn' as const };
  await build(config);
  server = await preview({ ...config, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('pactoUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pactoUrl: string;
  }
}
