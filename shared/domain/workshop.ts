/**
 * The workshop's content as plain data: the shapes every layer agrees on,
 * with the zod schemas that validate them at every boundary (forms, the
 * Yjs document, the bridge, imported snapshots).
 *
 * Units: money is in the workshop's currency (`meta.currency`, ISO 4217);
 * every rate is a fraction 0..1 (35 % is 0.35); durations are in days.
 */
import { z } from 'zod';
import './zod-messages';
import {
  MAX_COORDINATE,
  MAX_LOGO_CHARS,
  MAX_COUNT,
  MAX_DAYS,
  MAX_FUNNEL_STAGES,
  MAX_FUNNEL_TRANSITIONS,
  MAX_MONEY,
  MAX_PERIOD_MONTHS,
  MAX_TITLE_CHARS,
  MAX_VOLUME,
  MIN_MONEY,
  MIN_RATE,
} from './bounds';
import { richTextSchema } from './rich-text';
import { LANGUAGES, PAGE_SIZES, TEAMS, PARTIES } from './vocabulary';

export { LANGUAGES, TEAMS, PARTIES, TEAM_NAMES, PAGE_SIZES, type Language, type Team, type Party, type PageSize } from './vocabulary';

/** Periods a commitment's target is measured over. `lead` means "for every lead" (e.g. a response time). */
export const PERIODS = ['lead', 'week', 'month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** The funnels of a workshop: each team's view, and the one both agreed. */
export const FUNNEL_IDS = ['agreed', 'marketing', 'sales'] as const;
export type FunnelId = (typeof FUNNEL_IDS)[number];

const id = z.string().min(1);
/** A trimmed, non-empty text: names and titles. Error message key: `required`. */
const requiredText = z.string().trim().min(1, { message: 'required' });
const text = z.string();

/** ISO calendar date `YYYY-MM-DD`. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' });

export const workshopMetaSchema = z.object({
  title: requiredText,
  company: requiredText,
  /** Day of the workshop, `YYYY-MM-DD`. */
  date: isoDateSchema,
  /** ISO 4217 code of the currency all money is in, e.g. `EUR`, `MXN`, `USD`. */
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'currency' }),
  language: z.enum(LANGUAGES),
  pageSize: z.enum(PAGE_SIZES),
  /**
   * The company's logo for the agreement's cover: a PNG or JPEG as a `data:` URL (base64), at most
   * `MAX_LOGO_CHARS` characters (~300 kB of image). Absent = no logo (and in documents written before it existed).
   */
  logo: z
    .string()
    .max(MAX_LOGO_CHARS, { message: 'logoSize' })
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, { message: 'logo' })
    .optional(),
});
export type WorkshopMeta = z.infer<typeof workshopMetaSchema>;

/**
 * The title and company fields of `meta` longer than {@link MAX_TITLE_CHARS} characters (trimmed, counted
 * in code points), each with the error key `titleLength`; `{}` when both fit. Checked when a workshop is
 * created or renamed, not when a document is read: a longer title written before the limit still opens.
 */
export function metaLengthErrors(meta: Partial<Pick<WorkshopMeta, 'title' | 'company'>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of ['title', 'company'] as const) {
    const value = meta[key];
    if (value !== undefined && Array.from(value.trim()).length > MAX_TITLE_CHARS) errors[key] = 'titleLength';
  }
  return errors;
}

export const participantSchema = z.object({
  id,
  name: requiredText,
  /** Job title, e.g. "Directora de Marketing". May be empty. */
  title: text,
  team: z.enum(TEAMS),
  /** Whether this person signs the agreement. */
  signatory: z.boolean(),
});
export type Participant = z.infer<typeof participantSchema>;

export const termSchema = z.object({
  id,
  /** Full name, e.g. "Lead calificado por marketing". */
  name: requiredText,
  /** Short form, e.g. "MQL". May be empty. */
  acronym: text,
  /** Rich text ({@link RichText}): a plain string (older documents, unformatted text) or ProseMirror JSON. */
  definition: richTextSchema,
  /** What must be true for a record to enter the stage this term names. Rich text. */
  entryCriteria: richTextSchema,
  /** What must be true for it to leave (advance, be rejected or recycled). Rich text. */
  exitCriteria: richTextSchema,
  ownerTeam: z.enum(PARTIES),
  /** Examples of records that are and are not this term; rich text. Absent in older documents (read as ""). */
  examples: richTextSchema.optional(),
});
export type Term = z.infer<typeof termSchema>;

/**
 * A rate as a fraction 0..1: 0, or from `MIN_RATE` (1e-6) to 1 (see `./bounds.ts`).
 * Error message keys: `rate` (outside 0..1), `rateMin` (above 0 but below `MIN_RATE`).
 */
export const rateSchema = z
  .number()
  .min(0, { message: 'rate' })
  .max(1, { message: 'rate' })
  .refine((r) => !(r > 0 && r < MIN_RATE), { message: 'rateMin' });
/** A duration in days, 0..`MAX_DAYS` (3,650). Error message key: `days`. */
export const daysSchema = z.number().min(0, { message: 'days' }).max(MAX_DAYS, { message: 'days' });
/** A canvas coordinate in px, within ±`MAX_COORDINATE`. */
const coordinateSchema = z.number().min(-MAX_COORDINATE).max(MAX_COORDINATE);

export const funnelStageSchema = z.object({
  id,
  name: requiredText,
  ownerTeam: z.enum(PARTIES),
  /** The glossary term that defines this stage, if linked. */
  termId: z.string().nullable(),
  /** Canvas position in px (the canvas issue draws with it; lists ignore it). */
  x: coordinateSchema,
  y: coordinateSchema,
  /** What the stage is, in the team's words; absent in documents written before it existed (read as ""). */
  description: z.string().optional(),
});
export type FunnelStage = z.infer<typeof funnelStageSchema>;

export const funnelTransitionSchema = z.object({
  id,
  source: id,
  target: id,
  /** Share of the source stage's volume that reaches the target, fraction 0..1. */
  conversionRate: rateSchema,
  /** Average days a record takes from entering the source stage to entering the target. */
  averageDays: daysSchema,
  /** A loop back to an earlier stage (e.g. recycled to nurturing); not part of the main path. */
  recycle: z.boolean(),
  /**
   * The rate is still to be entered: an arrow just drawn on the canvas (its
   * `conversionRate` is a placeholder 0 that nothing should read as agreed).
   * Absent once a rate is set; older documents never have it.
   */
  rateMissing: z.literal(true).optional(),
});
export type FunnelTransition = z.infer<typeof funnelTransitionSchema>;

/** A funnel: at most `MAX_FUNNEL_STAGES` stages and `MAX_FUNNEL_TRANSITIONS` arrows. Error message key: `tooMany`. */
export const funnelSchema = z.object({
  stages: z.array(funnelStageSchema).max(MAX_FUNNEL_STAGES, { message: 'tooMany' }),
  transitions: z.array(funnelTransitionSchema).max(MAX_FUNNEL_TRANSITIONS, { message: 'tooMany' }),
});
export type Funnel = z.infer<typeof funnelSchema>;

export const commitmentSchema = z.object({
  id,
  party: z.enum(PARTIES),
  /** The promise in words, e.g. "Contactar cada MQL". */
  commitment: requiredText,
  /** What is measured, e.g. "Tiempo de primera respuesta". */
  metric: requiredText,
  /** The number promised, 0..`MAX_COUNT`, in `unit`. Error message key: `target`. */
  target: z.number().min(0, { message: 'target' }).max(MAX_COUNT, { message: 'target' }),
  /** Unit of `target`, e.g. "MQL", "horas hábiles", "intentos". */
  unit: text,
  period: z.enum(PERIODS),
  /** How the metric is measured (source, report, rule). Absent in older documents (read as ""). */
  measurement: z.string().optional(),
  /** What happens when the target is missed (alert, escalation). Absent in older documents (read as ""). */
  whenMissed: z.string().optional(),
  /**
   * Where `target` comes from when it is linked to the targets model:
   * `model-mqls` = MQLs a month the agreed scenario (or targets + agreed
   * funnel) needs. Absent or null = typed by hand.
   */
  source: z.enum(['model-mqls']).nullable().optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** Rich-text sections of the SLA besides purpose and scope, in print order. */
export const SLA_SECTION_KEYS = ['handoff', 'recycling', 'escalation', 'loyalty', 'reporting'] as const;
export type SlaSectionKey = (typeof SLA_SECTION_KEYS)[number];

export const slaSchema = z.object({
  /** Purpose and scope; rich text (a plain string has paragraphs separated by blank lines). */
  intro: richTextSchema,
  commitments: z.array(commitmentSchema),
  /**
   * The other written sections (lead handoff with acceptance window and
   * rejection reasons, recycling, escalation, customer-loyalty metrics,
   * reporting and review cadence), rich text each. Absent in older documents.
   */
  sections: z.partialRecord(z.enum(SLA_SECTION_KEYS), richTextSchema).optional(),
});
export type Sla = z.infer<typeof slaSchema>;

/** An amount of money in the workshop currency, `MIN_MONEY`..`MAX_MONEY` (a cent to a trillion). Error message key: `money`. */
export const positiveMoneySchema = z.number().min(MIN_MONEY, { message: 'money' }).max(MAX_MONEY, { message: 'money' });
const positiveMoney = positiveMoneySchema;
/** An amount of money, 0..`MAX_MONEY` (a budget). Error message key: `budget`. */
export const budgetSchema = z.number().min(0, { message: 'budget' }).max(MAX_MONEY, { message: 'budget' });
/** A whole count of people, 0..`MAX_COUNT` (sales reps). Error message key: `reps`. */
export const repsSchema = z.number().int({ message: 'reps' }).min(0, { message: 'reps' }).max(MAX_COUNT, { message: 'reps' });
/** A count per month, > 0 and ≤ `MAX_COUNT` (opportunities a rep works). Error message key: `positive`. */
export const positiveCountSchema = z.number().gt(0, { message: 'positive' }).max(MAX_COUNT, { message: 'positive' });

export const targetsSchema = z.object({
  /** Revenue to win over the period, in the workshop currency, > 0; null = not set yet (a blank workshop): no plan until it is entered. */
  revenueTarget: positiveMoney.nullable(),
  /** Average won deal size (ACV), in the workshop currency, > 0; null = not set yet (a blank workshop). */
  averageDealSize: positiveMoney.nullable(),
  /** Length of the plan in months, 1..`MAX_PERIOD_MONTHS` (36). */
  periodMonths: z.number().int({ message: 'months' }).min(1, { message: 'months' }).max(MAX_PERIOD_MONTHS, { message: 'months' }),
});
export type Targets = z.infer<typeof targetsSchema>;

/** What a scenario stands for (conservative, base, stretch, each team's own assumptions, CRM actuals, other). */
export const SCENARIO_KINDS = ['conservative', 'base', 'stretch', 'marketing', 'sales', 'actuals', 'custom'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** One stage's assumptions in a workshop scenario; an absent value follows the agreed funnel. */
export const scenarioStageOverrideSchema = z.object({
  /** Rate to the next stage on the agreed funnel's main path, fraction 0..1. */
  conversionRate: rateSchema.optional(),
  /** Days to the next stage. */
  averageDays: daysSchema.optional(),
});
export type ScenarioStageOverride = z.infer<typeof scenarioStageOverrideSchema>;

/**
 * What a CRM import measured, kept with the baseline scenario made from it so
 * plan-against-actual shows only measured figures. Keys are agreed-funnel
 * stage ids at import time.
 */
export const measuredActualsSchema = z.object({
  /** Export the figures came from: `hubspot`, `salesforce` or `custom`. */
  format: z.string(),
  /** Records that reached each stage the export has. */
  counts: z.record(z.string(), z.number().int().min(0).max(MAX_VOLUME)),
  /**
   * Measured rate from a stage to `toId`, the next stage of the agreed main path the export has
   * (a later one when the export lacks the stages between), fraction 0..1; `definition` `winRate` =
   * won ÷ closed (docs/domain.md), `count` = records reaching `toId` ÷ records reaching the stage.
   */
  rates: z.record(z.string(), z.object({ toId: z.string(), rate: z.number().min(0).max(1), definition: z.enum(['count', 'winRate']) })),
  /** Mean won deal of the export, workshop currency; null when it has no amounts. */
  averageDealSize: positiveMoneySchema.nullable(),
});
export type MeasuredActuals = z.infer<typeof measuredActualsSchema>;

/**
 * A scenario kept in the workshop: a named set of assumptions over the agreed
 * funnel. `stages` maps an agreed-funnel stage id to the rate and days this
 * scenario assumes from it; stages it does not list follow the agreed funnel.
 * The revenue target and period are the workshop's (`targets`).
 */
export const workshopScenarioSchema = z.object({
  id,
  name: requiredText,
  kind: z.enum(SCENARIO_KINDS),
  stages: z.record(z.string(), scenarioStageOverrideSchema),
  /** Average won deal this scenario assumes, workshop currency, > 0; absent = the workshop's `targets.averageDealSize`. */
  averageDealSize: positiveMoney.optional(),
  /** What the CRM import behind a baseline (`actuals`) scenario measured; absent for other scenarios and older ones. */
  measured: measuredActualsSchema.optional(),
});
export type WorkshopScenario = z.infer<typeof workshopScenarioSchema>;

/** The workshop's scenarios and the plan inputs every scenario shares. */
export const scenarioSetSchema = z.object({
  /** Scenarios in display order; empty means the defaults derived from the agreed funnel (conservative, base, stretch). */
  items: z.array(workshopScenarioSchema),
  /** Id of the agreed scenario (the one the SLA and the PDF use); null = the base scenario. */
  agreedId: z.string().nullable(),
  /** First month of the plan, `YYYY-MM`; null = offsets only. */
  startMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' })
    .nullable(),
  /** Marketing and sales spend over the period, workshop currency, 0..`MAX_MONEY`; null = no cost figures. */
  budget: budgetSchema.nullable(),
  /** Sales reps working opportunities, whole, 0..`MAX_COUNT`; null = no capacity check. */
  salesReps: repsSchema.nullable(),
  /** Opportunities one rep can work a month, > 0 and ≤ `MAX_COUNT`; null = no capacity check. */
  opportunitiesPerRepPerMonth: positiveCountSchema.nullable(),
});
export type ScenarioSet = z.infer<typeof scenarioSetSchema>;

/** The scenario set of a workshop that has none yet: default scenarios, no budget, no capacity. */
export const EMPTY_SCENARIO_SET: ScenarioSet = {
  items: [],
  agreedId: null,
  startMonth: null,
  budget: null,
  salesReps: null,
  opportunitiesPerRepPerMonth: null,
};

export const workshopContentSchema = z.object({
  meta: workshopMetaSchema,
  participants: z.array(participantSchema),
  terms: z.array(termSchema),
  funnels: z.object({ agreed: funnelSchema, marketing: funnelSchema, sales: funnelSchema }),
  sla: slaSchema,
  targets: targetsSchema,
  /** Scenarios (added after v1; absent in older snapshots = {@link EMPTY_SCENARIO_SET}, so their fingerprints stay). */
  scenarios: scenarioSetSchema.optional(),
});
/** Everything the teams agree on: what a frozen version snapshots and the PDF prints. */
export type WorkshopContent = z.infer<typeof workshopContentSchema>;

/** Per-field error keys from a failed validation: `{ "name": "required" }`. Keys are dotted paths. */
export type FieldErrors = Record<string, string>;

/**
 * Validates `value` against `schema`; returns the parsed value or the error keys
 * by field path (first error per field), for inline messages at the field.
 */
export function validate<T>(schema: z.ZodType<T>, value: unknown): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message.length < 20 ? issue.message : 'invalid';
  }
  return { ok: false, errors };
}
