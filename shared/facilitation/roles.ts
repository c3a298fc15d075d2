/**
 * Who may facilitate: outside a room the one laptop runs the whole workshop
 * (it is the facilitator's seat); in a room, the host's seat, or the seat of
 * the participant the workshop names as facilitator. Only a facilitator
 * starts and moves the timer, starts and ends private mode, opens and closes
 * votes, records decisions, edits the agenda and locks or unlocks sections.
 */
import type { SeatIdentity, SeatRole } from '../room/contract';

/** The parts of a seat the rule reads (`renderer/data/seat.ts` SeatView). */
export interface SeatLike {
  inRoom: boolean;
  role: SeatRole;
  identity: Pick<SeatIdentity, 'participantId'> | null;
}

/**
 * True when `seat` may use the facilitator's controls: outside a room
 * always; in a room the host's seat (role `facilitator`) or the seat whose
 * participant is `facilitatorId` (the one the workshop names). A projector
 * seat never facilitates.
 */
export function canFacilitate(seat: SeatLike, facilitatorId: string | null): boolean {
  if (!seat.inRoom) return true;
  if (seat.role === 'projector') return false;
  if (seat.role === 'facilitator') return true;
  return facilitatorId !== null && seat.identity?.participantId === facilitatorId;
}
