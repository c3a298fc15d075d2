/**
 * Bounds on every number a user can type or import: the one place that says
 * how large or small a day count, a rate, a count, an amount of money or a
 * funnel may be. The zod schemas (`./workshop.ts`, `../model/scenario.ts`),
 * the model (`../model/*`), the CRM import (`../import/*`), the form fields
 * and their messages (renderer i18n) all read these constants, so a value
 * refused at one layer is refused at every layer with the same limit.
 *
 * Why bounds at all: the model turns days into months and loops once per
 * month of lag, divides by rates and multiplies volumes; without limits one
 * typed value (a billion days, a rate of 5e-324, a 401-digit amount) froze
 * the app, overflowed to ∞ or NaN, or ran out of memory. Every limit is far
 * beyond any real funnel, so no honest plan is refused.
 *
 * Units: days; rates are fractions 0..1; money is in the workshop currency.
 */

/** Most days a stage may take to reach the next (10 years). Also the most a whole lead-to-close path may add up to. */
export const MAX_DAYS = 3650;

/**
 * Smallest non-zero conversion rate, fraction (0.0001 %, one record in a
 * million). A rate is 0 (that arrow converts nothing; the model refuses it on
 * the main path) or in [MIN_RATE, 1].
 */
export const MIN_RATE = 1e-6;

/** Largest rate, fraction (100 %). */
export const MAX_RATE = 1;

/** Largest amount of money (revenue target, deal size, budget), workshop currency: one trillion. */
export const MAX_MONEY = 1e12;

/** Smallest positive amount of money (a deal size or a revenue target), workshop currency: one cent. */
export const MIN_MONEY = 0.01;

/**
 * Largest count a user types (sales reps, opportunities a rep works a month,
 * an SLA commitment's target): one billion.
 */
export const MAX_COUNT = 1e9;

/**
 * Most records the plan may ask any stage for over the period (one trillion):
 * above it the rates and target cannot describe a real funnel, and the model
 * says so instead of printing ∞.
 */
export const MAX_VOLUME = 1e12;

/** Most stages a plan (a scenario file, the agreed funnel's main path) may have. */
export const MAX_PLAN_STAGES = 50;

/** Most stages one funnel canvas may hold (a 500-stage canvas is benchmarked). */
export const MAX_FUNNEL_STAGES = 1000;

/** Most arrows one funnel canvas may hold. */
export const MAX_FUNNEL_TRANSITIONS = 2000;

/** Longest plan, whole months (the targets' `periodMonths`). */
export const MAX_PERIOD_MONTHS = 36;

/** Largest canvas coordinate, px, either sign: a stage beyond it is off any screen. */
export const MAX_COORDINATE = 1e7;

/** Longest glossary term name a user may type, characters: it heads a line of the summary and a column of the SLA. */
export const MAX_TERM_NAME_CHARS = 80;

/**
 * Longest workshop title or company name a user may type, characters: it heads the home card, the window's
 * title and the agreement's cover and page header. Checked when typed, not when a document is read.
 */
export const MAX_TITLE_CHARS = 200;

/** Longest company logo kept in a workshop, as a `data:` URL: 400,000 characters (~300 kB of PNG or JPEG). */
export const MAX_LOGO_CHARS = 400_000;

/** Largest amount of money a CRM export's deal may have to be taken (same as {@link MAX_MONEY}). */
export const MAX_IMPORT_AMOUNT = MAX_MONEY;

/** True when `rate` is a valid stored rate: 0, or in [{@link MIN_RATE}, {@link MAX_RATE}]. */
export function isBoundedRate(rate: number): boolean {
  return Number.isFinite(rate) && (rate === 0 || (rate >= MIN_RATE && rate <= MAX_RATE));
}

/** `value` clamped into [min, max]; a non-finite value gives `fallback`. */
export function clampNumber(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
