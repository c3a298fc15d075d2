import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanStage } from '../../shared/model/chain';
import { forwardProjection } from '../../shared/model/forward';
import { goalSeekRate } from '../../shared/model/goal-seek';
import { monthlyPlan } from '../../shared/model/monthly-plan';
import { reverseFunnel } from '../../shared/model/reverse-funnel';
import { sensitivity } from '../../shared/model/sensitivity';

// Volumes stay within the model's bound (MAX_VOLUME, 1e12 records): 1e6 ÷ 100 deals ÷ 0.1^7 = 1e11.
const rate = fc.double({ min: 0.1, max: 1, noNaN: true });
const chainArb = fc
  .array(fc.record({ conversionRate: rate, averageDays: fc.integer({ min: 0, max: 120 }) }), { minLength: 1, maxLength: 7 })
  .map((steps): PlanStage[] => [...steps.map((s, i) => ({ id: `s${i}`, name: `S${i}`, ...s })), { id: 'won', name: 'Won', conversionRate: 0, averageDays: 0 }]);
const revenue = fc.double({ min: 1, max: 1e6, noNaN: true });
const dealSize = fc.double({ min: 100, max: 1e6, noNaN: true });

describe('model properties', () => {
  it('a higher rate never needs more volume at any stage', () => {
    fc.assert(
      fc.property(chainArb, revenue, dealSize, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), (chain, target, deal, pick, lift) => {
        const i = pick % (chain.length - 1);
        const higher = chain.map((s, j) => (j === i ? { ...s, conversionRate: s.conversionRate + (1 - s.conversionRate) * lift } : s));
        const before = reverseFunnel(target, deal, chain);
        const after = reverseFunnel(target, deal, higher);
        after.forEach((v, j) => expect(v.volume).toBeLessThanOrEqual(before[j]!.volume));
      }),
    );
  });

  it('forward projection of the reverse funnel reaches the target', () => {
    fc.assert(
      fc.property(chainArb, revenue, dealSize, (chain, target, deal) => {
        const reverse = reverseFunnel(target, deal, chain);
        const forward = forwardProjection(reverse[0]!.volume, chain, deal);
        forward.volumes.forEach((v, j) => expect(v.volume).toBeGreaterThanOrEqual(reverse[j]!.volume));
        expect(forward.deals).toBeGreaterThanOrEqual(Math.ceil(target / deal - 1e-9));
        expect(forward.revenue).toBeGreaterThanOrEqual(target * (1 - 1e-12));
      }),
    );
  });

  it('volumes are whole after rounding: reverse, forward and every month of the plan, which adds up to the reverse funnel', () => {
    fc.assert(
      fc.property(chainArb, revenue, dealSize, fc.integer({ min: 1, max: 36 }), (chain, target, deal, months) => {
        const reverse = reverseFunnel(target, deal, chain);
        for (const v of reverse) expect(Number.isInteger(v.volume)).toBe(true);
        for (const v of forwardProjection(reverse[0]!.volume * 0.7, chain, deal).volumes) expect(Number.isInteger(v.volume)).toBe(true);
        const plan = monthlyPlan(chain, reverse[reverse.length - 1]!.volume, months);
        for (const m of plan.months) for (const v of m.volumes) expect(Number.isInteger(v) && v >= 0).toBe(true);
        const sums = chain.map((_, i) => plan.months.reduce((sum, m) => sum + m.volumes[i]!, 0));
        expect(sums).toEqual(reverse.map((v) => v.volume));
      }),
      { numRuns: 60 },
    );
  });

  it('goal seek returns a rate that meets the target with the given volume', () => {
    fc.assert(
      fc.property(chainArb, revenue, dealSize, fc.nat(), fc.double({ min: 0.5, max: 3, noNaN: true }), (chain, target, deal, pick, factor) => {
        const i = pick % (chain.length - 1);
        const available = Math.ceil(reverseFunnel(target, deal, chain)[0]!.volume * factor);
        const r = goalSeekRate({ chain, rateIndex: i, availableIndex: 0, available, revenueTarget: target, averageDealSize: deal });
        if (!r.feasible) return;
        const moved = chain.map((s, j) => (j === i ? { ...s, conversionRate: r.requiredRate! } : s));
        expect(reverseFunnel(target, deal, moved)[0]!.volume).toBeLessThanOrEqual(available);
      }),
      { numRuns: 60 },
    );
  });

  it('sensitivity bars are ranked by revenue swing and never gain leads when a rate rises', () => {
    fc.assert(
      fc.property(chainArb, revenue, dealSize, fc.integer({ min: 1, max: 20 }), (chain, target, deal, points) => {
        const s = sensitivity({ chain, revenueTarget: target, averageDealSize: deal, points });
        for (let k = 1; k < s.bars.length; k++) expect(s.bars[k - 1]!.revenueSwing).toBeGreaterThanOrEqual(s.bars[k]!.revenueSwing);
        for (const b of s.bars) {
          expect(b.leadsDeltaHigh).toBeLessThanOrEqual(0);
          expect(b.leadsDeltaLow).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
