/**
 * The audit trail as the agreement's appendix: one line per event, grouped
 * by the day it happened (in the zone of whoever acted), with the time, the
 * event, who, what it was about and the start of its hash. An approval of an
 * item deleted later names the item as it was (the label recorded with the
 * event), or says it was deleted. The chain check is on the certificate page.
 */
import type { AuditEvent } from '../../../../shared/agreement/audit';
import { auditActor, auditDetails } from '../audit-text';
import type { PrintSectionProps } from './types';
import { Section } from './Section';

/** Events grouped by calendar day in each event's own zone, oldest first: `[day YYYY-MM-DD, events]`. */
export function auditByDay(audit: readonly AuditEvent[], dayIn: (instant: string, timeZone: string) => string): [string, AuditEvent[]][] {
  const days = new Map<string, AuditEvent[]>();
  for (const e of audit) {
    const day = dayIn(e.at, e.timeZone);
    const list = days.get(day);
    if (list) list.push(e);
    else days.set(day, [e]);
  }
  return [...days.entries()];
}

export function AuditSection({ snapshot, audit, t, fmt }: PrintSectionProps) {
  return (
    <Section title={t('agreement.pdf.auditAppendix')} id="audit">
      <p className="print-note">{t('agreement.pdf.auditIntro')}</p>
      {auditByDay(audit, fmt.dayIn).map(([day, events]) => (
        <div key={day} className="print-audit__day">
          <h3>{fmt.date(day)}</h3>
          <ul className="print-audit__list">
            {events.map((e) => {
              const details = auditDetails(e, t, snapshot.content);
              return (
                <li key={e.seq} className="print-audit__event">
                  <span className="print-audit__time">{fmt.clockIn(e.at, e.timeZone)}</span>
                  <span className="print-audit__what">
                    <strong>{t(`agreement.audit.types.${e.type}`)}</strong> · {auditActor(e, t)}
                    {details ? ` · ${details}` : ''}
                  </span>
                  <span className="print-audit__hash">{e.hash.slice(0, 12)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </Section>
  );
}
