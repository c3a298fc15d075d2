/** The agreed funnel in the printed agreement: a diagram and the table of rates and durations. */
import type { TFunction } from 'i18next';
import type { AgreementSnapshot } from '../../../../shared/agreement/version';
import { mainPath } from '../../../../shared/domain/workshop-doc';
import { formatters } from '../../../i18n';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';

function FunnelDiagram({ snapshot, t }: { snapshot: AgreementSnapshot; t: TFunction }) {
  const fmt = formatters(snapshot.content.meta.language);
  const path = mainPath(snapshot.content.funnels.agreed);
  const n = path.length;
  return (
    <div className="print-funnel" role="img" aria-label={t('pdf.funnel')}>
      {path.map(({ stage, next }, i) => (
        <div key={stage.id} className="print-funnel__row">
          <div className={`print-funnel__bar print-funnel__bar--${stage.ownerTeam}`} style={{ width: `${100 - (i * 60) / Math.max(1, n - 1)}%` }}>
            <span className="print-funnel__name">{stage.name}</span>
            <span className="print-funnel__owner">{t(`teams.${stage.ownerTeam}`)}</span>
          </div>
          {next ? (
            <div className="print-funnel__next">
              ↓ {fmt.percent(next.conversionRate)} · {fmt.integer(next.averageDays)} {t('pdf.days').toLowerCase()}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}

export function FunnelSection({ snapshot, t, fmt }: PrintSectionProps) {
  const path = mainPath(snapshot.content.funnels.agreed);
  return (
    <Section title={t('pdf.funnel')} id="funnel">
      <FunnelDiagram snapshot={snapshot} t={t} />
      <table className="print-table">
        <thead><tr><th>{t('pdf.stage')}</th><th>{t('pdf.owner')}</th><th className="num">{t('pdf.rate')}</th><th className="num">{t('pdf.days')}</th></tr></thead>
        <tbody>
          {path.map(({ stage, next }) => (
            <tr key={stage.id}>
              <td>{stage.name}</td>
              <td>{t(`teams.${stage.ownerTeam}`)}</td>
              <td className="num">{next ? fmt.percent(next.conversionRate) : '—'}</td>
              <td className="num">{next ? fmt.integer(next.averageDays) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
