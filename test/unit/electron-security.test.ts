import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  contentSecurityPolicy,
  CSP_DIRECTIVES,
  devRendererUrl,
  hardenSession,
  hardenWebContents,
  type HardenableSession,
  type HardenableWebContents,
  windowWebPreferences,
  isPermissionGranted,
  isRequestAllowed,
  isTrustedUrl,
  originOf,
  withContentSecurityPolicy,
} from '../../electron/main/security';

const DEV = 'http://localhost:5173';

/** Parses a serialized policy back into directive → sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('isTrustedUrl', () => {
  it.each([
    [APP_ENTRY_URL, APP_ORIGIN],
    ['app://pacto/', APP_ORIGIN],
    ['app://pacto/index.html#/workshops/42', APP_ORIGIN],
    ['app://pacto/assets/index-3f2a.js?v=1', APP_ORIGIN],
    [APP_ORIGIN, APP_ORIGIN],
    [`${DEV}/`, DEV],
    [`${DEV}/index.html?x=1`, DEV],
  ])('trusts %s for %s', (url, origin) => {
    expect(isTrustedUrl(url, origin)).toBe(true);
  });

  it.each([
    // look-alike hosts and user info
    ['app://pacto.evil/index.html', APP_ORIGIN],
    ['app://evil.pacto/index.html', APP_ORIGIN],
    ['app://pactoevil/', APP_ORIGIN],
    ['app://pacto@evil/index.html', APP_ORIGIN],
    ['app://evil@pacto/index.html', APP_ORIGIN],
    ['app://user:pw@pacto/', APP_ORIGIN],
    ['app://pacto\\@evil/', APP_ORIGIN],
    ['app://pacto:1234/', APP_ORIGIN],
    ['app://PACTO/', APP_ORIGIN],
    // same name, other scheme; or no host at all
    ['https://pacto/index.html', APP_ORIGIN],
    ['app:pacto/index.html', APP_ORIGIN],
    ['app:///pacto/index.html', APP_ORIGIN],
    ['file:///opt/Pacto/resources/app.asar/out/renderer/index.html', APP_ORIGIN],
    ['blob:app://pacto/8d3c', APP_ORIGIN],
    ['javascript:alert(1)', APP_ORIGIN],
    ['data:text/html,<script>alert(1)</script>', APP_ORIGIN],
    ['about:blank', APP_ORIGIN],
    ['', APP_ORIGIN],
    ['not a url', APP_ORIGIN],
    // dev server look-alikes
    ['http://localhost:5173.evil.example/', DEV],
    ['http://localhost.evil.example:5173/', DEV],
    ['http://localhost:51730/', DEV],
    ['http://localhost/', DEV],
    ['https://localhost:5173/', DEV],
    ['http://127.0.0.1:5173/', DEV],
    ['http://evil@localhost:5173/', DEV],
    ['ws://localhost:5173/', DEV],
    [APP_ENTRY_URL, DEV],
    [`${DEV}/`, APP_ORIGIN],
    // an unparsable trusted origin trusts nothing
    [APP_ENTRY_URL, 'not an origin'],
  ])('does not trust %s for %s', (url, origin) => {
    expect(isTrustedUrl(url, origin)).toBe(false);
  });
});

describe('devRendererUrl', () => {
  it.each([
    ['http://localhost:5173', 'http://localhost:5173/'],
    ['http://127.0.0.1:5174/', 'http://127.0.0.1:5174/'],
    ['http://[::1]:5173/', 'http://[::1]:5173/'],
    ['https://localhost:5173', 'https://localhost:5173/'],
  ])('honours the loopback dev server %s in an unpackaged app', (env, expected) => {
    expect(devRendererUrl(env, false)).toBe(expected);
  });

  it('never honours the variable in the packaged app', () => {
    expect(devRendererUrl('http://localhost:5173', true)).toBeNull();
  });

  it.each([
    undefined,
    '',
    'https://example.com/',
    'http://localhost.evil.example:5173/',
    'http://192.168.1.20:5173/',
    'http://user@localhost:5173/',
    'file:///tmp/index.html',
    'app://pacto/index.html',
    'javascript:alert(1)',
    'localhost:5173',
  ])('rejects %s', (env) => {
    expect(devRendererUrl(env, false)).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict production policy', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows eval, inline script or remote hosts in production', () => {
    const policy = parsePolicy(contentSecurityPolicy());
    expect(policy.get('script-src')).toEqual(["'self'"]);
    for (const [directive, sources] of policy) {
      expect(sources, directive).not.toContain("'unsafe-eval'");
      for (const source of sources) expect(source, directive).not.toMatch(/^(https?:|wss?:|\*)/);
    }
  });

  it('leaves header-only directives out of a meta tag policy', () => {
    const meta = parsePolicy(contentSecurityPolicy({ meta: true }));
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(meta.get('script-src')).toEqual(["'self'"]);
    expect(meta.size).toBe(Object.keys(CSP_DIRECTIVES).length - 1);
  });

  it('relaxes only what the Vite dev server needs', () => {
    const dev = parsePolicy(contentSecurityPolicy({ devServerOrigin: DEV }));
    const prod = parsePolicy(contentSecurityPolicy());
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    for (const [directive, sources] of prod) {
      if (directive !== 'script-src' && directive !== 'connect-src') expect(dev.get(directive), directive).toEqual(sources);
    }
    expect(parsePolicy(contentSecurityPolicy({ devServerOrigin: 'https://localhost:5173' })).get('connect-src')).toContain('wss://localhost:5173');
  });

  it('refuses a dev server that is not http(s)', () => {
    expect(() => contentSecurityPolicy({ devServerOrigin: 'file:///tmp' })).toThrow(/devServerOrigin must be http/);
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces a policy sent under any letter case and keeps the other headers', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'], 'CONTENT-SECURITY-POLICY': 'script-src *' },
      "default-src 'self'",
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
  });
});

describe('originOf', () => {
  it('keeps scheme, host and port of special and custom schemes', () => {
    expect(originOf('http://localhost:5173/index.html')).toBe('http://localhost:5173');
    expect(originOf('app://pacto/index.html')).toBe(APP_ORIGIN);
  });
});

describe('isPermissionGranted', () => {
  it('grants persistent storage to the app itself', () => {
    expect(isPermissionGranted('persistent-storage', APP_ENTRY_URL, APP_ORIGIN)).toBe(true);
    expect(isPermissionGranted('persistent-storage', APP_ORIGIN, APP_ORIGIN)).toBe(true);
  });

  it.each(['media', 'notifications', 'geolocation', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'unknown'])(
    'denies %s even to the app',
    (permission) => {
      expect(isPermissionGranted(permission, APP_ENTRY_URL, APP_ORIGIN)).toBe(false);
    },
  );

  it.each(['app://pacto.evil/', 'https://example.com/', 'file:///index.html', ''])('denies persistent storage to %s', (url) => {
    expect(isPermissionGranted('persistent-storage', url, APP_ORIGIN)).toBe(false);
  });
});

describe('isRequestAllowed', () => {
  it.each([
    'app://pacto/index.html',
    'app://pacto/assets/noto-sans-latin-400-normal.woff2',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://pacto/6c1e2f3a',
    'devtools://devtools/bundled/devtools_app.html',
  ])('lets the packaged app load %s', (url) => {
    expect(isRequestAllowed(url, APP_ORIGIN)).toBe(true);
  });

  it.each([
    'https://fonts.googleapis.com/css2?family=Noto+Sans',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://pacto.evil/x.js',
    'ws://localhost:5173/',
    'ftp://example.com/',
    'garbage',
  ])('blocks %s in the packaged app', (url) => {
    expect(isRequestAllowed(url, APP_ORIGIN)).toBe(false);
  });

  it.each([`${DEV}/src/main.tsx`, 'ws://localhost:5173/', 'ws://localhost:5173/?token=abc'])('lets the dev app load %s', (url) => {
    expect(isRequestAllowed(url, DEV)).toBe(true);
  });

  it.each(['ws://localhost:9999/', 'wss://localhost:5173/', 'ws://localhost:5173.evil.example/', 'https://example.com/', APP_ENTRY_URL])(
    'blocks %s in the dev app',
    (url) => {
      expect(isRequestAllowed(url, DEV)).toBe(false);
    },
  );
});

describe('windowWebPreferences (Electron security checklist)', () => {
  const prefs = windowWebPreferences({ preload: '/opt/Pacto/resources/app.asar/out/preload/index.cjs', devTools: false });

  it.each([
    ['nodeIntegration', false],
    ['nodeIntegrationInSubFrames', false],
    ['nodeIntegrationInWorker', false],
    ['contextIsolation', true],
    ['sandbox', true],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['spellcheck', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(Object.hasOwn(prefs, key), key).toBe(true);
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink feature and sets nothing else', () => {
    expect(Object.hasOwn(prefs, 'enableBlinkFeatures')).toBe(false);
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('passes the preload path and opens developer tools only when asked (unpackaged app)', () => {
    expect(prefs.preload).toBe('/opt/Pacto/resources/app.asar/out/preload/index.cjs');
    expect(prefs.devTools).toBe(false);
    expect(windowWebPreferences({ preload: '/p.cjs', devTools: true }).devTools).toBe(true);
  });
});

type Handler = (...args: never[]) => unknown;

/** A session that records what hardenSession registers. */
function recordingSession() {
  const handlers = new Map<string, Handler>();
  const ses = {
    setPermissionRequestHandler: (h: Handler) => handlers.set('permissionRequest', h),
    setPermissionCheckHandler: (h: Handler) => handlers.set('permissionCheck', h),
    setDevicePermissionHandler: (h: Handler) => handlers.set('devicePermission', h),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: {
      onBeforeRequest: (h: Handler) => handlers.set('beforeRequest', h),
      onHeadersReceived: (h: Handler) => handlers.set('headersReceived', h),
    },
    on: (event: string, h: Handler) => handlers.set(`on:${event}`, h),
  };
  const call = (name: string, ...args: unknown[]): unknown => {
    const handler = handlers.get(name);
    if (handler === undefined) throw new Error(`${name} not registered`);
    return (handler as (...a: unknown[]) => unknown)(...args);
  };
  return { ses, handlers, call, asSession: ses as unknown as HardenableSession };
}

/** What a callback-style handler answered. */
function answer(call: (name: string, ...args: unknown[]) => unknown, name: string, ...args: unknown[]): unknown {
  const callback = vi.fn();
  call(name, ...args.map((arg) => (arg === CALLBACK ? callback : arg)));
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]![0];
}
const CALLBACK = Symbol('callback');

describe('hardenSession', () => {
  it('turns the spell checker off (no dictionary download) and refuses downloads', () => {
    const { ses, call, asSession } = recordingSession();
    hardenSession(asSession, APP_ORIGIN, false);
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    const download = { preventDefault: vi.fn() };
    call('on:will-download', download);
    expect(download.preventDefault).toHaveBeenCalled();
  });

  it('grants only persistent storage, only to the app; no devices', () => {
    const { call, asSession } = recordingSession();
    hardenSession(asSession, APP_ORIGIN, false);
    expect(answer(call, 'permissionRequest', {}, 'persistent-storage', CALLBACK, { requestingUrl: APP_ENTRY_URL })).toBe(true);
    expect(answer(call, 'permissionRequest', {}, 'persistent-storage', CALLBACK, { requestingUrl: 'https://evil.example/' })).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      expect(answer(call, 'permissionRequest', {}, permission, CALLBACK, { requestingUrl: APP_ENTRY_URL }), permission).toBe(false);
      expect(call('permissionCheck', null, permission, APP_ORIGIN), permission).toBe(false);
    }
    expect(call('devicePermission', {})).toBe(false);
  });

  it('cancels every request that would leave the app', () => {
    const { call, asSession } = recordingSession();
    hardenSession(asSession, APP_ORIGIN, false);
    expect(answer(call, 'beforeRequest', { url: 'https://cdn.example.com/x.js' }, CALLBACK)).toEqual({ cancel: true });
    expect(answer(call, 'beforeRequest', { url: 'app://pacto/assets/index.js' }, CALLBACK)).toEqual({ cancel: false });
  });

  it('adds the development CSP header only with a dev server', () => {
    const packaged = recordingSession();
    hardenSession(packaged.asSession, APP_ORIGIN, false);
    expect(packaged.handlers.has('headersReceived')).toBe(false);
    const dev = recordingSession();
    hardenSession(dev.asSession, DEV, true);
    const headers = answer(dev.call, 'headersReceived', { responseHeaders: { 'content-security-policy': ['default-src *'] } }, CALLBACK) as {
      responseHeaders: Record<string, string[]>;
    };
    expect(headers.responseHeaders).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy({ devServerOrigin: DEV })] });
  });
});

describe('hardenWebContents', () => {
  function recordingContents() {
    const handlers = new Map<string, (event: unknown) => void>();
    let openHandler: (() => unknown) | undefined;
    const contents = {
      setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler),
      on: (event: string, handler: (event: unknown) => void) => handlers.set(event, handler),
    };
    return { handlers, open: () => openHandler?.(), asContents: contents as unknown as HardenableWebContents };
  }

  it('denies new windows, webviews, and navigation or redirects away from the app', () => {
    const { handlers, open, asContents } = recordingContents();
    hardenWebContents(asContents, APP_ORIGIN);
    expect(open()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://pacto.evil/']) {
        const away = { url, preventDefault: vi.fn() };
        handlers.get(event)!(away);
        expect(away.preventDefault, `${event} ${url}`).toHaveBeenCalled();
      }
      const inApp = { url: `${APP_ENTRY_URL}#/workshops`, preventDefault: vi.fn() };
      handlers.get(event)!(inApp);
      expect(inApp.preventDefault, event).not.toHaveBeenCalled();
    }
  });
});
