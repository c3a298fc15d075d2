/**
 * Facilitation state as a part of the workshop's Yjs document: a top-level
 * `facilitation` Y.Map, added after layout 2 without a layout bump (an older
 * document simply lacks it and reads as {@link EMPTY_FACILITATION}; an
 * older Pacto keeps the part untouched in the Yjs state).
 *
 * Layout of the `facilitation` Y.Map:
 * - plain values: `facilitatorId`, `agenda` (the whole list, {@link AgendaBlock}[]),
 *   `startsAt`, `currentBlockId`, `timer` ({@link TimerState}), `follow`, `privateRound`
 *   (each written whole: last writer wins, which is what a facilitator's control wants);
 * - `votes`: Y.Map voteId → Y.Map of the vote's plain fields plus `ballots`: Y.Map voterId → ballot,
 *   so laptops voting at once never overwrite each other's ballots;
 * - `decisions`, `parkingLot`, `drafts`: Y.Map id → the item as plain data;
 * - `locks`: Y.Map section → `{ lockedAt, by }`.
 *
 * Undo: agenda edits, the facilitator's name, decisions, the parking lot and
 * drafts are written with {@link LOCAL_ORIGIN} (one undo step each); the
 * running of the workshop (timer, current block, follow, private rounds,
 * votes, locks) with {@link FACILITATION_ORIGIN}, which the undo manager
 * does not track: Ctrl+Z never stops a timer, reopens a vote or unlocks a section.
 *
 * Every mutation validates first and throws {@link InvalidEditError} (field
 * errors by path, message keys) or {@link NotFoundError}, writing nothing.
 * Reading never writes; items that do not validate are left out and listed
 * as problems.
 */
import * as Y from 'yjs';
import { InvalidEditError, LOCAL_ORIGIN, NotFoundError } from '../domain/doc-edit';
import { validate, type FieldErrors } from '../domain/workshop';
import type { ReadProblem } from '../domain/repair';
import { agendaErrors } from './agenda';
import { ballotErrors, type Ballot } from './votes';
import {
  agendaBlockSchema,
  decisionSchema,
  parkingItemSchema,
  privateDraftSchema,
  privateRoundSchema,
  timerSchema,
  voteSchema,
  AGENDA_STEPS,
  LOCKABLE_SECTIONS,
  type AgendaBlock,
  type AgendaStep,
  type Decision,
  type FacilitationState,
  type LockableSection,
  type ParkingItem,
  type PrivateDraft,
  type PrivateRound,
  type TimerState,
  type Vote,
} from './types';
import { z } from 'zod';

/** Transaction origin of the workshop's running (timer, rounds, votes, locks): not tracked by the undo manager. */
import { FACILITATION_ORIGIN } from '../domain/doc-edit';
/** Running the workshop, outside the undo history (one of the origins of `shared/domain/doc-edit.ts`). */
export { FACILITATION_ORIGIN };

/** The name of the part in the document. */
export const FACILITATION_PART = 'facilitation';

/** Facilitation state of a document that has none yet. */
export const EMPTY_FACILITATION: FacilitationState = Object.freeze({
  facilitatorId: null,
  agenda: [],
  startsAt: null,
  currentBlockId: null,
  timer: null,
  follow: null,
  privateRound: null,
  votes: [],
  decisions: [],
  parkingLot: [],
  locks: {},
  drafts: [],
}) as FacilitationState;

const followSchema = z.object({ step: z.enum(AGENDA_STEPS), itemId: z.string().nullable(), at: z.number() }).strict();
const lockSchema = z.object({ lockedAt: z.number(), by: z.string() }).strict();

function part(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FACILITATION_PART);
}

/** The child Y.Map `key` of the part, created (inside the caller's transaction) when absent or damaged. */
function childMap(doc: Y.Doc, key: 'votes' | 'decisions' | 'parkingLot' | 'drafts' | 'locks'): Y.Map<unknown> {
  const p = part(doc);
  let m = p.get(key);
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<unknown>();
    p.set(key, m);
  }
  return m as Y.Map<unknown>;
}

const plain = (v: unknown): unknown => (v instanceof Y.AbstractType ? (v.toJSON() as unknown) : v);

function readValue<T>(schema: z.ZodType<T>, value: unknown, path: string, problems: ReadProblem[]): T | null {
  if (value === undefined || value === null) return null;
  const parsed = schema.safeParse(plain(value));
  if (parsed.success) return parsed.data;
  problems.push({ path, action: 'dropped' });
  return null;
}

function readItems<T>(schema: z.ZodType<T>, value: unknown, path: string, problems: ReadProblem[]): T[] {
  if (!(value instanceof Y.Map)) {
    if (value !== undefined) problems.push({ path, action: 'dropped' });
    return [];
  }
  const out: T[] = [];
  for (const [key, item] of value.entries()) {
    const parsed = schema.safeParse(plain(item));
    if (parsed.success) out.push(parsed.data);
    else problems.push({ path: `${path}.${key}`, action: 'dropped' });
  }
  return out;
}

/** Reads the facilitation part of `doc` as plain, valid {@link FacilitationState} (a fresh copy). */
export function readFacilitation(doc: Y.Doc): FacilitationState {
  return readFacilitationChecked(doc).state;
}

/**
 * Reads the facilitation part as valid state, whatever it holds: a value or
 * item that does not validate is left out and listed in `problems`; an
 * absent part reads as {@link EMPTY_FACILITATION}. Never writes. Orders:
 * votes by opening time, decisions by decision time, the parking lot and
 * drafts by creation/update time (ties by id), so every laptop lists them alike.
 */
export function readFacilitationChecked(doc: Y.Doc): { state: FacilitationState; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  if (!doc.share.has(FACILITATION_PART)) return { state: { ...EMPTY_FACILITATION, locks: {} }, problems };
  const p = part(doc);
  const agendaRaw = plain(p.get('agenda'));
  let agenda: AgendaBlock[] = [];
  if (Array.isArray(agendaRaw)) {
    const seen = new Set<string>();
    agendaRaw.forEach((b, i) => {
      const parsed = agendaBlockSchema.safeParse(b);
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id);
        agenda.push(parsed.data);
      } else problems.push({ path: `facilitation.agenda.${i}`, action: 'dropped' });
    });
  } else if (agendaRaw !== undefined) problems.push({ path: 'facilitation.agenda', action: 'dropped' });
  const num = (key: string) => {
    const v = p.get(key);
    if (v === undefined || v === null) return null;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    problems.push({ path: `facilitation.${key}`, action: 'dropped' });
    return null;
  };
  const str = (key: string) => {
    const v = p.get(key);
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && v !== '') return v;
    problems.push({ path: `facilitation.${key}`, action: 'dropped' });
    return null;
  };
  const votesMap = p.get('votes');
  const votes = readItems(voteSchema, votesMap, 'facilitation.votes', problems).sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
  const locks: FacilitationState['locks'] = {};
  const locksMap = p.get('locks');
  if (locksMap instanceof Y.Map) {
    for (const [key, value] of locksMap.entries()) {
      const parsed = lockSchema.safeParse(plain(value));
      if ((LOCKABLE_SECTIONS as readonly string[]).includes(key) && parsed.success) locks[key as LockableSection] = parsed.data;
      else problems.push({ path: `facilitation.locks.${key}`, action: 'dropped' });
    }
  }
  agenda = agenda.slice(0, 200);
  const state: FacilitationState = {
    facilitatorId: str('facilitatorId'),
    agenda,
    startsAt: num('startsAt'),
    currentBlockId: str('currentBlockId'),
    timer: readValue(timerSchema, p.get('timer'), 'facilitation.timer', problems),
    follow: readValue(followSchema, p.get('follow'), 'facilitation.follow', problems),
    privateRound: readValue(privateRoundSchema, p.get('privateRound'), 'facilitation.privateRound', problems),
    votes,
    decisions: readItems(decisionSchema, p.get('decisions'), 'facilitation.decisions', problems).sort(
      (a, b) => a.decidedAt - b.decidedAt || a.id.localeCompare(b.id),
    ),
    parkingLot: readItems(parkingItemSchema, p.get('parkingLot'), 'facilitation.parkingLot', problems).sort(
      (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
    ),
    locks,
    drafts: readItems(privateDraftSchema, p.get('drafts'), 'facilitation.drafts', problems).sort(
      (a, b) => a.updatedAt - b.updatedAt || a.id.localeCompare(b.id),
    ),
  };
  return { state, problems };
}

function checked<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = validate(schema, value);
  if (!result.ok) throw new InvalidEditError(result.errors, what);
  return result.value;
}

function refuse(errors: FieldErrors, what: string): never {
  throw new InvalidEditError(errors, what);
}

// ——— The agenda and the facilitator (undoable) ———

/** Names participant `participantId` the workshop's facilitator (null: only the room's host). Undoable. */
export function setFacilitator(doc: Y.Doc, participantId: string | null): void {
  if (participantId !== null && (typeof participantId !== 'string' || participantId === '')) refuse({ facilitatorId: 'invalid' }, 'facilitator');
  doc.transact(() => part(doc).set('facilitatorId', participantId), LOCAL_ORIGIN);
}

/**
 * Replaces the agenda with `agenda` (a template, a reorder, an edited or
 * added block) in one undoable step. Throws {@link InvalidEditError} with
 * the paths of `agendaErrors` (e.g. `2.durationMinutes`: `blockMinutes`).
 */
export function writeAgenda(doc: Y.Doc, agenda: readonly AgendaBlock[]): void {
  const errors = agendaErrors(agenda);
  if (errors) refuse(errors, 'agenda');
  const value = agenda.map((b) => ({ ...b }));
  doc.transact(() => part(doc).set('agenda', value), LOCAL_ORIGIN);
}

/** Sets the planned start of the first block (epoch ms; null: not planned). Undoable. */
export function setPlannedStart(doc: Y.Doc, startsAt: number | null): void {
  if (startsAt !== null && !Number.isFinite(startsAt)) refuse({ startsAt: 'number' }, 'start time');
  doc.transact(() => part(doc).set('startsAt', startsAt), LOCAL_ORIGIN);
}

// ——— Running the workshop (not undoable) ———

/**
 * Sets what runs now, in one step: the current block (null: the workshop is
 * not running), its timer, and optionally the start of the first block and
 * a new agenda (when adding minutes rebalanced it). Throws
 * {@link InvalidEditError} for an invalid timer or agenda, or
 * {@link NotFoundError} for a block the agenda does not have.
 */
export function writeRun(
  doc: Y.Doc,
  run: { currentBlockId: string | null; timer: TimerState | null; startsAt?: number | null; agenda?: readonly AgendaBlock[] },
): void {
  const timer = run.timer === null ? null : checked(timerSchema, run.timer, 'timer');
  const agenda = run.agenda ?? readFacilitation(doc).agenda;
  if (run.agenda) {
    const errors = agendaErrors(run.agenda);
    if (errors) refuse(errors, 'agenda');
  }
  if (run.currentBlockId !== null && !agenda.some((b) => b.id === run.currentBlockId)) throw new NotFoundError('agenda block', run.currentBlockId);
  if (timer && timer.blockId !== run.currentBlockId) refuse({ 'timer.blockId': 'invalid' }, 'timer');
  doc.transact(() => {
    const p = part(doc);
    p.set('currentBlockId', run.currentBlockId);
    p.set('timer', timer);
    if (run.startsAt !== undefined) p.set('startsAt', run.startsAt);
    if (run.agenda)
      p.set(
        'agenda',
        run.agenda.map((b) => ({ ...b })),
      );
  }, FACILITATION_ORIGIN);
}

/** Brings everyone to `step` (and item `itemId`), or lets them go (null). Not undoable. */
export function writeFollow(doc: Y.Doc, follow: { step: AgendaStep; itemId: string | null; at: number } | null): void {
  const value = follow === null ? null : checked(followSchema, follow, 'follow');
  doc.transact(() => part(doc).set('follow', value), FACILITATION_ORIGIN);
}

/**
 * Starts private drafting for block `round.blockId`. Refused while another
 * round is still drafting (`privateRound`: `roundOpen`): it must be revealed
 * first, so no draft is ever shown without a reveal. Not undoable.
 */
export function startRound(doc: Y.Doc, round: PrivateRound): void {
  const value = checked(privateRoundSchema, round, 'private round');
  if (value.status !== 'drafting') refuse({ status: 'invalid' }, 'private round');
  const current = readFacilitation(doc).privateRound;
  if (current && current.status === 'drafting') refuse({ privateRound: 'roundOpen' }, 'private round');
  doc.transact(() => part(doc).set('privateRound', value), FACILITATION_ORIGIN);
}

/** Reveals the drafting round at `now` (authors hidden when `hideAuthors`). Refused with no drafting round (`privateRound`: `noRound`). */
export function revealRound(doc: Y.Doc, hideAuthors: boolean, now: number): void {
  const current = readFacilitation(doc).privateRound;
  if (!current || current.status !== 'drafting') refuse({ privateRound: 'noRound' }, 'private round');
  const value = checked(privateRoundSchema, { ...current, status: 'revealed', hideAuthors, revealedAt: now }, 'private round');
  doc.transact(() => part(doc).set('privateRound', value), FACILITATION_ORIGIN);
}

/**
 * Writes `party`'s draft (one item) in the drafting round: refused with no
 * drafting round or for another block (`blockId`: `noRound`). Undoable (the
 * team's own typing).
 */
export function writeDraft(doc: Y.Doc, draft: PrivateDraft): void {
  const value = checked(privateDraftSchema, draft, 'draft');
  const round = readFacilitation(doc).privateRound;
  if (!round || round.status !== 'drafting' || round.blockId !== value.blockId) refuse({ blockId: 'noRound' }, 'draft');
  doc.transact(() => childMap(doc, 'drafts').set(value.id, value), LOCAL_ORIGIN);
}

/** Removes draft `id`. Throws {@link NotFoundError}. Undoable. */
export function removeDraft(doc: Y.Doc, id: string): void {
  const drafts = part(doc).get('drafts');
  if (!(drafts instanceof Y.Map) || !drafts.has(id)) throw new NotFoundError('draft', id);
  doc.transact(() => drafts.delete(id), LOCAL_ORIGIN);
}

// ——— Votes (not undoable) ———

function voteMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const votes = part(doc).get('votes');
  const m = votes instanceof Y.Map ? votes.get(id) : undefined;
  if (!(m instanceof Y.Map)) throw new NotFoundError('vote', id);
  return m;
}

function readVote(doc: Y.Doc, id: string): Vote {
  const vote = readFacilitation(doc).votes.find((v) => v.id === id);
  if (!vote) throw new NotFoundError('vote', id);
  return vote;
}

/** Opens vote `vote` (status `open`, no ballots). Throws {@link InvalidEditError}. */
export function openVote(doc: Y.Doc, vote: Vote): void {
  const value = checked(voteSchema, vote, 'vote');
  if (value.status !== 'open' || Object.keys(value.ballots).length > 0) refuse({ status: 'invalid' }, 'vote');
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(value)) if (k !== 'ballots') m.set(k, v);
    m.set('ballots', new Y.Map<unknown>());
    childMap(doc, 'votes').set(value.id, m);
  }, FACILITATION_ORIGIN);
}

/**
 * Casts (or replaces) `voterId`'s ballot in vote `voteId`. Refused when the
 * vote is closed or the ballot is not valid for it (see `ballotErrors`).
 */
export function castBallot(doc: Y.Doc, voteId: string, voterId: string, ballot: Ballot): void {
  if (typeof voterId !== 'string' || voterId === '') refuse({ voter: 'required' }, 'ballot');
  const vote = readVote(doc, voteId);
  const errors = ballotErrors(vote, ballot);
  if (errors) refuse(errors, 'ballot');
  const value = checked(voteSchema.shape.ballots.valueType, ballot, 'ballot');
  doc.transact(() => {
    const m = voteMap(doc, voteId);
    let ballots = m.get('ballots');
    if (!(ballots instanceof Y.Map)) {
      ballots = new Y.Map<unknown>();
      m.set('ballots', ballots);
    }
    (ballots as Y.Map<unknown>).set(voterId, value);
  }, FACILITATION_ORIGIN);
}

/** Closes vote `voteId` at `now` (a closed vote takes no ballots). Unchanged when already closed. */
export function closeVote(doc: Y.Doc, voteId: string, now: number): void {
  const vote = readVote(doc, voteId);
  if (vote.status === 'closed') return;
  doc.transact(() => {
    const m = voteMap(doc, voteId);
    m.set('status', 'closed');
    m.set('closedAt', now);
  }, FACILITATION_ORIGIN);
}

/** Removes vote `voteId` and its ballots. Throws {@link NotFoundError}. */
export function removeVote(doc: Y.Doc, voteId: string): void {
  voteMap(doc, voteId);
  doc.transact(() => childMap(doc, 'votes').delete(voteId), FACILITATION_ORIGIN);
}

// ——— Decisions and the parking lot (undoable) ———

function putItem<T extends { id: string }>(doc: Y.Doc, key: 'decisions' | 'parkingLot', schema: z.ZodType<T>, item: T, what: string, mustExist: boolean): void {
  const value = checked(schema, item, what);
  const existing = part(doc).get(key);
  const exists = existing instanceof Y.Map && existing.has(value.id);
  if (mustExist && !exists) throw new NotFoundError(what, value.id);
  if (!mustExist && exists) refuse({ id: 'duplicate' }, what);
  doc.transact(() => childMap(doc, key).set(value.id, value), LOCAL_ORIGIN);
}

function dropItem(doc: Y.Doc, key: 'decisions' | 'parkingLot', id: string, what: string): void {
  const existing = part(doc).get(key);
  if (!(existing instanceof Y.Map) || !existing.has(id)) throw new NotFoundError(what, id);
  doc.transact(() => existing.delete(id), LOCAL_ORIGIN);
}

/** Records decision `decision`. Throws {@link InvalidEditError} (e.g. `what`: `required`, `id`: `duplicate`). */
export function addDecision(doc: Y.Doc, decision: Decision): void {
  putItem(doc, 'decisions', decisionSchema, decision, 'decision', false);
}

/** Changes decision `id`'s fields. Throws {@link InvalidEditError} or {@link NotFoundError}. */
export function updateDecision(doc: Y.Doc, id: string, patch: Partial<Omit<Decision, 'id'>>): void {
  const current = readFacilitation(doc).decisions.find((d) => d.id === id);
  if (!current) throw new NotFoundError('decision', id);
  putItem(doc, 'decisions', decisionSchema, { ...current, ...patch, id }, 'decision', true);
}

/** Removes decision `id`. Throws {@link NotFoundError}. */
export function removeDecision(doc: Y.Doc, id: string): void {
  dropItem(doc, 'decisions', id, 'decision');
}

/** Adds parking-lot question `item`. Throws {@link InvalidEditError} (`question`: `required`, `due`: invalid date…). */
export function addParkingItem(doc: Y.Doc, item: ParkingItem): void {
  putItem(doc, 'parkingLot', parkingItemSchema, item, 'parking-lot item', false);
}

/** Changes parking-lot item `id` (question, owner, due date, open or done). */
export function updateParkingItem(doc: Y.Doc, id: string, patch: Partial<Omit<ParkingItem, 'id'>>): void {
  const current = readFacilitation(doc).parkingLot.find((d) => d.id === id);
  if (!current) throw new NotFoundError('parking-lot item', id);
  putItem(doc, 'parkingLot', parkingItemSchema, { ...current, ...patch, id }, 'parking-lot item', true);
}

/** Removes parking-lot item `id`. Throws {@link NotFoundError}. */
export function removeParkingItem(doc: Y.Doc, id: string): void {
  dropItem(doc, 'parkingLot', id, 'parking-lot item');
}

// ——— Locks (not undoable; the audit trail records both) ———

/** Locks section `section` (by `by`, a name, at `now`). Refused when already locked (`section`: `alreadyLocked`). */
export function lockSectionInDoc(doc: Y.Doc, section: LockableSection, by: string, now: number): void {
  if (!(LOCKABLE_SECTIONS as readonly string[]).includes(section)) refuse({ section: 'choice' }, 'lock');
  if (readFacilitation(doc).locks[section]) refuse({ section: 'alreadyLocked' }, 'lock');
  const value = checked(lockSchema, { lockedAt: now, by }, 'lock');
  doc.transact(() => childMap(doc, 'locks').set(section, value), FACILITATION_ORIGIN);
}

/** Unlocks section `section`. Refused when not locked (`section`: `notLocked`). */
export function unlockSectionInDoc(doc: Y.Doc, section: LockableSection): void {
  const locks = part(doc).get('locks');
  if (!(locks instanceof Y.Map) || !locks.has(section)) refuse({ section: 'notLocked' }, 'lock');
  doc.transact(() => locks.delete(section), FACILITATION_ORIGIN);
}

/**
 * The sections locked in `doc` now (valid lock entries, in `LOCKABLE_SECTIONS`
 * order). Reads only the locks, never the whole part: it runs before every
 * edit and for every update a room seat sends.
 */
export function lockedSectionsIn(doc: Y.Doc): LockableSection[] {
  if (!doc.share.has(FACILITATION_PART)) return [];
  const locks = part(doc).get('locks');
  if (!(locks instanceof Y.Map) || locks.size === 0) return [];
  return LOCKABLE_SECTIONS.filter((section) => locks.has(section) && lockSchema.safeParse(plain(locks.get(section))).success);
}
