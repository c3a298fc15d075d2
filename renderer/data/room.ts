/**
 * The room, renderer side: opening one (the facilitator hosts the open
 * workshop), checking a code and joining one (a participant's laptop takes
 * the host's workshop), the live link that keeps this laptop's copy in step
 * with the room, and the seat and presence that go with it.
 *
 * The link is y-websocket's standard `WebsocketProvider` on the workshop's
 * own Y.Doc (the one the session edits and y-dexie saves), with the room
 * socket (`room-socket.ts`) as its WebSocket: frames go through main, which
 * talks to the network (`shared/room/contract.ts`). Sync, merge and presence
 * are Yjs' and y-protocols' own; nothing here merges anything by hand. So:
 * - a guest with no copy starts from an empty document and takes the host's
 *   (same workshop id); a guest whose copy has the same lineage merges
 *   (its offline edits arrive, nothing is duplicated); a guest whose copy
 *   was seeded apart (`shared/room/origin-mark.ts`) is refused (`diverged`)
 *   unless it opens the room as a separate copy (another local id);
 * - a laptop that drops off keeps editing its copy (saved as usual); the
 *   provider reconnects when main's socket is back and the two sides
 *   exchange what the other lacks;
 * - when the room ends, the link stops and every laptop keeps its full copy.
 *
 * The link holds its own reference to the document (`openWorkshop`), so it
 * keeps syncing while the user visits the home screen; the session opening
 * the same workshop gets the same Y.Doc (y-dexie's document cache).
 *
 * UI entry points: {@link useRoom}, {@link roomInterfaces}, {@link openRoom},
 * {@link closeRoom}, {@link admitGuest}, {@link denyGuest}, {@link removeSeat},
 * {@link browseRooms}, {@link stopBrowsing}, {@link checkRoom},
 * {@link joinRoom}, {@link leaveRoom}; presence is `data/presence.ts`.
 * {@link startRoomLayer} runs once at start-up. The link also binds the
 * facilitation timers' clock offset to the room's awareness
 * (`features/facilitation/room-clock.ts`): the host stamps its clock, a guest
 * estimates host − local from the stamps, so every laptop's timer shows the
 * same time left.
 */
import type * as Y from 'yjs';
import { WebsocketProvider, messageAuth } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import { create } from 'zustand';
import { err, ok, type AppError, type Result } from '../../shared/domain/result';
import { DOC_SCHEMA_VERSION, isInitialized, readWorkshop } from '../../shared/domain/workshop-doc';
import { originMarkOf } from '../../shared/room/origin-mark';
import { parseRefusalReason } from '../../shared/facilitation/write-guard';
import type {
  DiscoveredRoom,
  GuestRoom,
  HostedRoom,
  RoomBridge,
  RoomInfo,
  RoomInterface,
  RoomState,
  RoomTarget,
  SeatIdentity,
} from '../../shared/room/contract';
import { roomPlatform } from '../platform/room';
import { useAppStore } from '../store';
import type { PactoDb } from './db';
import { db as appDb } from './instance';
import { bindRoomClock } from '../features/facilitation/room-clock';
import { bindAwareness, colourOf, currentPeers, renewPresence, updatePresence, type PresenceState } from './presence';
import { roomSocketClass } from './room-socket';
import { currentSeat, setSeat } from './seat';
import { activeDoc } from './session';
import { addRoomWorkshop, deleteWorkshop, newId, openWorkshop, syncIndex, type OpenWorkshop } from './workshops';

/**
 * This laptop's link to the room: `off` (no room, or waiting for admission),
 * `connecting`, `synced` (connected and in step), `offline` (the link
 * dropped: editing goes on locally and merges when it is back).
 */
export type RoomLink = 'off' | 'connecting' | 'synced' | 'offline';

/** The room as the UI reads it. */
export interface RoomView {
  /** Main's view of the room (host or guest), null when there is none. */
  room: RoomState;
  /** The local workshop the room edits: the room's own id, or a separate copy's; null outside a room. */
  workshopId: string | null;
  link: RoomLink;
  /** True once this laptop's copy has synced with the room (a joining guest's workshop can be opened from then on). */
  ready: boolean;
  /** A read-only seat (the projector): the host drops its edits, so the UI should not offer any. */
  readOnly: boolean;
  /** Rooms found while browsing (see {@link browseRooms}). */
  discovered: DiscoveredRoom[];
  /** How the last room ended for this laptop (`closed`, `left`, `removed`, `denied`…), until the next room starts. */
  ended: string | null;
  /** A `pacto://join` link the system opened (QR code, mail), as it came, until the UI takes it ({@link takeJoinLink}). */
  joinLink: string | null;
}

const OUT: Pick<RoomView, 'room' | 'workshopId' | 'link' | 'ready' | 'readOnly'> = { room: null, workshopId: null, link: 'off', ready: false, readOnly: false };

const useRoomStore = create<RoomView>(() => ({ ...OUT, discovered: [], ended: null, joinLink: null }));

/** The room, re-rendering when it changes. */
export function useRoom(): RoomView {
  return useRoomStore();
}

/** The join link the system opened, once: it is cleared as it is taken (the Join dialog opens with it). */
export function takeJoinLink(): string | null {
  const { joinLink } = useRoomStore.getState();
  if (joinLink !== null) useRoomStore.setState({ joinLink: null });
  return joinLink;
}

/** The room now (outside React). */
export function currentRoom(): RoomView {
  return useRoomStore.getState();
}

/** What this laptop remembers of its room across a window reload: who it is there and which local workshop it edits. */
interface Remembered {
  roomWorkshopId: string;
  localId: string;
  identity: SeatIdentity;
}

const REMEMBER_KEY = 'pacto.room';

function remember(value: Remembered | null): void {
  try {
    if (value) sessionStorage.setItem(REMEMBER_KEY, JSON.stringify(value));
    else sessionStorage.removeItem(REMEMBER_KEY);
  } catch {
    // No storage (private mode): a reload then asks to join again.
  }
}

function recalled(): Remembered | null {
  try {
    const raw = sessionStorage.getItem(REMEMBER_KEY);
    const value = raw ? (JSON.parse(raw) as Remembered) : null;
    return value && typeof value.localId === 'string' && typeof value.roomWorkshopId === 'string' && value.identity ? value : null;
  } catch {
    return null;
  }
}

/** Local ids of workshops opened as a separate copy of a room's workshop: room workshop id → local id (settings row `roomCopies`). */
async function separateCopies(db: PactoDb): Promise<Record<string, string>> {
  const row = await db.settings.get('roomCopies');
  return row && typeof row.value === 'object' && row.value ? (row.value as Record<string, string>) : {};
}

// ---------------------------------------------------------------- the link

interface Link {
  localId: string;
  roomWorkshopId: string;
  provider: WebsocketProvider;
  awareness: Awareness;
  open: OpenWorkshop;
  stop(): void;
}

let link: Link | null = null;
let linking: Promise<void> | null = null;
let deps: { bridge: RoomBridge; db: PactoDb } | null = null;

function bridge(): RoomBridge {
  return deps?.bridge ?? roomPlatform();
}

function database(): PactoDb {
  return deps?.db ?? appDb;
}

function presenceOf(identity: SeatIdentity): PresenceState {
  const route = useAppStore.getState().route;
  return {
    user: { name: identity.name, color: colourOf(identity.deviceId) },
    seat: { deviceId: identity.deviceId, team: identity.team, participantId: identity.participantId, role: identity.role },
    step: route.screen === 'workshop' ? route.step : null,
    selection: null,
  };
}

/**
 * Starts syncing local workshop `localId` with the room (`roomWorkshopId`).
 * A workshop this laptop does not have yet is created empty first: it fills
 * from the host's document (nothing local is seeded into the room).
 */
async function startLink(localId: string, roomWorkshopId: string, identity: SeatIdentity, title: string): Promise<void> {
  if (link?.localId === localId) return;
  if (linking) await linking;
  if (link?.localId === localId) return;
  stopLink();
  const db = database();
  linking = (async () => {
    await addRoomWorkshop(db, localId, title);
    const open = await openWorkshop(db, localId);
    const awareness = new Awareness(open.doc);
    const provider = new WebsocketProvider('pacto-room://room', roomWorkshopId, open.doc, {
      // The room socket, not a network socket: see room-socket.ts.
      WebSocketPolyfill: roomSocketClass(bridge()) as unknown as typeof WebSocket,
      awareness,
      // Windows of one browser profile never talk to each other directly: everything goes through the room.
      disableBc: true,
    });
    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      if (status === 'disconnected') useRoomStore.setState({ link: 'offline' });
      else if (!provider.synced) useRoomStore.setState({ link: 'connecting' });
      if (status === 'connected') renewPresence(awareness);
    };
    const onSync = (synced: boolean) => {
      if (!synced) return;
      useRoomStore.setState({ link: 'synced' });
      if (isInitialized(open.doc) && !useRoomStore.getState().ready) {
        useRoomStore.setState({ ready: true });
        void syncIndex(db, localId, open.doc).catch(() => undefined);
        // A guest that just joined goes to the room's workshop (the host is on it already).
        const route = useAppStore.getState().route;
        if (identity.role !== 'facilitator' && !(route.screen === 'workshop' && route.id === localId)) {
          useAppStore.getState().navigate({ screen: 'workshop', id: localId, step: 'participants' });
        }
      }
    };
    // A guest's first sync may come before the host's document reached the room: ready once it has content.
    const onUpdate = () => {
      if (provider.synced && !useRoomStore.getState().ready && isInitialized(open.doc)) onSync(true);
    };
    // The host took back a change this laptop may not make (y-protocols' permission-denied message): its restoring
    // update arrives by the ordinary sync, so this copy is already back to the room's; say so.
    provider.messageHandlers[messageAuth] = (_encoder, decoder) =>
      authProtocol.readAuthMessage(decoder, open.doc, (_doc: unknown, reason: string) => reportRefusal(reason));
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    open.doc.on('update', onUpdate);
    const stopRoute = useAppStore.subscribe((state, prev) => {
      if (state.route !== prev.route) updatePresence({ step: state.route.screen === 'workshop' ? state.route.step : null });
    });
    bindAwareness(awareness, presenceOf(identity));
    // After presence (which sets the whole local state): the host stamps its clock into it, guests estimate their offset from the stamps.
    const unbindClock = bindRoomClock(awareness, identity.role === 'facilitator');
    useRoomStore.setState({ workshopId: localId, link: 'connecting', ready: false });
    link = {
      localId,
      roomWorkshopId,
      provider,
      awareness,
      open,
      stop: () => {
        stopRoute();
        unbindClock();
        open.doc.off('update', onUpdate);
        provider.off('status', onStatus);
        provider.off('sync', onSync);
        bindAwareness(null);
        provider.destroy();
        awareness.destroy();
        open.close();
      },
    };
  })();
  try {
    await linking;
  } finally {
    linking = null;
  }
}

/**
 * Stops the link; the local copy stays as it is (saved). A copy that never
 * received the host's document (a join that ended before its first sync) is
 * empty: it is removed rather than left on the home screen.
 */
function stopLink(): void {
  const ended = link;
  link = null;
  if (!ended) return;
  const empty = !isInitialized(ended.open.doc);
  ended.stop();
  if (empty) void deleteWorkshop(database(), ended.localId).catch(() => undefined);
}

/** The room ended for this laptop: link stopped, seat back to the facilitator's own laptop. */
function endRoom(reason: string | null): void {
  stopLink();
  remember(null);
  setSeat({ inRoom: false, role: 'facilitator', identity: null });
  useRoomStore.setState({ ...OUT, ended: reason });
}

// ------------------------------------------------------------- the events

let lastGuestTitle = '';

function onState(room: RoomState): void {
  const before = useRoomStore.getState().room;
  useRoomStore.setState({ room });
  if (room === null) {
    if (before !== null) endRoom(before.role === 'host' ? 'closed-by-me' : 'closed');
    return;
  }
  if (room.role === 'host') return;
  if (room.state === 'ended') {
    endRoom(room.reason);
    return;
  }
  const mine = recalled();
  if (!mine) return;
  if (room.state === 'admitted') {
    const readOnly = room.readOnly;
    const identity: SeatIdentity = { ...mine.identity, role: readOnly ? 'projector' : 'participant' };
    setSeat({ inRoom: true, role: identity.role, identity });
    useRoomStore.setState({ readOnly });
    void startLink(mine.localId, mine.roomWorkshopId, identity, room.info.workshopTitle || lastGuestTitle).catch(reportLinkError);
  } else if (room.state === 'reconnecting') {
    useRoomStore.setState({ link: 'offline' });
  }
}

/**
 * Shows what the host took back of this laptop's change (`shared/facilitation/write-guard.ts`): the first
 * facilitator-only part, or the locked section. A reason that is not one of Pacto's still says the room refused.
 */
function reportRefusal(reason: string): void {
  const refusal = parseRefusalReason(reason);
  const part = refusal?.parts[0];
  const section = refusal?.sections[0];
  useAppStore.getState().setNotice({
    kind: 'error',
    key: part ? `facilitation.refused.${part}` : section ? `facilitation.refusedLocked.${section}` : 'facilitation.refused.other',
  });
}

function reportLinkError(e: unknown): void {
  useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: e instanceof Error ? e.message : String(e) } });
}

let stopEvents: (() => void) | null = null;

/**
 * Starts following main's room events and picks up a room that is already
 * open (a window that reloads). Call once at start-up; `inject` is for tests
 * (another bridge or database). Returns the function that stops it.
 */
export async function startRoomLayer(inject?: { bridge?: RoomBridge; db?: PactoDb }): Promise<() => void> {
  stopEvents?.();
  deps = inject ? { bridge: inject.bridge ?? roomPlatform(), db: inject.db ?? appDb } : null;
  stopEvents = bridge().onRoomEvent((event) => {
    if (event.type === 'state') onState(event.room);
    else if (event.type === 'discovered') useRoomStore.setState({ discovered: event.rooms });
    else if (event.type === 'join-link') useRoomStore.setState({ joinLink: event.link });
  });
  const now = await bridge().roomState();
  if (now.ok && now.value) {
    const room = now.value;
    if (room.role === 'host') {
      const mine = recalled();
      if (mine && mine.roomWorkshopId === room.workshopId) {
        setSeat({ inRoom: true, role: 'facilitator', identity: mine.identity });
        useRoomStore.setState({ room });
        await startLink(mine.localId, room.workshopId, mine.identity, '').catch(reportLinkError);
      } else useRoomStore.setState({ room });
    } else onState(room);
  }
  return () => {
    stopEvents?.();
    stopEvents = null;
    endRoom(null);
  };
}

// ------------------------------------------------------------- the host

/** Network interfaces the room may listen on, best first (see {@link RoomBridge.roomInterfaces}). */
export function roomInterfaces(): Promise<Result<RoomInterface[]>> {
  return bridge().roomInterfaces();
}

/** Who the facilitator is in the room (the seat's device id and role are added). */
export type HostIdentity = Pick<SeatIdentity, 'name' | 'team' | 'participantId'> & { deviceName?: string };

/**
 * Opens a room for the open workshop, listening on `address` (one of
 * {@link roomInterfaces}' addresses), with this laptop as the facilitator's
 * seat, and starts its link. Errors: `no-session` (no workshop is open), or
 * the bridge's (`address-in-use`, `no-interface`, `io`).
 */
export async function openRoom(input: { address: string; identity: HostIdentity }): Promise<Result<HostedRoom>> {
  const session = useAppStore.getState().session;
  const doc = activeDoc();
  if (!session || !doc) return err({ code: 'no-session', message: 'Open a workshop first' });
  const identity: SeatIdentity = {
    deviceId: currentSeat().deviceId,
    deviceName: input.identity.deviceName ?? '',
    name: input.identity.name,
    team: input.identity.team,
    participantId: input.identity.participantId,
    role: 'facilitator',
  };
  const content = readWorkshop(doc);
  const opened = await bridge().openRoom({
    workshopId: session.id,
    workshopTitle: content.meta.title,
    schemaVersion: DOC_SCHEMA_VERSION,
    originMark: originMarkOf(doc) ?? '',
    address: input.address,
    participants: content.participants.map((p) => ({ id: p.id, name: p.name, team: p.team })),
    host: identity,
  });
  if (!opened.ok) return opened;
  remember({ roomWorkshopId: session.id, localId: session.id, identity });
  setSeat({ inRoom: true, role: 'facilitator', identity });
  useRoomStore.setState({ room: opened.value, ended: null, readOnly: false });
  await startLink(session.id, session.id, identity, content.meta.title);
  return opened;
}

/** Closes the room (host): every guest is told, each keeps its copy; so does this laptop. */
export async function closeRoom(): Promise<Result<void>> {
  const closed = await bridge().closeRoom();
  if (closed.ok || closed.error.code === 'no-room') endRoom('closed-by-me');
  return closed.ok ? closed : closed.error.code === 'no-room' ? ok(undefined) : closed;
}

/** Admits a waiting guest (`readOnly` for the projector's seat). */
export function admitGuest(request: { seatId: string; readOnly: boolean }): Promise<Result<void>> {
  return bridge().admitGuest(request);
}

/** Refuses a waiting guest. */
export function denyGuest(request: { seatId: string }): Promise<Result<void>> {
  return bridge().denyGuest(request);
}

/** Removes an admitted seat (its socket closes; it keeps its copy). */
export function removeSeat(request: { seatId: string }): Promise<Result<void>> {
  return bridge().removeSeat(request);
}

// ------------------------------------------------------------- the guest

/** Starts looking for rooms on the network; found ones appear in {@link RoomView.discovered}. */
export function browseRooms(): Promise<Result<void>> {
  return bridge().browseRooms();
}

export function stopBrowsing(): Promise<Result<void>> {
  // Rooms found now may be gone by the next browse: forget them.
  useRoomStore.setState({ discovered: [] });
  return bridge().stopBrowsing();
}

/**
 * What joining a room would do to this laptop's copy: `new` (no copy: it
 * takes the host's), `same` (a copy of the same lineage: edits merge),
 * `diverged` (a workshop with the same id seeded apart: joining with it is
 * refused; {@link joinRoom} with `separateCopy` keeps it untouched and takes
 * the room's under another local id).
 */
export interface RoomCheck {
  info: RoomInfo;
  target: RoomTarget;
  local: 'new' | 'same' | 'diverged';
  /** The local workshop a previous "open as a separate copy" of this room's workshop made, if any. */
  separateCopyId: string | null;
  /** The origin mark of this laptop's copy under the room's id (null: none), which the host checks again. */
  localOriginMark: string | null;
}

/**
 * Checks `target` (address, port, code) with the host and compares what the
 * room offers with this laptop: errors `schema-mismatch` (another document
 * layout: update Pacto), or the bridge's (`bad-code`, `unreachable`,
 * `fingerprint-mismatch`…).
 */
export async function checkRoom(target: RoomTarget): Promise<Result<RoomCheck>> {
  const checked = await bridge().checkRoom(target);
  if (!checked.ok) return checked;
  const info = checked.value;
  if (info.schemaVersion !== DOC_SCHEMA_VERSION) {
    return err({
      code: 'schema-mismatch',
      message: `The room's workshop has document layout ${info.schemaVersion}; this Pacto has ${DOC_SCHEMA_VERSION}. Both laptops need the same Pacto version.`,
    });
  }
  const db = database();
  const copies = await separateCopies(db);
  const { local, mark } = await localLineage(db, info);
  return ok({ info, target, local, separateCopyId: copies[info.workshopId] ?? null, localOriginMark: mark });
}

async function localLineage(db: PactoDb, info: RoomInfo): Promise<{ local: RoomCheck['local']; mark: string | null }> {
  if (!(await db.workshops.get(info.workshopId))) return { local: 'new', mark: null };
  const open = await openWorkshop(db, info.workshopId);
  try {
    const mark = originMarkOf(open.doc);
    // A copy never initialised (an interrupted join) holds nothing of its own: it takes the room's.
    if (mark === null) return { local: 'new', mark };
    if (!info.originMark) return { local: 'same', mark };
    return { local: mark === info.originMark ? 'same' : 'diverged', mark };
  } finally {
    open.close();
  }
}

/** Who a guest says they are (the seat's device id and role are added). */
export type GuestIdentity = Pick<SeatIdentity, 'name' | 'team' | 'participantId'> & {
  deviceName?: string;
  /** `projector`: this screen asks for a watch-only seat. */ role?: 'participant' | 'projector';
};

/**
 * Asks to join the room `check` found (from {@link checkRoom}) as
 * `identity`. Resolves once the request waits for the facilitator; when
 * admitted, the link starts by itself and {@link RoomView.ready} turns true
 * after the first sync (open `RoomView.workshopId` then). `separateCopy`:
 * take the room's workshop under a new local id, leaving a diverged local
 * copy untouched. Errors: `diverged` (same id, other lineage, no
 * `separateCopy`), or the bridge's (`bad-code`, `denied`, `app-version-mismatch`…).
 */
export async function joinRoom(check: RoomCheck, identity: GuestIdentity, options: { separateCopy?: boolean } = {}): Promise<Result<GuestRoom>> {
  const db = database();
  let localId = check.info.workshopId;
  let localOriginMark = check.localOriginMark;
  if (check.local === 'diverged' || (options.separateCopy && check.separateCopyId)) {
    if (!options.separateCopy) {
      return err<AppError>({ code: 'diverged', message: 'This laptop has another workshop with the same id; open the room as a separate copy.' });
    }
    localId = check.separateCopyId ?? newId();
    // The separate copy is (or will be) the room's own document: the diverged one stays out of the room.
    localOriginMark = null;
    const copies = await separateCopies(db);
    await db.settings.put({ key: 'roomCopies', value: { ...copies, [check.info.workshopId]: localId } });
  }
  const seat: SeatIdentity = {
    deviceId: currentSeat().deviceId,
    deviceName: identity.deviceName ?? '',
    name: identity.name,
    team: identity.team,
    participantId: identity.participantId,
    role: identity.role ?? 'participant',
  };
  remember({ roomWorkshopId: check.info.workshopId, localId, identity: seat });
  lastGuestTitle = check.info.workshopTitle;
  useRoomStore.setState({ ended: null });
  const joined = await bridge().joinRoom({ ...check.target, identity: seat, schemaVersion: DOC_SCHEMA_VERSION, localOriginMark });
  if (!joined.ok) {
    remember(null);
    return joined;
  }
  // The admission may already have arrived as an event; the reply's state counts too.
  onState(joined.value);
  return joined;
}

/** Leaves the room (guest); this laptop keeps its copy. */
export async function leaveRoom(): Promise<Result<void>> {
  const left = await bridge().leaveRoom();
  endRoom('left');
  return left.ok || left.error.code === 'no-room' ? ok(undefined) : left;
}

declare global {
  interface Window {
    /** Only where the e2e harness gave the page its room bridge (`test/support/room-browser.ts`): this module's entry points, for a test to drive. */
    pactoRoomControl?: Record<string, (...args: never[]) => unknown>;
  }
}

// The e2e harness drives rooms through these where the room screens are not what a test is about.
if (typeof window !== 'undefined' && typeof window.pactoBrowserRoomCall === 'function') {
  window.pactoRoomControl = {
    openRoom,
    closeRoom,
    admitGuest,
    denyGuest,
    removeSeat,
    checkRoom,
    joinRoom,
    leaveRoom,
    room: () => {
      const { discovered: _d, ...view } = currentRoom();
      return view;
    },
    peers: () => currentPeers(),
  };
}

/** For tests: the link's document and provider, null without a link. */
export function roomLinkForTests(): { doc: Y.Doc; provider: WebsocketProvider; awareness: Awareness } | null {
  return link ? { doc: link.open.doc, provider: link.provider, awareness: link.awareness } : null;
}
