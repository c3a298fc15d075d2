/**
 * Versions: the history of frozen versions with their standing (signed,
 * awaiting signatures, superseded), a comparison of any two versions or a
 * version and the current draft, the audit trail with its chain check, and
 * the PDF verifier.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { diffContent } from '../../../shared/agreement/diff';
import { readSnapshot, versionHistory } from '../../../shared/agreement/version';
import type { WorkshopContent } from '../../../shared/domain/workshop';
import { formatters } from '../../i18n';
import { useAppStore } from '../../store';
import { useAudit } from '../agreement/useAudit';
import { AuditTrail } from './AuditTrail';
import { DiffView } from './DiffView';
import { VerifyPanel } from './VerifyPanel';

/** The value of the "current draft" choice in the compare selects. */
const DRAFT = 'draft';

const STANDING_BADGE = { signed: 'badge--signed', awaiting: 'badge--ready', superseded: 'badge--draft' } as const;

export function VersionsScreen() {
  const { t } = useTranslation();
  const session = useAppStore((s) => s.session!);
  const fmt = formatters(useAppStore((s) => s.language));
  const { versions, signatures, content } = session;
  const history = useMemo(() => versionHistory(versions, signatures, content), [versions, signatures, content]);
  const audit = useAudit(session.id);
  const newest = history[0]?.version;
  const previous = history[1]?.version;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const fromId = from ?? previous?.id ?? newest?.id ?? DRAFT;
  const toId = to ?? (previous ? newest!.id : DRAFT);

  const contentOf = (id: string): WorkshopContent | null => {
    if (id === DRAFT) return content;
    const v = versions.find((x) => x.id === id);
    return v ? readSnapshot(v).content : null;
  };
  const before = contentOf(fromId);
  const after = contentOf(toId);
  const diff = useMemo(() => (before && after ? diffContent(before, after) : null), [before, after]);

  const options = [
    ...history.map((h) => (
      <option key={h.version.id} value={h.version.id}>
        {t('versions.label', { number: h.version.number })}
      </option>
    )),
    <option key={DRAFT} value={DRAFT}>
      {t('versions.draft')}
    </option>,
  ];

  return (
    <div className="versions">
      <p className="intro">{t('versions.intro')}</p>
      <h2>{t('versions.history')}</h2>
      {history.length === 0 ? (
        <p className="empty">{t('versions.none')}</p>
      ) : (
        <ul className="version-list">
          {history.map((h) => {
            const snapshot = readSnapshot(h.version);
            return (
              <li key={h.version.id} className="card version-row" data-testid="version-row" data-standing={h.standing}>
                <div>
                  <strong>{t('versions.label', { number: h.version.number })}</strong>{' '}
                  <span className={`badge ${STANDING_BADGE[h.standing]}`}>{t(`versions.standing.${h.standing}`)}</span>
                  <div className="muted small">
                    {t('versions.frozenAt', { date: fmt.dateTime(h.version.frozenAt) })} ·{' '}
                    {t('versions.signatures', { signed: h.signatures.length, required: h.required })}
                    {snapshot.override ? ` · ${t('versions.override')}` : ''}
                    {h.matchesDraft ? ` · ${t('versions.matchesDraft')}` : ''}
                  </div>
                </div>
                <code className="small" title={h.version.fingerprint}>
                  {h.version.fingerprint.slice(0, 16)}…
                </code>
              </li>
            );
          })}
        </ul>
      )}
      {history.length > 0 ? (
        <section className="compare">
          <h2>{t('versions.compare')}</h2>
          <div className="form-row">
            <div className="field">
              <label htmlFor="diff-from" className="field__label">
                {t('versions.from')}
              </label>
              <select id="diff-from" value={fromId} onChange={(e) => setFrom(e.target.value)} data-testid="diff-from">
                {options}
              </select>
            </div>
            <div className="field">
              <label htmlFor="diff-to" className="field__label">
                {t('versions.to')}
              </label>
              <select id="diff-to" value={toId} onChange={(e) => setTo(e.target.value)} data-testid="diff-to">
                {options}
              </select>
            </div>
          </div>
          {diff ? <DiffView diff={diff} /> : null}
        </section>
      ) : null}
      <AuditTrail trail={audit} content={content} />
      <VerifyPanel />
    </div>
  );
}
