/**
 * TEMPORARY: what the facilitation components call, until the facilitation
 * model (`shared/facilitation/*`, `./actions.ts`, `./hooks.ts`) lands. An
 * in-memory stand-in with the same shapes (`shared/facilitation/types.ts`);
 * replaced by re-exports of the real model when it is merged.
 */
import { create } from 'zustand';
import type { AgendaBlock, AgendaStep, FacilitationState as BaseState, FacilitationTarget, LockableSection, PrivateRound, TimerState, Vote, VoteKind } from '../../../shared/facilitation/types';
import type { Party, Team } from '../../../shared/domain/workshop';
import { useSeat } from '../../data/seat';

/** As the model's `PrivateDraft` (shared/facilitation/types.ts, being added). */
export interface PrivateDraft {
  id: string;
  blockId: string;
  step: AgendaStep;
  party: Party;
  target: FacilitationTarget;
  text: string;
  value: number | null;
  authorId: string;
  authorName: string;
  updatedAt: number;
}
export type FacilitationState = BaseState & { drafts: PrivateDraft[] };

const EMPTY: FacilitationState = {
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
};

const useStub = create<FacilitationState>(() => EMPTY);
const set = (patch: Partial<FacilitationState> | ((s: FacilitationState) => Partial<FacilitationState>)) => {
  useStub.setState(patch);
  return null;
};
let counter = 0;
const id = () => `stub-${++counter}`;

export function useFacilitation(): FacilitationState {
  return useStub();
}
export function useCanFacilitate(): boolean {
  return useSeat().role === 'facilitator';
}

export const AGENDA_TEMPLATE_IDS = ['standard-3h', 'compact-2h', 'extended-4h'] as const;
export type AgendaTemplateId = (typeof AGENDA_TEMPLATE_IDS)[number];

export function applyAgendaTemplate(_templateId: AgendaTemplateId, language: 'es' | 'en') {
  const b = (title: string, step: AgendaStep, durationMinutes: number, privateDrafting = false): AgendaBlock => ({ id: id(), title, step, durationMinutes, privateDrafting });
  const es = language === 'es';
  return set({
    agenda: [
      b(es ? 'Introducción' : 'Introduction', 'intro', 15),
      b(es ? 'Embudo de Marketing' : 'Marketing’s funnel', 'funnel', 25, true),
      b(es ? 'Embudo de Ventas' : 'Sales’ funnel', 'funnel', 25, true),
      b(es ? 'Comparar' : 'Compare', 'compare', 20),
      b(es ? 'Pausa' : 'Break', 'break', 10),
      b(es ? 'Glosario' : 'Glossary', 'glossary', 30, true),
      b('SLA', 'sla', 25),
      b(es ? 'Objetivos' : 'Targets', 'targets', 20, true),
      b(es ? 'Firma' : 'Sign', 'sign', 10),
    ],
  });
}
export function addAgendaBlock(block: Omit<AgendaBlock, 'id'>) {
  return set((s) => ({ agenda: [...s.agenda, { ...block, id: id() }] }));
}
export function updateAgendaBlock(blockId: string, patch: Partial<Omit<AgendaBlock, 'id'>>) {
  return set((s) => ({ agenda: s.agenda.map((x) => (x.id === blockId ? { ...x, ...patch } : x)) }));
}
export function removeAgendaBlock(blockId: string) {
  return set((s) => ({ agenda: s.agenda.filter((x) => x.id !== blockId) }));
}
export function moveAgendaBlock(blockId: string, toIndex: number) {
  return set((s) => {
    const list = s.agenda.filter((x) => x.id !== blockId);
    const block = s.agenda.find((x) => x.id === blockId);
    if (!block) return {};
    list.splice(Math.max(0, Math.min(toIndex, list.length)), 0, block);
    return { agenda: list };
  });
}
export function setAgendaStart(startsAt: number | null) {
  return set({ startsAt });
}
export function startWorkshop(now = Date.now()) {
  const first = useStub.getState().agenda[0];
  if (!first) return null;
  return set({ startsAt: now, currentBlockId: first.id, timer: { blockId: first.id, startedAt: now, durationMs: first.durationMinutes * 60_000, pausedAt: null, clockOffsetMs: 0 } });
}
export function goToBlock(blockId: string, now = Date.now()) {
  const block = useStub.getState().agenda.find((x) => x.id === blockId);
  if (!block) return null;
  return set({ currentBlockId: block.id, timer: { blockId: block.id, startedAt: now, durationMs: block.durationMinutes * 60_000, pausedAt: null, clockOffsetMs: 0 } });
}
export function nextBlock(now = Date.now()) {
  const s = useStub.getState();
  const i = s.agenda.findIndex((x) => x.id === s.currentBlockId);
  const next = s.agenda[i + 1];
  if (!next) return set({ currentBlockId: null, timer: null });
  return goToBlock(next.id, now);
}
export function previousBlock(now = Date.now()) {
  const s = useStub.getState();
  const i = s.agenda.findIndex((x) => x.id === s.currentBlockId);
  const prev = s.agenda[i - 1];
  return prev ? goToBlock(prev.id, now) : null;
}
export function extendCurrentBlock(minutes: number, mode: 'keep-end' | 'move-end') {
  void mode;
  return set((s) => (s.timer ? { timer: { ...s.timer, durationMs: s.timer.durationMs + minutes * 60_000 } } : {}));
}
export function pauseTimer(now = Date.now()) {
  return set((s) => (s.timer ? { timer: { ...s.timer, pausedAt: now } } : {}));
}
export function resumeTimer(now = Date.now()) {
  return set((s) => (s.timer && s.timer.pausedAt !== null ? { timer: { ...s.timer, startedAt: s.timer.startedAt + (now - s.timer.pausedAt), pausedAt: null } } : {}));
}
export function endWorkshop() {
  return set({ currentBlockId: null, timer: null });
}

/** As `shared/facilitation/timer.ts` `TimerView`. */
export interface TimerView {
  blockId: string;
  elapsedMs: number;
  remainingMs: number;
  durationMs: number;
  paused: boolean;
  timeUp: boolean;
  endsAtLocal: number | null;
  endsAtHost: number | null;
}
export function timerView(timer: TimerState, localNow: number, readerOffsetMs: number): TimerView {
  void readerOffsetMs;
  const now = timer.pausedAt ?? localNow;
  const elapsedMs = Math.max(0, now - timer.startedAt);
  const remainingMs = timer.durationMs - elapsedMs;
  const paused = timer.pausedAt !== null;
  const endsAt = paused ? null : timer.startedAt + timer.durationMs;
  return { blockId: timer.blockId, elapsedMs, remainingMs, durationMs: timer.durationMs, paused, timeUp: remainingMs <= 0, endsAtLocal: endsAt, endsAtHost: endsAt };
}
export function formatTimer(ms: number): string {
  const negative = ms < 0;
  const total = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
  return negative && total > 0 ? `-${body}` : body;
}
/** The clock offset of this laptop to the room host (host − local, ms); 0 outside a room. */
export function useClockOffset(): number {
  return 0;
}

export interface BlockTime {
  blockId: string;
  startsAt: number;
  endsAt: number;
}
export function blockTimes(agenda: readonly AgendaBlock[], startsAt: number): BlockTime[] {
  let at = startsAt;
  return agenda.map((b) => {
    const time = { blockId: b.id, startsAt: at, endsAt: at + b.durationMinutes * 60_000 };
    at = time.endsAt;
    return time;
  });
}
export function totalMinutes(agenda: readonly AgendaBlock[]): number {
  return agenda.reduce((sum, b) => sum + b.durationMinutes, 0);
}

export function bringEveryoneHere(step: AgendaStep, itemId: string | null, now = Date.now()) {
  return set({ follow: { step, itemId, at: now } });
}
export function stopBringingEveryone() {
  return set({ follow: null });
}

export function startPrivateRound(blockId: string, hideAuthors: boolean, now = Date.now()) {
  const block = useStub.getState().agenda.find((x) => x.id === blockId);
  if (!block) return null;
  return set({ privateRound: { blockId, step: block.step, status: 'drafting', hideAuthors, startedAt: now, revealedAt: null, parties: ['marketing', 'sales'] } });
}
export function revealPrivateRound(hideAuthors: boolean, now = Date.now()) {
  return set((s) => (s.privateRound ? { privateRound: { ...s.privateRound, hideAuthors, status: 'revealed', revealedAt: now } } : {}));
}
export function endPrivateRound() {
  return set({ privateRound: null });
}
export function saveDraft(draft: Omit<PrivateDraft, 'id' | 'updatedAt' | 'blockId' | 'step'>, now = Date.now()) {
  return set((s) => {
    const round = s.privateRound;
    if (!round) return {};
    const did = `${round.blockId}:${draft.party}:${draft.target.kind}:${draft.target.id}`;
    const next: PrivateDraft = { ...draft, id: did, blockId: round.blockId, step: round.step, updatedAt: now };
    return { drafts: [...s.drafts.filter((d) => d.id !== did), next] };
  });
}
export interface DraftViewer {
  team: Team | null;
}
export type ShownDraft = Omit<PrivateDraft, 'authorName' | 'authorId'> & { authorName: string | null; authorId: string | null };
export function visibleDrafts(drafts: readonly PrivateDraft[], round: PrivateRound | null, viewer: DraftViewer): ShownDraft[] {
  return drafts
    .filter((d) => !(round && round.status === 'drafting' && d.blockId === round.blockId) || d.party === viewer.team)
    .map((d) => (round && round.status === 'revealed' && round.hideAuthors && d.blockId === round.blockId ? { ...d, authorName: null, authorId: null } : d));
}
export interface DraftPair {
  target: FacilitationTarget;
  byParty: Partial<Record<Party, ShownDraft>>;
}
export function draftsSideBySide(drafts: readonly PrivateDraft[], round: PrivateRound | null, viewer: DraftViewer, blockId?: string): DraftPair[] {
  const pairs = new Map<string, DraftPair>();
  for (const d of visibleDrafts(drafts, round, viewer)) {
    if (blockId !== undefined && d.blockId !== blockId) continue;
    const key = `${d.target.kind}:${d.target.id}`;
    const pair = pairs.get(key) ?? { target: d.target, byParty: {} };
    pair.byParty[d.party] = d;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}
export function draftProgress(drafts: readonly PrivateDraft[], round: PrivateRound | null): Record<Party, number> {
  const out: Record<Party, number> = { marketing: 0, sales: 0 };
  if (!round) return out;
  for (const d of drafts) if (d.blockId === round.blockId) out[d.party] += 1;
  return out;
}

export function openVote(input: { kind: VoteKind; question: string; targets: FacilitationTarget[]; dotsPerVoter: number }, now = Date.now()) {
  const vote: Vote = { ...input, id: id(), status: 'open', openedAt: now, closedAt: null, ballots: {} };
  return set((s) => ({ votes: [...s.votes, vote] }));
}
export function castDots(voteId: string, voter: { id: string; team: Team; name: string }, dots: Record<string, number>) {
  return set((s) => ({ votes: s.votes.map((v) => (v.id === voteId ? { ...v, ballots: { ...v.ballots, [voter.id]: { team: voter.team, name: voter.name, dots } } } : v)) }));
}
export function castConsent(voteId: string, voter: { id: string; team: Team; name: string }, consent: 'yes' | 'live-with' | 'no') {
  return set((s) => ({ votes: s.votes.map((v) => (v.id === voteId ? { ...v, ballots: { ...v.ballots, [voter.id]: { team: voter.team, name: voter.name, consent } } } : v)) }));
}
export function closeVote(voteId: string, now = Date.now()) {
  return set((s) => ({ votes: s.votes.map((v) => (v.id === voteId ? { ...v, status: 'closed' as const, closedAt: now } : v)) }));
}
type ByTeam = Record<Team, number>;
const zero = (): ByTeam => ({ marketing: 0, sales: 0, leadership: 0 });
export interface VoteTally {
  voters: number;
  votersByTeam: ByTeam;
  dots: { targetId: string; total: number; byTeam: ByTeam }[];
  consent: Record<'yes' | 'live-with' | 'no', ByTeam>;
  outcome: 'consent' | 'objection' | 'none' | null;
}
export function tallyVote(vote: Vote): VoteTally {
  const votersByTeam = zero();
  const consent = { yes: zero(), 'live-with': zero(), no: zero() };
  const dots = new Map(vote.targets.map((x) => [x.id, { targetId: x.id, total: 0, byTeam: zero() }]));
  for (const b of Object.values(vote.ballots)) {
    votersByTeam[b.team] += 1;
    if (vote.kind === 'consent' && b.consent) consent[b.consent][b.team] += 1;
    for (const [k, n] of Object.entries(b.dots ?? {})) {
      const d = dots.get(k);
      if (d) {
        d.total += n;
        d.byTeam[b.team] += n;
      }
    }
  }
  const voters = votersByTeam.marketing + votersByTeam.sales + votersByTeam.leadership;
  const noes = consent.no.marketing + consent.no.sales + consent.no.leadership;
  return { voters, votersByTeam, dots: vote.kind === 'dots' ? [...dots.values()].sort((a, b) => b.total - a.total) : [], consent, outcome: vote.kind === 'dots' ? null : voters === 0 ? 'none' : noes > 0 ? 'objection' : 'consent' };
}
export function dotsLeft(vote: Vote, voterId: string): number {
  if (vote.kind !== 'dots') return 0;
  const used = Object.values(vote.ballots[voterId]?.dots ?? {}).reduce((a, b) => a + b, 0);
  return Math.max(0, vote.dotsPerVoter - used);
}

export function recordDecision(input: { what: string; why: string; decidedBy: Team[]; links: FacilitationTarget[] }, now = Date.now()) {
  return set((s) => ({ decisions: [...s.decisions, { ...input, id: id(), decidedAt: now }] }));
}
export function removeDecision(decisionId: string) {
  return set((s) => ({ decisions: s.decisions.filter((d) => d.id !== decisionId) }));
}
export function addParkingItem(input: { question: string; ownerId: string | null; due: string | null }, now = Date.now()) {
  return set((s) => ({ parkingLot: [...s.parkingLot, { ...input, id: id(), status: 'open' as const, createdAt: now }] }));
}
export function updateParkingItem(itemId: string, patch: Partial<{ question: string; ownerId: string | null; due: string | null; status: 'open' | 'done' }>) {
  return set((s) => ({ parkingLot: s.parkingLot.map((p) => (p.id === itemId ? { ...p, ...patch } : p)) }));
}
export function removeParkingItem(itemId: string) {
  return set((s) => ({ parkingLot: s.parkingLot.filter((p) => p.id !== itemId) }));
}
export function lockSection(section: LockableSection, by: string, now = Date.now()) {
  return set((s) => ({ locks: { ...s.locks, [section]: { lockedAt: now, by } } }));
}
export function unlockSection(section: LockableSection) {
  return set((s) => {
    const locks = { ...s.locks };
    delete locks[section];
    return { locks };
  });
}
