// Benchmark of the LAN room: the real host module (electron/main/room) on
// 127.0.0.1, 20 guest laptops joined through the pinned-TLS guest side and
// admitted, each with its own Y.Doc, each editing in turn. The time of an
// edit runs from the local transaction to its arrival at every other client
// (one observation per edit and receiving client). Prints a line per phase
// and, last, one JSON line:
// {"clients":20,"converged":true,"p50Ms":…,"p95Ms":…,"maxMs":…}
// Run: `npm run bench:lan` (node, TypeScript loaded through jiti).
import { randomBytes } from 'node:crypto';
import { createJiti } from 'jiti';

const jiti = createJiti(import.meta.url);
const { startRoomHost } = await jiti.import('../../electron/main/room/host.ts');
const { createGuestSession } = await jiti.import('../../electron/main/room/guest.ts');
const { systemTimers } = await jiti.import('../../electron/main/room/timers.ts');
const { createSyncClient, waitFor } = await jiti.import('../support/room-fixture.ts');

const CLIENTS = 20;
const ROUNDS = 10;
const GAP_MS = 20;
const quiet = {
  info() {},
  warn(line) {
    console.error(line);
  },
};

const request = {
  workshopId: 'bench-lan',
  workshopTitle: 'Bench',
  schemaVersion: 2,
  originMark: 'bench',
  address: '127.0.0.1',
  participants: [],
  host: { deviceId: 'bench-host-0001', deviceName: 'host', name: 'Host', team: 'marketing', participantId: null, role: 'facilitator' },
};

const started = await startRoomHost(
  request,
  { address: '127.0.0.1', interfaceName: 'lo', port: 0 },
  {
    timers: systemTimers,
    log: quiet,
    randomBytes: (n) => randomBytes(n),
    appVersion: 'bench',
    onChange() {},
  },
);
if (!started.ok) throw new Error(started.error.message);
const host = started.value;

const clients = [];
const sessions = [];
const latencies = [];
const sentAt = new Map();

for (let i = 0; i < CLIENTS; i += 1) {
  const joined = await createGuestSession(
    {
      address: '127.0.0.1',
      port: host.port,
      code: host.code,
      identity: {
        deviceId: `bench-guest-${String(i).padStart(4, '0')}`,
        deviceName: '',
        name: `Guest ${i}`,
        team: i % 2 ? 'sales' : 'marketing',
        participantId: null,
        role: 'participant',
      },
    },
    { timers: systemTimers, log: quiet, appVersion: 'bench', schemaVersion: 2, platform: process.platform },
    () => {},
  );
  if (!joined.ok) throw new Error(`${joined.error.code}: ${joined.error.message}`);
  const session = joined.value;
  sessions.push(session);
  const waiting = host.view().waiting.find((entry) => entry.identity.name === `Guest ${i}`);
  host.admit(waiting.seatId, false);
  await waitFor(() => session.state().state === 'admitted', `guest ${i} admitted`);
  const client = createSyncClient();
  client.doc.getMap('bench').observe((event) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) {
      const at = sentAt.get(key);
      if (at !== undefined) latencies.push(now - at);
    }
  });
  let socket = null;
  const opened = session.openSync({
    open: () => client.opened((bytes) => socket?.send(bytes)),
    message: (bytes) => client.receive(bytes),
    close: () => client.closed(),
  });
  if (!opened.ok) throw new Error(opened.error.message);
  socket = opened.value;
  clients.push(client);
}
await waitFor(() => clients.every((client) => client.synced()), 'every client synced', 60_000);
console.log(`${CLIENTS} guests joined, admitted and synced through ${host.address}:${host.port}`);

for (let round = 0; round < ROUNDS; round += 1) {
  for (let i = 0; i < CLIENTS; i += 1) {
    const key = `${i}-${round}`;
    sentAt.set(key, performance.now());
    clients[i].doc.getMap('bench').set(key, `edit ${round} of guest ${i}`);
    await new Promise((resolve) => setTimeout(resolve, GAP_MS));
  }
}
const expected = CLIENTS * ROUNDS * (CLIENTS - 1);
let converged;
try {
  await waitFor(() => latencies.length >= expected, 'every edit at every other client', 60_000);
  // Key order of a Y.Map's JSON follows local insertion; compare the sorted entries.
  const entries = (client) => JSON.stringify([...client.doc.getMap('bench').entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  const reference = entries(clients[0]);
  converged = clients.every((client) => client.doc.getMap('bench').size === CLIENTS * ROUNDS && entries(client) === reference);
} catch (error) {
  console.error(String(error));
  converged = false;
}
console.log(`${CLIENTS * ROUNDS} edits, ${latencies.length} of ${expected} arrivals measured`);

latencies.sort((a, b) => a - b);
const pick = (q) => (latencies.length === 0 ? null : Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10);
for (const session of sessions) session.leave();
await host.close();
for (const client of clients) client.destroy();
console.log(
  JSON.stringify({ clients: CLIENTS, converged, p50Ms: pick(0.5), p95Ms: pick(0.95), maxMs: latencies.length ? Math.round(latencies.at(-1) * 10) / 10 : null }),
);
process.exit(converged ? 0 : 1);
