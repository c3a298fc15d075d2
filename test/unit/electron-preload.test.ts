// The preload runs only inside Electron; here `electron` is replaced by a
// recording fake (the one place where mocking Electron is unavoidable), so
// the test sees exactly what the preload exposes and which channels it uses.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CHANNELS,
  FILE_OPENED_CHANNEL,
  QUIT_REQUESTED_CHANNEL,
  MENU_COMMAND_CHANNEL,
  type ExportPdfRequest,
  type MenuCommand,
  type PactoBridge,
} from '../../shared/bridge/contract';
import { ROOM_CHANNELS, ROOM_EVENT_CHANNEL, type RoomBridge, type RoomEvent } from '../../shared/room/contract';
import { importGraph, REPO_ROOT } from '../support/import-graph';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
  };
});

vi.mock('electron', () => ({
  webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: fake.invoke,
    on: (channel: string, listener: Listener) => {
      const set = fake.listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      fake.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

let api: PactoBridge & RoomBridge;

beforeAll(async () => {
  await import('../../electron/preload/index');
  api = fake.exposed.get('pacto') as PactoBridge & RoomBridge;
});

function emitMenuCommand(command: MenuCommand): void {
  const fakeEvent = { sender: 'the ipcRenderer itself' };
  for (const listener of fake.listeners.get(MENU_COMMAND_CHANNEL) ?? []) listener(fakeEvent, command);
}

describe('preload', () => {
  it('exposes only window.pacto, with one method per channel plus the event subscriptions and pathForFile', () => {
    expect([...fake.exposed.keys()]).toEqual(['pacto']);
    const roomMethods = [
      'roomInterfaces',
      'openRoom',
      'closeRoom',
      'admitGuest',
      'denyGuest',
      'removeSeat',
      'browseRooms',
      'stopBrowsing',
      'checkRoom',
      'joinRoom',
      'leaveRoom',
      'roomSocketOpen',
      'roomSocketSend',
      'roomSocketClose',
      'roomState',
    ];
    expect(roomMethods).toHaveLength(Object.keys(ROOM_CHANNELS).length);
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(CHANNELS), ...roomMethods, 'onMenuCommand', 'onOpenFile', 'onQuitRequested', 'onRoomEvent', 'pathForFile'].sort(),
    );
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each channel of the contract with its payload', async () => {
    fake.invoke.mockResolvedValue({ ok: true, value: 'reply' });
    const request = { suggestedName: 'Acuerdo.pdf' } as ExportPdfRequest;
    await expect(api.exportPdf(request)).resolves.toEqual({ ok: true, value: 'reply' });
    await api.appInfo();
    await api.setLanguage('es');
    await api.paginatePdf(request.print);
    const file = { name: 'a.pdf', bytes: new Uint8Array([37, 80]) };
    await api.verifyPdf(file);
    await api.openExternal('https://example.com/');
    const image = { suggestedName: 'Embudo.png', mimeType: 'image/png' as const, data: new Uint8Array([137, 80]) };
    await api.saveFile(image);
    const save = { mode: 'save' as const, suggestedName: 'A.pacto', path: null, bytes: new Uint8Array([123]) };
    await api.openWorkshopFile({});
    await api.saveWorkshopFile(save);
    await api.recentFiles();
    await api.forgetRecentFile('/a/A.pacto');
    await api.pendingFiles();
    await api.setDocumentState({ path: null, edited: true });
    const backup = { workshopId: 'w', reason: 'quit' as const, summary: { title: 'A', terms: 1, stages: 2, versions: 0 }, bytes: new Uint8Array([1]) };
    await api.writeBackup(backup);
    await api.listBackups('w');
    await api.readBackup({ workshopId: 'w', id: 'b' });
    await api.quitReady();
    expect(fake.invoke.mock.calls).toEqual([
      [CHANNELS.exportPdf, request],
      [CHANNELS.appInfo],
      [CHANNELS.setLanguage, 'es'],
      [CHANNELS.paginatePdf, request.print],
      [CHANNELS.verifyPdf, file],
      [CHANNELS.openExternal, 'https://example.com/'],
      [CHANNELS.saveFile, image],
      [CHANNELS.openWorkshopFile, {}],
      [CHANNELS.saveWorkshopFile, save],
      [CHANNELS.recentFiles],
      [CHANNELS.forgetRecentFile, '/a/A.pacto'],
      [CHANNELS.pendingFiles],
      [CHANNELS.setDocumentState, { path: null, edited: true }],
      [CHANNELS.writeBackup, backup],
      [CHANNELS.listBackups, { workshopId: 'w' }],
      [CHANNELS.readBackup, { workshopId: 'w', id: 'b' }],
      [CHANNELS.quitReady],
    ]);
  });

  it('hands opened files and quit requests to the renderer without the IPC event, and gives a dropped file its path', () => {
    const opened: unknown[] = [];
    let quits = 0;
    const offOpen = api.onOpenFile((file) => opened.push(file));
    const offQuit = api.onQuitRequested(() => quits++);
    const file = { path: '/home/ana/A.pacto', name: 'A.pacto', bytes: new Uint8Array([1]) };
    for (const listener of fake.listeners.get(FILE_OPENED_CHANNEL) ?? []) listener({ sender: 'ipc' }, file);
    for (const listener of fake.listeners.get(QUIT_REQUESTED_CHANNEL) ?? []) listener({ sender: 'ipc' });
    expect(opened).toEqual([file]);
    expect(quits).toBe(1);
    offOpen();
    offQuit();
    expect(fake.listeners.get(FILE_OPENED_CHANNEL)?.size).toBe(0);
    expect(api.pathForFile({ path: '/home/ana/B.pacto' } as unknown as File)).toBe('/home/ana/B.pacto');
    expect(api.pathForFile({} as unknown as File)).toBeNull();
  });

  it('invokes each room channel with its payload and delivers room events without the IPC event', async () => {
    fake.invoke.mockClear();
    fake.invoke.mockResolvedValue({ ok: true, value: null });
    const target = { address: '192.168.1.5', port: 47913, code: 'K7QM-2XPA-9RTD-WF3H-8MNB' };
    const bytes = new Uint8Array([0, 0, 1]);
    await api.roomInterfaces();
    await api.checkRoom(target);
    await api.admitGuest({ seatId: 's1', readOnly: true });
    await api.roomSocketSend({ socketId: 3, bytes });
    await api.roomSocketClose({ socketId: 3 });
    await api.roomState();
    expect(fake.invoke.mock.calls).toEqual([
      [ROOM_CHANNELS.interfaces],
      [ROOM_CHANNELS.check, target],
      [ROOM_CHANNELS.admit, { seatId: 's1', readOnly: true }],
      [ROOM_CHANNELS.socketSend, { socketId: 3, bytes }],
      [ROOM_CHANNELS.socketClose, { socketId: 3 }],
      [ROOM_CHANNELS.state],
    ]);
    const events: unknown[][] = [];
    const off = api.onRoomEvent((...args) => events.push(args));
    const event: RoomEvent = { type: 'socket-message', socketId: 3, bytes };
    for (const listener of fake.listeners.get(ROOM_EVENT_CHANNEL) ?? []) listener({ sender: 'ipc' }, event);
    off();
    expect(events).toEqual([[event]]);
    expect(fake.listeners.get(ROOM_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('resolves with an error when the invocation itself fails', async () => {
    fake.invoke.mockRejectedValueOnce(new Error("No handler registered for 'pacto:app:info'"));
    await expect(api.appInfo()).resolves.toEqual({
      ok: false,
      error: { code: 'ipc', message: `${CHANNELS.appInfo}: No handler registered for 'pacto:app:info'` },
    });
  });

  it('delivers menu commands without the IPC event, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args) => received.push(args));
    emitMenuCommand('undo');
    emitMenuCommand('export-pdf');
    unsubscribe();
    emitMenuCommand('redo');
    expect(received).toEqual([['undo'], ['export-pdf']]);
    expect(fake.listeners.get(MENU_COMMAND_CHANNEL)?.size).toBe(0);
  });

  it('keeps separate subscriptions apart', () => {
    const first = vi.fn();
    const second = vi.fn();
    const unsubscribeFirst = api.onMenuCommand(first);
    const unsubscribeSecond = api.onMenuCommand(second);
    unsubscribeFirst();
    emitMenuCommand('about');
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith('about');
    unsubscribeSecond();
  });

  it('loads nothing but electron and the import-free channel modules at run time (a channel is declared once, in shared/)', () => {
    const { modules, packages } = importGraph('electron/preload/index.ts');
    expect([...packages]).toEqual(['electron']);
    expect([...modules].map((m) => m.slice(REPO_ROOT.length + 1)).sort()).toEqual([
      'electron/preload/index.ts',
      'shared/bridge/channels.ts',
      'shared/room/channels.ts',
    ]);
  });
});
