/**
 * Builds the renderer once, serves it on 127.0.0.1 (vite preview), and
 * tells the tests where (`PACTO_E2E_URL`). Fails at once when no browser is found.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { rendererConfig } from '../../../build/renderer.vite.config';
import { findChromium } from './chromium';

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  findChromium();
  await build({ ...rendererConfig, logLevel: 'warn' });
  server = await preview({ ...rendererConfig, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('pactoUrl', `http://127.0.0.1:${port}/`);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pactoUrl: string;
  }
}
