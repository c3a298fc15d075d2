/**
 * The main side of the bridge: one guarded handler per channel of
 * `CHANNELS`. Every handler checks that the call comes from the app's own
 * renderer (top frame, trusted URL), parses the payload with the shared zod
 * schema, and returns a `Result`; it never throws across IPC. The work
 * itself is injected, so this is tested with fake events.
 */
import { z } from 'zod';
import {
  CHANNELS,
  exportPdfRequestSchema,
  printOptionsSchema,
  setLanguageSchema,
  verifyPdfRequestSchema,
  externalUrlSchema,
  saveFileRequestSchema,
  openWorkshopFileRequestSchema,
  saveWorkshopFileRequestSchema,
  filePathSchema,
  documentStateSchema,
  writeBackupRequestSchema,
  listBackupsRequestSchema,
  readBackupRequestSchema,
  type AppInfo,
  type BackupEntry,
  type DocumentState,
  type OpenedFile,
  type OpenWorkshopFileRequest,
  type ReadBackupRequest,
  type RecentFile,
  type SavedFile,
  type SaveWorkshopFileRequest,
  type WriteBackupRequest,
  type ExportPdfRequest,
  type ExportPdfResult,
  type PdfPagination,
  type PdfVerdict,
  type PrintOptions,
  type SaveFileRequest,
  type SaveFileResult,
  type VerifyPdfRequest,
} from '../../shared/bridge/contract';
import type { Language } from '../../shared/domain/workshop';
import { err, type Result } from '../../shared/domain/result';
import { isTrustedUrl } from './security';
import {
  ROOM_CHANNELS,
  admitRequestSchema,
  joinRoomRequestSchema,
  openRoomRequestSchema,
  roomTargetSchema,
  seatRequestSchema,
  socketRequestSchema,
  socketSendRequestSchema,
} from '../../shared/room/contract';
import type { RoomBridgeImpl } from './room/feature';

/** The part of Electron's `WebFrameMain` the sender check reads. */
export interface SenderFrameLike {
  readonly url: string;
  /** `null` for a top frame. */
  readonly parent: unknown;
}

/** The part of Electron's `IpcMainInvokeEvent` the sender check reads. */
export interface InvokeEventLike {
  /** `null` when the frame has navigated away or been destroyed. */
  readonly senderFrame: SenderFrameLike | null;
}

/**
 * Whether an IPC call comes from the app's own renderer: a live top frame
 * whose URL is on `appOrigin` (see `isTrustedUrl`).
 */
export function isTrustedSender(event: InvokeEventLike, appOrigin: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url, appOrigin);
}

/** What each channel does once its call is checked and parsed. */
export interface BridgeImpl<E> {
  exportPdf(request: ExportPdfRequest, event: E): Promise<Result<ExportPdfResult>>;
  appInfo(): Result<AppInfo> | Promise<Result<AppInfo>>;
  setLanguage(language: Language): Result<void> | Promise<Result<void>>;
  paginatePdf(print: PrintOptions, event: E): Promise<Result<PdfPagination>>;
  verifyPdf(request: VerifyPdfRequest): Promise<Result<PdfVerdict>>;
  /** Opens a checked http(s)/mailto address outside Pacto (`shell.openExternal`). */
  openExternal(url: string): Promise<Result<void>>;
  /** Asks where to save a file the renderer made (funnel SVG/PNG) and writes it (`saveFile` in `./save-file`). */
  saveFile(request: SaveFileRequest, event: E): Promise<Result<SaveFileResult>>;
  /** Reads a `.pacto` file: the open dialog, or a given path (`workshop-files.ts`). */
  openWorkshopFile(request: OpenWorkshopFileRequest, event: E): Promise<Result<OpenedFile>>;
  /** Writes a `.pacto` file atomically where the user says (`workshop-files.ts`). */
  saveWorkshopFile(request: SaveWorkshopFileRequest, event: E): Promise<Result<SavedFile>>;
  recentFiles(): Result<RecentFile[]> | Promise<Result<RecentFile[]>>;
  forgetRecentFile(path: string): Result<RecentFile[]> | Promise<Result<RecentFile[]>>;
  /** The files the system asked to open before the renderer listened (`open-requests.ts`). */
  pendingFiles(): Promise<Result<OpenedFile[]>>;
  /** The window's represented file and edited mark. */
  setDocumentState(state: DocumentState, event: E): Result<void> | Promise<Result<void>>;
  /** Backups in userData (`backups.ts`). */
  writeBackup(request: WriteBackupRequest): Promise<Result<BackupEntry>>;
  listBackups(workshopId: string): Promise<Result<BackupEntry[]>>;
  readBackup(request: ReadBackupRequest): Promise<Result<Uint8Array>>;
  /** The renderer has backed up before closing (`close-guard.ts`). */
  quitReady(): Result<void> | Promise<Result<void>>;
}

/** The name of a channel in `CHANNELS` (`exportPdf` …), not its wire string. */
export type ChannelKey = keyof typeof CHANNELS;

/** A function for `ipcMain.handle(CHANNELS[key], …)`. Always resolves. */
export type IpcHandler<E> = (event: E, payload: unknown) => Promise<Result<unknown>>;

function guarded<E extends InvokeEventLike, T>(
  key: ChannelKey,
  appOrigin: string,
  schema: z.ZodType<T>,
  run: (payload: T, event: E) => Result<unknown> | Promise<Result<unknown>>,
): IpcHandler<E> {
  return guardedChannel(CHANNELS[key], appOrigin, schema, run);
}

/** The sender check, payload parse and error wrapping of one channel, by its wire name. */
function guardedChannel<E extends InvokeEventLike, T>(
  channel: string,
  appOrigin: string,
  schema: z.ZodType<T>,
  run: (payload: T, event: E) => Result<unknown> | Promise<Result<unknown>>,
): IpcHandler<E> {
  return async (event, payload) => {
    if (!isTrustedSender(event, appOrigin)) {
      return err({ code: 'forbidden', message: `${channel}: the call does not come from Pacto's own window.` });
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      return err({ code: 'invalid-payload', message: `${channel}: ${z.prettifyError(parsed.error)}` });
    }
    try {
      return await run(parsed.data, event);
    } catch (error) {
      return err({ code: 'internal', message: `${channel}: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
}

/**
 * One guarded handler per channel (the record's type makes a missing channel
 * a compile error).
 *
 * @param appOrigin the renderer's origin (`app://pacto`, or the dev server's)
 */
export function bridgeHandlers<E extends InvokeEventLike>(impl: BridgeImpl<E>, appOrigin: string): Record<ChannelKey, IpcHandler<E>> {
  return {
    exportPdf: guarded('exportPdf', appOrigin, exportPdfRequestSchema, (request, event: E) => impl.exportPdf(request, event)),
    appInfo: guarded('appInfo', appOrigin, z.undefined(), () => impl.appInfo()),
    setLanguage: guarded('setLanguage', appOrigin, setLanguageSchema, (language) => impl.setLanguage(language)),
    paginatePdf: guarded('paginatePdf', appOrigin, printOptionsSchema, (print, event: E) => impl.paginatePdf(print, event)),
    verifyPdf: guarded('verifyPdf', appOrigin, verifyPdfRequestSchema, (request) => impl.verifyPdf(request)),
    openExternal: guarded('openExternal', appOrigin, externalUrlSchema, (url) => impl.openExternal(url)),
    saveFile: guarded('saveFile', appOrigin, saveFileRequestSchema, (request, event: E) => impl.saveFile(request, event)),
    openWorkshopFile: guarded('openWorkshopFile', appOrigin, openWorkshopFileRequestSchema, (request, event: E) => impl.openWorkshopFile(request, event)),
    saveWorkshopFile: guarded('saveWorkshopFile', appOrigin, saveWorkshopFileRequestSchema, (request, event: E) => impl.saveWorkshopFile(request, event)),
    recentFiles: guarded('recentFiles', appOrigin, z.undefined(), () => impl.recentFiles()),
    forgetRecentFile: guarded('forgetRecentFile', appOrigin, filePathSchema, (path) => impl.forgetRecentFile(path)),
    pendingFiles: guarded('pendingFiles', appOrigin, z.undefined(), () => impl.pendingFiles()),
    setDocumentState: guarded('setDocumentState', appOrigin, documentStateSchema, (state, event: E) => impl.setDocumentState(state, event)),
    writeBackup: guarded('writeBackup', appOrigin, writeBackupRequestSchema, (request) => impl.writeBackup(request)),
    listBackups: guarded('listBackups', appOrigin, listBackupsRequestSchema, (request) => impl.listBackups(request.workshopId)),
    readBackup: guarded('readBackup', appOrigin, readBackupRequestSchema, (request) => impl.readBackup(request)),
    quitReady: guarded('quitReady', appOrigin, z.undefined(), () => impl.quitReady()),
  };
}

/** The name of a channel in `ROOM_CHANNELS` (`open`, `socketSend` …). */
export type RoomChannelKey = keyof typeof ROOM_CHANNELS;

/**
 * One guarded handler per room channel (`shared/room/contract.ts`), checked
 * and parsed like the others; the work is the room feature's
 * (`room/feature.ts`).
 */
export function roomHandlers<E extends InvokeEventLike>(impl: RoomBridgeImpl, appOrigin: string): Record<RoomChannelKey, IpcHandler<E>> {
  const none = z.undefined();
  const handler = <T>(key: RoomChannelKey, schema: z.ZodType<T>, run: (payload: T) => Result<unknown> | Promise<Result<unknown>>) =>
    guardedChannel<E, T>(ROOM_CHANNELS[key], appOrigin, schema, (payload) => run(payload));
  return {
    interfaces: handler('interfaces', none, () => impl.roomInterfaces()),
    open: handler('open', openRoomRequestSchema, (request) => impl.openRoom(request)),
    close: handler('close', none, () => impl.closeRoom()),
    admit: handler('admit', admitRequestSchema, (request) => impl.admitGuest(request)),
    deny: handler('deny', seatRequestSchema, (request) => impl.denyGuest(request)),
    remove: handler('remove', seatRequestSchema, (request) => impl.removeSeat(request)),
    browse: handler('browse', none, () => impl.browseRooms()),
    stopBrowsing: handler('stopBrowsing', none, () => impl.stopBrowsing()),
    state: handler('state', none, () => impl.roomState()),
    check: handler('check', roomTargetSchema, (target) => impl.checkRoom(target)),
    join: handler('join', joinRoomRequestSchema, (request) => impl.joinRoom(request)),
    leave: handler('leave', none, () => impl.leaveRoom()),
    socketOpen: handler('socketOpen', none, () => impl.roomSocketOpen()),
    socketSend: handler('socketSend', socketSendRequestSchema, (request) => impl.roomSocketSend(request)),
    socketClose: handler('socketClose', socketRequestSchema, (request) => impl.roomSocketClose(request)),
  };
}
