/** Freeze the agreement into a version, and have every signatory sign it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/agreement/fingerprint';
import { readSnapshot, requiredSigners, type AgreementVersion, type Signature } from '../../../shared/agreement/version';
import type { Participant } from '../../../shared/domain/workshop';
import { db } from '../../data/instance';
import { addSignature, freeze } from '../../data/session';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { SignatureDialog } from './SignatureDialog';

function SignatoryList({ version, signatures, canSign }: { version: AgreementVersion; signatures: Signature[]; canSign: boolean }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const [signing, setSigning] = useState<Participant | null>(null);
  const signers = requiredSigners(readSnapshot(version));
  return (
    <ul className="signatories">
      {signers.map((p) => {
        const sig = signatures.find((s) => s.versionId === version.id && s.participantId === p.id);
        return (
          <li key={p.id} className="card signatory" data-testid="signatory">
            <div>
              <strong>{p.name}</strong>
              <div className="muted">{p.title} · {t(`teams.${p.team}`)}</div>
            </div>
            {sig ? (
              <div className="signatory__signed">
                <img src={sig.image} alt={`${t('pdf.signs')}: ${sig.name}`} className="signature-img" />
                <div className="small">{t('sign.signed', { date: fmt.dateTime(sig.signedAt, sig.timeZone) })} ({sig.timeZone})</div>
              </div>
            ) : canSign ? (
              <button className="primary" onClick={() => setSigning(p)} data-testid={`sign-${p.id}`}>{t('sign.signAs', { name: p.name })}</button>
            ) : (
              <span className="badge badge--draft">{t('sign.pending')}</span>
            )}
          </li>
        );
      })}
      {signing ? (
        <SignatureDialog participant={signing} version={version} onSign={(s) => addSignature(db, s)} onClose={() => setSigning(null)} />
      ) : null}
    </ul>
  );
}

export function SignScreen() {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session!);
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const [busy, setBusy] = useState(false);
  const { versions, signatures, status, content } = session;
  const latest = versions[versions.length - 1];
  const hasSignatories = content.participants.some((p) => p.signatory);
  const earlier = versions.slice(0, -1).reverse();
  return (
    <div>
      <p className="intro">{t('sign.intro')}</p>
      {status === 'draft' ? (
        <div className="card freeze">
          {latest ? <p className="notice notice--info">{t('sign.changedSince', { number: latest.number })}</p> : <p>{t('sign.noVersion')}</p>}
          {!hasSignatories ? <p className="field__error">{t('sign.noSignatories')}</p> : null}
          <button
            className="primary"
            disabled={busy || !hasSignatories}
            data-testid="freeze"
            onClick={() => {
              setBusy(true);
              void freeze(db).finally(() => setBusy(false));
            }}
          >
            {t('sign.freeze')}
          </button>
        </div>
      ) : null}
      {latest ? (
        <section className="version" data-testid="latest-version">
          <h2>{t('sign.frozen', { number: latest.number, date: fmt.dateTime(latest.frozenAt) })}</h2>
          <p className="fingerprint">
            <span className="muted">{t('sign.fingerprint')}:</span> <code data-testid="fingerprint">{formatFingerprint(latest.fingerprint)}</code>
          </p>
          {status === 'signed' ? <p className="notice notice--success">{t('sign.allSigned', { number: latest.number })}</p> : null}
          <h3>{t('sign.signatories')}</h3>
          <SignatoryList version={latest} signatures={signatures} canSign={status !== 'draft'} />
        </section>
      ) : null}
      {earlier.length > 0 ? (
        <section>
          <h2>{t('sign.history')}</h2>
          {earlier.map((v) => (
            <details key={v.id} className="card">
              <summary>
                {t('sign.versionLabel', { number: v.number })} · {fmt.dateTime(v.frozenAt)} · <code>{v.fingerprint.slice(0, 16)}…</code>
              </summary>
              <SignatoryList version={v} signatures={signatures} canSign={false} />
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
