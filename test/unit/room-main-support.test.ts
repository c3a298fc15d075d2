// Three laptops, each with the app's real main-process room behind its
// RoomBridge (test/support/room-main.ts), on 127.0.0.1: the facilitator opens,
// two join with the code and are admitted, a projector watches read-only, all
// converge; one laptop leaves the network, keeps editing, and merges on return.
import { afterEach, describe, expect, it } from 'vitest';
import type { HostedRoom, RoomBridge, RoomEvent, SeatIdentity } from '../../shared/room/contract';
import { createSyncClient, waitFor, type SyncClient } from '../support/room-fixture';
import { startMainRoomHost, type MainRoomHost } from '../support/room-main';

let room: MainRoomHost | null = null;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await room?.close();
  room = null;
});

function seat(name: string, role: SeatIdentity['role'] = 'participant'): SeatIdentity {
  return { deviceId: `device-${name}-0001`, deviceName: name, name, team: role === 'facilitator' ? 'marketing' : 'sales', participantId: null, role };
}

/** Runs a Y.Doc over the bridge's room socket, as data/room-socket.ts does; reopens when the socket closes. */
function window(bridge: RoomBridge, client: SyncClient): void {
  let socketId = -1;
  let live = true;
  const open = async () => {
    if (!live) return;
    const opened = await bridge.roomSocketOpen();
    if (opened.ok) socketId = opened.value.socketId;
    else setTimeout(() => void open(), 50);
  };
  const off = bridge.onRoomEvent((event: RoomEvent) => {
    if (event.type === 'socket-open' && event.socketId === socketId) client.opened((bytes) => void bridge.roomSocketSend({ socketId, bytes }));
    if (event.type === 'socket-message' && event.socketId === socketId) client.receive(event.bytes);
    if (event.type === 'socket-close' && event.socketId === socketId) {
      client.closed();
      setTimeout(() => void open(), 50);
    }
  });
  cleanups.push(() => {
    live = false;
    off();
    client.destroy();
  });
  void open();
}

describe('three laptops through the real main room', () => {
  it('join with the code, admission, read-only projector, convergence, offline merge', async () => {
    room = startMainRoomHost();
    const lucia = room.laptop('lucia');
    const jorge = room.laptop('jorge');
    const screen = room.laptop('screen');
    const interfaces = await lucia.bridge.roomInterfaces();
    const wifi = interfaces.ok ? interfaces.value[0] : undefined;
    const opened = await lucia.bridge.openRoom({
      workshopId: 'w-three',
      workshopTitle: 'Acme',
      schemaVersion: 2,
      originMark: 'mark-1',
      address: wifi!.address,
      participants: [],
      host: seat('Lucia', 'facilitator'),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const hosted: HostedRoom = opened.value;
    const luciaDoc = createSyncClient();
    luciaDoc.doc.getArray<string>('stages').push(['Lead', 'MQL']);
    window(lucia.bridge, luciaDoc);

    const target = { address: hosted.address, port: hosted.port, code: hosted.code };
    expect(await jorge.bridge.checkRoom(target)).toMatchObject({ ok: true, value: { workshopId: 'w-three' } });
    for (const [laptop, who] of [
      [jorge, seat('Jorge')],
      [screen, seat('Screen', 'projector')],
    ] as const) {
      expect(await laptop.bridge.joinRoom({ ...target, identity: who, localOriginMark: null })).toMatchObject({ ok: true, value: { state: 'waiting' } });
    }
    await waitFor(() => {
      const state = lucia.feature.bridge.roomState();
      return state.ok && state.value?.role === 'host' && state.value.waiting.length === 2;
    }, 'two requests');
    const state = lucia.feature.bridge.roomState();
    if (!state.ok || state.value?.role !== 'host') throw new Error('no room');
    for (const request of state.value.waiting) expect((await lucia.bridge.admitGuest({ seatId: request.seatId, readOnly: false })).ok).toBe(true);

    const jorgeDoc = createSyncClient();
    const screenDoc = createSyncClient();
    window(jorge.bridge, jorgeDoc);
    window(screen.bridge, screenDoc);
    const stages = (client: SyncClient) => client.doc.getArray<string>('stages').toArray().join(',');
    await waitFor(() => stages(jorgeDoc) === 'Lead,MQL' && stages(screenDoc) === 'Lead,MQL', 'guests take the host’s workshop');

    jorgeDoc.doc.getArray<string>('stages').push(['SQL']);
    screenDoc.doc.getArray<string>('stages').push(['PROJECTOR EDIT']);
    await waitFor(() => stages(luciaDoc) === 'Lead,MQL,SQL' && stages(screenDoc).includes('SQL'), 'a guest edit reaches everyone');
    expect(stages(luciaDoc)).not.toContain('PROJECTOR');

    jorge.setOnline(false);
    await waitFor(() => {
      const guest = jorge.feature.bridge.roomState();
      return guest.ok && guest.value?.role === 'guest' && guest.value.state === 'reconnecting';
    }, 'jorge reconnecting');
    jorgeDoc.doc.getArray<string>('stages').push(['Opportunity (offline)']);
    luciaDoc.doc.getArray<string>('stages').push(['Customer']);
    jorge.setOnline(true);
    await waitFor(() => luciaDoc.doc.getArray('stages').length === 5 && jorgeDoc.doc.getArray('stages').length === 5, 'merged on return');
    expect([...luciaDoc.doc.getArray<string>('stages').toArray()].sort()).toEqual(['Customer', 'Lead', 'MQL', 'Opportunity (offline)', 'SQL']);
    expect(jorgeDoc.doc.getArray('stages').toJSON()).toEqual(luciaDoc.doc.getArray('stages').toJSON());
  });
});
