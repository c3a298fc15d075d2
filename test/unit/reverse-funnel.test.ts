import { describe, expect, it } from 'vitest';
import { reverseFunnel, type ModelInputError } from '../../shared/model/reverse-funnel';
import { mainPath } from '../../shared/funnel/graph';
import { standardFunnel } from '../../shared/sample/standard-content';

describe('reverseFunnel', () => {
  it('reproduces the worked example of docs/domain.md: 60 / 240 / 480 / 1,200 / 4,800', () => {
    const result = reverseFunnel(1_200_000, 20_000, [
      { id: 'lead', conversionRate: 0.25 },
      { id: 'mql', conversionRate: 0.4 },
      { id: 'sql', conversionRate: 0.5 },
      { id: 'opportunity', conversionRate: 0.25 },
      { id: 'customer', conversionRate: 0 },
    ]);
    expect(result.map((s) => s.volume)).toEqual([4800, 1200, 480, 240, 60]);
  });

  it('rounds up at each stage from the rounded next stage', () => {
    // 10,000 / 3,000 = 3.33 → 4 deals; 4 / 0.3 = 13.3 → 14; 14 / 0.3 = 46.7 → 47.
    const result = reverseFunnel(10_000, 3_000, [
      { id: 'a', conversionRate: 0.3 },
      { id: 'b', conversionRate: 0.3 },
      { id: 'c', conversionRate: 1 },
    ]);
    expect(result.map((s) => s.volume)).toEqual([47, 14, 4]);
    expect(result[2]!.unrounded).toBeCloseTo(10 / 3, 10);
    expect(result[0]!.unrounded).toBeCloseTo(10 / 3 / 0.09, 8);
  });

  it('is not fooled by floating-point noise (960 ÷ 0.8 is 1,200, not 1,201)', () => {
    const funnel = standardFunnel('es');
    const chain = mainPath(funnel).map(({ stage, next }) => ({ id: stage.id, conversionRate: next?.conversionRate ?? 1 }));
    expect(reverseFunnel(1_200_000, 20_000, chain).map((s) => s.volume)).toEqual([4800, 1200, 960, 480, 240, 60]);
  });

  it.each([
    [0, 20_000, 'revenueTarget'],
    [-5, 20_000, 'revenueTarget'],
    [1000, 0, 'averageDealSize'],
    [1000, Number.NaN, 'averageDealSize'],
  ])('rejects target %s with deal size %s naming %s', (target, deal, field) => {
    expect(() => reverseFunnel(target, deal, [{ id: 'x', conversionRate: 1 }])).toThrow(expect.objectContaining({ field }) as unknown as ModelInputError);
  });

  it('rejects a zero rate on the path, naming the stage', () => {
    expect(() =>
      reverseFunnel(100, 10, [
        { id: 'lead', conversionRate: 0 },
        { id: 'won', conversionRate: 1 },
      ]),
    ).toThrow(/lead/);
  });
});
