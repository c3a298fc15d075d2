/**
 * The room contract: how the renderer opens, joins and runs a LAN room
 * through the main process (the renderer never touches the network; its CSP
 * stays closed). Channel names, payload schemas, the events main sends, and
 * the {@link RoomBridge} the preload and the browser platform implement.
 *
 * Data path: the renderer runs y-websocket's standard `WebsocketProvider`
 * on the workshop's Y.Doc with a WebSocket class backed by the room
 * socket (`socketOpen`/`socketSend`/`socketClose` here, messages back as
 * {@link RoomEvent} `socket-*`). Main relays those bytes unchanged to the
 * room's Yjs endpoint (the host's own server for the facilitator, the
 * pinned TLS WebSocket for a guest). Sync and awareness are y-protocols'
 * messages end to end; main only filters (a read-only seat's updates are
 * dropped by the host) and never parses the document.
 *
 * Security, discovery and the join code are described in `docs/lan.md`.
 */
import { z } from 'zod';
import { TEAMS } from '../domain/workshop';
import type { Result } from '../domain/result';

/** Version of the room handshake; a host refuses a guest with another one (`protocol-mismatch`). */
export const ROOM_PROTOCOL_VERSION = 1;

export { ROOM_CHANNELS, ROOM_EVENT_CHANNEL } from './channels';

/** What a seat may do: the facilitator hosts; a participant edits; a projector only watches (read-only, enforced by the host). */
export const SEAT_ROLES = ['facilitator', 'participant', 'projector'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/** A random id of this installation (one per laptop), kept in the renderer's storage; recorded with approvals and signatures. */
export const deviceIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * Who a laptop is in the room. `participantId` is the workshop participant
 * the person picked (null: someone not on the list yet, named by `name`).
 */
export const seatIdentitySchema = z
  .object({
    deviceId: deviceIdSchema,
    /** The computer's name as the person's OS reports it, e.g. "MacBook de Jorge"; may be empty. */
    deviceName: z.string().max(80),
    name: z.string().trim().min(1).max(80),
    team: z.enum(TEAMS),
    participantId: z.string().min(1).max(64).nullable(),
    role: z.enum(SEAT_ROLES),
  })
  .strict();
export type SeatIdentity = z.infer<typeof seatIdentitySchema>;

/** A network interface the host may listen on (never all interfaces). */
export const roomInterfaceSchema = z
  .object({
    /** OS name, e.g. `en0`, `Wi-Fi`, `wlp2s0`. */
    name: z.string(),
    address: z.string(),
    family: z.enum(['IPv4', 'IPv6']),
    /** Best guess from the name; Wi-Fi is ranked first. */
    kind: z.enum(['wifi', 'ethernet', 'other']),
  })
  .strict();
export type RoomInterface = z.infer<typeof roomInterfaceSchema>;

export const openRoomRequestSchema = z
  .object({
    workshopId: z.string().min(1).max(64),
    workshopTitle: z.string().max(200),
    /** Layout version of the document (`DOC_SCHEMA_VERSION`); guests with another one are refused. */
    schemaVersion: z.number().int().min(1),
    /** Marks the document's lineage (see `docs/lan.md`); a guest holding the same id with another origin is refused. */
    originMark: z.string().max(128),
    /** The address to listen on: one of {@link RoomBridge.interfaces}' addresses. */
    address: z.string().min(1),
    /** The workshop's participants, offered to a guest who has the code so they can say who they are. */
    participants: z.array(z.object({ id: z.string(), name: z.string(), team: z.enum(TEAMS) }).strict()).max(200),
    host: seatIdentitySchema,
  })
  .strict();
export type OpenRoomRequest = z.infer<typeof openRoomRequestSchema>;

/** A guest who gave the right code and waits for the facilitator. */
export const joinRequestSchema = z
  .object({
    /** Host-assigned id of this request/seat. */
    seatId: z.string().min(1),
    identity: seatIdentitySchema,
    /** The guest's address as the host sees it, e.g. `192.168.1.23`. */
    remoteAddress: z.string(),
    /** Epoch ms on the host's clock. */
    requestedAt: z.number(),
  })
  .strict();
export type JoinRequest = z.infer<typeof joinRequestSchema>;

/** A seat in the room (admitted), as the host lists it. */
export const roomSeatSchema = joinRequestSchema.extend({
  connected: z.boolean(),
  /** Epoch ms (host clock) of the last ping answered. */
  lastSeenAt: z.number(),
});
export type RoomSeat = z.infer<typeof roomSeatSchema>;

/** The host's view of its open room. */
export interface HostedRoom {
  role: 'host';
  workshopId: string;
  address: string;
  port: number;
  interfaceName: string;
  /** What people type, e.g. `K7QM-2XPA-9RTD-WF3H-8MNB` (carries the secret and the pinned fingerprint). */
  code: string;
  /** The link the QR code encodes, e.g. `pacto://join?...` (address, port, code). */
  joinUrl: string;
  /** SHA-256 of the host certificate (hex, colon-free, lower case). */
  fingerprint: string;
  /** `advertising` on mDNS; `unavailable` with a reason code (`no-multicast`, `error`; added: `no-interface`, the listening address is gone). */
  discovery: { state: 'advertising' } | { state: 'unavailable'; reason: string };
  waiting: JoinRequest[];
  seats: RoomSeat[];
  /** Recent wrong-code attempts (remote address, epoch ms), newest first; at most 20. */
  refusedAttempts: { remoteAddress: string; at: number }[];
}

/** What a guest learns from a right code before it says who it is. */
export interface RoomInfo {
  workshopId: string;
  workshopTitle: string;
  schemaVersion: number;
  originMark: string;
  appVersion: string;
  participants: { id: string; name: string; team: (typeof TEAMS)[number] }[];
}

/** A guest's view of the room it joins. */
export type GuestRoom =
  | { role: 'guest'; state: 'waiting'; info: RoomInfo; address: string; port: number }
  | { role: 'guest'; state: 'admitted'; info: RoomInfo; address: string; port: number; seatId: string; readOnly: boolean }
  | { role: 'guest'; state: 'reconnecting'; info: RoomInfo; address: string; port: number; seatId: string; since: number }
  /** Ended: `reason` is an error code of {@link ROOM_ERROR_CODES} or `closed` (the host closed the room), `left`. */
  | { role: 'guest'; state: 'ended'; reason: string };

/** The room as main sees it; `null` when there is none. */
export type RoomState = HostedRoom | GuestRoom | null;

/** A room found on the network by mDNS. */
export interface DiscoveredRoom {
  /** Service instance name, stable while the room is open. */
  id: string;
  workshopTitle: string;
  hostName: string;
  address: string;
  port: number;
}

/**
 * Events main sends to the renderer: the room's state after every change,
 * rooms found while browsing, and the room socket's traffic.
 */
export type RoomEvent =
  | { type: 'state'; room: RoomState }
  | { type: 'discovered'; rooms: DiscoveredRoom[] }
  | { type: 'socket-open'; socketId: number }
  | { type: 'socket-message'; socketId: number; bytes: Uint8Array }
  | { type: 'socket-close'; socketId: number; code: number; reason: string }
  /**
   * The system opened a `pacto://join` link (QR code, mail, command line): the
   * renderer opens the Join dialog with it, pre-filled, or saying what is
   * wrong with it (read with `parseJoinUrl`, the one parser of join links).
   */
  | { type: 'join-link'; link: string };

/**
 * Error codes of the room channels, each translated in the renderer:
 * `bad-code` (wrong or malformed code; attempts are limited), `too-many-attempts`,
 * `unreachable` (no route: other network, guest Wi-Fi isolating clients, firewall),
 * `local-network-denied` (macOS local-network permission), `address-in-use`,
 * `no-interface`, `fingerprint-mismatch` (not the real host), `protocol-mismatch`,
 * `schema-mismatch`, `app-version-mismatch`, `diverged` (same workshop id, other origin: open as a separate copy),
 * `denied` (the facilitator refused), `removed`, `room-closed`, `no-room`, `timeout`, `io`.
 */
export const ROOM_ERROR_CODES = [
  'bad-code',
  'too-many-attempts',
  'unreachable',
  'local-network-denied',
  'address-in-use',
  'no-interface',
  'fingerprint-mismatch',
  'protocol-mismatch',
  'schema-mismatch',
  'app-version-mismatch',
  'diverged',
  'denied',
  'removed',
  'room-closed',
  'no-room',
  'timeout',
  'io',
] as const;
export type RoomErrorCode = (typeof ROOM_ERROR_CODES)[number];

/** A typed address (from the form or the QR link) plus the code. */
export const roomTargetSchema = z
  .object({
    address: z.string().trim().min(1).max(255),
    port: z.number().int().min(1).max(65_535),
    code: z.string().trim().min(1).max(64),
  })
  .strict();
export type RoomTarget = z.infer<typeof roomTargetSchema>;

export const joinRoomRequestSchema = roomTargetSchema
  .extend({
    identity: seatIdentitySchema,
    /**
     * Added for the host's checks (optional: omitted means "none"/this build's own):
     * the guest's document layout version (`DOC_SCHEMA_VERSION`), refused with `schema-mismatch` when it differs,
     */
    schemaVersion: z.number().int().min(1).optional(),
    /**
     * and the origin mark of the guest's local copy of the room's workshop id (from {@link RoomInfo}
     * of `checkRoom`), null when it has none: another mark is refused with `diverged`.
     */
    localOriginMark: z.string().max(128).nullable().optional(),
  })
  .strict();
export type JoinRoomRequest = z.infer<typeof joinRoomRequestSchema>;

export const seatRequestSchema = z.object({ seatId: z.string().min(1).max(64) }).strict();
export const admitRequestSchema = z.object({ seatId: z.string().min(1).max(64), readOnly: z.boolean() }).strict();
export const socketSendRequestSchema = z.object({ socketId: z.number().int().min(0), bytes: z.instanceof(Uint8Array) }).strict();
/** Added: the payload of `socketClose`. */
export const socketRequestSchema = z.object({ socketId: z.number().int().min(0) }).strict();

/** The room half of the bridge (the preload's `window.pacto` and the browser platform both implement it). */
export interface RoomBridge {
  /** Interfaces the room may listen on, best first (up, not loopback, Wi-Fi before Ethernet before others). */
  roomInterfaces(): Promise<Result<RoomInterface[]>>;
  /** Opens the room on `address` (starts the host, advertises it). Errors: `address-in-use`, `no-interface`, `io`. */
  openRoom(request: OpenRoomRequest): Promise<Result<HostedRoom>>;
  /** Closes the room (host) : every guest is told `room-closed`; the server stops listening. */
  closeRoom(): Promise<Result<void>>;
  admitGuest(request: { seatId: string; readOnly: boolean }): Promise<Result<void>>;
  denyGuest(request: { seatId: string }): Promise<Result<void>>;
  /** Removes an admitted seat: its socket is closed and its token revoked. */
  removeSeat(request: { seatId: string }): Promise<Result<void>>;
  /** Starts browsing mDNS; found rooms arrive as `discovered` events. */
  browseRooms(): Promise<Result<void>>;
  stopBrowsing(): Promise<Result<void>>;
  /** Checks a code against a host (pinned TLS) and returns what the room offers. Errors: see {@link RoomErrorCode}. */
  checkRoom(target: RoomTarget): Promise<Result<RoomInfo>>;
  /** Asks to join; resolves once the request is queued (state `waiting`); admission arrives as a `state` event. */
  joinRoom(request: JoinRoomRequest): Promise<Result<GuestRoom>>;
  /** Leaves the room (guest); the local copy stays. */
  leaveRoom(): Promise<Result<void>>;
  /** Opens the room socket (host or admitted guest); `socket-open` follows. Error `no-room`. */
  roomSocketOpen(): Promise<Result<{ socketId: number }>>;
  roomSocketSend(request: { socketId: number; bytes: Uint8Array }): Promise<Result<void>>;
  roomSocketClose(request: { socketId: number }): Promise<Result<void>>;
  /** The room now (a window that reloads reads it, then follows `state` events). */
  roomState(): Promise<Result<RoomState>>;
  /** Subscribes to {@link RoomEvent}s; returns the unsubscribe function. */
  onRoomEvent(listener: (event: RoomEvent) => void): () => void;
}
