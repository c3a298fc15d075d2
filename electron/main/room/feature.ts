/**
 * The room feature in main, put together: one room at a time, hosted
 * (`host.ts`) or joined (`guest.ts`), its mDNS advertisement and browsing
 * (`discovery.ts`), the interface list (`interfaces.ts`), and the room
 * sockets the renderer's y-websocket provider runs over (bytes relayed
 * unchanged, as {@link RoomEvent}s). `index.ts` injects the few outside
 * things (the window's `send`, `os.networkInterfaces`, `app.getVersion()`,
 * bonjour) and registers {@link RoomFeature.bridge} through `roomHandlers`
 * in `ipc.ts`, which has already checked the sender and parsed the payload.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { err, ok, type AppError, type Result } from '../../../shared/domain/result';
import type {
  GuestRoom,
  HostedRoom,
  JoinRoomRequest,
  OpenRoomRequest,
  RoomEvent,
  RoomInfo,
  RoomInterface,
  RoomState,
  RoomTarget,
} from '../../../shared/room/contract';
import { parseJoinUrl } from '../../../shared/room/join-code';
import type { RoomCertificate } from './certificate';
import { advertise, browseRooms, type Advertiser, type BonjourFactory, type RoomBrowser } from './discovery';
import { checkRoom, createGuestSession, type GuestDeps, type GuestSession, type GuestTimings } from './guest';
import { startRoomHost, type HostTimings, type LocalConn, type RoomHost } from './host';
import { interfacesSignature, listRoomInterfaces } from './interfaces';
import type { RoomLogger, RoomTimers } from './timers';

/** What the room feature needs from the app. */
export interface RoomFeatureDeps {
  /** Sends an event to the window (`webContents.send(ROOM_EVENT_CHANNEL, event)`); a closed window drops it. */
  emit(event: RoomEvent): void;
  /** `os.networkInterfaces`. */
  networkInterfaces(): NodeJS.Dict<NetworkInterfaceInfo[]>;
  /** `process.platform`. */
  platform: string;
  /** Whether the window listens now (exists and has loaded); a join link waits until it does. Default: always. */
  windowListens?: () => boolean;
  /** `app.getVersion()`. */
  appVersion: string;
  /** This build's `DOC_SCHEMA_VERSION`. */
  schemaVersion: number;
  /** `os.hostname()`, shown to guests browsing. */
  hostName: string;
  timers: RoomTimers;
  log: RoomLogger;
  randomBytes(length: number): Uint8Array;
  /** bonjour-service (`new Bonjour(…)`); null: no discovery (typed address and QR only). */
  createBonjour: BonjourFactory | null;
  /** How often interfaces are re-read to re-publish (ms; default 5 s). */
  interfacePollMs?: number;
  /** Port a room tries first (tests: 0). */
  roomPort?: number;
  hostTimings?: Partial<HostTimings>;
  guestTimings?: Partial<GuestTimings>;
  /** Where a guest dials for a room's address (tests: a loopback proxy that can cut the laptop off). */
  route?: GuestDeps['route'];
  createCertificate?: (address: string) => RoomCertificate;
}

/** The room channels' work, after `ipc.ts` checked the sender and parsed the payload. */
export interface RoomBridgeImpl {
  roomInterfaces(): Result<RoomInterface[]>;
  openRoom(request: OpenRoomRequest): Promise<Result<HostedRoom>>;
  closeRoom(): Promise<Result<void>>;
  admitGuest(request: { seatId: string; readOnly: boolean }): Result<void>;
  denyGuest(request: { seatId: string }): Result<void>;
  removeSeat(request: { seatId: string }): Result<void>;
  browseRooms(): Result<void>;
  stopBrowsing(): Promise<Result<void>>;
  checkRoom(target: RoomTarget): Promise<Result<RoomInfo>>;
  joinRoom(request: JoinRoomRequest): Promise<Result<GuestRoom>>;
  leaveRoom(): Result<void>;
  roomSocketOpen(): Result<{ socketId: number }>;
  roomSocketSend(request: { socketId: number; bytes: Uint8Array }): Result<void>;
  roomSocketClose(request: { socketId: number }): Result<void>;
  roomState(): Result<RoomState>;
}

/** The feature: its bridge, the join-link entry, and the shutdown. */
export interface RoomFeature {
  bridge: RoomBridgeImpl;
  /**
   * A `pacto://join` link the system opened: tells the window (event
   * `join-link`, whose Join dialog opens with it, pre-filled or saying what is
   * wrong with it), or, while it is not listening, keeps the last one until
   * the window reads `roomState`. False (and logged) when the text is not a
   * join link at all.
   */
  openJoinLink(url: string): boolean;
  /** The window reloads: its room sockets are closed (the new page opens its own). */
  windowReloaded(): void;
  /** Closes the room (or leaves it) and stops discovery: before the app quits. */
  dispose(): Promise<void>;
}

interface RelaySocket {
  send(bytes: Uint8Array): void;
  close(): void;
}

function roomError(code: string, message: string): AppError {
  return { code, message };
}

/** Makes the room feature (nothing listens until a room opens). */
export function createRoomFeature(deps: RoomFeatureDeps): RoomFeature {
  const { timers, log } = deps;
  let host: RoomHost | null = null;
  let hostInterface: RoomInterface | null = null;
  let advertiser: Advertiser | null = null;
  let interfacePoll: unknown = null;
  let guest: GuestSession | null = null;
  let ended: GuestRoom | null = null;
  let browser: RoomBrowser | null = null;
  let browseRefresh: unknown = null;
  let nextSocketId = 1;
  let pendingLink: string | null = null;
  const sockets = new Map<number, RelaySocket>();

  const interfaces = () => listRoomInterfaces(deps.networkInterfaces(), deps.platform);

  const hostedView = (): HostedRoom | null => {
    if (!host) return null;
    return { ...host.view(), discovery: advertiser?.state() ?? { state: 'unavailable', reason: 'no-multicast' } };
  };

  const state = (): RoomState => hostedView() ?? guest?.state() ?? ended;

  const emitState = () => deps.emit({ type: 'state', room: state() });

  const closeSockets = (code: number, reason: string) => {
    for (const [socketId, socket] of [...sockets]) {
      sockets.delete(socketId);
      socket.close();
      deps.emit({ type: 'socket-close', socketId, code, reason });
    }
  };

  const stopHosting = async () => {
    if (!host) return;
    const closing = host;
    host = null;
    hostInterface = null;
    if (interfacePoll !== null) timers.clearInterval(interfacePoll);
    interfacePoll = null;
    closeSockets(1000, 'room closed');
    const ad = advertiser;
    advertiser = null;
    await Promise.all([closing.close(), ad?.stop()]);
  };

  const guestDeps = (): GuestDeps => ({
    timers,
    log,
    appVersion: deps.appVersion,
    schemaVersion: deps.schemaVersion,
    platform: deps.platform,
    ...(deps.guestTimings ? { timings: deps.guestTimings } : {}),
    ...(deps.route ? { route: deps.route } : {}),
  });

  const busy = (): AppError | null => {
    if (host) return roomError('io', 'A room is already open on this laptop; close it first.');
    if (guest && guest.state().state !== 'ended') return roomError('io', 'This laptop is in a room; leave it first.');
    return null;
  };

  const watchInterfaces = () => {
    let signature = interfacesSignature(interfaces());
    interfacePoll = timers.setInterval(() => {
      if (!host || !hostInterface) return;
      const now = interfaces();
      const next = interfacesSignature(now);
      if (next === signature) return;
      signature = next;
      const stillThere = now.some((entry) => entry.address === hostInterface?.address);
      log.info(`network interfaces changed; ${stillThere ? 're-publishing the room' : `${hostInterface.address} is gone`}`);
      if (stillThere) advertiser?.republish();
      else advertiser?.suspend('no-interface');
      emitState();
    }, deps.interfacePollMs ?? 5_000);
  };

  const bridge: RoomBridgeImpl = {
    roomInterfaces: () => ok(interfaces()),

    async openRoom(request) {
      const problem = busy();
      if (problem) return err(problem);
      const chosen = interfaces().find((entry) => entry.address === request.address);
      if (!chosen) return err(roomError('no-interface', `${request.address} is not one of this computer's network addresses now; pick one of the list.`));
      ended = null;
      guest = null;
      const started = await startRoomHost(
        request,
        { address: chosen.address, interfaceName: chosen.name, ...(deps.roomPort !== undefined ? { port: deps.roomPort } : {}) },
        {
          timers,
          log,
          randomBytes: deps.randomBytes,
          appVersion: deps.appVersion,
          onChange: emitState,
          ...(deps.createCertificate ? { createCertificate: deps.createCertificate } : {}),
          ...(deps.hostTimings ? { timings: deps.hostTimings } : {}),
        },
      );
      if (!started.ok) return started;
      host = started.value;
      hostInterface = chosen;
      if (deps.createBonjour) {
        advertiser = advertise(
          deps.createBonjour,
          {
            instanceName: `Pacto ${deps.hostName.slice(0, 30)} ${host.fingerprint.slice(0, 6)}`,
            address: chosen.address,
            port: host.port,
            workshopTitle: request.workshopTitle,
            hostName: request.host.name,
          },
          log,
          emitState,
        );
      }
      watchInterfaces();
      const view = hostedView()!;
      emitState();
      return ok(view);
    },

    async closeRoom() {
      if (!host) return err(roomError('no-room', 'No room is open on this laptop.'));
      await stopHosting();
      emitState();
      return ok(undefined);
    },

    admitGuest: (request) => (host ? host.admit(request.seatId, request.readOnly) : err(roomError('no-room', 'No room is open on this laptop.'))),
    denyGuest: (request) => (host ? host.deny(request.seatId) : err(roomError('no-room', 'No room is open on this laptop.'))),
    removeSeat: (request) => (host ? host.remove(request.seatId) : err(roomError('no-room', 'No room is open on this laptop.'))),

    browseRooms() {
      if (!deps.createBonjour) {
        deps.emit({ type: 'discovered', rooms: [] });
        return ok(undefined);
      }
      if (!browser) {
        browser = browseRooms(deps.createBonjour, log, (rooms) => deps.emit({ type: 'discovered', rooms }));
        browseRefresh = timers.setInterval(() => browser?.refresh(), 5_000);
      }
      deps.emit({ type: 'discovered', rooms: browser.rooms() });
      return ok(undefined);
    },

    async stopBrowsing() {
      if (browseRefresh !== null) timers.clearInterval(browseRefresh);
      browseRefresh = null;
      const stopping = browser;
      browser = null;
      await stopping?.stop();
      return ok(undefined);
    },

    checkRoom: (target) => checkRoom(target, guestDeps()),

    async joinRoom(request) {
      const problem = busy();
      if (problem) return err(problem);
      const joined = await createGuestSession(request, guestDeps(), (next) => {
        if (next.state === 'ended') {
          closeSockets(1000, next.reason);
          ended = next;
          guest = null;
        }
        emitState();
      });
      if (!joined.ok) return joined;
      guest = joined.value;
      ended = null;
      emitState();
      return ok(guest.state());
    },

    leaveRoom() {
      if (!guest) return err(roomError('no-room', 'This laptop is not in a room.'));
      guest.leave();
      return ok(undefined);
    },

    roomSocketOpen() {
      const socketId = nextSocketId;
      if (host) {
        nextSocketId += 1;
        const room = host;
        let conn: LocalConn | null = null;
        let closed = false;
        sockets.set(socketId, {
          send: (bytes) => conn?.send(bytes),
          close: () => {
            closed = true;
            conn?.close();
          },
        });
        // After the reply: the renderer knows the id before `socket-open` and the first message arrive.
        timers.setTimeout(() => {
          if (closed || host !== room) return;
          deps.emit({ type: 'socket-open', socketId });
          conn = room.openLocalConn({
            message: (bytes) => deps.emit({ type: 'socket-message', socketId, bytes }),
            close: (code, reason) => {
              if (sockets.delete(socketId)) deps.emit({ type: 'socket-close', socketId, code, reason });
            },
          });
        }, 0);
        return ok({ socketId });
      }
      if (guest) {
        nextSocketId += 1;
        const opened = guest.openSync({
          open: () => deps.emit({ type: 'socket-open', socketId }),
          message: (bytes) => deps.emit({ type: 'socket-message', socketId, bytes }),
          close: (code, reason) => {
            if (sockets.delete(socketId)) deps.emit({ type: 'socket-close', socketId, code, reason });
          },
        });
        if (!opened.ok) return opened;
        sockets.set(socketId, opened.value);
        return ok({ socketId });
      }
      return err(roomError('no-room', 'No room is open or joined on this laptop.'));
    },

    roomSocketSend(request) {
      const socket = sockets.get(request.socketId);
      if (!socket) return err(roomError('no-room', `Room socket ${request.socketId} is closed.`));
      socket.send(request.bytes);
      return ok(undefined);
    },

    roomSocketClose(request) {
      const socket = sockets.get(request.socketId);
      if (!socket) return ok(undefined);
      sockets.delete(request.socketId);
      socket.close();
      deps.emit({ type: 'socket-close', socketId: request.socketId, code: 1000, reason: 'closed' });
      return ok(undefined);
    },

    roomState() {
      if (pendingLink !== null) {
        const link = pendingLink;
        pendingLink = null;
        // After the reply: the window has its room state, then the link.
        timers.setTimeout(() => deps.emit({ type: 'join-link', link }), 0);
      }
      return ok(state());
    },
  };

  return {
    bridge,
    openJoinLink(url) {
      const parsed = parseJoinUrl(url);
      if (!parsed.ok && parsed.error === 'not-a-join-link') {
        log.warn('ignored a link that is not a Pacto join link');
        return false;
      }
      // A damaged join link goes to the window as it is: its Join dialog says what is wrong.
      const link = url.trim();
      if (!parsed.ok) log.warn(`a join link the system opened is damaged (${parsed.error}); the Join dialog says so`);
      if (deps.windowListens && !deps.windowListens()) pendingLink = link;
      else deps.emit({ type: 'join-link', link });
      return true;
    },
    windowReloaded() {
      for (const [socketId, socket] of [...sockets]) {
        sockets.delete(socketId);
        socket.close();
      }
    },
    async dispose() {
      guest?.leave();
      guest = null;
      await Promise.all([stopHosting(), bridge.stopBrowsing()]);
    },
  };
}
