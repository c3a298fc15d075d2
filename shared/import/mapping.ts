/**
 * Which column of an export holds what: the date a record entered each
 * standard stage, its current stage, close date, amount and won/closed
 * flags. Recognises HubSpot contact exports (lifecycle-stage date columns)
 * and Salesforce opportunity reports from their headers, in English or
 * Spanish; any other CSV is read through a mapping the user gives.
 */
import { z } from 'zod';
import { STANDARD_STAGE_KEYS, type StandardStageKey } from '../model/chain';
import { normalizeText } from './values';

/** Column headers (as in the file's header row) holding each kind of value. Every field is optional. */
export const columnMappingSchema = z.object({
  /** Date a record entered each standard stage (e.g. HubSpot "Became a Marketing Qualified Lead Date"). */
  stageDates: z.partialRecord(z.enum(STANDARD_STAGE_KEYS), z.string().min(1)),
  /** Stage the record is in now (e.g. HubSpot "Lifecycle Stage"); a record in a later stage counts as having reached the earlier ones. */
  currentStage: z.string().min(1).optional(),
  /** Date the deal closed, won or lost; a won record's close date is its customer date unless `stageDates.customer` is mapped. */
  closeDate: z.string().min(1).optional(),
  /** Deal amount, workshop currency. */
  amount: z.string().min(1).optional(),
  /** Yes/no: the deal was won. */
  won: z.string().min(1).optional(),
  /** Yes/no: the deal is closed (won or lost). */
  closed: z.string().min(1).optional(),
  /** Deal stage name (e.g. Salesforce "Stage"): "Closed Won" / "Cerrada ganada" means won, "Closed Lost" / "Cerrada perdida" closed. */
  dealStage: z.string().min(1).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Where an export came from, as recognised from its headers. */
export type ExportFormat = 'hubspot' | 'salesforce' | 'custom';

const STAGE_PATTERNS: readonly [StandardStageKey, RegExp][] = [
  ['mql', /\bmql\b|marketing ?qualified|(calificado|cualificado) (por|para) (el )?marketing/],
  ['sal', /\bsal\b|sales ?accepted|aceptado por (el equipo de )?ventas/],
  ['sql', /\bsql\b|sales ?qualified|(calificado|cualificado) (por|para) (el equipo de )?ventas/],
  ['opportunity', /opportunit|oportunidad/],
  ['customer', /customer|cliente|evangelist/],
  ['lead', /\blead\b|\bleads\b/],
];

/**
 * The standard stage a stage name stands for, English or Spanish, display or
 * internal name: "Marketing Qualified Lead", "marketingqualifiedlead",
 * "Lead calificado para ventas", "Oportunidad", "Cliente". An evangelist counts
 * as a customer. Null for other names (subscriber, other, empty).
 */
export function stageKeyFromName(name: string): StandardStageKey | null {
  const n = normalizeText(name);
  if (n === '') return null;
  for (const [key, pattern] of STAGE_PATTERNS) if (pattern.test(n)) return key;
  return null;
}

/**
 * The standard stage whose entry date a header names: it must mention a
 * date ("date", "fecha", "became", "se convirtió", "entered") and a stage,
 * and not an exit ("Date exited …"). Null otherwise.
 */
export function stageKeyFromDateHeader(header: string): StandardStageKey | null {
  const n = normalizeText(header);
  if (!/date|fecha|became|se convirtio|entered|entrada/.test(n) || /exit|salida|salio|source|fuente|origen|status|estado/.test(n)) return null;
  return stageKeyFromName(n);
}

/** Won/closed as a deal stage name says: won ⇒ closed; an open stage is neither; null when empty. */
export function dealOutcome(stageName: string): { won: boolean; closed: boolean } | null {
  const n = normalizeText(stageName);
  if (n === '') return null;
  if (/closed ?won|cerrad[ao] ?ganad[ao]|^ganad[ao]$|^won$/.test(n)) return { won: true, closed: true };
  if (/closed ?lost|cerrad[ao] ?perdid[ao]|^perdid[ao]$|^lost$|closed|cerrad[ao]/.test(n)) return { won: false, closed: true };
  return { won: false, closed: false };
}

function find(header: readonly string[], pattern: RegExp, exclude?: RegExp): string | undefined {
  return header.find((h) => {
    const n = normalizeText(h);
    return pattern.test(n) && !(exclude && exclude.test(n));
  });
}

/**
 * Recognises the export from its headers and proposes a mapping:
 * - Salesforce opportunity report: a stage column, an amount and a close
 *   date (or an opportunity name) → opportunity entered at the created date,
 *   customer at the close date of won deals.
 * - HubSpot contacts (or any lifecycle-date export): headers naming a stage
 *   entry date → one stage per header; "Create Date" stands in for the lead
 *   date when there is none.
 * Returns null when neither is recognised (the user maps the columns).
 */
export function detectMapping(header: readonly string[]): { format: Exclude<ExportFormat, 'custom'>; mapping: ColumnMapping } | null {
  const stage = find(header, /^(opportunity )?stage$|^etapa( de la oportunidad)?$|^stage name$/);
  const amount = find(header, /^amount|^importe|^monto|^valor/);
  const closeDate = find(header, /close ?date|fecha de cierre/);
  const name = find(header, /opportunity name|nombre de la oportunidad/);
  if (stage && (name || (amount && closeDate))) {
    const created = find(header, /^created date$|^create date$|^fecha de creacion$|created|creacion/);
    const mapping: ColumnMapping = { stageDates: created ? { opportunity: created } : {}, dealStage: stage };
    if (closeDate) mapping.closeDate = closeDate;
    if (amount) mapping.amount = amount;
    const won = find(header, /^(is ?)?won$|^ganad[ao]$|^es ganad[ao]$/);
    const closed = find(header, /^(is ?)?closed$|^cerrad[ao]$|^esta cerrad[ao]$/);
    if (won) mapping.won = won;
    if (closed) mapping.closed = closed;
    return { format: 'salesforce', mapping };
  }
  const stageDates: ColumnMapping['stageDates'] = {};
  for (const h of header) {
    const key = stageKeyFromDateHeader(h);
    if (key && !stageDates[key]) stageDates[key] = h;
  }
  if (Object.keys(stageDates).length === 0) return null;
  if (!stageDates.lead) {
    const created = find(header, /^create(d)? date$|^fecha de creacion$/);
    if (created) stageDates.lead = created;
  }
  const mapping: ColumnMapping = { stageDates };
  const current = find(header, /lifecycle stage|ciclo de vida/);
  if (current) mapping.currentStage = current;
  return { format: 'hubspot', mapping };
}
