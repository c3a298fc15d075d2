// Issue 4 performance budget: one recompute (reverse funnel + 24-month plan +
// sensitivity, 10 stages × 3 scenarios) under 1 ms; importing the 1,600-row
// HubSpot fixture under 300 ms. Run: npx vitest bench --config test/vitest.config.ts --run
// (The fixture path is built from strings: under jsdom, `URL` is jsdom's and node:fs rejects it.)
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { importActuals } from '../../shared/import/actuals';
import type { PlanStage } from '../../shared/model/chain';
import { monthlyPlan } from '../../shared/model/monthly-plan';
import { planScenario } from '../../shared/model/plan';
import { reverseFunnel } from '../../shared/model/reverse-funnel';
import type { Scenario } from '../../shared/model/scenario';
import { sensitivity } from '../../shared/model/sensitivity';
import { planWorkshopScenario, scenarioStages, workshopScenarios } from '../../shared/model/workshop-scenarios';
import type { Funnel, WorkshopContent } from '../../shared/domain/workshop';
import { sampleWorkshop } from '../../shared/sample/standard-content';

const RATES = [0.3, 0.6, 0.7, 0.5, 0.8, 0.6, 0.5, 0.7, 0.3];
const DAYS = [7, 3, 5, 10, 7, 14, 10, 20, 45];
const factors = [0.85, 1, 1.15];
const chains: PlanStage[][] = factors.map((f) => [
  ...RATES.map((r, i) => ({ id: `s${i}`, name: `Stage ${i}`, conversionRate: Math.min(1, r * f), averageDays: DAYS[i]! })),
  { id: 'won', name: 'Won', conversionRate: 0, averageDays: 0 },
]);
const scenarios: Scenario[] = chains.map((chain, k) => ({
  id: `sc${k}`,
  name: `Scenario ${k}`,
  kind: 'custom',
  stages: chain.map((s, i) =>
    i === chain.length - 1 ? { id: s.id, name: s.name } : { id: s.id, name: s.name, conversionRate: s.conversionRate, averageDays: s.averageDays },
  ),
  targets: { revenueTarget: 2_400_000, averageDealSize: 20_000, periodMonths: 24, budget: 500_000, salesReps: 4, opportunitiesPerRepPerMonth: 10 },
}));
// The targets screen's own path: a workshop whose agreed funnel has 10 stages, its 3 default scenarios
// (workshop scenarios → model scenarios → plan), a 24-month period, and sensitivity on the agreed one.
const workshop: WorkshopContent = (() => {
  const content = sampleWorkshop('2026-12-01');
  const base = chains[1]!;
  const funnel: Funnel = {
    stages: base.map((s, i) => ({ id: s.id, name: s.name, ownerTeam: i < 4 ? 'marketing' : 'sales', termId: null, x: i * 200, y: 0 })),
    transitions: base
      .slice(0, -1)
      .map((s, i) => ({ id: `t${i}`, source: s.id, target: base[i + 1]!.id, conversionRate: s.conversionRate, averageDays: s.averageDays, recycle: false })),
  };
  return { ...content, funnels: { ...content.funnels, agreed: funnel }, targets: { revenueTarget: 2_400_000, averageDealSize: 20_000, periodMonths: 24 } };
})();

const HUBSPOT = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/hubspot-contacts-2025.csv'), 'utf8');

describe('model recompute: 10 stages × 3 scenarios (budget 1 ms)', () => {
  bench('reverse funnel + 24-month plan + sensitivity ±5 points', () => {
    for (const chain of chains) {
      const volumes = reverseFunnel(2_400_000, 20_000, chain);
      monthlyPlan(chain, volumes[volumes.length - 1]!.volume, 24, '2027-01');
      sensitivity({ chain, revenueTarget: 2_400_000, averageDealSize: 20_000, points: 5 });
    }
  });

  bench('full planScenario (adds velocity, costs, capacity, benchmarks) + sensitivity', () => {
    for (const [k, scenario] of scenarios.entries()) {
      planScenario(scenario);
      sensitivity({ chain: chains[k]!, revenueTarget: 2_400_000, averageDealSize: 20_000, points: 5 });
    }
  });
});

describe('targets screen recompute: workshop with 10 stages, 3 default scenarios, 24 months (budget 1 ms)', () => {
  bench('plan every workshop scenario + sensitivity on the agreed one', () => {
    const scenarios = workshopScenarios(workshop);
    for (const s of scenarios) planWorkshopScenario(workshop, s);
    const chain = scenarioStages(workshop, scenarios[1]!);
    sensitivity({ chain, revenueTarget: 2_400_000, averageDealSize: 20_000, points: 5 });
  });
});

describe('CSV import (budget 300 ms)', () => {
  bench('HubSpot contacts fixture, 1,600 rows', () => {
    importActuals(HUBSPOT);
  });
});
