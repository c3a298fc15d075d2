/**
 * The shapes of facilitation state (issue "Facilitation…"): the agenda and
 * its timer, private drafting then reveal, votes, the decision log, the
 * parking lot and section locks. All of it lives in the workshop's Y.Doc,
 * under the top-level map `facilitation` (see `facilitation-doc.ts`), so it
 * syncs in a room, saves in `.pacto` files and undoes where that makes sense.
 *
 * Times are epoch milliseconds on the clock of the laptop that wrote them;
 * a timer is a start time and a duration, never a ticking counter, and
 * readers correct for clock skew with the room's offset (see `timer.ts`).
 */
import { z } from 'zod';
import { PARTIES, TEAMS } from '../domain/workshop';

/** Where a block takes the workshop: one of the app's steps (`renderer/store` STEPS) or the funnel step's Compare view. */
export const AGENDA_STEPS = ['intro', 'participants', 'funnel', 'compare', 'glossary', 'sla', 'targets', 'sign', 'export', 'break'] as const;
export type AgendaStep = (typeof AGENDA_STEPS)[number];

export const agendaBlockSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().max(120),
    step: z.enum(AGENDA_STEPS),
    /** Planned length in minutes (whole minutes, 1–480). */
    durationMinutes: z.number().int().min(1).max(480),
    /** When set, the block drafts privately: each team sees only its own draft until the facilitator reveals. */
    privateDrafting: z.boolean(),
  })
  .strict();
export type AgendaBlock = z.infer<typeof agendaBlockSchema>;

/** The running timer of the current block: started at `startedAt` (writer's clock, corrected by `clockOffsetMs`) for `durationMs`; paused when `pausedAt` is set. */
export const timerSchema = z
  .object({
    blockId: z.string().min(1),
    startedAt: z.number(),
    durationMs: z.number().int().min(0),
    pausedAt: z.number().nullable(),
    /** Offset of the writer's clock to the room host's clock (host − writer, ms) when it wrote; 0 outside a room. */
    clockOffsetMs: z.number(),
  })
  .strict();
export type TimerState = z.infer<typeof timerSchema>;

export const VOTE_KINDS = ['dots', 'consent'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
/** What a vote, a decision or a lock is about. */
export const TARGET_KINDS = ['gap', 'term', 'term-variant', 'stage', 'sla-item', 'sla-section', 'scenario', 'section'] as const;
export const facilitationTargetSchema = z.object({ kind: z.enum(TARGET_KINDS), id: z.string().min(1), label: z.string().max(200) }).strict();
export type FacilitationTarget = z.infer<typeof facilitationTargetSchema>;

export const CONSENT_ANSWERS = ['yes', 'live-with', 'no'] as const;
export const voteSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(VOTE_KINDS),
    question: z.string().max(300),
    /** Options: for `dots`, what one can put dots on; for `consent`, one target. */
    targets: z.array(facilitationTargetSchema).min(1).max(30),
    /** Dots per voter for `dots`. */
    dotsPerVoter: z.number().int().min(1).max(10),
    status: z.enum(['open', 'closed']),
    openedAt: z.number(),
    closedAt: z.number().nullable(),
    /** Ballots keyed by voter (participant id, or device id with no participant). */
    ballots: z.record(
      z.string(),
      z
        .object({
          team: z.enum(TEAMS),
          name: z.string(),
          dots: z.record(z.string(), z.number().int().min(0)).optional(),
          consent: z.enum(CONSENT_ANSWERS).optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type Vote = z.infer<typeof voteSchema>;

export const decisionSchema = z
  .object({
    id: z.string().min(1),
    /** What was decided, one sentence or a short paragraph. */
    what: z.string().min(1).max(2000),
    why: z.string().max(2000),
    /** Who decided, by team (the parties that agreed). */
    decidedBy: z.array(z.enum(TEAMS)),
    /** What it changed; the label keeps the item's name as it was. */
    links: z.array(facilitationTargetSchema).max(20),
    decidedAt: z.number(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;

export const parkingItemSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1).max(1000),
    /** Participant id of the owner, or null while unassigned. */
    ownerId: z.string().nullable(),
    /** ISO date `YYYY-MM-DD`, or null. */
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    status: z.enum(['open', 'done']),
    createdAt: z.number(),
  })
  .strict();
export type ParkingItem = z.infer<typeof parkingItemSchema>;

/** Sections the facilitator can lock once agreed. */
export const LOCKABLE_SECTIONS = ['participants', 'funnel', 'glossary', 'sla', 'targets'] as const;
export type LockableSection = (typeof LOCKABLE_SECTIONS)[number];

/** Private drafting of one block: who drafts (both parties), revealed or not, names hidden on reveal. */
export const privateRoundSchema = z
  .object({
    blockId: z.string().min(1),
    step: z.enum(AGENDA_STEPS),
    status: z.enum(['drafting', 'revealed']),
    hideAuthors: z.boolean(),
    startedAt: z.number(),
    revealedAt: z.number().nullable(),
    /** The parties drafting. */
    parties: z.array(z.enum(PARTIES)),
  })
  .strict();
export type PrivateRound = z.infer<typeof privateRoundSchema>;

/**
 * One team's private draft of one item during a private round: a funnel
 * stage's rate, a term's definition, an SLA number, a target rate. Keyed by
 * round, party and target, so two laptops of one team drafting the same item
 * write the same draft (the team's). Added with the facilitation model.
 */
export const privateDraftSchema = z
  .object({
    /** `<blockId>:<party>:<target.kind>:<target.id>` (see `draftId` in `drafting.ts`). */
    id: z.string().min(1),
    blockId: z.string().min(1),
    step: z.enum(AGENDA_STEPS),
    party: z.enum(PARTIES),
    /** What this is a draft of (the term, the stage, the SLA item…). */
    target: facilitationTargetSchema,
    /** The wording drafted (a definition, a clause), plain text; may be empty when only `value` matters. */
    text: z.string().max(4000),
    /** A number drafted (an SLA target, a rate as a fraction 0..1, days), or null. */
    value: z.number().finite().nullable(),
    /** Who wrote it last: participant id (or device id) and name; hidden on reveal when the round hides authors. */
    authorId: z.string(),
    authorName: z.string().max(80),
    updatedAt: z.number(),
  })
  .strict();
export type PrivateDraft = z.infer<typeof privateDraftSchema>;

/** All facilitation state as read from the document. */
export interface FacilitationState {
  /** Participant id the workshop names as facilitator (besides the room's host), or null. */
  facilitatorId: string | null;
  agenda: AgendaBlock[];
  /** Planned start of the first block (epoch ms), or null before the workshop starts. */
  startsAt: number | null;
  currentBlockId: string | null;
  timer: TimerState | null;
  /** Step everyone's screen follows ("bring everyone here"), with the item under discussion; null when nobody is summoned. */
  follow: { step: AgendaStep; itemId: string | null; at: number } | null;
  privateRound: PrivateRound | null;
  votes: Vote[];
  decisions: Decision[];
  parkingLot: ParkingItem[];
  locks: Partial<Record<LockableSection, { lockedAt: number; by: string }>>;
  /** Every team's private drafts (of every round; the current round's are hidden by `visibleDrafts`). Added with the facilitation model. */
  drafts: PrivateDraft[];
}
