/**
 * Scenarios side by side (volume and rate per stage, the headline figures,
 * a grouped bar chart) and the plan against the CRM actuals (the agreed
 * scenario's rates next to the latest actuals scenario's).
 */
import { useTranslation } from 'react-i18next';
import type { WorkshopContent, WorkshopScenario } from '../../../shared/domain/workshop';
import { baselineOrigins, planVsActualRows, type ValueOrigin, type WorkshopPlan } from '../../../shared/model/workshop-scenarios';
import type { Formatters } from '../../i18n';
import { ChartBox, PlanVsActualChart, ScenarioChart } from './charts';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** Every scenario's volume and rate per stage and its headline figures, in columns, with a grouped bar chart. */
export function Comparison({
  content,
  scenarios,
  plans,
  agreedId,
  fmt,
  currency,
}: {
  content: WorkshopContent;
  scenarios: WorkshopScenario[];
  plans: WorkshopPlan[];
  agreedId: string;
  fmt: Formatters;
  currency: string;
}) {
  const { t } = useTranslation();
  const stages = plans[0]!.scenario.stages;
  const last = stages.length - 1;
  const origins = scenarios.map((s) => baselineOrigins(content, s));
  const summary: [string, (p: WorkshopPlan & { ok: true }) => string][] = [
    [t('model.leadToCustomer'), (p) => fmt.percent(p.plan.leadToCustomerRate)],
    [t('model.deals'), (p) => fmt.integer(p.plan.deals)],
    [t('model.coverage'), (p) => t('model.coverageValue', { value: fmt.number(p.plan.coverage) })],
    [t('model.velocity'), (p) => (p.plan.pipelineVelocity === null ? '—' : t('model.perDay', { value: fmt.money(p.plan.pipelineVelocity, currency) }))],
    [
      t('model.cac'),
      (p) => {
        const c = p.plan.costs?.[last]?.cost;
        return c === undefined || c === null ? '—' : fmt.money(c, currency);
      },
    ],
  ];
  return (
    <section className="card" aria-label={t('model.comparison')}>
      <h2>{t('model.comparison')}</h2>
      <ScrollRegion label={t('model.comparisonTable')}>
        <table className="grid-table comparison" data-testid="comparison">
          <thead>
            <tr>
              <th>{t('model.stage')}</th>
              {scenarios.map((s) => (
                <th key={s.id} className="num" data-scenario-id={s.id}>
                  {s.name}
                  {s.id === agreedId ? <span className="badge badge--ready">{t('model.agreed')}</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {stages.map((stage, i) => (
              <tr key={stage.id}>
                <td>{stage.name}</td>
                {plans.map((p, j) => (
                  <td key={scenarios[j]!.id} className="num">
                    <span className="strong">{p.ok ? fmt.integer(p.plan.stages[i]!.volume) : '—'}</span>
                    {i < last ? <span className="muted small"> · {fmt.percent(p.scenario.stages[i]!.conversionRate ?? 0)}</span> : null}
                    {i < last ? <OriginMark compact origin={origins[j]?.[stage.id]?.rate ?? null} /> : null}
                  </td>
                ))}
              </tr>
            ))}
            {summary.map(([label, value]) => (
              <tr key={label} className="comparison__summary">
                <td>{label}</td>
                {plans.map((p, j) => (
                  <td key={scenarios[j]!.id} className="num">
                    {p.ok ? value(p) : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {origins.some((o) => o !== null) ? (
        <p className="muted small" data-testid="origin-legend">
          {t('model.origin.legend', { plan: t('model.origin.plan'), span: t('model.origin.span') })}
        </p>
      ) : null}
      <h3>{t('model.comparisonChart')}</h3>
      <ChartBox max={880}>
        {(w) => (
          <ScenarioChart
            width={w}
            stages={stages.map((s) => ({ id: s.id, name: s.name }))}
            scenarios={scenarios.map((s, j) => {
              const p = plans[j]!;
              return { id: s.id, name: s.name, volumes: p.ok ? p.plan.stages.map((x) => x.volume) : stages.map(() => null) };
            })}
            fmt={fmt}
          />
        )}
      </ChartBox>
    </section>
  );
}

/** The agreed scenario's rates and days next to the latest CRM actuals scenario's; nothing when there is none. */
export function PlanVsActual({
  content,
  scenarios,
  plans,
  agreedId,
  fmt,
}: {
  content: WorkshopContent;
  scenarios: WorkshopScenario[];
  plans: WorkshopPlan[];
  agreedId: string;
  fmt: Formatters;
}) {
  const { t } = useTranslation();
  const actual = [...scenarios].reverse().find((s) => s.kind === 'actuals' && s.id !== agreedId);
  if (!actual) return null;
  const agreed = scenarios.find((s) => s.id === agreedId)!;
  const planVolumes = plans[scenarios.indexOf(agreed)]!;
  const measured = planVsActualRows(content, agreed, actual);
  if (!measured) {
    // An actuals scenario made before imports kept what they measured: nothing can be told apart from the plan.
    return (
      <section className="card" aria-label={t('model.planVsActual')}>
        <h2>{t('model.planVsActual')}</h2>
        <p className="muted" data-testid="plan-vs-actual-none">
          {t('model.noMeasured', { name: actual.name })}
        </p>
      </section>
    );
  }
  const rows = measured.rows;
  const notInExport = t('model.notInExport');
  return (
    <section className="card" aria-label={t('model.planVsActual')}>
      <h2>{t('model.planVsActual')}</h2>
      <p className="muted small">
        {agreed.name} · {actual.name}
      </p>
      <div className="targets__split">
        <table className="grid-table" data-testid="plan-vs-actual">
          <thead>
            <tr>
              <th>{t('model.rateMoved')}</th>
              <th className="num">{t('model.plan')}</th>
              <th className="num">{t('model.actual')}</th>
              <th className="num">{t('model.days')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} data-from={r.fromId}>
                <td>{r.label}</td>
                <td className="num">{fmt.percent(r.plan)}</td>
                <td className={r.actual === null ? 'num muted small' : 'num'} data-testid={`actual-${r.fromId}`}>
                  {r.actual === null ? notInExport : fmt.percent(r.actual)}
                  {r.definition === 'winRate' ? (
                    <sup className="muted" title={t('model.winRateDefinition')}>
                      {' '}
                      *
                    </sup>
                  ) : null}
                </td>
                <td className="num">{`${fmt.number(r.planDays)} / ${r.actualDays === null ? '—' : fmt.number(r.actualDays)}`}</td>
              </tr>
            ))}
            <tr>
              <td>{t('model.leadsInExport')}</td>
              <td className="num">{planVolumes.ok ? fmt.integer(planVolumes.plan.stages[0]!.volume) : '—'}</td>
              <td className={measured.leads === null ? 'num muted small' : 'num'} data-testid="actual-leads">
                {measured.leads === null ? notInExport : fmt.integer(measured.leads)}
              </td>
              <td />
            </tr>
          </tbody>
          {rows.some((r) => r.definition === 'winRate') ? (
            <caption className="muted small caption-bottom" data-testid="win-rate-note">
              * {t('model.winRateDefinition')}
            </caption>
          ) : null}
        </table>
        <ChartBox max={560}>
          {(w) => (
            <PlanVsActualChart rows={rows.filter((r) => r.actual !== null)} fmt={fmt} labels={{ plan: t('model.plan'), actual: t('model.actual') }} width={w} />
          )}
        </ChartBox>
      </div>
    </section>
  );
}

/** A mark next to a baseline scenario's value that was not measured on that transition: taken from the plan, or the export's rate over a wider span. */
export function OriginMark({ origin, compact = false }: { origin: ValueOrigin | null; compact?: boolean }) {
  const { t } = useTranslation();
  if (origin !== 'plan' && origin !== 'span') return null;
  const text = t(`model.origin.${origin}`);
  return compact ? (
    <sup className={`origin origin--${origin} muted`} title={t(`model.origin.${origin}Long`)} data-testid={`origin-${origin}`}>
      {' '}
      {text}
    </sup>
  ) : (
    <div className={`origin origin--${origin} muted small`} title={t(`model.origin.${origin}Long`)} data-testid={`origin-${origin}`}>
      {text}
    </div>
  );
}
