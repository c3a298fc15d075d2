/**
 * The renderer's way to main: `window.pacto` from the Electron preload, or
 * the browser implementation when the renderer runs in a plain browser.
 * That one loads in two parts: what the start reads (`browser-basics.ts`)
 * at once, the rest (`browser.ts`, with the bridge's schemas) on the first
 * call of one of its methods, so neither app's start loads it.
 */
import type { PactoBridge } from '../../shared/bridge/contract';
import { browserBasics } from './browser-basics';

let loading: Promise<PactoBridge> | null = null;
/** The whole browser implementation, loaded once. */
const browserImplementation = () => (loading ??= import('./browser').then((m) => m.browserPlatform));

/** The bridge's methods that answer with a promise. */
type AsyncMethod = { [K in keyof PactoBridge]: PactoBridge[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof PactoBridge];

/** Method `name` of the browser implementation, called once it has loaded. */
function later<K extends AsyncMethod>(name: K): PactoBridge[K] {
  return ((...args: unknown[]) => browserImplementation().then((bridge) => (bridge[name] as (...a: unknown[]) => Promise<unknown>)(...args))) as PactoBridge[K];
}

/** The browser bridge: the basics now, the rest on first use. */
const browserBridge: PactoBridge = {
  ...browserBasics,
  exportPdf: later('exportPdf'),
  openExternal: later('openExternal'),
  paginatePdf: later('paginatePdf'),
  verifyPdf: later('verifyPdf'),
  saveFile: later('saveFile'),
  openWorkshopFile: later('openWorkshopFile'),
  saveWorkshopFile: later('saveWorkshopFile'),
  recentFiles: later('recentFiles'),
  forgetRecentFile: later('forgetRecentFile'),
  setDocumentState: later('setDocumentState'),
  writeBackup: later('writeBackup'),
  listBackups: later('listBackups'),
  readBackup: later('readBackup'),
};

/** The bridge in use. */
export function platform(): PactoBridge {
  return (window as unknown as { pacto?: PactoBridge }).pacto ?? browserBridge;
}
