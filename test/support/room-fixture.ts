/**
 * Helpers for the room tests and the LAN bench: a Yjs client that speaks
 * y-protocols' sync and awareness messages over any byte transport (what the
 * renderer's y-websocket provider does over the room socket, including its
 * permission-denied messages), a loopback TCP
 * proxy that can capture, cut or silence the traffic (a laptop dropping off
 * the Wi-Fi), and a wait-for-condition loop.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** A Yjs document synced over `send`; feed it what arrives with `receive`. */
export interface SyncClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Call when the transport opens: sends sync step 1 and the local presence. */
  opened(send: (bytes: Uint8Array) => void): void;
  receive(bytes: Uint8Array): void;
  /** Call when the transport closes (edits stay local until the next `opened`). */
  closed(): void;
  /** True once sync step 2 from the other side has been applied. */
  synced(): boolean;
  /** The reasons of every permission-denied message (y-protocols auth) received, oldest first. */
  readonly denied: string[];
  destroy(): void;
}

/** Makes a sync client on `doc` (a new one by default). */
export function createSyncClient(doc: Y.Doc = new Y.Doc()): SyncClient {
  const awareness = new awarenessProtocol.Awareness(doc);
  let send: ((bytes: Uint8Array) => void) | null = null;
  let isSynced = false;
  const denied: string[] = [];
  const self = {};
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === self || send === null) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeUpdate(encoder, update);
    send(encoding.toUint8Array(encoder));
  });
  awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === self || send === null) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [...added, ...updated, ...removed]));
    send(encoding.toUint8Array(encoder));
  });
  return {
    doc,
    awareness,
    opened(next) {
      send = next;
      isSynced = false;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeSyncStep1(encoder, doc);
      next(encoding.toUint8Array(encoder));
      if (awareness.getLocalState() !== null) {
        const presence = encoding.createEncoder();
        encoding.writeVarUint(presence, 1);
        encoding.writeVarUint8Array(presence, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
        next(encoding.toUint8Array(presence));
      }
    },
    receive(bytes) {
      const decoder = decoding.createDecoder(bytes);
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, self);
        if (syncType === syncProtocol.messageYjsSyncStep2) isSynced = true;
        if (encoding.length(encoder) > 1 && send) send(encoding.toUint8Array(encoder));
      } else if (type === 1) {
        awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), self);
      } else if (type === 2) {
        authProtocol.readAuthMessage(decoder, doc, (_doc: unknown, reason: string) => denied.push(reason));
      }
    },
    closed() {
      send = null;
      isSynced = false;
    },
    synced: () => isSynced,
    denied,
    destroy() {
      send = null;
      awareness.destroy();
      doc.destroy();
    },
  };
}

/** A loopback TCP proxy in front of `port`: all bytes pass through `captured`; `cut` closes every connection, `silence` stops forwarding. */
export interface LoopbackProxy {
  readonly port: number;
  /** Every byte seen, both directions. */
  captured(): Buffer;
  /** Closes every connection now (a laptop drops off). */
  cut(): void;
  /** Stops forwarding while keeping connections open (Wi-Fi off: no close event), or resumes. */
  silence(on: boolean): void;
  /** Refuses new connections while on (the host is out of reach). */
  block(on: boolean): void;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 to 127.0.0.1:`targetPort`. */
export async function startLoopbackProxy(targetPort: number): Promise<LoopbackProxy> {
  const chunks: Buffer[] = [];
  const pairs = new Set<[Socket, Socket]>();
  let silent = false;
  let blocked = false;
  const server: Server = createServer((client) => {
    if (blocked) {
      client.destroy();
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const pipe = (from: Socket, to: Socket) => {
      from.on('data', (data: Buffer) => {
        if (silent) return;
        chunks.push(Buffer.from(data));
        to.write(data);
      });
      from.on('close', () => {
        pairs.delete(pair);
        to.destroy();
      });
      from.on('error', () => to.destroy());
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const cut = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
    pairs.clear();
  };
  return {
    port,
    captured: () => Buffer.concat(chunks),
    cut,
    silence(on) {
      silent = on;
    },
    block(on) {
      blocked = on;
    },
    close() {
      cut();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Waits until `condition()` holds, checking every 10 ms, for at most `timeoutMs` (then throws with `what`). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
