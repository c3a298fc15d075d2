/** The workshop's audit trail with its chain check (every event linked to the one before by hash). */
import { useTranslation } from 'react-i18next';
import { verifyChain, type AuditEvent } from '../../../shared/agreement/audit';
import type { AuditTrailRead } from '../agreement/useAudit';
import type { WorkshopContent } from '../../../shared/domain/workshop';
import { formatters } from '../../i18n';
import { useAppStore } from '../../store';
import { auditActor, auditDetails } from '../agreement/audit-text';

/** The trail as read (`useAudit`): while reading, and when the read failed, it says so under its heading. */
export function AuditTrail({ trail, content }: { trail: AuditTrailRead; content?: WorkshopContent }) {
  const { t } = useTranslation();
  return (
    <section className="audit" data-testid="audit-trail" data-status={trail.kind}>
      <h2>{t('agreement.audit.title')}</h2>
      <p className="muted">{t('agreement.audit.intro')}</p>
      {trail.kind === 'read' ? (
        <AuditEvents events={trail.events} content={content} />
      ) : trail.kind === 'failed' ? (
        <p className="notice notice--error" role="alert">
          {t('agreement.audit.readFailed', { message: trail.message })}
        </p>
      ) : (
        <p className="muted">{t('agreement.audit.reading')}</p>
      )}
    </section>
  );
}

/** The chain's check and its events, newest first. */
function AuditEvents({ events, content }: { events: AuditEvent[]; content?: WorkshopContent }) {
  const { t } = useTranslation();
  const fmt = formatters(useAppStore((s) => s.language));
  const chain = verifyChain(events);
  return (
    <>
      {chain.ok ? (
        <p className="notice notice--success" data-testid="chain-status">
          {t('agreement.audit.chainOk', { count: chain.length, head: `${chain.head.slice(0, 16)}…` })}
        </p>
      ) : (
        <p className="notice notice--error" data-testid="chain-status">
          {t('agreement.audit.chainBroken', { index: chain.index + 1, message: chain.message })}
        </p>
      )}
      {events.length === 0 ? (
        <p className="empty">{t('agreement.audit.empty')}</p>
      ) : (
        <table className="table audit__table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('agreement.audit.when')}</th>
              <th>{t('agreement.audit.event')}</th>
              <th>{t('agreement.audit.actor')}</th>
              <th>{t('agreement.audit.details')}</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {[...events].reverse().map((e) => (
              <tr key={e.seq} data-testid="audit-event">
                <td>{e.seq + 1}</td>
                <td>
                  {fmt.dateTime(e.at, e.timeZone)}
                  <div className="muted small">{e.timeZone}</div>
                </td>
                <td>{t(`agreement.audit.types.${e.type}`)}</td>
                <td>{auditActor(e, t)}</td>
                <td>{auditDetails(e, t, content)}</td>
                <td>
                  <code className="small" title={e.hash}>
                    {e.hash.slice(0, 10)}…
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
