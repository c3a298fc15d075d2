/**
 * The SLA screen's user intents as named functions: each is one `edit()` (one
 * Yjs write, one undo step) with the mutations of `shared/domain/workshop-doc`,
 * and returns the field errors (null when applied).
 */
import {
  addCommitment as addCommitmentTo,
  removeCommitment as removeCommitmentFrom,
  setSlaSection,
  updateCommitment,
} from '../../../shared/domain/workshop-doc';
import type { Commitment, FieldErrors, WorkshopContent } from '../../../shared/domain/workshop';
import { toRichDoc } from '../../../shared/domain/rich-text';
import { appendRichDoc, type clauseInsertion } from '../../../shared/sla/clause-library';
import { edit } from '../../data/session';

/** Adds `commitment` to the SLA. */
export function addCommitment(commitment: Commitment): FieldErrors | null {
  return edit((doc) => addCommitmentTo(doc, commitment));
}

/** Changes fields of the SLA commitment `id` (also its link to the targets model). */
export function editCommitment(id: string, patch: Partial<Omit<Commitment, 'id'>>): FieldErrors | null {
  return edit((doc) => updateCommitment(doc, id, patch));
}

/** Removes the SLA commitment `id`. */
export function removeCommitment(id: string): FieldErrors | null {
  return edit((doc) => removeCommitmentFrom(doc, id));
}

/**
 * Inserts a clause of the clause library, as one undo step: its commitment
 * (if any) and its section text, appended to what the section already says in
 * `content` (or written when the section is still empty).
 */
export function insertLibraryClause(add: ReturnType<typeof clauseInsertion>, content: WorkshopContent): FieldErrors | null {
  return edit((doc) => {
    if (add.commitment) addCommitmentTo(doc, add.commitment);
    if (add.section) {
      const current = content.sla.sections?.[add.section.key];
      setSlaSection(doc, add.section.key, current === undefined ? add.section.text : appendRichDoc(toRichDoc(current), add.section.text));
    }
  });
}
