/**
 * A room host for tests, in Node: a plain WebSocket server on 127.0.0.1 in
 * front of the app's own room document (`electron/main/room/room-doc.ts`:
 * y-protocols sync and awareness, the read-only seat, and the write guard
 * that takes back what a seat may not change), and one {@link RoomBridge}
 * per laptop that plays main's part of `shared/room/contract.ts`: open a
 * room, check a code, queue a join for the facilitator, admit, deny,
 * remove, close, and the room socket that relays bytes unchanged to the
 * server over a real loopback WebSocket. A laptop can be cut off the
 * network and brought back ({@link TestLaptop.setOnline}).
 *
 * What it is not: the app's host module (`electron/main/room/host.ts`), its
 * TLS, pinning, mDNS or code limits. It stands for main so the renderer's
 * room layer runs against real sync; the host module has its own tests.
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { WebSocket, WebSocketServer } from 'ws';
import { createRoomDoc, type RoomDoc } from '../../electron/main/room/room-doc';
import type { UpdateWriter } from '../../shared/facilitation/write-guard';
import type { GuestRoom, HostedRoom, JoinRequest, OpenRoomRequest, RoomBridge, RoomEvent, RoomInfo, RoomSeat, RoomState } from '../../shared/room/contract';
import type { Result } from '../../shared/domain/result';

/** One laptop's bridge and its network switch. */
export interface TestLaptop {
  name: string;
  bridge: RoomBridge;
  /** Cuts this laptop off the room (its sockets drop, new ones are refused) or brings it back. */
  setOnline(online: boolean): void;
  /** Room sockets of this laptop open now. */
  openSockets(): number;
}

export interface TestRoomHost {
  /** `ws://127.0.0.1:PORT`, the Yjs server. */
  url: string;
  laptop(name: string): TestLaptop;
  /** Stops every socket and the server. */
  close(): Promise<void>;
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

interface LaptopState {
  name: string;
  online: boolean;
  listeners: Set<(event: RoomEvent) => void>;
  sockets: Map<number, WebSocket>;
  /** Guest: the seat request id; host: null. */
  seatId: string | null;
  guest: GuestRoom | null;
  hosting: boolean;
}

/** Starts a test room host on 127.0.0.1 (port chosen by the system). */
export async function startTestRoomHost(): Promise<TestRoomHost> {
  const http: Server = createServer((_req, res) => {
    res.writeHead(404);
    res.end();
  });
  const wss = new WebSocketServer({ noServer: true });
  /** The room's document per workshop id, while anyone is connected to it. */
  const docs = new Map<string, RoomDoc>();
  /** Who each room socket belongs to, by the id it connects with (`?socket=`). */
  const socketSeats = new Map<string, { readOnly: boolean; writer: UpdateWriter | null; label: string }>();
  http.on('upgrade', (req, socket, head) => {
    const where = new URL(req.url ?? '/', 'ws://127.0.0.1');
    const seat = socketSeats.get(where.searchParams.get('socket') ?? '');
    const name = decodeURIComponent(where.pathname.slice(1));
    if (!seat || !name) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      let roomDoc = docs.get(name);
      if (!roomDoc) {
        roomDoc = createRoomDoc(() => undefined);
        docs.set(name, roomDoc);
      }
      const doc = roomDoc;
      const conn = {
        send: (bytes: Uint8Array) => {
          if (ws.readyState === WebSocket.OPEN) ws.send(bytes);
        },
        close: (code: number, reason: string) => ws.close(code, reason),
      };
      ws.binaryType = 'arraybuffer';
      ws.on('message', (data: ArrayBuffer) => doc.receive(conn, new Uint8Array(data)));
      ws.on('close', () => {
        doc.forget(conn);
        // As the Yjs server does: a document nobody is connected to is let go.
        if (doc.connections() === 0 && docs.get(name) === doc) {
          docs.delete(name);
          doc.destroy(1000, 'empty');
        }
      });
      ws.on('error', () => undefined);
      doc.open(conn, { readOnly: seat.readOnly, label: seat.label, writer: seat.writer });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `ws://127.0.0.1:${port}`;

  const laptops = new Map<string, LaptopState>();
  let room: { request: OpenRoomRequest; host: LaptopState; hosted: HostedRoom; docName: string } | null = null;
  let nextSocket = 1;
  let nextSeat = 1;

  const emit = (laptop: LaptopState, event: RoomEvent) => {
    // Like IPC: never inside the call that caused it.
    setImmediate(() => {
      for (const listener of [...laptop.listeners]) listener(event);
    });
  };
  const stateOf = (laptop: LaptopState): RoomState => (laptop.hosting && room ? room.hosted : laptop.guest);
  const publish = (laptop: LaptopState) => emit(laptop, { type: 'state', room: stateOf(laptop) });
  const info = (): RoomInfo => ({
    workshopId: room!.request.workshopId,
    workshopTitle: room!.request.workshopTitle,
    schemaVersion: room!.request.schemaVersion,
    originMark: room!.request.originMark,
    appVersion: '0.1.0',
    participants: room!.request.participants,
  });
  const guests = () => [...laptops.values()].filter((l) => l.guest && l.seatId);
  const refreshHost = () => {
    if (!room) return;
    const waiting: JoinRequest[] = [];
    const seats: RoomSeat[] = [];
    for (const l of guests()) {
      const g = l.guest!;
      const request = requests.get(l.seatId!);
      if (!request) continue;
      if (g.state === 'waiting') waiting.push(request);
      else if (g.state === 'admitted' || g.state === 'reconnecting')
        seats.push({ ...request, connected: l.online && l.sockets.size > 0, lastSeenAt: Date.now() });
    }
    room.hosted = { ...room.hosted, waiting, seats };
    publish(room.host);
  };
  const requests = new Map<string, JoinRequest>();
  const readOnlySeats = new Set<string>();

  const closeSockets = (laptop: LaptopState, code: number, reason: string) => {
    for (const [id, ws] of laptop.sockets) {
      laptop.sockets.delete(id);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      emit(laptop, { type: 'socket-close', socketId: id, code, reason });
    }
  };
  const endGuest = (laptop: LaptopState, reason: string) => {
    closeSockets(laptop, 4000, reason);
    if (laptop.seatId) requests.delete(laptop.seatId);
    laptop.seatId = null;
    laptop.guest = { role: 'guest', state: 'ended', reason };
    publish(laptop);
  };
  const mayOpenSocket = (laptop: LaptopState): boolean => {
    if (!room || !laptop.online) return false;
    if (laptop.hosting) return true;
    return laptop.guest?.state === 'admitted';
  };

  const bridgeOf = (laptop: LaptopState): RoomBridge => ({
    async roomInterfaces() {
      return ok([{ name: 'lo-test', address: '127.0.0.1', family: 'IPv4' as const, kind: 'other' as const }]);
    },
    async openRoom(request) {
      if (room) return fail('address-in-use', 'A room is already open on this test host');
      const code = randomBytes(10).toString('hex').toUpperCase().match(/.{4}/g)!.join('-');
      laptop.hosting = true;
      room = {
        request,
        host: laptop,
        docName: request.workshopId,
        hosted: {
          role: 'host',
          workshopId: request.workshopId,
          address: request.address,
          port,
          interfaceName: 'lo-test',
          code,
          joinUrl: `pacto://join?address=${request.address}&port=${port}&code=${code}`,
          fingerprint: '0'.repeat(64),
          discovery: { state: 'unavailable', reason: 'no-multicast' },
          waiting: [],
          seats: [],
          refusedAttempts: [],
        },
      };
      publish(laptop);
      return ok(room.hosted);
    },
    async closeRoom() {
      if (!room || !laptop.hosting) return fail('no-room', 'No room is open');
      for (const l of guests()) endGuest(l, 'closed');
      closeSockets(laptop, 1000, 'closed');
      laptop.hosting = false;
      room = null;
      publish(laptop);
      return ok(undefined);
    },
    async admitGuest({ seatId, readOnly }) {
      const guest = guests().find((l) => l.seatId === seatId);
      if (!room || !guest || guest.guest?.state !== 'waiting') return fail('no-room', `No waiting guest ${seatId}`);
      if (readOnly) readOnlySeats.add(seatId);
      guest.guest = { role: 'guest', state: 'admitted', info: info(), address: '127.0.0.1', port, seatId, readOnly };
      publish(guest);
      refreshHost();
      return ok(undefined);
    },
    async denyGuest({ seatId }) {
      const guest = guests().find((l) => l.seatId === seatId);
      if (!guest) return fail('no-room', `No waiting guest ${seatId}`);
      endGuest(guest, 'denied');
      refreshHost();
      return ok(undefined);
    },
    async removeSeat({ seatId }) {
      const guest = guests().find((l) => l.seatId === seatId);
      if (!guest) return fail('no-room', `No seat ${seatId}`);
      endGuest(guest, 'removed');
      refreshHost();
      return ok(undefined);
    },
    async browseRooms() {
      if (room)
        emit(laptop, {
          type: 'discovered',
          rooms: [{ id: 'test', workshopTitle: room.request.workshopTitle, hostName: room.host.name, address: '127.0.0.1', port }],
        });
      return ok(undefined);
    },
    async stopBrowsing() {
      return ok(undefined);
    },
    async checkRoom(target) {
      if (!room || !laptop.online) return fail('unreachable', 'No room answers at that address');
      if (target.code.trim().toUpperCase() !== room.hosted.code) return fail('bad-code', 'Wrong code');
      return ok(info());
    },
    async joinRoom(request) {
      if (!room || !laptop.online) return fail('unreachable', 'No room answers at that address');
      if (request.code.trim().toUpperCase() !== room.hosted.code) return fail('bad-code', 'Wrong code');
      const seatId = `seat-${nextSeat++}`;
      laptop.seatId = seatId;
      requests.set(seatId, { seatId, identity: request.identity, remoteAddress: '127.0.0.1', requestedAt: Date.now() });
      laptop.guest = { role: 'guest', state: 'waiting', info: info(), address: '127.0.0.1', port };
      refreshHost();
      return ok(laptop.guest);
    },
    async leaveRoom() {
      if (!laptop.guest) return fail('no-room', 'Not in a room');
      closeSockets(laptop, 1000, 'left');
      if (laptop.seatId) requests.delete(laptop.seatId);
      laptop.seatId = null;
      laptop.guest = null;
      publish(laptop);
      refreshHost();
      return ok(undefined);
    },
    async roomSocketOpen() {
      if (!mayOpenSocket(laptop)) return fail(laptop.online ? 'no-room' : 'unreachable', 'The room cannot be reached');
      const socketId = nextSocket++;
      const readOnly = laptop.seatId !== null && readOnlySeats.has(laptop.seatId);
      const identity = laptop.seatId !== null ? requests.get(laptop.seatId)?.identity : undefined;
      // The host's own window is trusted; a guest writes as the identity it joined with (a guest is never the room's facilitator).
      const writer: UpdateWriter | null = identity
        ? {
            role: identity.role === 'facilitator' ? 'participant' : identity.role,
            participantId: identity.participantId,
            deviceId: identity.deviceId,
            team: identity.team,
          }
        : null;
      const key = `${laptop.name}-${socketId}`;
      socketSeats.set(key, { readOnly, writer, label: laptop.name });
      const ws = new WebSocket(`${url}/${encodeURIComponent(room!.docName)}?socket=${encodeURIComponent(key)}`);
      ws.binaryType = 'arraybuffer';
      laptop.sockets.set(socketId, ws);
      ws.on('open', () => {
        emit(laptop, { type: 'socket-open', socketId });
        if (!laptop.hosting) refreshHost();
      });
      ws.on('message', (data: ArrayBuffer) => emit(laptop, { type: 'socket-message', socketId, bytes: new Uint8Array(data) }));
      ws.on('close', (code, reason) => {
        if (!laptop.sockets.delete(socketId)) return;
        emit(laptop, { type: 'socket-close', socketId, code, reason: reason.toString() });
      });
      ws.on('error', () => undefined);
      return ok({ socketId });
    },
    async roomSocketSend({ socketId, bytes }) {
      const ws = laptop.sockets.get(socketId);
      if (!ws || ws.readyState !== WebSocket.OPEN) return fail('no-room', `Socket ${socketId} is not open`);
      ws.send(bytes);
      return ok(undefined);
    },
    async roomSocketClose({ socketId }) {
      const ws = laptop.sockets.get(socketId);
      if (ws) {
        laptop.sockets.delete(socketId);
        ws.close();
      }
      return ok(undefined);
    },
    async roomState() {
      return ok(stateOf(laptop));
    },
    onRoomEvent(listener) {
      laptop.listeners.add(listener);
      return () => laptop.listeners.delete(listener);
    },
  });

  return {
    url,
    laptop(name) {
      let state = laptops.get(name);
      if (!state) {
        state = { name, online: true, listeners: new Set(), sockets: new Map(), seatId: null, guest: null, hosting: false };
        laptops.set(name, state);
      }
      const laptop = state;
      return {
        name,
        bridge: bridgeOf(laptop),
        setOnline(online) {
          if (laptop.online === online) return;
          laptop.online = online;
          if (!online) closeSockets(laptop, 1006, 'network down');
          const g = laptop.guest;
          if (g && (g.state === 'admitted' || g.state === 'reconnecting')) {
            laptop.guest = online
              ? { role: 'guest', state: 'admitted', info: g.info, address: g.address, port: g.port, seatId: g.seatId, readOnly: readOnlySeats.has(g.seatId) }
              : { role: 'guest', state: 'reconnecting', info: g.info, address: g.address, port: g.port, seatId: g.seatId, since: Date.now() };
            publish(laptop);
          }
          refreshHost();
        },
        openSockets: () => laptop.sockets.size,
      };
    },
    async close() {
      for (const l of laptops.values()) closeSockets(l, 1001, 'test host stopped');
      for (const client of wss.clients) client.terminate();
      for (const doc of docs.values()) doc.destroy(1001, 'test host stopped');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
