/**
 * The block timer as pure math. A timer is a start time and a duration
 * (plus a pause time), never a ticking counter: every laptop computes what
 * is left from its own clock, corrected to the room host's clock, so two
 * laptops whose clocks disagree still show the same time left.
 *
 * Clocks: each laptop knows its offset to the host (`offsetMs` = host clock
 * − local clock, 0 on the host and outside a room), estimated from the
 * room's pings ({@link offsetFromPing}, {@link estimateClockOffset}) or from
 * timestamps in awareness messages ({@link offsetFromStamps}). A timer
 * records the writer's offset (`clockOffsetMs`), so a reader turns the
 * writer's times into host time and its own clock into host time too.
 *
 * Units: epoch milliseconds and milliseconds throughout. Nothing here reads
 * the clock: callers pass `localNow` (`Date.now()`).
 */
import type { TimerState } from './types';

/** Host time of local time `localNow` on a laptop whose clock is `offsetMs` behind the host's (host − local). */
export function toHostTime(localNow: number, offsetMs: number): number {
  return localNow + offsetMs;
}

/** Local time on a laptop with offset `offsetMs` of host time `hostTime`. */
export function toLocalTime(hostTime: number, offsetMs: number): number {
  return hostTime - offsetMs;
}

/** One round trip to the host: sent and received on the local clock, `hostTime` as the host stamped its reply. */
export interface PingSample {
  sentAt: number;
  hostTime: number;
  receivedAt: number;
}

/** An offset estimate (host − local, ms) and how uncertain it is (± half the round trip, ms). */
export interface ClockOffset {
  offsetMs: number;
  /** Half the round trip of the ping it comes from: the true offset is within ± this. */
  uncertaintyMs: number;
}

/**
 * The clock offset one ping shows, as NTP's clock filter takes it: the host
 * stamped its reply halfway through the round trip, so
 * offset = hostTime − (sentAt + receivedAt) / 2, uncertain by ± half the
 * round trip. Null for a sample whose reply came before it was sent.
 */
export function offsetFromPing(sample: PingSample): ClockOffset | null {
  const rtt = sample.receivedAt - sample.sentAt;
  if (!Number.isFinite(rtt) || rtt < 0 || !Number.isFinite(sample.hostTime)) return null;
  return { offsetMs: Math.round(sample.hostTime - (sample.sentAt + sample.receivedAt) / 2), uncertaintyMs: rtt / 2 };
}

/**
 * The best offset from several pings: the one with the shortest round trip
 * (the least delayed by a busy network, as NTP's filter picks). Null with no
 * usable sample.
 */
export function estimateClockOffset(samples: readonly PingSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const s of samples) {
    const o = offsetFromPing(s);
    if (o && (!best || o.uncertaintyMs < best.uncertaintyMs)) best = o;
  }
  return best;
}

/**
 * An offset from one-way timestamps (e.g. the host's clock written into its
 * awareness state, read on arrival at `receivedAt`): each message arrives
 * after it was stamped, so host − local ≥ hostTime − receivedAt for every
 * message; the largest of these (the least delayed message) is the estimate.
 * It errs by the shortest one-way delay (on a LAN, milliseconds). Null with no samples.
 */
export function offsetFromStamps(stamps: readonly { hostTime: number; receivedAt: number }[]): number | null {
  let best: number | null = null;
  for (const s of stamps) {
    const d = s.hostTime - s.receivedAt;
    if (Number.isFinite(d) && (best === null || d > best)) best = d;
  }
  return best === null ? null : Math.round(best);
}

/** A timer as one reader sees it at one moment. */
export interface TimerView {
  blockId: string;
  /** Time run so far (ms), pauses excluded; never negative. */
  elapsedMs: number;
  /** Time left (ms); negative once over time. */
  remainingMs: number;
  durationMs: number;
  paused: boolean;
  /** True once no time is left (`remainingMs <= 0`). */
  timeUp: boolean;
  /** When the block ends on the reader's own clock (epoch ms; for "ends at 11:20"); null while paused. */
  endsAtLocal: number | null;
  /** The same end on the host's clock. */
  endsAtHost: number | null;
}

/** Host time at which `timer` started (its writer's time corrected by the writer's offset). */
export function timerStartHost(timer: TimerState): number {
  return timer.startedAt + timer.clockOffsetMs;
}

/**
 * What `timer` shows at local time `localNow` on a laptop with offset
 * `readerOffsetMs` (host − local): the writer's start and pause turned into
 * host time, the reader's now too, so every laptop agrees whatever its clock says.
 */
export function timerView(timer: TimerState, localNow: number, readerOffsetMs: number): TimerView {
  const start = timerStartHost(timer);
  const now = timer.pausedAt !== null ? timer.pausedAt + timer.clockOffsetMs : toHostTime(localNow, readerOffsetMs);
  const elapsedMs = Math.max(0, now - start);
  const remainingMs = timer.durationMs - elapsedMs;
  const paused = timer.pausedAt !== null;
  const endsAtHost = paused ? null : start + timer.durationMs;
  return {
    blockId: timer.blockId,
    elapsedMs,
    remainingMs,
    durationMs: timer.durationMs,
    paused,
    timeUp: remainingMs <= 0,
    endsAtHost,
    endsAtLocal: endsAtHost === null ? null : toLocalTime(endsAtHost, readerOffsetMs),
  };
}

/** A new running timer for `blockId`, started now by a writer at `localNow` with offset `writerOffsetMs`. */
export function startTimer(blockId: string, durationMs: number, localNow: number, writerOffsetMs: number): TimerState {
  return { blockId, startedAt: localNow, durationMs: Math.max(0, Math.round(durationMs)), pausedAt: null, clockOffsetMs: writerOffsetMs };
}

/**
 * `timer` rewritten on another writer's clock (same moments in host time):
 * a laptop that changes a timer someone else started writes it in its own
 * clock with its own offset, so the record always holds one writer's times.
 */
export function rebaseTimer(timer: TimerState, writerOffsetMs: number): TimerState {
  const shift = timer.clockOffsetMs - writerOffsetMs;
  return {
    ...timer,
    startedAt: timer.startedAt + shift,
    pausedAt: timer.pausedAt === null ? null : timer.pausedAt + shift,
    clockOffsetMs: writerOffsetMs,
  };
}

/** `timer` paused at `localNow` by a writer with offset `writerOffsetMs`; unchanged when already paused. */
export function pauseTimer(timer: TimerState, localNow: number, writerOffsetMs: number): TimerState {
  if (timer.pausedAt !== null) return timer;
  return { ...rebaseTimer(timer, writerOffsetMs), pausedAt: localNow };
}

/**
 * `timer` resumed at `localNow` (writer offset `writerOffsetMs`): the time
 * already run is kept, so the start moves forward by the pause's length.
 * Unchanged when not paused.
 */
export function resumeTimer(timer: TimerState, localNow: number, writerOffsetMs: number): TimerState {
  if (timer.pausedAt === null) return timer;
  const mine = rebaseTimer(timer, writerOffsetMs);
  const elapsed = mine.pausedAt! - mine.startedAt;
  return { ...mine, startedAt: localNow - elapsed, pausedAt: null };
}

/** `timer` with `addMs` more (ms, may be negative; the duration never goes below 0). */
export function extendTimer(timer: TimerState, addMs: number): TimerState {
  return { ...timer, durationMs: Math.max(0, Math.round(timer.durationMs + addMs)) };
}

/** Left this little (ms) or less, the timer shows that the block is ending. */
export const ENDING_SOON_MS = 2 * 60_000;

/** How a timer reads: running, ending soon (≤ {@link ENDING_SOON_MS} left), time up, or paused. */
export type TimerPhase = 'running' | 'ending' | 'up' | 'paused';

/** The phase of a timer view. */
export function timerPhase(view: TimerView): TimerPhase {
  if (view.paused) return 'paused';
  if (view.timeUp) return 'up';
  return view.remainingMs <= ENDING_SOON_MS ? 'ending' : 'running';
}

/**
 * True when the time-up signal should sound now: the same block's timer
 * had time left at the previous reading and has none at this one (a
 * gentle, one-off signal; a laptop that opens late on an expired timer does
 * not sound it).
 */
export function timeUpSignal(previous: TimerView | null, next: TimerView | null): boolean {
  if (!previous || !next || previous.blockId !== next.blockId) return false;
  return !previous.timeUp && next.timeUp && !next.paused;
}

/**
 * `ms` as a clock face: `m:ss` (or `h:mm:ss` from an hour), with a leading
 * minus once over time (e.g. `-1:05`). Whole seconds, rounded up while time
 * is left (so `0:00` appears only when time is up).
 */
export function formatTimer(ms: number): string {
  const negative = ms < 0;
  const total = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${m}:${String(s).padStart(2, '0')}`;
  return negative && total > 0 ? `-${body}` : body;
}
