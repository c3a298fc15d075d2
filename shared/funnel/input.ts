/**
 * Rates and days as people type and read them: parsing what a user typed in
 * a field ("35,5", "35.5 %", " 35 ", "14 días") into the stored unit, with
 * an error key for the message at the field (the keys of `errors.*` in the
 * app's strings), and formatting stored values for labels ("35,5 %", "12 d").
 */
import { err, ok, type Result } from '../domain/result';
import type { Language } from '../domain/workshop';

/** Error keys of a typed rate: empty, not a percentage, outside 0–100 %. */
export type RateInputError = 'required' | 'rateFormat' | 'rate';
/** Error keys of typed days: empty, not a number of days, negative. */
export type DaysInputError = 'required' | 'daysFormat' | 'days';

/** A decimal number with `.` or `,` as separator, optionally signed (ASCII or Unicode minus). */
const NUMBER = String.raw`([+\-\u2212]?)\s*(\d+(?:[.,]\d+)?|[.,]\d+)`;
const RATE = new RegExp(`^${NUMBER}\\s*%?$`);
const DAYS = new RegExp(`^${NUMBER}\\s*(?:d|d\\.|dias?|days?)?$`);

function readNumber(match: RegExpExecArray): number {
  const value = Number(match[2]!.replace(',', '.'));
  return match[1] && match[1] !== '+' && value !== 0 ? -value : value;
}

/** Removes accents and lower-cases, so "14 Días" reads as "14 dias". */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * Parses a conversion rate typed as a percentage and returns it as a
 * fraction 0..1: `"35,5"`, `"35.5 %"`, `"35.5%"`, `" 35 "` → 0.355, 0.355,
 * 0.355, 0.35. Comma or point is the decimal separator; no thousands
 * separators (a rate has no thousands). Errors: `required` for an empty
 * field, `rateFormat` for text that is not a percentage ("abc", "3 5"),
 * `rate` for a number outside 0–100 ("120", "-5").
 */
export function parseRateInput(text: string): Result<number, RateInputError> {
  const trimmed = text.trim();
  if (trimmed === '') return err('required');
  const match = RATE.exec(trimmed);
  if (!match) return err('rateFormat');
  const percent = readNumber(match);
  if (percent < 0 || percent > 100) return err('rate');
  // Rounded to 12 decimals so that 35.5 % is stored as 0.355, not 0.35500000000000004.
  return ok(Math.round((percent / 100) * 1e12) / 1e12);
}

/**
 * Parses an average duration typed in days: `"14"`, `" 14,5 "`, `"14 d"`,
 * `"14 días"`, `"14 days"` → 14, 14.5, 14, 14, 14. Errors: `required` for an
 * empty field, `daysFormat` for text that is not a number of days ("abc",
 * "2 weeks"), `days` for a negative number.
 */
export function parseDaysInput(text: string): Result<number, DaysInputError> {
  const trimmed = plain(text);
  if (trimmed === '') return err('required');
  const match = DAYS.exec(trimmed);
  if (!match) return err('daysFormat');
  const days = readNumber(match);
  if (days < 0) return err('days');
  return ok(days);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * The number format of `language` without grouping, at most `digits` decimals
 * (`significant`: `digits` significant digits instead), made once and reused:
 * labels are formatted for every arrow of every render.
 */
function numberFormat(language: Language, digits: number, significant = false): Intl.NumberFormat {
  const key = `${language}:${digits}:${significant}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US', {
      ...(significant ? { maximumSignificantDigits: digits } : { maximumFractionDigits: digits }),
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A fraction 0..1 as the number to put back in a rate field, in `language`'s decimals: 0.355 → "35,5" (es), "35.5" (en). */
export function formatRateInput(rate: number, language: Language): string {
  return numberFormat(language, 4).format(rate * 100);
}

/**
 * A fraction as a percentage label, the one shape Pacto prints a percentage
 * in (screens, diagrams, the PDF), in both languages: the number in
 * `language`'s decimals, a space, "%". At most `maximumFractionDigits`
 * decimals (default 1): 0.355 → "35,5 %" (es), "35.5 %" (en). A rate too
 * small for those decimals keeps two significant digits, so it never reads
 * as 0: 0.000012 → "0,0012 %".
 */
export function formatPercent(rate: number, language: Language, maximumFractionDigits = 1): string {
  const percent = rate * 100;
  const tooSmall = percent !== 0 && Math.abs(percent) < 10 ** -maximumFractionDigits;
  return `${(tooSmall ? numberFormat(language, 2, true) : numberFormat(language, maximumFractionDigits)).format(percent)} %`;
}

/** Days as a short label with at most one decimal: 12 → "12 d", 2.5 → "2,5 d" (es). */
export function formatDays(days: number, language: Language): string {
  return `${formatDaysNumber(days, language)} d`;
}

/**
 * Days as a number with at most one decimal, as {@link formatDays} prints it
 * without the unit: 2.5 → "2,5" (es), "2.5" (en). Tables with a "days" column
 * use it, so a duration prints the same in a table and on a diagram.
 */
export function formatDaysNumber(days: number, language: Language): string {
  return numberFormat(language, 1).format(days);
}
