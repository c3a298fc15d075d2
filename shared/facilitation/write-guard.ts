/**
 * The room host's check of a seat's document changes: the part of the
 * facilitation rules that cannot be left to the seat's own UI and intents,
 * because a modified client, a stale view of who facilitates or an offline
 * edit that arrives after a lock would otherwise get through. The host
 * applies every seat's Yjs update to the room document through
 * {@link applyGuardedUpdate}, which takes back what the seat may not change:
 * - facilitator-only parts (`FACILITATOR_ONLY_KEYS` of the `facilitation`
 *   map: who facilitates, the agenda and its start, the current block and
 *   its timer, "bring everyone here", private rounds and their reveal,
 *   opening, closing and removing votes, decisions, locks) from a seat that
 *   does not facilitate (`canFacilitate`: the host's seat or the participant
 *   the workshop names);
 * - within votes, a ballot of someone else or in a closed vote; within
 *   drafts, another team's draft;
 * - any change of a locked section (`SECTION_PARTS`), unless the same update
 *   comes from a facilitator and unlocks the section.
 *
 * Why the update is applied and then taken back rather than dropped: a Yjs
 * update cannot be left out. Each client's changes are numbered; a host that
 * skipped some would hold every later change of that laptop as pending
 * forever, and the laptop would keep the refused change. Applied, then
 * answered with a change that restores the host's values (written with
 * {@link GUARD_ORIGIN}), every copy converges on the host's state: the
 * seat's refused change is rolled back on its own laptop too, by the
 * ordinary sync protocol, and the rest of its update (its ballot, its draft,
 * a parked question) stays. Locked sections are restored by a `Y.UndoManager`
 * scoped to the section's parts and tracking only this update.
 */
import * as Y from 'yjs';
import type { SeatRole } from '../room/contract';
import type { Team } from '../domain/workshop';
import { WORKSHOP_DOC_ROOTS } from '../domain/doc-copy';
import { FACILITATION_PART, lockedSectionsIn } from './facilitation-doc';
import { SECTION_PARTS } from './locks';
import { canFacilitate } from './roles';
import { LOCKABLE_SECTIONS, type LockableSection } from './types';

/** Transaction origin of the host's restoring change. */
export const GUARD_ORIGIN = 'pacto:room-guard';

/** Who wrote an update, as the room host knows the seat (its admitted identity). */
export interface UpdateWriter {
  role: SeatRole;
  participantId: string | null;
  deviceId: string;
  team: Team;
}

/** The facilitator-only parts a refusal names (`room.refused.parts.*` in the renderer). */
export const GUARDED_PARTS = ['facilitator', 'agenda', 'timer', 'follow', 'privateRound', 'votes', 'ballots', 'decisions', 'locks', 'drafts', 'other'] as const;
export type GuardedPart = (typeof GUARDED_PARTS)[number];

/** What the host took back of one update. */
export interface WriteRefusal {
  /** Facilitator-only parts the seat changed (in {@link GUARDED_PARTS} order). */
  parts: GuardedPart[];
  /** Locked sections the seat changed (in `LOCKABLE_SECTIONS` order). */
  sections: LockableSection[];
}

/** Keys of the `facilitation` map only a facilitator writes, and the part each is named as. `drafts` and `parkingLot` are everyone's. */
const FACILITATOR_ONLY_KEYS: Record<string, GuardedPart> = {
  facilitatorId: 'facilitator',
  agenda: 'agenda',
  startsAt: 'agenda',
  currentBlockId: 'timer',
  timer: 'timer',
  follow: 'follow',
  privateRound: 'privateRound',
  votes: 'votes',
  decisions: 'decisions',
  locks: 'locks',
};
/** A key of the `facilitation` map this module does not know (a later layout's): facilitator-only too. */
const UNKNOWN_KEY_PART: GuardedPart = 'other';

type YMap = Y.Map<unknown>;

const json = (value: unknown): unknown => (value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A Y.Map's entries as plain values, with the child Y.Maps themselves (to tell a replaced map from an edited one). */
interface MapShot {
  map: YMap;
  values: Map<string, unknown>;
  children: Map<string, YMap>;
}

function shot(map: YMap): MapShot {
  const values = new Map<string, unknown>();
  const children = new Map<string, YMap>();
  for (const [key, value] of map.entries()) {
    values.set(key, json(value));
    if (value instanceof Y.Map) children.set(key, value as YMap);
  }
  return { map, values, children };
}

/** The facilitation map before an update: its entries, every vote's and its ballots', and the drafts'. */
interface FacilitationShot {
  root: MapShot;
  votes: MapShot | null;
  vote: Map<string, MapShot>;
  ballots: Map<string, MapShot>;
  drafts: MapShot | null;
}

function facilitationShot(root: YMap): FacilitationShot {
  const s: FacilitationShot = { root: shot(root), votes: null, vote: new Map(), ballots: new Map(), drafts: null };
  const votes = s.root.children.get('votes');
  if (votes) {
    s.votes = shot(votes);
    for (const [id, vote] of s.votes.children) {
      s.vote.set(id, shot(vote));
      const ballots = vote.get('ballots');
      if (ballots instanceof Y.Map) s.ballots.set(id, shot(ballots as YMap));
    }
  }
  const drafts = s.root.children.get('drafts');
  if (drafts) s.drafts = shot(drafts);
  return s;
}

/** A vote as a Y.Map again (its ballots a Y.Map of their own), from its plain form. */
function voteMap(plain: unknown): YMap {
  const m = new Y.Map<unknown>();
  if (plain && typeof plain === 'object') {
    for (const [k, v] of Object.entries(plain)) {
      if (k === 'ballots') m.set(k, plainMap(v));
      else m.set(k, v);
    }
  }
  return m;
}

function plainMap(plain: unknown): YMap {
  const m = new Y.Map<unknown>();
  if (plain && typeof plain === 'object') for (const [k, v] of Object.entries(plain)) m.set(k, v);
  return m;
}

/** Sets `map[key]` back to `before` (a plain value, or rebuilt with `rebuild`), or deletes it when it had none. */
function restore(map: YMap, key: string, before: unknown, rebuild?: (plain: unknown) => YMap): void {
  if (before === undefined) map.delete(key);
  else map.set(key, rebuild ? rebuild(before) : before);
}

function keysOf(a: Map<string, unknown>, b: YMap): Set<string> {
  return new Set([...a.keys(), ...b.keys()]);
}

/**
 * Takes back what `writer` may not change in the facilitation map, comparing
 * it with `before`; returns the parts taken back. Runs inside the caller's
 * transaction.
 */
function restoreFacilitation(root: YMap, before: FacilitationShot, writer: UpdateWriter): Set<GuardedPart> {
  const refused = new Set<GuardedPart>();
  for (const key of keysOf(before.root.values, root)) {
    if (key === 'parkingLot') continue;
    if (key === 'drafts') {
      restoreDrafts(root, before, writer, refused);
      continue;
    }
    const part = FACILITATOR_ONLY_KEYS[key] ?? UNKNOWN_KEY_PART;
    const now = root.get(key);
    const was = before.root.values.get(key);
    const child = before.root.children.get(key);
    if (now instanceof Y.Map && now === child) {
      // The same map as before: what changed inside it is taken back entry by entry, so the facilitator's own concurrent entries stay.
      if (key === 'votes') restoreVotes(now as YMap, before, writer, refused);
      else if (restoreEntries(now as YMap, was)) refused.add(part);
      continue;
    }
    if (same(json(now), was) && !(now instanceof Y.Map)) continue;
    refused.add(part);
    restore(root, key, was, key === 'votes' ? votesMap : child ? plainMap : undefined);
  }
  return refused;
}

/** Sets every entry of `map` that differs from the plain object `was` back to it; true when any did. */
function restoreEntries(map: YMap, was: unknown): boolean {
  const wasEntries = new Map(Object.entries(was && typeof was === 'object' ? was : {}));
  let changed = false;
  for (const key of keysOf(wasEntries, map)) {
    if (same(json(map.get(key)), wasEntries.get(key))) continue;
    changed = true;
    restore(map, key, wasEntries.get(key));
  }
  return changed;
}

function votesMap(plain: unknown): YMap {
  const m = new Y.Map<unknown>();
  if (plain && typeof plain === 'object') for (const [id, vote] of Object.entries(plain)) m.set(id, voteMap(vote));
  return m;
}

/** Votes: opening, closing, changing and removing them is the facilitator's; a seat casts only its own ballot in an open vote. */
function restoreVotes(votes: YMap, before: FacilitationShot, writer: UpdateWriter, refused: Set<GuardedPart>): void {
  const shotOfVotes = before.votes!;
  for (const id of keysOf(shotOfVotes.values, votes)) {
    const now = votes.get(id);
    const wasVote = before.vote.get(id);
    if (!(now instanceof Y.Map) || now !== wasVote?.map) {
      if (now === undefined && !shotOfVotes.values.has(id)) continue;
      refused.add('votes');
      restore(votes, id, shotOfVotes.values.get(id), voteMap);
      continue;
    }
    const vote = now as YMap;
    for (const key of keysOf(wasVote.values, vote)) {
      if (key === 'ballots') continue;
      if (same(json(vote.get(key)), wasVote.values.get(key))) continue;
      refused.add('votes');
      restore(vote, key, wasVote.values.get(key));
    }
    const ballots = vote.get('ballots');
    const wasBallots = before.ballots.get(id);
    if (!(ballots instanceof Y.Map) || ballots !== wasBallots?.map) {
      if (same(json(ballots), wasVote.values.get('ballots'))) continue;
      refused.add('ballots');
      restore(vote, 'ballots', wasVote.values.get('ballots'), plainMap);
      continue;
    }
    const open = wasVote.values.get('status') === 'open';
    const mine = new Set([writer.participantId, writer.deviceId].filter((v): v is string => v !== null));
    for (const voter of keysOf(wasBallots.values, ballots as YMap)) {
      const now = json((ballots as YMap).get(voter));
      if (same(now, wasBallots.values.get(voter))) continue;
      if (open && mine.has(voter)) continue;
      refused.add('ballots');
      restore(ballots as YMap, voter, wasBallots.values.get(voter));
    }
  }
}

const partyOf = (draft: unknown): unknown => (draft && typeof draft === 'object' ? (draft as { party?: unknown }).party : undefined);

/** Drafts: a seat writes its own team's drafts only; the map itself may be made when there is none yet. */
function restoreDrafts(root: YMap, before: FacilitationShot, writer: UpdateWriter, refused: Set<GuardedPart>): void {
  const now = root.get('drafts');
  const was = before.drafts;
  if (was && now !== was.map) {
    refused.add('drafts');
    restore(root, 'drafts', before.root.values.get('drafts'), plainMap);
    return;
  }
  if (!(now instanceof Y.Map)) {
    if (now !== undefined) {
      refused.add('drafts');
      root.delete('drafts');
    }
    return;
  }
  const values = was?.values ?? new Map<string, unknown>();
  for (const id of keysOf(values, now as YMap)) {
    const draft = json((now as YMap).get(id));
    const wasDraft = values.get(id);
    if (same(draft, wasDraft)) continue;
    const own = (d: unknown) => d === undefined || partyOf(d) === writer.team;
    if (own(draft) && own(wasDraft)) continue;
    refused.add('drafts');
    restore(now as YMap, id, wasDraft);
  }
}

function facilitatorIdIn(doc: Y.Doc): string | null {
  if (!doc.share.has(FACILITATION_PART)) return null;
  const id = doc.getMap<unknown>(FACILITATION_PART).get('facilitatorId');
  return typeof id === 'string' && id !== '' ? id : null;
}

/**
 * Applies `update` (from the seat `writer`, as transaction `origin`) to the
 * room's `doc` and takes back, in a second transaction ({@link GUARD_ORIGIN}),
 * what the seat may not change (see the module comment). Returns what was
 * taken back, or null when the whole update stands. `writer` null is the
 * host's own window: trusted, applied as it is. Throws what `Y.applyUpdate`
 * throws for an update that does not decode (nothing is taken back then).
 */
export function applyGuardedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown, writer: UpdateWriter | null): WriteRefusal | null {
  if (writer === null) {
    Y.applyUpdate(doc, update, origin);
    return null;
  }
  const facilitates = canFacilitate({ inRoom: true, role: writer.role, identity: { participantId: writer.participantId } }, facilitatorIdIn(doc));
  const lockedBefore = lockedSectionsIn(doc);
  if (facilitates && lockedBefore.length === 0) {
    Y.applyUpdate(doc, update, origin);
    return null;
  }
  const root = doc.getMap<unknown>(FACILITATION_PART);
  const before = facilitates ? null : facilitationShot(root);
  // One undo manager per locked section, tracking this update only: it takes back exactly what the update did there.
  const watchers: { section: LockableSection; undo: Y.UndoManager }[] = [];
  for (const section of lockedBefore) {
    const types = SECTION_PARTS[section].flatMap((name) => {
      // A part the host has not written yet (e.g. no gap settled so far) is defined here, so a seat cannot create it under a lock.
      const kind = (WORKSHOP_DOC_ROOTS as Record<string, 'map' | 'array' | undefined>)[name];
      const type = doc.share.get(name) ?? (kind === 'map' ? doc.getMap(name) : kind === 'array' ? doc.getArray(name) : undefined);
      return type ? [type] : [];
    });
    if (types.length > 0) watchers.push({ section, undo: new Y.UndoManager(types, { trackedOrigins: new Set([origin]), captureTimeout: 0 }) });
  }
  try {
    Y.applyUpdate(doc, update, origin);
    const parts = new Set<GuardedPart>();
    if (before) doc.transact(() => restoreFacilitation(root, before, writer).forEach((p) => parts.add(p)), GUARD_ORIGIN);
    // A facilitator's update that unlocks a section may change it; otherwise a section locked before stays untouched.
    const lockedNow = lockedSectionsIn(doc);
    const sections = new Set<LockableSection>();
    for (const { section, undo } of watchers) {
      if (undo.undoStack.length === 0 || !(lockedNow.includes(section) || !facilitates)) continue;
      sections.add(section);
      while (undo.undoStack.length > 0) undo.undo();
    }
    if (parts.size === 0 && sections.size === 0) return null;
    return { parts: GUARDED_PARTS.filter((p) => parts.has(p)), sections: LOCKABLE_SECTIONS.filter((s) => sections.has(s)) };
  } finally {
    for (const { undo } of watchers) undo.destroy();
  }
}

/** The reason a refusal travels as in y-protocols' permission-denied message: JSON, read back by {@link parseRefusalReason}. */
export function refusalReason(refusal: WriteRefusal): string {
  return JSON.stringify({ pacto: 'refused', parts: refusal.parts, sections: refusal.sections });
}

/** Reads a permission-denied reason from the host (network input): the refusal, or null when it is not one of ours or not well formed. */
export function parseRefusalReason(reason: string): WriteRefusal | null {
  let value: unknown;
  try {
    value = JSON.parse(reason);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || (value as { pacto?: unknown }).pacto !== 'refused') return null;
  const { parts, sections } = value as { parts?: unknown; sections?: unknown };
  if (!Array.isArray(parts) || !Array.isArray(sections)) return null;
  const p = GUARDED_PARTS.filter((x) => parts.includes(x));
  const s = LOCKABLE_SECTIONS.filter((x) => sections.includes(x));
  if (p.length !== parts.length || s.length !== sections.length || p.length + s.length === 0) return null;
  return { parts: p, sections: s };
}
