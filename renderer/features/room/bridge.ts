/**
 * Where the room screens find the {@link RoomBridge}: the preload's
 * `window.pacto` (or the browser platform) once it implements the room
 * contract, or a bridge a test harness injects as `window.pactoRoomBridge`
 * in a plain browser (honoured only when there is no Electron preload, the
 * way `pactoBrowserPrinter` is). `null` when neither offers rooms: the room
 * screens then say rooms are unavailable instead of failing.
 */
import type { PactoBridge } from '../../../shared/bridge/contract';
import type { RoomBridge } from '../../../shared/room/contract';
import { platform } from '../../platform';

declare global {
  interface Window {
    /** Set by a test harness in a plain browser: the room bridge to use instead of the platform's. */
    pactoRoomBridge?: RoomBridge;
  }
}

/** Whether `bridge` implements the room half of the contract. */
function hasRooms(bridge: Partial<RoomBridge>): bridge is RoomBridge {
  return typeof bridge.roomInterfaces === 'function' && typeof bridge.onRoomEvent === 'function';
}

/** The room bridge in use, or null when this build offers no rooms. */
export function roomBridge(): RoomBridge | null {
  const preload = (window as unknown as { pacto?: PactoBridge }).pacto;
  if (!preload && window.pactoRoomBridge) return window.pactoRoomBridge;
  const bridge = platform() as PactoBridge & Partial<RoomBridge>;
  return hasRooms(bridge) ? bridge : null;
}
