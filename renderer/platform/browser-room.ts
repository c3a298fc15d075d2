/**
 * The room half of the bridge for a plain browser (the e2e tests): the page
 * cannot host or reach a room itself (its CSP allows no network), so every
 * call goes to a harness the test gives the page, as Electron's preload
 * gives the real app main. The harness (`test/support/room-browser.ts`, in
 * front of the app's room module from `test/support/room-main.ts`) exposes
 * `pactoBrowserRoomCall(method, arg)` (playwright's `exposeBinding`) and
 * delivers {@link RoomEvent}s by calling `pactoBrowserRoomDeliver(event)`.
 * Bytes cross as base64 (bindings carry JSON). Without a harness every call
 * answers `unsupported`: rooms need the desktop app.
 */
import { err, type Result } from '../../shared/domain/result';
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';

/** A room event as the harness sends it: socket bytes as base64. */
export type WireRoomEvent = Exclude<RoomEvent, { type: 'socket-message' }> | { type: 'socket-message'; socketId: number; base64: string };

declare global {
  interface Window {
    /** Set by the end-to-end harness: runs room bridge method `method` for this page (socket bytes as `base64`) and returns its Result. */
    pactoBrowserRoomCall?: (method: string, arg: unknown) => Promise<unknown>;
    /** Installed by this module for the harness: delivers one room event to the page. */
    pactoBrowserRoomDeliver?: (event: WireRoomEvent) => void;
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const listeners = new Set<(event: RoomEvent) => void>();

function deliver(event: WireRoomEvent): void {
  const e: RoomEvent = event.type === 'socket-message' ? { type: 'socket-message', socketId: event.socketId, bytes: fromBase64(event.base64) } : event;
  for (const listener of [...listeners]) listener(e);
}

if (typeof window !== 'undefined') window.pactoBrowserRoomDeliver = deliver;

async function call<T>(method: keyof RoomBridge, arg?: unknown): Promise<Result<T>> {
  const harness = typeof window !== 'undefined' ? window.pactoBrowserRoomCall : undefined;
  if (!harness) return err({ code: 'unsupported', message: 'Rooms need the Pacto desktop app.' });
  try {
    return (await harness(method, arg ?? null)) as Result<T>;
  } catch (e) {
    return err({ code: 'io', message: e instanceof Error ? e.message : String(e) });
  }
}

/** The browser implementation of {@link RoomBridge}. */
export const browserRoom: RoomBridge = {
  roomInterfaces: () => call('roomInterfaces'),
  openRoom: (request) => call('openRoom', request),
  closeRoom: () => call('closeRoom'),
  admitGuest: (request) => call('admitGuest', request),
  denyGuest: (request) => call('denyGuest', request),
  removeSeat: (request) => call('removeSeat', request),
  browseRooms: () => call('browseRooms'),
  stopBrowsing: () => call('stopBrowsing'),
  checkRoom: (target) => call('checkRoom', target),
  joinRoom: (request) => call('joinRoom', request),
  leaveRoom: () => call('leaveRoom'),
  roomSocketOpen: () => call('roomSocketOpen'),
  roomSocketSend: (request) => call('roomSocketSend', { socketId: request.socketId, base64: toBase64(request.bytes) }),
  roomSocketClose: (request) => call('roomSocketClose', request),
  roomState: () => call('roomState'),
  onRoomEvent(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
