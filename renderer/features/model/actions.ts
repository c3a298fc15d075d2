/**
 * The targets screen's user intents as named functions: each is one `edit()`
 * (one Yjs transaction, so one undo step) with the mutations of
 * `shared/domain/scenarios-doc` and `workshop-doc`. The scenario intents take
 * the workshop's current content, whose default scenarios are written on the
 * first change of a workshop that still uses them. Each returns the field
 * errors (null when applied).
 */
import type { FieldErrors, Targets, WorkshopContent, WorkshopScenario } from '../../../shared/domain/workshop';
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
import { defaultsOf } from '../../../shared/model/workshop-scenarios';
import { edit } from '../../data/session';

/**
 * Adds `scenario` to the open workshop whose current content is `content`
 * (writing the default scenarios first when it still uses them).
 */
export function addWorkshopScenario(content: WorkshopContent, scenario: WorkshopScenario): FieldErrors | null {
  return edit((doc) => addScenario(doc, defaultsOf(content), scenario));
}

/** Changes the name, kind or average deal size (workshop currency) of scenario `id`. */
export function editScenario(
  content: WorkshopContent,
  id: string,
  patch: Partial<Pick<WorkshopScenario, 'name' | 'kind' | 'averageDealSize'>>,
): FieldErrors | null {
  return edit((doc) => updateScenario(doc, defaultsOf(content), id, patch));
}

/** Overrides a stage's conversion rate (fraction 0..1) or average days in scenario `id`. */
export function editScenarioStage(
  content: WorkshopContent,
  id: string,
  stageId: string,
  patch: { conversionRate?: number; averageDays?: number },
): FieldErrors | null {
  return edit((doc) => updateScenarioStage(doc, defaultsOf(content), id, stageId, patch));
}

/** Removes scenario `id` (not the last one: `id: 'last'`). */
export function removeWorkshopScenario(content: WorkshopContent, id: string): FieldErrors | null {
  return edit((doc) => removeScenario(doc, defaultsOf(content), id));
}

/** Marks scenario `id` as the agreed one (what the SLA and the PDF use). */
export function agreeOnScenario(content: WorkshopContent, id: string): FieldErrors | null {
  return edit((doc) => setAgreedScenario(doc, defaultsOf(content), id));
}

/** Changes the plan inputs every scenario shares (start month, budget, sales reps, opportunities per rep). */
export function setPlanSettings(patch: Partial<PlanSettings>): FieldErrors | null {
  return edit((doc) => updatePlanSettings(doc, patch));
}

/**
 * Sets the workshop's targets (revenue target in the workshop currency,
 * average deal size, period in months).
 */
export function setTargets(patch: Partial<Targets>): FieldErrors | null {
  return edit((doc) => updateTargets(doc, patch));
}
