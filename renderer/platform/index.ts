/**
 * The renderer's way to main: `window.pacto` from the Electron preload, or
 * the browser implementation when the renderer runs in a plain browser.
 */
import type { PactoBridge } from '../../shared/bridge/contract';
import { browserPlatform } from './browser';

/** The bridge in use. */
export function platform(): PactoBridge {
  return (window as unknown as { pacto?: PactoBridge }).pacto ?? browserPlatform;
}
