/** The open workshop's audit trail, kept live from the database. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../shared/agreement/audit';
import { readAudit } from '../../data/audit';
import { db } from '../../data/instance';

/**
 * A workshop's audit trail as read from the database: `reading` until it
 * answers, then `read` with the chain (oldest event first; empty when there
 * is none), or `failed` with the database's message. A failed read is never
 * an empty chain: the export, the history and the PDF check each say they
 * could not read it instead of working from nothing.
 */
export type AuditTrailRead = { kind: 'reading' } | { kind: 'read'; events: AuditEvent[] } | { kind: 'failed'; message: string };

const READING: AuditTrailRead = { kind: 'reading' };

/** Workshop `workshopId`'s audit trail, kept live (a failed read stays failed until the workshop is opened again). */
export function useAudit(workshopId: string): AuditTrailRead {
  // The trail is kept with the workshop it was read for: another workshop's reads as `reading` until its own answers.
  const [read, setRead] = useState<{ workshopId: string; trail: AuditTrailRead } | null>(null);
  useEffect(() => {
    const sub = liveQuery(() => readAudit(db, workshopId)).subscribe({
      next: (events) => setRead({ workshopId, trail: { kind: 'read', events } }),
      error: (e: unknown) => setRead({ workshopId, trail: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    });
    return () => sub.unsubscribe();
  }, [workshopId]);
  return read?.workshopId === workshopId ? read.trail : READING;
}
