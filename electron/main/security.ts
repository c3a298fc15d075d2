/**
 * The main process's security policy as small pure functions, so that every
 * decision (which URL is ours, which request may leave the app, which
 * permission is granted, which Content-Security-Policy applies) is tested
 * with a table of deceptive inputs, without Electron. Modelled on Actual's
 * `trusted-url.ts`; Electron's security checklist (docs/tutorial/security.md)
 * is the bar.
 *
 * The packaged renderer is served from the custom scheme `app://pacto/`
 * (checklist item 18: prefer a custom protocol to `file://`), so it has a
 * real origin of its own, cannot read other local files, and receives its
 * Content-Security-Policy as a response header.
 *
 * The window's preferences ({@link windowWebPreferences}) and the hardening
 * of the session ({@link hardenSession}) and of every web contents
 * ({@link hardenWebContents}) live here too, as functions of their
 * collaborators, so a unit test fails when any checklist setting regresses;
 * index.ts only hands them Electron's objects. The types come from
 * Electron's own declarations (type-only imports: nothing of Electron is
 * loaded at run time), so a renamed or retyped preference fails `tsc`.
 */
import type { Session, WebContents, WebPreferences } from 'electron';

/** Scheme of the packaged renderer (registered as standard and secure). */
export const APP_SCHEME = 'app';
/** Host of the packaged renderer: the only host the `app:` scheme serves. */
export const APP_HOST = 'pacto';
/** Origin of the packaged renderer. Never change it: IndexedDB data is stored per origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Entry page of the packaged renderer. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** One CSP directive name mapped to its source list. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/** The production Content-Security-Policy, directive by directive. */
export const CSP_DIRECTIVES: CspDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React and React Flow set inline style attributes; no inline script is allowed.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

/** Directives a `<meta http-equiv>` policy may not carry (browsers ignore them there, with a warning). */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** Options of {@link contentSecurityPolicy}. */
export interface CspOptions {
  /**
   * Origin of the Vite dev server (e.g. `http://localhost:5173`) when the
   * renderer runs under `electron-vite dev`: its React Refresh preamble is an
   * inline script and its HMR client opens a websocket to that host.
   */
  devServerOrigin?: string;
  /** `true` for a `<meta http-equiv="Content-Security-Policy">` tag: drops header-only directives. */
  meta?: boolean;
}

/**
 * Serializes the policy: `directive source source; directive …`.
 *
 * @returns the production policy, or the relaxed development one when `devServerOrigin` is given
 * @throws Error when `devServerOrigin` is not an http(s) origin
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Record<string, readonly string[]> = { ...CSP_DIRECTIVES };
  if (options.devServerOrigin !== undefined) {
    const dev = new URL(options.devServerOrigin);
    if (dev.protocol !== 'http:' && dev.protocol !== 'https:') {
      throw new Error(`contentSecurityPolicy: devServerOrigin must be http(s), got ${options.devServerOrigin}`);
    }
    const ws = `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`;
    directives['script-src'] = [...CSP_DIRECTIVES['script-src']!, "'unsafe-inline'"];
    directives['connect-src'] = [...CSP_DIRECTIVES['connect-src']!, ws];
  }
  return Object.entries(directives)
    .filter(([name]) => !(options.meta && HEADER_ONLY_DIRECTIVES.has(name)))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` belongs to the app's own renderer: same scheme and host
 * (and port) as `appOrigin`, no user info. Compared field by field because
 * WHATWG gives non-special schemes such as `app:` an opaque origin (`null`).
 * Deceptive look-alikes (`app://pacto.evil`, `app://pacto@evil`,
 * `http://localhost:5173.evil.example`) are not trusted; neither is anything
 * that does not parse.
 *
 * @param url any URL string, e.g. a frame's URL or a navigation target
 * @param appOrigin `app://pacto` in the packaged app, the dev server's origin under `electron-vite dev`
 */
export function isTrustedUrl(url: string, appOrigin: string): boolean {
  const candidate = parseUrl(url);
  const trusted = parseUrl(appOrigin);
  if (candidate === null || trusted === null) return false;
  return (
    candidate.protocol === trusted.protocol &&
    candidate.host === trusted.host &&
    candidate.host !== '' &&
    candidate.username === '' &&
    candidate.password === ''
  );
}

/** Hosts a dev server URL may point at. */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL to load instead of the packaged renderer, or `null`.
 * Honoured only in an unpackaged app and only for an http(s) loopback URL,
 * so that an environment variable can never make the installed app load
 * remote content.
 *
 * @param envUrl `process.env.ELECTRON_RENDERER_URL`, set by `electron-vite dev`
 * @param isPackaged `app.isPackaged`
 */
export function devRendererUrl(envUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || envUrl === undefined || envUrl === '') return null;
  const url = parseUrl(envUrl);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  if (!LOOPBACK_HOSTS.has(url.hostname) || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/**
 * The origin string (`scheme://host[:port]`) of a URL whose scheme may be
 * non-special (`app:`), for use with {@link isTrustedUrl}.
 *
 * @throws TypeError when `url` does not parse
 */
export function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Permissions the app's own renderer may have. `persistent-storage` lets
 * `navigator.storage.persist()` protect the workshops in IndexedDB from
 * eviction; every other permission (camera, notifications, geolocation …)
 * is denied.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * Decision of the session's permission request and check handlers.
 *
 * @param permission Electron's permission name, e.g. `media`
 * @param requestingUrl the URL or origin asking (details.requestingUrl / requestingOrigin)
 * @param appOrigin see {@link isTrustedUrl}
 */
export function isPermissionGranted(permission: string, requestingUrl: string, appOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isTrustedUrl(requestingUrl, appOrigin);
}

/** Schemes that never reach the network: inline data, in-memory blobs, Chromium's devtools front end. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Whether the session lets a request through (`webRequest.onBeforeRequest`).
 * Only the app's own origin and local schemes pass; in development also the
 * dev server's websocket (HMR). Everything else, in particular any remote
 * http(s) request, is cancelled: the app makes no network calls.
 *
 * @param url the request's URL
 * @param appOrigin see {@link isTrustedUrl}
 */
export function isRequestAllowed(url: string, appOrigin: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (isTrustedUrl(url, appOrigin)) return true;
  const app = parseUrl(appOrigin);
  if (app === null || (app.protocol !== 'http:' && app.protocol !== 'https:')) return false;
  const ws = app.protocol === 'https:' ? 'wss:' : 'ws:';
  return parsed.protocol === ws && isTrustedUrl(url.replace(/^wss?:/i, app.protocol), appOrigin);
}

/**
 * Response headers with `policy` as their only Content-Security-Policy: any
 * policy the server sent (under any letter case) is replaced, other headers
 * are kept. Used for the dev server's responses.
 *
 * @param headers `details.responseHeaders` of `webRequest.onHeadersReceived`
 */
export function withContentSecurityPolicy(headers: Readonly<Record<string, string | string[]>>, policy: string): Record<string, string | string[]> {
  const kept = Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

/** Options of {@link windowWebPreferences}. */
export interface WindowPreferencesOptions {
  /** Absolute path of the sandboxed preload script (out/preload/index.cjs). */
  preload: string;
  /** Whether the developer tools may open: only in an unpackaged app. */
  devTools: boolean;
}

/**
 * The `webPreferences` of every Pacto window, setting by setting against
 * Electron's security checklist (docs/tutorial/security.md, item numbers in
 * the comments). Every security-relevant preference is spelled out even
 * where it is Electron's default, so a changed default cannot weaken the app
 * unnoticed. `enableBlinkFeatures` (item 10) is never set.
 *
 * @returns a fresh object for `new BrowserWindow({ webPreferences })`
 */
export function windowWebPreferences(options: WindowPreferencesOptions): WebPreferences {
  return {
    preload: options.preload,
    // 2: no Node.js in any renderer, frame or worker.
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    // 3: the preload's world is separate from the page's.
    contextIsolation: true,
    // 4: the renderer process is sandboxed (and app.enableSandbox() sandboxes every one).
    sandbox: true,
    // 6: same-origin policy stays on.
    webSecurity: true,
    // 8: no http content in the app's secure pages.
    allowRunningInsecureContent: false,
    // 9: no experimental web platform features.
    experimentalFeatures: false,
    // 11, 12: no <webview> (and will-attach-webview is refused, see hardenWebContents).
    webviewTag: false,
    // 13: a file dropped on the window is handled by the app (drop to verify), never navigated to.
    navigateOnDragDrop: false,
    // A page that opens dialog after dialog can be stopped by the user.
    safeDialogs: true,
    // No spell-checking dictionaries fetched from the network: nothing is sent anywhere.
    spellcheck: false,
    devTools: options.devTools,
  };
}

/** The parts of Electron's `Session` that {@link hardenSession} uses. */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled' | 'webRequest' | 'on'
>;

/**
 * Hardens the app's session: permissions (checklist item 5: only
 * {@link GRANTED_PERMISSIONS}, only for the app), devices (none), network
 * ({@link isRequestAllowed}: nothing leaves the app), downloads (none),
 * spell checker (off, so no dictionary is downloaded). With a dev server, its
 * responses get the development CSP as a header (item 7; the packaged app's
 * comes with each app:// response).
 *
 * @param ses `session.defaultSession`
 * @param appOrigin `app://pacto`, or the dev server's origin under `electron-vite dev`
 * @param devServer whether `appOrigin` is the dev server's (http) origin
 */
export function hardenSession(ses: HardenableSession, appOrigin: string, devServer: boolean): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isPermissionGranted(permission, details.requestingUrl, appOrigin)));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin, appOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, appOrigin) }));
  if (devServer) {
    const devPolicy = contentSecurityPolicy({ devServerOrigin: appOrigin });
    ses.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders ?? {}, devPolicy) }));
  }
  ses.on('will-download', (event) => event.preventDefault());
}

/** The parts of Electron's `WebContents` that {@link hardenWebContents} uses. */
export type HardenableWebContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/**
 * Hardens one web contents (every one the app creates, from
 * `web-contents-created`): no new windows (checklist item 14), no navigation
 * or redirect away from the app (item 13), no webviews (item 12).
 *
 * @param appOrigin see {@link isTrustedUrl}
 */
export function hardenWebContents(contents: HardenableWebContents, appOrigin: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const denyForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isTrustedUrl(event.url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', denyForeign);
  contents.on('will-frame-navigate', denyForeign);
  contents.on('will-redirect', denyForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
