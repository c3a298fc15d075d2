// A CRM import as a baseline scenario: only what the export measured is
// taken as actual; everything else is marked as the plan's.
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addScenario, readScenarioSet } from '../../shared/domain/scenarios-doc';
import { initWorkshopDoc, readWorkshop } from '../../shared/domain/workshop-doc';
import { importActuals } from '../../shared/import/actuals';
import { measuredRate, splitSpanRate, workshopBaselineScenario } from '../../shared/import/baseline';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import {
  agreedScenarioId,
  baselineOrigins,
  defaultsOf,
  planVsActualRows,
  scenarioStages,
  toModelScenario,
  workshopScenarios,
} from '../../shared/model/workshop-scenarios';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

function imported(file: string) {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2026-12-01'));
  const content = readWorkshop(doc);
  const agreed = workshopScenarios(content).find((s) => s.id === agreedScenarioId(content))!;
  const actuals = importActuals(fixture(file));
  const baseline = workshopBaselineScenario(actuals, toModelScenario(content, agreed), { id: 'actuals', name: 'Real' });
  addScenario(doc, defaultsOf(content), baseline);
  const after = readWorkshop(doc);
  const stored = workshopScenarios(after).find((s) => s.id === 'actuals')!;
  return { content: after, agreed, actuals, stored };
}

describe('a Salesforce export (opportunities only) as a baseline', () => {
  const { content, agreed, actuals, stored } = imported('salesforce-opportunities-2025.csv');
  const rows = planVsActualRows(content, agreed, stored)!;

  it('shows as actual only the opportunity → customer rate, and no lead count', () => {
    const measured = rows.rows.filter((r) => r.actual !== null);
    expect(measured.map((r) => r.fromId)).toEqual(['stage-opportunity']);
    expect(measured[0]!.actual).toBe(actuals.winRate);
    expect(measured[0]!.definition).toBe('winRate');
    expect(rows.rows.filter((r) => r.actual === null).map((r) => r.fromId)).toEqual(['stage-lead', 'stage-mql', 'stage-sal', 'stage-sql']);
    expect(rows.leads).toBeNull();
  });

  it('marks every rate and days it did not measure as taken from the plan', () => {
    const origins = baselineOrigins(content, stored)!;
    expect(
      Object.entries(origins)
        .filter(([, o]) => o.rate === 'plan')
        .map(([id]) => id),
    ).toEqual(['stage-lead', 'stage-mql', 'stage-sal', 'stage-sql']);
    expect(origins['stage-opportunity']!.rate).toBe('export');
    // The stored scenario keeps no copy of plan values: they follow the agreed funnel.
    expect(Object.keys(stored.stages)).toEqual(['stage-opportunity']);
    expect(stored.averageDealSize).toBe(actuals.averageDealSize);
  });

  it('uses the same opportunity → customer definition as the import screen (win rate = won ÷ closed)', () => {
    const i = actuals.stages.findIndex((s) => s.id === 'opportunity');
    expect(measuredRate(actuals, i, i + 1)).toEqual({ rate: actuals.won / actuals.closed, definition: 'winRate' });
    expect(scenarioStages(content, stored).find((s) => s.id === 'stage-opportunity')!.conversionRate).toBe(actuals.won / actuals.closed);
  });
});

describe('a HubSpot export without SAL as a baseline', () => {
  const { content, agreed, actuals, stored } = imported('hubspot-contacts-2025.csv');
  const rows = planVsActualRows(content, agreed, stored)!;
  const count = (id: string) => actuals.stages.find((s) => s.id === id)!.count;

  it('shows MQL → SQL as measured over the stages the export has', () => {
    const row = rows.rows.find((r) => r.fromId === 'stage-mql')!;
    expect(row.toId).toBe('stage-sql');
    expect(row.actual).toBe(count('sql') / count('mql'));
    const plan = scenarioStages(content, agreed);
    expect(row.plan).toBeCloseTo(plan[1]!.conversionRate * plan[2]!.conversionRate, 12);
    expect(rows.leads).toBe(count('lead'));
  });

  it('keeps the real MQL → SQL rate in the scenario, split over MQL → SAL → SQL', () => {
    const chain = scenarioStages(content, stored);
    expect(chain[1]!.conversionRate * chain[2]!.conversionRate).toBeCloseTo(count('sql') / count('mql'), 12);
    const origins = baselineOrigins(content, stored)!;
    expect(origins['stage-mql']!.rate).toBe('span');
    expect(origins['stage-sal']!.rate).toBe('span');
    expect(origins['stage-lead']!.rate).toBe('export');
  });

  it('keeps what it measured through the Yjs document', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, content);
    expect(readScenarioSet(doc).items.find((s) => s.id === 'actuals')!.measured).toEqual(stored.measured);
  });
});

describe('splitting a rate over a span', () => {
  it('keeps the plan proportion and the measured product, holding rates at 100 %', () => {
    const split = splitSpanRate([0.8, 0.5], 0.5084);
    expect(split[0]! * split[1]!).toBeCloseTo(0.5084, 12);
    expect(split[0]! / split[1]!).toBeCloseTo(0.8 / 0.5, 12);
    const capped = splitSpanRate([0.95, 0.2], 0.9);
    expect(capped[0]).toBe(1);
    expect(capped[0]! * capped[1]!).toBeCloseTo(0.9, 12);
  });
});
