import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentTypeFor, createAppProtocolHandler, resolveAppAsset } from '../../electron/main/app-protocol';

const ROOT = '/opt/Pacto/resources/app.asar/out/renderer';
const CSP = "default-src 'self'";

describe('resolveAppAsset', () => {
  it.each([
    ['app://pacto/', 'index.html'],
    ['app://pacto', 'index.html'],
    ['app://pacto/index.html', 'index.html'],
    ['app://pacto/index.html?lang=es#/workshops/1', 'index.html'],
    ['app://pacto/assets/index-3f2a.js', 'assets/index-3f2a.js'],
    ['app://pacto/assets/noto%20sans.woff2', 'assets/noto sans.woff2'],
    ['app://pacto/assets//double.css', 'assets/double.css'],
    // the URL parser folds dot segments (also %2e) before we see the path: they stay inside root
    ['app://pacto/../../etc/passwd', 'etc/passwd'],
    ['app://pacto/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    // double encoding decodes once, to a harmless literal name
    ['app://pacto/%252e%252e/secret', '%2e%2e/secret'],
  ])('maps %s inside the renderer folder', (url, relative) => {
    expect(resolveAppAsset(url, ROOT)).toBe(join(ROOT, relative));
  });

  it.each([
    'app://pacto/..%2f..%2fetc/passwd',
    'app://pacto/assets%2f..%2f..%2f..%2fsecret',
    'app://pacto/..%5c..%5cwindows%5cwin.ini',
    'app://pacto/C:%5cWindows%5cwin.ini',
    'app://pacto/C:/Windows/win.ini',
    'app://pacto/index.html%00.png',
    'app://pacto/%E0%A4%A',
    'app://evil/index.html',
    'app://pacto.evil/index.html',
    'app://pacto@evil/index.html',
    'app://evil@pacto/index.html',
    'app:///index.html',
    'file:///etc/passwd',
    'https://pacto/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, ROOT)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['assets/INDEX.CSS', 'text/css; charset=utf-8'],
    ['assets/noto-sans.woff2', 'font/woff2'],
    ['icon.svg', 'image/svg+xml'],
    ['LICENSE', 'application/octet-stream'],
    ['archive.exe', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});

function nodeError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

describe('createAppProtocolHandler with a fake file system', () => {
  const files = new Map<string, string>([
    [join(ROOT, 'index.html'), '<!doctype html><title>Pacto</title>'],
    [join(ROOT, 'assets/app.js'), 'console.log(1)'],
  ]);
  const readFileFake = vi.fn(async (path: string) => {
    const text = files.get(path);
    if (text === undefined) throw nodeError('ENOENT');
    return new TextEncoder().encode(text);
  });
  const handler = createAppProtocolHandler({ root: ROOT, readFile: readFileFake, contentSecurityPolicy: CSP });

  beforeEach(() => {
    readFileFake.mockClear();
  });

  it('serves the entry page with its type, the CSP and nosniff', async () => {
    const response = await handler(new Request('app://pacto/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Pacto</title>');
  });

  it('serves module scripts as JavaScript', async () => {
    const response = await handler(new Request('app://pacto/assets/app.js'));
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await handler(new Request('app://pacto/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers 404 for a missing file', async () => {
    expect((await handler(new Request('app://pacto/nope.js'))).status).toBe(404);
  });

  it('answers 404 without touching the disk for a path outside the folder', async () => {
    const response = await handler(new Request('app://pacto/..%2f..%2f..%2fetc/passwd'));
    expect(response.status).toBe(404);
    expect(readFileFake).not.toHaveBeenCalled();
  });

  it('answers 405 to other methods', async () => {
    const response = await handler(new Request('app://pacto/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(readFileFake).not.toHaveBeenCalled();
  });

  it('answers 500 when the file cannot be read', async () => {
    const failing = createAppProtocolHandler({
      root: ROOT,
      readFile: () => Promise.reject(nodeError('EACCES')),
      contentSecurityPolicy: CSP,
    });
    const response = await failing(new Request('app://pacto/index.html'));
    expect(response.status).toBe(500);
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describe('createAppProtocolHandler on a real folder', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pacto-renderer-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<p>Acuerdo: señal, año</p>');
    await writeFile(join(root, '..', `${root.split('/').pop()}-secret.txt`), 'secret');
  });
  afterEach(async () => {
    await rm(join(root, '..', `${root.split('/').pop()}-secret.txt`), { force: true });
    await rm(root, { recursive: true, force: true });
  });

  it('serves UTF-8 bytes unchanged, 404s a folder, and never reaches a sibling file', async () => {
    const handler = createAppProtocolHandler({ root, readFile: (path) => readFile(path), contentSecurityPolicy: CSP });
    const page = await handler(new Request('app://pacto/index.html'));
    expect(await page.text()).toBe('<p>Acuerdo: señal, año</p>');
    expect((await handler(new Request('app://pacto/assets'))).status).toBe(404);
    const sibling = `${root.split('/').pop()}-secret.txt`;
    const escape = await handler(new Request(`app://pacto/..%2f${sibling}`));
    expect(escape.status).toBe(404);
  });
});
