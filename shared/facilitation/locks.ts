/**
 * Section locks as pure rules: which top-level parts of the workshop
 * document each lockable section is stored in, so one check (the edit path,
 * `renderer/data/session.ts`, with `lockedEdits` of `locked-edits.ts`; the
 * room host with `write-guard.ts`) can refuse any write to a locked
 * section, whichever feature makes it.
 */
import { LOCKABLE_SECTIONS, type FacilitationState, type LockableSection } from './types';

/** The top-level Y.Doc parts (see `shared/domain/workshop-doc.ts`) that hold each lockable section. */
export const SECTION_PARTS: Record<LockableSection, readonly string[]> = {
  participants: ['participants'],
  funnel: ['funnels', 'gapResolutions'],
  glossary: ['terms'],
  sla: ['sla'],
  targets: ['targets', 'scenarios'],
};

/** The lockable section stored in top-level part `part`, or null (meta, approvals, comments, facilitation…). */
export function sectionOfPart(part: string): LockableSection | null {
  for (const section of LOCKABLE_SECTIONS) if (SECTION_PARTS[section].includes(part)) return section;
  return null;
}

/** The sections locked now, in {@link LOCKABLE_SECTIONS} order. */
export function lockedSections(locks: FacilitationState['locks']): LockableSection[] {
  return LOCKABLE_SECTIONS.filter((s) => locks[s] !== undefined);
}

/** True when section `section` is locked. */
export function isLocked(locks: FacilitationState['locks'], section: LockableSection): boolean {
  return locks[section] !== undefined;
}
