import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainFromFunnel } from '../../shared/model/chain';
import {
  copyScenario,
  createScenario,
  parseScenario,
  renameScenario,
  scenarioChain,
  scenarioSchema,
  updateScenarioStage,
  SCENARIO_KINDS,
  type Scenario,
} from '../../shared/model/scenario';
import { standardFunnel } from '../../shared/sample/standard-content';

const example = JSON.parse(readFileSync(new URL('../fixtures/scenario.example.json', import.meta.url), 'utf8')) as unknown;
const targets = { revenueTarget: 1_200_000, averageDealSize: 20_000, periodMonths: 12 };

describe('scenario schema', () => {
  it('accepts the example scenario file', () => {
    const parsed = parseScenario(example);
    expect(parsed.ok).toBe(true);
  });

  it('lists each problem with its path in plain English', () => {
    const bad = {
      id: 'x',
      name: ' ',
      kind: 'base',
      stages: [
        { id: 'lead', name: 'Lead', conversionRate: 1.5, averageDays: 3 },
        { id: 'mql', name: 'MQL' },
        { id: 'mql', name: 'Again' },
      ],
      targets: { revenueTarget: 0, averageDealSize: 10, periodMonths: 40, startMonth: '2027-13' },
    };
    const parsed = parseScenario(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        'name: is required',
        'stages.0.conversionRate: must be a fraction from 0 to 1 (35 % is 0.35)',
        'stages.1.conversionRate: is required',
        'stages.1.averageDays: is required',
        'stages.2.id: repeats an id used by an earlier stage',
        'targets.revenueTarget: must be an amount from 0.01 to 1,000,000,000,000',
        'targets.periodMonths: must be a whole number of months from 1 to 36',
        'targets.startMonth: must be a month written YYYY-MM',
      ]),
    );
  });

  it('rejects an unknown kind and a one-stage funnel', () => {
    expect(scenarioSchema.safeParse({ ...(example as object), kind: 'dream' }).success).toBe(false);
    const oneStage = parseScenario({ ...(example as object), stages: [{ id: 'lead', name: 'Lead' }] });
    expect(oneStage.ok ? [] : oneStage.errors).toContain('stages: must list from 2 to 50 stages');
  });

  it('has the seven kinds', () => {
    expect(SCENARIO_KINDS).toEqual(['conservative', 'base', 'stretch', 'marketing', 'sales', 'actuals', 'custom']);
  });
});

describe('scenario helpers', () => {
  it('creates a scenario from the agreed funnel with its rates, days and the workshop targets', () => {
    const funnel = standardFunnel('en');
    const s = createScenario({ id: 's1', name: 'Base', kind: 'base' }, funnel, targets);
    expect(scenarioSchema.safeParse(s).success).toBe(true);
    expect(scenarioChain(s)).toEqual(chainFromFunnel(funnel));
    expect(s.stages[s.stages.length - 1]).toEqual({ id: 'stage-customer', name: 'Customer' });
    s.targets.revenueTarget = 1;
    s.stages[0]!.conversionRate = 0.9;
    expect(targets.revenueTarget).toBe(1_200_000);
    expect(funnel.transitions[0]!.conversionRate).toBe(0.25);
  });

  it('copies deeply under a new id and name', () => {
    const base = createScenario({ id: 'b', name: 'Base', kind: 'base' }, standardFunnel('es'), targets);
    const copy = copyScenario(base, { id: 'c', name: 'Base (copy)' });
    expect(copy).toMatchObject({ id: 'c', name: 'Base (copy)', kind: 'custom' });
    copy.stages[1]!.conversionRate = 0.1;
    copy.targets.periodMonths = 6;
    expect(base.stages[1]!.conversionRate).toBe(0.8);
    expect(base.targets.periodMonths).toBe(12);
    expect(copyScenario(base, { id: 'd', name: 'Stretch', kind: 'stretch' }).kind).toBe('stretch');
  });

  it('renames (trimmed) and updates one stage without touching the original', () => {
    const base: Scenario = createScenario({ id: 'b', name: 'Base', kind: 'base' }, standardFunnel('es'), targets);
    expect(renameScenario(base, '  Marketing view ').name).toBe('Marketing view');
    expect(base.name).toBe('Base');
    const updated = updateScenarioStage(base, 'stage-sql', { conversionRate: 0.6 });
    expect(updated.stages.find((s) => s.id === 'stage-sql')!.conversionRate).toBe(0.6);
    expect(base.stages.find((s) => s.id === 'stage-sql')!.conversionRate).toBe(0.5);
  });
});
