/**
 * Where an agreement would contradict itself: figures the workshop states in
 * two places that do not say the same. The freeze gate lists each one as an
 * open item (beside the terms and clauses not yet agreed), the sign screen
 * and the printed agreement name them.
 *
 * - `sla-volume`: a commitment linked to the targets model (`source:
 *   'model-mqls'`) promises another number of MQLs a month than the agreed
 *   scenario needs (`modelMqlsPerMonth`).
 * - `scenario-differs`: the agreed scenario assumes other rates or days than
 *   the agreed funnel shows for the same arrows (the funnel pages and the
 *   targets page would print two figures for one arrow).
 * - `rates-over-100`: a stage's outgoing arrows (branches and recycle loops
 *   included) send more than 100 % of its records onwards.
 * - `plan-unavailable`: the agreed scenario cannot be planned (e.g. a rate of
 *   0 on the main path), so the targets and the SLA volume have no figure.
 *
 * Pure. Units: rates are fractions 0..1, days are days, volumes are records.
 */
import { z } from 'zod';
import type { WorkshopContent } from '../domain/workshop';
import { chainFromFunnel } from '../model/chain';
import { agreedScenarioId, agreedScenarioPlan, workshopScenarios } from '../model/workshop-scenarios';
import { modelLinkState } from '../sla/model-link';

/** Kinds of inconsistency, in the order the gate lists them. */
export const INCONSISTENCY_KINDS = ['sla-volume', 'scenario-differs', 'rates-over-100', 'rate-missing', 'plan-unavailable'] as const;
export type InconsistencyKind = (typeof INCONSISTENCY_KINDS)[number];

/** One arrow where the agreed scenario and the agreed funnel differ (`rate` fractions, `days` days; null = the same). */
export const scenarioDifferenceSchema = z.object({
  /** "MQL→SAL", stage names of the agreed funnel. */
  label: z.string(),
  funnelRate: z.number().nullable(),
  scenarioRate: z.number().nullable(),
  funnelDays: z.number().nullable(),
  scenarioDays: z.number().nullable(),
});
export type ScenarioDifference = z.infer<typeof scenarioDifferenceSchema>;

/**
 * One inconsistency, with the figures needed to say it in any language.
 * `id` is stable for the same finding (`sla-volume:<commitment id>`,
 * `scenario-differs:<scenario id>`, `rates-over-100:<stage id>`, `rate-missing:<transition id>`,
 * `plan-unavailable`); `target` names what to open to fix it.
 */
export const inconsistencySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sla-volume'),
    id: z.string(),
    target: z.object({ kind: z.literal('commitment'), id: z.string() }),
    /** The commitment's wording. */
    label: z.string(),
    /** MQLs a month the SLA promises. */
    committed: z.number(),
    /** MQLs a month the agreed scenario needs (whole records, rounded up). */
    needed: z.number(),
  }),
  z.object({
    kind: z.literal('scenario-differs'),
    id: z.string(),
    target: z.object({ kind: z.literal('scenario'), id: z.string() }),
    /** The agreed scenario's name. */
    label: z.string(),
    differences: z.array(scenarioDifferenceSchema).min(1),
  }),
  z.object({
    kind: z.literal('rates-over-100'),
    id: z.string(),
    target: z.object({ kind: z.literal('stage'), id: z.string() }),
    /** The stage's name. */
    label: z.string(),
    /** Sum of its outgoing rates, fraction (> 1). */
    total: z.number(),
  }),
  z.object({
    kind: z.literal('rate-missing'),
    id: z.string(),
    /** The arrow's source stage (the canvas selects it; the arrow is in its side panel). */
    target: z.object({ kind: z.literal('stage'), id: z.string() }),
    /** "Source → Target" by the stages' names. */
    label: z.string(),
  }),
  z.object({
    kind: z.literal('plan-unavailable'),
    id: z.string(),
    target: z.object({ kind: z.literal('scenario'), id: z.string() }),
    /** The agreed scenario's name. */
    label: z.string(),
    /** The model's reason, in English (for the record; screens say it in their own words). */
    reason: z.string(),
  }),
]);
/** A figure the agreement would state twice with two values (or could not state). */
export type Inconsistency = z.infer<typeof inconsistencySchema>;

/** Rates closer than this (0.005 percentage point) print the same and count as equal. */
const RATE_EPSILON = 0.000_05;
/** Days closer than this print the same (one decimal) and count as equal. */
const DAYS_EPSILON = 0.05;

/**
 * Every inconsistency of `content`, in {@link INCONSISTENCY_KINDS} order and,
 * within a kind, in document order. Empty when the agreement says each
 * figure once.
 */
export function agreementInconsistencies(content: WorkshopContent): Inconsistency[] {
  const out: Inconsistency[] = [];
  for (const c of content.sla.commitments) {
    const link = modelLinkState(c, content);
    if (link.status === 'out-of-date') {
      out.push({
        kind: 'sla-volume',
        id: `sla-volume:${c.id}`,
        target: { kind: 'commitment', id: c.id },
        label: c.commitment,
        committed: c.target,
        needed: link.value,
      });
    }
  }
  const agreedId = agreedScenarioId(content);
  const scenario = workshopScenarios(content).find((s) => s.id === agreedId)!;
  const chain = chainFromFunnel(content.funnels.agreed);
  const differences: ScenarioDifference[] = [];
  chain.slice(0, -1).forEach((s, i) => {
    const o = scenario.stages[s.id];
    if (!o) return;
    const rateDiffers = o.conversionRate !== undefined && Math.abs(o.conversionRate - s.conversionRate) > RATE_EPSILON;
    const daysDiffers = o.averageDays !== undefined && Math.abs(o.averageDays - s.averageDays) >= DAYS_EPSILON;
    if (!rateDiffers && !daysDiffers) return;
    differences.push({
      label: `${s.name}→${chain[i + 1]!.name}`,
      funnelRate: rateDiffers ? s.conversionRate : null,
      scenarioRate: rateDiffers ? o.conversionRate! : null,
      funnelDays: daysDiffers ? s.averageDays : null,
      scenarioDays: daysDiffers ? o.averageDays! : null,
    });
  });
  if (differences.length > 0) {
    out.push({
      kind: 'scenario-differs',
      id: `scenario-differs:${scenario.id}`,
      target: { kind: 'scenario', id: scenario.id },
      label: scenario.name,
      differences,
    });
  }
  for (const stage of content.funnels.agreed.stages) {
    const total = content.funnels.agreed.transitions.filter((t) => t.source === stage.id).reduce((sum, t) => sum + t.conversionRate, 0);
    if (total > 1 + RATE_EPSILON)
      out.push({ kind: 'rates-over-100', id: `rates-over-100:${stage.id}`, target: { kind: 'stage', id: stage.id }, label: stage.name, total });
  }
  // An arrow drawn but never given a rate: its placeholder 0 % is not a figure anybody agreed.
  const nameOf = new Map(content.funnels.agreed.stages.map((s) => [s.id, s.name]));
  for (const t of content.funnels.agreed.transitions) {
    if (!t.rateMissing) continue;
    out.push({
      kind: 'rate-missing',
      id: `rate-missing:${t.id}`,
      target: { kind: 'stage', id: t.source },
      label: `${nameOf.get(t.source) ?? t.source} → ${nameOf.get(t.target) ?? t.target}`,
    });
  }
  if (chain.length >= 2) {
    const plan = agreedScenarioPlan(content);
    if (!plan.ok)
      out.push({ kind: 'plan-unavailable', id: 'plan-unavailable', target: { kind: 'scenario', id: scenario.id }, label: scenario.name, reason: plan.message });
  }
  return out;
}
