/** Targets: revenue target and average deal size → the volume each stage of the agreed funnel needs. */
import { useTranslation } from 'react-i18next';
import { updateTargets } from '../../../shared/domain/workshop-doc';
import { edit } from '../../data/session';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { NumberField, firstError } from '../../ui/fields';
import { agreedPlan } from './plan';

export function TargetsScreen() {
  const { t } = useTranslation();
  const content = useAppStore((s) => s.session!.content);
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const { targets, meta } = content;
  const plan = agreedPlan(content);
  return (
    <div>
      <p className="intro">{t('targets.intro')}</p>
      <div className="form-row">
        <NumberField
          label={`${t('targets.revenueTarget')} (${meta.currency})`}
          kind="money"
          value={targets.revenueTarget}
          testId="revenue-target"
          onCommit={(revenueTarget) => firstError(edit((doc) => updateTargets(doc, { revenueTarget })))}
        />
        <NumberField
          label={`${t('targets.averageDealSize')} (${meta.currency})`}
          kind="money"
          value={targets.averageDealSize}
          testId="average-deal-size"
          onCommit={(averageDealSize) => firstError(edit((doc) => updateTargets(doc, { averageDealSize })))}
        />
        <NumberField
          label={t('targets.periodMonths')}
          kind="integer"
          value={targets.periodMonths}
          onCommit={(periodMonths) => firstError(edit((doc) => updateTargets(doc, { periodMonths })))}
        />
      </div>
      {plan.ok ? (
        <table className="grid-table volumes" data-testid="volumes">
          <thead>
            <tr>
              <th>{t('targets.stage')}</th>
              <th className="num">{t('targets.volume')}</th>
              <th className="num">{t('targets.perMonth')}</th>
              <th className="num">{t('targets.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((row) => (
              <tr key={row.stage.id}>
                <td>{row.stage.name}</td>
                <td className="num strong">{fmt.integer(row.volume)}</td>
                <td className="num">{fmt.number(row.perMonth)}</td>
                <td className="num">{row.rateToNext === null ? '—' : fmt.percent(row.rateToNext)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="field__error" role="alert">{t('targets.cannot', { message: plan.message })}</p>
      )}
      <p className="muted small">{t('targets.source')}</p>
    </div>
  );
}
