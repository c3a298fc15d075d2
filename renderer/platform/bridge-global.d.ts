/**
 * The bridge the Electron preload exposes (electron/preload/index.ts). It is
 * absent when the renderer runs in a plain browser (tests), where
 * renderer/platform provides the browser implementation instead.
 */
import type { PactoBridge } from '../../shared/bridge/contract';

declare global {
  interface Window {
    pacto?: PactoBridge;
  }
}

export {};
