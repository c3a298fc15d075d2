/**
 * Reading numbers as people type them in Spanish or English forms:
 * "35,5", "35.5 %", "1.200.000", "1,200,000", "€ 20 000".
 */

/** Why a typed number was refused: `empty` or `format` (not a number). */
export type ParseFailure = 'empty' | 'format';

/**
 * Parses a number typed in `language`'s conventions, tolerating the other's
 * when unambiguous. Spaces, `%` and currency signs are ignored.
 * Spanish: `1.200.000,5`; English: `1,200,000.5`. A single separator
 * followed by exactly three digits is a thousands separator in the
 * language's own convention ("1.200" is 1200 in Spanish, 1.2 in English).
 */
export function parseLocaleNumber(input: string, language: 'es' | 'en'): { ok: true; value: number } | { ok: false; reason: ParseFailure } {
  const s = input.replace(/[\s\u00a0\u202f%€$£]|[A-Z]{3}/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (!/^[-+]?[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, reason: 'format' };
  const [decimal, thousands] = language === 'es' ? [',', '.'] : ['.', ','];
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    // Both: the last one is the decimal separator.
    const dec = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const thou = dec === '.' ? ',' : '.';
    if (s.indexOf(dec) !== s.lastIndexOf(dec)) return { ok: false, reason: 'format' };
    normalized = s.split(thou).join('').replace(dec, '.');
  } else if (dots + commas === 0) {
    normalized = s;
  } else {
    const sep = dots > 0 ? '.' : ',';
    const count = Math.max(dots, commas);
    const groups = s.split(sep);
    const thousandsShaped = groups.slice(1).every((g) => g.length === 3);
    if (count > 1) {
      if (!thousandsShaped) return { ok: false, reason: 'format' };
      normalized = groups.join('');
    } else if (thousandsShaped && sep === thousands) {
      normalized = groups.join('');
    } else {
      normalized = groups.join('.');
    }
    void decimal;
  }
  const value = Number(normalized);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'format' };
}
