/**
 * The cover of the printed agreement: the company's logo (when the workshop
 * has one) and name, the title, date and version, where the version stands
 * (agreed, or frozen with open items and what that means), the contents,
 * and the fingerprint.
 */
import { formatFingerprint } from '../../../../shared/agreement/fingerprint';
import type { PrintSectionProps } from './types';
import { TocList } from './TocSection';

/** How many items were open when the version was frozen: terms and clauses not agreed plus inconsistencies. */
export function openItemsOf(snapshot: PrintSectionProps['snapshot']): number {
  const o = snapshot.override;
  return o ? o.openItems.length + (o.inconsistencies?.length ?? 0) : 0;
}

/** A fingerprint in groups of four that never break inside a group. */
export function Fingerprint({ hex, testId }: { hex: string; testId?: string }) {
  return (
    <code className="print-fp" data-testid={testId}>
      {formatFingerprint(hex)
        .split(' ')
        .map((group, i) => (
          <span key={i} className="print-fp__group">
            {group}
            {i < 15 ? ' ' : ''}
          </span>
        ))}
    </code>
  );
}

export function CoverSection(props: PrintSectionProps) {
  const { snapshot, version, t, fmt } = props;
  const { content } = snapshot;
  const open = openItemsOf(snapshot);
  const logo = content.meta.logo;
  return (
    <section className="print-cover">
      <div className="print-cover__brand">
        {logo ? <img className="print-cover__logo" src={logo} alt={t('agreement.pdf.cover.logo', { company: content.meta.company })} /> : null}
        <span>{content.meta.company}</span>
      </div>
      <h1>{content.meta.title}</h1>
      <p className="print-cover__subtitle">{t('pdf.docTitle')}</p>
      <dl className="print-cover__facts">
        <div>
          <dt>{t('pdf.company')}</dt>
          <dd>{content.meta.company}</dd>
        </div>
        <div>
          <dt>{t('pdf.date')}</dt>
          <dd>{fmt.date(content.meta.date)}</dd>
        </div>
        <div>
          <dt>{t('pdf.version', { number: snapshot.version })}</dt>
          <dd>{t('pdf.frozenAt', { date: fmt.dateTime(snapshot.frozenAt) })}</dd>
        </div>
      </dl>
      {snapshot.override ? (
        <div className="print-cover__status print-cover__status--open" data-testid="cover-open">
          <strong>{t('agreement.pdf.cover.openTitle')}</strong>
          <p>{t('agreement.pdf.cover.openText', { count: open })}</p>
        </div>
      ) : (
        <div className="print-cover__status">
          <p>{t('agreement.pdf.cover.agreed')}</p>
        </div>
      )}
      <div className="print-cover__toc print-toc" id="toc">
        <h2>{t('agreement.pdf.toc')}</h2>
        <TocList toc={props.toc} />
      </div>
      <p className="print-cover__fingerprint">
        {t('pdf.fingerprint')}: <Fingerprint hex={version.fingerprint} />
      </p>
    </section>
  );
}
