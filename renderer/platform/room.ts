/**
 * The renderer's way to the room host in main: the room methods of
 * `window.pacto` (the Electron preload) when it has them, or the browser
 * implementation (`browser-room.ts`, a test harness behind it) otherwise.
 * Only `data/room.ts` and `data/room-socket.ts` use it.
 */
import type { RoomBridge } from '../../shared/room/contract';
import { browserRoom } from './browser-room';

/** The room bridge in use. */
export function roomPlatform(): RoomBridge {
  const pacto = (window as unknown as { pacto?: Partial<RoomBridge> }).pacto;
  return pacto && typeof pacto.roomSocketOpen === 'function' ? (pacto as RoomBridge) : browserRoom;
}
