#!/usr/bin/env node
/**
 * Pre-step of `npm start` and `npm run dev`: makes sure Electron's binary is
 * in node_modules/electron before electron-vite looks for it.
 *
 * electron 45 downloads nothing at `npm install`; its binary comes from its
 * own installer (`install-electron`, node_modules/electron/install.js, which
 * uses @electron/get). This script runs that installer unchanged, so every
 * setting @electron/get documents applies (ELECTRON_MIRROR,
 * ELECTRON_CUSTOM_DIR, electron_config_cache, electron_use_remote_checksums,
 * the same keys in .npmrc, proxies with ELECTRON_GET_USE_PROXY). When it is
 * already installed the installer returns at once and nothing is fetched.
 *
 * When the download fails, the installer prints a stack trace; this script
 * keeps that to itself and prints one line instead: what could not be
 * fetched, why (no connection, an HTTP status, a checksum mismatch, a Node
 * too old for the installer) and how to get it. Exit code 1 then.
 *
 * Usage: `node build/ensure-electron.mjs` (no arguments).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Prints `message` as the one line of the failure and exits with 1. */
function fail(message) {
  process.stderr.write(`Pacto: ${message}\n`);
  process.exit(1);
}

let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  fail('Electron is not in node_modules: run `npm install` first, then `npm start`.');
}
const electronDir = dirname(installer);
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
const zipName = `electron-v${version}-${platform}-${arch}.zip`;

/** The executable path.txt names, when the file and the executable are both there. */
function installedExecutable() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), readFileSync(pathFile, 'utf8'));
  return existsSync(executable) ? executable : null;
}

/**
 * One line saying why the installer failed, from what it printed on stderr
 * (its error's stack, and @electron/get's debug lines naming each URL).
 */
function describeFailure(stderr) {
  const urls = [...stderr.matchAll(/Downloading (\S+) to /g)].map((match) => match[1]);
  const url = urls.at(-1);
  const where = url === undefined ? '' : ` from ${url}`;
  const hint =
    "`npm start` needs internet access to Electron's releases on GitHub once; " +
    'otherwise set ELECTRON_MIRROR to a mirror of them, or copy the download cache of a computer that has run it and set electron_config_cache to that folder; then run it again.';
  if (/ERR_REQUIRE_ESM|require\(\) of ES Module/.test(stderr)) {
    return `Electron's installer cannot run on Node ${process.versions.node}: install Node 22.12 or newer (see README), then run it again.`;
  }
  const http = /HTTPError: Response code (\d+) \(([^)]*)\)/.exec(stderr);
  if (http) return `could not download Electron ${version}: the server answered HTTP ${http[1]} ${http[2]}${where}. ${hint}`;
  if (/did not match expected checksum|No checksum found|Could not parse checksum/.test(stderr)) {
    // The last URL is then the checksum file; the one that failed the check is the zip.
    const zipUrl = urls.find((candidate) => candidate.endsWith(`/${zipName}`));
    return `could not download Electron ${version}: the file${zipUrl === undefined ? '' : ` from ${zipUrl}`} does not match its SHA-256 checksum, so it was not used. ${hint}`;
  }
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/.test(stderr)) {
    const host = url === undefined ? "Electron's download server" : new URL(url).host;
    return `could not download Electron ${version}: no connection to ${host}${url === undefined ? '' : ` (${url})`}. ${hint}`;
  }
  const first = stderr
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '' && !line.startsWith('at ') && !/^\S+Z @electron\/get/.test(line) && !line.startsWith('@electron/get'));
  return `could not install Electron ${version}${where}: ${first ?? 'its installer failed without a message'}. ${hint}`;
}

if (installedExecutable() === null) {
  process.stdout.write(`Pacto: downloading Electron ${version} for ${platform}-${arch} (once, about 100 MB)…\n`);
}

// @electron/get logs each URL it fetches under this debug namespace; the
// failure line names the one that failed. Captured, never shown.
const debug = [process.env.DEBUG, '@electron/get:index'].filter(Boolean).join(',');
const child = spawn(process.execPath, [installer], {
  env: { ...process.env, DEBUG: debug, DEBUG_COLORS: '0' },
  stdio: ['ignore', 'inherit', 'pipe'],
});
let stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  stderr += chunk;
});
child.on('error', (error) => fail(`could not run Electron's installer (${installer}): ${error.message}`));
child.on('close', (code, signal) => {
  if (code !== 0) fail(signal ? `Electron's installer was stopped (${signal}).` : describeFailure(stderr));
  if (installedExecutable() === null) {
    fail(
      `Electron's installer finished, but there is no Electron executable in ${join(electronDir, 'dist')}: delete node_modules/electron and run \`npm install\` again.`,
    );
  }
});
