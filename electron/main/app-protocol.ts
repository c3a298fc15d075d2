/**
 * The `app://pacto/` protocol that serves the built renderer (out/renderer)
 * to the window, with the Content-Security-Policy as a response header.
 * Everything here is pure or takes its collaborators, so path traversal and
 * headers are tested without Electron; `index.ts` registers the handler with
 * `protocol.handle`.
 */
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

/** Content types of the files a Vite build emits; anything else is served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The `Content-Type` for a file, from its extension (case-insensitive). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an `app://pacto/…` request URL to a file inside `root`, or `null`
 * when the URL is not ours or would leave `root` (`..` segments, encoded or
 * not, encoded slashes, backslashes, NUL bytes, drive letters). `/` maps to
 * `index.html`; query and fragment are ignored.
 *
 * @param requestUrl the URL the renderer asked for
 * @param root absolute folder of the built renderer
 * @returns an absolute path inside `root`, or `null`
 */
export function resolveAppAsset(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') {
    return null;
  }
  let segments: string[];
  try {
    segments = url.pathname.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null; // malformed percent-encoding
  }
  const parts = segments.filter((segment) => segment !== '');
  if (parts.some((part) => part === '.' || part === '..' || /[/\\\0:]/.test(part))) return null;
  const file = resolve(root, ...(parts.length === 0 ? ['index.html'] : parts));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

/** Collaborators of {@link createAppProtocolHandler}. */
export interface AppProtocolDeps {
  /** Absolute folder of the built renderer (out/renderer; inside app.asar when packaged). */
  root: string;
  /** Reads a whole file; rejects with a Node error (`code` ENOENT, EISDIR …) when it cannot. */
  readFile(path: string): Promise<Uint8Array>;
  /** The Content-Security-Policy header value, see `contentSecurityPolicy()`. */
  contentSecurityPolicy: string;
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR']);

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * The `protocol.handle('app', …)` handler: GET/HEAD of a file inside
 * `root` answers 200 with its content type, the CSP and `nosniff`; a URL
 * outside `root` or a missing file answers 404, another method 405, a read
 * error 500. It never throws.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveAppAsset(request.url, deps.root);
    if (file === null) return textResponse(404, 'Not found');
    let body: Uint8Array;
    try {
      body = await deps.readFile(file);
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      return typeof code === 'string' && NOT_FOUND_CODES.has(code) ? textResponse(404, 'Not found') : textResponse(500, 'Could not read the file');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': contentTypeFor(file),
        'content-security-policy': deps.contentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
