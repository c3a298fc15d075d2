/**
 * Scenarios side by side (volume and rate per stage, the headline figures,
 * a grouped bar chart) and the plan against the CRM actuals (the agreed
 * scenario's rates next to the latest actuals scenario's).
 */
import { useTranslation } from 'react-i18next';
import type { WorkshopContent, WorkshopScenario } from '../../../shared/domain/workshop';
import { scenarioStages, type WorkshopPlan } from '../../../shared/model/workshop-scenarios';
import type { Formatters } from '../../i18n';
import { ChartBox, PlanVsActualChart, ScenarioChart } from './charts';

/** Every scenario's volume and rate per stage and its headline figures, in columns, with a grouped bar chart. */
export function Comparison({
  scenarios,
  plans,
  agreedId,
  fmt,
  currency,
}: {
  scenarios: WorkshopScenario[];
  plans: WorkshopPlan[];
  agreedId: string;
  fmt: Formatters;
  currency: string;
}) {
  const { t } = useTranslation();
  const stages = plans[0]!.scenario.stages;
  const last = stages.length - 1;
  const summary: [string, (p: WorkshopPlan & { ok: true }) => string][] = [
    [t('model.leadToCustomer'), (p) => fmt.percent(p.plan.leadToCustomerRate)],
    [t('model.deals'), (p) => fmt.integer(p.plan.deals)],
    [t('model.coverage'), (p) => t('model.coverageValue', { value: fmt.number(p.plan.coverage) })],
    [t('model.velocity'), (p) => (p.plan.pipelineVelocity === null ? '—' : t('model.perDay', { value: fmt.money(p.plan.pipelineVelocity, currency) }))],
    [t('model.cac'), (p) => {
      const c = p.plan.costs?.[last]?.cost;
      return c === undefined || c === null ? '—' : fmt.money(c, currency);
    }],
  ];
  return (
    <section className="card" aria-label={t('model.comparison')}>
      <h2>{t('model.comparison')}</h2>
      <div className="table-scroll">
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
                  </td>
                ))}
              </tr>
            ))}
            {summary.map(([label, value]) => (
              <tr key={label} className="comparison__summary">
                <td>{label}</td>
                {plans.map((p, j) => (
                  <td key={scenarios[j]!.id} className="num">{p.ok ? value(p) : '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
  const planChain = scenarioStages(content, agreed);
  const actualChain = scenarioStages(content, actual);
  const planVolumes = plans[scenarios.indexOf(agreed)]!;
  const actualVolumes = plans[scenarios.indexOf(actual)]!;
  const rows = planChain.slice(0, -1).map((s, i) => ({
    label: `${s.name}→${planChain[i + 1]!.name}`,
    plan: s.conversionRate,
    actual: actualChain[i]!.conversionRate,
    planDays: s.averageDays,
    actualDays: actualChain[i]!.averageDays,
  }));
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
              <tr key={r.label}>
                <td>{r.label}</td>
                <td className="num">{fmt.percent(r.plan)}</td>
                <td className="num">{fmt.percent(r.actual)}</td>
                <td className="num">{`${fmt.number(r.planDays)} / ${fmt.number(r.actualDays)}`}</td>
              </tr>
            ))}
            <tr>
              <td>{t('model.leads')}</td>
              <td className="num">{planVolumes.ok ? fmt.integer(planVolumes.plan.stages[0]!.volume) : '—'}</td>
              <td className="num">{actualVolumes.ok ? fmt.integer(actualVolumes.plan.stages[0]!.volume) : '—'}</td>
              <td />
            </tr>
          </tbody>
        </table>
        <ChartBox max={560}>{(w) => <PlanVsActualChart rows={rows} fmt={fmt} labels={{ plan: t('model.plan'), actual: t('model.actual') }} width={w} />}</ChartBox>
      </div>
    </section>
  );
}
