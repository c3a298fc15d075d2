// Three laptops, each with the app's real main-process room behind its
// RoomBridge (test/support/room-main.ts), on 127.0.0.1: the facilitator opens,
// two join with the code and are admitted, a projector watches read-only, all
// converge; one laptop leaves the network, keeps editing, and merges on return.
// And the faults: the host quits mid-edit (the guests keep working, and one
// reopens the room from its copy), a guest killed mid-typing, a term deleted
// on one laptop while another edits it offline.
import { afterEach, describe, expect, it } from 'vitest';
import type { HostedRoom, RoomBridge, RoomEvent, SeatIdentity } from '../../shared/room/contract';
import { createSyncClient, waitFor, type SyncClient } from '../support/room-fixture';
import { startMainRoomHost, type MainLaptop, type MainRoomHost } from '../support/room-main';
import { DOC_SCHEMA_VERSION, initWorkshopDoc, readWorkshop, removeTerm, updateTerm } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

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

/** Opens a room on `host` for `hostDoc` (workshop `workshopId`), joins and admits `guests`, and runs every laptop's window. */
async function roomOf(
  host: MainLaptop,
  hostDoc: SyncClient,
  guests: [MainLaptop, SyncClient][],
  workshopId = 'w-faults',
): Promise<{ target: { address: string; port: number; code: string } }> {
  const opened = await host.bridge.openRoom({
    workshopId,
    workshopTitle: 'Acme',
    schemaVersion: DOC_SCHEMA_VERSION,
    originMark: 'mark-1',
    address: '127.0.0.1',
    participants: [],
    host: seat(host.name, 'facilitator'),
  });
  if (!opened.ok) throw new Error(opened.error.message);
  window(host.bridge, hostDoc);
  const target = { address: opened.value.address, port: opened.value.port, code: opened.value.code };
  for (const [laptop, client] of guests) {
    expect(await laptop.bridge.joinRoom({ ...target, identity: seat(laptop.name), localOriginMark: null })).toMatchObject({ ok: true });
    let seatId = '';
    await waitFor(() => {
      const state = host.feature.bridge.roomState();
      seatId = state.ok && state.value?.role === 'host' ? (state.value.waiting[0]?.seatId ?? '') : '';
      return seatId !== '';
    }, `${laptop.name}'s request`);
    expect((await host.bridge.admitGuest({ seatId, readOnly: false })).ok).toBe(true);
    window(laptop.bridge, client);
  }
  await waitFor(() => guests.every(([, client]) => client.synced()), 'every guest synced');
  return { target };
}

const guestState = (laptop: MainLaptop) => {
  const state = laptop.feature.bridge.roomState();
  return state.ok && state.value?.role === 'guest' ? state.value : null;
};

describe('faults through the real main room', () => {
  it('the host quits mid-edit: guests are told, keep their copy and keep editing, and one reopens the room from its copy', async () => {
    room = startMainRoomHost();
    const [lucia, jorge, sofia] = ['lucia', 'jorge', 'sofia'].map((name) => room!.laptop(name));
    const luciaDoc = createSyncClient();
    const jorgeDoc = createSyncClient();
    luciaDoc.doc.getText('definition').insert(0, 'SQL: ');
    await roomOf(lucia!, luciaDoc, [[jorge!, jorgeDoc]]);
    const text = (client: SyncClient) => client.doc.getText('definition').toString();
    await waitFor(() => text(jorgeDoc) === 'SQL: ', 'jorge has the host’s text');
    // Jorge types; the host quits (the app's will-quit disposes the room) while he is at it.
    const typed = 'reunión agendada con Ventas';
    for (const [i, char] of [...typed].entries()) {
      jorgeDoc.doc.getText('definition').insert(5 + i, char);
      if (i === 10) {
        await waitFor(() => text(luciaDoc).length >= 10, 'the host has part of it');
        void lucia!.feature.dispose();
      }
    }
    await waitFor(() => guestState(jorge!) === null || guestState(jorge!)?.state === 'ended', 'jorge told the room is gone');
    expect(jorge!.feature.bridge.roomState()).toMatchObject({ ok: true });
    // Nothing of his is lost, and his copy still takes edits.
    expect(text(jorgeDoc)).toBe(`SQL: ${typed}`);
    jorgeDoc.doc.getText('definition').insert(text(jorgeDoc).length, '.');
    // He reopens the room from his copy; Sofía joins it and takes all of it.
    const sofiaDoc = createSyncClient();
    await roomOf(jorge!, jorgeDoc, [[sofia!, sofiaDoc]]);
    await waitFor(() => text(sofiaDoc) === `SQL: ${typed}.`, 'sofia takes jorge’s copy');
  });

  it('a guest killed mid-typing: what the host received stays, the others converge on it, its seat goes and so does its presence', async () => {
    room = startMainRoomHost();
    const [lucia, jorge, sofia] = ['lucia', 'jorge', 'sofia'].map((name) => room!.laptop(name));
    const [luciaDoc, jorgeDoc, sofiaDoc] = [createSyncClient(), createSyncClient(), createSyncClient()];
    await roomOf(lucia!, luciaDoc, [
      [jorge!, jorgeDoc],
      [sofia!, sofiaDoc],
    ]);
    jorgeDoc.awareness.setLocalStateField('user', { name: 'Jorge' });
    const names = (client: SyncClient) => [...client.awareness.getStates().values()].map((s) => (s as { user?: { name: string } }).user?.name);
    await waitFor(() => names(luciaDoc).includes('Jorge'), 'jorge’s presence at the host');
    const text = (client: SyncClient) => client.doc.getText('notes').toString();
    const typed = 'Leads con fit y engagement';
    for (const [i, char] of [...typed].entries()) {
      jorgeDoc.doc.getText('notes').insert(i, char);
      if (i === 8) {
        await waitFor(() => text(luciaDoc).length >= 5, 'the host has part of it');
        // Killed: the network goes first (no goodbye reaches anyone), then the process.
        jorge!.setOnline(false);
        void jorge!.feature.dispose();
      }
    }
    await waitFor(() => text(sofiaDoc) === text(luciaDoc) && text(luciaDoc).length > 0, 'sofia converges on what the host has');
    expect(typed.startsWith(text(luciaDoc))).toBe(true);
    await waitFor(() => {
      const state = lucia!.feature.bridge.roomState();
      return state.ok && state.value?.role === 'host' && state.value.seats.every((s) => s.identity.name !== 'jorge' || !s.connected);
    }, 'jorge’s seat gone');
    await waitFor(() => !names(luciaDoc).includes('Jorge') && !names(sofiaDoc).includes('Jorge'), 'jorge’s presence gone');
    // The room goes on.
    sofiaDoc.doc.getText('notes').insert(0, '» ');
    await waitFor(() => text(luciaDoc).startsWith('» '), 'the room goes on');
  });

  it('a term deleted on one laptop while another edits it offline: on return it stays deleted, and both read the same valid workshop', async () => {
    room = startMainRoomHost();
    const [lucia, jorge] = ['lucia', 'jorge'].map((name) => room!.laptop(name));
    const luciaDoc = createSyncClient();
    initWorkshopDoc(luciaDoc.doc, sampleWorkshop('2026-12-02'));
    const jorgeDoc = createSyncClient();
    await roomOf(lucia!, luciaDoc, [[jorge!, jorgeDoc]]);
    const term = readWorkshop(luciaDoc.doc).terms[0]!;
    await waitFor(() => readWorkshop(jorgeDoc.doc).terms.some((t) => t.id === term.id), 'jorge has the term');
    jorge!.setOnline(false);
    await waitFor(() => guestState(jorge!)?.state === 'reconnecting', 'jorge offline');
    removeTerm(luciaDoc.doc, term.id);
    updateTerm(jorgeDoc.doc, term.id, { name: `${term.name} (editado sin red)` });
    jorge!.setOnline(true);
    await waitFor(() => !readWorkshop(jorgeDoc.doc).terms.some((t) => t.id === term.id), 'the deletion reaches jorge');
    await waitFor(() => JSON.stringify(readWorkshop(jorgeDoc.doc)) === JSON.stringify(readWorkshop(luciaDoc.doc)), 'both the same');
    expect(readWorkshop(luciaDoc.doc).terms.some((t) => t.name.includes('editado sin red'))).toBe(false);
  });
});
