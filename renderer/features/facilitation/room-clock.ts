/**
 * This laptop's clock offset to the room host, kept current from the room's
 * awareness messages (y-protocols): the host stamps its clock into its
 * awareness state every {@link CLOCK_STAMP_MS}; every other laptop notes when
 * each stamp arrives and estimates host − local with `offsetFromStamps`
 * (`shared/facilitation/timer.ts`) over the last {@link CLOCK_SAMPLES}
 * stamps, then hands it to the timers (`setRoomClockOffset`). So a laptop
 * whose clock is minutes off still shows the facilitator's timer right.
 *
 * The room layer binds it with the room's awareness when a room opens or is
 * joined ({@link bindRoomClock}) and calls the returned function when it ends.
 */
import { offsetFromStamps } from '../../../shared/facilitation/timer';
import { setRoomClockOffset } from './hooks';

/** The awareness field the host's clock is stamped in (epoch ms on the host's clock). */
export const HOST_CLOCK_FIELD = 'pactoHostClock';
/** How often the host stamps its clock (ms): awareness' own renewal is every 15 s. */
export const CLOCK_STAMP_MS = 5_000;
/** Stamps kept for the estimate (about a minute's worth). */
export const CLOCK_SAMPLES = 12;

/** What {@link bindRoomClock} uses of y-protocols' `Awareness`. */
export interface AwarenessLike {
  clientID: number;
  getStates(): Map<number, Record<string, unknown>>;
  setLocalStateField(field: string, value: unknown): void;
  on(event: 'change', listener: (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void): void;
  off(event: 'change', listener: (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void): void;
}

/** The clock and timer functions, injectable for tests. */
export interface ClockDeps {
  now(): number;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  /** Where the estimate goes (default: the timers' offset). */
  setOffset(offsetMs: number): void;
}

const defaults: ClockDeps = {
  now: () => Date.now(),
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  setOffset: setRoomClockOffset,
};

/**
 * Binds the clock offset to `awareness`: as the host (`isHost`), stamps this
 * laptop's clock now and every {@link CLOCK_STAMP_MS} (its offset is 0); as
 * a guest, re-estimates the offset on every stamp that arrives from another
 * laptop. Returns the unbinding function, which sets the offset back to 0.
 */
export function bindRoomClock(awareness: AwarenessLike, isHost: boolean, deps: Partial<ClockDeps> = {}): () => void {
  const d = { ...defaults, ...deps };
  d.setOffset(0);
  if (isHost) {
    const stamp = () => awareness.setLocalStateField(HOST_CLOCK_FIELD, d.now());
    stamp();
    const handle = d.setInterval(stamp, CLOCK_STAMP_MS);
    return () => {
      d.clearInterval(handle);
      d.setOffset(0);
    };
  }
  const samples: { hostTime: number; receivedAt: number }[] = [];
  const seen = new Map<number, number>();
  const onChange = (changes: { added: number[]; updated: number[] }) => {
    const receivedAt = d.now();
    for (const client of [...changes.added, ...changes.updated]) {
      if (client === awareness.clientID) continue;
      const hostTime = awareness.getStates().get(client)?.[HOST_CLOCK_FIELD];
      // A stamp counts once: other fields of the host's state change too.
      if (typeof hostTime !== 'number' || !Number.isFinite(hostTime) || seen.get(client) === hostTime) continue;
      seen.set(client, hostTime);
      samples.push({ hostTime, receivedAt });
      if (samples.length > CLOCK_SAMPLES) samples.shift();
      const offset = offsetFromStamps(samples);
      if (offset !== null) d.setOffset(offset);
    }
  };
  awareness.on('change', onChange);
  return () => {
    awareness.off('change', onChange);
    d.setOffset(0);
  };
}
