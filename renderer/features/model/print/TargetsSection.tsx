/** Targets in the printed agreement: revenue target, deal size, period, and the volume each stage needs. */
import { mainPath } from '../../../../shared/domain/workshop-doc';
import { agreedPlan } from '../plan';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';

export function TargetsSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { content } = snapshot;
  const plan = agreedPlan(content);
  const overall = mainPath(content.funnels.agreed).reduce((acc, { next }) => (next ? acc * next.conversionRate : acc), 1);
  return (
    <Section title={t('pdf.targets')} id="targets">
      <dl className="print-kv">
        <div><dt>{t('pdf.revenueTarget')}</dt><dd>{fmt.money(content.targets.revenueTarget, content.meta.currency)}</dd></div>
        <div><dt>{t('pdf.averageDealSize')}</dt><dd>{fmt.money(content.targets.averageDealSize, content.meta.currency)}</dd></div>
        <div><dt>{t('pdf.period')}</dt><dd>{t('pdf.months', { count: content.targets.periodMonths })}</dd></div>
        <div><dt>{t('pdf.leadToCustomer')}</dt><dd>{fmt.percent(overall)}</dd></div>
      </dl>
      {plan.ok ? (
        <table className="print-table">
          <thead><tr><th>{t('pdf.stage')}</th><th className="num">{t('pdf.volume')}</th><th className="num">{t('pdf.perMonth')}</th><th className="num">{t('pdf.rate')}</th></tr></thead>
          <tbody>
            {plan.rows.map((r) => (
              <tr key={r.stage.id}>
                <td>{r.stage.name}</td>
                <td className="num">{fmt.integer(r.volume)}</td>
                <td className="num">{fmt.number(r.perMonth)}</td>
                <td className="num">{r.rateToNext === null ? '—' : fmt.percent(r.rateToNext)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
