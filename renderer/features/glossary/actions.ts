/**
 * The glossary's user intents as named functions: each is one `edit()` (one
 * Yjs write, one undo step) with the mutations of `shared/domain/workshop-doc`,
 * and returns the field errors (null when applied).
 */
import { addTerm, removeTerm, updateStage, updateTerm } from '../../../shared/domain/workshop-doc';
import type { FieldErrors, Term } from '../../../shared/domain/workshop';
import { edit } from '../../data/session';

/** Adds `term` (blank or from a standard template) to the glossary. */
export function addGlossaryTerm(term: Term): FieldErrors | null {
  return edit((doc) => addTerm(doc, term));
}

/** Changes the plain fields (name, acronym, owner team) of the term `termId`. */
export function editTerm(termId: string, patch: Partial<Pick<Term, 'name' | 'acronym' | 'ownerTeam'>>): FieldErrors | null {
  return edit((doc) => updateTerm(doc, termId, patch));
}

/** Removes the term `termId` from the glossary. */
export function removeGlossaryTerm(termId: string): FieldErrors | null {
  return edit((doc) => removeTerm(doc, termId));
}

/**
 * Makes the term `termId` the definition of the agreed-funnel stage `stageId`
 * (none when `stageId` is ''): the stage it defined until now (`previousStageId`,
 * null when none) is unlinked first, in the same undo step.
 */
export function linkTermToStage(termId: string, previousStageId: string | null, stageId: string): FieldErrors | null {
  return edit((doc) => {
    if (previousStageId && previousStageId !== stageId) updateStage(doc, 'agreed', previousStageId, { termId: null });
    if (stageId) updateStage(doc, 'agreed', stageId, { termId });
  });
}
