/**
 * Finds a Chromium or Chrome for the end-to-end tests: `PACTO_CHROMIUM` (or
 * `CHROME_PATH`), then the usual install paths. Without one it throws a
 * message that says how to install one: the e2e tests never skip silently.
 */
import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** Path of the browser to drive; throws with install instructions when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  for (const variable of ['PACTO_CHROMIUM', 'CHROME_PATH']) {
    const value = env[variable];
    if (value) {
      if (!exists(value)) throw new Error(`${variable} is set to ${value}, but no file is there.`);
      return value;
    }
  }
  const found = CANDIDATES.find((p) => exists(p));
  if (found) return found;
  throw new Error(
    'The end-to-end tests need Chromium or Chrome and found none. Install one ' +
      '(Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: `brew install --cask chromium`; ' +
      'or Google Chrome), or set PACTO_CHROMIUM to the browser executable.',
  );
}

/** Flags for a quiet, offline, headless Chromium. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=es-ES',
];

const profiles = new Set<string>();

/** A fresh browser profile folder, removed when the test process exits. */
export function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pacto-e2e-'));
  if (profiles.size === 0) process.once('exit', () => profiles.forEach((d) => rmSync(d, { recursive: true, force: true })));
  profiles.add(dir);
  return dir;
}

/** Launches a browser with a fresh profile that survives page reloads and context restarts (same dir). */
export async function launchPersistent(userDataDir = freshProfile()): Promise<{ context: BrowserContext; userDataDir: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    locale: 'es-ES',
    timezoneId: 'Europe/Madrid',
    viewport: { width: 1360, height: 900 },
  });
  return { context, userDataDir };
}

/** Launches a plain browser (new profile per context). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
}
