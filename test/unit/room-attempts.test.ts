// The wrong-code ledger on a simulated clock: a code guessed 1,000 times
// over an hour gets very few comparisons, one address cannot lock out
// another (until the room-wide limit), and a right code starts afresh.
import { describe, expect, it } from 'vitest';
import { ATTEMPT_LIMITS, createAttemptLedger } from '../../electron/main/room/attempts';

describe('wrong-code ledger', () => {
  it('1,000 guesses from one address over an hour get only a handful compared', () => {
    const ledger = createAttemptLedger();
    let compared = 0;
    const start = 1_700_000_000_000;
    for (let guess = 0; guess < 1000; guess += 1) {
      const now = start + guess * 3_600; // one every 3.6 s: 1,000 in an hour
      if (!ledger.check('192.168.1.66', now).allowed) continue;
      compared += 1;
      ledger.wrong('192.168.1.66', now);
    }
    // 5 free, then locks of 30 s, 1, 2, 4, 8 and 10 minutes (capped): 15 in the hour, of a 2^30 secret.
    expect(compared).toBeGreaterThanOrEqual(ATTEMPT_LIMITS.freePerAddress + 1);
    expect(compared).toBeLessThanOrEqual(15);
    expect(ledger.recent()).toHaveLength(compared);
    expect(ledger.recent()[0]!.at).toBeGreaterThan(ledger.recent()[1]!.at);
  });

  it('locks an address after its free tries, not its neighbours', () => {
    const ledger = createAttemptLedger();
    for (let i = 0; i <= ATTEMPT_LIMITS.freePerAddress; i += 1) ledger.wrong('10.0.0.9', 1000);
    expect(ledger.check('10.0.0.9', 1001)).toEqual({ allowed: false, retryAt: 1000 + ATTEMPT_LIMITS.firstLockMs });
    expect(ledger.check('10.0.0.10', 1001)).toEqual({ allowed: true });
    expect(ledger.check('10.0.0.9', 1000 + ATTEMPT_LIMITS.firstLockMs)).toEqual({ allowed: true });
  });

  it('a right code starts the address afresh', () => {
    const ledger = createAttemptLedger();
    for (let i = 0; i < ATTEMPT_LIMITS.freePerAddress; i += 1) ledger.wrong('10.0.0.9', 1000);
    ledger.right('10.0.0.9');
    expect(ledger.wrong('10.0.0.9', 2000)).toBe(1);
    expect(ledger.check('10.0.0.9', 2001)).toEqual({ allowed: true });
  });

  it('many addresses scanning at once lock the whole door for a minute', () => {
    const ledger = createAttemptLedger();
    for (let i = 0; i <= ATTEMPT_LIMITS.roomPerMinute; i += 1) ledger.wrong(`10.0.1.${i}`, 5000 + i);
    expect(ledger.check('10.0.2.1', 5100)).toEqual({ allowed: false, retryAt: 5000 + ATTEMPT_LIMITS.roomPerMinute + ATTEMPT_LIMITS.roomLockMs });
    expect(ledger.check('10.0.2.1', 5000 + ATTEMPT_LIMITS.roomPerMinute + ATTEMPT_LIMITS.roomLockMs)).toEqual({ allowed: true });
  });
});
