/**
 * The standard stages of a marketing–sales funnel, declared once: their
 * kinds, funnel order, names in Spanish and English and usual owners
 * (docs/domain.md, "Stage models": the Forrester demand waterfall with an
 * opportunity stage, HubSpot's subscriber before it, recycled and
 * disqualified off the main path). Every list of standard stages in the code
 * (model chain, CRM import, templates, palette, glossary) derives from here.
 * Pure data, no imports but types.
 */
import type { Language, Party } from '../domain/workshop';

/** A text in each workshop language. */
export type Bilingual = Record<Language, string>;

/** The main chain of standard stages, in funnel order: what the model, the import and the benchmarks know. */
export const STANDARD_STAGE_KEYS = ['lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'] as const;
export type StandardStageKey = (typeof STANDARD_STAGE_KEYS)[number];

/** Every kind of stage Pacto knows by name: the main chain, HubSpot's `subscriber` before it, `recycled` and `disqualified` off it. */
export const STAGE_KINDS = ['subscriber', ...STANDARD_STAGE_KEYS, 'recycled', 'disqualified'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

/** The kinds the canvas palette offers, in its order (subscriber is used by the HubSpot template only). */
export const PALETTE_STAGE_KINDS = [...STANDARD_STAGE_KEYS, 'recycled', 'disqualified'] as const satisfies readonly StageKind[];

/**
 * The name a stage of each kind carries, per language: the acronym where the
 * field says it ("MQL", "SQL"), the full name for the opportunity (its acronym
 * SQO is rarely said) and for the customer (none).
 */
export const STAGE_NAMES: Readonly<Record<StageKind, Bilingual>> = {
  subscriber: { es: 'Suscriptor', en: 'Subscriber' },
  lead: { es: 'Lead', en: 'Lead' },
  mql: { es: 'MQL', en: 'MQL' },
  sal: { es: 'SAL', en: 'SAL' },
  sql: { es: 'SQL', en: 'SQL' },
  opportunity: { es: 'Oportunidad', en: 'Opportunity' },
  customer: { es: 'Cliente', en: 'Customer' },
  recycled: { es: 'Reciclado', en: 'Recycled' },
  disqualified: { es: 'Descalificado', en: 'Disqualified' },
};

/**
 * The team that usually owns each kind (each waterfall stage has an owner).
 * Recycled leads go back to marketing's nurturing (SLA clause catalogue,
 * item 7), so marketing owns that stage; sales disqualifies, so it owns
 * Disqualified.
 */
export const STAGE_OWNERS: Readonly<Record<StageKind, Party>> = {
  subscriber: 'marketing',
  lead: 'marketing',
  mql: 'marketing',
  sal: 'sales',
  sql: 'sales',
  opportunity: 'sales',
  customer: 'sales',
  recycled: 'marketing',
  disqualified: 'sales',
};

/** The name a stage of standard kind `kind` carries in `language` ("MQL", "Oportunidad"). */
export function standardStageName(kind: StageKind, language: Language): string {
  return STAGE_NAMES[kind][language];
}
