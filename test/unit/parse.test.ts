import { describe, expect, it } from 'vitest';
import { parseLocaleNumber } from '../../shared/domain/parse';

describe('parseLocaleNumber', () => {
  it.each([
    ['35,5', 'es', 35.5],
    ['35.5 %', 'es', 35.5],
    ['35.5%', 'en', 35.5],
    [' 35 ', 'en', 35],
    ['1.200.000', 'es', 1_200_000],
    ['1,200,000', 'en', 1_200_000],
    ['1.200', 'es', 1200],
    ['1.200', 'en', 1.2],
    ['1,200', 'es', 1.2],
    ['1.200.000,50', 'es', 1_200_000.5],
    ['1,200,000.50', 'es', 1_200_000.5],
    ['€ 20 000', 'es', 20_000],
    ['-3', 'en', -3],
  ] as const)('%s in %s is %s', (input, lang, expected) => {
    expect(parseLocaleNumber(input, lang)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['12abc', 'format'],
    ['1,2,3', 'format'],
    ['1.2.3,4.5', 'format'],
  ] as const)('refuses %j as %s', (input, reason) => {
    expect(parseLocaleNumber(input, 'es')).toEqual({ ok: false, reason });
  });
});
