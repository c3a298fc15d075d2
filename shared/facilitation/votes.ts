/**
 * Votes as pure rules: dot votes (each voter spreads up to `dotsPerVoter`
 * dots over the options) and consent checks ("can you live with this?":
 * yes, I can live with it, no), their ballots' checks, and the results by
 * team. Opening and closing is the facilitator's (`roles.ts`); a closed
 * vote takes no ballots.
 */
import { TEAMS, type FieldErrors, type Team } from '../domain/workshop';
import { CONSENT_ANSWERS, type Vote } from './types';

export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];
/** One voter's ballot as stored in `Vote.ballots`. */
export type Ballot = Vote['ballots'][string];

/** Per-team counts, every team present (0 when none). */
export type ByTeam = Record<Team, number>;
const zeroByTeam = (): ByTeam => ({ marketing: 0, sales: 0, leadership: 0 });

/**
 * Checks `ballot` for `vote`: the vote must be open (`closed`); a dot ballot
 * puts whole, non-negative dots only on the vote's options (`dots.<id>`:
 * `choice`) and no more than `dotsPerVoter` in all (`dots`: `tooManyDots`);
 * a consent ballot gives one answer (`consent`: `required`). Returns the
 * field errors, or null when the ballot may be cast.
 */
export function ballotErrors(vote: Vote, ballot: Ballot): FieldErrors | null {
  if (vote.status !== 'open') return { '': 'voteClosed' };
  if (vote.kind === 'consent') return ballot.consent && (CONSENT_ANSWERS as readonly string[]).includes(ballot.consent) ? null : { consent: 'required' };
  const options = new Set(vote.targets.map((t) => t.id));
  const dots = ballot.dots ?? {};
  let total = 0;
  for (const [id, n] of Object.entries(dots)) {
    if (!options.has(id)) return { [`dots.${id}`]: 'choice' };
    if (!Number.isInteger(n) || n < 0) return { [`dots.${id}`]: 'number' };
    total += n;
  }
  if (total === 0) return { dots: 'required' };
  if (total > vote.dotsPerVoter) return { dots: 'tooManyDots' };
  return null;
}

/** Dots one option got, in all and by team. */
export interface DotTally {
  targetId: string;
  total: number;
  byTeam: ByTeam;
}

/** The results of a vote by team. */
export interface VoteTally {
  /** How many voted, in all and by team. */
  voters: number;
  votersByTeam: ByTeam;
  /** Dot votes: every option with its dots, most dots first (ties in the options' order). Empty for consent. */
  dots: DotTally[];
  /** Consent checks: how many gave each answer, by team. Zero counts for dot votes. */
  consent: Record<ConsentAnswer, ByTeam>;
  /**
   * Consent checks: `consent` when someone answered and nobody said no,
   * `objection` when someone said no, `none` with no ballots; null for dot votes.
   */
  outcome: 'consent' | 'objection' | 'none' | null;
}

/** Tallies `vote`'s ballots by team (open or closed). */
export function tallyVote(vote: Vote): VoteTally {
  const votersByTeam = zeroByTeam();
  const consent = { yes: zeroByTeam(), 'live-with': zeroByTeam(), no: zeroByTeam() } as Record<ConsentAnswer, ByTeam>;
  const dots = new Map(vote.targets.map((t) => [t.id, { targetId: t.id, total: 0, byTeam: zeroByTeam() }]));
  const ballots = Object.values(vote.ballots);
  for (const b of ballots) {
    if (!(TEAMS as readonly string[]).includes(b.team)) continue;
    votersByTeam[b.team] += 1;
    if (vote.kind === 'consent') {
      if (b.consent) consent[b.consent][b.team] += 1;
    } else {
      for (const [id, n] of Object.entries(b.dots ?? {})) {
        const d = dots.get(id);
        if (!d || !Number.isInteger(n) || n < 0) continue;
        d.total += n;
        d.byTeam[b.team] += n;
      }
    }
  }
  const order = vote.targets.map((t) => t.id);
  const dotList = vote.kind === 'dots' ? [...dots.values()].sort((a, b) => b.total - a.total || order.indexOf(a.targetId) - order.indexOf(b.targetId)) : [];
  const voters = TEAMS.reduce((n, t) => n + votersByTeam[t], 0);
  const noes = TEAMS.reduce((n, t) => n + consent.no[t], 0);
  const outcome = vote.kind === 'dots' ? null : voters === 0 ? 'none' : noes > 0 ? 'objection' : 'consent';
  return { voters, votersByTeam, dots: dotList, consent, outcome };
}

/** Dots `voterId` has left to give in `vote` (dot votes; 0 for consent). */
export function dotsLeft(vote: Vote, voterId: string): number {
  if (vote.kind !== 'dots') return 0;
  const used = Object.values(vote.ballots[voterId]?.dots ?? {}).reduce((a, b) => a + b, 0);
  return Math.max(0, vote.dotsPerVoter - used);
}
