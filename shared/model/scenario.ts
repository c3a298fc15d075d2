/**
 * Scenarios: named sets of assumptions (rates and durations per stage,
 * targets) the teams keep side by side — conservative, base, stretch,
 * marketing's and sales' own, the CRM actuals, or any other. Plain data with
 * a zod schema (also the format of the `pacto plan` scenario file) and pure
 * helpers; ids come from the caller.
 *
 * Units: rates are fractions 0..1; durations are days; money is in the
 * workshop currency.
 */
import { z } from 'zod';
import { MAX_DAYS, MAX_PLAN_STAGES } from '../domain/bounds';
import {
  budgetSchema,
  daysSchema,
  positiveCountSchema,
  positiveMoneySchema,
  rateSchema,
  repsSchema,
  targetsSchema,
  SCENARIO_KINDS,
  type Funnel,
  type ScenarioKind,
} from '../domain/workshop';
import { ENGLISH_MESSAGES } from '../domain/zod-messages';
import { chainFromFunnel, type PlanStage } from './chain';

/** What a scenario stands for (defined with the workshop's stored scenarios). */
export { SCENARIO_KINDS, type ScenarioKind };

/**
 * One stage of a scenario, in funnel order. `conversionRate` (fraction 0..1)
 * and `averageDays` (days from entering this stage to entering the next) are
 * required on every stage but the last, where they are ignored.
 */
export const scenarioStageSchema = z.object({
  id: z.string().min(1, { message: 'required' }),
  name: z.string().trim().min(1, { message: 'required' }),
  conversionRate: rateSchema.optional(),
  averageDays: daysSchema.optional(),
});
export type ScenarioStage = z.infer<typeof scenarioStageSchema>;

/**
 * A scenario's targets: the workshop `Targets` (revenueTarget,
 * averageDealSize, periodMonths) plus optional inputs of the derived figures.
 */
export const scenarioTargetsSchema = targetsSchema.extend({
  /** Revenue to win over the period, in the currency, > 0 (a scenario always has one; the workshop's may be unset). */
  revenueTarget: positiveMoneySchema,
  /** Average won deal size (ACV), in the currency, > 0. */
  averageDealSize: positiveMoneySchema,
  /** First month of the period, `YYYY-MM`, to label the monthly plan. */
  startMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' })
    .optional(),
  /** Marketing and sales spend over the whole period, workshop currency, 0..`MAX_MONEY`: gives cost per stage and CAC. */
  budget: budgetSchema.optional(),
  /** Sales reps working opportunities, whole, 0..`MAX_COUNT`: with `opportunitiesPerRepPerMonth`, the capacity check. */
  salesReps: repsSchema.optional(),
  /** Opportunities one rep can work a month, > 0 and ≤ `MAX_COUNT`. */
  opportunitiesPerRepPerMonth: positiveCountSchema.optional(),
  /** Sales cycle length in days, > 0 and ≤ `MAX_DAYS`, if it differs from the opportunity stage's stage-to-close days. */
  salesCycleDays: z.number().gt(0, { message: 'days' }).max(MAX_DAYS, { message: 'days' }).optional(),
});
export type ScenarioTargets = z.infer<typeof scenarioTargetsSchema>;

/** A scenario. Every stage but the last must carry `conversionRate` and `averageDays`; stage ids are unique. */
export const scenarioSchema = z
  .object({
    id: z.string().min(1, { message: 'required' }),
    name: z.string().trim().min(1, { message: 'required' }),
    kind: z.enum(SCENARIO_KINDS),
    /** ISO 4217 code of the currency money is in; optional (the workshop's when embedded in one). */
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'currency' })
      .optional(),
    /** Stages in funnel order, first (e.g. lead) to last (customer); 2..`MAX_PLAN_STAGES` (50). */
    stages: z.array(scenarioStageSchema).min(2, { message: 'stages' }).max(MAX_PLAN_STAGES, { message: 'stages' }),
    targets: scenarioTargetsSchema,
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.stages.forEach((stage, i) => {
      if (seen.has(stage.id)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'id'], message: 'duplicate' });
      seen.add(stage.id);
      if (i === s.stages.length - 1) return;
      if (stage.conversionRate === undefined) ctx.addIssue({ code: 'custom', path: ['stages', i, 'conversionRate'], message: 'required' });
      if (stage.averageDays === undefined) ctx.addIssue({ code: 'custom', path: ['stages', i, 'averageDays'], message: 'required' });
    });
  });
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * Parses an unknown value (e.g. a scenario file's JSON) as a {@link Scenario}.
 * Returns the scenario, or one English line per problem: `stages.1.conversionRate: must be a fraction …`.
 */
export function parseScenario(value: unknown): { ok: true; scenario: Scenario } | { ok: false; errors: string[] } {
  const parsed = scenarioSchema.safeParse(value);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const where = issue.path.map(String).join('.') || '(scenario)';
      return `${where}: ${ENGLISH_MESSAGES[issue.message] ?? issue.message}`;
    }),
  };
}

/** The scenario's stages as a plan chain; the last stage gets rate and days 0. Call on a parsed scenario. */
export function scenarioChain(scenario: Scenario): PlanStage[] {
  return scenario.stages.map((s, i) => {
    const last = i === scenario.stages.length - 1;
    return { id: s.id, name: s.name, conversionRate: last ? 0 : (s.conversionRate ?? 0), averageDays: last ? 0 : (s.averageDays ?? 0) };
  });
}

/** What a new scenario needs besides its funnel and targets. */
export interface NewScenario {
  id: string;
  name: string;
  kind: ScenarioKind;
}

/**
 * A scenario whose rates and durations default from a workshop funnel (its
 * main path, e.g. the agreed funnel) and whose targets are the workshop's.
 * Fresh data: changing it never touches `funnel` or `targets`.
 */
export function createScenario(init: NewScenario, funnel: Funnel, targets: ScenarioTargets): Scenario {
  const chain = chainFromFunnel(funnel);
  return {
    id: init.id,
    name: init.name,
    kind: init.kind,
    stages: chain.map((s, i) =>
      i === chain.length - 1 ? { id: s.id, name: s.name } : { id: s.id, name: s.name, conversionRate: s.conversionRate, averageDays: s.averageDays },
    ),
    targets: { ...targets },
  };
}

/** A deep copy of `scenario` under a new id and name; kind `custom` unless given. */
export function copyScenario(scenario: Scenario, init: { id: string; name: string; kind?: ScenarioKind }): Scenario {
  return {
    ...structuredCopy(scenario),
    id: init.id,
    name: init.name,
    kind: init.kind ?? 'custom',
  };
}

/** The same scenario under a new name (trimmed); the original is unchanged. */
export function renameScenario(scenario: Scenario, name: string): Scenario {
  return { ...structuredCopy(scenario), name: name.trim() };
}

/** The scenario with one stage's rate and/or days replaced; the original is unchanged. Unknown ids leave it as it was. */
export function updateScenarioStage(scenario: Scenario, stageId: string, change: { conversionRate?: number; averageDays?: number }): Scenario {
  const copy = structuredCopy(scenario);
  copy.stages = copy.stages.map((s) => (s.id === stageId ? { ...s, ...change } : s));
  return copy;
}

function structuredCopy(s: Scenario): Scenario {
  return { ...s, stages: s.stages.map((st) => ({ ...st })), targets: { ...s.targets } };
}
