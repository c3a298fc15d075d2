/**
 * Presence in a room: who is here (name, team, colour), on which step, and
 * what each has selected, carried by y-protocols' awareness (the room
 * provider's `awareness`, see `data/room.ts`), never by the document.
 *
 * Each laptop publishes one {@link PresenceState}: `user` (name and colour,
 * the field TipTap's carets read), `seat` (device, team, participant, role),
 * `step` and `selection`. The room layer binds the provider's awareness here
 * with {@link bindAwareness} and keeps `user`, `seat` and `step` current;
 * features only call {@link setSelection} (e.g. the canvas when a stage is
 * selected, a field when it gains focus) and read {@link usePresence} or
 * {@link useRemoteSelections}.
 *
 * Stale presence: a laptop that closes its window clears its state at once
 * (`pagehide`); one whose connection drops is cleared by the host's server
 * when its socket closes (the host's ping closes a vanished laptop's socket),
 * and this laptop clears everyone else when its own link drops (y-websocket
 * does that); awareness' own 30 s timeout is the last resort. Back on the
 * link, {@link renewPresence} makes this laptop reappear at once.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Awareness } from 'y-protocols/awareness';
import type { SeatRole } from '../../shared/room/contract';
import type { Team } from '../../shared/domain/workshop';

/** Something a person has selected: a canvas stage (`stage`, with its funnel), a term, a clause, any item with an id. */
export interface PresenceSelection {
  /** What it is, e.g. `stage`, `transition`, `term`, `commitment`, `section`. */
  kind: string;
  id: string;
  /** Where it is when the id alone does not say, e.g. the funnel id of a stage. */
  scope?: string;
}

/** One laptop's awareness state (what it publishes; others read it as a {@link Peer}). */
export interface PresenceState {
  /** What TipTap's collaboration carets read: the caret's label and colour (`#rrggbb`). */
  user: { name: string; color: string };
  seat: { deviceId: string; team: Team; participantId: string | null; role: SeatRole };
  /** The workshop step this laptop shows (e.g. `funnel`), null outside the workshop. */
  step: string | null;
  selection: PresenceSelection | null;
}

/** Someone in the room as the UI shows them. */
export interface Peer {
  /** The awareness client id (one per open window). */
  clientId: number;
  /** True for this window. */
  self: boolean;
  name: string;
  team: Team;
  /** `#rrggbb`, stable for a device (see {@link colourOf}). */
  color: string;
  deviceId: string;
  participantId: string | null;
  role: SeatRole;
  step: string | null;
  selection: PresenceSelection | null;
}

/**
 * Caret and selection colours: distinct, readable with white text, and none
 * of them a team colour's exact shade so a caret is never taken for a team tag.
 */
export const PRESENCE_COLOURS = [
  '#c2410c',
  '#0f766e',
  '#7c3aed',
  '#be185d',
  '#1d4ed8',
  '#4d7c0f',
  '#b45309',
  '#0e7490',
  '#9333ea',
  '#b91c1c',
  '#15803d',
  '#4338ca',
] as const;

/** The colour of device `deviceId` (the same on every laptop and every session): one of {@link PRESENCE_COLOURS}. */
export function colourOf(deviceId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < deviceId.length; i++) hash = Math.imul(hash ^ deviceId.charCodeAt(i), 16777619);
  return PRESENCE_COLOURS[(hash >>> 0) % PRESENCE_COLOURS.length]!;
}

const TEAMS_SET = new Set<string>(['marketing', 'sales', 'leadership']);

/** `raw` (another laptop's state: network input) as a Peer, or null when it is not a presence state. */
export function peerOf(clientId: number, raw: unknown, selfId: number): Peer | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<PresenceState>;
  const user = s.user;
  const seat = s.seat;
  if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return null;
  if (!seat || typeof seat.deviceId !== 'string' || !TEAMS_SET.has(seat.team as string)) return null;
  const sel = s.selection;
  const selection =
    sel && typeof sel === 'object' && typeof sel.kind === 'string' && typeof sel.id === 'string'
      ? { kind: sel.kind.slice(0, 40), id: sel.id.slice(0, 128), ...(typeof sel.scope === 'string' ? { scope: sel.scope.slice(0, 64) } : {}) }
      : null;
  return {
    clientId,
    self: clientId === selfId,
    name: user.name.slice(0, 80),
    team: seat.team as Team,
    color: /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : colourOf(seat.deviceId),
    deviceId: seat.deviceId.slice(0, 64),
    participantId: typeof seat.participantId === 'string' ? seat.participantId : null,
    role: seat.role === 'facilitator' || seat.role === 'projector' ? seat.role : 'participant',
    step: typeof s.step === 'string' ? s.step.slice(0, 40) : null,
    selection,
  };
}

interface PresenceStore {
  awareness: Awareness | null;
  peers: Peer[];
}

const usePresenceStore = create<PresenceStore>(() => ({ awareness: null, peers: [] }));

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const peer = peerOf(clientId, state, awareness.clientID);
    if (peer) peers.push(peer);
  }
  // This window first, then by name: a stable order for the header.
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

let unbind: (() => void) | null = null;

/**
 * Binds presence to `awareness` (the room provider's), publishing `initial`
 * as this laptop's state; `null` unbinds (the room ended: everyone else
 * disappears, this laptop's state is cleared). Only the room layer calls it.
 */
export function bindAwareness(awareness: Awareness | null, initial?: PresenceState): void {
  unbind?.();
  unbind = null;
  if (!awareness) {
    usePresenceStore.setState({ awareness: null, peers: [] });
    return;
  }
  if (initial) awareness.setLocalState(initial);
  const onChange = () => usePresenceStore.setState({ peers: readPeers(awareness) });
  const onPageHide = () => awareness.setLocalState(null);
  awareness.on('change', onChange);
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onPageHide);
  usePresenceStore.setState({ awareness, peers: readPeers(awareness) });
  unbind = () => {
    awareness.off('change', onChange);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onPageHide);
  };
}

/** The bound awareness (for TipTap's carets), null outside a room. */
export function currentAwareness(): Awareness | null {
  return usePresenceStore.getState().awareness;
}

/** The bound awareness, re-rendering when a room starts or ends. */
export function useAwareness(): Awareness | null {
  return usePresenceStore((s) => s.awareness);
}

/**
 * Announces this laptop's presence again, with a newer clock: call it when
 * the room link reconnects. The room's server dropped this laptop's state
 * when the old socket closed but still holds its clock; the state y-websocket
 * re-sends on connecting carries that same clock and would be ignored until
 * awareness' 15 s renewal (y-websocket#122: "reconnecting users appear late").
 */
export function renewPresence(awareness: Awareness): void {
  const state = awareness.getLocalState();
  if (state) awareness.setLocalState(state);
}

/** Changes fields of this laptop's presence (no-op outside a room). */
export function updatePresence(patch: Partial<PresenceState>): void {
  const awareness = currentAwareness();
  if (!awareness) return;
  const local = awareness.getLocalState() as PresenceState | null;
  if (!local) return;
  const changed = (Object.keys(patch) as (keyof PresenceState)[]).some((k) => JSON.stringify(local[k]) !== JSON.stringify(patch[k]));
  if (changed) awareness.setLocalState({ ...local, ...patch });
}

/** Says what this laptop has selected now (null: nothing); others see it in this laptop's colour. No-op outside a room. */
export function setSelection(selection: PresenceSelection | null): void {
  updatePresence({ selection });
}

/** Everyone in the room now (outside React), this window first; empty outside a room. */
export function currentPeers(): Peer[] {
  return usePresenceStore.getState().peers;
}

/** Everyone in the room, this window first; empty outside a room. */
export function usePresence(): Peer[] {
  return usePresenceStore((s) => s.peers);
}

/**
 * What the others (not this window) have selected of `kind` (optionally in
 * `scope`, e.g. one funnel): item id → the peers selecting it, for drawing
 * their colour around it (e.g. on the canvas).
 */
export function useRemoteSelections(kind: string, scope?: string): ReadonlyMap<string, Peer[]> {
  const peers = usePresence();
  return useMemo(() => {
    const byId = new Map<string, Peer[]>();
    for (const p of peers) {
      if (p.self || !p.selection || p.selection.kind !== kind) continue;
      if (scope !== undefined && p.selection.scope !== undefined && p.selection.scope !== scope) continue;
      const list = byId.get(p.selection.id) ?? [];
      list.push(p);
      byId.set(p.selection.id, list);
    }
    return byId;
  }, [peers, kind, scope]);
}
