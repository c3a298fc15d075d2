/**
 * The app's real room, for tests: one main-process room feature
 * (`electron/main/room/feature.ts`: host module, pinned TLS, code limits,
 * admission, read-only seat, ping, the guest's reconnect with its seat
 * token, the relayed room sockets) per laptop, all on 127.0.0.1 (the
 * "Wi-Fi" interface the module is shown is the loopback address), each
 * exposed as the {@link RoomBridge} the preload gives a window. The one way
 * tests start a room host: unit tests drive the bridges directly (or the
 * renderer's room layer on them), e2e tests connect a Chromium page to one
 * with `room-browser.ts`.
 *
 * Each laptop dials the room through its own loopback proxy (the feature's
 * `route`, `room-fixture.ts`'s proxy), so a laptop types the address and
 * port the host shows, and {@link MainLaptop.setOnline} can cut it off the
 * network (connections cut, new ones refused) and bring it back, as a
 * laptop leaving the Wi-Fi. The proxy forwards bytes unchanged (TLS end to
 * end).
 */
import { randomBytes } from 'node:crypto';
import type { NetworkInterfaceInfo } from 'node:os';
import { createRoomCertificate, type RoomCertificate } from '../../electron/main/room/certificate';
import { createRoomFeature, type RoomBridgeImpl, type RoomFeature } from '../../electron/main/room/feature';
import { systemTimers } from '../../electron/main/room/timers';
import { DOC_SCHEMA_VERSION } from '../../shared/domain/workshop-doc';
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';
import { startLoopbackProxy, type LoopbackProxy } from './room-fixture';

/** One laptop: its bridge and its network switch. */
export interface MainLaptop {
  name: string;
  bridge: RoomBridge;
  /** Cuts this laptop off the room (its connections drop, new ones are refused) or brings it back. */
  setOnline(online: boolean): void;
  /** The laptop's main-process room feature (for assertions). */
  feature: RoomFeature;
  /** What the laptop's main logged. */
  log: string[];
}

/** The laptops of one test. */
export interface MainRoomHost {
  /** The laptop called `name` (made on first use). */
  laptop(name: string): MainLaptop;
  /** Disposes every laptop's room feature (rooms closed, guests gone) and proxy. */
  close(): Promise<void>;
}

const WIFI: NodeJS.Dict<NetworkInterfaceInfo[]> = {
  // The test's "Wi-Fi" is the loopback address: real sockets that never leave the machine.
  'Wi-Fi': [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '127.0.0.1/8' }],
};

/** The async bridge of a window over the feature's checked calls. */
function asBridge(impl: RoomBridgeImpl, listeners: Set<(event: RoomEvent) => void>): RoomBridge {
  return {
    roomInterfaces: async () => impl.roomInterfaces(),
    openRoom: (request) => impl.openRoom(request),
    closeRoom: () => impl.closeRoom(),
    admitGuest: async (request) => impl.admitGuest(request),
    denyGuest: async (request) => impl.denyGuest(request),
    removeSeat: async (request) => impl.removeSeat(request),
    browseRooms: async () => impl.browseRooms(),
    stopBrowsing: () => impl.stopBrowsing(),
    checkRoom: (target) => impl.checkRoom(target),
    joinRoom: (request) => impl.joinRoom(request),
    leaveRoom: async () => impl.leaveRoom(),
    roomSocketOpen: async () => impl.roomSocketOpen(),
    roomSocketSend: async (request) => impl.roomSocketSend(request),
    roomSocketClose: async (request) => impl.roomSocketClose(request),
    roomState: async () => impl.roomState(),
    onRoomEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Starts the laptops' rooms (nothing listens until one opens a room). `appVersion` and `schemaVersion` are every laptop's (this build's by default). */
export function startMainRoomHost(options: { appVersion?: string; schemaVersion?: number } = {}): MainRoomHost {
  const certificate: RoomCertificate = createRoomCertificate('127.0.0.1');
  const laptops = new Map<string, MainLaptop>();
  const proxies: LoopbackProxy[] = [];
  return {
    laptop(name) {
      const existing = laptops.get(name);
      if (existing) return existing;
      const listeners = new Set<(event: RoomEvent) => void>();
      const log: string[] = [];
      const routes = new Map<number, Promise<LoopbackProxy>>();
      const ready = new Map<number, LoopbackProxy>();
      let online = true;
      const feature = createRoomFeature({
        // Like IPC: never inside the call that caused it.
        emit: (event) => setImmediate(() => listeners.forEach((listener) => listener(event))),
        networkInterfaces: () => WIFI,
        platform: 'linux',
        appVersion: options.appVersion ?? '0.1.0',
        schemaVersion: options.schemaVersion ?? DOC_SCHEMA_VERSION,
        hostName: name,
        timers: systemTimers,
        log: { info: (line) => log.push(line), warn: (line) => log.push(line) },
        randomBytes: (n) => randomBytes(n),
        createBonjour: null,
        roomPort: 0,
        createCertificate: () => certificate,
        // Quick reconnection after the network comes back: a test waits for it, not for a long backoff.
        guestTimings: { reconnectDelaysMs: [100, 200, 400] },
        route: (target) => {
          const proxy = ready.get(target.port);
          // The proxy for a port is made on the first check (see `preparedRoute`); unknown ports are dialled directly.
          return proxy ? { address: '127.0.0.1', port: proxy.port } : target;
        },
      });
      // The proxy must exist before the first dial: wrap the calls that dial a new port.
      const prepare = async (port: number) => {
        if (!routes.has(port)) {
          const started = startLoopbackProxy(port).then((proxy) => {
            proxies.push(proxy);
            ready.set(port, proxy);
            proxy.block(!online);
            return proxy;
          });
          routes.set(port, started);
        }
        await routes.get(port);
      };
      const bridge = asBridge(feature.bridge, listeners);
      const checkRoom = bridge.checkRoom;
      const joinRoom = bridge.joinRoom;
      bridge.checkRoom = async (target) => {
        await prepare(target.port);
        return checkRoom(target);
      };
      bridge.joinRoom = async (request) => {
        await prepare(request.port);
        return joinRoom(request);
      };
      const laptop: MainLaptop = {
        name,
        bridge,
        feature,
        log,
        setOnline(next) {
          online = next;
          for (const proxy of ready.values()) {
            proxy.block(!next);
            if (!next) proxy.cut();
          }
        },
      };
      laptops.set(name, laptop);
      return laptop;
    },
    async close() {
      for (const laptop of laptops.values()) await laptop.feature.dispose();
      await Promise.all(proxies.map((proxy) => proxy.close()));
    },
  };
}
