/**
 * The workshop's scenarios as the model sees them: the stored assumptions
 * (`WorkshopContent.scenarios`, overrides on the agreed funnel) turned into
 * full {@link Scenario}s with the workshop's targets and plan inputs, the
 * default scenarios of a workshop that has none yet, and the agreed one.
 *
 * Units: rates are fractions 0..1; days; money in the workshop currency.
 */
import {
  EMPTY_SCENARIO_SET,
  type Funnel,
  type Language,
  type ScenarioKind,
  type ScenarioSet,
  type ScenarioStageOverride,
  type WorkshopContent,
  type WorkshopScenario,
} from '../domain/workshop';
import { chainFromFunnel, standardStageKey, type PlanStage } from './chain';
import { perMonth } from './monthly-plan';
import { planScenario, type ScenarioPlan } from './plan';
import { ModelInputError } from './reverse-funnel';
import type { Scenario } from './scenario';

/** Names of the default scenarios in each workshop language. */
const DEFAULT_NAMES: Record<Language, Record<'conservative' | 'base' | 'stretch', string>> = {
  es: { conservative: 'Conservador', base: 'Base', stretch: 'Ambicioso' },
  en: { conservative: 'Conservative', base: 'Base', stretch: 'Stretch' },
};

/** Factor on every rate of the default conservative (×0.8) and stretch (×1.2, at most 100 %) scenarios. */
export const DEFAULT_RATE_FACTORS = { conservative: 0.8, stretch: 1.2 } as const;

/** Rounds a rate to 0.01 percentage point (4 decimals of the fraction), at most 1. */
function roundRate(rate: number): number {
  return Math.min(1, Math.round(rate * 10_000) / 10_000);
}

/**
 * The scenarios of a workshop that has none of its own: conservative (every
 * agreed rate × 0.8), base (the agreed funnel as it is) and stretch (× 1.2,
 * capped at 100 %), named in `language`. Durations follow the agreed funnel.
 */
export function defaultScenarios(agreed: Funnel, language: Language): WorkshopScenario[] {
  const chain = chainFromFunnel(agreed);
  const scaled = (factor: number): Record<string, ScenarioStageOverride> =>
    Object.fromEntries(chain.slice(0, -1).map((s) => [s.id, { conversionRate: roundRate(s.conversionRate * factor) }]));
  const names = DEFAULT_NAMES[language];
  return [
    { id: 'conservative', name: names.conservative, kind: 'conservative', stages: scaled(DEFAULT_RATE_FACTORS.conservative) },
    { id: 'base', name: names.base, kind: 'base', stages: {} },
    { id: 'stretch', name: names.stretch, kind: 'stretch', stages: scaled(DEFAULT_RATE_FACTORS.stretch) },
  ];
}

/** The workshop's scenario set; an older snapshot without one reads as {@link EMPTY_SCENARIO_SET}. */
export function scenarioSetOf(content: WorkshopContent): ScenarioSet {
  return content.scenarios ?? EMPTY_SCENARIO_SET;
}

/** The workshop's default scenarios (what mutations write on the first change; see shared/domain/scenarios-doc.ts). */
export function defaultsOf(content: WorkshopContent): WorkshopScenario[] {
  return defaultScenarios(content.funnels.agreed, content.meta.language);
}

/** The workshop's scenarios in display order: its own, or the defaults when it has none. */
export function workshopScenarios(content: WorkshopContent): WorkshopScenario[] {
  const set = scenarioSetOf(content);
  return set.items.length > 0 ? set.items : defaultsOf(content);
}

/** Id of the agreed scenario: the set's `agreedId` when it exists, else `base`, else the first scenario. */
export function agreedScenarioId(content: WorkshopContent): string {
  const items = workshopScenarios(content);
  const wanted = scenarioSetOf(content).agreedId;
  return items.find((s) => s.id === wanted)?.id ?? items.find((s) => s.id === 'base')?.id ?? items[0]!.id;
}

/** The chain a scenario assumes: the agreed funnel's main path with the scenario's rates and days where it has them. */
export function scenarioStages(content: WorkshopContent, scenario: WorkshopScenario): PlanStage[] {
  return chainFromFunnel(content.funnels.agreed).map((s) => ({
    ...s,
    conversionRate: scenario.stages[s.id]?.conversionRate ?? s.conversionRate,
    averageDays: scenario.stages[s.id]?.averageDays ?? s.averageDays,
  }));
}

/**
 * A workshop scenario as a full model {@link Scenario}: its chain (see
 * {@link scenarioStages}), the workshop's revenue target and period, its own
 * average deal size or the workshop's (0 for one the workshop has not set:
 * its plan then fails on that field), and the shared plan inputs (start
 * month, budget, reps, opportunities per rep).
 */
export function toModelScenario(content: WorkshopContent, scenario: WorkshopScenario): Scenario {
  const set = scenarioSetOf(content);
  const chain = scenarioStages(content, scenario);
  const last = chain.length - 1;
  return {
    id: scenario.id,
    name: scenario.name,
    kind: scenario.kind,
    currency: content.meta.currency,
    stages: chain.map((s, i) =>
      i === last ? { id: s.id, name: s.name } : { id: s.id, name: s.name, conversionRate: s.conversionRate, averageDays: s.averageDays },
    ),
    targets: {
      ...content.targets,
      // 0 where the workshop has no target or deal size yet (a blank workshop): planning fails on that input and says so.
      revenueTarget: content.targets.revenueTarget ?? 0,
      averageDealSize: scenario.averageDealSize ?? content.targets.averageDealSize ?? 0,
      ...(set.startMonth !== null ? { startMonth: set.startMonth } : {}),
      ...(set.budget !== null ? { budget: set.budget } : {}),
      ...(set.salesReps !== null ? { salesReps: set.salesReps } : {}),
      ...(set.opportunitiesPerRepPerMonth !== null ? { opportunitiesPerRepPerMonth: set.opportunitiesPerRepPerMonth } : {}),
    },
  };
}

/**
 * A model scenario (e.g. the CRM actuals baseline from `scenarioFromActuals`)
 * as a workshop scenario: every stage's rate and days as overrides, its
 * average deal size when it differs from the workshop's.
 */
export function fromModelScenario(content: WorkshopContent, scenario: Scenario, kind: ScenarioKind = scenario.kind): WorkshopScenario {
  const stages: Record<string, ScenarioStageOverride> = {};
  scenario.stages.slice(0, -1).forEach((s) => {
    stages[s.id] = { conversionRate: s.conversionRate, averageDays: s.averageDays };
  });
  const out: WorkshopScenario = { id: scenario.id, name: scenario.name, kind, stages };
  if (scenario.targets.averageDealSize !== content.targets.averageDealSize) out.averageDealSize = scenario.targets.averageDealSize;
  return out;
}

/** A scenario's plan, or the input at fault and why it cannot be computed. */
export type WorkshopPlan = { ok: true; scenario: Scenario; plan: ScenarioPlan } | { ok: false; scenario: Scenario; field: string; message: string };

/** Plans one workshop scenario; a {@link ModelInputError} (e.g. a rate of 0) comes back as `ok: false`. */
export function planWorkshopScenario(content: WorkshopContent, scenario: WorkshopScenario): WorkshopPlan {
  const model = toModelScenario(content, scenario);
  try {
    return { ok: true, scenario: model, plan: planScenario(model) };
  } catch (e) {
    if (e instanceof ModelInputError) return { ok: false, scenario: model, field: e.field, message: e.message };
    throw e;
  }
}

/** The agreed scenario (see {@link agreedScenarioId}) and its plan: what the SLA and the PDF use. */
export function agreedScenarioPlan(content: WorkshopContent): WorkshopPlan {
  const id = agreedScenarioId(content);
  return planWorkshopScenario(
    content,
    workshopScenarios(content).find((s) => s.id === id)!,
  );
}

/** A fresh scenario id not used by `items`: `prefix`, `prefix-2`, `prefix-3` … */
export function freeScenarioId(items: readonly { id: string }[], prefix: string): string {
  const taken = new Set(items.map((s) => s.id));
  if (!taken.has(prefix)) return prefix;
  for (let n = 2; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/**
 * A team's own assumptions as a scenario: for each stage of the agreed
 * funnel's main path, the rate and days of the matching stage on the team's
 * funnel (`content.funnels.marketing` or `.sales`) main path. Stages match by
 * id, else by linked glossary term, else by standard stage (lead, MQL …), else
 * by name (case and spaces ignored); a stage with no match, or whose match is
 * the team funnel's last stage, follows the agreed funnel.
 * @returns the scenario (kind `marketing` or `sales`) and how many stages took the team's figures
 */
export function scenarioFromTeamFunnel(
  content: WorkshopContent,
  team: 'marketing' | 'sales',
  init: { id: string; name: string },
): { scenario: WorkshopScenario; matched: number } {
  const teamFunnel = content.funnels[team];
  const teamChain = chainFromFunnel(teamFunnel);
  const termOf = (funnel: Funnel, id: string) => funnel.stages.find((s) => s.id === id)?.termId ?? null;
  const norm = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
  const agreed = content.funnels.agreed;
  const stages: Record<string, ScenarioStageOverride> = {};
  let matched = 0;
  chainFromFunnel(agreed)
    .slice(0, -1)
    .forEach((s) => {
      const term = termOf(agreed, s.id);
      const key = standardStageKey(s.id, term);
      const candidates: ((t: PlanStage) => boolean)[] = [
        (t) => t.id === s.id,
        (t) => term !== null && termOf(teamFunnel, t.id) === term,
        (t) => key !== null && standardStageKey(t.id, termOf(teamFunnel, t.id)) === key,
        (t) => norm(t.name) === norm(s.name),
      ];
      for (const test of candidates) {
        const i = teamChain.findIndex(test);
        if (i < 0) continue;
        if (i < teamChain.length - 1) {
          stages[s.id] = { conversionRate: teamChain[i]!.conversionRate, averageDays: teamChain[i]!.averageDays };
          matched++;
        }
        break;
      }
    });
  return { scenario: { id: init.id, name: init.name, kind: team, stages }, matched };
}

/**
 * MQLs a month the agreed scenario needs (for marketing's SLA volume
 * commitment): the agreed plan's volume at the stage standing for `mql`
 * (by id or linked glossary term) ÷ the period's months, rounded up. Null
 * when the agreed funnel has no MQL stage or the plan cannot be computed.
 */
export function agreedMqlsPerMonth(content: WorkshopContent): number | null {
  const agreed = agreedScenarioPlan(content);
  if (!agreed.ok) return null;
  const stages = content.funnels.agreed.stages;
  const stage = agreed.plan.stages.find((s) => standardStageKey(s.id, stages.find((x) => x.id === s.id)?.termId) === 'mql');
  return stage ? perMonth(stage.volume, agreed.scenario.targets.periodMonths) : null;
}

/** Where a baseline scenario's value came from: measured by the export, the export's rate over a wider span split over the transitions, or the plan (agreed funnel). */
export type ValueOrigin = 'export' | 'span' | 'plan';

/**
 * Where each rate and days of a baseline scenario came from, by stage id
 * (every stage of the agreed main path but the last). A stage the import did
 * not measure and the team has not edited reads `plan`; a value the team
 * edited afterwards reads null (no mark). Null for a scenario without
 * `measured` (not made by an import).
 */
export function baselineOrigins(
  content: WorkshopContent,
  scenario: WorkshopScenario,
): Record<string, { rate: ValueOrigin | null; days: ValueOrigin | null }> | null {
  const measured = scenario.measured;
  if (!measured) return null;
  const chain = chainFromFunnel(content.funnels.agreed);
  const out: Record<string, { rate: ValueOrigin | null; days: ValueOrigin | null }> = {};
  const covered = new Map<string, 'export' | 'span'>();
  chain.forEach((s, i) => {
    const m = measured.rates[s.id];
    const j = m ? chain.findIndex((x) => x.id === m.toId) : -1;
    if (!m || j <= i || !(m.rate > 0)) return;
    for (let k = i; k < j; k++) covered.set(chain[k]!.id, j === i + 1 ? 'export' : 'span');
  });
  for (const s of chain.slice(0, -1)) {
    const o = scenario.stages[s.id];
    const c = covered.get(s.id);
    const rate: ValueOrigin | null = o?.conversionRate === undefined ? 'plan' : (c ?? null);
    const days: ValueOrigin | null = o?.averageDays === undefined ? 'plan' : c === 'export' ? 'export' : null;
    out[s.id] = { rate, days };
  }
  return out;
}

/** One row of plan against actual: a transition of the agreed main path, or a span of it when the export lacks the stages between. */
export interface PlanVsActualRow {
  fromId: string;
  toId: string;
  /** "MQL→SQL", names of the agreed funnel. */
  label: string;
  /** The agreed scenario's rate over the row (product of its rates on the span), fraction 0..1. */
  plan: number;
  /** What the export measured, fraction 0..1; null when the export does not have this transition. */
  actual: number | null;
  /** How `actual` was measured: `winRate` = won ÷ closed, `count` = records reaching the later stage ÷ the earlier. */
  definition: 'count' | 'winRate' | null;
  /** The agreed scenario's days over the row. */
  planDays: number;
  /** The export's median days, when the baseline scenario has them measured for this one transition; else null. */
  actualDays: number | null;
}

/**
 * The agreed scenario against what a CRM import measured (`actual.measured`):
 * one row per measured span (a single transition, or a wider one when the
 * export lacks the stages between, e.g. MQL→SQL without SAL) and one row with
 * `actual: null` per transition the export does not have. Also the lead count
 * the export has (null when it has no lead stage). Null when `actual` was not
 * made by an import.
 */
export function planVsActualRows(
  content: WorkshopContent,
  agreed: WorkshopScenario,
  actual: WorkshopScenario,
): { rows: PlanVsActualRow[]; leads: number | null } | null {
  const measured = actual.measured;
  if (!measured) return null;
  const plan = scenarioStages(content, agreed);
  const actualChain = scenarioStages(content, actual);
  const origins = baselineOrigins(content, actual)!;
  const rows: PlanVsActualRow[] = [];
  for (let i = 0; i < plan.length - 1;) {
    const found = measured.rates[plan[i]!.id];
    let j = found ? plan.findIndex((x) => x.id === found.toId) : -1;
    const m = found && j > i ? found : null;
    if (!m) j = i + 1;
    const span = plan.slice(i, j);
    rows.push({
      fromId: plan[i]!.id,
      toId: plan[j]!.id,
      label: `${plan[i]!.name}→${plan[j]!.name}`,
      plan: span.reduce((p, s) => p * s.conversionRate, 1),
      actual: m ? m.rate : null,
      definition: m ? m.definition : null,
      planDays: span.reduce((d, s) => d + s.averageDays, 0),
      actualDays: j === i + 1 && origins[plan[i]!.id]?.days === 'export' ? actualChain[i]!.averageDays : null,
    });
    i = j;
  }
  return { rows, leads: measured.counts[plan[0]!.id] ?? null };
}
