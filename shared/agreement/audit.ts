/**
 * The agreement's audit trail: what happened (created, approved, frozen,
 * signed, exported, …), when (ISO 8601 with the UTC offset, plus the IANA
 * zone), who, and details. Each event carries the SHA-256 hash of the one
 * before it and its own hash over its canonical JSON, so editing, removing or
 * reordering any event breaks the chain at that point ({@link verifyChain}).
 *
 * A chain alone cannot show that events were cut off at its end, nor that
 * every hash after an edit was recomputed: anchor the head hash where it
 * cannot be rewritten (the sealed PDF, a signature) and pass it to
 * {@link verifyChain}.
 */
import { z } from 'zod';
import { TEAMS } from '../domain/workshop';
import { canonicalJson } from './canonical-json';
import { sha256Hex, FINGERPRINT_PATTERN } from './fingerprint';
import { zonedIsoString, ZONED_ISO_PATTERN } from './zoned-time';

/**
 * Kinds of events. `signatures-voided`: an edit after signing started a new
 * draft. `imported`: the workshop came from a `.pacto` file (as new, or as a
 * separate copy). `merged`: a `.pacto` file of the same workshop was merged
 * in; its details carry the other copy's events (see `audit-merge.ts`).
 * `restored`: the content was set back to an automatic backup (the state
 * before it was backed up first; see `renderer/data/backups.ts`).
 * `locked` / `unlocked`: the facilitator locked or unlocked a section
 * (`details.section`, see `shared/facilitation/locks.ts`).
 */
export const AUDIT_EVENT_TYPES = [
  'created',
  'approved',
  'approval-withdrawn',
  'frozen',
  'signed',
  'signatures-voided',
  'exported',
  'imported',
  'merged',
  'restored',
  'locked',
  'unlocked',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** The `prevHash` of the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const hex64 = z.string().regex(FINGERPRINT_PATTERN);

/** Who did it: a participant, or the app itself (`participantId: null`, e.g. name `Pacto`). */
export const auditActorSchema = z.object({
  participantId: z.string().min(1).nullable(),
  name: z.string(),
  team: z.enum(TEAMS).nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

export const auditEventSchema = z.object({
  /** Position in the chain: 0, 1, 2, … */
  seq: z.number().int().min(0),
  type: z.enum(AUDIT_EVENT_TYPES),
  /** ISO 8601 with the UTC offset in `timeZone`, e.g. `2026-11-30T18:04:05-06:00`. */
  at: z.string().regex(ZONED_ISO_PATTERN),
  /** IANA zone, e.g. `America/Mexico_City`. */
  timeZone: z.string().min(1),
  actor: auditActorSchema,
  /** JSON details, e.g. `{ version: 2, fingerprint: "…" }` for `frozen`. */
  details: z.record(z.string(), z.unknown()),
  /** `hash` of the previous event; {@link GENESIS_HASH} for the first. */
  prevHash: hex64,
  /** SHA-256 hex of the canonical JSON of every other field of this event. */
  hash: hex64,
});
/** One link of the audit chain. */
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** What the caller supplies for a new event; sequence, time text and hashes are derived. */
export interface AuditEventInput {
  type: AuditEventType;
  at: Date;
  /** IANA zone of the actor's clock. */
  timeZone: string;
  actor: AuditActor;
  /** JSON-representable values only. */
  details: Record<string, unknown>;
}

/** The hash an event must carry: SHA-256 hex of the canonical JSON of all its fields but `hash`. */
export function auditEventHash(event: Omit<AuditEvent, 'hash'>): string {
  const { seq, type, at, timeZone, actor, details, prevHash } = event;
  return sha256Hex(canonicalJson({ seq, type, at, timeZone, actor, details, prevHash }));
}

/** Hash of the last event, or {@link GENESIS_HASH} for an empty chain: what to anchor. */
export function auditHead(chain: readonly AuditEvent[]): string {
  return chain.at(-1)?.hash ?? GENESIS_HASH;
}

/**
 * Appends an event to `chain` and returns the new chain (the input is not
 * changed). Throws a TimeZoneError for an unknown zone, a CanonicalJsonError
 * for details JSON cannot hold (NaN, functions, cycles…).
 */
export function appendAuditEvent(chain: readonly AuditEvent[], input: AuditEventInput): AuditEvent[] {
  const unsigned = {
    seq: chain.length,
    type: input.type,
    at: zonedIsoString(input.at, input.timeZone),
    timeZone: input.timeZone,
    actor: input.actor,
    details: JSON.parse(canonicalJson(input.details)) as Record<string, unknown>,
    prevHash: auditHead(chain),
  };
  return [...chain, { ...unsigned, hash: auditEventHash(unsigned) }];
}

/** Why a chain fails: an entry that is not an event, out of sequence, not linked to its predecessor, hash not matching its content, or a head differing from the anchor. */
export type ChainProblem = 'malformed' | 'sequence' | 'link' | 'hash' | 'head';

export type ChainCheck =
  | { ok: true; length: number; head: string }
  | {
      ok: false;
      /** Index of the first event that fails (the chain's length for a `head` problem). */
      index: number;
      problem: ChainProblem;
      message: string;
    };

/**
 * Checks an audit chain from its first event and reports the first broken
 * link. `anchor.head` (and `anchor.length`), when given, must match the
 * chain's last hash (and length): that catches events cut off the end.
 * Accepts untrusted input (e.g. read from a file): never throws.
 */
export function verifyChain(chain: readonly unknown[], anchor?: { head: string; length?: number }): ChainCheck {
  let prev = GENESIS_HASH;
  for (const [index, raw] of chain.entries()) {
    const parsed = auditEventSchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || '(event)';
      return { ok: false, index, problem: 'malformed', message: `Event ${index} is not an audit event (${where})` };
    }
    const event = parsed.data;
    if (event.seq !== index) {
      return { ok: false, index, problem: 'sequence', message: `Event ${index} says it is number ${event.seq}: events were removed or reordered` };
    }
    if (event.prevHash !== prev) {
      return {
        ok: false,
        index,
        problem: 'link',
        message: `Event ${index} does not follow the event before it: an earlier event was changed, removed or reordered`,
      };
    }
    let hash: string;
    try {
      hash = auditEventHash(event);
    } catch {
      return { ok: false, index, problem: 'malformed', message: `Event ${index} holds values JSON cannot represent` };
    }
    if (hash !== event.hash) {
      return { ok: false, index, problem: 'hash', message: `Event ${index} (${event.type}) was changed after it was recorded` };
    }
    prev = event.hash;
  }
  if (anchor && (anchor.head !== prev || (anchor.length !== undefined && anchor.length !== chain.length))) {
    return {
      ok: false,
      index: chain.length,
      problem: 'head',
      message: 'The trail does not end where it was anchored: events were removed from its end or rewritten',
    };
  }
  return { ok: true, length: chain.length, head: prev };
}
