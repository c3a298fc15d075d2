/**
 * The preload: exposes the bridge to the renderer as `window.pacto`, one
 * method per channel, checked against the shared contracts with
 * `satisfies PactoBridge & RoomBridge` (files, PDF, app; and the LAN room). `ipcRenderer` itself is never exposed.
 *
 * It runs sandboxed, as CommonJS, and may require only `electron`: the
 * contract modules build zod schemas at load time, so the channel names come
 * from their import-free `channels.ts` modules (bundled into the preload;
 * the contracts re-export them), while payload parsing stays in the main
 * process.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { CHANNELS, FILE_OPENED_CHANNEL, MENU_COMMAND_CHANNEL, QUIT_REQUESTED_CHANNEL } from '../../shared/bridge/channels';
import type { MenuCommand, OpenedFile, PactoBridge } from '../../shared/bridge/contract';
import type { Result } from '../../shared/domain/result';
import { ROOM_CHANNELS, ROOM_EVENT_CHANNEL } from '../../shared/room/channels';
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';

/** Subscribes `listener` to a main → renderer event, without handing it the IPC event (it carries `sender`, i.e. ipcRenderer). */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: T): void => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

/** `ipcRenderer.invoke` that always resolves: a failed invocation (no handler, closed window) becomes `{ ok: false }`. */
async function invoke<T>(channel: string, ...args: unknown[]): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<T>;
  } catch (error) {
    return { ok: false, error: { code: 'ipc', message: `${channel}: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

const api = {
  exportPdf: (request) => invoke(CHANNELS.exportPdf, request),
  appInfo: () => invoke(CHANNELS.appInfo),
  setLanguage: (language) => invoke(CHANNELS.setLanguage, language),
  paginatePdf: (print) => invoke(CHANNELS.paginatePdf, print),
  verifyPdf: (request) => invoke(CHANNELS.verifyPdf, request),
  saveFile: (request) => invoke(CHANNELS.saveFile, request),
  openExternal: (url) => invoke(CHANNELS.openExternal, url),
  onMenuCommand: (listener) => subscribe<MenuCommand>(MENU_COMMAND_CHANNEL, listener),
  openWorkshopFile: (request) => invoke(CHANNELS.openWorkshopFile, request),
  saveWorkshopFile: (request) => invoke(CHANNELS.saveWorkshopFile, request),
  recentFiles: () => invoke(CHANNELS.recentFiles),
  forgetRecentFile: (path) => invoke(CHANNELS.forgetRecentFile, path),
  pendingFiles: () => invoke(CHANNELS.pendingFiles),
  onOpenFile: (listener) => subscribe<OpenedFile>(FILE_OPENED_CHANNEL, listener),
  pathForFile: (file) => webUtils.getPathForFile(file) || null,
  setDocumentState: (state) => invoke(CHANNELS.setDocumentState, state),
  writeBackup: (request) => invoke(CHANNELS.writeBackup, request),
  listBackups: (workshopId) => invoke(CHANNELS.listBackups, { workshopId }),
  readBackup: (request) => invoke(CHANNELS.readBackup, request),
  onQuitRequested: (listener) => subscribe<void>(QUIT_REQUESTED_CHANNEL, () => listener()),
  quitReady: () => invoke(CHANNELS.quitReady),
  // The LAN room (shared/room/contract.ts); main parses every payload.
  roomInterfaces: () => invoke(ROOM_CHANNELS.interfaces),
  openRoom: (request) => invoke(ROOM_CHANNELS.open, request),
  closeRoom: () => invoke(ROOM_CHANNELS.close),
  admitGuest: (request) => invoke(ROOM_CHANNELS.admit, request),
  denyGuest: (request) => invoke(ROOM_CHANNELS.deny, request),
  removeSeat: (request) => invoke(ROOM_CHANNELS.remove, request),
  browseRooms: () => invoke(ROOM_CHANNELS.browse),
  stopBrowsing: () => invoke(ROOM_CHANNELS.stopBrowsing),
  checkRoom: (target) => invoke(ROOM_CHANNELS.check, target),
  joinRoom: (request) => invoke(ROOM_CHANNELS.join, request),
  leaveRoom: () => invoke(ROOM_CHANNELS.leave),
  roomSocketOpen: () => invoke(ROOM_CHANNELS.socketOpen),
  roomSocketSend: (request) => invoke(ROOM_CHANNELS.socketSend, request),
  roomSocketClose: (request) => invoke(ROOM_CHANNELS.socketClose, request),
  roomState: () => invoke(ROOM_CHANNELS.state),
  onRoomEvent: (listener) => subscribe<RoomEvent>(ROOM_EVENT_CHANNEL, listener),
} satisfies PactoBridge & RoomBridge;

contextBridge.exposeInMainWorld('pacto', api);
