/**
 * The one Chromium launcher of the tests and benchmarks: finds a Chromium or
 * Chrome (`PACTO_CHROMIUM` or `CHROME_PATH`, then the usual install paths)
 * and starts it headless with the same quiet, offline flags. Without one it
 * throws a message that says how to install one: nothing skips silently.
 *
 * Plain JavaScript (typed by ./chromium.d.mts) so that the benchmarks, which
 * are plain Node scripts, import the same module as the vitest e2e suite.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

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
export function findChromium(env = process.env, exists = existsSync) {
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

const profiles = new Set();

/** A fresh browser profile folder, removed when the process exits. */
export function freshProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'pacto-e2e-'));
  if (profiles.size === 0) process.once('exit', () => profiles.forEach((d) => rmSync(d, { recursive: true, force: true })));
  profiles.add(dir);
  return dir;
}

/** Launches a browser with a fresh profile that survives page reloads and context restarts (same dir). */
export async function launchPersistent(userDataDir = freshProfile()) {
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

/** Launches a plain browser (new profile per context); `extraArgs` go after the shared flags. */
export async function launchBrowser(extraArgs = []) {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
