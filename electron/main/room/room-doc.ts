/**
 * The host's copy of the room's workshop and its presence: a Y.Doc and an
 * Awareness that every seat's sync socket talks to with y-protocols' sync
 * and awareness messages (the same relay `@y/websocket-server`'s utils do,
 * kept per room, without its module-wide document map and its static
 * LevelDB import). Two things are the room's own: a read-only seat's sync
 * step 2 and update messages are dropped (the projector watches), and a
 * message that does not decode closes that one connection (logged), never
 * the room.
 *
 * The host's own renderer joins like any seat, so the document here holds
 * the facilitator's workshop as soon as its window syncs; nothing is
 * persisted here (each laptop keeps its own copy in IndexedDB).
 */
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

/** One end of a sync socket, as the room document sees it. */
export interface RoomConn {
  /** Sends one binary message; must not throw once closed. */
  send(bytes: Uint8Array): void;
  /** Closes the socket (the document forgets the connection first). */
  close(code: number, reason: string): void;
}

/** A sync connection's options. */
export interface RoomConnOptions {
  /** The projector: its document updates are dropped. */
  readOnly: boolean;
  /** For logs: which seat. */
  label: string;
}

/** The room's document and presence. */
export interface RoomDoc {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Adds a connection and sends it sync step 1 and the presence of everyone. */
  open(conn: RoomConn, options: RoomConnOptions): void;
  /** Handles one binary message from `conn`. */
  receive(conn: RoomConn, bytes: Uint8Array): void;
  /** Forgets `conn` (its presence is removed at once) without closing it; for a socket that has closed. */
  forget(conn: RoomConn): void;
  /** Forgets and closes `conn`. */
  drop(conn: RoomConn, code: number, reason: string): void;
  /** Connections now. */
  connections(): number;
  /** Closes every connection and frees the document. */
  destroy(code: number, reason: string): void;
}

interface ConnState {
  options: RoomConnOptions;
  /** Awareness client ids this connection controls. */
  clients: Set<number>;
}

/** Makes the room's document. `log` receives a line per dropped connection. */
export function createRoomDoc(log: (line: string) => void): RoomDoc {
  // gc on: the room keeps no snapshots (utils' own advice: disable gc only when using snapshots).
  const doc = new Y.Doc({ gc: true });
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(null);
  const conns = new Map<RoomConn, ConnState>();

  const sendTo = (conn: RoomConn, bytes: Uint8Array): void => {
    try {
      conn.send(bytes);
    } catch (error) {
      log(`room: sending to ${conns.get(conn)?.options.label ?? 'a seat'} failed (${error instanceof Error ? error.message : String(error)}); dropped`);
      drop(conn, 1011, 'send failed');
    }
  };

  doc.on('update', (update: Uint8Array, origin: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of conns.keys()) if (conn !== origin) sendTo(conn, message);
  });

  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    const state = origin !== null && typeof origin === 'object' ? conns.get(origin as RoomConn) : undefined;
    if (state) {
      for (const id of added) state.clients.add(id);
      for (const id of removed) state.clients.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, changed));
    const message = encoding.toUint8Array(encoder);
    for (const conn of conns.keys()) sendTo(conn, message);
  });

  function forget(conn: RoomConn): void {
    const state = conns.get(conn);
    if (!state) return;
    conns.delete(conn);
    awarenessProtocol.removeAwarenessStates(awareness, [...state.clients], null);
  }

  function drop(conn: RoomConn, code: number, reason: string): void {
    forget(conn);
    try {
      conn.close(code, reason);
    } catch {
      // Already closed.
    }
  }

  return {
    doc,
    awareness,
    open(conn, options) {
      conns.set(conn, { options, clients: new Set() });
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, doc);
      sendTo(conn, encoding.toUint8Array(encoder));
      const states = awareness.getStates();
      if (states.size > 0) {
        const presence = encoding.createEncoder();
        encoding.writeVarUint(presence, MESSAGE_AWARENESS);
        encoding.writeVarUint8Array(presence, awarenessProtocol.encodeAwarenessUpdate(awareness, [...states.keys()]));
        sendTo(conn, encoding.toUint8Array(presence));
      }
    },
    receive(conn, bytes) {
      const state = conns.get(conn);
      if (!state) return;
      try {
        const decoder = decoding.createDecoder(bytes);
        const type = decoding.readVarUint(decoder);
        if (type === MESSAGE_SYNC) {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MESSAGE_SYNC);
          if (state.options.readOnly) {
            // The projector may ask for the document (step 1) but its own changes never enter it.
            const syncType = decoding.readVarUint(decoder);
            if (syncType !== syncProtocol.messageYjsSyncStep1) return;
            syncProtocol.readSyncStep1(decoder, encoder, doc);
          } else {
            syncProtocol.readSyncMessage(decoder, encoder, doc, conn, (error: Error) => {
              throw error;
            });
          }
          if (encoding.length(encoder) > 1) sendTo(conn, encoding.toUint8Array(encoder));
        } else if (type === MESSAGE_AWARENESS) {
          awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), conn);
        } else {
          throw new Error(`unknown message type ${type}`);
        }
      } catch (error) {
        log(`room: a message from ${state.options.label} does not decode (${error instanceof Error ? error.message : String(error)}); connection closed`);
        drop(conn, 4001, 'bad message');
      }
    },
    forget,
    drop,
    connections: () => conns.size,
    destroy(code, reason) {
      for (const conn of [...conns.keys()]) drop(conn, code, reason);
      awareness.destroy();
      doc.destroy();
    },
  };
}
