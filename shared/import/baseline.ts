/**
 * Makes CRM actuals a baseline scenario: a copy of a scenario whose rates,
 * durations and average deal size are replaced by what the export measured,
 * and what the export measured kept beside it (so a plan-against-actual view
 * shows only measured figures and marks the rest as the plan's).
 */
import { MAX_DAYS, MAX_MONEY, MIN_MONEY, MIN_RATE } from '../domain/bounds';
import type { MeasuredActuals, ScenarioStageOverride, WorkshopScenario } from '../domain/workshop';
import { standardStageKey, type StandardStageKey } from '../model/chain';
import { copyScenario, type Scenario } from '../model/scenario';
import type { Actuals } from './actuals';

/** Where a baseline scenario's rate on a transition came from. */
export type RateOrigin =
  /** Measured by the export on exactly this transition. */
  | 'export'
  /** The export lacks a stage in between: its rate over the wider span is split over the transitions (see {@link splitSpanRate}). */
  | 'span'
  /** The export does not measure it (or shows no conversion): the template's (plan's) value. */
  | 'plan';

/** Result of {@link scenarioFromActuals}. */
export interface BaselineScenario {
  /** The new scenario, kind `actuals`. */
  scenario: Scenario;
  /** Ids of the stages whose outgoing rate came from the actuals (exactly or split over a span). */
  replaced: string[];
  /** Ids of the stages whose rate stayed as in the template, with why. */
  kept: { id: string; reason: string }[];
  /** Where each stage's outgoing rate came from (every stage but the last). */
  origins: Record<string, RateOrigin>;
  /** Ids of the stages whose days came from the export's medians. */
  measuredDays: string[];
  /** What the export measured, by the template's stage ids. */
  measured: MeasuredActuals;
}

/**
 * The measured rate between two stages of an export (indices into
 * `actuals.stages`, `ia` < `ib`): for opportunity → customer the win rate,
 * won ÷ closed (docs/domain.md: open deals have not had their chance yet, so
 * customers ÷ opportunities understates it), when the export gives it;
 * otherwise records reaching `ib` ÷ records reaching `ia`. Null when `ia` has
 * no records. Fraction 0..1.
 */
export function measuredRate(actuals: Actuals, ia: number, ib: number): { rate: number; definition: 'count' | 'winRate' } | null {
  const from = actuals.stages[ia]!;
  const to = actuals.stages[ib]!;
  if (from.id === 'opportunity' && to.id === 'customer' && actuals.winRate !== null) return { rate: actuals.winRate, definition: 'winRate' };
  return from.count > 0 ? { rate: to.count / from.count, definition: 'count' } : null;
}

/**
 * Splits a rate measured over several transitions (the export lacks the
 * stages between) into one rate per transition in the proportion of the plan's
 * rates: each plan rate × the same factor, so their product is `rate`; a rate
 * that would pass 100 % is held at 100 % and the others take up the rest.
 * @param planRates the plan's rates on the span, fractions in (0, 1]
 * @param rate the measured rate over the whole span, fraction in (0, 1]
 */
export function splitSpanRate(planRates: readonly number[], rate: number): number[] {
  const out = planRates.map(() => 1);
  let open = planRates.map((_, i) => i);
  for (;;) {
    const planProduct = open.reduce((p, i) => p * planRates[i]!, 1);
    const factor = (rate / planProduct) ** (1 / open.length);
    const over = open.filter((i) => planRates[i]! * factor >= 1);
    if (over.length === 0 || over.length === open.length) {
      for (const i of open) out[i] = Math.min(1, planRates[i]! * factor);
      return out;
    }
    open = open.filter((i) => !over.includes(i));
  }
}

/**
 * Builds an `actuals` scenario from `template` (e.g. the agreed scenario) and
 * an import's figures. The template's stages that stand for standard stages
 * the export has are paired with the next such stage; for each pair the
 * measured rate ({@link measuredRate}) replaces the template's rate — on the
 * one transition (`export`, with the median days when known), or split over
 * the transitions of a wider span ({@link splitSpanRate}, `span`). Transitions
 * the export does not measure, or where it shows no conversion, keep the
 * template's values (`plan`). The average deal size becomes the actual average
 * won deal when known. Neither input is changed.
 */
export function scenarioFromActuals(actuals: Actuals, template: Scenario, init: { id: string; name: string }): BaselineScenario {
  const scenario = copyScenario(template, { ...init, kind: 'actuals' });
  const byKey = new Map<StandardStageKey, number>(actuals.stages.map((s, i) => [s.id, i]));
  const measured: MeasuredActuals = {
    format: actuals.format ?? 'custom',
    counts: {},
    rates: {},
    averageDealSize: usableDealSize(actuals.averageDealSize) ? actuals.averageDealSize : null,
  };
  const origins: Record<string, RateOrigin> = {};
  const measuredDays: string[] = [];
  // Template stages the export has, in order, with their index in the export.
  const present: { i: number; ia: number }[] = [];
  scenario.stages.forEach((s, i) => {
    const key = standardStageKey(s.id);
    const ia = key === null ? undefined : byKey.get(key);
    if (ia === undefined || (present.length > 0 && ia <= present[present.length - 1]!.ia)) return;
    present.push({ i, ia });
    measured.counts[s.id] = actuals.stages[ia]!.count;
  });
  for (let i = 0; i < scenario.stages.length - 1; i++) origins[scenario.stages[i]!.id] = 'plan';
  const reasons = new Map<string, string>();
  for (let p = 0; p < present.length - 1; p++) {
    const { i, ia } = present[p]!;
    const { i: j, ia: ib } = present[p + 1]!;
    const m = measuredRate(actuals, ia, ib);
    if (!m) continue;
    measured.rates[scenario.stages[i]!.id] = { toId: scenario.stages[j]!.id, rate: m.rate, definition: m.definition };
    if (!(m.rate > 0)) {
      for (let k = i; k < j; k++) reasons.set(scenario.stages[k]!.id, 'The export shows no conversion on this transition.');
      continue;
    }
    if (m.rate < MIN_RATE) {
      for (let k = i; k < j; k++) reasons.set(scenario.stages[k]!.id, 'The export’s rate on this transition is below one in a million, too low to plan with.');
      continue;
    }
    if (j === i + 1) {
      const stage = scenario.stages[i]!;
      const spans = actuals.stages.slice(ia, ib).map((s) => s.medianDaysToNext);
      const sum = spans.every((d) => d !== null) ? spans.reduce<number>((total, d) => total + d!, 0) : null;
      // Days beyond the bound (dates decades apart) are not taken: the plan keeps its own.
      const days = sum !== null && sum <= MAX_DAYS ? sum : null;
      scenario.stages[i] = { ...stage, conversionRate: m.rate, averageDays: days ?? stage.averageDays };
      if (days !== null) measuredDays.push(stage.id);
      origins[stage.id] = 'export';
    } else {
      const split = splitSpanRate(
        scenario.stages.slice(i, j).map((s) => s.conversionRate!),
        m.rate,
      );
      split.forEach((rate, k) => {
        const stage = scenario.stages[i + k]!;
        scenario.stages[i + k] = { ...stage, conversionRate: rate };
        origins[stage.id] = 'span';
      });
    }
  }
  const replaced = Object.keys(origins).filter((id) => origins[id] !== 'plan');
  const kept = Object.keys(origins)
    .filter((id) => origins[id] === 'plan')
    .map((id) => ({ id, reason: reasons.get(id) ?? 'The export does not have the stages of this transition.' }));
  if (usableDealSize(actuals.averageDealSize)) scenario.targets.averageDealSize = actuals.averageDealSize;
  return { scenario, replaced, kept, origins, measuredDays, measured };
}

/** Whether an export's mean won deal can be a scenario's deal size: within `MIN_MONEY`..`MAX_MONEY`. */
function usableDealSize(amount: number | null): amount is number {
  return amount !== null && Number.isFinite(amount) && amount >= MIN_MONEY && amount <= MAX_MONEY;
}

/**
 * The baseline as a workshop scenario: overrides only for what came from the
 * export (rates of `export` and `span` transitions, measured days), so every
 * other value follows the agreed funnel and reads as the plan's; the average
 * deal size only when the export gives one; `measured` kept beside it.
 */
export function workshopBaselineScenario(actuals: Actuals, template: Scenario, init: { id: string; name: string }): WorkshopScenario {
  const b = scenarioFromActuals(actuals, template, init);
  const stages: Record<string, ScenarioStageOverride> = {};
  for (const s of b.scenario.stages.slice(0, -1)) {
    const o: ScenarioStageOverride = {};
    if (b.origins[s.id] !== 'plan') o.conversionRate = s.conversionRate;
    if (b.measuredDays.includes(s.id)) o.averageDays = s.averageDays;
    if (Object.keys(o).length > 0) stages[s.id] = o;
  }
  const out: WorkshopScenario = { id: init.id, name: init.name, kind: 'actuals', stages, measured: b.measured };
  if (usableDealSize(actuals.averageDealSize)) out.averageDealSize = actuals.averageDealSize;
  return out;
}
