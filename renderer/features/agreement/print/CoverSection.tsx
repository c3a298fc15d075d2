/** The cover of the printed agreement: company, title, date, version and the fingerprint. */
import { formatFingerprint } from '../../../../shared/agreement/fingerprint';
import type { PrintSectionProps } from './types';

export function CoverSection({ snapshot, version, t, fmt }: PrintSectionProps) {
  const { content } = snapshot;
  return (
    <section className="print-cover">
      <div className="print-cover__brand">{content.meta.company}</div>
      <h1>{content.meta.title}</h1>
      <p className="print-cover__subtitle">{t('pdf.docTitle')}</p>
      <dl className="print-cover__facts">
        <div><dt>{t('pdf.company')}</dt><dd>{content.meta.company}</dd></div>
        <div><dt>{t('pdf.date')}</dt><dd>{fmt.date(content.meta.date)}</dd></div>
        <div><dt>{t('pdf.version', { number: snapshot.version })}</dt><dd>{t('pdf.frozenAt', { date: fmt.dateTime(snapshot.frozenAt) })}</dd></div>
      </dl>
      {snapshot.override ? <p className="print-warning">{t('agreement.pdf.override')}</p> : null}
      <p className="print-cover__fingerprint">{t('pdf.fingerprint')}: <code>{formatFingerprint(version.fingerprint)}</code></p>
    </section>
  );
}
