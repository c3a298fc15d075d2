/**
 * The workshop as a Yjs document: the one place that knows its layout.
 *
 * Layout (schema version {@link DOC_SCHEMA_VERSION}):
 * - `meta`: Y.Map of {@link WorkshopMeta} fields, plus `schemaVersion`.
 * - `participants`, `terms`: Y.Array of Y.Map, one map per item, fields as in the domain types.
 * - `funnels`: Y.Map `agreed | marketing | sales` → Y.Map { stages: Y.Array<Y.Map>, transitions: Y.Array<Y.Map> }.
 * - `sla`: Y.Map { intro: string, commitments: Y.Array<Y.Map> }.
 * - `targets`: Y.Map of {@link Targets} fields.
 *
 * Every mutation here is one Yjs transaction with origin {@link LOCAL_ORIGIN}
 * (the origin the undo manager tracks), and validates the item it writes
 * with the domain schema first: an invalid edit throws {@link InvalidEditError}
 * and leaves the document untouched.
 */
import * as Y from 'yjs';
import type { z } from 'zod';
import {
  commitmentSchema,
  funnelStageSchema,
  funnelTransitionSchema,
  participantSchema,
  targetsSchema,
  termSchema,
  validate,
  workshopContentSchema,
  workshopMetaSchema,
  FUNNEL_IDS,
  type Commitment,
  type FieldErrors,
  type Funnel,
  type FunnelId,
  type FunnelStage,
  type FunnelTransition,
  type Participant,
  type Targets,
  type Term,
  type WorkshopContent,
  type WorkshopMeta,
} from './workshop';

/** Version of the document layout above; bump with a migration in `migrateWorkshopDoc`. */
export const DOC_SCHEMA_VERSION = 1;

/** Transaction origin of the user's own edits; the undo manager tracks only this origin. */
export const LOCAL_ORIGIN = 'pacto:local';
/** Transaction origin of document creation and migrations; never undoable. */
export const INIT_ORIGIN = 'pacto:init';

/** Thrown when an edit would write invalid data. `errors` maps field paths to message keys. */
export class InvalidEditError extends Error {
  constructor(
    readonly errors: FieldErrors,
    what: string,
  ) {
    super(`Invalid ${what}: ${Object.entries(errors).map(([k, v]) => `${k || '(value)'} ${v}`).join(', ')}`);
    this.name = 'InvalidEditError';
  }
}

/** Thrown when an edit names an item the document does not have. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}

type ItemList = 'participants' | 'terms';

function toYMap(obj: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(obj)) map.set(key, value);
  return map;
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = validate(schema, value);
  if (!result.ok) throw new InvalidEditError(result.errors, what);
  return result.value;
}

function funnelMap(doc: Y.Doc, funnelId: FunnelId): Y.Map<unknown> {
  const funnels = doc.getMap<Y.Map<unknown>>('funnels');
  let funnel = funnels.get(funnelId);
  if (!funnel) {
    funnel = new Y.Map<unknown>();
    funnel.set('stages', new Y.Array<Y.Map<unknown>>());
    funnel.set('transitions', new Y.Array<Y.Map<unknown>>());
    funnels.set(funnelId, funnel);
  }
  return funnel;
}

function funnelArray(doc: Y.Doc, funnelId: FunnelId, part: 'stages' | 'transitions'): Y.Array<Y.Map<unknown>> {
  return funnelMap(doc, funnelId).get(part) as Y.Array<Y.Map<unknown>>;
}

function slaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('sla');
}

function commitmentsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  const sla = slaMap(doc);
  let arr = sla.get('commitments') as Y.Array<Y.Map<unknown>> | undefined;
  if (!arr) {
    arr = new Y.Array<Y.Map<unknown>>();
    sla.set('commitments', arr);
  }
  return arr;
}

function indexOfId(arr: Y.Array<Y.Map<unknown>>, id: string): number {
  return arr.toArray().findIndex((m) => m.get('id') === id);
}

function plain<T>(map: Y.Map<unknown>): T {
  return map.toJSON() as T;
}

/**
 * Writes `content` into an empty document in one transaction (origin {@link INIT_ORIGIN}).
 * Throws {@link InvalidEditError} if `content` is not valid workshop content.
 */
export function initWorkshopDoc(doc: Y.Doc, content: WorkshopContent): void {
  const value = checked(workshopContentSchema, content, 'workshop');
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    for (const [k, v] of Object.entries(value.meta)) meta.set(k, v);
    meta.set('schemaVersion', DOC_SCHEMA_VERSION);
    doc.getArray<Y.Map<unknown>>('participants').push(value.participants.map(toYMap));
    doc.getArray<Y.Map<unknown>>('terms').push(value.terms.map(toYMap));
    for (const fid of FUNNEL_IDS) {
      funnelArray(doc, fid, 'stages').push(value.funnels[fid].stages.map(toYMap));
      funnelArray(doc, fid, 'transitions').push(value.funnels[fid].transitions.map(toYMap));
    }
    slaMap(doc).set('intro', value.sla.intro);
    commitmentsArray(doc).push(value.sla.commitments.map(toYMap));
    const targets = doc.getMap<unknown>('targets');
    for (const [k, v] of Object.entries(value.targets)) targets.set(k, v);
  }, INIT_ORIGIN);
}

/** True once {@link initWorkshopDoc} has written the document. */
export function isInitialized(doc: Y.Doc): boolean {
  return doc.getMap('meta').has('schemaVersion');
}

/** Reads the whole document as plain {@link WorkshopContent} (a fresh copy; safe to keep). */
export function readWorkshop(doc: Y.Doc): WorkshopContent {
  const meta = doc.getMap<unknown>('meta').toJSON() as WorkshopMeta & { schemaVersion?: number };
  const { schemaVersion: _ignored, ...metaFields } = meta;
  const readFunnel = (fid: FunnelId): Funnel => ({
    stages: funnelArray(doc, fid, 'stages').toArray().map((m) => plain<FunnelStage>(m)),
    transitions: funnelArray(doc, fid, 'transitions').toArray().map((m) => plain<FunnelTransition>(m)),
  });
  const sla = slaMap(doc);
  return {
    meta: metaFields as WorkshopMeta,
    participants: doc.getArray<Y.Map<unknown>>('participants').toArray().map((m) => plain<Participant>(m)),
    terms: doc.getArray<Y.Map<unknown>>('terms').toArray().map((m) => plain<Term>(m)),
    funnels: { agreed: readFunnel('agreed'), marketing: readFunnel('marketing'), sales: readFunnel('sales') },
    sla: {
      intro: (sla.get('intro') as string | undefined) ?? '',
      commitments: commitmentsArray(doc).toArray().map((m) => plain<Commitment>(m)),
    },
    targets: doc.getMap<unknown>('targets').toJSON() as Targets,
  };
}

/** Updates workshop meta fields. Throws {@link InvalidEditError} on invalid values. */
export function updateMeta(doc: Y.Doc, patch: Partial<WorkshopMeta>): void {
  const meta = doc.getMap<unknown>('meta');
  const current = readWorkshop(doc).meta;
  const next = checked(workshopMetaSchema, { ...current, ...patch }, 'workshop details');
  doc.transact(() => {
    for (const key of Object.keys(patch) as (keyof WorkshopMeta)[]) meta.set(key, next[key]);
  }, LOCAL_ORIGIN);
}

/** Updates the revenue targets. Throws {@link InvalidEditError} on invalid values. */
export function updateTargets(doc: Y.Doc, patch: Partial<Targets>): void {
  const targets = doc.getMap<unknown>('targets');
  const next = checked(targetsSchema, { ...(targets.toJSON() as Targets), ...patch }, 'targets');
  doc.transact(() => {
    for (const key of Object.keys(patch) as (keyof Targets)[]) targets.set(key, next[key]);
  }, LOCAL_ORIGIN);
}

function listArray(doc: Y.Doc, list: ItemList): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(list);
}

function addItem<T extends { id: string }>(arr: Y.Array<Y.Map<unknown>>, schema: z.ZodType<T>, item: T, what: string): void {
  const value = checked(schema, item, what);
  arr.doc!.transact(() => arr.push([toYMap(value)]), LOCAL_ORIGIN);
}

function updateItem<T extends { id: string }>(
  arr: Y.Array<Y.Map<unknown>>,
  schema: z.ZodType<T>,
  id: string,
  patch: Partial<Omit<T, 'id'>>,
  what: string,
): void {
  const index = indexOfId(arr, id);
  if (index < 0) throw new NotFoundError(what, id);
  const map = arr.get(index);
  const next = checked(schema, { ...plain<T>(map), ...patch, id }, what);
  arr.doc!.transact(() => {
    for (const key of Object.keys(patch)) {
      const value = (next as Record<string, unknown>)[key];
      if (map.get(key) !== value) map.set(key, value);
    }
  }, LOCAL_ORIGIN);
}

function removeItem(arr: Y.Array<Y.Map<unknown>>, id: string, what: string): void {
  const index = indexOfId(arr, id);
  if (index < 0) throw new NotFoundError(what, id);
  arr.doc!.transact(() => arr.delete(index, 1), LOCAL_ORIGIN);
}

/** Adds a participant at the end of the list. Throws {@link InvalidEditError}. */
export function addParticipant(doc: Y.Doc, participant: Participant): void {
  addItem(listArray(doc, 'participants'), participantSchema, participant, 'participant');
}
/** Changes fields of participant `id`. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function updateParticipant(doc: Y.Doc, id: string, patch: Partial<Omit<Participant, 'id'>>): void {
  updateItem(listArray(doc, 'participants'), participantSchema, id, patch, 'participant');
}
/** Removes participant `id`. Throws {@link NotFoundError}. */
export function removeParticipant(doc: Y.Doc, id: string): void {
  removeItem(listArray(doc, 'participants'), id, 'participant');
}

/** Adds a glossary term at the end. Throws {@link InvalidEditError}. */
export function addTerm(doc: Y.Doc, term: Term): void {
  addItem(listArray(doc, 'terms'), termSchema, term, 'term');
}
/** Changes fields of term `id`. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function updateTerm(doc: Y.Doc, id: string, patch: Partial<Omit<Term, 'id'>>): void {
  updateItem(listArray(doc, 'terms'), termSchema, id, patch, 'term');
}
/** Removes term `id` and unlinks it from every funnel stage, in one transaction. Throws {@link NotFoundError}. */
export function removeTerm(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    removeItem(listArray(doc, 'terms'), id, 'term');
    for (const fid of FUNNEL_IDS) {
      for (const stage of funnelArray(doc, fid, 'stages').toArray()) {
        if (stage.get('termId') === id) stage.set('termId', null);
      }
    }
  }, LOCAL_ORIGIN);
}

/** Adds a stage to funnel `funnelId`. Throws {@link InvalidEditError}. */
export function addStage(doc: Y.Doc, funnelId: FunnelId, stage: FunnelStage): void {
  addItem(funnelArray(doc, funnelId, 'stages'), funnelStageSchema, stage, 'stage');
}
/** Changes fields of stage `id` of funnel `funnelId`. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function updateStage(doc: Y.Doc, funnelId: FunnelId, id: string, patch: Partial<Omit<FunnelStage, 'id'>>): void {
  updateItem(funnelArray(doc, funnelId, 'stages'), funnelStageSchema, id, patch, 'stage');
}
/** Removes stage `id` and every transition touching it, in one transaction. Throws {@link NotFoundError}. */
export function removeStage(doc: Y.Doc, funnelId: FunnelId, id: string): void {
  doc.transact(() => {
    removeItem(funnelArray(doc, funnelId, 'stages'), id, 'stage');
    const transitions = funnelArray(doc, funnelId, 'transitions');
    for (let i = transitions.length - 1; i >= 0; i--) {
      const t = transitions.get(i);
      if (t.get('source') === id || t.get('target') === id) transitions.delete(i, 1);
    }
  }, LOCAL_ORIGIN);
}
/** Adds a transition between two existing stages. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function addTransition(doc: Y.Doc, funnelId: FunnelId, transition: FunnelTransition): void {
  const stages = funnelArray(doc, funnelId, 'stages');
  for (const end of [transition.source, transition.target]) {
    if (indexOfId(stages, end) < 0) throw new NotFoundError('stage', end);
  }
  addItem(funnelArray(doc, funnelId, 'transitions'), funnelTransitionSchema, transition, 'transition');
}
/** Changes fields of transition `id`. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function updateTransition(
  doc: Y.Doc,
  funnelId: FunnelId,
  id: string,
  patch: Partial<Omit<FunnelTransition, 'id'>>,
): void {
  updateItem(funnelArray(doc, funnelId, 'transitions'), funnelTransitionSchema, id, patch, 'transition');
}
/** Removes transition `id`. Throws {@link NotFoundError}. */
export function removeTransition(doc: Y.Doc, funnelId: FunnelId, id: string): void {
  removeItem(funnelArray(doc, funnelId, 'transitions'), id, 'transition');
}

/** Replaces the SLA's introduction (purpose and scope), plain text. */
export function setSlaIntro(doc: Y.Doc, intro: string): void {
  doc.transact(() => slaMap(doc).set('intro', intro), LOCAL_ORIGIN);
}
/** Adds an SLA commitment. Throws {@link InvalidEditError}. */
export function addCommitment(doc: Y.Doc, commitment: Commitment): void {
  addItem(commitmentsArray(doc), commitmentSchema, commitment, 'commitment');
}
/** Changes fields of commitment `id`. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function updateCommitment(doc: Y.Doc, id: string, patch: Partial<Omit<Commitment, 'id'>>): void {
  updateItem(commitmentsArray(doc), commitmentSchema, id, patch, 'commitment');
}
/** Removes commitment `id`. Throws {@link NotFoundError}. */
export function removeCommitment(doc: Y.Doc, id: string): void {
  removeItem(commitmentsArray(doc), id, 'commitment');
}

/**
 * Brings a document written by an older layout up to {@link DOC_SCHEMA_VERSION}.
 * Version 1 is the first layout, so there is nothing to migrate yet; a later
 * layout adds a step here (origin {@link INIT_ORIGIN}) with a test from a frozen v1 fixture.
 * Throws if the document is newer than this build understands (never downgrade data).
 */
export function migrateWorkshopDoc(doc: Y.Doc): void {
  const version = doc.getMap('meta').get('schemaVersion');
  if (typeof version !== 'number') return;
  if (version > DOC_SCHEMA_VERSION) {
    throw new Error(`Workshop document schema ${version} is newer than this Pacto (${DOC_SCHEMA_VERSION}); update Pacto.`);
  }
}

/**
 * The stages of a funnel along its main path, in order, each with the
 * transition to the next stage on that path (`null` for the last).
 *
 * The main path starts at the entry stage (the first stage, in list order,
 * that no non-recycle transition enters) and follows, from each stage, its
 * first non-recycle outgoing transition to a stage not yet on the path with
 * the highest conversion rate. Stages off the path (disqualified, recycled)
 * are left out. Returns `[]` for a funnel without stages.
 */
export function mainPath(funnel: Funnel): { stage: FunnelStage; next: FunnelTransition | null }[] {
  const forward = funnel.transitions.filter((t) => !t.recycle);
  const entered = new Set(forward.map((t) => t.target));
  const entry = funnel.stages.find((s) => !entered.has(s.id)) ?? funnel.stages[0];
  if (!entry) return [];
  const byId = new Map(funnel.stages.map((s) => [s.id, s]));
  const path: { stage: FunnelStage; next: FunnelTransition | null }[] = [];
  const seen = new Set<string>();
  let current: FunnelStage | undefined = entry;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const from: string = current.id;
    const candidates = forward
      .filter((t) => t.source === from && byId.has(t.target) && !seen.has(t.target))
      .sort((a, b) => b.conversionRate - a.conversionRate);
    const next = candidates[0] ?? null;
    path.push({ stage: current, next });
    current = next ? byId.get(next.target) : undefined;
  }
  return path;
}
