/** The open workshop's audit trail, kept live from the database. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../shared/agreement/audit';
import { readAudit } from '../../data/audit';
import { db } from '../../data/instance';

/**
 * Workshop `workshopId`'s audit chain, oldest first; `null` until the database has answered (an empty
 * chain and a chain not read yet are told apart: the export waits for it). A failed read gives `[]`.
 */
export function useAudit(workshopId: string): AuditEvent[] | null {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  useEffect(() => {
    const sub = liveQuery(() => readAudit(db, workshopId)).subscribe({ next: setEvents, error: () => setEvents([]) });
    return () => sub.unsubscribe();
  }, [workshopId]);
  return events;
}
