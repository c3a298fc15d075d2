/**
 * Stage names as the teams type them, reduced to what they mean: a
 * normalised form (case-, accent-, punctuation- and space-insensitive) and,
 * through a table of the usual Spanish and English synonyms, the standard
 * stage kind a name stands for ("Lead calificado por marketing" = "Marketing
 * qualified lead" = "MQL" → `mql`). Sources of the vocabulary: docs/domain.md,
 * "Words of the field" and "Stage models" (Forrester demand
 * waterfall, HubSpot lifecycle stages, Latin-American practice).
 */

import { STAGE_KINDS, type StageKind } from './standard-stages';

/** Kinds of stage Pacto knows by name: declared in `shared/funnel/standard-stages.ts`. */
export { STAGE_KINDS, type StageKind } from './standard-stages';

/**
 * Lower-cases `name`, strips accents (é → e, ñ → n), turns punctuation and
 * symbols into spaces, collapses runs of spaces and trims.
 * `"  Lead  calificado—por MARKETING. "` → `"lead calificado por marketing"`.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
    .trim();
}

/**
 * {@link normalizeName} without any space, so that spacing and punctuation
 * never matter: `"Closed-won"`, `"closed won"`, `"M.Q.L."` → `"closedwon"`, `"mql"`.
 * This is the key names are compared by.
 */
export function compactName(name: string): string {
  return normalizeName(name).replace(/ /g, '');
}

/** The usual names of each stage kind, Spanish and English, as people write them (normalised on load). */
const SYNONYMS: Record<StageKind, readonly string[]> = {
  subscriber: ['Subscriber', 'Suscriptor', 'Suscriptora', 'Subscriptor', 'Blog subscriber', 'Suscriptor del blog'],
  lead: ['Lead', 'Inquiry', 'Enquiry', 'Raw lead', 'New lead', 'Consulta', 'Solicitud de información', 'Prospecto', 'Lead nuevo', 'Nuevo lead'],
  mql: [
    'MQL',
    'Marketing qualified lead',
    'Marketing-qualified lead',
    'Marketing ready lead',
    'Lead calificado por marketing',
    'Lead cualificado por marketing',
    'Lead calificado de marketing',
    'Lead cualificado de marketing',
    'Lead calificado para marketing',
    'Lead cualificado para marketing',
    'Lead calificado por mercadeo',
    'Lead calificado por mercadotecnia',
  ],
  sal: [
    'SAL',
    'Sales accepted lead',
    'Sales-accepted lead',
    'Lead aceptado por ventas',
    'Lead aceptado por el equipo de ventas',
    'Lead aceptado',
    'Aceptado por ventas',
  ],
  sql: [
    'SQL',
    'Sales qualified lead',
    'Sales-qualified lead',
    'Sales ready lead',
    'Lead calificado por ventas',
    'Lead cualificado por ventas',
    'Lead calificado de ventas',
    'Lead cualificado de ventas',
    'Lead calificado para ventas',
    'Lead cualificado para ventas',
    'Lead calificado comercial',
  ],
  opportunity: [
    'Opportunity',
    'SQO',
    'Sales qualified opportunity',
    'Sales-qualified opportunity',
    'Open opportunity',
    'Deal',
    'Open deal',
    'Oportunidad',
    'Oportunidad de venta',
    'Oportunidad calificada',
    'Oportunidad cualificada',
    'Oportunidad calificada por ventas',
    'Oportunidad abierta',
    'Negocio',
    'Negocio abierto',
  ],
  customer: [
    'Customer',
    'Client',
    'Closed won',
    'Won',
    'Closed/won',
    'Won deal',
    'New customer',
    'Cliente',
    'Cliente nuevo',
    'Nuevo cliente',
    'Ganado',
    'Ganada',
    'Cerrado ganado',
    'Cerrada ganada',
    'Venta cerrada',
    'Venta ganada',
    'Negocio ganado',
    'Oportunidad ganada',
  ],
  recycled: [
    'Recycled',
    'Recycle',
    'Recycled lead',
    'Nurture',
    'Nurturing',
    'Back to nurturing',
    'Reciclado',
    'Reciclada',
    'Lead reciclado',
    'Nutrición',
    'En nutrición',
    'De vuelta a nutrición',
    'Devuelto a nutrición',
  ],
  disqualified: [
    'Disqualified',
    'Unqualified',
    'DQ',
    'Disqualified lead',
    'Descalificado',
    'Descalificada',
    'Descartado',
    'Descartada',
    'No calificado',
    'No cualificado',
    'Lead descalificado',
    'Lead descartado',
  ],
};

const BY_COMPACT_NAME: ReadonlyMap<string, StageKind> = (() => {
  const map = new Map<string, StageKind>();
  for (const kind of STAGE_KINDS) {
    for (const synonym of SYNONYMS[kind]) {
      const key = compactName(synonym);
      const known = map.get(key);
      if (known && known !== kind) throw new Error(`Stage synonym "${synonym}" names both ${known} and ${kind}`);
      map.set(key, kind);
    }
  }
  return map;
})();

/**
 * The standard stage kind `name` stands for, or `null` for a name Pacto does
 * not know. Case, accents, punctuation and spacing never matter, and an
 * English or Spanish plural is read as its singular ("MQLs", "Oportunidades",
 * "Inquiries"). Examples: `"Lead calificado por marketing"` → `mql`,
 * `"Closed-won"` → `customer`, `"SQO"` → `opportunity`, `"Demo"` → `null`.
 */
export function stageKindOfName(name: string): StageKind | null {
  const key = compactName(name);
  if (!key) return null;
  for (const candidate of [key, ...singulars(key)]) {
    const kind = BY_COMPACT_NAME.get(candidate);
    if (kind) return kind;
  }
  return null;
}

/** Singular forms to try for a compact name: `-ies` → `-y`, `-es` and `-s` dropped. Only used for lookup. */
function singulars(key: string): string[] {
  const out: string[] = [];
  if (key.endsWith('ies')) out.push(`${key.slice(0, -3)}y`);
  if (key.endsWith('es')) out.push(key.slice(0, -2));
  if (key.endsWith('s')) out.push(key.slice(0, -1));
  return out;
}

/** The synonyms of `kind` Pacto recognises, as written (for help text and tests). */
export function synonymsOf(kind: StageKind): readonly string[] {
  return SYNONYMS[kind];
}
