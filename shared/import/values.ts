/**
 * Reading the values CRM exports write, in the dialects real users have:
 * dates in ISO, day-first (07/10/2025) or month-first (10/07/2025) order with
 * an optional time (24 h or AM/PM); amounts with a decimal point or a decimal
 * comma, thousands separators and currency signs; yes/no flags in English or
 * Spanish. Every parser returns null for a value it cannot read, never throws.
 */

/** Order of day and month in a numeric date such as 07/10/2025. */
export type DateOrder = 'dmy' | 'mdy';

/** Lower-cases, strips accents and collapses spaces: `Fecha de Creación ` → `fecha de creacion`. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const ISO = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(m\.?)?)?$/i;
const EPOCH_MS = /^\d{12,13}$/;

const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/**
 * Which order a numeric date proves: 'dmy' when its first part is above 12
 * (31/01/2025), 'mdy' when its second is (01/31/2025), null when it could be
 * either or is not a numeric date.
 */
export function dateOrderEvidence(value: string): DateOrder | null {
  const m = NUMERIC.exec(value.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return null;
}

/** True for a numeric date with day and month first in either order (`07/10/2025`, `7.10.25 15:49`). */
export function isNumericDate(value: string): boolean {
  return NUMERIC.test(value.trim());
}

/** True for a date written ISO 8601 style, year first (`2025-10-07`, `2025-10-07T15:49:00Z`): its order is never in doubt. */
export function isIsoDate(value: string): boolean {
  return ISO.test(value.trim());
}

/**
 * Reads a date (and time, if given) as milliseconds since 1970-01-01 UTC,
 * taking the wall-clock time as written (no time zone applied unless the
 * value states an offset, as ISO 8601 `Z` or `+02:00`).
 * Accepts `2025-10-07`, `2025-10-07 15:49`, `2025-10-07T15:49:00Z`,
 * `07/10/2025`, `7.10.25 15:49`, `10/07/2025 3:49 PM` and 13-digit epoch
 * milliseconds. Numeric dates are read in `order`.
 * @returns null when the value is not a valid date (e.g. 31/02/2025)
 */
export function parseDateValue(value: string, order: DateOrder): number | null {
  const v = value.trim();
  let m = ISO.exec(v);
  if (m) {
    const t = build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    if (t === null || !m[7] || m[7].toUpperCase() === 'Z') return t;
    const off = /([+-])(\d{2}):?(\d{2})/.exec(m[7])!;
    return t - (off[1] === '-' ? -1 : 1) * (Number(off[2]) * 60 + Number(off[3])) * 60_000;
  }
  m = NUMERIC.exec(v);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let year = Number(m[3]);
    if (m[3]!.length === 2) year += 2000;
    let hour = Number(m[4] ?? 0);
    const meridiem = m[7]?.toLowerCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return build(year, month, day, hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  if (EPOCH_MS.test(v)) return Number(v);
  return null;
}

/** Milliseconds as an ISO calendar date `YYYY-MM-DD` (UTC). */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Milliseconds as a calendar month `YYYY-MM` (UTC). */
export function isoMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Days between two instants, fractional (b − a). */
export function daysBetween(a: number, b: number): number {
  return (b - a) / DAY_MS;
}

/**
 * Which decimal separator a value proves: ',' for `1.234,56`, `16300,5` or
 * `1.234.567`; '.' for `1,234.56`, `16300.5` or `1,234,567`; null when it
 * could be either (`16,300`, `16.300`) or has neither.
 */
export function decimalEvidence(value: string): ',' | '.' | null {
  const v = value.replace(/[^\d.,]/g, '');
  const lastComma = v.lastIndexOf(',');
  const lastDot = v.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? ',' : '.';
  const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (!sep) return null;
  const parts = v.split(sep);
  if (parts.length > 2) return sep === ',' ? '.' : ',';
  return parts[1]!.length === 3 ? null : sep;
}

/**
 * Reads an amount: `16300`, `16.300,50`, `16,300.50`, `€ 16 300,5`,
 * `USD 1,200`, `-250`. Currency signs, ISO codes and spaces (also
 * non-breaking and thin) and apostrophes are ignored; `decimal` says which of
 * `,` and `.` separates the decimals (the other groups thousands).
 * @returns null for text that is not a number (e.g. `n/a`, `12 units`)
 */
export function parseAmount(value: string, decimal: ',' | '.'): number | null {
  let v = value.trim().replace(/[\s\u00a0\u202f']/g, '');
  v = v.replace(/^([A-Za-z]{3}|[$€£¥]|R\$|S\/)/, '').replace(/([A-Za-z]{3}|[$€£¥])$/, '');
  const thousands = decimal === ',' ? '.' : ',';
  // Thousands separators must group digits by three: 1.234.567, not 1.2.3.
  const groups = v.split(decimal)[0]!.split(thousands);
  if (groups.length > 1 && !(/^-?\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))) return null;
  v = v.split(thousands).join('');
  if (decimal === ',') v = v.replace(',', '.');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(v)) return null;
  return Number(v);
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'si', 's', 'verdadero', 'x']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'falso']);

/**
 * Reads a yes/no flag in English or Spanish (`1`/`0`, `true`/`false`,
 * `yes`/`no`, `sí`/`no`, `verdadero`/`falso`). Empty → null (unknown).
 * @returns undefined for text that is not a flag
 */
export function parseFlag(value: string): boolean | null | undefined {
  const v = normalizeText(value);
  if (v === '') return null;
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  return undefined;
}

/** Median of numbers; null for none. Does not modify `values`. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0..1, nearest rank) of numbers; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
