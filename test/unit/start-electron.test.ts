// `npm start` fetches Electron with Electron's own installer, then launches
// the built app: tested with no network, against a mirror on 127.0.0.1.
//
// What this proves: the real `npm start` of package.json, run by npm in a
// copy of the project, runs build/ensure-electron.mjs, which runs the real
// node_modules/electron/install.js and @electron/get unchanged; they honour
// the documented variables (ELECTRON_MIRROR, electron_config_cache,
// electron_use_remote_checksums), fetch the mirror's SHASUMS256.txt and zip,
// check the zip against it, unpack it and write path.txt; a second start
// fetches nothing; then electron-vite finds that executable and starts it on
// the app folder whose package.json `main` is the built main entry
// (out/main/index.js). Without a connection, a missing file or a checksum
// mismatch, the pre-step prints one line (no stack trace), exits non-zero
// and nothing is launched.
//
// What it does not prove: that the real Electron binary downloads from
// GitHub (no network here) or that it runs Pacto. The zip's "electron" is a
// small Node script that records what it was given, `main` is a stand-in
// file, and the build step is skipped (`npm start -- --skipBuild`: the build
// itself is `electron-vite build`, tested by the e2e suite's renderer build).
// The copy of node_modules/electron (and of electron-vite, which resolves
// electron from its own folder) keeps the real ones untouched; every other
// package is a symlink to the real node_modules. Runs on Linux and macOS
// (the stand-in is a script with a #! line; npm is spawned without a shell).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const realModules = join(root, 'node_modules');
const electronVersion = (JSON.parse(readFileSync(join(realModules, 'electron/package.json'), 'utf8')) as { version: string }).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;
/** Where Electron's installer expects the executable inside the zip (its getPlatformPath). */
const executableInZip = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';
/** How the failure line ends: the ways to get Electron. */
const HINT =
  "`npm start` needs internet access to Electron's releases on GitHub once; " +
  'otherwise set ELECTRON_MIRROR to a mirror of them, or copy the download cache of a computer that has run it and set electron_config_cache to that folder; then run it again.';
const MAIN_MARKER = '// stand-in for the built main entry\n';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The stand-in Electron: records its arguments, folder and the `main` entry it would run. */
const STANDIN = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const app = path.resolve(process.argv[2]);
const main = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8')).main;
fs.writeFileSync(process.env.PACTO_STANDIN_RECORD, JSON.stringify({
  argv: process.argv.slice(2), cwd: process.cwd(), app, main, mainSource: fs.readFileSync(path.join(app, main), 'utf8'),
}));
`;

function standInZip(): Buffer {
  return Buffer.from(
    zipSync({
      // os 3 = Unix, so the mode (rwxr-xr-x) in the high bits of the attributes is kept on unzip.
      [executableInZip]: [new TextEncoder().encode(STANDIN), { os: 3, attrs: (0o100755 << 16) >>> 0 }],
      version: new TextEncoder().encode(electronVersion),
    }),
  );
}

interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** A release mirror on loopback serving `files` (path → body) under `/v<version>/`. */
async function serveMirror(files: Record<string, Buffer | string>): Promise<Mirror> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const body = files[(request.url ?? '').replace(`/v${electronVersion}/`, '')];
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A loopback address nothing listens on (a port opened, then closed). */
async function closedPortUrl(): Promise<string> {
  const mirror = await serveMirror({});
  await mirror.close();
  return mirror.url;
}

/**
 * A copy of the project that `npm start` runs in: package.json and the
 * pre-step script copied, a stand-in built main entry, node_modules with
 * electron and electron-vite copied and everything else linked.
 */
function makeProject(): { dir: string; electronDir: string; record: string; cache: string } {
  const base = mkdtempSync(join(tmpdir(), 'pacto-start-'));
  temps.push(base);
  const dir = join(base, 'project');
  mkdirSync(join(dir, 'build'), { recursive: true });
  mkdirSync(join(dir, 'out/main'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  cpSync(join(root, 'build/ensure-electron.mjs'), join(dir, 'build/ensure-electron.mjs'));
  writeFileSync(join(dir, 'out/main/index.js'), MAIN_MARKER);
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  for (const name of readdirSync(realModules)) {
    if (name === 'electron' || name === 'electron-vite' || name === '.bin' || name.startsWith('.')) continue;
    symlinkSync(join(realModules, name), join(modules, name));
  }
  // Copied without a binary even if the developer's real one has been installed.
  cpSync(join(realModules, 'electron'), join(modules, 'electron'), {
    recursive: true,
    filter: (source) => !/[\\/]electron[\\/](dist|path\.txt)$/.test(source),
  });
  cpSync(join(realModules, 'electron-vite'), join(modules, 'electron-vite'), { recursive: true });
  symlinkSync('../electron-vite/bin/electron-vite.js', join(modules, '.bin/electron-vite'));
  return { dir, electronDir: join(modules, 'electron'), record: join(base, 'standin-record.json'), cache: join(base, 'electron-cache') };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm start -- --skipBuild` in `project`, with only the given Electron settings in the environment. */
function npmStart(project: ReturnType<typeof makeProject>, settings: Record<string, string>): Promise<Run> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Drop the outer npm's and any developer Electron settings: only `settings` may steer the download.
    if (/^(npm_|electron_|ELECTRON_|DEBUG$|NODE_OPTIONS$|VITEST|NODE_ENV$)/i.test(key)) continue;
    env[key] = value;
  }
  Object.assign(env, { npm_config_update_notifier: 'false', electron_config_cache: project.cache, PACTO_STANDIN_RECORD: project.record }, settings);
  return new Promise((done, reject) => {
    const child = spawn('npm', ['start', '--', '--skipBuild'], { cwd: project.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** What the pre-step printed: npm's own lines (`> pacto@… prestart`, `npm error …`) removed. */
function ownLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !line.startsWith('> ') && !/^npm (error|ERR!|warn)/.test(line));
}

/**
 * `npm start` in a fresh project copy with `settings`, expected to fail in
 * the pre-step: non-zero exit, no stack trace, nothing installed or
 * launched. Returns the one line the pre-step printed on stderr.
 */
async function failedStart(settings: Record<string, string>): Promise<string> {
  const project = makeProject();
  const run = await npmStart(project, settings);
  expect(run.code).not.toBe(0);
  expect(run.stderr + run.stdout).not.toMatch(/^\s+at /m);
  expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false);
  expect(existsSync(project.record)).toBe(false);
  const lines = ownLines(run.stderr);
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

describe('npm start: Electron from its installer, then the built app', () => {
  it("fetches the mirror's zip (checked against its SHASUMS256.txt), installs it, launches the built main entry, and fetches nothing the second time", async () => {
    const realPathTxt = join(realModules, 'electron/path.txt');
    const realBefore = existsSync(realPathTxt) ? readFileSync(realPathTxt, 'utf8') : null;
    const zip = standInZip();
    const mirror = await serveMirror({ [zipName]: zip, 'SHASUMS256.txt': `${sha256(zip)} *${zipName}\n` });
    try {
      const project = makeProject();
      const settings = { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' };
      const first = await npmStart(project, settings);
      expect(first.code, first.stderr).toBe(0);
      expect(mirror.requests.sort()).toEqual([`/v${electronVersion}/SHASUMS256.txt`, `/v${electronVersion}/${zipName}`].sort());
      expect(ownLines(first.stdout)[0]).toBe(`Pacto: downloading Electron ${electronVersion} for ${process.platform}-${process.arch} (once, about 100 MB)…`);
      expect(readFileSync(join(project.electronDir, 'path.txt'), 'utf8')).toBe(executableInZip);
      expect(readFileSync(join(project.electronDir, 'dist', executableInZip), 'utf8')).toBe(STANDIN);

      const launched = JSON.parse(readFileSync(project.record, 'utf8')) as Record<string, unknown>;
      expect(launched).toEqual({ argv: ['.'], cwd: project.dir, app: project.dir, main: 'out/main/index.js', mainSource: MAIN_MARKER });

      rmSync(project.record);
      mirror.requests.length = 0;
      const second = await npmStart(project, settings);
      expect(second.code, second.stderr).toBe(0);
      expect(mirror.requests).toEqual([]);
      expect(second.stdout).not.toContain('downloading Electron');
      expect(existsSync(project.record)).toBe(true);
    } finally {
      await mirror.close();
    }
    expect(existsSync(realPathTxt) ? readFileSync(realPathTxt, 'utf8') : null).toBe(realBefore);
  });

  it('without a connection, says in one line what failed and how to get it, exits non-zero and launches nothing', async () => {
    const mirror = await closedPortUrl();
    expect(await failedStart({ ELECTRON_MIRROR: mirror })).toBe(
      `Pacto: could not download Electron ${electronVersion}: no connection to ${new URL(mirror).host} (${mirror}v${electronVersion}/${zipName}). ` + HINT,
    );
  });

  it('refuses a zip that does not match its checksum, in one line', async () => {
    const zip = standInZip();
    const mirror = await serveMirror({ [zipName]: zip, 'SHASUMS256.txt': `${sha256(Buffer.from('another file'))} *${zipName}\n` });
    try {
      const line = await failedStart({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
      expect(line).toBe(
        `Pacto: could not download Electron ${electronVersion}: the file from ${mirror.url}v${electronVersion}/${zipName} does not match its SHA-256 checksum, so it was not used. ` +
          HINT,
      );
    } finally {
      await mirror.close();
    }
  });

  it('names the HTTP status when the mirror lacks the file, in one line', async () => {
    const mirror = await serveMirror({});
    try {
      const line = await failedStart({ ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' });
      expect(line).toBe(
        `Pacto: could not download Electron ${electronVersion}: the server answered HTTP 404 Not Found from ${mirror.url}v${electronVersion}/${zipName}. ` +
          HINT,
      );
    } finally {
      await mirror.close();
    }
  });
});
