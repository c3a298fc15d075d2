/**
 * The workshop's scenarios as a part of its Yjs document: a top-level
 * `scenarios` Y.Map added after layout v1, so an older document simply lacks
 * it and reads as {@link EMPTY_SCENARIO_SET} (the default scenarios derived
 * from the agreed funnel).
 *
 * Layout of the `scenarios` Y.Map:
 * - `items`: Y.Array of Y.Map { id, name, kind, averageDealSize?, measured? (plain JSON), stages: Y.Map stageId → Y.Map { conversionRate?, averageDays? } }
 * - `agreedId`, `startMonth`, `budget`, `salesReps`, `opportunitiesPerRepPerMonth`: plain values (absent = null)
 *
 * Mutations are single transactions with origin {@link LOCAL_ORIGIN} (so undo
 * covers them) and validate with the domain schemas first: invalid input
 * throws {@link InvalidEditError} and writes nothing. A workshop whose
 * scenarios are still the defaults gets them written (`defaults`, computed by
 * the caller from the agreed funnel, e.g. `defaultScenarios` in
 * shared/model/workshop-scenarios.ts) in the same transaction as the first edit.
 */
import * as Y from 'yjs';
import {
  scenarioSetSchema,
  scenarioStageOverrideSchema,
  workshopScenarioSchema,
  EMPTY_SCENARIO_SET,
  type ScenarioSet,
  type ScenarioStageOverride,
  type WorkshopScenario,
} from './workshop';
import { checked, InvalidEditError, LOCAL_ORIGIN, NotFoundError } from './doc-edit';
import { isRecord, repairItem, repairList, type ReadProblem } from './repair';

const PART = 'scenarios';
/** Plan inputs shared by every scenario, stored as plain values in the part's map. */
export type PlanSettings = Omit<ScenarioSet, 'items' | 'agreedId'>;
const SETTING_KEYS = ['startMonth', 'budget', 'salesReps', 'opportunitiesPerRepPerMonth'] as const;

function part(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PART);
}

function itemsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> | undefined {
  const items = part(doc).get('items');
  return items instanceof Y.Array ? (items as Y.Array<Y.Map<unknown>>) : undefined;
}

function readItem(map: Y.Map<unknown>): WorkshopScenario {
  if (!(map instanceof Y.Map)) return map as never;
  const stagesMap = map.get('stages');
  const stages: Record<string, ScenarioStageOverride> = {};
  if (stagesMap instanceof Y.Map) {
    stagesMap.forEach((v: unknown, k: string) => {
      stages[k] = (v instanceof Y.Map ? v.toJSON() : v) as ScenarioStageOverride;
    });
  }
  const item: WorkshopScenario = { id: map.get('id') as string, name: map.get('name') as string, kind: map.get('kind') as WorkshopScenario['kind'], stages };
  const size = map.get('averageDealSize');
  if (typeof size === 'number') item.averageDealSize = size;
  const measured = map.get('measured');
  if (measured && typeof measured === 'object') item.measured = structuredClone(measured) as NonNullable<WorkshopScenario['measured']>;
  return item;
}

function toItemMap(s: WorkshopScenario): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('id', s.id);
  map.set('name', s.name);
  map.set('kind', s.kind);
  if (s.averageDealSize !== undefined) map.set('averageDealSize', s.averageDealSize);
  if (s.measured !== undefined) map.set('measured', structuredClone(s.measured));
  const stages = new Y.Map<Y.Map<unknown>>();
  for (const [stageId, o] of Object.entries(s.stages)) stages.set(stageId, overrideMap(o));
  map.set('stages', stages);
  return map;
}

function overrideMap(o: ScenarioStageOverride): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  if (o.conversionRate !== undefined) m.set('conversionRate', o.conversionRate);
  if (o.averageDays !== undefined) m.set('averageDays', o.averageDays);
  return m;
}

/**
 * Reads the scenarios part as plain data (a fresh copy). An absent part, or
 * one without items, reads as {@link EMPTY_SCENARIO_SET}'s defaults.
 */
export function readScenarioSet(doc: Y.Doc): ScenarioSet {
  const map = part(doc);
  const value = (key: string) => (map.has(key) ? (map.get(key) as never) : null);
  return {
    items: (itemsArray(doc)?.toArray() ?? []).map(readItem),
    agreedId: value('agreedId'),
    startMonth: value('startMonth'),
    budget: value('budget'),
    salesReps: value('salesReps'),
    opportunitiesPerRepPerMonth: value('opportunitiesPerRepPerMonth'),
  };
}

const SCENARIO_DEFAULTS = { name: '—', kind: 'custom', stages: {}, averageDealSize: 'omit', measured: 'omit' };
const OVERRIDE_DEFAULTS = { conversionRate: 'omit', averageDays: 'omit' };
const settingsSchema = scenarioSetSchema.omit({ items: true });
const SETTINGS_DEFAULTS = { agreedId: null, startMonth: null, budget: null, salesReps: null, opportunitiesPerRepPerMonth: null };

/**
 * {@link readScenarioSet} for a possibly damaged document: each scenario,
 * each stage override and each plan input repaired or left out (see
 * `./repair.ts`), what was done appended to `problems`.
 */
export function readScenarioSetChecked(doc: Y.Doc, problems: ReadProblem[]): ScenarioSet {
  const raw = readScenarioSet(doc);
  const items = repairList(
    workshopScenarioSchema,
    raw.items.map((item, i) => {
      if (!isRecord(item) || !isRecord(item.stages)) return item;
      const stages: Record<string, ScenarioStageOverride> = {};
      for (const [k, o] of Object.entries(item.stages)) {
        const fixed = repairItem(scenarioStageOverrideSchema, o, `scenarios.items.${i}.stages.${k}`, OVERRIDE_DEFAULTS, problems);
        if (fixed) stages[k] = fixed;
      }
      return { ...item, stages };
    }),
    'scenarios.items',
    SCENARIO_DEFAULTS,
    problems,
  );
  const { items: _items, ...settings } = raw;
  const fixed = repairItem(settingsSchema, settings, 'scenarios', SETTINGS_DEFAULTS, problems) ?? { ...SETTINGS_DEFAULTS };
  return { items, ...fixed };
}

/** True when the document has a scenarios part at all (any scenario or plan input written). */
export function hasScenarioPart(doc: Y.Doc): boolean {
  return part(doc).size > 0;
}

/** True when the document has no scenarios of its own yet (the defaults apply). */
export function usesDefaultScenarios(doc: Y.Doc): boolean {
  return (itemsArray(doc)?.length ?? 0) === 0;
}

function checkedItem(value: unknown): WorkshopScenario {
  return checked(workshopScenarioSchema, value, 'scenario');
}

/** Writes `defaults` when the document has no scenarios yet; returns the items array. Call inside a transaction. */
function materialize(doc: Y.Doc, defaults: readonly WorkshopScenario[]): Y.Array<Y.Map<unknown>> {
  let arr = itemsArray(doc);
  if (!arr) {
    arr = new Y.Array<Y.Map<unknown>>();
    part(doc).set('items', arr);
  }
  if (arr.length === 0) arr.push(defaults.map((d) => toItemMap(checkedItem(d))));
  return arr;
}

/** The scenarios as they are now: the document's, or `defaults` when it has none yet. */
function itemsNow(doc: Y.Doc, defaults: readonly WorkshopScenario[]): WorkshopScenario[] {
  return usesDefaultScenarios(doc) ? defaults.map((d) => ({ ...d, stages: { ...d.stages } })) : readScenarioSet(doc).items;
}

/** Checks that scenario `id` exists (among the defaults too) before anything is written. */
function mustExist(doc: Y.Doc, defaults: readonly WorkshopScenario[], id: string): WorkshopScenario[] {
  const items = itemsNow(doc, defaults);
  if (!items.some((s) => s.id === id)) throw new NotFoundError('scenario', id);
  return items;
}

function findIndex(arr: Y.Array<Y.Map<unknown>>, id: string): number {
  return arr.toArray().findIndex((m) => m.get('id') === id);
}

/**
 * Writes a whole scenario set into a document in one transaction (origin
 * `origin`, e.g. INIT_ORIGIN when creating a workshop). Nothing is written for
 * {@link EMPTY_SCENARIO_SET}, so such a document reads as the defaults.
 * @throws InvalidEditError when `set` is not a valid scenario set
 */
export function writeScenarioSet(doc: Y.Doc, set: ScenarioSet, origin: unknown): void {
  const value = checked(scenarioSetSchema, set, 'scenarios');
  doc.transact(() => {
    const map = part(doc);
    if (value.items.length > 0) {
      const arr = new Y.Array<Y.Map<unknown>>();
      arr.push(value.items.map(toItemMap));
      map.set('items', arr);
    }
    if (value.agreedId !== null) map.set('agreedId', value.agreedId);
    for (const key of SETTING_KEYS) if (value[key] !== null) map.set(key, value[key]);
  }, origin);
}

/**
 * Adds a scenario at the end (after writing `defaults` if the workshop still
 * uses them). Throws {@link InvalidEditError} when invalid or when its id is taken.
 */
export function addScenario(doc: Y.Doc, defaults: readonly WorkshopScenario[], scenario: WorkshopScenario): void {
  const value = checkedItem(scenario);
  if (itemsNow(doc, defaults).some((s) => s.id === value.id)) throw new InvalidEditError({ id: 'duplicate' }, 'scenario');
  doc.transact(() => {
    const arr = materialize(doc, defaults);
    arr.push([toItemMap(value)]);
  }, LOCAL_ORIGIN);
}

/**
 * Changes a scenario's name, kind or average deal size (`averageDealSize: null` returns it to the workshop's).
 * Throws {@link InvalidEditError} (e.g. `name: required`) or {@link NotFoundError}.
 */
export function updateScenario(
  doc: Y.Doc,
  defaults: readonly WorkshopScenario[],
  id: string,
  patch: { name?: string; kind?: WorkshopScenario['kind']; averageDealSize?: number | null },
): void {
  const current = mustExist(doc, defaults, id).find((s) => s.id === id)!;
  const { averageDealSize, ...rest } = patch;
  const next = checkedItem({
    ...current,
    ...rest,
    averageDealSize: averageDealSize === null ? undefined : (averageDealSize ?? current.averageDealSize),
  });
  doc.transact(() => {
    const arr = materialize(doc, defaults);
    const map = arr.get(findIndex(arr, id));
    if (rest.name !== undefined) map.set('name', next.name);
    if (rest.kind !== undefined) map.set('kind', next.kind);
    if (averageDealSize === null) map.delete('averageDealSize');
    else if (averageDealSize !== undefined) map.set('averageDealSize', next.averageDealSize);
  }, LOCAL_ORIGIN);
}

/**
 * Sets the rate (fraction 0..1) and/or days one scenario assumes from stage
 * `stageId` of the agreed funnel. Throws {@link InvalidEditError}
 * (`conversionRate: rate`, `averageDays: days`) or {@link NotFoundError}.
 */
export function updateScenarioStage(doc: Y.Doc, defaults: readonly WorkshopScenario[], id: string, stageId: string, patch: ScenarioStageOverride): void {
  const override = checked(scenarioStageOverrideSchema, patch, 'scenario stage');
  mustExist(doc, defaults, id);
  doc.transact(() => {
    const arr = materialize(doc, defaults);
    const stages = arr.get(findIndex(arr, id)).get('stages') as Y.Map<Y.Map<unknown>>;
    let stage = stages.get(stageId);
    if (!stage) {
      stage = new Y.Map<unknown>();
      stages.set(stageId, stage);
    }
    for (const [k, v] of Object.entries(override)) if (v !== undefined) stage.set(k, v);
  }, LOCAL_ORIGIN);
}

/**
 * Removes scenario `id`. The last scenario cannot be removed (`id: last`).
 * When it was the agreed one, the first remaining scenario becomes agreed.
 * Throws {@link InvalidEditError} or {@link NotFoundError}.
 */
export function removeScenario(doc: Y.Doc, defaults: readonly WorkshopScenario[], id: string): void {
  if (mustExist(doc, defaults, id).length === 1) throw new InvalidEditError({ id: 'last' }, 'scenario');
  doc.transact(() => {
    const arr = materialize(doc, defaults);
    arr.delete(findIndex(arr, id), 1);
    const map = part(doc);
    if (map.get('agreedId') === id) map.set('agreedId', arr.get(0).get('id'));
  }, LOCAL_ORIGIN);
}

/** Marks scenario `id` as the agreed one (what the SLA and the PDF use). Throws {@link NotFoundError}. */
export function setAgreedScenario(doc: Y.Doc, defaults: readonly WorkshopScenario[], id: string): void {
  mustExist(doc, defaults, id);
  doc.transact(() => {
    materialize(doc, defaults);
    part(doc).set('agreedId', id);
  }, LOCAL_ORIGIN);
}

/**
 * Changes the plan inputs every scenario shares: start month, budget (workshop
 * currency), sales reps, opportunities per rep per month; `null` clears one.
 * Throws {@link InvalidEditError} (e.g. `budget: budget`) and writes nothing.
 */
export function updatePlanSettings(doc: Y.Doc, patch: Partial<PlanSettings>): void {
  const current = readScenarioSet(doc);
  const next = checked(scenarioSetSchema, { ...current, ...patch }, 'plan settings');
  doc.transact(() => {
    const map = part(doc);
    for (const key of SETTING_KEYS) {
      if (!(key in patch)) continue;
      const v = next[key];
      if (v === null) map.delete(key);
      else map.set(key, v);
    }
  }, LOCAL_ORIGIN);
}

export { EMPTY_SCENARIO_SET };
