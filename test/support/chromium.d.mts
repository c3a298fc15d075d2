// Types of ./chromium.mjs (the shared Chromium launcher of tests and benchmarks).
import type { Browser, BrowserContext } from 'playwright-core';

/** Path of the browser to drive; throws with install instructions when there is none. */
export function findChromium(env?: NodeJS.ProcessEnv, exists?: (path: string) => boolean): string;
/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS: readonly string[];
/** A fresh browser profile folder, removed when the process exits. */
export function freshProfile(): string;
/** Launches a browser with a fresh profile that survives page reloads and context restarts (same dir). */
export function launchPersistent(userDataDir?: string): Promise<{ context: BrowserContext; userDataDir: string }>;
/** Launches a plain browser (new profile per context); `extraArgs` go after the shared flags. */
export function launchBrowser(extraArgs?: readonly string[]): Promise<Browser>;
