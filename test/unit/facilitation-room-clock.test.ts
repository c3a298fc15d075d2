/**
 * The room clock (renderer/features/facilitation/room-clock.ts) over real
 * y-protocols awareness between two documents: the host stamps its clock,
 * a guest whose clock is 4 minutes slow estimates the offset from the
 * stamps as they arrive (within the delivery delay), and a timer the host
 * starts reads the same time left on the guest.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { bindRoomClock, CLOCK_STAMP_MS, type AwarenessLike } from '../../renderer/features/facilitation/room-clock';
import { startTimer, timerView } from '../../shared/facilitation/timer';

describe('the room clock', () => {
  it('a guest 4 minutes slow learns the host’s clock from its awareness stamps', () => {
    let hostNow = Date.UTC(2026, 11, 2, 10, 0, 0);
    const skew = 240_000; // host − guest
    const guestNow = () => hostNow - skew + delay;
    let delay = 0;
    const host = new Awareness(new Y.Doc());
    const guest = new Awareness(new Y.Doc());
    // Deliver the host's awareness to the guest after `delay` ms (the guest's clock reads on arrival).
    host.on('update', ({ added, updated }: { added: number[]; updated: number[] }) => {
      applyAwarenessUpdate(guest, encodeAwarenessUpdate(host, [...added, ...updated]), 'remote');
    });
    let tick: (() => void) | null = null;
    const offsets: number[] = [];
    const stopGuest = bindRoomClock(guest as unknown as AwarenessLike, false, { now: guestNow, setOffset: (o) => offsets.push(o) });
    delay = 35;
    const stopHost = bindRoomClock(host as unknown as AwarenessLike, true, {
      now: () => hostNow,
      setInterval: (fn) => (tick = fn),
      clearInterval: () => (tick = null),
      setOffset: () => undefined,
    });
    for (const d of [120, 4, 60]) {
      hostNow += CLOCK_STAMP_MS;
      delay = d;
      tick!();
    }
    const estimate = offsets.at(-1)!;
    // The least delayed stamp (4 ms) bounds it.
    expect(estimate).toBe(skew - 4);

    // A timer the host starts reads the same on the guest (to within that delay).
    const timer = startTimer('b1', 10 * 60_000, hostNow, 0);
    hostNow += 3 * 60_000;
    delay = 0;
    const onGuest = timerView(timer, guestNow(), estimate);
    const onHost = timerView(timer, hostNow, 0);
    expect(Math.abs(onGuest.remainingMs - onHost.remainingMs)).toBeLessThanOrEqual(4);
    // Without the estimate it would be minutes off.
    expect(Math.abs(timerView(timer, guestNow(), 0).remainingMs - onHost.remainingMs)).toBeGreaterThan(60_000);

    stopHost();
    expect(tick).toBeNull();
    stopGuest();
    expect(offsets.at(-1)).toBe(0);
    host.destroy();
    guest.destroy();
  });
});
