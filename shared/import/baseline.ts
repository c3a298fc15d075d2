/**
 * Makes CRM actuals a baseline scenario: a copy of a scenario whose rates,
 * durations and average deal size are replaced by what the export shows,
 * wherever the export has both stages of a transition.
 */
import { standardStageKey } from '../model/chain';
import { copyScenario, type Scenario } from '../model/scenario';
import type { Actuals } from './actuals';

/** Result of {@link scenarioFromActuals}. */
export interface BaselineScenario {
  /** The new scenario, kind `actuals`. */
  scenario: Scenario;
  /** Ids of the stages whose outgoing rate (and days, when known) came from the actuals. */
  replaced: string[];
  /** Ids of the stages whose rate stayed as in the template, with why. */
  kept: { id: string; reason: string }[];
}

/**
 * Builds an `actuals` scenario from `template` (e.g. the agreed or base
 * scenario) and an import's figures. For each transition whose two stages
 * stand for standard stages present in the actuals: rate = count of the later
 * ÷ count of the earlier (for opportunity → customer, the win rate won ÷
 * closed when the export gives it, REFERENCE.md), days = the sum of the median
 * days between them when all are known. Stages the export lacks, or a rate of
 * 0, keep the template's values. The average deal size becomes the actual
 * average won deal when known. Neither input is changed.
 */
export function scenarioFromActuals(actuals: Actuals, template: Scenario, init: { id: string; name: string }): BaselineScenario {
  const scenario = copyScenario(template, { ...init, kind: 'actuals' });
  const byKey = new Map(actuals.stages.map((s, i) => [s.id, i]));
  const replaced: string[] = [];
  const kept: { id: string; reason: string }[] = [];
  for (let i = 0; i < scenario.stages.length - 1; i++) {
    const stage = scenario.stages[i]!;
    const a = standardStageKey(stage.id);
    const b = standardStageKey(scenario.stages[i + 1]!.id);
    const ia = a === null ? undefined : byKey.get(a);
    const ib = b === null ? undefined : byKey.get(b);
    if (ia === undefined || ib === undefined || ib <= ia) {
      kept.push({ id: stage.id, reason: 'The export does not have both stages of this transition.' });
      continue;
    }
    const from = actuals.stages[ia]!;
    const to = actuals.stages[ib]!;
    const useWinRate = a === 'opportunity' && b === 'customer' && actuals.winRate !== null;
    const rate = useWinRate ? actuals.winRate! : from.count > 0 ? to.count / from.count : 0;
    if (!(rate > 0)) {
      kept.push({ id: stage.id, reason: 'The export shows no conversion on this transition.' });
      continue;
    }
    const spans = actuals.stages.slice(ia, ib).map((s) => s.medianDaysToNext);
    const days = spans.every((d) => d !== null) ? spans.reduce<number>((sum, d) => sum + d!, 0) : stage.averageDays;
    scenario.stages[i] = { ...stage, conversionRate: rate, averageDays: days };
    replaced.push(stage.id);
  }
  if (actuals.averageDealSize !== null && actuals.averageDealSize > 0) scenario.targets.averageDealSize = actuals.averageDealSize;
  return { scenario, replaced, kept };
}
