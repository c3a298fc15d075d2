import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Funnel, FunnelTransition } from '../../shared/domain/workshop';
import { cycleClosingTransitions, flowOrder } from '../../shared/funnel/graph';
import { computeLayout, DEFAULT_LAYOUT, withLayout } from '../../shared/funnel/layout';
import { instantiateTemplate } from '../../shared/funnel/templates';
import { stage, tr } from '../support/workshop';

/** A random funnel of `n` stages whose forward transitions only go from a lower to a higher index, plus some recycle loops back. */
const dagFunnel = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { selector: ([a, b]) => `${a}>${b}`, maxLength: 2 * n }).map((edges): Funnel => ({
    stages: Array.from({ length: n }, (_, i) => stage(`s${i}`)),
    transitions: edges.filter(([a, b]) => a !== b).map(([a, b], i): FunnelTransition => tr(`t${i}`, `s${a}`, `s${b}`, { averageDays: 1, recycle: a > b })),
  })),
);

function overlaps(positions: Map<string, { x: number; y: number }>): boolean {
  const boxes = [...positions.values()];
  return boxes.some((a, i) =>
    boxes.slice(i + 1).some((b) => Math.abs(a.x - b.x) < DEFAULT_LAYOUT.nodeWidth && Math.abs(a.y - b.y) < DEFAULT_LAYOUT.nodeHeight),
  );
}

describe('computeLayout', () => {
  it('places every forward arrow left to right, without overlapping boxes, from the origin (property)', () => {
    fc.assert(
      fc.property(dagFunnel, (funnel) => {
        const positions = computeLayout(funnel);
        expect([...positions.keys()].sort()).toEqual(funnel.stages.map((s) => s.id).sort());
        for (const t of funnel.transitions.filter((x) => !x.recycle)) {
          expect(positions.get(t.target)!.x).toBeGreaterThanOrEqual(positions.get(t.source)!.x + DEFAULT_LAYOUT.nodeWidth);
        }
        expect(overlaps(positions)).toBe(false);
        expect(Math.min(...[...positions.values()].map((p) => p.x))).toBe(0);
        expect(Math.min(...[...positions.values()].map((p) => p.y))).toBe(0);
        for (const p of positions.values()) expect([Number.isInteger(p.x), Number.isInteger(p.y)]).toEqual([true, true]);
      }),
      { numRuns: 60 },
    );
  });

  it('ignores recycle loops: adding or removing one does not move a stage (property)', () => {
    fc.assert(
      fc.property(dagFunnel, (funnel) => {
        const forwardOnly = { ...funnel, transitions: funnel.transitions.filter((t) => !t.recycle) };
        expect(computeLayout(funnel)).toEqual(computeLayout(forwardOnly));
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic and honours the node size it is given', () => {
    const funnel = instantiateTemplate('demand-waterfall', 'es', []);
    expect(computeLayout(funnel)).toEqual(computeLayout(funnel));
    const wide = computeLayout(funnel, { nodeWidth: 300, rankGap: 50 });
    expect(wide.get('stage-mql')!.x - wide.get('stage-lead')!.x).toBe(350);
  });

  it('lays out a 500-stage, 600-arrow funnel without overlaps', () => {
    const stages = Array.from({ length: 500 }, (_, i) => stage(`s${i}`, `S${i}`, { ownerTeam: 'sales' }));
    const transitions: FunnelTransition[] = Array.from({ length: 600 }, (_, i) => {
      const a = i % 499;
      const b = Math.min(499, a + 1 + ((i * 7) % 5));
      return tr(`t${i}`, `s${a}`, `s${b}`, { conversionRate: 0.1, averageDays: 1 });
    });
    const positions = computeLayout({ stages, transitions });
    expect(positions.size).toBe(500);
    for (const t of transitions) expect(positions.get(t.target)!.x).toBeGreaterThan(positions.get(t.source)!.x);
  });
});

describe('withLayout', () => {
  it('moves the stages and changes nothing else, leaving the input alone', () => {
    const funnel = instantiateTemplate('hubspot-lifecycle', 'en', []);
    const scattered: Funnel = { ...funnel, stages: funnel.stages.map((s, i) => ({ ...s, x: 1000 - i * 37, y: i * 91 })) };
    const copy = structuredClone(scattered);
    const laid = withLayout(scattered);
    expect(scattered).toEqual(copy);
    expect(laid.transitions).toEqual(scattered.transitions);
    expect(laid.stages.map(({ x: _x, y: _y, ...rest }) => rest)).toEqual(scattered.stages.map(({ x: _x, y: _y, ...rest }) => rest));
    expect(laid.stages.map((s) => s.x)).toEqual([...laid.stages.map((s) => s.x)].sort((a, b) => a - b));
  });
});

describe('graph helpers', () => {
  it('flowOrder puts every stage after the stages that lead to it (property)', () => {
    fc.assert(
      fc.property(dagFunnel, (funnel) => {
        const order = flowOrder(funnel);
        const at = new Map(order.map((id, i) => [id, i]));
        expect(order.slice().sort()).toEqual(funnel.stages.map((s) => s.id).sort());
        for (const t of funnel.transitions.filter((x) => !x.recycle)) expect(at.get(t.source)!).toBeLessThan(at.get(t.target)!);
        expect(cycleClosingTransitions(funnel)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
