/**
 * The workshop as a Yjs document: the one place that knows its layout.
 *
 * Layout (schema version {@link DOC_SCHEMA_VERSION}):
 * - `meta`: Y.Map of {@link WorkshopMeta} fields, plus `schemaVersion`.
 * - `participants`, `terms`: Y.Array of Y.Map, one map per item, fields as in the domain types;
 *   a term's rich-text fields ({@link RICH_TERM_FIELDS}) are Y.XmlFragment (v2; strings in v1).
 * - `funnels`: Y.Map `agreed | marketing | sales` → Y.Map { stages: Y.Array<Y.Map>, transitions: Y.Array<Y.Map> }.
 * - `sla`: Y.Map { intro: Y.XmlFragment (v2; string in v1), commitments: Y.Array<Y.Map>,
 *   sections?: Y.Map<SlaSectionKey, Y.XmlFragment> }.
 * Rich text is laid out as TipTap's collaboration binding writes it (see `rich-text.ts`).
 * - `targets`: Y.Map of {@link Targets} fields.
 * - `scenarios`: Y.Map added later, absent in older documents (see `./scenarios-doc.ts`).
 * - `facilitation`: Y.Map added later, absent in older documents (see `../facilitation/facilitation-doc.ts`).
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
  funnelSchema,
  funnelStageSchema,
  funnelTransitionSchema,
  participantSchema,
  targetsSchema,
  termSchema,
  workshopContentSchema,
  workshopMetaSchema,
  metaLengthErrors,
  FUNNEL_IDS,
  SLA_SECTION_KEYS,
  type Commitment,
  type Funnel,
  type FunnelId,
  type FunnelStage,
  type FunnelTransition,
  type Participant,
  type Targets,
  type Term,
  type WorkshopContent,
  type WorkshopMeta,
  type SlaSectionKey,
  type Sla,
} from './workshop';
import { richTextSchema, type RichText } from './rich-text';
import { readRichText, richTextFragment, writeRichText } from './rich-text-doc';
import { hasScenarioPart, readScenarioSetChecked, writeScenarioSet } from './scenarios-doc';
import { repairItem, repairList, type ReadProblem } from './repair';
import { checked, INIT_ORIGIN, InvalidEditError, LOCAL_ORIGIN, NotFoundError } from './doc-edit';
import { MAX_TERM_NAME_CHARS } from './bounds';

/** Version of the document layout above; bump with a step in `DOC_MIGRATIONS` (`./migrations.ts`). */
export const DOC_SCHEMA_VERSION = 2;

/** A term's rich-text fields: Y.XmlFragment in the document (since layout 2), {@link RichText} in the snapshot. */
export const RICH_TERM_FIELDS = ['definition', 'entryCriteria', 'exitCriteria', 'examples'] as const;
export type RichTermField = (typeof RICH_TERM_FIELDS)[number];

const isRichTermField = (key: string): key is RichTermField => (RICH_TERM_FIELDS as readonly string[]).includes(key);

/** A term as a Y.Map: plain fields as values, rich-text fields as fragments (absent optional fields left out). */
function termToYMap(term: Term): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(term)) {
    if (value === undefined) continue;
    map.set(key, isRichTermField(key) ? richTextFragment(value as RichText) : value);
  }
  return map;
}

/**
 * A term map as plain data, rich-text fields in normal form (see `rich-text.ts`).
 * An empty `examples` is left out, as in documents written before it existed:
 * an editor opening the field (which creates its fragment) changes nothing
 * in the snapshot, its fingerprint or approvals.
 */
function readTerm(map: Y.Map<unknown>): Term {
  if (!(map instanceof Y.Map)) return map as never;
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (!isRichTermField(key)) out[key] = value;
    else if (key !== 'examples' || readRichText(value) !== '') out[key] = readRichText(value);
  }
  return out as Term;
}

/**
 * Sets rich-text field `key` of `map` to `value`: writes into the field's
 * fragment when it has one (an editor bound to it stays bound), else puts a
 * new fragment there. Call inside a transaction.
 */
function setRichField(map: Y.Map<unknown>, key: string, value: RichText): void {
  const current = map.get(key);
  if (current instanceof Y.XmlFragment) {
    if (readRichText(current) !== value || typeof value !== 'string') writeRichText(current, value);
  } else {
    map.set(key, richTextFragment(value));
  }
}

/**
 * The fragment holding rich-text field `key` of the map `map` (a term, the
 * SLA, the SLA's sections), for an editor to bind to; creates it (from the
 * old string value, origin {@link INIT_ORIGIN}, not undoable) when the field
 * is absent or still a string.
 */
function richFragment(map: Y.Map<unknown>, key: string): Y.XmlFragment {
  const current = map.get(key);
  if (current instanceof Y.XmlFragment) return current;
  const fragment = richTextFragment(typeof current === 'string' ? current : '');
  map.doc!.transact(() => map.set(key, fragment), INIT_ORIGIN);
  return fragment;
}

export { INIT_ORIGIN, InvalidEditError, LOCAL_ORIGIN, NotFoundError } from './doc-edit';

type ItemList = 'participants' | 'terms';

function toYMap(obj: object): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  // Optional fields left out (undefined) are not written: readers take their default.
  for (const [key, value] of Object.entries(obj)) if (value !== undefined) map.set(key, value);
  return map;
}

function funnelMap(doc: Y.Doc, funnelId: FunnelId): Y.Map<unknown> {
  const funnels = doc.getMap<Y.Map<unknown>>('funnels');
  let funnel = funnels.get(funnelId);
  if (!(funnel instanceof Y.Map)) {
    funnel = new Y.Map<unknown>();
    funnel.set('stages', new Y.Array<Y.Map<unknown>>());
    funnel.set('transitions', new Y.Array<Y.Map<unknown>>());
    funnels.set(funnelId, funnel);
  }
  return funnel;
}

function funnelArray(doc: Y.Doc, funnelId: FunnelId, part: 'stages' | 'transitions'): Y.Array<Y.Map<unknown>> {
  const funnel = funnelMap(doc, funnelId);
  const arr = funnel.get(part);
  if (arr instanceof Y.Array) return arr as Y.Array<Y.Map<unknown>>;
  // A damaged document (the list missing or of another type): the first edit puts an empty list there.
  const fresh = new Y.Array<Y.Map<unknown>>();
  funnel.set(part, fresh);
  return fresh;
}

/**
 * The items of `value` when it is a Y.Array, as plain data (a Y.Map item as
 * its JSON, anything else as it is); undefined when absent; `value` itself
 * (not a list: `repairList` reads it as [] and lists the problem) otherwise.
 */
function plainItems(value: unknown): unknown {
  if (!(value instanceof Y.Array)) return value;
  return value.toArray().map((m: unknown) => (m instanceof Y.AbstractType ? (m.toJSON() as unknown) : m));
}

function slaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('sla');
}

/** The SLA's written sections (Y.Map key → Y.XmlFragment), created empty when absent. */
function sectionsMap(doc: Y.Doc): Y.Map<unknown> {
  const sla = slaMap(doc);
  let sections = sla.get('sections') as Y.Map<unknown> | undefined;
  if (!(sections instanceof Y.Map)) {
    sections = new Y.Map<unknown>();
    sla.set('sections', sections);
  }
  return sections;
}

function readSla(doc: Y.Doc, problems: ReadProblem[]): Sla {
  const sla = slaMap(doc);
  const out: Sla = {
    intro: readRichText(sla.get('intro')),
    commitments: repairList(commitmentSchema, plainItems(sla.get('commitments')), 'sla.commitments', COMMITMENT_DEFAULTS, problems),
  };
  const sections = sla.get('sections');
  // Empty sections are left out (as absent ones): opening a section's editor creates its fragment, which is no edit.
  const known = new Set<string>(SLA_SECTION_KEYS);
  const written =
    sections instanceof Y.Map
      ? [...sections.entries()]
          .filter(([k]) => known.has(k))
          .map(([k, v]) => [k, readRichText(v)] as const)
          .filter(([, v]) => v !== '')
      : [];
  if (written.length > 0) out.sections = Object.fromEntries(written) as Sla['sections'];
  return out;
}

function commitmentsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  const sla = slaMap(doc);
  let arr = sla.get('commitments') as Y.Array<Y.Map<unknown>> | undefined;
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<Y.Map<unknown>>();
    sla.set('commitments', arr);
  }
  return arr;
}

function indexOfId(arr: Y.Array<Y.Map<unknown>>, id: string): number {
  return arr.toArray().findIndex((m) => m.get('id') === id);
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
    doc.getArray<Y.Map<unknown>>('terms').push(value.terms.map(termToYMap));
    for (const fid of FUNNEL_IDS) {
      funnelArray(doc, fid, 'stages').push(value.funnels[fid].stages.map(toYMap));
      funnelArray(doc, fid, 'transitions').push(value.funnels[fid].transitions.map(toYMap));
    }
    slaMap(doc).set('intro', richTextFragment(value.sla.intro));
    if (value.sla.sections) {
      const sections = sectionsMap(doc);
      for (const [k, v] of Object.entries(value.sla.sections)) if (v !== undefined) sections.set(k, richTextFragment(v));
    }
    commitmentsArray(doc).push(value.sla.commitments.map(toYMap));
    const targets = doc.getMap<unknown>('targets');
    for (const [k, v] of Object.entries(value.targets)) targets.set(k, v);
    if (value.scenarios) writeScenarioSet(doc, value.scenarios, INIT_ORIGIN);
  }, INIT_ORIGIN);
}

/** True once {@link initWorkshopDoc} has written the document. */
export function isInitialized(doc: Y.Doc): boolean {
  return doc.getMap('meta').has('schemaVersion');
}

/** Defaults of each item's fields when a damaged document's value cannot be repaired (see `./repair.ts`). */
const PARTICIPANT_DEFAULTS = { name: '—', title: '', team: 'leadership', signatory: false };
const TERM_DEFAULTS = { name: '—', acronym: '', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'marketing', examples: 'omit' };
const STAGE_DEFAULTS = { name: '—', ownerTeam: 'marketing', termId: null, x: 0, y: 0, description: 'omit' };
const TRANSITION_DEFAULTS = { conversionRate: 0, averageDays: 0, recycle: false };
const COMMITMENT_DEFAULTS = { commitment: '—', metric: '—', target: 0, unit: '', period: 'month', measurement: 'omit', whenMissed: 'omit', source: 'omit' };
const META_DEFAULTS = { title: '—', company: '—', date: '2000-01-01', currency: 'EUR', language: 'es', pageSize: 'A4' };
const TARGET_DEFAULTS = { revenueTarget: 1_000_000, averageDealSize: 10_000, periodMonths: 12 };

/** Reads the whole document as plain {@link WorkshopContent} (a fresh copy; safe to keep); damaged parts repaired (see {@link readWorkshopChecked}). */
export function readWorkshop(doc: Y.Doc): WorkshopContent {
  return readWorkshopChecked(doc).content;
}

/**
 * Reads the whole document as valid {@link WorkshopContent}, whatever it
 * holds: wrong types, values beyond the bounds, items that are not maps and
 * missing parts are repaired or left out item by item (`./repair.ts`) and
 * listed in `problems` (empty for an intact document, whose content is read
 * exactly as stored). Reading never writes to the document.
 */
export function readWorkshopChecked(doc: Y.Doc): { content: WorkshopContent; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const { schemaVersion: _ignored, ...metaFields } = doc.getMap<unknown>('meta').toJSON();
  const funnels = doc.getMap<unknown>('funnels');
  const readFunnel = (fid: FunnelId): Funnel => {
    const funnel = funnels.get(fid);
    if (funnel !== undefined && !(funnel instanceof Y.Map)) problems.push({ path: `funnels.${fid}`, action: 'repaired' });
    const part = (name: 'stages' | 'transitions') => (funnel instanceof Y.Map ? plainItems(funnel.get(name)) : undefined);
    const stages = repairList(funnelStageSchema, part('stages'), `funnels.${fid}.stages`, STAGE_DEFAULTS, problems);
    const ids = new Set(stages.map((st) => st.id));
    const transitions = repairList(funnelTransitionSchema, part('transitions'), `funnels.${fid}.transitions`, TRANSITION_DEFAULTS, problems).filter((t, i) => {
      // An arrow whose end is not a stage (lost with a damaged stage) is left out too.
      if (ids.has(t.source) && ids.has(t.target)) return true;
      problems.push({ path: `funnels.${fid}.transitions.${i}`, action: 'dropped' });
      return false;
    });
    return { stages, transitions };
  };
  const terms = doc
    .getArray<unknown>('terms')
    .toArray()
    .map((m) => readTerm(m as Y.Map<unknown>));
  const scenarios = hasScenarioPart(doc) ? readScenarioSetChecked(doc, problems) : null;
  const content: WorkshopContent = {
    meta: repairItem(workshopMetaSchema, metaFields, 'meta', META_DEFAULTS, problems) ?? (META_DEFAULTS as WorkshopMeta),
    participants: repairList(participantSchema, plainItems(doc.getArray('participants')), 'participants', PARTICIPANT_DEFAULTS, problems),
    terms: repairList(termSchema, terms, 'terms', TERM_DEFAULTS, problems),
    funnels: { agreed: readFunnel('agreed'), marketing: readFunnel('marketing'), sales: readFunnel('sales') },
    sla: readSla(doc, problems),
    targets: repairItem(targetsSchema, doc.getMap<unknown>('targets').toJSON(), 'targets', TARGET_DEFAULTS, problems) ?? { ...TARGET_DEFAULTS },
    // Absent part (an older or untouched document): left out, so content still matches versions frozen before scenarios existed.
    ...(scenarios ? { scenarios } : {}),
  };
  return { content, problems };
}

/** The stored item `map` as plain data, repaired like {@link readWorkshopChecked} reads it (the base an edit is checked against). */
function repairedPlain<T>(schema: z.ZodType<T>, map: Y.Map<unknown>): T {
  const raw = map.toJSON() as T;
  const defaults = ITEM_DEFAULTS.get(schema as z.ZodType<unknown>);
  return defaults ? (repairItem(schema, raw, '', defaults, []) ?? raw) : raw;
}

const ITEM_DEFAULTS = new Map<z.ZodType<unknown>, Record<string, unknown>>([
  [participantSchema, PARTICIPANT_DEFAULTS],
  [funnelStageSchema, STAGE_DEFAULTS],
  [funnelTransitionSchema, TRANSITION_DEFAULTS],
  [commitmentSchema, COMMITMENT_DEFAULTS],
]);

export type { ReadProblem };

/**
 * Updates workshop meta fields. Throws {@link InvalidEditError} on invalid values, and on a title or
 * company in `patch` longer than `MAX_TITLE_CHARS` (error key `titleLength`, see `metaLengthErrors`).
 */
export function updateMeta(doc: Y.Doc, patch: Partial<WorkshopMeta>): void {
  const meta = doc.getMap<unknown>('meta');
  const tooLong = metaLengthErrors(patch);
  if (Object.keys(tooLong).length > 0) throw new InvalidEditError(tooLong, 'workshop details');
  const current = readWorkshop(doc).meta;
  const next = checked(workshopMetaSchema, { ...current, ...patch }, 'workshop details');
  doc.transact(() => {
    for (const key of Object.keys(patch) as (keyof WorkshopMeta)[]) meta.set(key, next[key]);
  }, LOCAL_ORIGIN);
}

/**
 * Sets the company's logo for the agreement's cover (`data:` URL of a PNG or
 * JPEG, see `workshopMetaSchema`), or removes it with `null`. Throws
 * {@link InvalidEditError} for another kind of value or one too large.
 */
export function setLogo(doc: Y.Doc, logo: string | null): void {
  const meta = doc.getMap<unknown>('meta');
  if (logo === null) {
    doc.transact(() => meta.delete('logo'), LOCAL_ORIGIN);
    return;
  }
  const next = checked(workshopMetaSchema, { ...readWorkshop(doc).meta, logo }, 'workshop details');
  doc.transact(() => meta.set('logo', next.logo), LOCAL_ORIGIN);
}

/** Updates the revenue targets. Throws {@link InvalidEditError} on invalid values. */
export function updateTargets(doc: Y.Doc, patch: Partial<Targets>): void {
  const targets = doc.getMap<unknown>('targets');
  const next = checked(targetsSchema, { ...readWorkshop(doc).targets, ...patch }, 'targets');
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
  // The stored item as it reads (a damaged field repaired), so an edit of one field is not refused for another.
  const next = checked(schema, { ...repairedPlain(schema, map), ...patch, id }, what);
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

/** Adds a glossary term at the end (rich-text fields as fragments). Throws {@link InvalidEditError}. */
/**
 * Refuses a term name longer than {@link MAX_TERM_NAME_CHARS} (error key `termName`). Checked when a
 * name is typed, not when a document is read: a longer name written before the limit still opens.
 */
function checkTermName(name: string | undefined): void {
  if (name !== undefined && Array.from(name.trim()).length > MAX_TERM_NAME_CHARS) throw new InvalidEditError({ name: 'termName' }, 'term');
}

export function addTerm(doc: Y.Doc, term: Term): void {
  checkTermName(term.name);
  const value = checked(termSchema, term, 'term');
  doc.transact(() => listArray(doc, 'terms').push([termToYMap(value)]), LOCAL_ORIGIN);
}
/**
 * Changes fields of term `id`; rich-text fields are written into their
 * fragments. Throws {@link InvalidEditError} or {@link NotFoundError}.
 */
export function updateTerm(doc: Y.Doc, id: string, patch: Partial<Omit<Term, 'id'>>): void {
  const arr = listArray(doc, 'terms');
  const index = indexOfId(arr, id);
  if (index < 0) throw new NotFoundError('term', id);
  checkTermName(patch.name);
  const map = arr.get(index);
  const next = checked(termSchema, { ...readTerm(map), ...patch, id }, 'term');
  doc.transact(() => {
    for (const key of Object.keys(patch)) {
      const value = (next as Record<string, unknown>)[key];
      if (value === undefined) continue;
      if (isRichTermField(key)) setRichField(map, key, value as RichText);
      else if (map.get(key) !== value) map.set(key, value);
    }
  }, LOCAL_ORIGIN);
}

/**
 * The fragment of rich-text field `field` of term `id`, for an editor
 * binding (TipTap collaboration). Throws {@link NotFoundError}.
 */
export function termFragment(doc: Y.Doc, id: string, field: RichTermField): Y.XmlFragment {
  const arr = listArray(doc, 'terms');
  const index = indexOfId(arr, id);
  if (index < 0) throw new NotFoundError('term', id);
  return richFragment(arr.get(index), field);
}

/** The fragment of the SLA's purpose and scope (`intro`) or of written section `key`, for an editor binding. */
export function slaFragment(doc: Y.Doc, key: 'intro' | SlaSectionKey): Y.XmlFragment {
  if (key === 'intro') return richFragment(slaMap(doc), 'intro');
  const sections = slaMap(doc).get('sections');
  if (!(sections instanceof Y.Map)) doc.transact(() => sectionsMap(doc), INIT_ORIGIN);
  return richFragment(sectionsMap(doc), key);
}

/**
 * Replaces every stage and transition of funnel `funnelId` with `funnel`'s, in
 * one transaction (one undo step): starting from a template, duplicating a
 * team's funnel, building the agreed funnel, pasting or laying out many
 * stages at once. Throws {@link InvalidEditError} (nothing written) if
 * `funnel` is not a valid funnel or a transition's end is not one of its stages.
 */
export function replaceFunnel(doc: Y.Doc, funnelId: FunnelId, funnel: Funnel): void {
  const value = checked(funnelSchema, funnel, 'funnel');
  const ids = new Set(value.stages.map((s) => s.id));
  const dangling = value.transitions.findIndex((t) => !ids.has(t.source) || !ids.has(t.target));
  if (dangling >= 0) throw new InvalidEditError({ [`transitions.${dangling}`]: 'invalid' }, 'funnel');
  doc.transact(() => {
    const stages = funnelArray(doc, funnelId, 'stages');
    const transitions = funnelArray(doc, funnelId, 'transitions');
    stages.delete(0, stages.length);
    transitions.delete(0, transitions.length);
    stages.push(value.stages.map(toYMap));
    transitions.push(value.transitions.map(toYMap));
  }, LOCAL_ORIGIN);
}

/**
 * Moves stages of funnel `funnelId` to new canvas positions (px) in one
 * transaction: the end of a drag of one or several stages, or a layout.
 * Unknown ids and non-finite coordinates throw ({@link NotFoundError},
 * {@link InvalidEditError}) before anything is written.
 */
export function moveStages(doc: Y.Doc, funnelId: FunnelId, positions: ReadonlyMap<string, { x: number; y: number }>): void {
  const stages = funnelArray(doc, funnelId, 'stages');
  const maps = new Map(stages.toArray().map((m) => [m.get('id') as string, m]));
  for (const [id, p] of positions) {
    if (!maps.has(id)) throw new NotFoundError('stage', id);
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new InvalidEditError({ x: 'invalid' }, 'stage position');
  }
  doc.transact(() => {
    for (const [id, p] of positions) {
      const m = maps.get(id)!;
      if (m.get('x') !== p.x) m.set('x', p.x);
      if (m.get('y') !== p.y) m.set('y', p.y);
    }
  }, LOCAL_ORIGIN);
}

/** Replaces the SLA's written section `key` (rich text). Throws {@link InvalidEditError} for an invalid value. */
export function setSlaSection(doc: Y.Doc, key: SlaSectionKey, value: RichText): void {
  const checkedValue = checked(richTextSchema, value, 'SLA section');
  doc.transact(() => setRichField(sectionsMap(doc), key, checkedValue), LOCAL_ORIGIN);
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
export function updateTransition(doc: Y.Doc, funnelId: FunnelId, id: string, patch: Partial<Omit<FunnelTransition, 'id'>>): void {
  const arr = funnelArray(doc, funnelId, 'transitions');
  doc.transact(() => {
    updateItem(arr, funnelTransitionSchema, id, patch, 'transition');
    // Setting a rate (even the same 0) makes it entered: the arrow is no longer flagged as rate-less.
    if ('conversionRate' in patch) arr.get(indexOfId(arr, id))?.delete('rateMissing');
  }, LOCAL_ORIGIN);
}
/** Removes transition `id`. Throws {@link NotFoundError}. */
export function removeTransition(doc: Y.Doc, funnelId: FunnelId, id: string): void {
  removeItem(funnelArray(doc, funnelId, 'transitions'), id, 'transition');
}

/** Replaces the SLA's introduction (purpose and scope), rich text or plain. Throws {@link InvalidEditError} for an invalid value. */
export function setSlaIntro(doc: Y.Doc, intro: RichText): void {
  const value = checked(richTextSchema, intro, 'SLA introduction');
  doc.transact(() => setRichField(slaMap(doc), 'intro', value), LOCAL_ORIGIN);
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
