/**
 * One scenario in detail: its assumptions per stage (rate and days, editable,
 * with the benchmark ranges and a flag when outside them) next to the volume
 * each stage needs; the figures read with them; the monthly plan.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { WorkshopContent, WorkshopScenario } from '../../../shared/domain/workshop';
import { checkChainBenchmarks, type BenchmarkCheck, type RateBenchmark } from '../../../shared/model/benchmarks';
import { formatSource } from '../../../shared/funnel/benchmark-sources';
import { standardStageKey } from '../../../shared/model/chain';
import type { MonthlyPlan } from '../../../shared/model/monthly-plan';
import type { ScenarioPlan } from '../../../shared/model/plan';
import type { Scenario } from '../../../shared/model/scenario';
import { baselineOrigins, scenarioStages, type WorkshopPlan } from '../../../shared/model/workshop-scenarios';
import { OriginMark } from './Comparison';
import type { Formatters } from '../../i18n';
import { firstError, NumberField } from '../../ui/fields';
import { editScenarioStage } from './actions';
import { ChartBox, MonthlyChart } from './charts';
import { ScrollRegion } from '../../ui/ScrollRegion';

/** The benchmark check of the transition from `stageId` to `nextId`, when both stand for standard stages and a figure exists. */
export function transitionBenchmark(checks: readonly BenchmarkCheck[], stageId: string, nextId: string): BenchmarkCheck | null {
  const from = standardStageKey(stageId);
  const to = standardStageKey(nextId);
  return checks.find((c) => c.from === from && c.to === to) ?? null;
}

/** "10–25 %" for a range, "~40 %" for an approximate figure. */
export function benchmarkRange(b: RateBenchmark, fmt: Formatters): string {
  return b.approximate || b.min === b.max ? `~${fmt.percent(b.min)}` : `${fmt.percent(b.min)}–${fmt.percent(b.max)}`;
}

/** The benchmark figures of one rate, each with source and year, and the flag. */
export function BenchmarkNote({ check, fmt, t, testId }: { check: BenchmarkCheck | null; fmt: Formatters; t: TFunction; testId?: string }) {
  if (!check)
    return (
      <span className="muted small" data-testid={testId}>
        {t('model.noBenchmark')}
      </span>
    );
  return (
    <span className="benchmark small" data-testid={testId}>
      {check.flag ? (
        <span className="benchmark__flag" role="note" data-testid="benchmark-flag">
          ⚠ {t(check.flag === 'below' ? 'model.flagBelow' : 'model.flagAbove')}
        </span>
      ) : null}
      {check.comparisons.map(({ benchmark: b }, i) => (
        <span key={i} className="benchmark__range">
          {t('model.benchmarkRange', { range: benchmarkRange(b, fmt), source: formatSource(b.source, fmt.language) })}
        </span>
      ))}
    </span>
  );
}

/** The reason a plan cannot be computed, in the UI language when the model names a rate (e.g. a rate of 0 %), no stages, or a target not set yet. */
export function planErrorText(plan: WorkshopPlan & { ok: false }, chain: readonly { name: string }[], t: TFunction): string {
  const rate = /^chain\.(\d+)\.conversionRate$/.exec(plan.field);
  if (rate) {
    const i = Number(rate[1]);
    return t('model.rateZero', { from: chain[i]?.name ?? '', to: chain[i + 1]?.name ?? '' });
  }
  if (plan.field === 'chain' && chain.length === 0) return t('model.noStages');
  // 0 stands for a target or deal size the workshop has not set yet (`toModelScenario`): no one can type 0 there.
  if ((plan.field === 'revenueTarget' || plan.field === 'averageDealSize') && plan.scenario.targets[plan.field] === 0) {
    return t(`model.notSet.${plan.field}`);
  }
  return plan.message;
}

/** The stage table: editable rate and days, benchmark, volume (and unrounded), cost per record. */
export function AssumptionsTable({
  content,
  scenario,
  plan,
  showUnrounded,
  fmt,
}: {
  content: WorkshopContent;
  scenario: WorkshopScenario;
  plan: WorkshopPlan;
  showUnrounded: boolean;
  fmt: Formatters;
}) {
  const { t } = useTranslation();
  const chain = scenarioStages(content, scenario);
  const planned = plan.ok ? plan.plan : null;
  // Benchmarks depend on the rates only: shown even when the plan cannot be computed (e.g. one rate at 0 %).
  const checks = planned?.benchmarks ?? checkChainBenchmarks(chain);
  const origins = baselineOrigins(content, scenario);
  const currency = content.meta.currency;
  return (
    <>
      {!plan.ok ? (
        <p className="field__error" role="alert" data-testid="plan-error">
          {t('model.cannot', { message: planErrorText(plan, chain, t) })}
        </p>
      ) : null}
      <table className="grid-table volumes" data-testid="volumes">
        <thead>
          <tr>
            <th>{t('model.stage')}</th>
            <th className="num">{t('model.volume')}</th>
            {showUnrounded ? <th className="num">{t('model.unrounded')}</th> : null}
            <th>{t('model.rate')}</th>
            <th>{t('model.days')}</th>
            <th>{t('model.benchmark')}</th>
            {planned?.costs ? <th className="num">{t('model.costPer')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {chain.map((s, i) => {
            const last = i === chain.length - 1;
            const row = planned?.stages[i];
            const cost = planned?.costs?.[i]?.cost ?? null;
            return (
              <tr key={s.id} data-stage-id={s.id}>
                <td>{s.name}</td>
                <td className="num strong" data-testid={`volume-${s.id}`}>
                  {row ? fmt.integer(row.volume) : '—'}
                </td>
                {showUnrounded ? (
                  <td className="num muted" data-testid={`unrounded-${s.id}`}>
                    {row ? fmt.number(row.unrounded) : '—'}
                  </td>
                ) : null}
                <td>
                  {last ? (
                    '—'
                  ) : (
                    <NumberField
                      label={`${t('model.rate')} ${s.name}`}
                      hideLabel
                      kind="percent"
                      value={s.conversionRate}
                      testId={`rate-${s.id}`}
                      onCommit={(conversionRate) => firstError(editScenarioStage(content, scenario.id, s.id, { conversionRate }))}
                    />
                  )}
                  {last ? null : <OriginMark origin={origins?.[s.id]?.rate ?? null} />}
                </td>
                <td>
                  {last ? (
                    '—'
                  ) : (
                    <NumberField
                      label={`${t('model.days')} ${s.name}`}
                      hideLabel
                      kind="days"
                      value={s.averageDays}
                      testId={`days-${s.id}`}
                      onCommit={(averageDays) => firstError(editScenarioStage(content, scenario.id, s.id, { averageDays }))}
                    />
                  )}
                  {last ? null : <OriginMark origin={origins?.[s.id]?.days ?? null} />}
                </td>
                <td>
                  {last ? null : <BenchmarkNote check={transitionBenchmark(checks, s.id, chain[i + 1]!.id)} fmt={fmt} t={t} testId={`benchmark-${s.id}`} />}
                </td>
                {planned?.costs ? <td className="num">{cost === null ? '—' : fmt.money(cost, currency)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Velocity, coverage, lead-to-customer, win rate, CAC and the capacity check. */
export function Metrics({ plan, currency, fmt, salesReps }: { plan: ScenarioPlan; currency: string; fmt: Formatters; salesReps: number | null }) {
  const { t } = useTranslation();
  const cac = plan.costs?.[plan.costs.length - 1]?.cost ?? null;
  const cap = plan.capacity;
  const items: [string, string, string][] = [
    ['deals', t('model.deals'), fmt.integer(plan.deals)],
    ['revenue', t('model.revenue'), fmt.money(plan.revenue, currency)],
    ['lead-to-customer', t('model.leadToCustomer'), fmt.percent(plan.leadToCustomerRate)],
    ['win-rate', t('model.winRate'), fmt.percent(plan.winRate)],
    ['coverage', t('model.coverage'), t('model.coverageValue', { value: fmt.number(plan.coverage) })],
    ['pipeline-value', t('model.pipelineValue'), fmt.money(plan.pipelineValueNeeded, currency)],
    ['velocity', t('model.velocity'), plan.pipelineVelocity === null ? '—' : t('model.perDay', { value: fmt.money(plan.pipelineVelocity, currency) })],
    ['sales-cycle', t('model.salesCycle'), t('model.daysValue', { value: fmt.number(plan.salesCycleDays) })],
    ['opps-per-month', t('model.oppsPerMonth'), `${fmt.number(plan.opportunitiesPerMonth.average)} / ${fmt.integer(plan.opportunitiesPerMonth.peak)}`],
    ['cac', t('model.cac'), cac === null ? '—' : fmt.money(cac, currency)],
  ];
  return (
    <div>
      <h3>{t('model.metrics')}</h3>
      <dl className="metrics" data-testid="metrics">
        {items.map(([id, label, value]) => (
          <div key={id} data-testid={`metric-${id}`}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {plan.costs === null ? <p className="muted small">{t('model.noBudget')}</p> : null}
      <h3>{t('model.capacity')}</h3>
      <p data-testid="capacity" className={cap?.overCapacity ? 'capacity capacity--over' : 'capacity'}>
        {cap === null
          ? t('model.noCapacity')
          : t(cap.overCapacity ? 'model.capacityOver' : 'model.capacityOk', {
              reps: fmt.integer(salesReps ?? 0),
              capacity: fmt.number(cap.capacityPerMonth),
              needed: fmt.integer(cap.opportunitiesPerMonth),
              utilisation: cap.utilisation === null ? '—' : fmt.percent(cap.utilisation),
              repsNeeded: fmt.integer(cap.repsNeeded),
            })}
      </p>
    </div>
  );
}

/** Month label: "ene 2027" from `YYYY-MM`, else "Month n" counted from the period's first month (1). */
export function monthLabel(m: { offset: number; month: string | null }, language: 'es' | 'en', t: TFunction): string {
  if (!m.month) return t('model.offset', { n: m.offset + 1 });
  const [y, mo] = m.month.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, mo! - 1, 1)),
  );
}

/** The monthly plan as a chart and a table (stages as rows, months as columns). */
export function MonthlyPlanView({
  plan,
  stages,
  fmt,
  language,
  interactive = true,
}: {
  plan: { monthly: MonthlyPlan };
  stages: Scenario['stages'];
  fmt: Formatters;
  language: 'es' | 'en';
  interactive?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-label={t('model.monthly')}>
      <h2>{t('model.monthly')}</h2>
      <p className="muted small">{t('model.monthlyIntro')}</p>
      <MonthlyTable monthly={plan.monthly} stages={stages} fmt={fmt} t={t} language={language} />
      <ChartBox max={880}>
        {(w) => (
          <MonthlyChart
            months={plan.monthly.months.map((m) => ({ label: monthLabel(m, language, t), volumes: m.volumes }))}
            stages={stages}
            fmt={fmt}
            interactive={interactive}
            width={w}
          />
        )}
      </ChartBox>
    </section>
  );
}

/** Stages as rows with their lag, months as columns, and each stage's total. Shared with the print view. */
export function MonthlyTable({
  monthly,
  stages,
  fmt,
  t,
  language,
  className = 'grid-table monthly',
}: {
  monthly: MonthlyPlan;
  stages: Scenario['stages'];
  fmt: Formatters;
  t: TFunction;
  language: 'es' | 'en';
  className?: string;
}) {
  return (
    <ScrollRegion label={t('model.monthly')}>
      <table className={className} data-testid="monthly">
        <thead>
          <tr>
            <th>{t('model.stage')}</th>
            <th>{t('model.lag')}</th>
            {monthly.months.map((m) => (
              <th key={m.offset} className="num">
                {monthLabel(m, language, t)}
              </th>
            ))}
            <th className="num">{t('model.total')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s, i) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td className="small">{t('model.lagMonths', { count: monthly.stages[i]!.lagMonths })}</td>
              {monthly.months.map((m) => (
                <td key={m.offset} className={m.volumes[i] ? 'num' : 'num muted'}>
                  {fmt.integer(m.volumes[i] ?? 0)}
                </td>
              ))}
              <td className="num strong">{fmt.integer(monthly.stages[i]!.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
