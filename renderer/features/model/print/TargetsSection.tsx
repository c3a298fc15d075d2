/**
 * Targets in the printed agreement: the agreed scenario's targets, the
 * volume each stage needs (whole records, and whole records a month), the
 * funnel chart, the scenarios side by side and the CRM baseline when there
 * is one, the monthly plan (months as rows so it fits portrait paper) and the
 * assumptions with their sources. Everything comes from the frozen snapshot;
 * rates and days are printed as the funnel diagrams print them.
 */
import { perMonth } from '../../../../shared/model/monthly-plan';
import { agreedScenarioPlan } from '../../../../shared/model/workshop-scenarios';
import { BaselineTable, ScenariosTable } from './ScenariosTables';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import { FunnelChart } from '../charts';
import { BenchmarkNote, monthLabel, transitionBenchmark } from '../ScenarioDetail';

/** The targets section of the printed agreement, from the frozen snapshot's agreed scenario. */
export function TargetsSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { content } = snapshot;
  const currency = content.meta.currency;
  const language = content.meta.language;
  const agreed = agreedScenarioPlan(content);
  const targets = agreed.scenario.targets;
  return (
    <Section title={t('pdf.targets')} id="targets">
      <dl className="print-kv">
        <div>
          <dt>{t('model.scenario')}</dt>
          <dd data-testid="print-scenario">{scenarioLabel(agreed.scenario.name, t(`model.kinds.${agreed.scenario.kind}`))}</dd>
        </div>
        <div>
          <dt>{t('pdf.revenueTarget')}</dt>
          <dd>{content.targets.revenueTarget === null ? '—' : fmt.money(targets.revenueTarget, currency)}</dd>
        </div>
        <div>
          <dt>{t('pdf.averageDealSize')}</dt>
          {/* The model's 0 stands for a deal size nobody has set yet (`toModelScenario`). */}
          <dd>{targets.averageDealSize === 0 ? '—' : fmt.money(targets.averageDealSize, currency)}</dd>
        </div>
        <div>
          <dt>{t('pdf.period')}</dt>
          <dd>{t('pdf.months', { count: targets.periodMonths })}</dd>
        </div>
        {agreed.ok ? (
          <>
            <div>
              <dt>{t('pdf.leadToCustomer')}</dt>
              <dd>{fmt.rate(agreed.plan.leadToCustomerRate)}</dd>
            </div>
            <div>
              <dt>{t('model.coverage')}</dt>
              <dd>{t('model.coverageValue', { value: fmt.number(agreed.plan.coverage) })}</dd>
            </div>
            {agreed.plan.pipelineVelocity !== null ? (
              <div>
                <dt>{t('model.velocity')}</dt>
                <dd>{t('model.perDay', { value: fmt.money(agreed.plan.pipelineVelocity, currency) })}</dd>
              </div>
            ) : null}
            {agreed.plan.costs ? (
              <div>
                <dt>{t('model.cac')}</dt>
                <dd>{fmt.money(agreed.plan.costs[agreed.plan.costs.length - 1]!.cost ?? 0, currency)}</dd>
              </div>
            ) : null}
          </>
        ) : null}
      </dl>
      {agreed.ok ? (
        <>
          <table className="print-table" data-testid="print-volumes">
            <thead>
              <tr>
                <th>{t('pdf.stage')}</th>
                <th className="num">{t('pdf.volume')}</th>
                <th className="num">{t('pdf.perMonth')}</th>
                <th className="num">{t('pdf.rate')}</th>
                <th className="num">{t('model.days')}</th>
              </tr>
            </thead>
            <tbody>
              {agreed.plan.stages.map((r) => (
                <tr key={r.id}>
                  <td>{r.name}</td>
                  <td className="num">{fmt.records(r.volume)}</td>
                  <td className="num">{fmt.records(perMonth(r.volume, targets.periodMonths))}</td>
                  <td className="num">{r.conversionRate === null ? '—' : fmt.rate(r.conversionRate)}</td>
                  <td className="num">{r.averageDays === null ? '—' : fmt.days(r.averageDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="print-chart">
            <FunnelChart stages={agreed.plan.stages.map((s) => ({ name: s.name, volume: s.volume }))} fmt={fmt} width={600} interactive={false} />
          </div>
          <ScenariosTable content={content} t={t} fmt={fmt} />
          <BaselineTable content={content} t={t} fmt={fmt} />
          <div className="print-keep">
            <h3>{t('model.monthly')}</h3>
            <p className="print-note">{t('model.monthlyIntro')}</p>
            <table className="print-table print-monthly" data-testid="print-monthly">
              <thead>
                <tr>
                  <th>{t('model.month')}</th>
                  {agreed.plan.stages.map((s, i) => (
                    <th key={s.id} className="num">
                      {s.name}
                      <br />
                      <span className="print-note">{t('model.lagMonths', { count: agreed.plan.monthly.stages[i]!.lagMonths })}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {agreed.plan.monthly.months.map((m) => (
                  <tr key={m.offset}>
                    <td>{monthLabel(m, language, t)}</td>
                    {m.volumes.map((v, i) => (
                      <td key={i} className="num">
                        {v ? fmt.records(v) : '·'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="print-keep">
            <h3>{t('model.assumptions')}</h3>
            <p className="print-note">{t('model.sources')}</p>
            <table className="print-table print-sources">
              <thead>
                <tr>
                  <th>{t('model.rateMoved')}</th>
                  <th className="num">{t('pdf.rate')}</th>
                  <th>{t('model.benchmark')}</th>
                </tr>
              </thead>
              <tbody>
                {agreed.plan.stages.slice(0, -1).map((s, i) => {
                  const next = agreed.plan.stages[i + 1]!;
                  return (
                    <tr key={s.id}>
                      <td>
                        {s.name}→{next.name}
                      </td>
                      <td className="num">{fmt.rate(s.conversionRate ?? 0)}</td>
                      <td>
                        <BenchmarkNote check={transitionBenchmark(agreed.plan.benchmarks, s.id, next.id)} fmt={fmt} t={t} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p>{t('model.cannot', { message: agreed.message })}</p>
      )}
    </Section>
  );
}

/** "Base 2027 (Base)", or just the name when it already says the kind. */
function scenarioLabel(name: string, kind: string): string {
  return name.toLowerCase() === kind.toLowerCase() ? name : `${name} (${kind})`;
}
