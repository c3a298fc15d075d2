/**
 * Facilitation state of the open workshop for React: read from the
 * workshop's Y.Doc (one read per document update, shared by every hook),
 * with what is derived from it (the live schedule, the timer at this
 * moment, who may see which draft, vote tallies, locks), plus the two bits
 * of local state facilitation needs: this laptop's clock offset to the room
 * host, and which team this laptop drafts as outside a room.
 *
 * The timer is computed, never counted: {@link useTimerView} re-reads the
 * clock a few times a second and derives what is left from the timer's
 * start and duration (`shared/facilitation/timer.ts`).
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { create } from 'zustand';
import { currentSeat, useSeat } from '../../data/seat';
import { activeDoc } from '../../data/session';
import { useAppStore, type Step } from '../../store';
import type { FunnelId, Party } from '../../../shared/domain/workshop';
import { PARTIES } from '../../../shared/domain/workshop';
import { agendaEnd, liveSchedule, totalMinutes, type AgendaTemplateId, type BlockTime } from '../../../shared/facilitation/agenda';
import {
  canCompareFunnels,
  canSeeTeamFunnel,
  draftProgress,
  draftsSideBySide,
  termVariants,
  visibleDrafts,
  type DraftPair,
  type DraftViewer,
  type ShownDraft,
} from '../../../shared/facilitation/drafting';
import { EMPTY_FACILITATION, readFacilitation } from '../../../shared/facilitation/facilitation-doc';
import { agreementRecord, type AgreementRecord } from '../../../shared/facilitation/record';
import { isLocked } from '../../../shared/facilitation/locks';
import { canFacilitate } from '../../../shared/facilitation/roles';
import { timerPhase, timerStartHost, timerView, timeUpSignal, type TimerPhase, type TimerView } from '../../../shared/facilitation/timer';
import type { AgendaBlock, AgendaStep, FacilitationState, LockableSection, Vote } from '../../../shared/facilitation/types';
import { tallyVote, type VoteTally } from '../../../shared/facilitation/votes';

// ——— Local state: clock offset and drafting party ———

interface LocalFacilitation {
  /** Host clock − this laptop's clock (ms); 0 outside a room. */
  offsetMs: number;
  /** The team this laptop drafts as outside a room (in a room the seat's team decides). */
  draftingParty: Party | null;
}

const useLocal = create<LocalFacilitation>(() => ({ offsetMs: 0, draftingParty: null }));

/**
 * Sets this laptop's clock offset to the room host (host − local, ms), as
 * estimated by the room layer from its pings or awareness timestamps
 * (`estimateClockOffset` / `offsetFromStamps` in `shared/facilitation/timer.ts`);
 * 0 when the room ends. Timers written and read here are corrected by it.
 */
export function setRoomClockOffset(offsetMs: number): void {
  useLocal.setState({ offsetMs: Number.isFinite(offsetMs) ? Math.round(offsetMs) : 0 });
}

/** This laptop's clock offset to the room host (ms), for writing timers. */
export function clockOffsetMs(): number {
  return useLocal.getState().offsetMs;
}

/** The clock offset, re-rendering when it changes. */
export function useClockOffset(): number {
  return useLocal((s) => s.offsetMs);
}

/** Outside a room: which team this laptop drafts as now (the teams take turns at one laptop); null: nobody (the projector view). */
export function setDraftingParty(party: Party | null): void {
  useLocal.setState({ draftingParty: party });
}

const asParty = (team: string | null | undefined): Party | null => (team && (PARTIES as readonly string[]).includes(team) ? (team as Party) : null);

/** The team this laptop drafts and sees drafts as: the seat's team in a room, else the one chosen with {@link setDraftingParty}. */
export function draftingParty(): Party | null {
  const seat = currentSeat();
  return seat.identity ? asParty(seat.identity.team) : useLocal.getState().draftingParty;
}

/** The local drafting party (outside a room), re-rendering when it changes. */
export function useLocalDraftingParty(): Party | null {
  return useLocal((s) => s.draftingParty);
}

// ——— The document's state, shared by every hook ———

interface Cache {
  doc: Y.Doc;
  state: FacilitationState;
  listeners: Set<() => void>;
  onUpdate: () => void;
}

let cache: Cache | null = null;

function cacheFor(doc: Y.Doc): Cache {
  if (cache?.doc === doc) return cache;
  if (cache) cache.doc.off('update', cache.onUpdate);
  const entry: Cache = {
    doc,
    state: readFacilitation(doc),
    listeners: new Set(),
    onUpdate: () => {
      entry.state = readFacilitation(doc);
      for (const l of entry.listeners) l();
    },
  };
  doc.on('update', entry.onUpdate);
  cache = entry;
  return entry;
}

function subscribe(listener: () => void): () => void {
  const doc = activeDoc();
  if (!doc) return () => undefined;
  const entry = cacheFor(doc);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

function snapshot(): FacilitationState {
  const doc = activeDoc();
  return doc ? cacheFor(doc).state : EMPTY_FACILITATION;
}

/** The open workshop's whole facilitation state (EMPTY_FACILITATION with none open), re-rendering on every change of it. */
export function useFacilitation(): FacilitationState {
  // The session id makes React subscribe again when another workshop opens.
  const sessionId = useAppStore((s) => s.session?.id ?? null);
  const sub = useCallback(
    (listener: () => void) => {
      void sessionId;
      return subscribe(listener);
    },
    [sessionId],
  );
  return useSyncExternalStore(sub, snapshot, snapshot);
}

// ——— Who facilitates, who drafts ———

/** True when this laptop's seat may use the facilitator's controls. */
export function useCanFacilitate(): boolean {
  const seat = useSeat();
  const { facilitatorId } = useFacilitation();
  return canFacilitate(seat, facilitatorId);
}

/** Who is looking, for the private-drafting rules: the seat's team in a room, else the local drafting party. */
export function useDraftViewer(): DraftViewer {
  const seat = useSeat();
  const local = useLocal((s) => s.draftingParty);
  const team = seat.identity ? seat.identity.team : local;
  return useMemo(() => ({ team }), [team]);
}

// ——— The agenda and the timer ———

/** A block with its live start and end (epoch ms on the host's clock) and whether it is the current one. */
export interface ScheduledBlock extends AgendaBlock {
  startsAt: number;
  endsAt: number;
  current: boolean;
}

/**
 * The agenda with each block's time (host clock) as the workshop runs:
 * planned before it starts, from the first block's planned start (or, when
 * none is set, from when this screen opened), the projected end, and the
 * total planned minutes.
 */
export function useSchedule(): { blocks: ScheduledBlock[]; endsAt: number | null; totalMinutes: number } {
  const { agenda, startsAt, timer, currentBlockId } = useFacilitation();
  const offset = useClockOffset();
  const [openedAt] = useState(() => Date.now());
  return useMemo(() => {
    const start = startsAt ?? openedAt + offset;
    const current =
      timer && currentBlockId === timer.blockId ? { blockId: timer.blockId, startedAt: timerStartHost(timer), durationMs: timer.durationMs } : null;
    const times = new Map<string, BlockTime>(liveSchedule(agenda, start, current).map((t) => [t.blockId, t]));
    const blocks = agenda.map((b) => ({ ...b, startsAt: times.get(b.id)!.startsAt, endsAt: times.get(b.id)!.endsAt, current: b.id === currentBlockId }));
    const endsAt = blocks.length > 0 ? blocks[blocks.length - 1]!.endsAt : agenda.length === 0 ? null : agendaEnd(agenda, start);
    return { blocks, endsAt, totalMinutes: totalMinutes(agenda) };
  }, [agenda, startsAt, timer, currentBlockId, offset, openedAt]);
}

/** The current block, or null when the workshop is not running. */
export function useCurrentBlock(): AgendaBlock | null {
  const { agenda, currentBlockId } = useFacilitation();
  return useMemo(() => agenda.find((b) => b.id === currentBlockId) ?? null, [agenda, currentBlockId]);
}

/** How often the timer is re-read from the clock (ms): often enough that seconds never skip. */
export const TIMER_REFRESH_MS = 250;

/**
 * The current block's timer as this laptop sees it now (time left, over
 * time, paused, phase), re-read from the clock every {@link TIMER_REFRESH_MS};
 * null when no timer runs.
 */
export function useTimerView(): (TimerView & { phase: TimerPhase }) | null {
  const { timer } = useFacilitation();
  const offset = useClockOffset();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timer || timer.pausedAt !== null) return;
    const id = setInterval(() => setNow(Date.now()), TIMER_REFRESH_MS);
    return () => clearInterval(id);
  }, [timer]);
  if (!timer) return null;
  const view = timerView(timer, now, offset);
  return { ...view, phase: timerPhase(view) };
}

/**
 * Calls `onTimeUp` once when the current block's time runs out while this
 * screen watches (the gentle signal: a chime, a flash); not for a timer that
 * was already over when the screen opened.
 */
export function useTimeUp(onTimeUp: () => void): void {
  const view = useTimerView();
  const previous = useRef<TimerView | null>(null);
  const callback = useRef(onTimeUp);
  useEffect(() => {
    callback.current = onTimeUp;
  });
  useEffect(() => {
    if (timeUpSignal(previous.current, view)) callback.current();
    previous.current = view;
  }, [view]);
}

/** The translation key of agenda template `id`'s name (`facilitation.templates.*`). */
export function agendaTemplateLabelKey(id: AgendaTemplateId): string {
  return `facilitation.templates.${id}`;
}

/** Where an agenda step takes the app: its workshop step (the agenda for the introduction), and the funnel's Compare tab for `compare`; null for a break. */
export function routeForAgendaStep(step: AgendaStep): { step: Step; tab?: 'compare' } | null {
  switch (step) {
    case 'intro':
      return { step: 'agenda' };
    case 'participants':
      return { step: 'participants' };
    case 'compare':
      return { step: 'funnel', tab: 'compare' };
    case 'break':
      return null;
    default:
      return { step };
  }
}

/** The facilitator's "bring everyone here", or null when everyone moves freely. */
export function useFollow(): FacilitationState['follow'] {
  return useFacilitation().follow;
}

// ——— Private drafting ———

/** The private round (drafting or revealed), or null. */
export function usePrivateRound(): FacilitationState['privateRound'] {
  return useFacilitation().privateRound;
}

/** The drafts this laptop may see now (own team's while drafting; all once revealed, authors hidden if asked). */
export function useVisibleDrafts(): ShownDraft[] {
  const { drafts, privateRound } = useFacilitation();
  const viewer = useDraftViewer();
  return useMemo(() => visibleDrafts(drafts, privateRound, viewer), [drafts, privateRound, viewer]);
}

/** The visible drafts side by side by item (Compare after a reveal); `blockId` limits them to one round. */
export function useDraftPairs(blockId?: string): DraftPair[] {
  const { drafts, privateRound } = useFacilitation();
  const viewer = useDraftViewer();
  return useMemo(() => draftsSideBySide(drafts, privateRound, viewer, blockId), [drafts, privateRound, viewer, blockId]);
}

/** The visible drafted definitions of term `termId`, for the glossary's variants side by side. */
export function useTermVariants(termId: string): ShownDraft[] {
  const { drafts, privateRound } = useFacilitation();
  const viewer = useDraftViewer();
  return useMemo(() => termVariants(drafts, privateRound, viewer, termId), [drafts, privateRound, viewer, termId]);
}

/** How many items each team has drafted in the current round (counts are visible to everyone). */
export function useDraftProgress(): Record<Party, number> {
  const { drafts, privateRound } = useFacilitation();
  return useMemo(() => draftProgress(drafts, privateRound), [drafts, privateRound]);
}

/** Whether this laptop may see team funnel `funnelId` now (hidden during the other team's private funnel drafting). */
export function useCanSeeTeamFunnel(funnelId: FunnelId): boolean {
  const round = usePrivateRound();
  const viewer = useDraftViewer();
  return canSeeTeamFunnel(funnelId, round, viewer);
}

/** False while teams draft their funnels privately (Compare would show the other team's). */
export function useCanCompareFunnels(): boolean {
  return canCompareFunnels(usePrivateRound());
}

// ——— Votes, decisions, the parking lot ———

/** Every vote, oldest first, each with its tally by team. */
export function useVotes(): { vote: Vote; tally: VoteTally }[] {
  const { votes } = useFacilitation();
  return useMemo(() => votes.map((vote) => ({ vote, tally: tallyVote(vote) })), [votes]);
}

/** The decisions, oldest first. */
export function useDecisions(): FacilitationState['decisions'] {
  return useFacilitation().decisions;
}

/** The parking lot, as raised. */
export function useParkingLot(): FacilitationState['parkingLot'] {
  return useFacilitation().parkingLot;
}

/** What a version frozen now would record: the decisions and the open questions (null: none). */
export function useAgreementRecord(): AgreementRecord | null {
  const state = useFacilitation();
  const participants = useAppStore((s) => s.session?.content.participants);
  return useMemo(() => agreementRecord(state, participants ?? []), [state, participants]);
}

// ——— Locks ———

/** The locks, by section. */
export function useLocks(): FacilitationState['locks'] {
  return useFacilitation().locks;
}

/** True while section `section` is locked (its edits are refused). */
export function useSectionLocked(section: LockableSection): boolean {
  return isLocked(useFacilitation().locks, section);
}
