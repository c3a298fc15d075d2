/**
 * Which SLA clauses use a glossary term: a clause uses a term when its text
 * (commitment wording, metric, unit, how measured, when missed; a written
 * section's plain text) contains the term's acronym or name as a whole word,
 * ignoring case and accents.
 */
import { richTextToPlain } from '../domain/rich-text';
import { SLA_SECTION_KEYS, type SlaSectionKey, type Term, type WorkshopContent } from '../domain/workshop';

/** A clause that uses a term: a commitment (its id) or a written section (its key, `intro` for purpose and scope). */
export type ClauseRef = { kind: 'commitment'; id: string; label: string } | { kind: 'section'; key: 'intro' | SlaSectionKey };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` contains `word` as a whole word (letters and digits around it do not count as a match), case- and accent-insensitive. */
export function mentions(text: string, word: string): boolean {
  const w = fold(word.trim());
  if (!w) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(w)}s?($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/** The SLA clauses of `content` that use `term` (by acronym or name), in print order. */
export function clausesUsingTerm(content: WorkshopContent, term: Pick<Term, 'name' | 'acronym'>): ClauseRef[] {
  const words = [term.acronym, term.name].filter((w) => w.trim().length > 0);
  const uses = (text: string) => words.some((w) => mentions(text, w));
  const out: ClauseRef[] = [];
  if (uses(richTextToPlain(content.sla.intro))) out.push({ kind: 'section', key: 'intro' });
  for (const c of content.sla.commitments) {
    if (uses([c.commitment, c.metric, c.unit, c.measurement ?? '', c.whenMissed ?? ''].join(' \n ')))
      out.push({ kind: 'commitment', id: c.id, label: c.commitment });
  }
  for (const key of SLA_SECTION_KEYS) {
    const text = content.sla.sections?.[key];
    if (text !== undefined && uses(richTextToPlain(text))) out.push({ kind: 'section', key });
  }
  return out;
}
