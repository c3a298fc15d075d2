// Issue 12, part 2: the largest inputs the bounds allow (shared/domain/bounds.ts)
// answer fast: a 50-stage plan whose stages add up to 3,650 days (the longest
// monthly plan), sensitivity and goal seek on it, and the CLI refusing a billion days.
// Goal: each well under a second. Run: npx vitest bench --config test/vitest.config.ts --run test/bench/bounds.bench.ts
import { bench, describe } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { MAX_DAYS, MAX_PLAN_STAGES } from '../../shared/domain/bounds';
import { goalSeekRate } from '../../shared/model/goal-seek';
import { planScenario } from '../../shared/model/plan';
import type { Scenario } from '../../shared/model/scenario';
import { sensitivity } from '../../shared/model/sensitivity';

const n = MAX_PLAN_STAGES;
const stages = Array.from({ length: n }, (_, i) =>
  i === n - 1 ? { id: 'won', name: 'Won' } : { id: `s${i}`, name: `S${i}`, conversionRate: 0.6, averageDays: MAX_DAYS / (n - 1) },
);
const widest: Scenario = {
  id: 'widest',
  name: 'Widest',
  kind: 'custom',
  stages,
  targets: { revenueTarget: 1e6, averageDealSize: 1e5, periodMonths: 36, budget: 1e9, salesReps: 10, opportunitiesPerRepPerMonth: 20 },
};
const chain = stages.map((s) => ({ id: s.id, conversionRate: s.conversionRate ?? 0 }));
const billionDays = JSON.stringify({ ...widest, stages: stages.map((s, i) => (i === 0 ? { ...s, averageDays: 1e9 } : s)) });

describe('largest inputs within the bounds', () => {
  bench('plan: 50 stages, 3,650 days to close, 36 months', () => {
    planScenario(widest);
  });
  bench('sensitivity on 50 stages', () => {
    sensitivity({ chain, revenueTarget: 1e6, averageDealSize: 1e5, points: 50 });
  });
  bench('goal seek on 50 stages', () => {
    goalSeekRate({ chain, rateIndex: 10, availableIndex: 0, available: 1e6, revenueTarget: 1e6, averageDealSize: 1e5 });
  });
  bench('pacto plan refusing a billion days', () => {
    runCli(['plan', 'x.json'], { readBytes: () => new TextEncoder().encode(billionDays), out: () => undefined, err: () => undefined });
  });
});
