/**
 * The open workshops' audit trails in the database: append an event
 * (created, approved, frozen, signed, exported…) and read a workshop's chain.
 * The chain logic (hashes, links, verification) is `shared/agreement/audit.ts`;
 * this module only stores it, append-only.
 */
import { appendAuditEvent, auditEventSchema, type AuditEvent, type AuditEventInput } from '../../shared/agreement/audit';
import { localTimeZone } from '../../shared/domain/time';
import type { AuditRow, PactoDb } from './db';

/** What a caller gives for a new event; `at` defaults to now and `timeZone` to this machine's zone. */
export type AuditRecordInput = Omit<AuditEventInput, 'at' | 'timeZone'> & Partial<Pick<AuditEventInput, 'at' | 'timeZone'>>;

function toEvent(row: AuditRow): AuditEvent {
  const { workshopId: _w, ...event } = row;
  return event;
}

/** Workshop `workshopId`'s audit chain, oldest event first (empty when none). */
export async function readAudit(db: PactoDb, workshopId: string): Promise<AuditEvent[]> {
  const rows = await db.audit.where('[workshopId+seq]').between([workshopId, 0], [workshopId, Infinity]).toArray();
  return rows.map(toEvent);
}

/**
 * Appends one event to workshop `workshopId`'s chain, in one database
 * transaction (so two appends never take the same place), and returns it.
 * Throws a TimeZoneError for an unknown zone, a CanonicalJsonError for
 * details JSON cannot hold, or the database's error (e.g. QuotaExceededError).
 */
export async function recordAudit(db: PactoDb, workshopId: string, input: AuditRecordInput): Promise<AuditEvent> {
  return db.transaction('rw', db.audit, async () => {
    const chain = await readAudit(db, workshopId);
    const next = appendAuditEvent(chain, { at: new Date(), timeZone: localTimeZone(), ...input });
    const event = auditEventSchema.parse(next[next.length - 1]);
    await db.audit.add({ ...event, workshopId });
    return event;
  });
}
