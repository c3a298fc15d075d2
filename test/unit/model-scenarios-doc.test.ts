/**
 * Workshop scenarios in the Y.Doc (shared/domain/scenarios-doc.ts) and as the
 * model reads them (shared/model/workshop-scenarios.ts): defaults when absent,
 * written on the first edit in one undoable step, invalid edits write nothing,
 * the agreed scenario, and old documents reading as before.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addScenario,
  readScenarioSet,
  removeScenario,
  setAgreedScenario,
  updatePlanSettings,
  updateScenario,
  updateScenarioStage,
} from '../../shared/domain/scenarios-doc';
import { InvalidEditError, LOCAL_ORIGIN, NotFoundError, initWorkshopDoc, readWorkshop } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import {
  agreedMqlsPerMonth,
  agreedScenarioId,
  agreedScenarioPlan,
  defaultsOf,
  planWorkshopScenario,
  scenarioFromTeamFunnel,
  scenarioStages,
  workshopScenarios,
} from '../../shared/model/workshop-scenarios';
import { sampleDoc as sampleDocOn } from '../support/workshop';

const sampleDoc = () => sampleDocOn('2026-12-01');

describe('workshop scenarios', () => {
  it('reads defaults derived from the agreed funnel until the first edit', () => {
    const doc = sampleDoc();
    const content = readWorkshop(doc);
    expect(content.scenarios?.items).toEqual([]);
    const items = workshopScenarios(content);
    expect(items.map((s) => s.id)).toEqual(['conservative', 'base', 'stretch']);
    expect(agreedScenarioId(content)).toBe('base');
    const agreed = agreedScenarioPlan(content);
    expect(agreed.ok && agreed.plan.stages.map((s) => s.volume)).toEqual([4800, 1200, 960, 480, 240, 60]);
    // Conservative: every agreed rate × 0.8, so the leads needed grow by 1 ÷ 0.8⁵ (rounded up at each stage).
    const chain = scenarioStages(content, items[0]!);
    const base = scenarioStages(content, items[1]!);
    chain.slice(0, -1).forEach((s, i) => expect(s.conversionRate).toBeCloseTo(base[i]!.conversionRate * 0.8, 6));
  });

  it('writes the defaults together with the first edit, as one undo step', () => {
    const doc = sampleDoc();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const content = readWorkshop(doc);
    updateScenarioStage(doc, defaultsOf(content), 'base', 'stage-mql', { conversionRate: 0.5 });
    const after = readWorkshop(doc);
    expect(after.scenarios!.items.map((s) => s.id)).toEqual(['conservative', 'base', 'stretch']);
    const plan = planWorkshopScenario(after, after.scenarios!.items[1]!);
    // MQL→SAL 50 % instead of 80 %: 480 SQL ÷ 0.5 = 960 SAL ÷ 0.5 = 1,920 MQL ÷ 0.25 = 7,680 leads.
    expect(plan.ok && plan.plan.stages.map((s) => s.volume)).toEqual([7680, 1920, 960, 480, 240, 60]);
    undo.undo();
    expect(readWorkshop(doc).scenarios!.items).toEqual([]);
  });

  it('creates, copies, renames, marks agreed and deletes', () => {
    const doc = sampleDoc();
    const defaults = defaultsOf(readWorkshop(doc));
    addScenario(doc, defaults, { id: 'mkt', name: 'Marketing', kind: 'marketing', stages: { 'stage-lead': { conversionRate: 0.3 } } });
    updateScenario(doc, defaults, 'mkt', { name: '  Marketing 2027 ' });
    setAgreedScenario(doc, defaults, 'mkt');
    let c = readWorkshop(doc);
    expect(c.scenarios!.items.map((s) => s.name)).toEqual(['Conservador', 'Base', 'Ambicioso', 'Marketing 2027']);
    expect(agreedScenarioId(c)).toBe('mkt');
    const agreed = agreedScenarioPlan(c);
    // Lead→MQL 30 %: 1,200 MQL ÷ 0.3 = 4,000 leads.
    expect(agreed.ok && agreed.plan.stages[0]!.volume).toBe(4000);
    removeScenario(doc, defaults, 'mkt');
    c = readWorkshop(doc);
    expect(agreedScenarioId(c)).toBe('conservative');
  });

  it('refuses invalid edits and writes nothing', () => {
    const doc = sampleDoc();
    const defaults = defaultsOf(readWorkshop(doc));
    const before = JSON.stringify(readWorkshop(doc));
    expect(() => updateScenarioStage(doc, defaults, 'base', 'stage-mql', { conversionRate: 1.5 })).toThrow(InvalidEditError);
    expect(() => updateScenario(doc, defaults, 'base', { name: '   ' })).toThrow(InvalidEditError);
    expect(() => updateScenario(doc, defaults, 'nope', { name: 'x' })).toThrow(NotFoundError);
    expect(() => addScenario(doc, defaults, { id: 'base', name: 'Again', kind: 'custom', stages: {} })).toThrow(InvalidEditError);
    expect(() => updatePlanSettings(doc, { budget: -1 })).toThrow(InvalidEditError);
    expect(() => updatePlanSettings(doc, { startMonth: '2027-13' })).toThrow(InvalidEditError);
    expect(JSON.stringify(readWorkshop(doc))).toBe(before);
  });

  it('gives the MQLs a month of the agreed scenario, for the SLA', () => {
    const doc = sampleDoc();
    const defaults = defaultsOf(readWorkshop(doc));
    // Base: 1,200 MQLs over 12 months.
    expect(agreedMqlsPerMonth(readWorkshop(doc))).toBe(100);
    // Stretch agreed (every rate × 1.2): 60 deals ÷ 0.3 = 200 opportunities ÷ 0.6 = 333.3 → 334 SQL ÷ 0.6 = 556.7 → 557 SAL
    // ÷ 0.96 = 580.2 → 581 MQL; ÷ 12 months = 48.4 → 49 a month.
    setAgreedScenario(doc, defaults, 'stretch');
    expect(agreedMqlsPerMonth(readWorkshop(doc))).toBe(49);
  });

  it('keeps at least one scenario', () => {
    const doc = sampleDoc();
    const defaults = defaultsOf(readWorkshop(doc));
    removeScenario(doc, defaults, 'conservative');
    removeScenario(doc, defaults, 'stretch');
    expect(() => removeScenario(doc, defaults, 'base')).toThrow(InvalidEditError);
    expect(readScenarioSet(doc).items.map((s) => s.id)).toEqual(['base']);
  });

  it('plan inputs give costs and the capacity check; null clears them', () => {
    const doc = sampleDoc();
    const c = readWorkshop(doc);
    const plan = agreedScenarioPlan(c);
    expect(plan.ok && plan.plan.costs![0]!.cost).toBe(50); // 240,000 ÷ 4,800 leads
    expect(plan.ok && plan.plan.costs![5]!.cost).toBe(4000); // CAC: 240,000 ÷ 60
    expect(plan.ok && plan.plan.capacity!.capacityPerMonth).toBe(32);
    updatePlanSettings(doc, { budget: null, salesReps: null });
    const cleared = agreedScenarioPlan(readWorkshop(doc));
    expect(cleared.ok && cleared.plan.costs).toBeNull();
    expect(cleared.ok && cleared.plan.capacity).toBeNull();
  });

  it('a document without the scenarios part reads without it (content of older versions unchanged)', () => {
    const content = sampleWorkshop('2026-12-01');
    delete content.scenarios;
    const doc = new Y.Doc();
    initWorkshopDoc(doc, content);
    expect('scenarios' in readWorkshop(doc)).toBe(false);
    expect(workshopScenarios(readWorkshop(doc))).toHaveLength(3);
  });
});

describe('a team’s own assumptions as a scenario', () => {
  it('takes the rates and days of the matching stages of the team’s funnel', () => {
    const content = sampleWorkshop('2026-12-01');
    // Sales' funnel drawn from the agreed one (the sample's own differs elsewhere too).
    const sales = structuredClone(content.funnels.agreed);
    content.funnels.sales = sales;
    // Sales believes MQL→SAL is 60 % in 3 days and renamed its SQL stage; ids differ from the agreed funnel's.
    const rename = (id: string) => `sales-${id}`;
    sales.stages = sales.stages.map((s) => ({ ...s, id: rename(s.id), name: s.id === 'stage-sql' ? 'Lead calificado' : s.name }));
    sales.transitions = sales.transitions.map((t) => ({
      ...t,
      source: rename(t.source),
      target: rename(t.target),
      ...(t.source === 'stage-mql' && !t.recycle ? { conversionRate: 0.6, averageDays: 3 } : {}),
    }));
    const { scenario, matched } = scenarioFromTeamFunnel(content, 'sales', { id: 'sales', name: 'Ventas' });
    expect(scenario.kind).toBe('sales');
    expect(matched).toBe(5);
    expect(scenario.stages['stage-mql']).toEqual({ conversionRate: 0.6, averageDays: 3 });
    const plan = planWorkshopScenario(content, scenario);
    // MQL→SAL 60 %: 960 SAL ÷ 0.6 = 1,600 MQL ÷ 0.25 = 6,400 leads.
    expect(plan.ok && plan.plan.stages.map((s) => s.volume)).toEqual([6400, 1600, 960, 480, 240, 60]);
  });

  it('leaves stages it cannot match to the agreed funnel', () => {
    const content = sampleWorkshop('2026-12-01');
    content.funnels.marketing = { stages: [], transitions: [] };
    const { scenario, matched } = scenarioFromTeamFunnel(content, 'marketing', { id: 'mkt', name: 'Marketing' });
    expect(matched).toBe(0);
    expect(scenario.stages).toEqual({});
  });
});
