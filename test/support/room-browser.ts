/**
 * Gives a browser page (one laptop in an e2e test) its room bridge, as
 * Electron's preload gives the app main's: the page's browser platform
 * (`renderer/platform/browser-room.ts`) calls `pactoBrowserRoomCall(method,
 * arg)`, which runs `bridge` here in Node, and the bridge's events reach the
 * page through `pactoBrowserRoomDeliver`, in order. Socket bytes cross as
 * base64. Call before the page loads the app.
 */
import type { Page } from 'playwright-core';
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';

type WireEvent = Exclude<RoomEvent, { type: 'socket-message' }> | { type: 'socket-message'; socketId: number; base64: string };

function toWire(event: RoomEvent): WireEvent {
  return event.type === 'socket-message' ? { type: 'socket-message', socketId: event.socketId, base64: Buffer.from(event.bytes).toString('base64') } : event;
}

/** Connects `page` to `bridge`; returns the function that disconnects it (events stop, calls fail). */
export async function connectPageToRoom(page: Page, bridge: RoomBridge): Promise<() => void> {
  let connected = true;
  // One chain per page keeps the events in the order the bridge sent them.
  let chain: Promise<unknown> = Promise.resolve();
  const stop = bridge.onRoomEvent((event) => {
    const wire = toWire(event);
    chain = chain
      .then(() => page.evaluate((e) => (window as unknown as { pactoBrowserRoomDeliver?: (e: unknown) => void }).pactoBrowserRoomDeliver?.(e), wire))
      // A page that is navigating or closed misses the event, as a window that reloads misses main's: it reads the state again.
      .catch(() => undefined);
  });
  await page.exposeBinding('pactoBrowserRoomCall', async (_source, method: string, arg: unknown) => {
    if (!connected) return { ok: false, error: { code: 'io', message: 'The test disconnected this page from its room bridge' } };
    const call = (bridge as unknown as Record<string, (a?: unknown) => Promise<unknown>>)[method];
    if (typeof call !== 'function' || method === 'onRoomEvent') return { ok: false, error: { code: 'invalid-payload', message: `No room method ${method}` } };
    if (method === 'roomSocketSend') {
      const { socketId, base64 } = arg as { socketId: number; base64: string };
      return call.call(bridge, { socketId, bytes: new Uint8Array(Buffer.from(base64, 'base64')) });
    }
    return arg === null ? call.call(bridge) : call.call(bridge, arg);
  });
  return () => {
    connected = false;
    stop();
  };
}
