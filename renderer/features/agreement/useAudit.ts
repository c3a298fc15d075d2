/** The open workshop's audit trail, kept live from the database. */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../shared/agreement/audit';
import { readAudit } from '../../data/audit';
import { db } from '../../data/instance';

/** Workshop `workshopId`'s audit chain, oldest first; empty until loaded. */
export function useAudit(workshopId: string): AuditEvent[] {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => readAudit(db, workshopId)).subscribe({ next: setEvents, error: () => setEvents([]) });
    return () => sub.unsubscribe();
  }, [workshopId]);
  return events;
}
