/**
 * The host's copy of the room's workshop and its presence: a Y.Doc and an
 * Awareness that every seat's sync socket talks to with y-protocols' sync
 * and awareness messages (the same relay `@y/websocket-server`'s utils do,
 * kept per room, without its module-wide document map and its static
 * LevelDB import). Three things are the room's own: a read-only seat's sync
 * step 2 and update messages are dropped (the projector watches); a seat's
 * change of what only the facilitator may change (the agenda, the timer,
 * reveals, votes, decisions, locks) or of a locked section is taken back
 * (`shared/facilitation/write-guard.ts`): everyone, the seat included,
 * receives the update and the host's restoring change as one sync update, and
 * the seat is told with y-protocols' own permission-denied message (auth,
 * type 2), whose reason the renderer shows; and a message that does not
 * decode closes that one connection (logged), never the room.
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
import * as authProtocol from 'y-protocols/auth';
import { applyGuardedUpdate, refusalReason, type UpdateWriter, type WriteRefusal } from '../../../shared/facilitation/write-guard';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;

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
  /** Who writes through this connection (the seat's admitted identity), checked by the write guard; null for the host's own window. */
  writer: UpdateWriter | null;
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

  const broadcast = (update: Uint8Array, except: unknown) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, update);
    const message = encoding.toUint8Array(encoder);
    for (const conn of conns.keys()) if (conn !== except) sendTo(conn, message);
  };
  /** While a seat's update is checked: the updates it causes, sent together afterwards. */
  let held: Uint8Array[] | null = null;
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (held) held.push(update);
    else broadcast(update, origin);
  });

  /** Applies a seat's document update through the write guard; tells the seat what was taken back. */
  const applyFrom = (conn: RoomConn, state: ConnState, update: Uint8Array) => {
    const updates: Uint8Array[] = [];
    held = updates;
    let refusal: WriteRefusal | null = null;
    try {
      refusal = applyGuardedUpdate(doc, update, conn, state.options.writer);
    } finally {
      held = null;
      // Refused: the seat gets the restoring change too (with its own update, which it ignores), so its copy rolls back.
      if (updates.length > 0) broadcast(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), refusal ? null : conn);
    }
    if (refusal) {
      log(`room: took back ${state.options.label}'s change of ${[...refusal.parts, ...refusal.sections.map((s) => `locked ${s}`)].join(', ')}`);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_AUTH);
      authProtocol.writePermissionDenied(encoder, refusalReason(refusal));
      sendTo(conn, encoding.toUint8Array(encoder));
    }
  };

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
          const syncType = decoding.readVarUint(decoder);
          if (syncType === syncProtocol.messageYjsSyncStep1) syncProtocol.readSyncStep1(decoder, encoder, doc);
          else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
            // The projector may ask for the document (step 1) but its own changes never enter it.
            if (state.options.readOnly) return;
            applyFrom(conn, state, decoding.readVarUint8Array(decoder));
          } else throw new Error(`unknown sync message type ${syncType}`);
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
