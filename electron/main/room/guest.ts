/**
 * The guest side, in main: it reaches a host on behalf of the renderer (whose
 * CSP allows no network). Every socket to the host is TLS pinned to the
 * fingerprint in the code: the HTTP upgrade request is held back until the
 * certificate the host presented hashes to the pinned fingerprint, so a
 * machine that is not the room learns nothing, not even the path.
 *
 * {@link checkRoom} presents the code and returns what the room offers.
 * {@link createGuestSession} asks to join, waits for the facilitator, keeps
 * the control socket (answers the host's pings; a host silent for too long is
 * taken as gone and the session reconnects with its seat token), and opens
 * sync sockets whose bytes the feature relays to the renderer unchanged.
 */
import type { TLSSocket } from 'node:tls';
import type { ClientRequest } from 'node:http';
import { WebSocket, type RawData } from 'ws';
import { err, ok, type AppError, type Result } from '../../../shared/domain/result';
import { ROOM_PROTOCOL_VERSION, type GuestRoom, type JoinRoomRequest, type RoomErrorCode, type RoomInfo, type RoomTarget } from '../../../shared/room/contract';
import { codePinsFingerprint, parseJoinCode, type ParsedJoinCode } from '../../../shared/room/join-code';
import { certificateFingerprint } from './certificate';
import type { RoomLogger, RoomTimers } from './timers';
import {
  CLOSE_REMOVED,
  CLOSE_ROOM_CLOSED,
  CONTROL_PATH,
  MAX_CONTROL_PAYLOAD,
  MAX_SYNC_PAYLOAD,
  SEAT_HEADER,
  SYNC_PATH,
  TOKEN_HEADER,
  hostMessageSchema,
  parseMessage,
  type GuestMessage,
  type HostMessage,
} from './wire';

/** Timings of the guest, in milliseconds. */
export interface GuestTimings {
  /** TCP + TLS + upgrade must finish within this. */
  connectTimeoutMs: number;
  /** A host silent this long (it pings every few seconds) is taken as gone. */
  hostSilenceMs: number;
  /** Waits between reconnection tries (the last repeats). */
  reconnectDelaysMs: number[];
}

export const DEFAULT_GUEST_TIMINGS: GuestTimings = { connectTimeoutMs: 10_000, hostSilenceMs: 12_000, reconnectDelaysMs: [250, 500, 1_000, 2_000, 4_000] };

/** What the guest side needs. */
export interface GuestDeps {
  timers: RoomTimers;
  log: RoomLogger;
  /** This build's version: a room on another is refused (`app-version-mismatch`). */
  appVersion: string;
  /** This build's document layout version (`DOC_SCHEMA_VERSION`). */
  schemaVersion: number;
  /** `process.platform`: on macOS "no route to host" usually means the local-network permission is off. */
  platform: string;
  timings?: Partial<GuestTimings>;
  /** Where to dial for a room's address (default: the address itself). Tests put a loopback proxy in between to cut a laptop off. */
  route?: (target: { address: string; port: number }) => { address: string; port: number };
}

class PinError extends Error {}

function roomError(code: RoomErrorCode | string, message: string): AppError {
  return { code, message };
}

function hostPart(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}

/** Maps a socket error to a room error code with a message that says what and where. */
export function connectError(error: unknown, target: { address: string; port: number }, platform: string): AppError {
  const where = `${target.address}:${target.port}`;
  if (error instanceof PinError)
    return roomError('fingerprint-mismatch', `The computer at ${where} is not the room of this code (its certificate does not match).`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'EHOSTUNREACH' && platform === 'darwin') {
    return roomError(
      'local-network-denied',
      `No route to ${where}: allow Pacto in System Settings › Privacy & Security › Local Network, and check both laptops are on the same network.`,
    );
  }
  if (
    code === 'ECONNREFUSED' ||
    code === 'EHOSTUNREACH' ||
    code === 'ENETUNREACH' ||
    code === 'EADDRNOTAVAIL' ||
    code === 'ENOTFOUND' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE'
  ) {
    return roomError('unreachable', `No room answers at ${where} (${code}): another network, a guest Wi-Fi that keeps laptops apart, or a firewall.`);
  }
  if (code === 'ETIMEDOUT' || /timed out/i.test(message)) return roomError('timeout', `${where} did not answer in time.`);
  return roomError('unreachable', `Could not reach the room at ${where} (${message}).`);
}

/**
 * Opens a WebSocket to the host, TLS pinned. Resolves once open, or with the
 * error (`fingerprint-mismatch`, `unreachable`, `local-network-denied`, `timeout`).
 */
export function connectPinned(
  target: { address: string; port: number },
  path: string,
  pin: ParsedJoinCode,
  options: {
    headers?: Record<string, string>;
    maxPayload: number;
    timeoutMs: number;
    platform: string;
    via?: { address: string; port: number };
    oneMessagePerTick?: boolean;
  },
): Promise<Result<WebSocket>> {
  return new Promise((resolve) => {
    let settled = false;
    const dial = options.via ?? target;
    const ws = new WebSocket(`wss://${hostPart(dial.address)}:${dial.port}${path}`, {
      // The certificate is self-signed: it is checked against the pinned fingerprint below instead of a CA.
      rejectUnauthorized: false,
      perMessageDeflate: false,
      maxPayload: options.maxPayload,
      handshakeTimeout: options.timeoutMs,
      // Control sockets: each message in its own tick, so a listener attached after awaiting one message misses none.
      allowSynchronousEvents: !options.oneMessagePerTick,
      ...(options.headers ? { headers: options.headers } : {}),
      finishRequest: (req: ClientRequest) => {
        req.once('socket', (socket) => {
          const tls = socket as TLSSocket;
          const verify = () => {
            const raw = tls.getPeerCertificate(true)?.raw;
            const fingerprint = raw ? certificateFingerprint(raw) : '';
            if (!codePinsFingerprint(pin, fingerprint)) {
              req.destroy(new PinError(`pinned certificate mismatch (${fingerprint.slice(0, 16)}…)`));
              return;
            }
            req.end();
          };
          tls.once('secureConnect', verify);
        });
      },
    });
    ws.once('open', () => {
      settled = true;
      resolve(ok(ws));
    });
    ws.once('unexpected-response', (_req, res) => {
      settled = true;
      const status = res.statusCode ?? 0;
      ws.terminate();
      resolve(
        err(
          status === 401
            ? roomError('removed', 'The room no longer has this seat.')
            : roomError('unreachable', `The room at ${target.address}:${target.port} answered HTTP ${status}.`),
        ),
      );
    });
    ws.once('error', (error) => {
      if (settled) return;
      settled = true;
      resolve(err(connectError(error, target, options.platform)));
    });
  });
}

/** Sends a control message. */
function sendControl(ws: WebSocket, message: GuestMessage): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
}

function parseTarget(target: RoomTarget): Result<ParsedJoinCode> {
  const parsed = parseJoinCode(target.code);
  if (!parsed.ok) return err(roomError('bad-code', `The code is not a room code (${parsed.error}).`));
  return ok(parsed.value);
}

/** Refuses a room on another app or layout version before saying anything more to it. */
function versionProblem(info: RoomInfo, deps: Pick<GuestDeps, 'appVersion' | 'schemaVersion'>, schemaVersion: number): AppError | null {
  if (info.appVersion !== deps.appVersion)
    return roomError('app-version-mismatch', `The room runs Pacto ${info.appVersion}; this laptop has ${deps.appVersion}.`);
  if (info.schemaVersion !== schemaVersion)
    return roomError('schema-mismatch', `The room's workshop has layout version ${info.schemaVersion}; this laptop's ${schemaVersion}.`);
  return null;
}

/** Waits for the first host message on a control socket (or its close). */
function nextMessage(ws: WebSocket, timers: RoomTimers, timeoutMs: number): Promise<HostMessage | { type: 'closed'; code: number } | { type: 'timeout' }> {
  return new Promise((resolve) => {
    const done = (value: HostMessage | { type: 'closed'; code: number } | { type: 'timeout' }) => {
      ws.off('message', onMessage);
      ws.off('close', onClose);
      timers.clearTimeout(timer);
      resolve(value);
    };
    const onMessage = (data: RawData, isBinary: boolean) => {
      const message = parseMessage(hostMessageSchema, data, isBinary);
      if (message && message.type !== 'ping' && message.type !== 'pong') done(message);
      else if (message?.type === 'ping') sendControl(ws, { type: 'pong', at: message.at });
      else if (!message) done({ type: 'closed', code: 4001 });
    };
    const onClose = (code: number) => done({ type: 'closed', code });
    const timer = timers.setTimeout(() => done({ type: 'timeout' }), timeoutMs);
    ws.on('message', onMessage);
    ws.on('close', onClose);
  });
}

function refusal(message: HostMessage | { type: 'closed'; code: number } | { type: 'timeout' }, where: string): AppError {
  if (message.type === 'refused') return roomError(message.code, message.message);
  if (message.type === 'timeout') return roomError('timeout', `The room at ${where} did not answer in time.`);
  if (message.type === 'closed') return roomError('unreachable', `The room at ${where} closed the connection (${message.code}).`);
  return roomError('protocol-mismatch', `The room at ${where} answered "${message.type}" out of turn.`);
}

/** Presents the code to the host and returns what the room offers. */
export async function checkRoom(target: RoomTarget, deps: GuestDeps): Promise<Result<RoomInfo>> {
  const timings = { ...DEFAULT_GUEST_TIMINGS, ...deps.timings };
  const pin = parseTarget(target);
  if (!pin.ok) return pin;
  const where = `${target.address}:${target.port}`;
  const connected = await connectPinned(target, CONTROL_PATH, pin.value, {
    oneMessagePerTick: true,
    maxPayload: MAX_CONTROL_PAYLOAD,
    timeoutMs: timings.connectTimeoutMs,
    platform: deps.platform,
    ...(deps.route ? { via: deps.route(target) } : {}),
  });
  if (!connected.ok) return connected;
  const ws = connected.value;
  sendControl(ws, { type: 'check', protocol: ROOM_PROTOCOL_VERSION, secret: pin.value.secret });
  const reply = await nextMessage(ws, deps.timers, timings.connectTimeoutMs);
  ws.close(1000, 'checked');
  if (reply.type !== 'info') return err(refusal(reply, where));
  const problem = versionProblem(reply.info, deps, deps.schemaVersion);
  return problem ? err(problem) : ok(reply.info);
}

/** A sync socket to the host, relayed to the renderer. */
export interface GuestSyncSocket {
  send(bytes: Uint8Array): void;
  close(): void;
}

/** A guest's session in a room. */
export interface GuestSession {
  /** The room as this laptop sees it now. */
  state(): GuestRoom;
  /** Leaves the room: the host frees the seat; the local copy stays. */
  leave(): void;
  /** Opens a sync socket (admitted or reconnecting). `open` follows, or `close` if the host refuses. */
  openSync(handlers: { open(): void; message(bytes: Uint8Array): void; close(code: number, reason: string): void }): Result<GuestSyncSocket>;
}

/**
 * Asks to join: connects (pinned), presents the code and who sits here, and
 * resolves with the session once the host has queued the request (state
 * `waiting`). `onChange` receives every later state (admitted, reconnecting,
 * ended). Errors: `bad-code`, `too-many-attempts`, `app-version-mismatch`,
 * `schema-mismatch`, `diverged`, `protocol-mismatch`, `fingerprint-mismatch`,
 * `unreachable`, `local-network-denied`, `timeout`.
 */
export async function createGuestSession(request: JoinRoomRequest, deps: GuestDeps, onChange: (state: GuestRoom) => void): Promise<Result<GuestSession>> {
  const timings = { ...DEFAULT_GUEST_TIMINGS, ...deps.timings };
  const { timers, log } = deps;
  const pin = parseTarget(request);
  if (!pin.ok) return pin;
  const target = { address: request.address, port: request.port };
  const where = `${request.address}:${request.port}`;
  const schemaVersion = request.schemaVersion ?? deps.schemaVersion;
  const via = deps.route ? { via: deps.route(target) } : {};
  const connectControl = () =>
    connectPinned(target, CONTROL_PATH, pin.value, {
      oneMessagePerTick: true,
      maxPayload: MAX_CONTROL_PAYLOAD,
      timeoutMs: timings.connectTimeoutMs,
      platform: deps.platform,
      ...via,
    });

  const connected = await connectControl();
  if (!connected.ok) return connected;
  let control: WebSocket | null = connected.value;
  sendControl(control, {
    type: 'join',
    protocol: ROOM_PROTOCOL_VERSION,
    secret: pin.value.secret,
    identity: request.identity,
    appVersion: deps.appVersion,
    schemaVersion,
    localOriginMark: request.localOriginMark ?? null,
  });
  const reply = await nextMessage(control, timers, timings.connectTimeoutMs);
  if (reply.type !== 'waiting') {
    control.close(1000, 'refused');
    return err(refusal(reply, where));
  }
  const problem = versionProblem(reply.info, deps, schemaVersion);
  if (problem) {
    control.close(1000, 'refused');
    return err(problem);
  }

  const info = reply.info;
  const seatId = reply.seatId;
  let token: string | null = null;
  let state: GuestRoom = { role: 'guest', state: 'waiting', info, address: request.address, port: request.port };
  let lastHeard = timers.now();
  let reconnectTry = 0;
  let reconnectTimer: unknown = null;
  const syncSockets = new Set<WebSocket>();

  const setState = (next: GuestRoom) => {
    state = next;
    onChange(next);
  };

  const closeSync = (code: number, reason: string) => {
    for (const ws of [...syncSockets]) ws.close(code, reason);
    syncSockets.clear();
  };

  const end = (reason: string) => {
    if (state.state === 'ended') return;
    timers.clearInterval(watchdog);
    if (reconnectTimer !== null) timers.clearTimeout(reconnectTimer);
    closeSync(1000, reason);
    if (control) control.close(1000, reason);
    control = null;
    setState({ role: 'guest', state: 'ended', reason });
  };

  const lose = () => {
    // The host is gone (or the network): keep working locally and try again with the seat token.
    if (state.state === 'ended') return;
    if (state.state === 'waiting') return end('unreachable');
    closeSync(4005, 'host gone');
    if (state.state !== 'reconnecting') {
      log.info(`lost the room at ${where}; reconnecting`);
      setState({ role: 'guest', state: 'reconnecting', info, address: request.address, port: request.port, seatId, since: timers.now() });
    }
    scheduleReconnect();
  };

  const attach = (ws: WebSocket) => {
    control = ws;
    lastHeard = timers.now();
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (control !== ws) return;
      lastHeard = timers.now();
      const message = parseMessage(hostMessageSchema, data, isBinary);
      if (!message) {
        log.warn(`the room at ${where} sent a message that is not a room message; reconnecting`);
        ws.terminate();
        return;
      }
      if (message.type === 'ping') sendControl(ws, { type: 'pong', at: message.at });
      else if (message.type === 'admitted') {
        token = message.token;
        setState({ role: 'guest', state: 'admitted', info, address: request.address, port: request.port, seatId, readOnly: message.readOnly });
      } else if (message.type === 'refused') {
        end(message.code === 'room-closed' ? 'closed' : message.code);
      }
    });
    ws.on('close', (code: number) => {
      if (control !== ws) return;
      control = null;
      if (code === CLOSE_ROOM_CLOSED) end('closed');
      else if (code === CLOSE_REMOVED) end('removed');
      else lose();
    });
    ws.on('error', (error) => log.info(`control socket to ${where}: ${error.message}`));
  };

  const scheduleReconnect = () => {
    if (reconnectTimer !== null || state.state === 'ended') return;
    const delays = timings.reconnectDelaysMs;
    const delay = delays[Math.min(reconnectTry, delays.length - 1)] ?? 1_000;
    reconnectTry += 1;
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = null;
      void reconnect();
    }, delay);
  };

  const reconnect = async () => {
    if (state.state !== 'reconnecting' || token === null) return;
    const next = await connectControl();
    if (state.state !== 'reconnecting') {
      if (next.ok) next.value.close(1000, 'not needed');
      return;
    }
    if (!next.ok) {
      if (next.error.code === 'fingerprint-mismatch') return end('fingerprint-mismatch');
      return scheduleReconnect();
    }
    const ws = next.value;
    sendControl(ws, { type: 'resume', protocol: ROOM_PROTOCOL_VERSION, seatId, token });
    const answer = await nextMessage(ws, timers, timings.connectTimeoutMs);
    if (answer.type === 'resumed') {
      reconnectTry = 0;
      attach(ws);
      log.info(`back in the room at ${where}`);
      setState({ role: 'guest', state: 'admitted', info, address: request.address, port: request.port, seatId, readOnly: answer.readOnly });
      return;
    }
    ws.terminate();
    if (answer.type === 'refused') return end(answer.code === 'room-closed' ? 'closed' : answer.code);
    scheduleReconnect();
  };

  // App-level liveness: the host pings every few seconds; Wi-Fi turned off fires no close event.
  const watchdog = timers.setInterval(
    () => {
      if (control && timers.now() - lastHeard > timings.hostSilenceMs) {
        log.info(`the room at ${where} is silent; taken as gone`);
        const silent = control;
        control = null;
        silent.terminate();
        lose();
      }
    },
    Math.max(250, Math.floor(timings.hostSilenceMs / 4)),
  );

  attach(control);

  const session: GuestSession = {
    state: () => state,
    leave() {
      if (control) sendControl(control, { type: 'leave' });
      end('left');
    },
    openSync(handlers) {
      if ((state.state !== 'admitted' && state.state !== 'reconnecting') || token === null)
        return err(roomError('no-room', 'This laptop is not admitted to a room.'));
      const headers = { [SEAT_HEADER]: seatId, [TOKEN_HEADER]: token };
      let ws: WebSocket | null = null;
      let closed = false;
      const finish = (code: number, reason: string) => {
        if (closed) return;
        closed = true;
        if (ws) syncSockets.delete(ws);
        handlers.close(code, reason);
      };
      void connectPinned(target, SYNC_PATH, pin.value, {
        headers,
        maxPayload: MAX_SYNC_PAYLOAD,
        timeoutMs: timings.connectTimeoutMs,
        platform: deps.platform,
        ...via,
      }).then((opened) => {
        if (!opened.ok) return finish(1006, opened.error.code);
        ws = opened.value;
        if (closed || state.state === 'ended') {
          ws.close(1000, 'closed');
          return finish(1000, 'closed');
        }
        syncSockets.add(ws);
        const socket = ws;
        socket.on('message', (data: RawData, isBinary: boolean) => {
          if (!isBinary) return;
          const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
          handlers.message(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        });
        socket.on('close', (code: number, reason: Buffer) => finish(code, reason.toString('utf8')));
        socket.on('error', (error) => log.info(`sync socket to ${where}: ${error.message}`));
        handlers.open();
      });
      return ok({
        send: (bytes) => {
          if (ws && ws.readyState === WebSocket.OPEN) ws.send(bytes);
        },
        close: () => {
          if (ws) ws.close(1000, 'closed');
          else finish(1000, 'closed');
        },
      });
    },
  };
  return ok(session);
}
