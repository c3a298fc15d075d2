/**
 * The room's IPC channel names, in a module of their own with no imports:
 * the sandboxed preload takes them from here (bundled into it), and
 * `contract.ts` re-exports them, so a channel is declared once.
 */

/** Invoke channels (renderer → main, with a reply). */
export const ROOM_CHANNELS = {
  interfaces: 'pacto:room:interfaces',
  open: 'pacto:room:open',
  close: 'pacto:room:close',
  admit: 'pacto:room:admit',
  deny: 'pacto:room:deny',
  remove: 'pacto:room:remove',
  browse: 'pacto:room:browse',
  stopBrowsing: 'pacto:room:stop-browsing',
  state: 'pacto:room:state',
  check: 'pacto:room:check',
  join: 'pacto:room:join',
  leave: 'pacto:room:leave',
  socketOpen: 'pacto:room:socket-open',
  socketSend: 'pacto:room:socket-send',
  socketClose: 'pacto:room:socket-close',
} as const;

/** Event channel main → renderer carrying a `RoomEvent`. */
export const ROOM_EVENT_CHANNEL = 'pacto:room:event';
