/**
 * Room data for the room screens' tests and screenshots: this laptop's
 * networks, an open room with two people waiting and two seated, what a
 * right code reveals about a room, rooms found on the network, and a guest's
 * room states. Names match the sample workshop's participants.
 */
import type { DiscoveredRoom, GuestRoom, HostedRoom, RoomInfo, RoomInterface } from '../../shared/room/contract';

/** Epoch ms all the fixtures' times count from (2026-12-02 10:00 UTC). */
export const AT = Date.UTC(2026, 11, 2, 10, 0, 0);

export const INTERFACES: RoomInterface[] = [
  { name: 'Wi-Fi', address: '192.168.1.20', family: 'IPv4', kind: 'wifi' },
  { name: 'Ethernet', address: '10.0.0.7', family: 'IPv4', kind: 'ethernet' },
  { name: 'vEthernet (WSL)', address: '172.28.0.1', family: 'IPv4', kind: 'other' },
];

/** An open room: two waiting (a participant and the projector), two seated (one connected, one away), one wrong code. */
export const HOSTED: HostedRoom = {
  role: 'host',
  workshopId: 'w-sample',
  address: '192.168.1.20',
  port: 48123,
  interfaceName: 'Wi-Fi',
  code: 'K7QM-2XPA-9RTD-WF3H-8MNB',
  joinUrl: 'pacto://join?address=192.168.1.20&port=48123&code=K7QM-2XPA-9RTD-WF3H-8MNB',
  fingerprint: 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778',
  discovery: { state: 'advertising' },
  waiting: [
    {
      seatId: 's-jorge',
      identity: {
        deviceId: 'dev-jorge-0001',
        deviceName: 'MacBook de Jorge',
        name: 'Jorge Ibáñez Muñoz',
        team: 'sales',
        participantId: 'p-jorge',
        role: 'participant',
      },
      remoteAddress: '192.168.1.31',
      requestedAt: AT - 40_000,
    },
    {
      seatId: 's-proj',
      identity: { deviceId: 'dev-projector-01', deviceName: 'Sala Andes', name: 'Proyector', team: 'leadership', participantId: null, role: 'projector' },
      remoteAddress: '192.168.1.40',
      requestedAt: AT - 10_000,
    },
  ],
  seats: [
    {
      seatId: 's-lucia',
      identity: {
        deviceId: 'dev-lucia-0001',
        deviceName: 'ThinkPad Lucía',
        name: 'Lucía Fernández Ortega',
        team: 'marketing',
        participantId: 'p-lucia',
        role: 'participant',
      },
      remoteAddress: '192.168.1.22',
      requestedAt: AT - 300_000,
      connected: true,
      lastSeenAt: AT - 2_000,
    },
    {
      seatId: 's-marta',
      identity: { deviceId: 'dev-marta-0001', deviceName: '', name: 'Marta Gil', team: 'sales', participantId: null, role: 'participant' },
      remoteAddress: '192.168.1.25',
      requestedAt: AT - 250_000,
      connected: false,
      lastSeenAt: AT - 90_000,
    },
  ],
  refusedAttempts: [{ remoteAddress: '192.168.1.66', at: AT - 60_000 }],
};

/** The same room just opened: nobody waiting or seated, not announced on the network. */
export const HOSTED_EMPTY: HostedRoom = { ...HOSTED, waiting: [], seats: [], refusedAttempts: [], discovery: { state: 'unavailable', reason: 'no-multicast' } };

export const ROOM_INFO: RoomInfo = {
  workshopId: 'w-sample',
  workshopTitle: 'Taller de alineación Q1',
  schemaVersion: 2,
  originMark: 'origin-1',
  appVersion: '0.1.0',
  participants: [
    { id: 'p-lucia', name: 'Lucía Fernández Ortega', team: 'marketing' },
    { id: 'p-jorge', name: 'Jorge Ibáñez Muñoz', team: 'sales' },
    { id: 'p-carmen', name: 'Carmen Peña Ruiz', team: 'leadership' },
  ],
};

export const DISCOVERED: DiscoveredRoom[] = [
  { id: 'pacto-w-sample', workshopTitle: 'Taller de alineación Q1', hostName: 'MacBook de Carmen', address: '192.168.1.20', port: 48123 },
  { id: 'pacto-w-other', workshopTitle: 'Revisión del SLA', hostName: 'Surface Pablo', address: '192.168.1.51', port: 50211 },
];

export const GUEST_WAITING: GuestRoom = { role: 'guest', state: 'waiting', info: ROOM_INFO, address: '192.168.1.20', port: 48123 };
export const GUEST_ADMITTED: GuestRoom = {
  role: 'guest',
  state: 'admitted',
  info: ROOM_INFO,
  address: '192.168.1.20',
  port: 48123,
  seatId: 's-jorge',
  readOnly: false,
};
export const GUEST_RECONNECTING: GuestRoom = {
  role: 'guest',
  state: 'reconnecting',
  info: ROOM_INFO,
  address: '192.168.1.20',
  port: 48123,
  seatId: 's-jorge',
  since: AT,
};
