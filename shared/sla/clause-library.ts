/**
 * The SLA clause library: the catalogue (docs/domain.md, "SLA clause catalogue") of what agreements
 * usually contain (items 1–10), each with what inserting it adds to a
 * workshop — a structured commitment (from the standard commitments) and/or
 * template text for a written section. Pure: the UI applies the result.
 */
import type { Commitment, Language, SlaSectionKey, WorkshopContent } from '../domain/workshop';
import { standardCommitments } from '../sample/standard-content';
import { slaSectionTemplate } from './templates';
import { richTextToPlain, type RichDoc } from '../domain/rich-text';

type Bi = Record<Language, string>;

/** One catalogue entry. */
export interface LibraryClause {
  /** Catalogue number in docs/domain.md, "SLA clause catalogue" (1–10). */
  number: number;
  title: Bi;
  /** Id of the standard commitment it adds, if any (see `standardCommitments`). */
  commitmentId?: string;
  /** Written section whose template text it adds, if any. */
  section?: SlaSectionKey;
  /** Item 1 (shared definitions) lives in the glossary: the SLA draws its definitions from there. */
  glossary?: boolean;
}

export const CLAUSE_LIBRARY: readonly LibraryClause[] = [
  {
    number: 1,
    title: { es: 'Definiciones compartidas (lead, MQL, SAL, SQL, oportunidad)', en: 'Shared definitions (lead, MQL, SAL, SQL, opportunity)' },
    glossary: true,
  },
  {
    number: 2,
    title: { es: 'Compromiso de volumen de Marketing (MQL al mes)', en: 'Marketing’s volume commitment (MQLs a month)' },
    commitmentId: 'c-mql-volume',
  },
  { number: 3, title: { es: 'Tiempo de primera respuesta de Ventas', en: 'Sales’ first-response time' }, commitmentId: 'c-first-response' },
  { number: 4, title: { es: 'Intentos mínimos de contacto', en: 'Minimum contact attempts' }, commitmentId: 'c-attempts' },
  { number: 5, title: { es: 'Ventana para aceptar o rechazar', en: 'Accept-or-reject window' }, commitmentId: 'c-accept-window', section: 'handoff' },
  { number: 6, title: { es: 'Rechazo solo con motivo de la lista', en: 'Rejection only with a listed reason' }, section: 'handoff' },
  {
    number: 7,
    title: { es: 'Reciclaje a nutrición y nueva puntuación', en: 'Recycling to nurturing and re-scoring' },
    commitmentId: 'c-recycling',
    section: 'recycling',
  },
  { number: 8, title: { es: 'Escalado cuando se incumple un compromiso', en: 'Escalation when a commitment is missed' }, section: 'escalation' },
  { number: 9, title: { es: 'Tasas acordadas, tablero compartido y revisión', en: 'Agreed rates, shared dashboard and review cadence' }, section: 'reporting' },
  {
    number: 10,
    title: { es: 'Traspaso a éxito del cliente con metas de fidelización', en: 'Handoff to customer success with loyalty targets' },
    commitmentId: 'c-nps',
    section: 'loyalty',
  },
];

/** What inserting a library clause adds. */
export interface ClauseInsertion {
  /** A new commitment (fresh id from `newId`), or null. */
  commitment: Commitment | null;
  /** A section and the text to append to it, or null. */
  section: { key: SlaSectionKey; text: RichDoc } | null;
}

/**
 * What inserting `clause` in a workshop in `language` adds. `mqlsPerMonth`
 * seeds the volume commitment's target (it stays linked to the model).
 */
export function clauseInsertion(clause: LibraryClause, language: Language, mqlsPerMonth: number, newId: () => string): ClauseInsertion {
  const std = clause.commitmentId ? standardCommitments(language, mqlsPerMonth).find((c) => c.id === clause.commitmentId) : undefined;
  return {
    commitment: std ? { ...std, id: newId() } : null,
    section: clause.section ? { key: clause.section, text: slaSectionTemplate(clause.section, language) } : null,
  };
}

/** `extra` appended after `base` (a blank base is replaced). */
export function appendRichDoc(base: RichDoc, extra: RichDoc): RichDoc {
  const blank = base.content.every((n) => n.type === 'paragraph' && !n.content);
  return { type: 'doc', content: blank ? extra.content : [...base.content, ...extra.content] };
}

/** Where an insertion's content already is in the workshop: an equal commitment's id, the section that already holds the text. */
export interface ClauseDuplicate {
  commitmentId: string | null;
  section: SlaSectionKey | null;
}

/**
 * Whether inserting `add` would repeat what `content` already has: a
 * commitment of the same party with the same promise and metric (whatever its
 * target), or a section whose text already contains the template's text.
 * Null when nothing would be repeated.
 */
export function clauseDuplicate(add: ClauseInsertion, content: WorkshopContent): ClauseDuplicate | null {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const c = add.commitment;
  const commitment = c ? content.sla.commitments.find((x) => x.party === c.party && same(x.commitment, c.commitment) && same(x.metric, c.metric)) : undefined;
  const s = add.section;
  const current = s ? content.sla.sections?.[s.key] : undefined;
  const template = s ? richTextToPlain(s.text).replace(/\s+/g, ' ').trim() : '';
  const inSection = s && current !== undefined && template !== '' && richTextToPlain(current).replace(/\s+/g, ' ').includes(template);
  if (!commitment && !inSection) return null;
  return { commitmentId: commitment?.id ?? null, section: inSection ? s.key : null };
}
