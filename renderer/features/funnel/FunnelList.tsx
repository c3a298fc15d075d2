/** The agreed funnel as a list: stages in order with the rate and days to the next stage. */
import { useTranslation } from 'react-i18next';
import { mainPath, updateStage, updateTransition } from '../../../shared/domain/workshop-doc';
import { PARTIES } from '../../../shared/domain/workshop';
import { edit } from '../../data/session';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { NumberField, SelectField, TextField, firstError } from '../../ui/fields';

export function FunnelList() {
  const { t } = useTranslation();
  const content = useAppStore((s) => s.session!.content);
  const language = useAppStore((s) => s.language);
  const fmt = formatters(language);
  const path = mainPath(content.funnels.agreed);
  if (path.length === 0) return <p className="empty">{t('funnel.empty')}</p>;
  const overall = path.reduce((acc, { next }) => (next ? acc * next.conversionRate : acc), 1);
  const days = path.reduce((acc, { next }) => acc + (next?.averageDays ?? 0), 0);
  const terms = [{ value: '', label: t('funnel.noTerm') }, ...content.terms.map((term) => ({ value: term.id, label: term.acronym ? `${term.acronym} — ${term.name}` : term.name }))];
  return (
    <div>
      <p className="intro">{t('funnel.intro')}</p>
      <ol className="funnel-list">
        {path.map(({ stage, next }, i) => (
          <li key={stage.id} className={`funnel-stage funnel-stage--${stage.ownerTeam}`} data-testid="funnel-stage">
            <div className="funnel-stage__bar" style={{ width: `${100 - i * (18 / Math.max(1, path.length - 1))}%` }}>
              <TextField label={t('funnel.stage')} value={stage.name} onCommit={(name) => firstError(edit((doc) => updateStage(doc, 'agreed', stage.id, { name })))} />
              <SelectField
                label={t('funnel.owner')}
                value={stage.ownerTeam}
                options={PARTIES.map((p) => ({ value: p, label: t(`teams.${p}`) }))}
                onCommit={(ownerTeam) => firstError(edit((doc) => updateStage(doc, 'agreed', stage.id, { ownerTeam })))}
              />
              <SelectField
                label={t('funnel.term')}
                value={stage.termId ?? ''}
                options={terms}
                onCommit={(termId) => firstError(edit((doc) => updateStage(doc, 'agreed', stage.id, { termId: termId || null })))}
              />
            </div>
            {next ? (
              <div className="funnel-stage__next">
                <span aria-hidden className="arrow">↓</span>
                <NumberField
                  label={t('funnel.rate')}
                  kind="percent"
                  value={next.conversionRate}
                  testId={`rate-${stage.id}`}
                  onCommit={(conversionRate) => firstError(edit((doc) => updateTransition(doc, 'agreed', next.id, { conversionRate })))}
                />
                <NumberField
                  label={t('funnel.days')}
                  kind="days"
                  value={next.averageDays}
                  testId={`days-${stage.id}`}
                  onCommit={(averageDays) => firstError(edit((doc) => updateTransition(doc, 'agreed', next.id, { averageDays })))}
                />
              </div>
            ) : (
              <div className="funnel-stage__next muted">{t('funnel.last')}</div>
            )}
          </li>
        ))}
      </ol>
      <p className="summary">
        {t('funnel.leadToCustomer', { rate: fmt.percent(overall) })} · {t('funnel.cycle', { days: fmt.integer(days) })}
      </p>
    </div>
  );
}
