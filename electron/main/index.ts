/**
 * Pacto's main process, kept thin: one sandboxed window on the built
 * renderer (served from `app://pacto/`, or the Vite dev server under
 * `electron-vite dev`), the security policy of `security.ts` applied to the
 * session and to every web contents, the bilingual menu, the remembered
 * window placement, the bridge handlers of `ipc.ts`, and workshop files
 * (`file-feature.ts`: open/save, recent files, backups, files the system
 * asks to open, the last backup before closing), and the LAN room
 * (`room/feature.ts`: host or join, discovery, the room sockets, `pacto://join`
 * links). The logic lives in
 * the small modules beside this file, each tested without Electron; this
 * file only connects them to Electron's APIs.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { Worker } from 'node:worker_threads';
import { randomBytes } from 'node:crypto';
import { availableParallelism, hostname, networkInterfaces } from 'node:os';
import Bonjour from 'bonjour-service';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHANNELS, FILE_OPENED_CHANNEL, MENU_COMMAND_CHANNEL, QUIT_REQUESTED_CHANNEL, type MenuCommand } from '../../shared/bridge/contract';
import { ok } from '../../shared/domain/result';
import type { Language } from '../../shared/domain/workshop';
import { finalizeAgreementPdf } from '../../shared/pdf/finalize';
import { createAppProtocolHandler } from './app-protocol';
import { writeFileAtomic } from './atomic-write';
import { exportAgreementPdf, paginateAgreementPdf, sealStep } from './export-pdf';
import { ensureSealKey, fileSealKeyStore, ownSealKeyFingerprint } from '../seal/key';
import { sealPageTextReader } from '../seal/page-text-reader';
import { verifyOffThread } from '../seal/verify-off-thread';
import { safeStorageProtection } from './seal-keychain';
import { bridgeHandlers, roomHandlers, type ChannelKey, type RoomChannelKey } from './ipc';
import { ROOM_CHANNELS, ROOM_EVENT_CHANNEL } from '../../shared/room/contract';
import { JOIN_URL_PREFIX } from '../../shared/room/join-code';
import { DOC_SCHEMA_VERSION } from '../../shared/domain/workshop-doc';
import { createRoomFeature, type RoomFeature } from './room/feature';
import { consoleLogger, systemTimers } from './room/timers';
import { createFileFeature, type FileFeature } from './file-feature';
import { saveFile } from './save-file';
import { mainLabels, menuTemplate, pickLanguage } from './menu';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  devRendererUrl,
  hardenSession,
  hardenWebContents,
  originOf,
  windowWebPreferences,
} from './security';
import { fileWindowStateStore, MIN_SIZE, placeWindow } from './window-state';

// out/main/index.js → out/renderer, out/preload (inside app.asar when packaged).
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');

const devUrl = devRendererUrl(process.env['ELECTRON_RENDERER_URL'], app.isPackaged);
const appOrigin = devUrl === null ? APP_ORIGIN : originOf(devUrl);
const entryUrl = devUrl ?? APP_ENTRY_URL;

// Before `ready`: a standard, secure scheme gets a real origin (IndexedDB,
// fetch) and a secure context; no corsEnabled, so no other origin can read it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let language: Language = 'en';
let files: FileFeature;
let room: RoomFeature;

function sendMenuCommand(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_COMMAND_CHANNEL, command);
}

function applyMenu(): void {
  const template = menuTemplate(language, sendMenuCommand, {
    platform: process.platform,
    developerTools: !app.isPackaged,
    recentFiles: files.recent.list(),
    openRecent: (path) => files.openFromSystem(path),
    clearRecent: () => files.recent.clear(),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const store = fileWindowStateStore(app.getPath('userData'));
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
  const placement = placeWindow(store.read(), workAreas);
  const win = new BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Pacto',
    backgroundColor: '#ffffff',
    webPreferences: windowWebPreferences({ preload: preloadPath, devTools: !app.isPackaged }),
  });
  if (placement.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    try {
      store.write({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    } catch (error) {
      console.error('Pacto: could not save the window placement:', error);
    }
    // Held once for the renderer's last backup (close-guard.ts), then closed again.
    if (files.closeGuard.intercept(() => win.close())) event.preventDefault();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  files.closeGuard.rearm();
  // A reloaded page listens again: files the system sends meanwhile wait for it.
  win.webContents.on('did-start-loading', () => {
    files.queue.reset();
    room.windowReloaded();
  });
  win.loadURL(entryUrl).catch((error: unknown) => {
    dialog.showErrorBox('Pacto', `Pacto could not open its window (${entryUrl}): ${error instanceof Error ? error.message : String(error)}`);
  });
  return win;
}

async function showSaveDialog(sender: WebContents, suggestedName: string, extension = 'pdf'): Promise<string | null> {
  const labels = mainLabels(language);
  const pdf = extension === 'pdf';
  const image = extension === 'svg' || extension === 'png';
  const options: Electron.SaveDialogOptions = {
    title: pdf ? labels.exportPdfDialogTitle : image ? labels.saveImageDialogTitle : labels.saveFileDialogTitle,
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters: [{ name: pdf ? labels.pdfFilter : `${image ? labels.imageFilter : labels.fileFilter} (.${extension})`, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const owner = BrowserWindow.fromWebContents(sender);
  const result = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
  return result.canceled || result.filePath === '' ? null : result.filePath;
}

/** The native open or save dialog for `.pacto` files, attached to the window. */
async function pactoDialog(kind: 'open' | 'save' | 'copy', suggestedName = ''): Promise<string | null> {
  const labels = mainLabels(language);
  const filters = [{ name: labels.pactoFilter, extensions: ['pacto'] }];
  const owner = mainWindow;
  if (kind === 'open') {
    const options: Electron.OpenDialogOptions = { title: labels.openDialogTitle, defaultPath: app.getPath('documents'), filters, properties: ['openFile'] };
    const result = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  const options: Electron.SaveDialogOptions = {
    title: kind === 'copy' ? labels.exportCopyDialogTitle : labels.saveDialogTitle,
    defaultPath: join(app.getPath('documents'), suggestedName),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options);
  return result.canceled || result.filePath === '' ? null : result.filePath;
}

function createFiles(): FileFeature {
  return createFileFeature({
    userData: app.getPath('userData'),
    openDialog: () => pactoDialog('open'),
    saveDialog: (name, copy) => pactoDialog(copy ? 'copy' : 'save', name),
    addRecentDocument: (path) => app.addRecentDocument(path),
    clearRecentDocuments: () => app.clearRecentDocuments(),
    sendOpenedFile: (file) => {
      if (mainWindow === null || mainWindow.webContents.isLoading()) return false;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      mainWindow.webContents.send(FILE_OPENED_CHANNEL, file);
      return true;
    },
    requestQuitBackup: () => {
      if (mainWindow === null || mainWindow.webContents.isDestroyed()) return false;
      mainWindow.webContents.send(QUIT_REQUESTED_CHANNEL);
      return true;
    },
    showDocumentState: (state) => {
      mainWindow?.setRepresentedFilename(state.path ?? '');
      mainWindow?.setDocumentEdited(state.edited);
    },
    recentChanged: () => applyMenu(),
    reportError: (message) => dialog.showErrorBox('Pacto', message),
  });
}

function createRoom(): RoomFeature {
  return createRoomFeature({
    emit: (event) => {
      if (mainWindow !== null && !mainWindow.webContents.isDestroyed()) mainWindow.webContents.send(ROOM_EVENT_CHANNEL, event);
    },
    networkInterfaces: () => networkInterfaces(),
    platform: process.platform,
    windowListens: () => mainWindow !== null && !mainWindow.webContents.isLoading(),
    appVersion: app.getVersion(),
    schemaVersion: DOC_SCHEMA_VERSION,
    hostName: hostname(),
    timers: systemTimers,
    log: consoleLogger,
    randomBytes: (length) => randomBytes(length),
    // multicast-dns takes `interface` (the address whose interface sends and receives); bonjour-service passes it through.
    createBonjour: (options, onError) => {
      const mdnsOptions: Record<string, unknown> = options.interfaceAddress ? { interface: options.interfaceAddress } : {};
      return new Bonjour(mdnsOptions as Partial<Bonjour.ServiceConfig>, onError);
    },
  });
}

/** `pacto://join?…` links in a command line (Windows and Linux pass them to the second instance). */
function joinLinksFromArgv(argv: string[]): string[] {
  return argv.filter((arg) => arg.toLowerCase().startsWith(JOIN_URL_PREFIX));
}

/** The installation's seal key file (and where Pacto before the keychain kept it, moved on first use). */
const sealKeyStore = () => fileSealKeyStore(join(app.getPath('userData'), 'seal-key.json'), join(app.getPath('userData'), 'seal-key.p12'));

/** The seal's page-text reader: two worker threads on a multi-core machine (out/main/page-text-worker.js), started when the Export step first paginates. */
const pageTexts = sealPageTextReader(() => new Worker(join(here, 'page-text-worker.js')), availableParallelism());

function registerBridge(): void {
  const handlers = bridgeHandlers<IpcMainInvokeEvent>(
    {
      exportPdf: (request, event) =>
        exportAgreementPdf(request, {
          print: (options) => event.sender.printToPDF(options),
          finalize: finalizeAgreementPdf,
          seal: sealStep(() => ensureSealKey(sealKeyStore(), safeStorageProtection(safeStorage, process.platform)), pageTexts.read),
          saveDialog: (suggestedName) => showSaveDialog(event.sender, suggestedName),
          writeFile: (path, data) => writeFileAtomic(path, data),
          now: () => new Date(),
        }),
      paginatePdf: (print, event) => {
        // An export follows: pdf.js loads in the seal's thread while this print runs.
        pageTexts.warm();
        return paginateAgreementPdf(print, { print: (options) => event.sender.printToPDF(options) });
      },
      // In a worker thread (out/main/verify-worker.js), with size, page and time limits: a dropped file never blocks the app.
      verifyPdf: async (request) =>
        verifyOffThread(
          request.bytes,
          { ownKeyFingerprint: await ownSealKeyFingerprint(sealKeyStore()).catch(() => null) },
          {
            spawn: () => new Worker(join(here, 'verify-worker.js')),
          },
        ),
      saveFile: (request, event) =>
        saveFile(request, {
          saveDialog: (suggestedName, extension) => showSaveDialog(event.sender, suggestedName, extension),
          writeFile: (path, data) => writeFileAtomic(path, data),
        }),
      openExternal: async (url) => {
        await shell.openExternal(url);
        return ok(undefined);
      },
      appInfo: () => ok({ version: app.getVersion(), runtime: 'electron', systemLanguages: app.getPreferredSystemLanguages() }),
      setLanguage: (next) => {
        language = next;
        applyMenu();
        return ok(undefined);
      },
      ...files.bridge,
    },
    appOrigin,
  );
  for (const key of Object.keys(CHANNELS) as ChannelKey[]) {
    ipcMain.handle(CHANNELS[key], (event, payload: unknown) => handlers[key](event, payload));
  }
  const roomBridge = roomHandlers<IpcMainInvokeEvent>(room.bridge, appOrigin);
  for (const key of Object.keys(ROOM_CHANNELS) as RoomChannelKey[]) {
    ipcMain.handle(ROOM_CHANNELS[key], (event, payload: unknown) => roomBridge[key](event, payload));
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Pacto is running on the same data; it gets the focus instead.
  app.quit();
} else {
  files = createFiles();
  room = createRoom();
  // macOS sends the file that launched Pacto before `ready`: listen from the start.
  app.on('will-finish-launching', () => {
    app.on('open-file', (event, path) => {
      event.preventDefault();
      files.openFromSystem(path);
    });
    app.on('open-url', (event, url) => {
      event.preventDefault();
      room.openJoinLink(url);
    });
  });
  files.openFromArgv(process.argv, process.cwd());
  for (const link of joinLinksFromArgv(process.argv)) room.openJoinLink(link);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    files.openFromArgv(argv, workingDirectory);
    for (const link of joinLinksFromArgv(argv)) room.openJoinLink(link);
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('before-quit', (event) => {
    if (files.closeGuard.intercept(() => app.quit())) event.preventDefault();
  });
  // The room's server runs only while the room is open: closed (guests told) before the app goes.
  app.on('will-quit', () => {
    void room.dispose();
    void pageTexts.close();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(() => {
    language = pickLanguage(app.getPreferredSystemLanguages(), app.getLocale());
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({ root: rendererRoot, readFile: (path) => readFile(path), contentSecurityPolicy: contentSecurityPolicy() }),
    );
    hardenSession(session.defaultSession, appOrigin, devUrl !== null);
    // `pacto://join?…` links (the room's QR code) open Pacto.
    if (app.isPackaged) app.setAsDefaultProtocolClient('pacto');
    registerBridge();
    applyMenu();
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });
}
