/**
 * Facilitation's user intents as named functions: each is one `edit()` (one
 * Yjs write; one undo step where the model makes it undoable, see
 * `shared/facilitation/facilitation-doc.ts`) and returns the field errors
 * (message keys under `errors.*`, path `''` for the whole intent), or null
 * when applied. Nothing here throws for bad input.
 *
 * Facilitator-only intents (agenda, timer, follow, private rounds, opening
 * and closing votes, decisions, locks) return `{ '': 'facilitatorOnly' }`
 * for any other seat (`canFacilitate`, `shared/facilitation/roles.ts`):
 * outside a room the laptop is the facilitator's; in a room the host's seat
 * or the participant the workshop names.
 *
 * Times: written with this laptop's clock and its offset to the room host
 * (`hooks.ts` {@link clockOffsetMs}), so every laptop shows the same timer.
 */
import { recordAudit } from '../../data/audit';
import { FACILITATION_ORIGIN, InvalidEditError, LOCAL_ORIGIN, NotFoundError, type EditOrigin } from '../../../shared/domain/doc-edit';
import { db } from '../../data/instance';
import { currentSeat } from '../../data/seat';
import { activeDoc, edit } from '../../data/session';
import { useAppStore } from '../../store';
import type { AuditActor } from '../../../shared/agreement/audit';
import { updateCommitment, updateTerm } from '../../../shared/domain/workshop-doc';
import type { FieldErrors, Party, Team } from '../../../shared/domain/workshop';
import { addMinutes, agendaTemplate, moveBlock, MINUTE_MS, type AgendaTemplateId, type ExtendMode } from '../../../shared/facilitation/agenda';
import { draftId } from '../../../shared/facilitation/drafting';
import {
  addDecision,
  addParkingItem,
  castBallot,
  closeVote as closeVoteInDoc,
  lockSectionInDoc,
  openVote as openVoteInDoc,
  readFacilitation,
  removeDecision,
  removeDraft,
  removeParkingItem,
  removeVote as removeVoteInDoc,
  revealRound,
  setFacilitator,
  setPlannedStart,
  startRound,
  unlockSectionInDoc,
  updateDecision,
  updateParkingItem,
  writeAgenda,
  writeDraft,
  writeFollow,
  writeRun,
} from '../../../shared/facilitation/facilitation-doc';
import { canFacilitate } from '../../../shared/facilitation/roles';
import { extendTimer, pauseTimer as pauseTimerState, resumeTimer as resumeTimerState, startTimer } from '../../../shared/facilitation/timer';
import type {
  AgendaBlock,
  AgendaStep,
  Decision,
  FacilitationState,
  FacilitationTarget,
  LockableSection,
  ParkingItem,
  VoteKind,
} from '../../../shared/facilitation/types';
import type { Ballot } from '../../../shared/facilitation/votes';
import { clockOffsetMs, draftingParty } from './hooks';

/** The error of an intent only the facilitator may use. */
export const FACILITATOR_ONLY: FieldErrors = Object.freeze({ '': 'facilitatorOnly' });
const NO_WORKSHOP: FieldErrors = Object.freeze({ '': 'noWorkshop' });

const newId = () => crypto.randomUUID();

function state(): FacilitationState | null {
  const doc = activeDoc();
  return doc ? readFacilitation(doc) : null;
}

/** True when this laptop's seat may use the facilitator's controls now. */
export function canFacilitateNow(): boolean {
  return canFacilitate(currentSeat(), state()?.facilitatorId ?? null);
}

/** Runs `fn` through `edit()`; an item that is gone (another laptop deleted it) comes back as `''`: `notFound`. */
function run(fn: Parameters<typeof edit>[0], origin: EditOrigin = LOCAL_ORIGIN): FieldErrors | null {
  if (!activeDoc()) return NO_WORKSHOP;
  try {
    return edit(fn, origin);
  } catch (error) {
    if (error instanceof NotFoundError) return { '': 'notFound' };
    throw error;
  }
}

/** Runs `fn` (see {@link run}) when this seat facilitates; {@link FACILITATOR_ONLY} otherwise. */
function asFacilitator(fn: Parameters<typeof edit>[0], origin: EditOrigin = LOCAL_ORIGIN): FieldErrors | null {
  if (!activeDoc()) return NO_WORKSHOP;
  if (!canFacilitateNow()) return FACILITATOR_ONLY;
  return run(fn, origin);
}

/** {@link asFacilitator} for running the workshop (timer, follow, rounds, votes, locks): written with {@link FACILITATION_ORIGIN}, outside the undo history. */
function asFacilitatorRunning(fn: Parameters<typeof edit>[0]): FieldErrors | null {
  return asFacilitator(fn, FACILITATION_ORIGIN);
}

/** Who this laptop acts as, for the audit trail and authorship: the seat in a room, else the named facilitator (or "Facilitator"). */
export function currentActor(): AuditActor & { id: string } {
  const seat = currentSeat();
  if (seat.identity)
    return {
      id: seat.identity.participantId ?? seat.identity.deviceId,
      participantId: seat.identity.participantId,
      name: seat.identity.name,
      team: seat.identity.team,
    };
  const content = useAppStore.getState().session?.content;
  const named = content?.participants.find((p) => p.id === state()?.facilitatorId);
  if (named) return { id: named.id, participantId: named.id, name: named.name, team: named.team };
  return { id: seat.deviceId, participantId: null, name: content?.meta.language === 'en' ? 'Facilitator' : 'Facilitación', team: null };
}

// ——— Who facilitates ———

/** Names participant `participantId` the workshop's facilitator (null: only the room's host). Facilitator only; undoable. */
export function nameFacilitator(participantId: string | null): FieldErrors | null {
  return asFacilitator((doc) => setFacilitator(doc, participantId));
}

// ——— The agenda (undoable) ———

/** Replaces the agenda with template `templateId` (titles in the workshop's language). Facilitator only. */
export function applyAgendaTemplate(templateId: AgendaTemplateId): FieldErrors | null {
  const language = useAppStore.getState().session?.content.meta.language ?? 'es';
  return asFacilitator((doc) => writeAgenda(doc, agendaTemplate(templateId, language, newId)));
}

/**
 * Adds a block at `index` (default: the end); `block.id` is made when absent.
 * Errors by field of the new block (`durationMinutes`: `blockMinutes`, `title`…). Facilitator only.
 */
export function addAgendaBlock(block: Omit<AgendaBlock, 'id'> & { id?: string }, index?: number): FieldErrors | null {
  return asFacilitator((doc) => {
    const agenda = readFacilitation(doc).agenda;
    const next = [...agenda];
    next.splice(index ?? next.length, 0, { ...block, id: block.id ?? newId() });
    writeAgenda(doc, next);
  });
}

/** Changes block `blockId` (title, step, duration in minutes, private drafting). Facilitator only. */
export function editAgendaBlock(blockId: string, patch: Partial<Omit<AgendaBlock, 'id'>>): FieldErrors | null {
  return asFacilitator((doc) => {
    const agenda = readFacilitation(doc).agenda;
    if (!agenda.some((b) => b.id === blockId)) throw notFound('agenda block', blockId);
    writeAgenda(
      doc,
      agenda.map((b) => (b.id === blockId ? { ...b, ...patch, id: blockId } : b)),
    );
  });
}

/** Removes block `blockId` (the current block cannot be removed: `''`: `currentBlock`). Facilitator only. */
export function removeAgendaBlock(blockId: string): FieldErrors | null {
  if (state()?.currentBlockId === blockId) return { '': 'currentBlock' };
  return asFacilitator((doc) =>
    writeAgenda(
      doc,
      readFacilitation(doc).agenda.filter((b) => b.id !== blockId),
    ),
  );
}

/** Moves block `blockId` to position `toIndex` (0-based); durations travel with their blocks, so the end time stays. Facilitator only. */
export function moveAgendaBlock(blockId: string, toIndex: number): FieldErrors | null {
  return asFacilitator((doc) => {
    const agenda = readFacilitation(doc).agenda;
    writeAgenda(
      doc,
      moveBlock(
        agenda,
        agenda.findIndex((b) => b.id === blockId),
        toIndex,
      ),
    );
  });
}

/**
 * Sets the planned start of the first block (epoch ms on this laptop's
 * clock, stored on the host's; null: unplanned). Facilitator only.
 */
export function planAgendaStart(startsAt: number | null): FieldErrors | null {
  return asFacilitator((doc) => setPlannedStart(doc, startsAt === null ? null : startsAt + clockOffsetMs()));
}

// ——— Running the workshop (not undoable) ———

function hostNow(): number {
  return Date.now() + clockOffsetMs();
}

/**
 * Makes block `blockId` the current one and starts its timer now for the
 * block's full duration. When the workshop was not running, this starts it:
 * the agenda's start becomes now less the blocks planned before this one.
 * Facilitator only.
 */
export function goToBlock(blockId: string): FieldErrors | null {
  return asFacilitatorRunning((doc) => {
    const s = readFacilitation(doc);
    const block = s.agenda.find((b) => b.id === blockId);
    if (!block) throw notFound('agenda block', blockId);
    const timer = startTimer(blockId, block.durationMinutes * MINUTE_MS, Date.now(), clockOffsetMs());
    // Starting the run: the agenda's start is when this block starts, less the blocks planned before it.
    const before = s.agenda.slice(0, s.agenda.indexOf(block)).reduce((n, b) => n + b.durationMinutes, 0);
    writeRun(doc, { currentBlockId: blockId, timer, ...(s.currentBlockId === null ? { startsAt: hostNow() - before * MINUTE_MS } : {}) });
  });
}

/** Starts the workshop at its first block (`''`: `emptyAgenda` without blocks). Facilitator only. */
export function startWorkshop(): FieldErrors | null {
  const first = state()?.agenda[0];
  if (!first) return { '': 'emptyAgenda' };
  return goToBlock(first.id);
}

/** Moves to the block after the current one and starts its timer; after the last block the workshop ends (no current block). Facilitator only. */
export function nextBlock(): FieldErrors | null {
  const s = state();
  if (!s) return NO_WORKSHOP;
  const index = s.agenda.findIndex((b) => b.id === s.currentBlockId);
  const next = s.agenda[index + 1];
  if (next) return goToBlock(next.id);
  return endWorkshop();
}

/** Moves back to the block before the current one (its timer starts again). Facilitator only. */
export function previousBlock(): FieldErrors | null {
  const s = state();
  if (!s) return NO_WORKSHOP;
  const index = s.agenda.findIndex((b) => b.id === s.currentBlockId);
  const prev = s.agenda[index - 1];
  return prev ? goToBlock(prev.id) : { '': 'firstBlock' };
}

/** Ends the run: no current block, no timer (the agenda and everything recorded stay). Facilitator only. */
export function endWorkshop(): FieldErrors | null {
  return asFacilitatorRunning((doc) => writeRun(doc, { currentBlockId: null, timer: null }));
}

/** Pauses the current block's timer (`''`: `noTimer` when none runs). Facilitator only. */
export function pauseTimer(): FieldErrors | null {
  return asFacilitatorRunning((doc) => {
    const s = readFacilitation(doc);
    if (!s.timer) throw invalid('noTimer', 'timer');
    writeRun(doc, { currentBlockId: s.currentBlockId, timer: pauseTimerState(s.timer, Date.now(), clockOffsetMs()) });
  });
}

/** Resumes the paused timer; the time already run is kept. Facilitator only. */
export function resumeTimer(): FieldErrors | null {
  return asFacilitatorRunning((doc) => {
    const s = readFacilitation(doc);
    if (!s.timer) throw invalid('noTimer', 'timer');
    writeRun(doc, { currentBlockId: s.currentBlockId, timer: resumeTimerState(s.timer, Date.now(), clockOffsetMs()) });
  });
}

/**
 * Adds `minutes` (default 5) to block `blockId` (default: the current one),
 * with `mode` `keep-end` (the blocks after it shrink so the agenda ends when
 * it did, none below one minute) or `move-end` (the end moves). When the
 * block is running, its timer gets the minutes too. Agenda and timer change
 * in one step, which is not undone (the timer is not undoable).
 * Errors: `''`: `noBlock`; the agenda's own (`N.durationMinutes`: `blockMinutes`). Facilitator only.
 */
export function addBlockMinutes(mode: ExtendMode, minutes = 5, blockId?: string): FieldErrors | null {
  return asFacilitatorRunning((doc) => {
    const s = readFacilitation(doc);
    const id = blockId ?? s.currentBlockId;
    if (!id || !s.agenda.some((b) => b.id === id)) throw invalid('noBlock', 'agenda');
    const { agenda } = addMinutes(s.agenda, id, minutes, mode);
    const timer = s.timer && s.timer.blockId === id ? extendTimer(s.timer, minutes * MINUTE_MS) : s.timer;
    writeRun(doc, { currentBlockId: s.currentBlockId, timer, agenda });
  });
}

/** "Add five minutes" to the current block (see {@link addBlockMinutes}). */
export function addFiveMinutes(mode: ExtendMode): FieldErrors | null {
  return addBlockMinutes(mode, 5);
}

/** Brings everyone's screen to `step` (and item `itemId`: a gap, term, clause…). Facilitator only. */
export function bringEveryoneHere(step: AgendaStep, itemId: string | null = null): FieldErrors | null {
  return asFacilitatorRunning((doc) => writeFollow(doc, { step, itemId, at: hostNow() }));
}

/** Lets everyone move freely again. Facilitator only. */
export function releaseEveryone(): FieldErrors | null {
  return asFacilitatorRunning((doc) => writeFollow(doc, null));
}

// ——— Private drafting, then reveal ———

/**
 * Starts private drafting for block `blockId` (default: the current one):
 * both parties draft and neither sees the other's draft until the reveal.
 * Refused while another round drafts (`privateRound`: `roundOpen`). Facilitator only.
 */
export function startPrivateDrafting(blockId?: string, hideAuthors = false): FieldErrors | null {
  return asFacilitatorRunning((doc) => {
    const s = readFacilitation(doc);
    const id = blockId ?? s.currentBlockId;
    const block = s.agenda.find((b) => b.id === id);
    if (!block) throw invalid('noBlock', 'private round');
    startRound(doc, {
      blockId: block.id,
      step: block.step,
      status: 'drafting',
      hideAuthors,
      startedAt: hostNow(),
      revealedAt: null,
      parties: ['marketing', 'sales'],
    });
  });
}

/**
 * Ends private mode: every draft of the round becomes visible to all, side
 * by side (Compare, the glossary's variants); with `hideAuthors` without
 * the authors' names. Only the facilitator can (`facilitatorOnly`).
 */
export function revealDrafts(hideAuthors: boolean): FieldErrors | null {
  return asFacilitatorRunning((doc) => revealRound(doc, hideAuthors, hostNow()));
}

/**
 * Saves this team's draft of `target` in the drafting round: `text` (a
 * definition, a clause) and/or `value` (a number: an SLA target, a rate as a
 * fraction 0..1). The team is the seat's (in a room) or the one this laptop
 * drafts as (`setDraftingParty`); `''`: `noParty` when neither is a party.
 * Errors: `blockId`: `noRound` outside a drafting round. Undoable.
 */
export function saveDraft(
  target: FacilitationTarget,
  draft: { text?: string; value?: number | null },
  party: Party | null = draftingParty(),
): FieldErrors | null {
  const round = state()?.privateRound;
  if (!round || round.status !== 'drafting') return { blockId: 'noRound' };
  if (!party) return { '': 'noParty' };
  const actor = currentActor();
  const id = draftId(round.blockId, party, target);
  const previous = state()?.drafts.find((d) => d.id === id);
  return run((doc) =>
    writeDraft(doc, {
      id,
      blockId: round.blockId,
      step: round.step,
      party,
      target,
      text: draft.text ?? previous?.text ?? '',
      value: draft.value !== undefined ? draft.value : (previous?.value ?? null),
      authorId: actor.id,
      authorName: actor.name,
      updatedAt: hostNow(),
    }),
  );
}

/** Removes this team's draft of `target` in the drafting round. Undoable. */
export function discardDraft(target: FacilitationTarget, party: Party | null = draftingParty()): FieldErrors | null {
  const round = state()?.privateRound;
  if (!round || !party) return { blockId: 'noRound' };
  return run((doc) => removeDraft(doc, draftId(round.blockId, party, target)));
}

/**
 * Adopts a revealed draft into the workshop: a term's drafted definition
 * becomes the term's definition; an SLA commitment's drafted number its
 * target. One undoable step, refused when the section is locked (the edit
 * path's lock check) and for drafts of other kinds (`''`: `cannotAdopt`).
 * Facilitator only.
 */
export function adoptDraft(id: string): FieldErrors | null {
  const s = state();
  const d = s?.drafts.find((x) => x.id === id);
  if (!s || !d) return { '': 'notFound' };
  if (s.privateRound?.status === 'drafting' && s.privateRound.blockId === d.blockId) return { privateRound: 'roundOpen' };
  if ((d.target.kind === 'term' || d.target.kind === 'term-variant') && d.text.trim() !== '')
    return asFacilitator((doc) => updateTerm(doc, d.target.id, { definition: d.text }));
  if (d.target.kind === 'sla-item' && d.value !== null) return asFacilitator((doc) => updateCommitment(doc, d.target.id, { target: d.value! }));
  return { '': 'cannotAdopt' };
}

// ——— Votes (not undoable) ———

/**
 * Opens a vote: `dots` over `targets` (each voter spreads up to
 * `dotsPerVoter`, default 3) or `consent` on one target ("can you live with
 * this?"). `id` is made when absent. Facilitator only.
 */
export function openVote(input: { id?: string; kind: VoteKind; question: string; targets: FacilitationTarget[]; dotsPerVoter?: number }): FieldErrors | null {
  return asFacilitatorRunning((doc) =>
    openVoteInDoc(doc, {
      id: input.id ?? newId(),
      kind: input.kind,
      question: input.question,
      targets: input.kind === 'consent' ? input.targets.slice(0, 1) : input.targets,
      dotsPerVoter: input.kind === 'consent' ? 1 : (input.dotsPerVoter ?? 3),
      status: 'open',
      openedAt: hostNow(),
      closedAt: null,
      ballots: {},
    }),
  );
}

/**
 * Casts (or changes) a ballot in open vote `voteId`: `{ dots: { targetId: n } }`
 * or `{ consent: 'yes' | 'live-with' | 'no' }`. The voter is this seat's
 * person; the facilitator may record a ballot for someone else (`voter`,
 * e.g. on one laptop with the room voting by hand). Errors: `''`: `voteClosed`,
 * `dots`: `tooManyDots` / `required`, `consent`: `required`.
 */
export function castVote(voteId: string, ballot: Pick<Ballot, 'dots' | 'consent'>, voter?: { id: string; name: string; team: Team }): FieldErrors | null {
  if (currentSeat().role === 'projector') return { '': 'readOnlySeat' };
  if (voter && !canFacilitateNow()) return FACILITATOR_ONLY;
  const me = currentActor();
  const who = voter ?? (me.team ? { id: me.id, name: me.name, team: me.team } : null);
  if (!who) return { '': 'noTeam' };
  return run(
    (doc) =>
      castBallot(doc, voteId, who.id, {
        team: who.team,
        name: who.name,
        ...(ballot.dots ? { dots: ballot.dots } : {}),
        ...(ballot.consent ? { consent: ballot.consent } : {}),
      }),
    FACILITATION_ORIGIN,
  );
}

/** Closes vote `voteId` (its results stay). Facilitator only. */
export function closeVote(voteId: string): FieldErrors | null {
  return asFacilitatorRunning((doc) => closeVoteInDoc(doc, voteId, hostNow()));
}

/** Deletes vote `voteId` and its ballots. Facilitator only. */
export function removeVote(voteId: string): FieldErrors | null {
  return asFacilitatorRunning((doc) => removeVoteInDoc(doc, voteId));
}

// ——— Decisions (undoable) ———

/**
 * Records a decision: what, why, who by team (`decidedBy`), and what it
 * changed (`links`: a gap, term, stage, clause or scenario, with its name as
 * it is now). `id` is made when absent. Errors: `what`: `required`… Facilitator only.
 */
export function recordDecision(input: Omit<Decision, 'id' | 'decidedAt'> & { id?: string }): FieldErrors | null {
  if (input.what.trim() === '') return canFacilitateNow() ? { what: 'required' } : FACILITATOR_ONLY;
  return asFacilitator((doc) => addDecision(doc, { ...input, id: input.id ?? newId(), what: input.what.trim(), why: input.why.trim(), decidedAt: hostNow() }));
}

/** Changes decision `id`. Facilitator only. */
export function editDecision(id: string, patch: Partial<Omit<Decision, 'id'>>): FieldErrors | null {
  return asFacilitator((doc) => updateDecision(doc, id, patch));
}

/** Deletes decision `id`. Facilitator only. */
export function deleteDecision(id: string): FieldErrors | null {
  return asFacilitator((doc) => removeDecision(doc, id));
}

// ——— The parking lot (undoable; anyone but a projector) ———

/** Parks a question with an owner (participant id or null) and a due date (`YYYY-MM-DD` or null). `id` is made when absent. */
export function parkQuestion(input: { id?: string; question: string; ownerId: string | null; due: string | null }): FieldErrors | null {
  if (currentSeat().role === 'projector') return { '': 'readOnlySeat' };
  if (input.question.trim() === '') return { question: 'required' };
  return run((doc) =>
    addParkingItem(doc, {
      id: input.id ?? newId(),
      question: input.question.trim(),
      ownerId: input.ownerId,
      due: input.due,
      status: 'open',
      createdAt: hostNow(),
    }),
  );
}

/** Changes parking-lot question `id` (question, owner, due date, `status` open or done). */
export function editParkedQuestion(id: string, patch: Partial<Omit<ParkingItem, 'id' | 'createdAt'>>): FieldErrors | null {
  if (currentSeat().role === 'projector') return { '': 'readOnlySeat' };
  return run((doc) => updateParkingItem(doc, id, patch));
}

/** Deletes parking-lot question `id`. */
export function removeParkedQuestion(id: string): FieldErrors | null {
  if (currentSeat().role === 'projector') return { '': 'readOnlySeat' };
  return run((doc) => removeParkingItem(doc, id));
}

// ——— Locks (not undoable; recorded in the audit trail) ———

function auditLock(type: 'locked' | 'unlocked', section: LockableSection): void {
  const session = useAppStore.getState().session;
  if (!session) return;
  const { id: _id, ...actor } = currentActor();
  recordAudit(db, session.id, { type, actor, details: { section } }).catch((error: unknown) =>
    useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: error instanceof Error ? error.message : String(error) } }),
  );
}

/**
 * Locks section `section` once it is agreed: every edit of it is refused
 * until it is unlocked (the edit path's one check, `data/session.ts`), and
 * the audit trail records the lock. Errors: `section`: `alreadyLocked`. Facilitator only.
 */
export function lockSection(section: LockableSection): FieldErrors | null {
  const errors = asFacilitatorRunning((doc) => lockSectionInDoc(doc, section, currentActor().name, hostNow()));
  if (!errors) auditLock('locked', section);
  return errors;
}

/** Unlocks section `section`; the audit trail records it. Errors: `section`: `notLocked`. Facilitator only. */
export function unlockSection(section: LockableSection): FieldErrors | null {
  const errors = asFacilitatorRunning((doc) => unlockSectionInDoc(doc, section));
  if (!errors) auditLock('unlocked', section);
  return errors;
}

// ——— helpers ———

function invalid(key: string, what: string): Error {
  // Thrown inside edit(): an InvalidEditError comes back as the field errors.
  return new InvalidEditError({ '': key }, what);
}

function notFound(what: string, id: string): Error {
  return new InvalidEditError({ '': 'notFound' }, `${what} ${id}`);
}
