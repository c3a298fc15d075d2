// The wiring of electron/main/index.ts, against a recording fake of the
// `electron` module (the Electron binary cannot run here). The policies
// themselves are tested in the other electron-*.test.ts files; this checks
// that index.ts applies them: window preferences, scheme privileges, session
// handlers, navigation guards, IPC registration, menu language, window state.
import type * as WorkerThreads from 'node:worker_threads';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME, windowWebPreferences } from '../../electron/main/security';
import { WINDOW_STATE_FILE } from '../../electron/main/window-state';
import { CHANNELS } from '../../shared/bridge/contract';
import { ROOM_CHANNELS } from '../../shared/room/contract';

type AnyFn = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => void>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly listeners = new Map<string, (...args: unknown[]) => void>();
    readonly webContents = { send: vi.fn(), on: vi.fn(), isLoading: () => false, isDestroyed: () => false };
    readonly close = vi.fn();
    readonly setRepresentedFilename = vi.fn();
    readonly setDocumentEdited = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    isMinimized(): boolean {
      return false;
    }
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly maximize = vi.fn();
    bounds: { x: number; y: number; width: number; height: number };
    constructor(readonly options: Record<string, unknown>) {
      this.bounds = {
        x: (options['x'] as number | undefined) ?? 0,
        y: (options['y'] as number | undefined) ?? 0,
        width: options['width'] as number,
        height: options['height'] as number,
      };
      windows.push(this);
    }
    on(event: string, listener: (...args: unknown[]) => void): void {
      this.listeners.set(event, listener);
    }
    once(event: string, listener: (...args: unknown[]) => void): void {
      this.listeners.set(event, listener);
    }
    show(): void {}
    getNormalBounds(): typeof this.bounds {
      return this.bounds;
    }
    isMaximized(): boolean {
      return false;
    }
    static getAllWindows(): FakeWindow[] {
      return windows;
    }
    static fromWebContents(): null {
      return null;
    }
  }
  return {
    userData: '',
    appListeners,
    windows,
    FakeWindow,
    enableSandbox: vi.fn(),
    registerSchemesAsPrivileged: vi.fn(),
    protocolHandle: vi.fn(),
    ipcHandle: vi.fn(),
    menus: [] as unknown[][],
    permissionRequest: undefined as undefined | AnyFn,
    permissionCheck: undefined as undefined | AnyFn,
    beforeRequest: undefined as undefined | AnyFn,
    devicePermission: undefined as undefined | AnyFn,
    sessionListeners: new Map<string, AnyFn>(),
    setSpellCheckerEnabled: vi.fn(),
  };
});

// The verifier's and the seal's worker threads, started from their TypeScript sources (the built app starts
// out/main/verify-worker.js and out/main/page-text-worker.js); any other file is a wiring mistake.
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof WorkerThreads>();
  class SourceWorker extends real.Worker {
    constructor(file: string | URL) {
      const built = String(file).split(/[\\/]/).pop()!;
      if (built !== 'verify-worker.js' && built !== 'page-text-worker.js') throw new Error(`No worker built as ${String(file)}`);
      // As test/support/source-worker.ts starts them (that module's own Worker is this mock).
      super(new URL('../support/worker-entry.mjs', import.meta.url), { workerData: { source: built.replace(/\.js$/, '') } });
    }
  }
  return { ...real, Worker: SourceWorker };
});

vi.mock('electron', () => ({
  // The OS keychain: "encrypts" by a visible prefix, so the test can see the passphrase is not stored as it is.
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (plain: string) => Buffer.from(`keychain:${Buffer.from(plain).toString('base64')}`),
    decryptStringAsync: async (cipher: Buffer) => ({
      result: Buffer.from(cipher.toString().slice('keychain:'.length), 'base64').toString(),
      shouldReEncrypt: false,
    }),
  },
  app: {
    isPackaged: true,
    enableSandbox: fake.enableSandbox,
    requestSingleInstanceLock: () => true,
    on: (event: string, listener: (...args: unknown[]) => void) => fake.appListeners.set(event, listener),
    whenReady: () => Promise.resolve(),
    getPreferredSystemLanguages: () => ['es-ES', 'en-US'],
    getLocale: () => 'es-ES',
    getPath: (name: string) => (name === 'userData' ? fake.userData : '/home/ana/Documentos'),
    getVersion: () => '0.1.0',
    quit: vi.fn(),
    addRecentDocument: vi.fn(),
    clearRecentDocuments: vi.fn(),
    setAsDefaultProtocolClient: vi.fn(),
  },
  protocol: { registerSchemesAsPrivileged: fake.registerSchemesAsPrivileged, handle: fake.protocolHandle },
  BrowserWindow: fake.FakeWindow,
  dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  ipcMain: { handle: fake.ipcHandle },
  Menu: {
    buildFromTemplate: (template: unknown[]) => template,
    setApplicationMenu: (menu: unknown[]) => fake.menus.push(menu),
  },
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: AnyFn) => (fake.permissionRequest = handler),
      setPermissionCheckHandler: (handler: AnyFn) => (fake.permissionCheck = handler),
      setDevicePermissionHandler: (handler: AnyFn) => (fake.devicePermission = handler),
      setSpellCheckerEnabled: fake.setSpellCheckerEnabled,
      webRequest: {
        onBeforeRequest: (handler: AnyFn) => (fake.beforeRequest = handler),
        onHeadersReceived: vi.fn(),
      },
      on: (event: string, listener: AnyFn) => fake.sessionListeners.set(event, listener),
    },
  },
}));

function call<T>(fn: AnyFn | undefined, ...args: unknown[]): T {
  if (fn === undefined) throw new Error('handler not registered');
  return (fn as (...a: unknown[]) => T)(...args);
}

/** A fake web contents that records its handlers, for `web-contents-created`. */
function fakeContents() {
  const handlers = new Map<string, (event: unknown) => void>();
  let openHandler: (() => unknown) | undefined;
  return {
    handlers,
    openHandler: () => openHandler?.(),
    setWindowOpenHandler: (handler: () => unknown) => {
      openHandler = handler;
    },
    on: (event: string, handler: (event: unknown) => void) => handlers.set(event, handler),
  };
}

function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

beforeAll(async () => {
  fake.userData = fs.mkdtempSync(join(tmpdir(), 'pacto-main-'));
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('../../electron/main/index');
  await new Promise((resolve) => setTimeout(resolve, 0)); // let whenReady().then run
  // Importing main loads every main module (PDF, seal, room): slow on a busy machine, not a fault.
}, 60_000);
afterAll(() => {
  fs.rmSync(fake.userData, { recursive: true, force: true });
});

describe('main process wiring', () => {
  it('registers app:// as a standard, secure scheme that other origins cannot read, and sandboxes every renderer', () => {
    expect(fake.enableSandbox).toHaveBeenCalled();
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const privileges = (fake.registerSchemesAsPrivileged.mock.calls[0]![0] as { privileges: Record<string, unknown> }[])[0]!.privileges;
    expect(privileges['corsEnabled']).toBeUndefined();
    expect(privileges['bypassCSP']).toBeUndefined();
    expect(fake.protocolHandle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
  });

  it('opens one isolated, sandboxed window on the packaged renderer', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    // Every checklist setting, exactly as security.ts defines it (tested there setting by setting).
    const preload = (win.options['webPreferences'] as { preload: string }).preload;
    expect(win.options['webPreferences']).toEqual(windowWebPreferences({ preload, devTools: false }));
    expect((win.options['webPreferences'] as { preload: string }).preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
  });

  it('serves the CSP with the renderer and refuses paths outside it', async () => {
    const handler = fake.protocolHandle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://pacto/..%2f..%2fpackage.json'))).status).toBe(404);
  });

  it('registers a guarded handler for every channel', async () => {
    const registered = fake.ipcHandle.mock.calls.map(([channel]) => channel as string);
    expect(registered.sort()).toEqual([...Object.values(CHANNELS), ...Object.values(ROOM_CHANNELS)].sort());
    const appInfo = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.appInfo)![1] as AnyFn;
    expect(await call(appInfo, { senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(appInfo, { senderFrame: { url: APP_ENTRY_URL, parent: null } }, undefined)).toEqual({
      ok: true,
      value: { version: '0.1.0', runtime: 'electron', systemLanguages: ['es-ES', 'en-US'] },
    });
  });

  it('verifies a dropped file with the real verifier, in a worker thread: bytes that are not a PDF get their own verdict', async () => {
    const verify = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.verifyPdf)![1] as AnyFn;
    const result = await call(verify, { senderFrame: { url: APP_ENTRY_URL, parent: null } }, { name: 'nota.txt', bytes: new TextEncoder().encode('hola') });
    expect(result).toMatchObject({ ok: true, value: { status: 'not-pacto', reasons: [{ code: 'not-a-pdf' }] } });
  });

  it('exports a sealed PDF: prints the sender, finalizes, seals with the key it keeps in userData, writes where the user chose', async () => {
    const { dialog } = await import('electron');
    const { agreementLines, sampleVersion, signaturesOf, auditOf, textPdf } = await import('./seal-fixture');
    const { buildSignatureRecord } = await import('../../shared/agreement/signature-record');
    const { verifyAgreementPdf } = await import('../../electron/seal/verify');
    const version = sampleVersion();
    const out = join(fake.userData, 'Acuerdo v2.pdf');
    vi.mocked(dialog.showSaveDialog).mockResolvedValue({ canceled: false, filePath: out } as never);
    const exportPdf = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.exportPdf)![1] as AnyFn;
    const printed = await textPdf(agreementLines(version.fingerprint));
    const event = { senderFrame: { url: APP_ENTRY_URL, parent: null }, sender: { printToPDF: vi.fn(async () => Buffer.from(printed)) } };
    const request = {
      suggestedName: 'Acuerdo v2.pdf',
      print: { pageSize: 'A4', headerTemplate: '<span></span>', footerTemplate: '<span></span>' },
      metadata: { title: 'Acuerdo', author: 'Nubecom Soluciones', subject: 'SLA', keywords: [], language: 'es' },
      snapshotJson: version.snapshotJson,
      signatureRecord: buildSignatureRecord(version, signaturesOf(version), auditOf(version)),
    };
    const result = await call<Promise<unknown>>(exportPdf, event, request);
    expect(result).toMatchObject({ ok: true, value: { path: out, sealed: true, sealKeyFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect(event.sender.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ generateDocumentOutline: true, generateTaggedPDF: true }));
    const stored = JSON.parse(fs.readFileSync(join(fake.userData, 'seal-key.json'), 'utf8'));
    expect(stored).toMatchObject({ format: 'pacto-seal-key', protection: 'os-keychain', passphrase: expect.stringMatching(/^[A-Za-z0-9+/=]+$/) });
    expect(Buffer.from(stored.passphrase, 'base64').toString()).toMatch(/^keychain:/);
    const report = await verifyAgreementPdf(new Uint8Array(fs.readFileSync(out)));
    expect(report.reasons).toEqual([]);
    expect(report).toMatchObject({ status: 'intact', fingerprint: version.fingerprint, signaturesRecorded: true });
    expect(report.seal.keyFingerprint).toBe((result as { value: { sealKeyFingerprint: string } }).value.sealKeyFingerprint);
    // Verified through the app's own handler (worker thread), the seal key is this installation's.
    const verify = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.verifyPdf)![1] as AnyFn;
    const verdict = await call<Promise<{ ok: true; value: { status: string; seal: { key: string } } }>>(
      verify,
      { senderFrame: { url: APP_ENTRY_URL, parent: null } },
      { name: 'Acuerdo v2.pdf', bytes: new Uint8Array(fs.readFileSync(out)) },
    );
    expect(verdict.value).toMatchObject({ status: 'intact', seal: { key: 'own' } });
  });

  it('starts with the menu in the system language and switches it on setLanguage', async () => {
    expect((fake.menus.at(-1) as { label: string }[]).map((menu) => menu.label)).toContain('Archivo');
    const setLanguage = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.setLanguage)![1] as AnyFn;
    expect(await call(setLanguage, { senderFrame: { url: APP_ENTRY_URL, parent: null } }, 'en')).toEqual({ ok: true, value: undefined });
    expect((fake.menus.at(-1) as { label: string }[]).map((menu) => menu.label)).toContain('File');
  });

  it('sends menu commands to the window', () => {
    const fileMenu = (fake.menus.at(-1) as { label: string; submenu: { label?: string; click?: () => void }[] }[]).find((menu) => menu.label === 'File')!;
    fileMenu.submenu.find((item) => item.label === 'Export PDF…')!.click!();
    expect(fake.windows[0]!.webContents.send).toHaveBeenCalledWith('pacto:menu:command', 'export-pdf');
  });

  it('denies new windows, foreign navigation and webviews in every web contents', () => {
    const contents = fakeContents();
    call(fake.appListeners.get('web-contents-created') as AnyFn, {}, contents);
    expect(contents.openHandler()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = navigation('https://evil.example/phish');
      contents.handlers.get(event)!(away);
      expect(away.preventDefault, event).toHaveBeenCalled();
      const inApp = navigation(`${APP_ENTRY_URL}#/workshops`);
      contents.handlers.get(event)!(inApp);
      expect(inApp.preventDefault, event).not.toHaveBeenCalled();
    }
    const webview = navigation('');
    contents.handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies permissions except persistent storage for the app, and cancels network requests and downloads', () => {
    const decide = (permission: string, url: string): unknown => {
      const callback = vi.fn();
      call(fake.permissionRequest, {}, permission, callback, { requestingUrl: url });
      return callback.mock.calls[0]![0];
    };
    expect(decide('media', APP_ENTRY_URL)).toBe(false);
    expect(decide('notifications', APP_ENTRY_URL)).toBe(false);
    expect(decide('persistent-storage', APP_ENTRY_URL)).toBe(true);
    expect(decide('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(call(fake.permissionCheck, null, 'geolocation', 'app://pacto')).toBe(false);
    expect(call(fake.devicePermission, {})).toBe(false);

    const request = (url: string): unknown => {
      const callback = vi.fn();
      call(fake.beforeRequest, { url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(request('https://cdn.example.com/x.js')).toEqual({ cancel: true });
    expect(request('app://pacto/assets/app.js')).toEqual({ cancel: false });

    const download = { preventDefault: vi.fn() };
    call(fake.sessionListeners.get('will-download'), download);
    expect(download.preventDefault).toHaveBeenCalled();
    expect(fake.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('holds the first close for the renderer’s last backup, then closes once it is ready', async () => {
    const win = fake.windows[0]!;
    const first = { preventDefault: vi.fn() };
    win.listeners.get('close')!(first);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(win.webContents.send).toHaveBeenCalledWith('pacto:app:quit-requested');
    const quitReady = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.quitReady)![1] as AnyFn;
    await call(quitReady, { senderFrame: { url: APP_ENTRY_URL, parent: null } }, undefined);
    expect(win.close).toHaveBeenCalled();
  });

  it('opens a .pacto file passed to a second instance in the running window', async () => {
    const path = join(fake.userData, 'Acuerdo 2027.pacto');
    fs.writeFileSync(path, '{"format":"pacto-workshop"}');
    const pending = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.pendingFiles)![1] as AnyFn;
    await call(pending, { senderFrame: { url: APP_ENTRY_URL, parent: null } }, undefined);
    const win = fake.windows[0]!;
    win.webContents.send.mockClear();
    call(fake.appListeners.get('second-instance') as AnyFn, {}, ['/opt/Pacto/pacto', '--flag', 'Acuerdo 2027.pacto'], fake.userData);
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith('pacto:file:opened', expect.objectContaining({ path, name: 'Acuerdo 2027.pacto' })),
    );
    const recent = fake.ipcHandle.mock.calls.find(([channel]) => channel === CHANNELS.recentFiles)![1] as AnyFn;
    expect(await call(recent, { senderFrame: { url: APP_ENTRY_URL, parent: null } }, undefined)).toMatchObject({ ok: true, value: [{ path }] });
  });

  it('saves the window placement on close and reopens there', () => {
    const win = fake.windows[0]!;
    win.bounds = { x: 200, y: 120, width: 1100, height: 760 };
    win.listeners.get('close')!({ preventDefault: vi.fn() });
    expect(JSON.parse(fs.readFileSync(join(fake.userData, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      bounds: { x: 200, y: 120, width: 1100, height: 760 },
      maximized: false,
    });
    fake.windows.length = 0;
    call(fake.appListeners.get('activate') as AnyFn);
    expect(fake.windows[0]!.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 760 });
  });
});
