/**
 * The room screens' own thin room layer, straight on the {@link RoomBridge}:
 * the room's state (following the bridge's `state` and `discovered` events),
 * the calls the dialogs make, the seat (data/seat.ts) kept in step with the
 * room, and a presence list derived from the room's seats. It stands in for
 * `renderer/data/room.ts` (the room data layer with Yjs awareness) until
 * that lands; the screens use only the names exported here, so swapping it
 * is one import.
 */
import { create } from 'zustand';
import type {
  DiscoveredRoom,
  GuestRoom,
  HostedRoom,
  JoinRoomRequest,
  RoomBridge,
  RoomInfo,
  RoomInterface,
  RoomState,
  RoomTarget,
  SeatIdentity,
  SeatRole,
} from '../../../shared/room/contract';
import type { Team } from '../../../shared/domain/workshop';
import { err, type Result } from '../../../shared/domain/result';
import { DOC_SCHEMA_VERSION } from '../../../shared/domain/workshop-doc';
import { setSeat, currentSeat } from '../../data/seat';
import { useAppStore, type Step } from '../../store';
import { roomBridge } from './bridge';
import { seatColour } from './colours';

/** The room as the screens read it. */
export interface RoomView {
  /** False when this build has no room bridge. */
  available: boolean;
  state: RoomState;
  /** Rooms found on the network while browsing. */
  discovered: DiscoveredRoom[];
  /** This laptop's identity in the room (host or guest); null outside a room. */
  self: SeatIdentity | null;
}

const useRoomStore = create<RoomView>(() => ({ available: false, state: null, discovered: [], self: null }));

const UNSUPPORTED = { code: 'unsupported', message: 'This build has no room bridge.' } as const;

/** The bridge, or null (rooms unavailable). Read at each call, so a bridge injected after start is used. */
function bridge(): RoomBridge | null {
  return roomBridge();
}

/** Applies a new room state: the store, and the seat (only the room layer sets it). */
function applyState(state: RoomState): void {
  const self = state === null || (state.role === 'guest' && state.state === 'ended') ? null : useRoomStore.getState().self;
  useRoomStore.setState({ state, self });
  if (state === null || (state.role === 'guest' && state.state === 'ended') || !self) {
    setSeat({ inRoom: false, role: 'facilitator', identity: null });
  } else if (state.role === 'host') {
    setSeat({ inRoom: true, role: 'facilitator', identity: self });
  } else if (state.state === 'admitted') {
    setSeat({ inRoom: true, role: state.readOnly ? 'projector' : self.role, identity: self });
  }
}

/**
 * Starts following the room: reads its state (a reloaded window finds its
 * open room) and subscribes to the bridge's events. Call once, from the
 * room layer's component.
 *
 * @returns the function that stops following
 */
export function followRoom(): () => void {
  const b = bridge();
  if (!b) {
    useRoomStore.setState({ available: false });
    return () => undefined;
  }
  useRoomStore.setState({ available: true });
  const off = b.onRoomEvent((event) => {
    if (event.type === 'state') applyState(event.room);
    else if (event.type === 'discovered') useRoomStore.setState({ discovered: event.rooms });
  });
  void b.roomState().then((result) => {
    if (result.ok) applyState(result.value);
  });
  return off;
}

/** The room, re-rendering on change. */
export function useRoom(): RoomView {
  return useRoomStore();
}

/** The room now (outside React). */
export function currentRoom(): RoomView {
  return useRoomStore.getState();
}

/** Network interfaces the room may listen on, best first. */
export function roomInterfaces(): Promise<Result<RoomInterface[]>> {
  return bridge()?.roomInterfaces() ?? Promise.resolve(err(UNSUPPORTED));
}

/**
 * Opens a room for the open workshop on `address`, with this laptop as the
 * facilitator named `host` (a workshop participant, or null for someone not
 * on the list, named `name`).
 */
export async function openRoom(request: { address: string; participantId: string | null; name: string; team: Team }): Promise<Result<HostedRoom>> {
  const b = bridge();
  if (!b) return err(UNSUPPORTED);
  const session = useAppStore.getState().session;
  if (!session) return err({ code: 'no-room', message: 'No workshop is open.' });
  const host: SeatIdentity = {
    deviceId: currentSeat().deviceId,
    deviceName: '',
    name: request.name,
    team: request.team,
    participantId: request.participantId,
    role: 'facilitator',
  };
  const result = await b.openRoom({
    workshopId: session.id,
    workshopTitle: session.content.meta.title,
    schemaVersion: DOC_SCHEMA_VERSION,
    // The document's lineage mark comes with the room data layer (docs/lan.md); empty until then.
    originMark: '',
    address: request.address,
    participants: session.content.participants.map((p) => ({ id: p.id, name: p.name, team: p.team })),
    host,
  });
  if (result.ok) {
    useRoomStore.setState({ self: host });
    applyState(result.value);
  }
  return result;
}

/** Closes the hosted room. */
export async function closeRoom(): Promise<Result<void>> {
  const result = await (bridge()?.closeRoom() ?? Promise.resolve(err(UNSUPPORTED)));
  if (result.ok) applyState(null);
  return result;
}

/** Admits a waiting guest (`readOnly`: a watch-only seat, e.g. the projector). */
export function admitGuest(seatId: string, readOnly: boolean): Promise<Result<void>> {
  return bridge()?.admitGuest({ seatId, readOnly }) ?? Promise.resolve(err(UNSUPPORTED));
}

/** Refuses a waiting guest. */
export function denyGuest(seatId: string): Promise<Result<void>> {
  return bridge()?.denyGuest({ seatId }) ?? Promise.resolve(err(UNSUPPORTED));
}

/** Removes an admitted seat from the room. */
export function removeSeat(seatId: string): Promise<Result<void>> {
  return bridge()?.removeSeat({ seatId }) ?? Promise.resolve(err(UNSUPPORTED));
}

/** Starts looking for rooms on the network (found rooms arrive in `useRoom().discovered`). */
export function browseRooms(): Promise<Result<void>> {
  return bridge()?.browseRooms() ?? Promise.resolve(err(UNSUPPORTED));
}

/** Stops looking for rooms. */
export function stopBrowsing(): Promise<Result<void>> {
  useRoomStore.setState({ discovered: [] });
  return bridge()?.stopBrowsing() ?? Promise.resolve(err(UNSUPPORTED));
}

/** Checks a code against a room and returns what it offers. */
export function checkRoom(target: RoomTarget): Promise<Result<RoomInfo>> {
  return bridge()?.checkRoom(target) ?? Promise.resolve(err(UNSUPPORTED));
}

/** Asks to join as `identity`; the state then waits for the facilitator. */
export async function joinRoom(request: JoinRoomRequest): Promise<Result<GuestRoom>> {
  const b = bridge();
  if (!b) return err(UNSUPPORTED);
  const result = await b.joinRoom(request);
  if (result.ok) {
    useRoomStore.setState({ self: request.identity });
    applyState(result.value);
  }
  return result;
}

/** Leaves the room (or stops waiting); the local copy stays. */
export async function leaveRoom(): Promise<Result<void>> {
  const result = await (bridge()?.leaveRoom() ?? Promise.resolve(err(UNSUPPORTED)));
  if (result.ok) applyState({ role: 'guest', state: 'ended', reason: 'left' });
  return result;
}

/** Forgets an ended room (the header stops saying it ended). */
export function dismissEndedRoom(): void {
  const { state } = useRoomStore.getState();
  if (state?.role === 'guest' && state.state === 'ended') applyState(null);
}

/** Someone in the room, as the header shows them. */
export interface RoomPeer {
  /** Stable key (the seat id, or `self`). */
  key: string;
  name: string;
  team: Team;
  /** CSS colour of this person (chips, carets). */
  colour: string;
  role: SeatRole;
  self: boolean;
  connected: boolean;
  /** What they are editing: the step, and the item (a stage, a term) by its label; null when not known. */
  editing: { step: Step; item?: string } | null;
}

function peerOf(identity: SeatIdentity, key: string, self: boolean, connected: boolean): RoomPeer {
  return { key, name: identity.name, team: identity.team, colour: seatColour(identity.deviceId), role: identity.role, self, connected, editing: null };
}

/** The people in the room: this laptop first, then the seats the host lists (a guest sees only itself until awareness arrives). */
export function presenceOf(view: RoomView): RoomPeer[] {
  const { state, self } = view;
  if (!state || !self || (state.role === 'guest' && state.state === 'ended')) return [];
  const peers = [peerOf(self, 'self', true, true)];
  if (state.role === 'host') for (const seat of state.seats) peers.push(peerOf(seat.identity, seat.seatId, false, seat.connected));
  return peers;
}

/** The people in the room, re-rendering on change. */
export function usePresence(): RoomPeer[] {
  return presenceOf(useRoom());
}

/** The connection as the header shows it: none (no room), host, waiting, online, reconnecting, offline (edits kept). */
export type RoomConnection = 'none' | 'host' | 'waiting' | 'online' | 'reconnecting' | 'offline';

/** The connection of `state`. */
export function connectionOf(state: RoomState): RoomConnection {
  if (!state) return 'none';
  if (state.role === 'host') return 'host';
  if (state.state === 'waiting') return 'waiting';
  if (state.state === 'admitted') return 'online';
  if (state.state === 'reconnecting') return 'reconnecting';
  return state.reason === 'left' ? 'none' : 'offline';
}

/**
 * Joins the room keeping this laptop's diverged copy of the workshop apart
 * (the answer to `diverged`). It needs the room data layer, which moves the
 * local copy aside before taking the room's document; until that lands it
 * answers `unsupported`, and nothing local changes.
 */
export async function joinAsSeparateCopy(request: JoinRoomRequest): Promise<Result<GuestRoom>> {
  void request;
  return err(UNSUPPORTED);
}
