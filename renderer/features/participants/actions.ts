/**
 * The participants list's user intents as named functions: each is one
 * `edit()` (one Yjs write, one undo step) with the mutations of
 * `shared/domain/workshop-doc`, and returns the field errors (null when applied).
 */
import {
  addParticipant as addParticipantTo,
  removeParticipant as removeParticipantFrom,
  setLogo,
  updateParticipant,
} from '../../../shared/domain/workshop-doc';
import type { FieldErrors, Participant } from '../../../shared/domain/workshop';
import { edit } from '../../data/session';

/** Adds `participant` to the workshop's participants. */
export function addParticipant(participant: Participant): FieldErrors | null {
  return edit((doc) => addParticipantTo(doc, participant));
}

/** Changes fields (name, title, team, signatory) of participant `id`. */
export function editParticipant(id: string, patch: Partial<Omit<Participant, 'id'>>): FieldErrors | null {
  return edit((doc) => updateParticipant(doc, id, patch));
}

/** Removes participant `id`. */
export function removeParticipant(id: string): FieldErrors | null {
  return edit((doc) => removeParticipantFrom(doc, id));
}

/** Sets the company logo printed on the agreement's cover (a PNG or JPEG `data:` URL), or removes it (`null`). */
export function setCompanyLogo(logo: string | null): FieldErrors | null {
  return edit((doc) => setLogo(doc, logo));
}
