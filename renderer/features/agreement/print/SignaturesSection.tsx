/** The signatures page: each signatory's signature, name, title and time with zone, and the fingerprint. */
import { Fingerprint } from './CoverSection';
import { requiredSigners } from '../../../../shared/agreement/version';
import type { PrintSectionProps } from './types';
import { Section } from './Section';

export function SignaturesSection({ snapshot, version, signatures, t, fmt }: PrintSectionProps) {
  const signers = requiredSigners(snapshot);
  const valid = signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint);
  const complete = signers.every((p) => valid.some((s) => s.participantId === p.id));
  return (
    <Section title={t('pdf.signatures')} id="signatures">
      {!complete ? <p className="print-warning">{t('pdf.incomplete')}</p> : null}
      <div className="print-signatures">
        {signers.map((p) => {
          const sig = valid.find((s) => s.participantId === p.id);
          return (
            <div key={p.id} className="print-signature">
              <div className="print-signature__image">
                {sig ? <img src={sig.image} alt="" /> : <span className="print-signature__pending">{t('pdf.notSigned')}</span>}
              </div>
              <div className="print-signature__line" />
              <strong>{p.name}</strong>
              <div>{p.title}</div>
              <div>{t(`teams.${p.team}`)}</div>
              {sig ? (
                <div className="print-signature__when">
                  {t('pdf.signedAt')} {fmt.dateTime(sig.signedAt, sig.timeZone)} ({sig.timeZone})
                  <br />
                  {t('pdf.signatureKind', { method: t(sig.method === 'drawn' ? 'pdf.drawnMethod' : 'pdf.typedMethod') })}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="print-fingerprint">
        <h3>{t('pdf.fingerprint')}</h3>
        <Fingerprint hex={version.fingerprint} testId="print-fingerprint" />
        <p>{t('pdf.fingerprintHelp')}</p>
        <p className="small">{t('pdf.eidas')}</p>
      </div>
    </Section>
  );
}
