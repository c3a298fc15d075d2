/**
 * The room host: an HTTPS server (the room's self-signed certificate, see
 * `certificate.ts`) bound to the one address the facilitator picked, never
 * to all interfaces, carrying two WebSocket paths (`wire.ts`):
 * - the control socket: a guest presents the code's secret, is checked
 *   (protocol, app and schema version, workshop lineage), waits for the
 *   facilitator, gets a seat token, and answers the host's app-level ping
 *   (a laptop that stops answering is marked gone and its presence cleared);
 * - the sync socket: an admitted seat's y-protocols traffic, relayed by the
 *   room document (`room-doc.ts`); a projector seat is read-only, and what
 *   a seat may not change (facilitator-only parts, locked sections) is
 *   taken back, checked against the identity it was admitted with.
 * The host's own window joins through {@link RoomHost.openLocalConn}, in
 * memory. It runs only while the room is open: {@link RoomHost.close}
 * tells every guest `room-closed` and stops listening.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { err, ok, type AppError, type Result } from '../../../shared/domain/result';
import {
  ROOM_PROTOCOL_VERSION,
  type JoinRequest,
  type OpenRoomRequest,
  type RoomErrorCode,
  type RoomInfo,
  type RoomSeat,
  type HostedRoom,
  type SeatIdentity,
} from '../../../shared/room/contract';
import { makeJoinCode, makeJoinUrl, makeLongJoinCode, newJoinSecret, normalizeCrockford, parseJoinCode, secretsEqual } from '../../../shared/room/join-code';
import { createRoomCertificate, type RoomCertificate } from './certificate';
import { createAttemptLedger, type AttemptLedger } from './attempts';
import { createRoomDoc, type RoomConn, type RoomDoc } from './room-doc';
import type { RoomLogger, RoomTimers } from './timers';
import {
  CLOSE_BAD_MESSAGE,
  CLOSE_REFUSED,
  CLOSE_REMOVED,
  CLOSE_ROOM_CLOSED,
  CLOSE_SILENT,
  CLOSE_VANISHED,
  CONTROL_PATH,
  MAX_CONTROL_PAYLOAD,
  MAX_SYNC_PAYLOAD,
  SEAT_HEADER,
  SYNC_PATH,
  TOKEN_HEADER,
  guestMessageSchema,
  parseMessage,
  type HostMessage,
} from './wire';

/** The port a room tries first (easy to type); another free one when it is taken. */
export const DEFAULT_ROOM_PORT = 47_913;

/** Timings of the host, in milliseconds. */
export interface HostTimings {
  /** A control socket must say what it wants within this. */
  helloTimeoutMs: number;
  /** The host pings every seat this often… */
  pingIntervalMs: number;
  /** …and a seat silent for this long is gone. */
  pingTimeoutMs: number;
}

export const DEFAULT_HOST_TIMINGS: HostTimings = { helloTimeoutMs: 10_000, pingIntervalMs: 3_000, pingTimeoutMs: 10_000 };

/** What the host needs. */
export interface HostDeps {
  timers: RoomTimers;
  log: RoomLogger;
  randomBytes(length: number): Uint8Array;
  /** This build's version (`app.getVersion()`); guests with another are refused. */
  appVersion: string;
  /** Called after every change of {@link RoomHost.view}. */
  onChange(): void;
  /** Makes the certificate (tests may reuse one; default a new one per room). */
  createCertificate?: (address: string) => RoomCertificate;
  timings?: Partial<HostTimings>;
}

/** Where to listen. */
export interface HostListen {
  address: string;
  interfaceName: string;
  /** Port to try first; 0 for any free one. Default {@link DEFAULT_ROOM_PORT}. */
  port?: number;
}

/** The host's own window's connection to the room document. */
export interface LocalConn {
  send(bytes: Uint8Array): void;
  close(): void;
}

/** A running room. */
export interface RoomHost {
  readonly address: string;
  readonly port: number;
  readonly fingerprint: string;
  /** The short code people type. */
  readonly code: string;
  /** The long code the join link carries. */
  readonly longCode: string;
  readonly joinUrl: string;
  readonly workshopId: string;
  /** The room as the facilitator's window shows it (without discovery, which the feature adds). */
  view(): Omit<HostedRoom, 'discovery'>;
  admit(seatId: string, readOnly: boolean): Result<void>;
  deny(seatId: string): Result<void>;
  remove(seatId: string): Result<void>;
  /** Connects the host's own window to the room document; `message`/`close` go back to it. */
  openLocalConn(handlers: { message(bytes: Uint8Array): void; close(code: number, reason: string): void }): LocalConn;
  /** Tells every guest `room-closed`, closes every socket and stops listening. */
  close(): Promise<void>;
  /** The room document (tests and the bench read it). */
  readonly roomDoc: RoomDoc;
}

interface Seat {
  seatId: string;
  identity: SeatIdentity;
  remoteAddress: string;
  requestedAt: number;
  state: 'waiting' | 'admitted';
  readOnly: boolean;
  token: string | null;
  control: WebSocket | null;
  sync: Set<RoomConn>;
  lastSeenAt: number;
}

function roomError(code: RoomErrorCode, message: string): AppError {
  return { code, message };
}

/** `::ffff:192.168.1.23` → `192.168.1.23`. */
export function plainAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function listen(server: Server, address: string, port: number): Promise<Result<number>> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') resolve(err(roomError('address-in-use', `Port ${port} on ${address} is in use.`)));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'EINVAL')
        resolve(err(roomError('no-interface', `This computer has no network address ${address} now.`)));
      else resolve(err(roomError('io', `The room could not listen on ${address}:${port} (${error.code ?? error.message}).`)));
    };
    const onListening = () => {
      server.off('error', onError);
      const bound = server.address();
      resolve(ok(typeof bound === 'object' && bound !== null ? bound.port : port));
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ host: address, port, exclusive: true });
  });
}

function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/**
 * Opens a room: makes its certificate and code, listens on `where.address`
 * (the default port, or any free one when that is taken). Errors:
 * `no-interface` (the address is not this computer's), `address-in-use`, `io`.
 */
export async function startRoomHost(request: OpenRoomRequest, where: HostListen, deps: HostDeps): Promise<Result<RoomHost>> {
  const timings = { ...DEFAULT_HOST_TIMINGS, ...deps.timings };
  const { timers, log } = deps;
  const certificate = (deps.createCertificate ?? createRoomCertificate)(where.address);
  const secret = newJoinSecret(deps.randomBytes);
  const code = makeJoinCode(certificate.fingerprint, secret);
  const longCode = makeLongJoinCode(certificate.fingerprint, secret);
  const info: RoomInfo = {
    workshopId: request.workshopId,
    workshopTitle: request.workshopTitle,
    schemaVersion: request.schemaVersion,
    originMark: request.originMark,
    appVersion: deps.appVersion,
    participants: request.participants,
  };
  const seats = new Map<string, Seat>();
  const ledger: AttemptLedger = createAttemptLedger();
  const roomDoc = createRoomDoc((line) => log.warn(line));
  const sockets = new Set<Socket>();
  let closing = false;

  const server = createServer({ key: certificate.keyPem, cert: certificate.certPem, minVersion: 'TLSv1.2', handshakeTimeout: timings.helloTimeoutMs });
  server.maxConnections = 256;
  server.headersTimeout = timings.helloTimeoutMs;
  server.requestTimeout = timings.helloTimeoutMs;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', (error, socket) => {
    log.info(`a TLS connection from ${plainAddress(socket.remoteAddress)} failed (${error.message})`);
  });
  server.on('request', (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Pacto room: nothing here.\n');
  });

  const controlServer = new WebSocketServer({ noServer: true, maxPayload: MAX_CONTROL_PAYLOAD, perMessageDeflate: false });
  const syncServer = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_PAYLOAD, perMessageDeflate: false });

  const changed = () => {
    if (!closing) deps.onChange();
  };

  const send = (ws: WebSocket, message: HostMessage) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
  };

  const refuse = (ws: WebSocket, code: RoomErrorCode, message: string, closeCode = CLOSE_REFUSED) => {
    send(ws, { type: 'refused', code, message });
    ws.close(closeCode, code);
  };

  const dropSync = (seat: Seat, code: number, reason: string) => {
    for (const conn of [...seat.sync]) roomDoc.drop(conn, code, reason);
    seat.sync.clear();
  };

  /** The door: the address is not locked out, and the secret is the room's. Logs and counts a wrong one. */
  const passDoor = (ws: WebSocket, remoteAddress: string, presented: string): boolean => {
    const now = timers.now();
    const verdict = ledger.check(remoteAddress, now);
    if (!verdict.allowed) {
      log.warn(`refused ${remoteAddress}: too many wrong codes (locked until ${new Date(verdict.retryAt).toISOString()})`);
      refuse(ws, 'too-many-attempts', `Too many wrong codes from ${remoteAddress}; try again after ${new Date(verdict.retryAt).toISOString()}.`);
      return false;
    }
    const normalized = normalizeCrockford(presented);
    if (normalized === null || !secretsEqual(normalized, secret)) {
      const count = ledger.wrong(remoteAddress, now);
      log.warn(`wrong code from ${remoteAddress} (${count} wrong so far)`);
      refuse(ws, 'bad-code', 'The code is not this room’s.');
      changed();
      return false;
    }
    ledger.right(remoteAddress);
    return true;
  };

  const onControl = (ws: WebSocket, req: IncomingMessage) => {
    const remoteAddress = plainAddress(req.socket.remoteAddress);
    let seat: Seat | null = null;
    let spoken = false;
    const silence = timers.setTimeout(() => {
      if (!spoken) {
        log.info(`closed a silent connection from ${remoteAddress}`);
        ws.close(CLOSE_SILENT, 'silent');
      }
    }, timings.helloTimeoutMs);

    ws.on('error', (error) => log.info(`control socket of ${remoteAddress}: ${error.message}`));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const message = parseMessage(guestMessageSchema, data, isBinary);
      if (message === null) {
        log.warn(`a control message from ${remoteAddress} is not a room message; closed`);
        refuse(ws, 'protocol-mismatch', 'Not a Pacto room message.', CLOSE_BAD_MESSAGE);
        return;
      }
      if (seat) seat.lastSeenAt = timers.now();
      if (message.type === 'ping') return send(ws, { type: 'pong', at: message.at });
      if (message.type === 'pong') return;
      if (message.type === 'leave') {
        if (seat) {
          log.info(`${seat.identity.name} (${remoteAddress}) left the room`);
          dropSync(seat, 1000, 'left');
          seats.delete(seat.seatId);
          seat = null;
          changed();
        }
        ws.close(1000, 'left');
        return;
      }
      if (spoken) {
        refuse(ws, 'protocol-mismatch', 'This control socket has already said what it wants.', CLOSE_BAD_MESSAGE);
        return;
      }
      spoken = true;
      timers.clearTimeout(silence);
      if (message.protocol !== ROOM_PROTOCOL_VERSION) {
        refuse(ws, 'protocol-mismatch', `The room speaks room protocol ${ROOM_PROTOCOL_VERSION}, this guest ${message.protocol}.`);
        return;
      }
      if (message.type === 'check') {
        if (!passDoor(ws, remoteAddress, message.secret)) return;
        send(ws, { type: 'info', info });
        ws.close(1000, 'checked');
        return;
      }
      if (message.type === 'resume') {
        const known = seats.get(message.seatId);
        if (!known || known.state !== 'admitted' || known.token === null || !tokensEqual(known.token, message.token)) {
          refuse(ws, 'removed', 'This seat is no longer in the room.');
          return;
        }
        if (known.control && known.control !== ws) known.control.close(CLOSE_VANISHED, 'replaced');
        known.control = ws;
        known.lastSeenAt = timers.now();
        known.remoteAddress = remoteAddress;
        seat = known;
        send(ws, { type: 'resumed', seatId: known.seatId, readOnly: known.readOnly, info });
        log.info(`${known.identity.name} (${remoteAddress}) is back`);
        changed();
        return;
      }
      // join
      if (!passDoor(ws, remoteAddress, message.secret)) return;
      if (message.appVersion !== deps.appVersion) {
        refuse(ws, 'app-version-mismatch', `The room runs Pacto ${deps.appVersion}; this laptop has ${message.appVersion}.`);
        return;
      }
      if (message.schemaVersion !== request.schemaVersion) {
        refuse(ws, 'schema-mismatch', `The room's workshop has layout version ${request.schemaVersion}; this laptop's ${message.schemaVersion}.`);
        return;
      }
      if (message.localOriginMark !== null && message.localOriginMark !== request.originMark) {
        refuse(ws, 'diverged', 'This laptop holds another copy of this workshop (another origin); open the room’s as a separate copy.');
        return;
      }
      const seatId = hex(deps.randomBytes(8));
      // A guest is never the room's facilitator, whatever it says.
      const identity: SeatIdentity = { ...message.identity, role: message.identity.role === 'facilitator' ? 'participant' : message.identity.role };
      seat = {
        seatId,
        identity,
        remoteAddress,
        requestedAt: timers.now(),
        state: 'waiting',
        readOnly: false,
        token: null,
        control: ws,
        sync: new Set(),
        lastSeenAt: timers.now(),
      };
      seats.set(seatId, seat);
      send(ws, { type: 'waiting', seatId, info });
      log.info(`${identity.name} (${remoteAddress}) asks to join`);
      changed();
    });
    ws.on('close', () => {
      timers.clearTimeout(silence);
      if (!seat || seat.control !== ws) return;
      seat.control = null;
      if (seat.state === 'waiting') {
        seats.delete(seat.seatId);
      } else {
        // Gone: its presence goes at once; the token stays so the laptop can come back.
        dropSync(seat, CLOSE_VANISHED, 'control closed');
      }
      changed();
    });
  };

  const onSync = (ws: WebSocket, seat: Seat) => {
    const conn: RoomConn = {
      send: (bytes) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(bytes);
      },
      close: (code, reason) => ws.close(code, reason),
    };
    seat.sync.add(conn);
    ws.on('error', (error) => log.info(`sync socket of ${seat.identity.name}: ${error.message}`));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        log.warn(`a text frame on ${seat.identity.name}'s sync socket; closed`);
        roomDoc.drop(conn, CLOSE_BAD_MESSAGE, 'bad message');
        return;
      }
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      roomDoc.receive(conn, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
    ws.on('close', () => {
      seat.sync.delete(conn);
      roomDoc.forget(conn);
    });
    const { role, participantId, deviceId, team } = seat.identity;
    roomDoc.open(conn, { readOnly: seat.readOnly, label: `${seat.identity.name} (${seat.remoteAddress})`, writer: { role, participantId, deviceId, team } });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    const reject = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (closing) return reject('503 Service Unavailable');
    if (path === CONTROL_PATH) {
      controlServer.handleUpgrade(req, socket, head, (ws) => onControl(ws, req));
      return;
    }
    if (path === SYNC_PATH) {
      const seatId = String(req.headers[SEAT_HEADER] ?? '');
      const token = String(req.headers[TOKEN_HEADER] ?? '');
      const seat = seats.get(seatId);
      if (!seat || seat.state !== 'admitted' || seat.token === null || !tokensEqual(seat.token, token)) {
        log.warn(`refused a sync socket from ${plainAddress(req.socket.remoteAddress)} without a valid seat`);
        return reject('401 Unauthorized');
      }
      syncServer.handleUpgrade(req, socket, head, (ws) => onSync(ws, seat));
      return;
    }
    reject('404 Not Found');
  });

  const preferred = where.port ?? DEFAULT_ROOM_PORT;
  let listened = await listen(server, where.address, preferred);
  if (!listened.ok && listened.error.code === 'address-in-use' && preferred !== 0) listened = await listen(server, where.address, 0);
  if (!listened.ok) {
    roomDoc.destroy(1001, 'not opened');
    return listened;
  }
  const port = listened.value;
  log.info(`room open on ${where.address}:${port} (${where.interfaceName})`);

  const pinger = timers.setInterval(() => {
    const now = timers.now();
    for (const seat of seats.values()) {
      if (!seat.control) continue;
      if (now - seat.lastSeenAt > timings.pingTimeoutMs) {
        log.info(`${seat.identity.name} (${seat.remoteAddress}) stopped answering; marked gone`);
        seat.control.terminate();
        continue;
      }
      send(seat.control, { type: 'ping', at: now });
    }
  }, timings.pingIntervalMs);

  const joinUrl = makeJoinUrl({ address: where.address, port, code: longCode });
  const asRequest = (seat: Seat): JoinRequest => ({
    seatId: seat.seatId,
    identity: seat.identity,
    remoteAddress: seat.remoteAddress,
    requestedAt: seat.requestedAt,
  });

  const host: RoomHost = {
    address: where.address,
    port,
    fingerprint: certificate.fingerprint,
    code,
    longCode,
    joinUrl,
    workshopId: request.workshopId,
    roomDoc,
    view() {
      const all = [...seats.values()];
      return {
        role: 'host',
        workshopId: request.workshopId,
        address: where.address,
        port,
        interfaceName: where.interfaceName,
        code,
        joinUrl,
        fingerprint: certificate.fingerprint,
        waiting: all.filter((seat) => seat.state === 'waiting').map(asRequest),
        seats: all
          .filter((seat) => seat.state === 'admitted')
          .map((seat): RoomSeat => ({ ...asRequest(seat), connected: seat.control !== null, lastSeenAt: seat.lastSeenAt })),
        refusedAttempts: ledger.recent(),
      };
    },
    admit(seatId, readOnly) {
      const seat = seats.get(seatId);
      if (!seat || seat.state !== 'waiting' || !seat.control) return err(roomError('no-room', `No one with request ${seatId} is waiting.`));
      seat.state = 'admitted';
      seat.readOnly = readOnly || seat.identity.role === 'projector';
      seat.token = hex(deps.randomBytes(32));
      seat.lastSeenAt = timers.now();
      send(seat.control, { type: 'admitted', seatId, token: seat.token, readOnly: seat.readOnly });
      log.info(`admitted ${seat.identity.name} (${seat.remoteAddress})${seat.readOnly ? ' read-only' : ''}`);
      changed();
      return ok(undefined);
    },
    deny(seatId) {
      const seat = seats.get(seatId);
      if (!seat || seat.state !== 'waiting') return err(roomError('no-room', `No one with request ${seatId} is waiting.`));
      seats.delete(seatId);
      if (seat.control) refuse(seat.control, 'denied', 'The facilitator did not admit this laptop.');
      log.info(`denied ${seat.identity.name} (${seat.remoteAddress})`);
      changed();
      return ok(undefined);
    },
    remove(seatId) {
      const seat = seats.get(seatId);
      if (!seat) return err(roomError('no-room', `No seat ${seatId} in the room.`));
      seats.delete(seatId);
      seat.token = null;
      dropSync(seat, CLOSE_REMOVED, 'removed');
      if (seat.control) refuse(seat.control, 'removed', 'The facilitator removed this laptop from the room.', CLOSE_REMOVED);
      log.info(`removed ${seat.identity.name} (${seat.remoteAddress})`);
      changed();
      return ok(undefined);
    },
    openLocalConn(handlers) {
      let open = true;
      const conn: RoomConn = {
        send: (bytes) => {
          if (open) handlers.message(bytes);
        },
        close: (closeCode, reason) => {
          if (!open) return;
          open = false;
          handlers.close(closeCode, reason);
        },
      };
      // The host's window is the facilitator's seat: its edit path checks locks itself, and it is the room's authority.
      roomDoc.open(conn, { readOnly: false, label: 'the host window', writer: null });
      return {
        send: (bytes) => {
          if (open) roomDoc.receive(conn, bytes);
        },
        close: () => roomDoc.drop(conn, 1000, 'closed'),
      };
    },
    async close() {
      if (closing) return;
      closing = true;
      timers.clearInterval(pinger);
      for (const seat of seats.values()) if (seat.control) refuse(seat.control, 'room-closed', 'The facilitator closed the room.', CLOSE_ROOM_CLOSED);
      seats.clear();
      roomDoc.destroy(CLOSE_ROOM_CLOSED, 'room closed');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Sockets that do not finish their closing handshake promptly are cut.
        timers.setTimeout(() => {
          for (const socket of sockets) socket.destroy();
        }, 1_000);
        for (const client of [...controlServer.clients, ...syncServer.clients]) if (client.readyState === WebSocket.CLOSED) client.terminate();
      });
      controlServer.close();
      syncServer.close();
      log.info(`room on ${where.address}:${port} closed`);
    },
  };
  // The code must be parseable by guests (guards the join code's layout against drift).
  if (!parseJoinCode(code).ok || !parseJoinCode(longCode).ok) throw new Error('room: the join code does not parse');
  return ok(host);
}
