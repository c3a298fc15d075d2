/**
 * The renderer's room layer (`renderer/data/room.ts`) as a guest, in Node
 * with its database in fake-indexeddb and main the app's own room module on
 * loopback (`test/support/room-main.ts`): a laptop without the workshop
 * takes the host's (same id, its own copy kept in the database); a laptop whose copy of that id was seeded
 * apart is refused (`diverged`) and, asked to, opens the room as a separate
 * copy under another id, its own copy untouched; a copy of the same lineage
 * with edits made elsewhere merges, nothing duplicated; leaving keeps the copy.
 * The link binds the facilitation timers' clock: a guest learns its offset
 * to a host whose clock is 4 minutes ahead, and forgets it on leaving.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { addTerm, initWorkshopDoc, readWorkshop } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { originMarkOf } from '../../shared/room/origin-mark';
import { createDb, type PactoDb } from '../../renderer/data/db';
import { createWorkshop, flushDoc, openWorkshop } from '../../renderer/data/workshops';
import { checkRoom, currentRoom, joinRoom, leaveRoom, startRoomLayer, type RoomCheck } from '../../renderer/data/room';
import { currentSeat } from '../../renderer/data/seat';
import { roomSocketClass } from '../../renderer/data/room-socket';
import { startMainRoomHost, type MainLaptop, type MainRoomHost } from '../support/room-main';
import { bindRoomClock, type AwarenessLike } from '../../renderer/features/facilitation/room-clock';
import { clockOffsetMs } from '../../renderer/features/facilitation/hooks';

beforeAll(() => {
  // The room layer remembers its room for a reload in sessionStorage; Node has none.
  const store = new Map<string, string>();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
});

let host: MainRoomHost;
let stopLayer: (() => void) | null = null;
let hostProvider: WebsocketProvider | null = null;
let n = 0;

beforeEach(async () => {
  host = startMainRoomHost();
});

afterEach(async () => {
  await leaveRoom();
  stopLayer?.();
  stopLayer = null;
  hostProvider?.awareness.destroy();
  hostProvider?.destroy();
  hostProvider = null;
  await host.close();
});

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A host laptop with `doc` in a room under `roomId`; returns its bridge and the target a guest types. */
async function hostRoom(roomId: string, doc: Y.Doc): Promise<{ hostLaptop: MainLaptop; target: { address: string; port: number; code: string } }> {
  const hostLaptop = host.laptop(`host-${++n}`);
  const opened = await hostLaptop.bridge.openRoom({
    workshopId: roomId,
    workshopTitle: 'Taller de la sala',
    schemaVersion: 2,
    originMark: originMarkOf(doc)!,
    address: '127.0.0.1',
    participants: [],
    host: { deviceId: 'host-device-01', deviceName: '', name: 'Lucía', team: 'marketing', participantId: null, role: 'facilitator' },
  });
  if (!opened.ok) throw new Error(opened.error.message);
  hostProvider = new WebsocketProvider('pacto-room://room', roomId, doc, {
    WebSocketPolyfill: roomSocketClass(hostLaptop.bridge) as unknown as typeof WebSocket,
    awareness: new Awareness(doc),
    disableBc: true,
  });
  const provider = hostProvider;
  await until(() => provider.synced, 'the host to sync');
  return { hostLaptop, target: { address: '127.0.0.1', port: opened.value.port, code: opened.value.code } };
}

async function admitFirst(hostLaptop: MainLaptop): Promise<void> {
  let seatId = '';
  await until(async () => {
    const s = await hostLaptop.bridge.roomState();
    seatId = s.ok && s.value?.role === 'host' ? (s.value.waiting[0]?.seatId ?? '') : '';
    return seatId !== '';
  }, 'the join request');
  expect((await hostLaptop.bridge.admitGuest({ seatId, readOnly: false })).ok).toBe(true);
}

async function guest(name: string): Promise<{ db: PactoDb; laptop: MainLaptop }> {
  const db = createDb(`room-client-${name}-${++n}`);
  const laptop = host.laptop(`guest-${n}`);
  stopLayer = await startRoomLayer({ bridge: laptop.bridge, db });
  return { db, laptop };
}

const who = { name: 'Jorge', team: 'sales' as const, participantId: null };

async function contentOf(db: PactoDb, id: string) {
  const open = await openWorkshop(db, id);
  try {
    return readWorkshop(open.doc);
  } finally {
    open.close();
  }
}

describe('joining a room (renderer/data/room.ts)', () => {
  it('takes the host workshop under its id on a laptop that does not have it, and keeps it after leaving', async () => {
    const roomId = `room-new-${Date.now()}`;
    const hostDoc = new Y.Doc();
    initWorkshopDoc(hostDoc, sampleWorkshop('2026-12-02'));
    const { hostLaptop, target } = await hostRoom(roomId, hostDoc);
    const { db } = await guest('new');
    const check = await checkRoom(target);
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.local).toBe('new');
    expect((await joinRoom(check.value, who)).ok).toBe(true);
    expect(currentRoom().room).toMatchObject({ role: 'guest', state: 'waiting' });
    await admitFirst(hostLaptop);
    await until(() => currentRoom().ready, 'the first sync');
    expect(currentRoom().workshopId).toBe(roomId);
    expect(currentSeat()).toMatchObject({ inRoom: true, role: 'participant', identity: { name: 'Jorge' } });
    await flushDoc(db);
    expect(await contentOf(db, roomId)).toEqual(readWorkshop(hostDoc));
    await leaveRoom();
    expect(currentRoom()).toMatchObject({ room: null, link: 'off', ended: 'left' });
    expect(currentSeat()).toMatchObject({ inRoom: false, role: 'facilitator', identity: null });
    expect((await contentOf(db, roomId)).meta.title).toBe(readWorkshop(hostDoc).meta.title);
  });

  it('refuses a copy of the same id seeded apart, and opens the room as a separate copy leaving it untouched', async () => {
    const roomId = `room-diverged-${Date.now()}`;
    const hostDoc = new Y.Doc();
    initWorkshopDoc(hostDoc, { ...sampleWorkshop('2026-12-02'), meta: { ...sampleWorkshop('2026-12-02').meta, title: 'Host workshop' } });
    const { hostLaptop, target } = await hostRoom(roomId, hostDoc);
    const { db } = await guest('diverged');
    // Same id, seeded on this laptop: another lineage.
    await createWorkshop(db, { ...sampleWorkshop('2026-12-02'), meta: { ...sampleWorkshop('2026-12-02').meta, title: 'My own workshop' } }, roomId);
    const check = await checkRoom(target);
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.local).toBe('diverged');
    const refused = await joinRoom(check.value, who);
    expect(refused).toMatchObject({ ok: false, error: { code: 'diverged' } });
    expect(currentRoom().room).toBeNull();
    const joined = await joinRoom(check.value, who, { separateCopy: true });
    expect(joined.ok).toBe(true);
    await admitFirst(hostLaptop);
    await until(() => currentRoom().ready, 'the first sync');
    const copyId = currentRoom().workshopId!;
    expect(copyId).not.toBe(roomId);
    await flushDoc(db);
    expect((await contentOf(db, copyId)).meta.title).toBe('Host workshop');
    expect((await contentOf(db, roomId)).meta.title).toBe('My own workshop');
    // Joining again later finds the same separate copy.
    const again = await checkRoom(target);
    expect(again.ok && (again.value as RoomCheck).separateCopyId).toBe(copyId);
  });

  it('merges a copy of the same lineage edited elsewhere, with nothing duplicated', async () => {
    const roomId = `room-same-${Date.now()}`;
    const hostDoc = new Y.Doc();
    initWorkshopDoc(hostDoc, sampleWorkshop('2026-12-02'));
    const { db } = await guest('same');
    // This laptop got the workshop earlier (a .pacto file: the binary state), then both sides edited apart.
    const now = new Date().toISOString();
    await db.workshops.add({
      id: roomId,
      title: 't',
      company: '',
      date: '',
      language: 'es',
      currency: 'EUR',
      status: 'draft',
      createdAt: now,
      updatedAt: now,
    } as never);
    const mine = await openWorkshop(db, roomId);
    Y.applyUpdate(mine.doc, Y.encodeStateAsUpdate(hostDoc));
    addTerm(mine.doc, { id: 'term-mine', name: 'Mine', acronym: '', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'sales' });
    await flushDoc(db);
    mine.close();
    addTerm(hostDoc, { id: 'term-host', name: 'Host', acronym: '', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'marketing' });
    const { hostLaptop, target } = await hostRoom(roomId, hostDoc);
    const check = await checkRoom(target);
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.local).toBe('same');
    expect((await joinRoom(check.value, who)).ok).toBe(true);
    await admitFirst(hostLaptop);
    await until(() => readWorkshop(hostDoc).terms.some((t) => t.id === 'term-mine'), 'this laptop\u2019s term at the host');
    await until(async () => (await contentOf(db, roomId)).terms.some((t) => t.id === 'term-host'), 'the host\u2019s term here');
    const ids = readWorkshop(hostDoc).terms.map((t) => t.id);
    expect(ids.length).toBe(sampleWorkshop('2026-12-02').terms.length + 2);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await contentOf(db, roomId)).terms.map((t) => t.id).sort()).toEqual([...ids].sort());
  });

  it('binds the room clock: a guest learns the host\u2019s clock offset from its stamps, and drops it on leaving', async () => {
    const roomId = `room-clock-${Date.now()}`;
    const hostDoc = new Y.Doc();
    initWorkshopDoc(hostDoc, sampleWorkshop('2026-12-02'));
    const { hostLaptop, target } = await hostRoom(roomId, hostDoc);
    // The host's clock runs 4 minutes ahead of the guest's; the test says when it stamps.
    const ahead = 240_000;
    let stamp: (() => void) | null = null;
    const stopHostClock = bindRoomClock(hostProvider!.awareness as unknown as AwarenessLike, true, {
      now: () => Date.now() + ahead,
      setInterval: (fn) => (stamp = fn),
      clearInterval: () => (stamp = null),
      setOffset: () => undefined,
    });
    await guest('clock');
    expect(clockOffsetMs()).toBe(0);
    const check = await checkRoom(target);
    if (!check.ok) throw new Error(check.error.message);
    expect((await joinRoom(check.value, who)).ok).toBe(true);
    await admitFirst(hostLaptop);
    await until(() => currentRoom().ready, 'the first sync');
    // A fresh stamp once the guest is in: its estimate is the skew less the stamp's trip over loopback.
    const before = clockOffsetMs();
    stamp!();
    await until(() => clockOffsetMs() !== before || clockOffsetMs() > ahead - 1_000, 'the stamp to arrive');
    expect(clockOffsetMs()).toBeGreaterThan(ahead - 1_000);
    expect(clockOffsetMs()).toBeLessThanOrEqual(ahead);
    await leaveRoom();
    expect(clockOffsetMs()).toBe(0);
    stopHostClock();
  });
});
