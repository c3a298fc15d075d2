/**
 * Laptops whose "main process" is the app's own room module
 * (`electron/main/room/feature.ts`: the host with its pinned-TLS WebSocket
 * server bound to one address, the guest that checks the code and pins the
 * certificate, admission, ping, reconnect with the seat token, the relayed
 * room sockets), each laptop its own instance, all on 127.0.0.1 (the
 * "Wi-Fi" interface the module is shown is the loopback address). The
 * renderer's bridge of each laptop is the feature's `bridge`, as the
 * preload's `window.pacto` is in the app.
 *
 * A guest reaches the host through its own TCP relay on 127.0.0.1, so a test
 * can take that laptop off the network ({@link MainLaptop.setOnline}): its
 * connections are cut and new ones refused, as when its Wi-Fi drops, and
 * restored. The relay forwards bytes unchanged (TLS end to end).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { NetworkInterfaceInfo } from 'node:os';
import { createRoomFeature, type RoomFeature } from '../../electron/main/room/feature';
import { systemTimers } from '../../electron/main/room/timers';
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';
import { DOC_SCHEMA_VERSION } from '../../shared/domain/workshop-doc';

/** One laptop: its bridge, its network switch, and the port it reaches a host's port through. */
export interface MainLaptop {
  name: string;
  bridge: RoomBridge;
  feature: RoomFeature;
  /** The port this laptop types to reach a host listening on `hostPort` (its relay's). */
  reach(hostPort: number): Promise<number>;
  /** Cuts this laptop off (its relayed connections drop, new ones are refused) or brings it back. */
  setOnline(online: boolean): void;
}

export interface MainRoomLaptops {
  laptop(name: string): MainLaptop;
  /** Disposes every laptop's room feature and relay. */
  close(): Promise<void>;
}

function loopbackWifi(): NetworkInterfaceInfo {
  return { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: '127.0.0.1/8' } as NetworkInterfaceInfo;
}

/** Makes laptops running the real room module (see the module comment). */
export function mainRoomLaptops(): MainRoomLaptops {
  const all: { feature: RoomFeature; relays: Server[]; cut: () => void }[] = [];
  return {
    laptop(name) {
      const listeners = new Set<(event: RoomEvent) => void>();
      const feature = createRoomFeature({
        emit: (event) => {
          for (const l of [...listeners]) l(event);
        },
        networkInterfaces: () => ({ 'Wi-Fi': [loopbackWifi()] }),
        platform: 'linux',
        appVersion: '0.1.0',
        schemaVersion: DOC_SCHEMA_VERSION,
        hostName: `${name}-laptop`,
        timers: systemTimers,
        log: { info() {}, warn() {} },
        randomBytes: (n) => randomBytes(n),
        createBonjour: null,
        roomPort: 0,
        // Quick reconnection after the network comes back: the test waits for it, not for a long backoff.
        guestTimings: { reconnectDelaysMs: [100, 200, 400] },
      });
      const impl = feature.bridge;
      const bridge: RoomBridge = {
        roomInterfaces: async () => impl.roomInterfaces(),
        openRoom: (r) => impl.openRoom(r),
        closeRoom: () => impl.closeRoom(),
        admitGuest: async (r) => impl.admitGuest(r),
        denyGuest: async (r) => impl.denyGuest(r),
        removeSeat: async (r) => impl.removeSeat(r),
        browseRooms: async () => impl.browseRooms(),
        stopBrowsing: () => impl.stopBrowsing(),
        checkRoom: (t) => impl.checkRoom(t),
        joinRoom: (r) => impl.joinRoom(r),
        leaveRoom: async () => impl.leaveRoom(),
        roomSocketOpen: async () => impl.roomSocketOpen(),
        roomSocketSend: async (r) => impl.roomSocketSend(r),
        roomSocketClose: async (r) => impl.roomSocketClose(r),
        roomState: async () => impl.roomState(),
        onRoomEvent(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      let online = true;
      const sockets = new Set<Socket>();
      const relays = new Map<number, Promise<number>>();
      const servers: Server[] = [];
      const cut = () => {
        for (const s of sockets) s.destroy();
        sockets.clear();
      };
      all.push({ feature, relays: servers, cut });
      return {
        name,
        bridge,
        feature,
        reach(hostPort) {
          let port = relays.get(hostPort);
          if (!port) {
            port = new Promise<number>((resolve) => {
              const server = createServer((client) => {
                if (!online) return void client.destroy();
                const upstream = connect(hostPort, '127.0.0.1');
                sockets.add(client);
                sockets.add(upstream);
                const drop = () => {
                  client.destroy();
                  upstream.destroy();
                  sockets.delete(client);
                  sockets.delete(upstream);
                };
                client.on('error', drop).on('close', drop);
                upstream.on('error', drop).on('close', drop);
                client.pipe(upstream).pipe(client);
              });
              servers.push(server);
              server.listen(0, '127.0.0.1', () => {
                const a = server.address();
                resolve(typeof a === 'object' && a ? a.port : 0);
              });
            });
            relays.set(hostPort, port);
          }
          return port;
        },
        setOnline(next) {
          online = next;
          if (!next) cut();
        },
      };
    },
    async close() {
      for (const l of all) {
        l.cut();
        await l.feature.dispose();
        for (const s of l.relays) await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
}
