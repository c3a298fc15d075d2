/**
 * Scenario commands of the targets screen: each is one `edit()` (one Yjs
 * transaction, so undo/redo and saving work) that passes the workshop's
 * default scenarios, written on the first change of a workshop that still
 * uses them. Each returns the first field error key, or null when saved.
 */
import type { WorkshopContent, WorkshopScenario } from '../../../shared/domain/workshop';
import {
  addScenario,
  removeScenario,
  setAgreedScenario,
  updatePlanSettings,
  updateScenario,
  updateScenarioStage,
  type PlanSettings,
} from '../../../shared/domain/scenarios-doc';
import { updateTargets } from '../../../shared/domain/workshop-doc';
import type { Targets } from '../../../shared/domain/workshop';
import { defaultsOf } from '../../../shared/model/workshop-scenarios';
import { edit } from '../../data/session';
import { firstError } from '../../ui/fields';

/** The scenario commands for the open workshop whose current content is `content`. */
export const scenarioActions = (content: WorkshopContent) => {
  const defaults = defaultsOf(content);
  return {
    add: (scenario: WorkshopScenario) => firstError(edit((doc) => addScenario(doc, defaults, scenario))),
    rename: (id: string, name: string) => firstError(edit((doc) => updateScenario(doc, defaults, id, { name }))),
    setKind: (id: string, kind: WorkshopScenario['kind']) => firstError(edit((doc) => updateScenario(doc, defaults, id, { kind }))),
    setDealSize: (id: string, averageDealSize: number) => firstError(edit((doc) => updateScenario(doc, defaults, id, { averageDealSize }))),
    setStage: (id: string, stageId: string, patch: { conversionRate?: number; averageDays?: number }) =>
      firstError(edit((doc) => updateScenarioStage(doc, defaults, id, stageId, patch))),
    remove: (id: string) => firstError(edit((doc) => removeScenario(doc, defaults, id))),
    markAgreed: (id: string) => firstError(edit((doc) => setAgreedScenario(doc, defaults, id))),
    settings: (patch: Partial<PlanSettings>) => firstError(edit((doc) => updatePlanSettings(doc, patch))),
  };
};

/**
 * Sets the workshop's targets (revenue target in the workshop currency,
 * average deal size, period in months); returns the first field error key,
 * or null when saved.
 */
export function setTargets(patch: Partial<Targets>): string | null {
  return firstError(edit((doc) => updateTargets(doc, patch)));
}
