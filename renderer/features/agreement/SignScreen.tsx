/**
 * Freeze the agreement into a version (through the freeze gate: every term
 * and clause agreed, or an explicit override with a reason), and have every
 * signatory sign it. Each step is recorded in the audit trail.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFingerprint } from '../../../shared/agreement/fingerprint';
import { openGapCount } from '../../../shared/funnel/gap-resolutions';
import { readSnapshot, requiredSigners, type AgreementVersion, type Signature } from '../../../shared/agreement/version';
import type { Participant } from '../../../shared/domain/workshop';
import { db } from '../../data/instance';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { useGapResolutions } from '../approvals/review-data';
import { currentGate, freezeAgreement, signAgreement } from './actions';
import { inconsistencyText, itemLabel, overrideSummary } from './audit-text';
import type { InconsistencyKind } from '../../../shared/agreement/consistency';
import type { Step } from '../../store';
import { SignatureDialog } from './SignatureDialog';

/**
 * Differences between the team funnels still open in Compare: not an open
 * item of the agreement (the agreed funnel is what is signed, and the gate
 * does not hold it back), but said before freezing, with the way to Compare.
 */
function OpenGapsNote() {
  const { t } = useTranslation();
  const content = useAppStore((s) => s.session!.content);
  const sessionId = useAppStore((s) => s.session!.id);
  const navigate = useAppStore((s) => s.navigate);
  const resolutions = useGapResolutions();
  const { marketing, sales } = content.funnels;
  const count = useMemo(() => openGapCount(marketing, sales, content.terms, resolutions), [marketing, sales, content.terms, resolutions]);
  if (count === 0) return null;
  return (
    <p className="notice notice--info" data-testid="gate-gaps-open">
      {t('agreement.gate.gapsOpen', { count })}{' '}
      <button type="button" className="link" onClick={() => navigate({ screen: 'workshop', id: sessionId, step: 'funnel', focus: 'compare' })}>
        {t('agreement.gate.openCompare')}
      </button>
    </p>
  );
}

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
              <div className="muted">
                {p.title} · {t(`teams.${p.team}`)}
              </div>
            </div>
            {sig ? (
              <div className="signatory__signed">
                <img src={sig.image} alt={`${t('pdf.signs')}: ${sig.name}`} className="signature-img" />
                <div className="small">
                  {t('agreement.sign.signed', { date: fmt.dateTime(sig.signedAt, sig.timeZone) })} ({sig.timeZone})
                </div>
                <div className="small muted">{t('agreement.signedWith', { method: t(sig.method === 'drawn' ? 'pdf.drawnMethod' : 'pdf.typedMethod') })}</div>
              </div>
            ) : canSign ? (
              <button className="primary" onClick={() => setSigning(p)} data-testid={`sign-${p.id}`}>
                {t('agreement.sign.signAs', { name: p.name })}
              </button>
            ) : (
              <span className="badge badge--draft">{t('agreement.sign.pending')}</span>
            )}
          </li>
        );
      })}
      {signing ? (
        <SignatureDialog participant={signing} version={version} onSign={(s) => signAgreement(db, s, version)} onClose={() => setSigning(null)} />
      ) : null}
    </ul>
  );
}

/** The step where each kind of inconsistency is put right. */
const FIX_STEP: Record<InconsistencyKind, Step> = {
  'sla-volume': 'sla',
  'scenario-differs': 'targets',
  'rates-over-100': 'funnel',
  'rate-missing': 'funnel',
  'plan-unavailable': 'targets',
};

/** The freeze card: the gate's open items, and the override (who and why) when some remain. */
function FreezeCard({ latest }: { latest: AgreementVersion | undefined }) {
  const { t } = useTranslation();
  const content = useAppStore((s) => s.session!.content);
  const sessionId = useAppStore((s) => s.session!.id);
  const navigate = useAppStore((s) => s.navigate);
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const [busy, setBusy] = useState(false);
  const [override, setOverride] = useState(false);
  const [who, setWho] = useState('');
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const gate = currentGate(content);
  const hasSignatories = content.participants.some((p) => p.signatory);
  const canFreeze = hasSignatories && (gate.ready || override);

  const submit = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const result = await freezeAgreement(db, gate.ready ? undefined : { participantId: who, reason });
      if (!result.ok) setRefusal(result.error.code);
      else setOverride(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="card freeze" data-testid="freeze-card">
      {latest ? <p className="notice notice--info">{t('agreement.sign.changedSince', { number: latest.number })}</p> : <p>{t('agreement.sign.noVersion')}</p>}
      {!hasSignatories ? <p className="field__error">{t('agreement.sign.noSignatories')}</p> : null}
      <OpenGapsNote />
      {gate.ready ? (
        <p className="notice notice--success" data-testid="gate-ready">
          {t('agreement.gate.ready')}
        </p>
      ) : (
        <div className="gate" data-testid="gate-open">
          {gate.inconsistencies.length > 0 ? (
            <>
              <p>{t('agreement.consistency.title', { count: gate.inconsistencies.length })}</p>
              <ul className="gate__items">
                {gate.inconsistencies.map((item) => (
                  <li key={item.id} data-testid="gate-inconsistency" data-id={item.id}>
                    {inconsistencyText(item, t, fmt)}{' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate({ screen: 'workshop', id: sessionId, step: FIX_STEP[item.kind], focus: item.target.id })}
                    >
                      {t(`agreement.consistency.fix.${item.kind}`)}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {gate.open.length > 0 ? (
            <>
              <p>{t('agreement.gate.open', { count: gate.open.length })}</p>
              <ul className="gate__items">
                {gate.open.map((s) => (
                  <li key={`${s.item.kind}:${s.item.id}`} data-testid="gate-item">
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate({ screen: 'workshop', id: sessionId, step: s.item.kind === 'term' ? 'glossary' : 'sla', focus: s.item.id })}
                    >
                      {itemLabel(s.item, t)}
                    </button>{' '}
                    <span className="muted small">
                      — {t(`agreement.gate.${s.status}`)}
                      {s.changedSinceApproval.length > 0 ? `, ${t('agreement.gate.changed')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div className="field field--check">
            <input id="freeze-override" type="checkbox" checked={override} onChange={(e) => setOverride(e.target.checked)} data-testid="freeze-override" />
            <label htmlFor="freeze-override">{t('agreement.gate.override')}</label>
          </div>
          {override ? (
            <div className="gate__override">
              <p className="muted small">{t('agreement.gate.overrideHelp')}</p>
              <div className="field">
                <label htmlFor="override-who" className="field__label">
                  {t('agreement.gate.who')}
                </label>
                <select id="override-who" value={who} onChange={(e) => setWho(e.target.value)} data-testid="override-who">
                  <option value="">{t('agreement.gate.choose')}</option>
                  {content.participants.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({t(`teams.${p.team}`)})
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="override-reason" className="field__label">
                  {t('agreement.gate.reason')}
                </label>
                <textarea
                  id="override-reason"
                  rows={2}
                  value={reason}
                  placeholder={t('agreement.gate.reasonPlaceholder')}
                  onChange={(e) => setReason(e.target.value)}
                  data-testid="override-reason"
                />
              </div>
            </div>
          ) : null}
        </div>
      )}
      {refusal ? (
        <p className="field__error" role="alert">
          {t(`agreement.gate.refused.${refusal}`)}
        </p>
      ) : null}
      <button className="primary" disabled={busy || !canFreeze} data-testid="freeze" onClick={() => void submit()}>
        {gate.ready ? t('agreement.sign.freeze') : t('agreement.gate.freezeWithOverride')}
      </button>
    </div>
  );
}

export function SignScreen() {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session!);
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const { versions, signatures, status } = session;
  const latest = versions[versions.length - 1];
  const override = latest ? readSnapshot(latest).override : undefined;
  return (
    <div>
      <p className="intro">{t('agreement.sign.intro')}</p>
      {status === 'draft' ? <FreezeCard latest={latest} /> : null}
      {latest ? (
        <section className="version" data-testid="latest-version">
          <h2>{t('agreement.sign.frozen', { number: latest.number, date: fmt.dateTime(latest.frozenAt) })}</h2>
          <p className="fingerprint">
            <span className="muted">{t('agreement.sign.fingerprint')}:</span> <code data-testid="fingerprint">{formatFingerprint(latest.fingerprint)}</code>
          </p>
          {override ? (
            <p className="notice notice--info" data-testid="version-override">
              {t('agreement.pdf.override')}: {overrideSummary(override, t, fmt)}
            </p>
          ) : null}
          {status === 'signed' ? <p className="notice notice--success">{t('agreement.sign.allSigned', { number: latest.number })}</p> : null}
          <h3>{t('agreement.sign.signatories')}</h3>
          <SignatoryList version={latest} signatures={signatures} canSign={status !== 'draft'} />
        </section>
      ) : null}
    </div>
  );
}
