/**
 * The facilitation model's timing (shared/facilitation/agenda.ts, timer.ts):
 * templates, start times following from the block before, reordering that
 * keeps the end, adding minutes with "keep the end" or "move the end", and
 * the timer as a start time plus a duration, read alike by laptops whose
 * clocks disagree.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMinutes,
  agendaEnd,
  agendaErrors,
  agendaTemplate,
  AGENDA_TEMPLATE_IDS,
  blockTimes,
  liveSchedule,
  moveBlock,
  totalMinutes,
  MINUTE_MS,
} from '../../shared/facilitation/agenda';
import {
  estimateClockOffset,
  extendTimer,
  formatTimer,
  offsetFromPing,
  offsetFromStamps,
  pauseTimer,
  resumeTimer,
  startTimer,
  timerPhase,
  timerView,
  timeUpSignal,
} from '../../shared/facilitation/timer';
import type { AgendaBlock } from '../../shared/facilitation/types';

const ids = () => {
  let n = 0;
  return () => `b${++n}`;
};
const block = (id: string, durationMinutes: number): AgendaBlock => ({ id, title: id, step: 'glossary', durationMinutes, privateDrafting: false });
const T0 = Date.UTC(2026, 11, 2, 9, 0, 0);

describe('agenda templates', () => {
  it('the standard template is 3 hours: intro, the funnels (private), compare, glossary, SLA, targets, sign', () => {
    const agenda = agendaTemplate('standard-3h', 'en', ids());
    expect(totalMinutes(agenda)).toBe(180);
    expect(agenda.map((b) => b.step)).toEqual(['intro', 'funnel', 'compare', 'glossary', 'break', 'sla', 'targets', 'sign']);
    expect(agenda.find((b) => b.step === 'funnel')!.privateDrafting).toBe(true);
    expect(agenda.map((b) => b.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8']);
  });

  it.each(AGENDA_TEMPLATE_IDS)('template %s is valid, titled in both languages, and lasts what its name says', (id) => {
    const es = agendaTemplate(id, 'es', ids());
    const en = agendaTemplate(id, 'en', ids());
    expect(agendaErrors(es)).toBeNull();
    expect(es.map((b) => b.durationMinutes)).toEqual(en.map((b) => b.durationMinutes));
    es.forEach((b, i) => expect(b.title).not.toBe(en[i]!.title));
    expect(totalMinutes(es)).toBe({ 'standard-3h': 180, 'compact-2h': 120, 'extended-4h': 240 }[id]);
  });
});

describe('agenda timing', () => {
  const agenda = [block('a', 10), block('b', 25), block('c', 5)];

  it('each block starts when the one before it ends', () => {
    expect(blockTimes(agenda, T0)).toEqual([
      { blockId: 'a', startsAt: T0, endsAt: T0 + 10 * MINUTE_MS },
      { blockId: 'b', startsAt: T0 + 10 * MINUTE_MS, endsAt: T0 + 35 * MINUTE_MS },
      { blockId: 'c', startsAt: T0 + 35 * MINUTE_MS, endsAt: T0 + 40 * MINUTE_MS },
    ]);
    expect(agendaEnd(agenda, T0)).toBe(T0 + 40 * MINUTE_MS);
  });

  it('reordering keeps every duration and the end; the starts follow the new order', () => {
    const moved = moveBlock(agenda, 2, 0);
    expect(moved.map((b) => b.id)).toEqual(['c', 'a', 'b']);
    expect(moved.map((b) => b.durationMinutes)).toEqual([5, 10, 25]);
    expect(agendaEnd(moved, T0)).toBe(agendaEnd(agenda, T0));
    expect(blockTimes(moved, T0)[1]).toEqual({ blockId: 'a', startsAt: T0 + 5 * MINUTE_MS, endsAt: T0 + 15 * MINUTE_MS });
    expect(agenda.map((b) => b.id)).toEqual(['a', 'b', 'c']);
    expect(moveBlock(agenda, 0, 99).map((b) => b.id)).toEqual(['b', 'c', 'a']);
    expect(moveBlock(agenda, -1, 0)).toEqual(agenda);
  });

  it('adding five minutes and keeping the end shrinks the later blocks, longest first', () => {
    const { agenda: next, shortByMinutes, takenFrom } = addMinutes(agenda, 'a', 5, 'keep-end');
    expect(next.map((b) => b.durationMinutes)).toEqual([15, 20, 5]);
    expect(shortByMinutes).toBe(0);
    expect(takenFrom).toEqual({ b: 5 });
    expect(agendaEnd(next, T0)).toBe(agendaEnd(agenda, T0));
  });

  it('spreads the minutes when the later blocks are alike, and never shrinks one below a minute', () => {
    const even = addMinutes([block('a', 10), block('b', 3), block('c', 3)], 'a', 5, 'keep-end');
    expect(even.agenda.map((b) => b.durationMinutes)).toEqual([15, 1, 1]);
    expect(even.shortByMinutes).toBe(1);
    const spread = addMinutes([block('a', 10), block('b', 10), block('c', 10)], 'a', 5, 'keep-end');
    expect(spread.agenda.map((b) => b.durationMinutes)).toEqual([15, 8, 7]);
  });

  it('adding minutes to the last block cannot keep the end: it says by how much the end moves', () => {
    const r = addMinutes(agenda, 'c', 5, 'keep-end');
    expect(r.agenda.map((b) => b.durationMinutes)).toEqual([10, 25, 10]);
    expect(r.shortByMinutes).toBe(5);
  });

  it('moving the end only grows the block', () => {
    const r = addMinutes(agenda, 'b', 5, 'move-end');
    expect(r.agenda.map((b) => b.durationMinutes)).toEqual([10, 30, 5]);
    expect(agendaEnd(r.agenda, T0)).toBe(agendaEnd(agenda, T0) + 5 * MINUTE_MS);
  });

  it('ignores an unknown block or minutes that are not a whole number ≥ 1', () => {
    expect(addMinutes(agenda, 'zzz', 5, 'keep-end').agenda).toEqual(agenda);
    expect(addMinutes(agenda, 'a', 0, 'keep-end').agenda).toEqual(agenda);
    expect(addMinutes(agenda, 'a', 2.5, 'move-end').agenda).toEqual(agenda);
  });

  it('the live schedule runs the current block from its timer and the rest from its end', () => {
    const live = liveSchedule(agenda, T0, { blockId: 'b', startedAt: T0 + 12 * MINUTE_MS, durationMs: 30 * MINUTE_MS });
    expect(live.map((t) => [t.blockId, (t.startsAt - T0) / MINUTE_MS, (t.endsAt - T0) / MINUTE_MS])).toEqual([
      ['a', 0, 10],
      ['b', 12, 42],
      ['c', 42, 47],
    ]);
    expect(liveSchedule(agenda, T0, null)).toEqual(blockTimes(agenda, T0));
  });

  it('names what is wrong with an agenda', () => {
    expect(agendaErrors([block('a', 0)])).toEqual({ '0.durationMinutes': 'blockMinutes' });
    expect(agendaErrors([block('a', 5), block('a', 5)])).toEqual({ '1.id': 'duplicate' });
    expect(agendaErrors([block('a', 480), block('b', 480)])).toEqual({ '': 'agendaTooLong' });
    expect(agendaErrors(Array.from({ length: 41 }, (_, i) => block(`x${i}`, 1)))).toEqual({ '': 'tooMany' });
  });
});

describe('agenda invariants (property)', () => {
  const agendas = fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 12 }).map((ds) => ds.map((d, i) => block(`k${i}`, d)));

  it('keep-end keeps the end unless the later blocks run out of minutes, never shrinks a block below one minute and never touches the blocks before', () => {
    fc.assert(
      fc.property(agendas, fc.nat(), fc.integer({ min: 1, max: 30 }), (agenda, pick, minutes) => {
        const index = pick % agenda.length;
        const { agenda: next, shortByMinutes } = addMinutes(agenda, agenda[index]!.id, minutes, 'keep-end');
        expect(totalMinutes(next)).toBe(totalMinutes(agenda) + shortByMinutes);
        const slack = agenda.slice(index + 1).reduce((n, b) => n + b.durationMinutes - 1, 0);
        expect(shortByMinutes).toBe(Math.max(0, minutes - slack));
        expect(next.every((b) => b.durationMinutes >= 1)).toBe(true);
        expect(next.slice(0, index)).toEqual(agenda.slice(0, index));
        expect(next[index]!.durationMinutes).toBe(agenda[index]!.durationMinutes + minutes);
      }),
    );
  });

  it('move-end moves the end by exactly the minutes added; reordering never moves it', () => {
    fc.assert(
      fc.property(agendas, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 30 }), (agenda, from, to, minutes) => {
        const i = from % agenda.length;
        expect(agendaEnd(addMinutes(agenda, agenda[i]!.id, minutes, 'move-end').agenda, T0)).toBe(agendaEnd(agenda, T0) + minutes * MINUTE_MS);
        const moved = moveBlock(agenda, i, to % agenda.length);
        expect(agendaEnd(moved, T0)).toBe(agendaEnd(agenda, T0));
        expect([...moved].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...agenda].sort((a, b) => a.id.localeCompare(b.id)));
      }),
    );
  });

  it('every laptop reads the same time left, whatever its clock offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.integer({ min: -3_600_000, max: 3_600_000 }),
        fc.integer({ min: 0, max: 7_200_000 }),
        fc.integer({ min: 0, max: 7_200_000 }),
        (writerOffset, readerOffset, durationMs, afterMs) => {
          const hostStart = T0;
          const timer = startTimer('b', durationMs, hostStart - writerOffset, writerOffset);
          const onReader = timerView(timer, hostStart + afterMs - readerOffset, readerOffset);
          const onHost = timerView(timer, hostStart + afterMs, 0);
          expect(onReader.remainingMs).toBe(onHost.remainingMs);
          expect(onReader.remainingMs).toBe(durationMs - afterMs);
        },
      ),
    );
  });
});

describe('the timer across skewed clocks', () => {
  // The host's clock is the reference. Laptop A runs 90 s fast, laptop B 4 min slow.
  const offsetA = -90_000; // host − A
  const offsetB = 240_000; // host − B
  const hostNow = T0 + 3 * MINUTE_MS;
  const localA = hostNow - offsetA;
  const localB = hostNow - offsetB;

  it('a timer started on A reads the same on A, on B and on the host', () => {
    const timer = startTimer('b1', 10 * MINUTE_MS, localA, offsetA);
    const later = 4 * MINUTE_MS;
    const onA = timerView(timer, localA + later, offsetA);
    const onB = timerView(timer, localB + later, offsetB);
    const onHost = timerView(timer, hostNow + later, 0);
    expect(onA.remainingMs).toBe(6 * MINUTE_MS);
    expect(onB.remainingMs).toBe(6 * MINUTE_MS);
    expect(onHost.remainingMs).toBe(6 * MINUTE_MS);
    // Each shows the end on its own clock; they are the same moment in host time.
    expect(onA.endsAtHost).toBe(onB.endsAtHost);
    expect(onB.endsAtLocal! - onA.endsAtLocal!).toBe(offsetA - offsetB);
  });

  it('without the offset, the slow laptop would be four minutes wrong (the skew is real)', () => {
    const timer = startTimer('b1', 10 * MINUTE_MS, localA, offsetA);
    expect(timerView(timer, localB + 4 * MINUTE_MS, 0).remainingMs).not.toBe(6 * MINUTE_MS);
  });

  it('pausing on B and resuming on the host keeps the time run, whoever writes', () => {
    const timer = startTimer('b1', 10 * MINUTE_MS, localA, offsetA);
    const paused = pauseTimer(timer, localB + 3 * MINUTE_MS, offsetB);
    expect(paused.clockOffsetMs).toBe(offsetB);
    // While paused, time passes but nothing runs: on every laptop 7 min left.
    expect(timerView(paused, localA + 20 * MINUTE_MS, offsetA).remainingMs).toBe(7 * MINUTE_MS);
    expect(timerView(paused, hostNow + 9 * MINUTE_MS, 0)).toMatchObject({ remainingMs: 7 * MINUTE_MS, paused: true, endsAtLocal: null });
    const resumed = resumeTimer(paused, hostNow + 10 * MINUTE_MS, 0);
    expect(resumed.pausedAt).toBeNull();
    expect(timerView(resumed, localB + 12 * MINUTE_MS, offsetB).remainingMs).toBe(5 * MINUTE_MS);
    expect(pauseTimer(paused, 0, 0)).toBe(paused);
    expect(resumeTimer(resumed, 0, 0)).toBe(resumed);
  });

  it('adding time extends the duration, not the start', () => {
    const timer = extendTimer(startTimer('b1', 10 * MINUTE_MS, hostNow, 0), 5 * MINUTE_MS);
    expect(timerView(timer, hostNow + 12 * MINUTE_MS, 0).remainingMs).toBe(3 * MINUTE_MS);
    expect(extendTimer(timer, -99 * MINUTE_MS).durationMs).toBe(0);
  });

  it('phases and the one-off time-up signal', () => {
    const timer = startTimer('b1', 10 * MINUTE_MS, hostNow, 0);
    const at = (m: number) => timerView(timer, hostNow + m * MINUTE_MS, 0);
    expect(timerPhase(at(1))).toBe('running');
    expect(timerPhase(at(8.5))).toBe('ending');
    expect(timerPhase(at(10))).toBe('up');
    expect(timerPhase(timerView(pauseTimer(timer, hostNow, 0), hostNow, 0))).toBe('paused');
    expect(timeUpSignal(at(9.9), at(10.01))).toBe(true);
    expect(timeUpSignal(at(10.01), at(10.5))).toBe(false);
    expect(timeUpSignal(null, at(11))).toBe(false);
    expect(timeUpSignal(at(9), { ...at(11), blockId: 'other' })).toBe(false);
  });

  it('formats the time left as a clock face', () => {
    expect(formatTimer(10 * MINUTE_MS)).toBe('10:00');
    expect(formatTimer(61_001)).toBe('1:02');
    expect(formatTimer(0)).toBe('0:00');
    expect(formatTimer(-65_000)).toBe('-1:05');
    expect(formatTimer(-500)).toBe('0:00');
    expect(formatTimer(3_725_000)).toBe('1:02:05');
  });
});

describe('estimating a laptop’s clock offset', () => {
  it('one ping: the host stamped its reply halfway through the round trip', () => {
    // Local clock 5 s behind the host; 40 ms each way.
    expect(offsetFromPing({ sentAt: 1000, hostTime: 6040, receivedAt: 1080 })).toEqual({ offsetMs: 5000, uncertaintyMs: 40 });
    expect(offsetFromPing({ sentAt: 1000, hostTime: 5000, receivedAt: 900 })).toBeNull();
  });

  it('several pings: the shortest round trip wins, however the others were delayed', () => {
    const trueOffset = -7_000;
    const ping = (sentAt: number, out: number, back: number) => ({ sentAt, hostTime: sentAt + out + trueOffset, receivedAt: sentAt + out + back });
    const best = estimateClockOffset([ping(0, 300, 20), ping(1000, 4, 5), ping(2000, 50, 400)]);
    expect(best!.uncertaintyMs).toBe(4.5);
    expect(Math.abs(best!.offsetMs - trueOffset)).toBeLessThanOrEqual(best!.uncertaintyMs);
    expect(estimateClockOffset([])).toBeNull();
  });

  it('awareness timestamps: the least delayed message bounds the offset', () => {
    const trueOffset = 120_000;
    const stamps = [30, 3, 250].map((delay, i) => ({ hostTime: 10_000 * i + trueOffset, receivedAt: 10_000 * i + delay }));
    expect(offsetFromStamps(stamps)).toBe(trueOffset - 3);
    expect(offsetFromStamps([])).toBeNull();
  });
});
