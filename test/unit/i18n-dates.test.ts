/**
 * The calendar-day formatter (`formatters(language).date`) prints the day
 * typed, whatever its year: Date.UTC reads the years 0–99 as 1900–1999, so a
 * workshop dated 0001-01-01 once showed as "1 de enero de 1901" (found by a
 * new-user trial).
 */
import { describe, expect, it } from 'vitest';
import { formatters } from '../../renderer/i18n';

describe('formatters.date', () => {
  it('prints the year typed, the years 0–99 too', () => {
    expect(formatters('es').date('0001-01-01')).toBe('1 de enero de 1');
    expect(formatters('en').date('0099-12-31')).toBe('December 31, 99');
    expect(formatters('es').date('2026-12-08')).toBe('8 de diciembre de 2026');
    expect(formatters('en').date('9999-02-28')).toBe('February 28, 9999');
  });
});
