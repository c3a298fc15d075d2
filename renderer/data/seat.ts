/**
 * This laptop's seat: its device id, and who sits at it in a room with which
 * role. Outside a room the laptop runs the whole workshop (the projector is
 * the shared screen), so it is the facilitator's seat and every facilitation
 * control is available. In a room, the host's seat is the facilitator's; a
 * guest is a participant (or a read-only projector). The workshop may also
 * name a facilitator participant (see the facilitation module), which
 * `canFacilitate` callers combine with this seat.
 *
 * The room layer (`data/room.ts`) sets the seat when a room opens, is joined,
 * or ends; everything else only reads it.
 */
import { create } from 'zustand';
import type { SeatIdentity, SeatRole } from '../../shared/room/contract';

/** The seat as the UI reads it. */
export interface SeatView {
  /** Random id of this installation (stable across restarts). */
  deviceId: string;
  /** True while this laptop hosts or has joined a room. */
  inRoom: boolean;
  role: SeatRole;
  /** Who sits here in the room; null outside a room. */
  identity: SeatIdentity | null;
}

const DEVICE_KEY = 'pacto.deviceId';

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This installation's device id, created on first use and kept in local storage. */
export function localDeviceId(): string {
  try {
    const existing = localStorage.getItem(DEVICE_KEY);
    if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
    const id = newDeviceId();
    localStorage.setItem(DEVICE_KEY, id);
    return id;
  } catch {
    return newDeviceId();
  }
}

const useSeatStore = create<SeatView>(() => ({ deviceId: localDeviceId(), inRoom: false, role: 'facilitator', identity: null }));

/** The seat now (outside React). */
export function currentSeat(): SeatView {
  return useSeatStore.getState();
}

/** The seat, re-rendering when it changes. */
export function useSeat(): SeatView {
  return useSeatStore();
}

/** Sets the seat for a room (`identity` null and role `facilitator` when the room ends). Only the room layer calls this. */
export function setSeat(next: { inRoom: boolean; role: SeatRole; identity: SeatIdentity | null }): void {
  useSeatStore.setState(next);
}

/**
 * Where a person's act (an approval, its withdrawal, a signature, a freeze
 * override) was recorded, for its audit event's `details`: `device` is this
 * laptop (`id` its device id, `name` the OS's name when known, else null).
 * `recordedBy` says someone else entered it for `actor`: the facilitator
 * recording for a person without a laptop (any act recorded outside a room
 * is on the facilitator's laptop), or a seat acting for another participant;
 * absent when the person did it at their own seat in a room.
 */
export function recordedOn(
  actor: { participantId: string | null; name: string },
  seat: SeatView = currentSeat(),
): {
  device: { id: string; name: string | null };
  recordedBy?: { name: string | null; participantId: string | null; role: SeatRole };
} {
  const device = { id: seat.deviceId, name: seat.identity?.deviceName || null };
  const who = seat.identity;
  if (!seat.inRoom || !who) return { device, recordedBy: { name: null, participantId: null, role: 'facilitator' } };
  const self = who.participantId !== null ? who.participantId === actor.participantId : who.name === actor.name;
  return self ? { device } : { device, recordedBy: { name: who.name, participantId: who.participantId, role: who.role } };
}
