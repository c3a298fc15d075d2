/**
 * Whether this app can open or join rooms: the Electron preload exposes the
 * room bridge, or (in a plain browser) a test harness stands behind the
 * browser room bridge (`platform/browser-room.ts`). Without either, the room
 * buttons stay hidden instead of offering something that can only fail.
 */

/** True when a room bridge with something behind it is present. */
export function roomsAvailable(): boolean {
  const pacto = (window as unknown as { pacto?: { roomSocketOpen?: unknown } }).pacto;
  return typeof pacto?.roomSocketOpen === 'function' || typeof window.pactoBrowserRoomCall === 'function';
}
