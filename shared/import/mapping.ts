/**
 * Which column of an export holds what: the date a record entered each
 * standard stage, its current stage, close date, amount, won/closed flags,
 * deal status and deal stage. Recognises from their headers, in English or
 * Spanish: HubSpot contact exports (lifecycle-stage date columns),
 * Salesforce opportunity reports, and the deal exports of Pipedrive, Zoho
 * CRM and Dynamics 365 (layouts in docs/crm-import.md); any other table is
 * read through a mapping the user gives.
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
  /** Deal stage name (e.g. Salesforce "Stage"): "Closed Won" / "Cerrada ganada" means won, "Closed Lost" / "Cerrada perdida" closed. Also the stage a deal reached (see `Actuals.dealStages`). */
  dealStage: z.string().min(1).optional(),
  /** Deal status (Pipedrive "Deal - Status", Dynamics "Status"): won / lost / open, ganado / perdido / abierto. Wins over `dealStage` for the outcome. */
  status: z.string().min(1).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** Where an export came from, as recognised from its headers. */
export type ExportFormat = 'hubspot' | 'salesforce' | 'pipedrive' | 'zoho' | 'dynamics' | 'custom';

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
  if (/closed ?lost|cerrad[ao] ?perdid[ao]|^perdid[ao]$|^lost$|closed|cerrad[ao]|^cancel+ed$|^cancelad[ao]$/.test(n)) return { won: false, closed: true };
  return { won: false, closed: false };
}

function find(header: readonly string[], pattern: RegExp, exclude?: RegExp): string | undefined {
  return header.find((h) => {
    const n = normalizeText(h);
    return pattern.test(n) && !(exclude && exclude.test(n));
  });
}

/** A deal export of Pipedrive, Zoho CRM or Dynamics 365, recognised from the columns only that vendor writes. */
function detectDealExport(header: readonly string[]): { format: 'pipedrive' | 'zoho' | 'dynamics'; mapping: ColumnMapping } | null {
  const build = (format: 'pipedrive' | 'zoho' | 'dynamics', cols: Partial<Record<'created' | keyof Omit<ColumnMapping, 'stageDates'>, string>>) => {
    const { created, ...rest } = cols;
    const mapping: ColumnMapping = { stageDates: created ? { opportunity: created } : {} };
    for (const [k, v] of Object.entries(rest)) if (v) (mapping as Record<string, unknown>)[k] = v;
    return { format, mapping };
  };
  // Pipedrive prefixes every deal column with the object: "Deal - Stage", "Trato - Etapa" (Spanish UI; "Negocio - " in some).
  const pd = /^(deal|trato|negocio) - /;
  if (header.filter((h) => pd.test(normalizeText(h))).length >= 3) {
    const f = (p: RegExp, exclude?: RegExp) => find(header, new RegExp(`^(deal|trato|negocio) - (${p.source})$`), exclude);
    const stage = f(/stage|etapa/);
    const status = f(/status|estado/);
    const created = f(/deal created|(trato|negocio) creado|created|creado|fecha de creacion|hora de creacion/);
    if (stage || status) {
      return build('pipedrive', {
        created,
        dealStage: stage,
        status,
        amount: f(/value|valor/),
        closeDate: f(/deal closed on|(trato|negocio) cerrado el|close time|fecha de cierre/) ?? f(/won time|hora de ganado|fecha de ganado/),
      });
    }
  }
  // Dynamics 365 "Export to Excel": hidden "(Do Not Modify)" columns, "Status Reason", "Est. Close Date".
  const dynamics =
    header.some((h) => /^\((do not modify|no modificar)\)/.test(normalizeText(h))) ||
    (find(header, /^status reason$|^razon (para el|del) estado$/) && find(header, /^est\. (close date|revenue)$|^(fecha de cierre|ingresos) estimad[ao]s?$/));
  if (dynamics) {
    const status = find(header, /^status$|^estado$/);
    const stage = find(header, /^sales stage$|^etapa de ventas$/) ?? find(header, /^pipeline phase$|^fase de canalizacion$/);
    if (status || stage) {
      return build('dynamics', {
        created: find(header, /^created on$|^fecha de creacion$|^creado el$/),
        dealStage: stage,
        status,
        amount: find(header, /^actual revenue$|^ingresos reales$/) ?? find(header, /^est\. revenue$|^ingresos estimados$/),
        closeDate: find(header, /^actual close date$|^fecha de cierre real$/),
      });
    }
  }
  // Zoho CRM deals: "Deal Name" and "Closing Date" (Spanish: "Nombre de Trato", "Fecha de cierre"), stage in "Stage" / "Fase".
  const zohoName = find(header, /^deal name$|^nombre (del? )?trato$|^potential name$/);
  const zohoStage = find(header, /^stage$|^fase$|^etapa$/);
  if (zohoName && zohoStage && find(header, /^closing date$|^fecha de cierre$/)) {
    return build('zoho', {
      created: find(header, /^created time$|^hora de creacion$|^fecha de creacion$/),
      dealStage: zohoStage,
      amount: find(header, /^amount$|^importe$|^monto$/),
      closeDate: find(header, /^closing date$|^fecha de cierre$/),
    });
  }
  return null;
}

/**
 * Recognises the export from its headers and proposes a mapping:
 * - Pipedrive, Zoho CRM, Dynamics 365 deal exports (see
 *   `detectDealExport` and docs/crm-import.md) → opportunity entered at the
 *   created date, outcome from the status (or stage), customer at the close
 *   date of won deals, amount, and the stage each deal reached.
 * - Salesforce opportunity report: a stage column, an amount and a close
 *   date (or an opportunity name) → opportunity entered at the created date,
 *   customer at the close date of won deals.
 * - HubSpot contacts (or any lifecycle-date export): headers naming a stage
 *   entry date → one stage per header; "Create Date" stands in for the lead
 *   date when there is none.
 * Returns null when neither is recognised (the user maps the columns).
 */
export function detectMapping(header: readonly string[]): { format: Exclude<ExportFormat, 'custom'>; mapping: ColumnMapping } | null {
  const deals = detectDealExport(header);
  if (deals) return deals;
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
