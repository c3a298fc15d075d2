/**
 * The renderer's room link in Node: y-websocket's WebsocketProvider with the
 * room socket (`renderer/data/room-socket.ts`) as its WebSocket, through a
 * bridge that is the app's main-process room on loopback
 * (`test/support/room-main.ts`: the host module, pinned TLS). A guest with an empty document takes the
 * host's; edits flow both ways; a laptop cut off keeps editing and, back on,
 * merges with nothing duplicated (also when both edited the same field and
 * the same stage); a read-only seat's edits never reach the room; presence
 * of a laptop that drops is cleared at once. Plus the origin mark.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { addStage, addTerm, initWorkshopDoc, readWorkshop, updateMeta, updateStage } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { originMarkOf } from '../../shared/room/origin-mark';
import type { RoomBridge, RoomEvent } from '../../shared/room/contract';
import { roomSocketClass, READY_STATE, UNCLAIMED_LIMIT } from '../../renderer/data/room-socket';
import { renewPresence } from '../../renderer/data/presence';
import { startMainRoomHost, type MainLaptop, type MainRoomHost } from '../support/room-main';

let host: MainRoomHost;
const providers: WebsocketProvider[] = [];
let n = 0;

beforeEach(async () => {
  host = startMainRoomHost();
});

afterEach(async () => {
  for (const p of providers.splice(0)) {
    p.awareness.destroy();
    p.destroy();
  }
  await host.close();
});

/** Waits until `condition` holds (checked on every turn of the event loop), failing after `ms`. */
async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function link(laptop: MainLaptop, roomId: string, doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider('pacto-room://room', roomId, doc, {
    WebSocketPolyfill: roomSocketClass(laptop.bridge) as unknown as typeof WebSocket,
    awareness: new Awareness(doc),
    disableBc: true,
    // Quick retries: a test waits for the reconnection, not for a long backoff.
    maxBackoffTime: 200,
  });
  providers.push(provider);
  return provider;
}

const identity = (name: string, role: 'facilitator' | 'participant' = 'participant') => ({
  deviceId: `device-${name}-0001`,
  deviceName: '',
  name,
  team: 'sales' as const,
  participantId: null,
  role,
});

/** A host with the sample workshop in a room, and an admitted guest with an empty document. */
async function hostAndGuest(options: { readOnly?: boolean } = {}) {
  const roomId = `ws-room-${++n}-${Date.now()}`;
  const hostLaptop = host.laptop(`host-${n}`);
  const guestLaptop = host.laptop(`guest-${n}`);
  const hostDoc = new Y.Doc();
  initWorkshopDoc(hostDoc, sampleWorkshop('2026-12-02'));
  const opened = await hostLaptop.bridge.openRoom({
    workshopId: roomId,
    workshopTitle: 'Taller',
    schemaVersion: 2,
    originMark: originMarkOf(hostDoc)!,
    address: '127.0.0.1',
    participants: [],
    host: identity('Ana', 'facilitator'),
  });
  if (!opened.ok) throw new Error(opened.error.message);
  const hostProvider = link(hostLaptop, roomId, hostDoc);
  await until(() => hostProvider.synced, 'the host to sync');
  const target = { address: '127.0.0.1', port: opened.value.port, code: opened.value.code };
  const checked = await guestLaptop.bridge.checkRoom(target);
  expect(checked.ok && checked.value.workshopId).toBe(roomId);
  const joined = await guestLaptop.bridge.joinRoom({ ...target, identity: identity('Jorge') });
  if (!joined.ok) throw new Error(joined.error.message);
  const state = await hostLaptop.bridge.roomState();
  const seatId = state.ok && state.value?.role === 'host' ? state.value.waiting[0]!.seatId : '';
  expect((await hostLaptop.bridge.admitGuest({ seatId, readOnly: options.readOnly ?? false })).ok).toBe(true);
  const guestDoc = new Y.Doc();
  const guestProvider = link(guestLaptop, roomId, guestDoc);
  await until(() => guestProvider.synced && guestDoc.getMap('meta').has('title'), 'the guest to take the host document');
  return { roomId, hostLaptop, guestLaptop, hostDoc, guestDoc, hostProvider, guestProvider };
}

const termIds = (doc: Y.Doc) => readWorkshop(doc).terms.map((t) => t.id);
const stage = (doc: Y.Doc, id: string) => readWorkshop(doc).funnels.sales.stages.find((s) => s.id === id);
const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('the room link (WebsocketProvider over the room socket)', () => {
  it('gives a guest with an empty document the host workshop, same ids, nothing seeded', async () => {
    const { hostDoc, guestDoc } = await hostAndGuest();
    await until(() => sameState(hostDoc, guestDoc), 'both documents to hold the same updates');
    expect(readWorkshop(guestDoc)).toEqual(readWorkshop(hostDoc));
    expect(originMarkOf(guestDoc)).toBe(originMarkOf(hostDoc));
    // The guest wrote nothing of its own: every update in its document came from the host's client.
    expect([...Y.encodeStateVector(guestDoc).keys()].length).toBeGreaterThan(0);
    expect([...Y.decodeStateVector(Y.encodeStateVector(guestDoc)).keys()]).toEqual([hostDoc.clientID]);
  });

  it('carries edits both ways', async () => {
    const { hostDoc, guestDoc } = await hostAndGuest();
    updateMeta(guestDoc, { company: 'Acme Guest' });
    await until(() => readWorkshop(hostDoc).meta.company === 'Acme Guest', 'the guest edit at the host');
    updateStage(hostDoc, 'sales', 'stage-mql', { name: 'MQL (host)' });
    await until(() => stage(guestDoc, 'stage-mql')?.name === 'MQL (host)', 'the host edit at the guest');
  });

  it('merges a laptop that was offline with nothing duplicated, also same field and same stage', async () => {
    const { hostDoc, guestDoc, guestLaptop, guestProvider } = await hostAndGuest();
    const termsBefore = termIds(hostDoc).length;
    guestLaptop.setOnline(false);
    await until(() => !guestProvider.wsconnected, 'the guest link to drop');
    // Both sides edit while apart: each adds a term, both rename the same stage and edit the same field.
    addTerm(guestDoc, { id: 'term-guest', name: 'Guest term', acronym: 'GT', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'sales' });
    addTerm(hostDoc, { id: 'term-host', name: 'Host term', acronym: 'HT', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'marketing' });
    updateStage(guestDoc, 'sales', 'stage-sql', { name: 'SQL guest', x: 500 });
    updateStage(hostDoc, 'sales', 'stage-sql', { name: 'SQL host', y: 40 });
    updateMeta(guestDoc, { company: 'Guest Co' });
    updateMeta(hostDoc, { company: 'Host Co' });
    addStage(guestDoc, 'sales', { id: 'stage-guest', name: 'Nurture', ownerTeam: 'marketing', termId: null, x: 10, y: 300 });
    expect(readWorkshop(hostDoc).meta.company).toBe('Host Co');
    guestLaptop.setOnline(true);
    await until(() => guestProvider.synced && sameState(hostDoc, guestDoc), 'the two copies to converge');
    const merged = readWorkshop(hostDoc);
    expect(readWorkshop(guestDoc)).toEqual(merged);
    // Each side's new term once, nothing else added, no id twice.
    expect(merged.terms.length).toBe(termsBefore + 2);
    expect(new Set(termIds(hostDoc)).size).toBe(merged.terms.length);
    expect(termIds(hostDoc)).toEqual(expect.arrayContaining(['term-guest', 'term-host']));
    const stageIds = merged.funnels.sales.stages.map((s) => s.id);
    expect(new Set(stageIds).size).toBe(stageIds.length);
    expect(stageIds.filter((id) => id === 'stage-guest')).toHaveLength(1);
    // The same field edited on both: one value wins on every laptop (Yjs' rule), never both, never neither.
    expect(['Guest Co', 'Host Co']).toContain(merged.meta.company);
    const sql = merged.funnels.sales.stages.find((s) => s.id === 'stage-sql')!;
    expect(['SQL guest', 'SQL host']).toContain(sql.name);
    // Different fields of the same stage both survive.
    expect(sql.x).toBe(500);
    expect(sql.y).toBe(40);
  });

  it('drops a read-only seat\u2019s edits at the host: the room never sees them', async () => {
    const { hostDoc, guestDoc } = await hostAndGuest({ readOnly: true });
    updateMeta(guestDoc, { company: 'Projector edit' });
    // A later host edit reaches the projector: proof the link works while the projector's own edit stays local.
    updateMeta(hostDoc, { title: 'Host title' });
    await until(() => readWorkshop(guestDoc).meta.title === 'Host title', 'the host edit at the projector');
    expect(readWorkshop(hostDoc).meta.company).not.toBe('Projector edit');
  });

  it('shows a guest\u2019s presence at the host, clears it as soon as the guest drops, and shows it again as soon as it is back', async () => {
    const { hostProvider, guestProvider, guestLaptop } = await hostAndGuest();
    // What the room layer does on every reconnection (renderer/data/room.ts).
    guestProvider.on('status', ({ status }) => status === 'connected' && renewPresence(guestProvider.awareness));
    guestProvider.awareness.setLocalState({ user: { name: 'Jorge', color: '#0f766e' } });
    const guestId = guestProvider.awareness.clientID;
    await until(() => hostProvider.awareness.getStates().has(guestId), 'the guest presence at the host');
    guestLaptop.setOnline(false);
    // Cleared when the socket closes (the server removes what the connection controlled), not after awareness' 30 s timeout.
    await until(() => !hostProvider.awareness.getStates().has(guestId), 'the guest presence to go', 5_000);
    guestLaptop.setOnline(true);
    // Without the renewal, the state re-sent on connecting carries the clock the server already has and is ignored for 15 s.
    await until(() => hostProvider.awareness.getStates().has(guestId), 'the guest presence back', 5_000);
  });
});

describe('the room socket', () => {
  /** A bridge whose events the test sends by hand, and whose open answers when the test says. */
  function manualBridge() {
    const listeners = new Set<(e: RoomEvent) => void>();
    let answer: (id: number) => void = () => undefined;
    const sent: Uint8Array[] = [];
    const closed: number[] = [];
    const bridge = {
      roomSocketOpen: () => new Promise((resolve) => (answer = (socketId: number) => resolve({ ok: true, value: { socketId } }))),
      roomSocketSend: async ({ bytes }: { bytes: Uint8Array }) => {
        sent.push(bytes);
        return { ok: true, value: undefined };
      },
      roomSocketClose: async ({ socketId }: { socketId: number }) => {
        closed.push(socketId);
        return { ok: true, value: undefined };
      },
      onRoomEvent: (l: (e: RoomEvent) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    } as unknown as RoomBridge;
    const fire = (e: RoomEvent) => listeners.forEach((l) => l(e));
    return { bridge, fire, answer: (id: number) => answer(id), sent, closed, listeners };
  }

  it('keeps events that overtake the open reply and delivers them in order once the id is known', async () => {
    const m = manualBridge();
    const Socket = roomSocketClass(m.bridge);
    const socket = new Socket('ignored');
    const got: string[] = [];
    socket.onopen = () => got.push('open');
    socket.onmessage = (e) => got.push(`message:${new Uint8Array(e.data as ArrayBuffer).join(',')}`);
    m.fire({ type: 'socket-open', socketId: 7 });
    m.fire({ type: 'socket-message', socketId: 7, bytes: new Uint8Array([1, 2]) });
    m.fire({ type: 'socket-message', socketId: 8, bytes: new Uint8Array([9]) });
    expect(socket.readyState).toBe(READY_STATE.CONNECTING);
    m.answer(7);
    await until(() => got.length === 2, 'the early events');
    expect(got).toEqual(['open', 'message:1,2']);
    socket.send(new Uint8Array([3]));
    expect(m.sent.map((b) => [...b])).toEqual([[3]]);
    const closes: number[] = [];
    socket.onclose = (e) => closes.push(e.code);
    m.fire({ type: 'socket-close', socketId: 7, code: 1006, reason: 'gone' });
    expect(closes).toEqual([1006]);
    expect(socket.readyState).toBe(READY_STATE.CLOSED);
    // The last socket gone, the router stops listening.
    expect(m.listeners.size).toBe(0);
  });

  it('closes main\u2019s end when the provider closes before the open answered', async () => {
    const m = manualBridge();
    const socket = new (roomSocketClass(m.bridge))('ignored');
    socket.close();
    expect(socket.readyState).toBe(READY_STATE.CLOSED);
    m.answer(3);
    await until(() => m.closed.length === 1, 'the late close');
    expect(m.closed).toEqual([3]);
  });

  it('drops events of sockets nobody claims beyond a bound, and they never reach another socket', async () => {
    const m = manualBridge();
    const socket = new (roomSocketClass(m.bridge))('ignored');
    const messages: number[] = [];
    socket.onmessage = (e) => messages.push(new Uint8Array(e.data as ArrayBuffer)[0]!);
    // A socket closed before main answered leaves events nobody will claim.
    for (let i = 0; i < UNCLAIMED_LIMIT * 2; i++) m.fire({ type: 'socket-message', socketId: 99, bytes: new Uint8Array([1]) });
    m.fire({ type: 'socket-open', socketId: 1 });
    m.fire({ type: 'socket-message', socketId: 1, bytes: new Uint8Array([42]) });
    m.answer(1);
    await until(() => messages.length === 1, 'socket 1 to get its own message');
    expect(messages).toEqual([42]);
    expect(socket.readyState).toBe(READY_STATE.OPEN);
  });
});

describe('the origin mark', () => {
  it('is kept by copies, renames and garbage collection, and differs for a document seeded apart', () => {
    const a = new Y.Doc();
    initWorkshopDoc(a, sampleWorkshop('2026-12-02'));
    const mark = originMarkOf(a);
    expect(mark).toMatch(/^y1:\d+:\d+$/);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a));
    updateMeta(copy, { title: 'Renamed' });
    updateMeta(copy, { title: 'Renamed again' });
    expect(originMarkOf(copy)).toBe(mark);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(copy));
    expect(originMarkOf(reloaded)).toBe(mark);
    const apart = new Y.Doc();
    initWorkshopDoc(apart, sampleWorkshop('2026-12-02'));
    expect(originMarkOf(apart)).not.toBe(mark);
    expect(originMarkOf(new Y.Doc())).toBeNull();
  });
});
