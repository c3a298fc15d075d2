// The room host and guest in main, over real TLS WebSockets on 127.0.0.1:
// code check, wrong codes limited, admission, removal, the read-only seat,
// version and lineage refusals, convergence of several Y.Docs, reconnect
// merge, vanished laptops, garbage, and what a listener on the wire sees.
import { randomBytes } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { createRoomCertificate, type RoomCertificate } from '../../electron/main/room/certificate';
import { startRoomHost, type HostDeps, type RoomHost } from '../../electron/main/room/host';
import { checkRoom, connectError, connectPinned, createGuestSession, type GuestDeps, type GuestSession } from '../../electron/main/room/guest';
import { systemTimers, type RoomLogger } from '../../electron/main/room/timers';
import { CONTROL_PATH, SYNC_PATH } from '../../electron/main/room/wire';
import { makeJoinCode, parseJoinCode } from '../../shared/room/join-code';
import type { GuestRoom, OpenRoomRequest, SeatIdentity } from '../../shared/room/contract';
import { createSyncClient, startLoopbackProxy, waitFor, type LoopbackProxy, type SyncClient } from '../support/room-fixture';
import { readWorkshop, updateStage, updateTerm } from '../../shared/domain/workshop-doc';
import { lockSectionInDoc, readFacilitation, setFacilitator, writeAgenda, writeRun } from '../../shared/facilitation/facilitation-doc';
import { startTimer } from '../../shared/facilitation/timer';
import { parseRefusalReason } from '../../shared/facilitation/write-guard';
import { sampleDoc } from '../support/workshop';

let certificate: RoomCertificate;
beforeAll(() => {
  certificate = createRoomCertificate('127.0.0.1');
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function logger(): RoomLogger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (line) => lines.push(line), warn: (line) => lines.push(line) };
}

const request: OpenRoomRequest = {
  workshopId: 'w-room-1',
  workshopTitle: 'Acme alignment',
  schemaVersion: 2,
  originMark: 'origin-acme',
  address: '127.0.0.1',
  participants: [{ id: 'p1', name: 'Jorge', team: 'sales' }],
  host: { deviceId: 'host-device-1', deviceName: 'Host', name: 'Ana', team: 'marketing', participantId: null, role: 'facilitator' },
};

function identity(name: string, role: SeatIdentity['role'] = 'participant', participantId: string | null = null): SeatIdentity {
  return { deviceId: `dev-${name.toLowerCase()}-0001`, deviceName: `${name}'s laptop`, name, team: 'sales', participantId, role };
}

async function openHost(overrides: Partial<HostDeps> = {}): Promise<RoomHost & { log: ReturnType<typeof logger> }> {
  const log = logger();
  const result = await startRoomHost(
    request,
    { address: '127.0.0.1', interfaceName: 'lo', port: 0 },
    {
      timers: systemTimers,
      log,
      randomBytes: (n) => randomBytes(n),
      appVersion: '1.0.0',
      onChange: () => {},
      createCertificate: () => certificate,
      ...overrides,
    },
  );
  if (!result.ok) throw new Error(result.error.message);
  cleanups.push(() => result.value.close());
  return Object.assign(result.value, { log });
}

function guestDeps(overrides: Partial<GuestDeps> = {}): GuestDeps {
  return { timers: systemTimers, log: logger(), appVersion: '1.0.0', schemaVersion: 2, platform: 'linux', ...overrides };
}

interface Guest {
  session: GuestSession;
  states: GuestRoom[];
}

async function join(
  port: number,
  code: string,
  name: string,
  deps: GuestDeps = guestDeps(),
  role: SeatIdentity['role'] = 'participant',
  participantId: string | null = null,
): Promise<Guest> {
  const states: GuestRoom[] = [];
  const result = await createGuestSession({ address: '127.0.0.1', port, code, identity: identity(name, role, participantId) }, deps, (state) =>
    states.push(state),
  );
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  cleanups.push(() => result.value.leave());
  return { session: result.value, states };
}

/** Joins and is admitted. */
async function seated(
  host: RoomHost,
  name: string,
  options: { port?: number; readOnly?: boolean; role?: SeatIdentity['role']; deps?: GuestDeps; participantId?: string } = {},
): Promise<Guest> {
  const guest = await join(options.port ?? host.port, host.code, name, options.deps, options.role, options.participantId ?? null);
  const waiting = host.view().waiting.find((entry) => entry.identity.name === name);
  expect(waiting).toBeDefined();
  expect(host.admit(waiting!.seatId, options.readOnly ?? false)).toEqual({ ok: true, value: undefined });
  await waitFor(() => guest.session.state().state === 'admitted', `${name} admitted`);
  return guest;
}

/** Connects a sync client through a guest session; returns the socket's close. */
function syncGuest(guest: Guest, client: SyncClient): () => void {
  let socket: { send(bytes: Uint8Array): void; close(): void } | null = null;
  const opened = guest.session.openSync({
    open: () => client.opened((bytes) => socket?.send(bytes)),
    message: (bytes) => client.receive(bytes),
    close: () => client.closed(),
  });
  if (!opened.ok) throw new Error(opened.error.message);
  socket = opened.value;
  return () => socket?.close();
}

/** Connects a sync client as the host's own window. */
function syncHost(host: RoomHost, client: SyncClient): () => void {
  const pending: Uint8Array[] = [];
  let local: { send(bytes: Uint8Array): void; close(): void } | null = null;
  client.opened((bytes) => (local ? local.send(bytes) : pending.push(bytes)));
  local = host.openLocalConn({ message: (bytes) => client.receive(bytes), close: () => client.closed() });
  for (const bytes of pending.splice(0)) local.send(bytes);
  return () => local?.close();
}

function textOf(client: SyncClient): string {
  return client.doc.getText('notes').toString();
}

describe('room host: the code', () => {
  it('listens only on the address it was given and answers a right code with the room info', async () => {
    const host = await openHost();
    expect(host.address).toBe('127.0.0.1');
    const info = await checkRoom({ address: '127.0.0.1', port: host.port, code: host.code }, guestDeps());
    expect(info).toEqual({
      ok: true,
      value: {
        workshopId: 'w-room-1',
        workshopTitle: 'Acme alignment',
        schemaVersion: 2,
        originMark: 'origin-acme',
        appVersion: '1.0.0',
        participants: request.participants,
      },
    });
    // Another loopback address of this machine: nothing listens there.
    const refused = await new Promise<string>((resolve) => {
      const socket = netConnect({ host: '127.0.0.2', port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('the long code of the join link works too', async () => {
    const host = await openHost();
    expect(host.joinUrl).toContain(`port=${host.port}`);
    expect((await checkRoom({ address: '127.0.0.1', port: host.port, code: host.longCode }, guestDeps())).ok).toBe(true);
  });

  it('a typo never reaches the host; a wrong secret is refused, counted and logged', async () => {
    const host = await openHost();
    const typo = host.code.slice(0, -1) + (host.code.endsWith('0') ? '1' : '0');
    expect(await checkRoom({ address: '127.0.0.1', port: host.port, code: typo }, guestDeps())).toMatchObject({ ok: false, error: { code: 'bad-code' } });
    expect(host.view().refusedAttempts).toEqual([]);
    const parsed = parseJoinCode(host.code);
    if (!parsed.ok) throw new Error('code');
    const wrong = makeJoinCode(host.fingerprint, parsed.value.secret === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
    expect(await checkRoom({ address: '127.0.0.1', port: host.port, code: wrong }, guestDeps())).toMatchObject({ ok: false, error: { code: 'bad-code' } });
    expect(host.view().refusedAttempts).toEqual([{ remoteAddress: '127.0.0.1', at: expect.any(Number) }]);
    expect(host.log.lines.some((line) => line.includes('wrong code from 127.0.0.1'))).toBe(true);
  });

  it('limits wrong codes: after five, the address is locked out even with the right code', async () => {
    const host = await openHost();
    const parsed = parseJoinCode(host.code);
    if (!parsed.ok) throw new Error('code');
    const wrong = makeJoinCode(host.fingerprint, parsed.value.secret === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA');
    const answers: string[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const result = await checkRoom({ address: '127.0.0.1', port: host.port, code: wrong }, guestDeps());
      answers.push(result.ok ? 'ok' : result.error.code);
    }
    expect(answers).toEqual([...Array<string>(6).fill('bad-code'), ...Array<string>(6).fill('too-many-attempts')]);
    const right = await checkRoom({ address: '127.0.0.1', port: host.port, code: host.code }, guestDeps());
    expect(right).toMatchObject({ ok: false, error: { code: 'too-many-attempts' } });
    expect(host.view().refusedAttempts).toHaveLength(6);
  });

  it('a machine with another certificate is not the room: the guest stops before saying anything', async () => {
    const host = await openHost();
    const other = createRoomCertificate('127.0.0.1');
    const impostor = await openHost({ createCertificate: () => other });
    // The real room's code, sent to the impostor's port.
    const result = await checkRoom({ address: '127.0.0.1', port: impostor.port, code: host.code }, guestDeps());
    expect(result).toMatchObject({ ok: false, error: { code: 'fingerprint-mismatch' } });
    expect(impostor.log.lines.filter((line) => line.includes('wrong code'))).toEqual([]);
  });

  it('says who is unreachable', async () => {
    const host = await openHost();
    const port = host.port;
    await host.close();
    expect(await checkRoom({ address: '127.0.0.1', port, code: host.code }, guestDeps())).toMatchObject({
      ok: false,
      error: { code: 'unreachable', message: expect.stringContaining(`127.0.0.1:${port}`) },
    });
    expect(await checkRoom({ address: '127.0.0.1', port, code: host.code }, guestDeps({ platform: 'darwin' }))).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });
});

describe('room host: versions and lineage', () => {
  it('refuses another app version, another layout version and a diverged copy', async () => {
    const host = await openHost();
    const target = { address: '127.0.0.1', port: host.port, code: host.code };
    expect(await checkRoom(target, guestDeps({ appVersion: '0.9.0' }))).toMatchObject({
      ok: false,
      error: { code: 'app-version-mismatch', message: expect.stringContaining('1.0.0') },
    });
    expect(await checkRoom(target, guestDeps({ schemaVersion: 3 }))).toMatchObject({ ok: false, error: { code: 'schema-mismatch' } });
    const states: GuestRoom[] = [];
    const joinAs = (extra: { schemaVersion?: number; localOriginMark?: string | null }, deps = guestDeps()) =>
      createGuestSession({ ...target, identity: identity('Luis'), ...extra }, deps, (state) => states.push(state));
    expect(await joinAs({}, guestDeps({ appVersion: '2.0.0' }))).toMatchObject({ ok: false, error: { code: 'app-version-mismatch' } });
    expect(await joinAs({ schemaVersion: 1 })).toMatchObject({ ok: false, error: { code: 'schema-mismatch' } });
    expect(await joinAs({ localOriginMark: 'origin-elsewhere' })).toMatchObject({ ok: false, error: { code: 'diverged' } });
    expect(host.view().waiting).toEqual([]);
    const same = await joinAs({ localOriginMark: 'origin-acme' });
    expect(same.ok).toBe(true);
    if (same.ok) cleanups.push(() => same.value.leave());
    await waitFor(() => host.view().waiting.length === 1, 'the same lineage waits');
  });

  it('refuses another room protocol and garbage on the control socket', async () => {
    const host = await openHost();
    const parsed = parseJoinCode(host.code);
    if (!parsed.ok) throw new Error('code');
    const talk = async (payload: string | Buffer) => {
      const opened = await connectPinned({ address: '127.0.0.1', port: host.port }, CONTROL_PATH, parsed.value, {
        maxPayload: 1 << 20,
        timeoutMs: 10_000,
        platform: 'linux',
      });
      if (!opened.ok) throw new Error(opened.error.message);
      const ws = opened.value;
      const replies: string[] = [];
      ws.on('message', (data) => replies.push(String(data)));
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      ws.send(payload);
      return { code: await closed, replies };
    };
    const old = await talk(JSON.stringify({ type: 'check', protocol: 99, secret: parsed.value.secret }));
    expect(old.replies.map((reply) => JSON.parse(reply) as { code?: string })).toEqual([
      expect.objectContaining({ type: 'refused', code: 'protocol-mismatch' }),
    ]);
    const garbage = await talk(Buffer.from([0xff, 0x00, 0x13]));
    expect(garbage.code).toBe(4001);
    const oversized = await talk('x'.repeat(64 * 1024));
    // ws closes with 1009 (message too big) before reading it.
    expect(oversized.code).toBe(1009);
    expect((await checkRoom({ address: '127.0.0.1', port: host.port, code: host.code }, guestDeps())).ok).toBe(true);
  });

  it('closes a connection that never speaks', async () => {
    const host = await openHost({ timings: { helloTimeoutMs: 300 } });
    const parsed = parseJoinCode(host.code);
    if (!parsed.ok) throw new Error('code');
    const opened = await connectPinned({ address: '127.0.0.1', port: host.port }, CONTROL_PATH, parsed.value, {
      maxPayload: 1 << 20,
      timeoutMs: 10_000,
      platform: 'linux',
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const code = await new Promise<number>((resolve) => opened.value.once('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(4002);
  });
});

describe('room host: admission and seats', () => {
  it('a guest with the right code waits until the facilitator admits it', async () => {
    const changes: number[] = [];
    const host = await openHost({ onChange: () => changes.push(1) });
    const guest = await join(host.port, host.code, 'Luis');
    expect(guest.session.state()).toMatchObject({ state: 'waiting', info: { workshopId: 'w-room-1' } });
    await waitFor(() => host.view().waiting.length === 1, 'the request listed');
    const [waiting] = host.view().waiting;
    expect(waiting).toMatchObject({ identity: { name: 'Luis', role: 'participant' }, remoteAddress: '127.0.0.1' });
    // Not admitted yet: no sync socket.
    expect(guest.session.openSync({ open() {}, message() {}, close() {} })).toMatchObject({ ok: false, error: { code: 'no-room' } });
    expect(host.admit(waiting!.seatId, false).ok).toBe(true);
    await waitFor(() => guest.session.state().state === 'admitted', 'admitted');
    expect(guest.session.state()).toMatchObject({ state: 'admitted', readOnly: false, seatId: waiting!.seatId });
    expect(host.view()).toMatchObject({ waiting: [], seats: [{ seatId: waiting!.seatId, connected: true }] });
    expect(changes.length).toBeGreaterThanOrEqual(2);
  });

  it('a guest admitted at once, in the same tick as its request, is admitted', async () => {
    let room: RoomHost | null = null;
    // Admits in the same tick as the join: 'waiting' and 'admitted' leave together.
    const host = await openHost({ onChange: () => room?.view().waiting.forEach((entry) => room?.admit(entry.seatId, false)) });
    room = host;
    const guest = await join(host.port, host.code, 'Quick');
    await waitFor(() => guest.session.state().state === 'admitted', 'admitted');
  });

  it('a guest that claims to be the facilitator is seated as a participant', async () => {
    const host = await openHost();
    await join(host.port, host.code, 'Eve', guestDeps(), 'facilitator');
    await waitFor(() => host.view().waiting.length === 1, 'listed');
    expect(host.view().waiting[0]!.identity.role).toBe('participant');
  });

  it('a denied guest is told so', async () => {
    const host = await openHost();
    const guest = await join(host.port, host.code, 'Mallory');
    await waitFor(() => host.view().waiting.length === 1, 'listed');
    expect(host.deny(host.view().waiting[0]!.seatId).ok).toBe(true);
    await waitFor(() => guest.session.state().state === 'ended', 'ended');
    expect(guest.session.state()).toEqual({ role: 'guest', state: 'ended', reason: 'denied' });
    expect(host.deny('nobody')).toMatchObject({ ok: false, error: { code: 'no-room' } });
  });

  it('a removed seat loses its sockets and its token', async () => {
    const host = await openHost();
    const guest = await seated(host, 'Luis');
    const client = createSyncClient();
    cleanups.push(() => client.destroy());
    syncGuest(guest, client);
    await waitFor(() => client.synced(), 'synced');
    const seatId = host.view().seats[0]!.seatId;
    expect(host.remove(seatId).ok).toBe(true);
    await waitFor(() => guest.session.state().state === 'ended', 'ended');
    expect(guest.session.state()).toEqual({ role: 'guest', state: 'ended', reason: 'removed' });
    expect(host.view().seats).toEqual([]);
    expect(host.roomDoc.connections()).toBe(0);
    // The old token opens nothing.
    const parsed = parseJoinCode(host.code);
    if (!parsed.ok) throw new Error('code');
    const replay = await connectPinned({ address: '127.0.0.1', port: host.port }, SYNC_PATH, parsed.value, {
      headers: { 'x-pacto-seat': seatId, 'x-pacto-token': 'f'.repeat(64) },
      maxPayload: 1 << 20,
      timeoutMs: 10_000,
      platform: 'linux',
    });
    expect(replay).toMatchObject({ ok: false, error: { code: 'removed' } });
  });

  it('closing the room ends every guest and stops listening', async () => {
    const host = await openHost();
    const guest = await seated(host, 'Luis');
    await host.close();
    await waitFor(() => guest.session.state().state === 'ended', 'ended');
    expect(guest.session.state()).toEqual({ role: 'guest', state: 'ended', reason: 'closed' });
    expect(await checkRoom({ address: '127.0.0.1', port: host.port, code: host.code }, guestDeps())).toMatchObject({
      ok: false,
      error: { code: 'unreachable' },
    });
  });
});

describe('room host: the document', () => {
  it('two guests and the host converge, each with its own Y.Doc; the guests start empty and take the host’s workshop', async () => {
    const host = await openHost();
    const hostClient = createSyncClient();
    hostClient.doc.getText('notes').insert(0, 'MQL: fit and engagement.');
    hostClient.doc.getArray<string>('stages').push(['Lead', 'MQL', 'SQL']);
    syncHost(host, hostClient);
    const a = createSyncClient();
    const b = createSyncClient();
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
      () => hostClient.destroy(),
    );
    syncGuest(await seated(host, 'Luis'), a);
    syncGuest(await seated(host, 'Marta'), b);
    await waitFor(() => textOf(a) === 'MQL: fit and engagement.' && textOf(b) === textOf(a), 'guests have the host’s text');
    a.doc.getText('notes').insert(0, '[A] ');
    b.doc.getArray<string>('stages').push(['Opportunity']);
    hostClient.doc.getText('notes').insert(hostClient.doc.getText('notes').length, ' [host]');
    const same = () => {
      const texts = [a, b, hostClient].map(textOf);
      const stages = [a, b, hostClient].map((client) => client.doc.getArray<string>('stages').toJSON().join(','));
      return (
        new Set(texts).size === 1 &&
        new Set(stages).size === 1 &&
        texts[0]!.includes('[A]') &&
        texts[0]!.includes('[host]') &&
        stages[0]!.endsWith('Opportunity')
      );
    };
    await waitFor(same, 'all converge');
    expect(textOf(a)).toBe('[A] MQL: fit and engagement. [host]');
    expect(b.doc.getArray('stages').toJSON()).toEqual(['Lead', 'MQL', 'SQL', 'Opportunity']);
  });

  it('presence travels and goes as soon as a laptop leaves', async () => {
    const host = await openHost();
    const hostClient = createSyncClient();
    syncHost(host, hostClient);
    const a = createSyncClient();
    cleanups.push(
      () => a.destroy(),
      () => hostClient.destroy(),
    );
    a.awareness.setLocalStateField('user', { name: 'Luis', color: '#1a73e8' });
    const guest = await seated(host, 'Luis');
    const close = syncGuest(guest, a);
    await waitFor(
      () => [...hostClient.awareness.getStates().values()].some((state) => (state['user'] as { name?: string } | undefined)?.name === 'Luis'),
      'host sees Luis',
    );
    close();
    await waitFor(() => hostClient.awareness.getStates().size === 0 || ![...hostClient.awareness.getStates().keys()].includes(a.doc.clientID), 'Luis gone');
  });

  it('the projector seat is read-only: it sees edits, its own never enter the room', async () => {
    const host = await openHost();
    const hostClient = createSyncClient();
    hostClient.doc.getText('notes').insert(0, 'SLA: 4 business hours.');
    syncHost(host, hostClient);
    const projector = createSyncClient();
    const other = createSyncClient();
    cleanups.push(
      () => projector.destroy(),
      () => other.destroy(),
      () => hostClient.destroy(),
    );
    const screen = await seated(host, 'Projector', { role: 'projector' });
    expect(screen.session.state()).toMatchObject({ state: 'admitted', readOnly: true });
    syncGuest(screen, projector);
    syncGuest(await seated(host, 'Luis'), other);
    await waitFor(() => textOf(projector) === 'SLA: 4 business hours.' && textOf(other) === textOf(projector), 'projector and guest see the text');
    projector.doc.getText('notes').insert(0, 'HACKED ');
    other.doc.getText('notes').insert(textOf(other).length, ' Agreed.');
    await waitFor(() => textOf(hostClient).endsWith('Agreed.') && textOf(projector).endsWith('Agreed.'), 'edit reaches host and projector');
    expect(textOf(hostClient)).toBe('SLA: 4 business hours. Agreed.');
    expect(textOf(other)).toBe('SLA: 4 business hours. Agreed.');
    expect(host.roomDoc.doc.getText('notes').toString()).not.toContain('HACKED');
  });

  it('a participant admitted read-only is read-only too', async () => {
    const host = await openHost();
    const guest = await seated(host, 'Luis', { readOnly: true });
    expect(guest.session.state()).toMatchObject({ readOnly: true });
  });

  it('garbage on a sync socket closes that socket only', async () => {
    const host = await openHost();
    const hostClient = createSyncClient();
    syncHost(host, hostClient);
    cleanups.push(() => hostClient.destroy());
    const guest = await seated(host, 'Luis');
    const closes: number[] = [];
    let socket: { send(bytes: Uint8Array): void } | null = null;
    const opened = guest.session.openSync({
      open: () => socket?.send(new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3])),
      message() {},
      close: (code) => closes.push(code),
    });
    if (!opened.ok) throw new Error('sync');
    socket = opened.value;
    await waitFor(() => closes.length === 1, 'closed');
    expect(closes).toEqual([4001]);
    hostClient.doc.getText('notes').insert(0, 'still fine');
    const again = createSyncClient();
    cleanups.push(() => again.destroy());
    syncGuest(guest, again);
    await waitFor(() => textOf(again) === 'still fine', 'a new socket syncs');
  });
});

describe('room host: what only the facilitator changes', () => {
  /** A facilitated workshop in the host's window: an agenda, a running timer, the glossary locked. */
  function facilitatedHost(): SyncClient {
    const client = createSyncClient(sampleDoc());
    writeAgenda(client.doc, [
      { id: 'b1', title: 'Intro', step: 'intro', durationMinutes: 10, privateDrafting: false },
      { id: 'b2', title: 'Glosario', step: 'glossary', durationMinutes: 30, privateDrafting: false },
    ]);
    writeRun(client.doc, { currentBlockId: 'b1', timer: startTimer('b1', 600_000, 1_000, 0) });
    lockSectionInDoc(client.doc, 'glossary', 'Ana', 2);
    return client;
  }

  it('a guest’s timer change and its edit of a locked section are taken back on every laptop, and the guest is told why', async () => {
    const host = await openHost();
    const hostClient = facilitatedHost();
    syncHost(host, hostClient);
    const luis = createSyncClient();
    const marta = createSyncClient();
    cleanups.push(
      () => luis.destroy(),
      () => marta.destroy(),
      () => hostClient.destroy(),
    );
    syncGuest(await seated(host, 'Luis'), luis);
    syncGuest(await seated(host, 'Marta'), marta);
    await waitFor(() => readFacilitation(luis.doc).timer !== null && readFacilitation(marta.doc).timer !== null, 'guests have the running workshop');
    const timer = readFacilitation(hostClient.doc).timer;
    const term = readWorkshop(hostClient.doc).terms[0]!;

    // Luis's laptop skips the UI's checks: it moves the timer, then renames a term of the locked glossary while renaming a stage.
    writeRun(luis.doc, { currentBlockId: 'b2', timer: startTimer('b2', 60_000, 5_000, 0) });
    const stage = readWorkshop(luis.doc).funnels.agreed.stages[0]!;
    luis.doc.transact(() => {
      updateTerm(luis.doc, term.id, { name: 'MQL (changed)' });
      updateStage(luis.doc, 'agreed', stage.id, { name: 'Lead (agreed)' });
    });
    await waitFor(() => luis.denied.length === 2, 'Luis is told twice');
    expect(luis.denied.map(parseRefusalReason)).toEqual([
      { parts: ['timer'], sections: [] },
      { parts: [], sections: ['glossary'] },
    ]);
    // Every copy, Luis's own included, holds the room's timer and term again; the stage he renamed (not locked) stays renamed.
    const settled = (c: SyncClient) =>
      JSON.stringify(readFacilitation(c.doc).timer) === JSON.stringify(timer) &&
      readWorkshop(c.doc).terms[0]!.name === term.name &&
      readWorkshop(c.doc).funnels.agreed.stages[0]!.name === 'Lead (agreed)';
    await waitFor(() => [hostClient, luis, marta].every(settled), 'every laptop holds the room’s timer and term, and the new stage name');
    expect(readFacilitation(host.roomDoc.doc).currentBlockId).toBe('b1');
    expect(marta.denied).toEqual([]);
    expect(host.log.lines.some((line) => line.includes('took back Luis') && line.includes('timer'))).toBe(true);

    // His next edits still reach the room (nothing of his is left pending).
    updateStage(luis.doc, 'agreed', stage.id, { name: 'Lead (final)' });
    await waitFor(() => readWorkshop(marta.doc).funnels.agreed.stages[0]!.name === 'Lead (final)', 'a later edit arrives');
  });

  it('the participant the workshop names as facilitator runs the timer from a guest laptop', async () => {
    const host = await openHost();
    const hostClient = facilitatedHost();
    setFacilitator(hostClient.doc, 'p-luis');
    syncHost(host, hostClient);
    const luis = createSyncClient();
    cleanups.push(
      () => luis.destroy(),
      () => hostClient.destroy(),
    );
    syncGuest(await seated(host, 'Luis', { participantId: 'p-luis' }), luis);
    await waitFor(() => readFacilitation(luis.doc).timer !== null, 'synced');
    writeRun(luis.doc, { currentBlockId: 'b2', timer: startTimer('b2', 60_000, 5_000, 0) });
    await waitFor(() => readFacilitation(hostClient.doc).currentBlockId === 'b2', 'the host takes the named facilitator’s block');
    expect(luis.denied).toEqual([]);
  });
});

describe('room host: dropping off and coming back', () => {
  let proxy: LoopbackProxy;

  async function throughProxy(host: RoomHost): Promise<LoopbackProxy> {
    proxy = await startLoopbackProxy(host.port);
    cleanups.push(() => proxy.close());
    return proxy;
  }

  it('a laptop that drops off keeps its edits; on return they merge once, nothing duplicated', async () => {
    const host = await openHost();
    const hostClient = createSyncClient();
    hostClient.doc.getArray<string>('stages').push(['Lead', 'MQL']);
    syncHost(host, hostClient);
    const via = await throughProxy(host);
    const a = createSyncClient();
    cleanups.push(
      () => a.destroy(),
      () => hostClient.destroy(),
    );
    const guest = await seated(host, 'Luis', { port: via.port, deps: guestDeps({ timings: { reconnectDelaysMs: [50, 100] } }) });
    syncGuest(guest, a);
    await waitFor(() => a.doc.getArray('stages').length === 2, 'first sync');
    via.block(true);
    via.cut();
    await waitFor(() => guest.session.state().state === 'reconnecting', 'reconnecting');
    await waitFor(() => host.view().seats[0]?.connected === false, 'host sees the seat gone');
    // Both keep working apart.
    a.doc.getArray<string>('stages').push(['SQL (offline)']);
    hostClient.doc.getArray<string>('stages').push(['Opportunity']);
    via.block(false);
    await waitFor(() => guest.session.state().state === 'admitted', 'back');
    syncGuest(guest, a);
    const expected = ['Lead', 'MQL', 'SQL (offline)', 'Opportunity'].sort();
    await waitFor(() => a.doc.getArray('stages').length === 4 && hostClient.doc.getArray('stages').length === 4, 'merged');
    expect([...a.doc.getArray<string>('stages').toArray()].sort()).toEqual(expected);
    expect(hostClient.doc.getArray('stages').toJSON()).toEqual(a.doc.getArray('stages').toJSON());
    expect(host.view().seats).toMatchObject([{ connected: true }]);
  });

  it('a laptop that goes silent (Wi-Fi off, no close event) is marked gone by the ping', async () => {
    const host = await openHost({ timings: { pingIntervalMs: 100, pingTimeoutMs: 600 } });
    const via = await throughProxy(host);
    const guest = await seated(host, 'Luis', { port: via.port, deps: guestDeps({ timings: { hostSilenceMs: 600, reconnectDelaysMs: [100] } }) });
    const a = createSyncClient();
    cleanups.push(() => a.destroy());
    a.awareness.setLocalStateField('user', { name: 'Luis' });
    syncGuest(guest, a);
    await waitFor(() => host.roomDoc.awareness.getStates().has(a.doc.clientID), 'presence arrives');
    via.silence(true);
    await waitFor(() => host.view().seats[0]?.connected === false, 'host marks the seat gone');
    expect(host.roomDoc.awareness.getStates().has(a.doc.clientID)).toBe(false);
    await waitFor(() => guest.session.state().state === 'reconnecting', 'guest notices the silent host');
    via.silence(false);
    via.cut();
    await waitFor(() => guest.session.state().state === 'admitted' && host.view().seats[0]?.connected === true, 'back');
  });

  it('a listener on the wire sees no workshop text', async () => {
    const host = await openHost();
    const hostClient = createSyncClient();
    syncHost(host, hostClient);
    const via = await throughProxy(host);
    const a = createSyncClient();
    cleanups.push(
      () => a.destroy(),
      () => hostClient.destroy(),
    );
    syncGuest(await seated(host, 'Luis', { port: via.port }), a);
    const secretText = 'Confidential: MQL needs budget over 50000 EUR';
    hostClient.doc.getText('notes').insert(0, secretText);
    a.doc.getText('glossary').insert(0, 'SQL means a meeting is booked');
    await waitFor(() => textOf(a) === secretText && hostClient.doc.getText('glossary').toString().length > 0, 'both ways');
    const wire = via.captured();
    expect(wire.length).toBeGreaterThan(1000);
    for (const needle of ['Confidential', 'budget', 'meeting is booked', 'Luis', 'Acme alignment', 'w-room-1', '/pacto/v1']) {
      expect(wire.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });
});

describe('room host: raw sockets', () => {
  it('the sync path wants a seat', async () => {
    const host = await openHost();
    const ws = new WebSocket(`wss://127.0.0.1:${host.port}${SYNC_PATH}`, { rejectUnauthorized: false });
    const status = await new Promise<number>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => resolve(-1));
    });
    ws.terminate();
    expect(status).toBe(401);
    expect(Y).toBeDefined();
  });
});

describe('room guest: connection errors', () => {
  it.each([
    ['ECONNREFUSED', 'linux', 'unreachable'],
    ['EHOSTUNREACH', 'linux', 'unreachable'],
    ['EHOSTUNREACH', 'darwin', 'local-network-denied'],
    ['ENETUNREACH', 'win32', 'unreachable'],
    ['ETIMEDOUT', 'win32', 'timeout'],
  ])('%s on %s is %s, naming the address', (code, platform, expected) => {
    const error = Object.assign(new Error(`connect ${code}`), { code });
    expect(connectError(error, { address: '192.168.1.5', port: 47913 }, platform)).toEqual({
      code: expected,
      message: expect.stringContaining('192.168.1.5:47913'),
    });
  });
});
