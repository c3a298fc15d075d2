import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDays, formatPercent, formatRateInput, parseDaysInput, parseRateInput } from '../../shared/funnel/input';

describe('parseRateInput', () => {
  it.each([
    ['35,5', 0.355],
    ['35.5 %', 0.355],
    ['35.5%', 0.355],
    [' 35 ', 0.35],
    ['0', 0],
    ['100', 1],
    ['100 %', 1],
    ['7', 0.07],
    [',5', 0.005],
    ['12,25', 0.1225],
    ['35\u00a0%', 0.35],
  ])('%j → %s', (text, fraction) => {
    expect(parseRateInput(text)).toEqual({ ok: true, value: fraction });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'rateFormat'],
    ['35 5', 'rateFormat'],
    ['35,5,5', 'rateFormat'],
    ['%', 'rateFormat'],
    ['35 %%', 'rateFormat'],
    ['1e2', 'rateFormat'],
    ['120', 'rate'],
    ['100,01', 'rate'],
    ['-5', 'rate'],
    ['\u22125 %', 'rate'],
  ])('%j → error %s', (text, error) => {
    expect(parseRateInput(text)).toEqual({ ok: false, error });
  });

  it('reads back what formatRateInput writes, in both languages (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('es' as const, 'en' as const), (hundredths, language) => {
        const fraction = hundredths / 10_000;
        const parsed = parseRateInput(formatRateInput(fraction, language));
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value).toBeCloseTo(fraction, 12);
      }),
    );
  });

  it('accepts comma and point alike, with or without "%" (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom(',', '.'),
        fc.constantFrom('', '%', ' %', '  % '),
        (whole, tenth, separator, suffix) => {
          fc.pre(whole < 100 || tenth === 0);
          const result = parseRateInput(` ${whole}${separator}${tenth}${suffix}`);
          expect(result).toEqual({ ok: true, value: Math.round((whole + tenth / 10) * 1e10) / 1e12 });
        },
      ),
    );
  });
});

describe('parseDaysInput', () => {
  it.each([
    ['14', 14],
    [' 14,5 ', 14.5],
    ['14.5', 14.5],
    ['14 d', 14],
    ['14d', 14],
    ['14 días', 14],
    ['1 día', 1],
    ['14 DIAS', 14],
    ['14 days', 14],
    ['1 day', 1],
    ['0', 0],
  ])('%j → %s', (text, days) => {
    expect(parseDaysInput(text)).toEqual({ ok: true, value: days });
  });

  it.each([
    ['', 'required'],
    ['abc', 'daysFormat'],
    ['2 weeks', 'daysFormat'],
    ['14 %', 'daysFormat'],
    ['-3', 'days'],
    ['-0,5 d', 'days'],
  ])('%j → error %s', (text, error) => {
    expect(parseDaysInput(text)).toEqual({ ok: false, error });
  });

  it('"-0" is zero days, not negative', () => {
    expect(parseDaysInput('-0')).toEqual({ ok: true, value: 0 });
  });
});

describe('labels', () => {
  it.each([
    [0.355, 'es', '35,5 %'],
    [0.355, 'en', '35.5 %'],
    [0.35, 'es', '35 %'],
    [1, 'en', '100 %'],
    [0.12345, 'en', '12.3 %'],
  ] as const)('formatPercent(%s, %s) = %j', (rate, language, label) => {
    expect(formatPercent(rate, language)).toBe(label);
  });

  it.each([
    [0.0111, 'en', 2, '1.11 %'],
    [0.0111, 'es', 2, '1,11 %'],
    [0.000012, 'es', 2, '0,0012 %'],
    [0.0004, 'en', 1, '0.04 %'],
    [0, 'en', 1, '0 %'],
  ] as const)('formatPercent(%s, %s, %s decimals) = %j: a rate too small for the decimals keeps two significant digits', (rate, language, digits, label) => {
    expect(formatPercent(rate, language, digits)).toBe(label);
  });

  it.each([
    [12, 'es', '12 d'],
    [2.5, 'es', '2,5 d'],
    [2.5, 'en', '2.5 d'],
    [1000, 'en', '1000 d'],
  ] as const)('formatDays(%s, %s) = %j', (days, language, label) => {
    expect(formatDays(days, language)).toBe(label);
  });

  it('a formatted label parses back to the same rounded rate', () => {
    expect(parseRateInput(formatPercent(0.175, 'es'))).toEqual({ ok: true, value: 0.175 });
    expect(parseDaysInput(formatDays(2.5, 'es'))).toEqual({ ok: true, value: 2.5 });
  });
});
