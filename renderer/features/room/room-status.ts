/**
 * What the room strip says, derived from the room layer's view
 * (`data/room.ts`) and presence (`data/presence.ts`): the connection in one
 * word, why a room ended, and what a person is editing (their step and the
 * item they selected, named from the open workshop). Pure.
 */
import type { RoomView } from '../../data/room';
import type { Peer, PresenceSelection } from '../../data/presence';
import { STEPS, type Step } from '../../store';
import type { WorkshopContent } from '../../../shared/domain/workshop';

/**
 * The connection as the strip shows it: `none` (no room), `host` (this laptop
 * hosts), `waiting` (for admission), `connecting` (admitted, first sync),
 * `online` (in step with the room), `reconnecting` (the link dropped: edits
 * stay here and merge when it is back), `offline` (the room ended for this
 * laptop, not by its own choice: everything is kept here).
 */
export type RoomConnection = 'none' | 'host' | 'waiting' | 'connecting' | 'online' | 'reconnecting' | 'offline';

/** End reasons that need no message: this laptop left, or closed its own room. */
const QUIET_ENDS = new Set(['left', 'closed-by-me']);

/** How the room ended for this laptop when the strip should say so (`closed`, `removed`, `denied`, an error code), else null. */
export function endedReason(view: Pick<RoomView, 'room' | 'ended'>): string | null {
  return view.room === null && view.ended !== null && !QUIET_ENDS.has(view.ended) ? view.ended : null;
}

/** True while this laptop hosts a room or sits in one (a guest whose room ended is in none). */
export function inRoom(room: RoomView['room']): room is NonNullable<RoomView['room']> {
  return room !== null && !(room.role === 'guest' && room.state === 'ended');
}

/** The connection of `view`. */
export function connectionOf(view: Pick<RoomView, 'room' | 'link' | 'ended'>): RoomConnection {
  const { room, link } = view;
  if (!room) return endedReason(view) ? 'offline' : 'none';
  if (room.role === 'host') return 'host';
  if (room.state === 'ended') return QUIET_ENDS.has(room.reason) ? 'none' : 'offline';
  if (room.state === 'waiting') return 'waiting';
  if (room.state === 'reconnecting' || link === 'offline') return 'reconnecting';
  return link === 'synced' ? 'online' : 'connecting';
}

/** `step` when it is one of the workshop's steps. */
export function stepOf(step: string | null): Step | null {
  return step !== null && (STEPS as readonly string[]).includes(step) ? (step as Step) : null;
}

/** The name of the item `selection` points at in `content` (a stage, a term, an SLA commitment), or null when it is not found. */
export function selectionLabel(selection: PresenceSelection | null, content: WorkshopContent | null): string | null {
  if (!selection || !content) return null;
  const { kind, id } = selection;
  if (kind === 'stage') {
    for (const funnel of Object.values(content.funnels)) {
      const stage = funnel.stages.find((s) => s.id === id);
      if (stage) return stage.name;
    }
    return null;
  }
  if (kind === 'term') {
    const term = content.terms.find((t) => t.id === id);
    return term ? term.acronym || term.name : null;
  }
  if (kind === 'commitment') return content.sla.commitments.find((c) => c.id === id)?.metric ?? null;
  return null;
}

/** What `peer` is editing, for the strip: the step and the item's name (either may be missing). */
export function editingOf(peer: Pick<Peer, 'step' | 'selection'>, content: WorkshopContent | null): { step: Step | null; item: string | null } {
  return { step: stepOf(peer.step), item: selectionLabel(peer.selection, content) };
}
