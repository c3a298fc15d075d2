/**
 * Limits wrong join codes. Each remote address has
 * {@link ATTEMPT_LIMITS}.freePerAddress wrong tries; after that every wrong
 * try locks the address out for a time that doubles (30 s, 1 min, … up to
 * 10 min), and while locked even a right code is answered
 * `too-many-attempts` without being compared. Over all addresses, more than
 * `roomPerMinute` wrong tries in a minute lock the whole room's door for a
 * minute (someone is scanning the network; the facilitator sees the list).
 * With a 30-bit secret this keeps guessing hopeless (see `docs/lan.md`).
 */

/** The limits; times in milliseconds. */
export const ATTEMPT_LIMITS = {
  freePerAddress: 5,
  firstLockMs: 30_000,
  maxLockMs: 10 * 60_000,
  roomPerMinute: 30,
  roomLockMs: 60_000,
  /** Wrong tries kept for the facilitator's list. */
  kept: 20,
} as const;

/** What the door says before comparing a code. */
export type AttemptVerdict = { allowed: true } | { allowed: false; retryAt: number };

/** The wrong-code ledger of one room. */
export interface AttemptLedger {
  /** Whether `remoteAddress` may try a code at `now` (epoch ms). */
  check(remoteAddress: string, now: number): AttemptVerdict;
  /** Records a wrong code; returns how many wrong tries this address has made. */
  wrong(remoteAddress: string, now: number): number;
  /** A right code: the address starts afresh. */
  right(remoteAddress: string): void;
  /** Refused tries, newest first (at most {@link ATTEMPT_LIMITS}.kept). */
  recent(): { remoteAddress: string; at: number }[];
}

/** A new, empty ledger. */
export function createAttemptLedger(limits: typeof ATTEMPT_LIMITS = ATTEMPT_LIMITS): AttemptLedger {
  const byAddress = new Map<string, { wrong: number; lockedUntil: number }>();
  let roomWindow: number[] = [];
  let roomLockedUntil = 0;
  let recent: { remoteAddress: string; at: number }[] = [];
  return {
    check(remoteAddress, now) {
      const entry = byAddress.get(remoteAddress);
      const until = Math.max(roomLockedUntil, entry?.lockedUntil ?? 0);
      return until > now ? { allowed: false, retryAt: until } : { allowed: true };
    },
    wrong(remoteAddress, now) {
      const entry = byAddress.get(remoteAddress) ?? { wrong: 0, lockedUntil: 0 };
      entry.wrong += 1;
      const over = entry.wrong - limits.freePerAddress;
      if (over > 0) entry.lockedUntil = now + Math.min(limits.maxLockMs, limits.firstLockMs * 2 ** (over - 1));
      byAddress.set(remoteAddress, entry);
      roomWindow = [...roomWindow.filter((at) => at > now - 60_000), now];
      if (roomWindow.length > limits.roomPerMinute) roomLockedUntil = now + limits.roomLockMs;
      recent = [{ remoteAddress, at: now }, ...recent].slice(0, limits.kept);
      return entry.wrong;
    },
    right(remoteAddress) {
      byAddress.delete(remoteAddress);
    },
    recent: () => recent.map((attempt) => ({ ...attempt })),
  };
}
