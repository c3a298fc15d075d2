// The room feature as the window sees it through the bridge: interfaces,
// opening a room on a picked address (never all of them), a guest laptop's
// feature joining through check/join/admit, both windows syncing over the
// relayed room sockets, discovery with an injected bonjour, the IPC guard on
// the room channels, and join links.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRoomCertificate, type RoomCertificate } from '../../electron/main/room/certificate';
import type { BonjourFactory, BonjourLike, BrowserLike, ServiceLike } from '../../electron/main/room/discovery';
import { createRoomFeature, type RoomFeature, type RoomFeatureDeps } from '../../electron/main/room/feature';
import { interfaceKind, listRoomInterfaces } from '../../electron/main/room/interfaces';
import { systemTimers } from '../../electron/main/room/timers';
import { roomHandlers } from '../../electron/main/ipc';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/main/security';
import { makeJoinUrl, makeLongJoinCode } from '../../shared/room/join-code';
import type { HostedRoom, OpenRoomRequest, RoomEvent } from '../../shared/room/contract';
import { createSyncClient, waitFor, type SyncClient } from '../support/room-fixture';

let certificate: RoomCertificate;
beforeAll(() => {
  certificate = createRoomCertificate('127.0.0.1');
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function nic(address: string, overrides: Partial<NetworkInterfaceInfo> = {}): NetworkInterfaceInfo {
  return {
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '00:00:00:00:00:00',
    internal: false,
    cidr: `${address}/24`,
    ...overrides,
  } as NetworkInterfaceInfo;
}

/** A bonjour stand-in: one registry shared by every instance, as one network. */
function fakeNetwork() {
  const services = new Map<string, ServiceLike>();
  const browsers = new Set<EventEmitter & BrowserLike>();
  const published: string[] = [];
  const factory: BonjourFactory = (options) => {
    const mine = new Set<string>();
    const bonjour: BonjourLike = {
      publish(config) {
        const service: ServiceLike = {
          name: config.name,
          port: config.port,
          fqdn: `${config.name}._${config.type}._tcp.local`,
          txt: config.txt,
          addresses: [options.interfaceAddress ?? ''],
        };
        services.set(service.fqdn!, service);
        mine.add(service.fqdn!);
        published.push(`${config.name}@${config.txt['addr']}:${config.port}`);
        for (const browser of browsers) browser.emit('up', service);
        return service;
      },
      unpublishAll(callback) {
        for (const fqdn of mine) {
          const service = services.get(fqdn)!;
          services.delete(fqdn);
          for (const browser of browsers) browser.emit('down', service);
        }
        mine.clear();
        callback?.();
      },
      find() {
        const browser = Object.defineProperty(
          Object.assign(new EventEmitter(), {
            update() {},
            stop() {
              browsers.delete(browser);
            },
          }),
          'services',
          { get: () => [...services.values()] },
        ) as EventEmitter & BrowserLike;
        browsers.add(browser);
        return browser;
      },
      destroy(callback) {
        callback?.();
      },
    };
    return bonjour;
  };
  return { factory, published, services };
}

interface Window {
  feature: RoomFeature;
  events: RoomEvent[];
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>;
}

function laptop(overrides: Partial<RoomFeatureDeps> = {}): Window {
  const events: RoomEvent[] = [];
  const win: Window = {
    events,
    // The test's "Wi-Fi" is the loopback address, so real sockets stay on this machine.
    interfaces: { 'Wi-Fi': [nic('127.0.0.1')], lo: [nic('127.0.0.1', { internal: true })], docker0: [nic('172.17.0.1')] },
    feature: undefined as unknown as RoomFeature,
  };
  win.feature = createRoomFeature({
    emit: (event) => events.push(event),
    networkInterfaces: () => win.interfaces,
    platform: 'linux',
    appVersion: '1.0.0',
    schemaVersion: 2,
    hostName: 'ana-laptop',
    timers: systemTimers,
    log: { info() {}, warn() {} },
    randomBytes: (n) => randomBytes(n),
    createBonjour: null,
    roomPort: 0,
    interfacePollMs: 50,
    createCertificate: () => certificate,
    ...overrides,
  });
  cleanups.push(() => win.feature.dispose());
  return win;
}

const openRequest: OpenRoomRequest = {
  workshopId: 'w-feature-1',
  workshopTitle: 'Taller Acme',
  schemaVersion: 2,
  originMark: 'origin-1',
  address: '127.0.0.1',
  participants: [],
  host: { deviceId: 'host-device-1', deviceName: 'Ana', name: 'Ana', team: 'marketing', participantId: null, role: 'facilitator' },
};

/** Runs a sync client over the window's room socket, as the renderer's provider does. */
async function connectWindow(win: Window, client: SyncClient): Promise<number> {
  const opened = win.feature.bridge.roomSocketOpen();
  if (!opened.ok) throw new Error(opened.error.message);
  const { socketId } = opened.value;
  let seen = 0;
  const pump = () => {
    for (; seen < win.events.length; seen += 1) {
      const event = win.events[seen]!;
      if (event.type === 'socket-open' && event.socketId === socketId) client.opened((bytes) => win.feature.bridge.roomSocketSend({ socketId, bytes }));
      if (event.type === 'socket-message' && event.socketId === socketId) client.receive(event.bytes);
      if (event.type === 'socket-close' && event.socketId === socketId) client.closed();
    }
  };
  const timer = setInterval(pump, 5);
  cleanups.push(() => clearInterval(timer));
  await waitFor(() => (pump(), client.synced()), `window socket ${socketId} synced`);
  return socketId;
}

describe('room interfaces', () => {
  it('lists usable addresses, Wi-Fi first, never loopback, link-local IPv6 or all-interfaces', () => {
    const list = listRoomInterfaces(
      {
        lo: [nic('127.0.0.1', { internal: true })],
        docker0: [nic('172.17.0.1')],
        enp3s0: [nic('10.0.0.8'), nic('fe80::1', { family: 'IPv6' }), nic('2001:db8::8', { family: 'IPv6' })],
        wlp2s0: [nic('192.168.1.23')],
        odd: [nic('0.0.0.0')],
      },
      'linux',
    );
    expect(list).toEqual([
      { name: 'wlp2s0', address: '192.168.1.23', family: 'IPv4', kind: 'wifi' },
      { name: 'enp3s0', address: '10.0.0.8', family: 'IPv4', kind: 'ethernet' },
      { name: 'enp3s0', address: '2001:db8::8', family: 'IPv6', kind: 'ethernet' },
      { name: 'docker0', address: '172.17.0.1', family: 'IPv4', kind: 'other' },
    ]);
  });

  it.each([
    ['Wi-Fi', 'win32', 'wifi'],
    ['Ethernet 2', 'win32', 'ethernet'],
    ['vEthernet (WSL)', 'win32', 'other'],
    ['en0', 'darwin', 'wifi'],
    ['en5', 'darwin', 'ethernet'],
    ['utun3', 'darwin', 'other'],
    ['wlan0', 'linux', 'wifi'],
    ['eth0', 'linux', 'ethernet'],
    ['tailscale0', 'linux', 'other'],
  ])('%s on %s is %s', (name, platform, kind) => {
    expect(interfaceKind(name, platform)).toBe(kind);
  });
});

describe('room feature', () => {
  it('opens only on an address of the list', async () => {
    const host = laptop();
    expect(host.feature.bridge.roomInterfaces()).toEqual({
      ok: true,
      value: [expect.objectContaining({ name: 'Wi-Fi', address: '127.0.0.1' }), expect.objectContaining({ name: 'docker0' })],
    });
    for (const address of ['0.0.0.0', '::', '10.9.9.9']) {
      expect(await host.feature.bridge.openRoom({ ...openRequest, address })).toMatchObject({ ok: false, error: { code: 'no-interface' } });
    }
    expect(host.feature.bridge.roomState()).toEqual({ ok: true, value: null });
  });

  it('a guest laptop checks, joins, is admitted, and both windows converge over the relayed sockets', async () => {
    const host = laptop();
    const opened = await host.feature.bridge.openRoom(openRequest);
    if (!opened.ok) throw new Error(opened.error.message);
    const room: HostedRoom = opened.value;
    expect(room).toMatchObject({ role: 'host', address: '127.0.0.1', interfaceName: 'Wi-Fi', discovery: { state: 'unavailable' } });
    expect(await host.feature.bridge.openRoom(openRequest)).toMatchObject({ ok: false, error: { code: 'io' } });

    const hostDoc = createSyncClient();
    hostDoc.doc.getText('glossary').insert(0, 'MQL = fit + engagement');
    cleanups.push(() => hostDoc.destroy());
    await connectWindow(host, hostDoc);

    const guest = laptop();
    const target = { address: '127.0.0.1', port: room.port, code: room.code };
    expect(await guest.feature.bridge.checkRoom(target)).toMatchObject({ ok: true, value: { workshopId: 'w-feature-1', workshopTitle: 'Taller Acme' } });
    const joined = await guest.feature.bridge.joinRoom({
      ...target,
      identity: { deviceId: 'guest-device-1', deviceName: 'Luis', name: 'Luis', team: 'sales', participantId: null, role: 'participant' },
      localOriginMark: null,
    });
    expect(joined).toMatchObject({ ok: true, value: { role: 'guest', state: 'waiting' } });
    await waitFor(
      () => host.events.some((event) => event.type === 'state' && event.room?.role === 'host' && event.room.waiting.length === 1),
      'host told of the request',
    );
    const current = host.feature.bridge.roomState();
    const seatId = current.ok && current.value?.role === 'host' ? current.value.waiting[0]!.seatId : '';
    expect(host.feature.bridge.admitGuest({ seatId, readOnly: false })).toEqual({ ok: true, value: undefined });
    await waitFor(
      () => guest.events.some((event) => event.type === 'state' && event.room?.role === 'guest' && event.room.state === 'admitted'),
      'guest told it is admitted',
    );

    const guestDoc = createSyncClient();
    cleanups.push(() => guestDoc.destroy());
    await connectWindow(guest, guestDoc);
    await waitFor(() => guestDoc.doc.getText('glossary').toString() === 'MQL = fit + engagement', 'guest has the host’s glossary');
    guestDoc.doc.getText('glossary').insert(0, 'SQL = meeting booked; ');
    await waitFor(() => hostDoc.doc.getText('glossary').toString() === 'SQL = meeting booked; MQL = fit + engagement', 'host has the guest’s edit');

    // Closing the room: the guest window's socket closes, its state ends with `closed`.
    expect(await host.feature.bridge.closeRoom()).toEqual({ ok: true, value: undefined });
    await waitFor(
      () =>
        guest.events.some((event) => event.type === 'state' && event.room?.role === 'guest' && event.room.state === 'ended' && event.room.reason === 'closed'),
      'guest told the room closed',
    );
    expect(guest.events.some((event) => event.type === 'socket-close')).toBe(true);
    expect(host.feature.bridge.roomState()).toEqual({ ok: true, value: null });
    // The guest keeps its copy.
    expect(guestDoc.doc.getText('glossary').toString()).toBe('SQL = meeting booked; MQL = fit + engagement');
  });

  it('socket calls without a room say so', () => {
    const win = laptop();
    expect(win.feature.bridge.roomSocketOpen()).toMatchObject({ ok: false, error: { code: 'no-room' } });
    expect(win.feature.bridge.roomSocketSend({ socketId: 9, bytes: new Uint8Array([1]) })).toMatchObject({ ok: false, error: { code: 'no-room' } });
    expect(win.feature.bridge.admitGuest({ seatId: 'x', readOnly: false })).toMatchObject({ ok: false, error: { code: 'no-room' } });
    expect(win.feature.bridge.leaveRoom()).toMatchObject({ ok: false, error: { code: 'no-room' } });
  });

  it('passes a pacto://join link to the window (a damaged one too, for its Join dialog to say what is wrong), and ignores other links', () => {
    const win = laptop();
    const target = { address: '192.168.1.5', port: 47913, code: makeLongJoinCode('ab'.repeat(32), 'ABCDEF') };
    expect(win.feature.openJoinLink('https://evil.example/')).toBe(false);
    expect(win.feature.openJoinLink('pacto://settings?x=1')).toBe(false);
    expect(win.events).toEqual([]);
    expect(win.feature.openJoinLink('pacto://join?address=192.168.1.5&port=47913&code=WRONG')).toBe(true);
    expect(win.feature.openJoinLink(` ${makeJoinUrl(target)}\n`)).toBe(true);
    expect(win.events).toEqual([
      { type: 'join-link', link: 'pacto://join?address=192.168.1.5&port=47913&code=WRONG' },
      { type: 'join-link', link: makeJoinUrl(target) },
    ]);
  });
});

describe('room feature: the window', () => {
  it('keeps a join link that arrives before the window listens, and hands it over once the window reads the room', async () => {
    let listens = false;
    const win = laptop({ windowListens: () => listens });
    const target = { address: '192.168.1.5', port: 47913, code: makeLongJoinCode('cd'.repeat(32), 'ABCDEF') };
    expect(win.feature.openJoinLink(makeJoinUrl(target))).toBe(true);
    expect(win.events).toEqual([]);
    listens = true;
    expect(win.feature.bridge.roomState()).toEqual({ ok: true, value: null });
    await waitFor(() => win.events.length === 1, 'the link delivered');
    expect(win.events).toEqual([{ type: 'join-link', link: makeJoinUrl(target) }]);
    win.feature.bridge.roomState();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.events).toHaveLength(1);
  });

  it('a reloading window’s sockets are closed, so its old presence leaves the room', async () => {
    const host = laptop();
    const opened = await host.feature.bridge.openRoom(openRequest);
    if (!opened.ok) throw new Error(opened.error.message);
    const client = createSyncClient();
    cleanups.push(() => client.destroy());
    const socketId = await connectWindow(host, client);
    expect(host.feature.bridge.roomSocketSend({ socketId, bytes: new Uint8Array([0, 0, 1, 0]) }).ok).toBe(true);
    host.feature.windowReloaded();
    expect(host.feature.bridge.roomSocketSend({ socketId, bytes: new Uint8Array([0, 0, 1, 0]) })).toMatchObject({ ok: false, error: { code: 'no-room' } });
  });
});

describe('room discovery (injected bonjour)', () => {
  it('advertises the room on its address, a browsing laptop finds it, and it re-publishes when interfaces change', async () => {
    const network = fakeNetwork();
    const host = laptop({ createBonjour: network.factory });
    const opened = await host.feature.bridge.openRoom(openRequest);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.discovery).toEqual({ state: 'advertising' });
    expect(network.published).toEqual([expect.stringMatching(new RegExp(`^Pacto ana-laptop [0-9a-f]{6}@127\\.0\\.0\\.1:${opened.value.port}$`))]);

    const guest = laptop({ createBonjour: network.factory });
    expect(guest.feature.bridge.browseRooms()).toEqual({ ok: true, value: undefined });
    const found = guest.events.filter((event) => event.type === 'discovered').at(-1);
    expect(found).toEqual({
      type: 'discovered',
      rooms: [
        { id: expect.stringContaining('_pacto._tcp.local'), workshopTitle: 'Taller Acme', hostName: 'Ana', address: '127.0.0.1', port: opened.value.port },
      ],
    });

    host.interfaces = { ...host.interfaces, en5: [nic('10.1.2.3')] };
    await waitFor(() => network.published.length === 2, 're-published');

    // The Wi-Fi goes: the room says nothing can find it; back, it is announced again.
    const wifi = host.interfaces['Wi-Fi'];
    host.interfaces = { ...host.interfaces, 'Wi-Fi': [] };
    await waitFor(
      () => host.events.some((event) => event.type === 'state' && event.room?.role === 'host' && event.room.discovery.state === 'unavailable'),
      'discovery suspended',
    );
    expect(host.feature.bridge.roomState()).toMatchObject({ ok: true, value: { discovery: { state: 'unavailable', reason: 'no-interface' } } });
    host.interfaces = { ...host.interfaces, 'Wi-Fi': wifi };
    await waitFor(() => network.published.length === 3, 're-published on return');
    expect(host.feature.bridge.roomState()).toMatchObject({ ok: true, value: { discovery: { state: 'advertising' } } });

    await host.feature.bridge.closeRoom();
    expect(guest.events.filter((event) => event.type === 'discovered').at(-1)).toEqual({ type: 'discovered', rooms: [] });
    await guest.feature.bridge.stopBrowsing();
  });

  it('a failing mDNS is a state, not an error: the room opens and says discovery is unavailable', async () => {
    const host = laptop({
      createBonjour: () => {
        throw new Error('bind EADDRINUSE 0.0.0.0:5353');
      },
    });
    const opened = await host.feature.bridge.openRoom(openRequest);
    expect(opened).toMatchObject({ ok: true, value: { discovery: { state: 'unavailable', reason: 'no-multicast' } } });
  });
});

describe('room channels over IPC', () => {
  it('checks the sender and parses every payload with the contract’s schemas', async () => {
    const win = laptop();
    const handlers = roomHandlers(win.feature.bridge, APP_ORIGIN);
    const trusted = { senderFrame: { url: APP_ENTRY_URL, parent: null } };
    expect(await handlers.interfaces({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handlers.open(trusted, { ...openRequest, address: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('address') },
    });
    expect(await handlers.socketSend(trusted, { socketId: 1, bytes: 'not bytes' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await handlers.check(trusted, { address: '127.0.0.1', port: 70_000, code: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(await handlers.join(trusted, { address: '127.0.0.1', port: 1, code: 'x', identity: { name: '' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await handlers.state(trusted, undefined)).toEqual({ ok: true, value: null });
    expect(await handlers.check(trusted, { address: '127.0.0.1', port: 1, code: 'nope' })).toMatchObject({ ok: false, error: { code: 'bad-code' } });
  });
});
