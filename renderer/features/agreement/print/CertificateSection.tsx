/**
 * The certificate page: document id, version, fingerprint, each signatory's
 * signature with time, zone, method and the statement accepted, what the
 * seal proves (integrity, not identity) and how to verify (the only page that
 * names the command), and the audit trail's chain check; the events
 * themselves are the appendix after it (AuditSection).
 */
import { verifyChain } from '../../../../shared/agreement/audit';
import { formatFingerprint } from '../../../../shared/agreement/fingerprint';
import { Fingerprint } from './CoverSection';
import { requiredSigners } from '../../../../shared/agreement/version';
import type { PrintSectionProps } from './types';
import { Section } from './Section';

export function CertificateSection({ snapshot, version, signatures, audit, t, fmt }: PrintSectionProps) {
  const valid = signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint);
  const chain = verifyChain(audit);
  return (
    <Section title={t('agreement.pdf.certificate')} id="certificate">
      <dl className="print-cert__facts">
        <div>
          <dt>{t('agreement.pdf.documentId')}</dt>
          <dd>
            <code>{version.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('agreement.pdf.versionLine')}</dt>
          <dd>{snapshot.version}</dd>
        </div>
        <div>
          <dt>{t('agreement.pdf.frozenAt')}</dt>
          <dd>{fmt.dateTime(snapshot.frozenAt)}</dd>
        </div>
        <div className="print-cert__wide">
          <dt>{t('agreement.pdf.fingerprint')}</dt>
          <dd>
            <Fingerprint hex={version.fingerprint} testId="certificate-fingerprint" />
          </dd>
        </div>
      </dl>
      <h3>{t('agreement.pdf.signers')}</h3>
      <table className="print-table print-cert__signers">
        <thead>
          <tr>
            <th>{t('participants.name')}</th>
            <th>{t('pdf.team')}</th>
            <th>{t('pdf.signedAt')}</th>
            <th>{t('agreement.pdf.method')}</th>
          </tr>
        </thead>
        <tbody>
          {requiredSigners(snapshot).map((p) => {
            const sig = valid.find((s) => s.participantId === p.id);
            return (
              <tr key={p.id}>
                <td>
                  {p.name}
                  <div className="print-cert__muted">{p.title}</div>
                </td>
                <td>{t(`teams.${p.team}`)}</td>
                <td>
                  {sig ? (
                    <>
                      {fmt.dateTime(sig.signedAt, sig.timeZone)}
                      <div className="print-cert__muted">
                        {sig.signedAt} · {sig.timeZone}
                      </div>
                    </>
                  ) : (
                    t('pdf.notSigned')
                  )}
                </td>
                <td>{sig ? t(sig.method === 'drawn' ? 'pdf.drawnMethod' : 'pdf.typedMethod') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {valid.some((s) => s.consent) ? (
        <p className="print-cert__consent">
          <strong>{t('agreement.pdf.consent')}:</strong> «{valid.find((s) => s.consent)!.consent}»
        </p>
      ) : null}
      <div className="print-cert__seal">
        <p>{t('agreement.pdf.sealStatement')}</p>
        <p>{t('agreement.pdf.howToVerify')}</p>
        <p>{t('agreement.pdf.forgery')}</p>
        <p>{t('agreement.pdf.eidas')}</p>
      </div>
      <h3>{t('agreement.pdf.auditTrail')}</h3>
      <p className="print-cert__chain">
        {chain.ok
          ? t('agreement.pdf.chain', { count: chain.length, head: formatFingerprint(chain.head) })
          : t('agreement.pdf.chainBroken', { index: chain.index + 1 })}
      </p>
    </Section>
  );
}
