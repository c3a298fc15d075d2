/**
 * What the workshop decided about targets, beside the agreed scenario: every
 * scenario side by side (rates on the agreed main path, deals, leads needed,
 * MQLs a month, lead-to-customer), and the CRM baseline against the agreed
 * plan when a CRM export was imported. From the frozen snapshot; figures
 * printed with the same formatters as the rest of the agreement.
 */
import type { TFunction } from 'i18next';
import type { WorkshopContent } from '../../../../shared/domain/workshop';
import { chainFromFunnel, standardStageKey } from '../../../../shared/model/chain';
import { perMonth } from '../../../../shared/model/monthly-plan';
import { agreedScenarioId, planVsActualRows, planWorkshopScenario, scenarioStages, workshopScenarios } from '../../../../shared/model/workshop-scenarios';
import type { Formatters } from '../../../i18n';

interface TableProps {
  content: WorkshopContent;
  t: TFunction;
  fmt: Formatters;
}

/** The scenarios side by side; nothing when the workshop has only one. */
export function ScenariosTable({ content, t, fmt }: TableProps) {
  const scenarios = workshopScenarios(content);
  if (scenarios.length < 2) return null;
  const agreedId = agreedScenarioId(content);
  const chain = chainFromFunnel(content.funnels.agreed);
  const stages = content.funnels.agreed.stages;
  const mqlIndex = chain.findIndex((s) => standardStageKey(s.id, stages.find((x) => x.id === s.id)?.termId) === 'mql');
  const columns = scenarios.map((scenario) => ({ scenario, chain: scenarioStages(content, scenario), plan: planWorkshopScenario(content, scenario) }));
  const row = (label: string, cell: (c: (typeof columns)[number]) => string, key: string) => (
    <tr key={key}>
      <td>{label}</td>
      {columns.map((c) => (
        <td key={c.scenario.id} className={`num${c.scenario.id === agreedId ? ' print-agreed-col' : ''}`}>
          {cell(c)}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="print-keep" data-testid="print-scenarios">
      <h3>{t('agreement.pdf.scenarios')}</h3>
      <p className="print-note">{t('agreement.pdf.scenariosIntro')}</p>
      <table className="print-table print-scenarios">
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c.scenario.id} className={`num${c.scenario.id === agreedId ? ' print-agreed-col' : ''}`}>
                {c.scenario.name}
                {c.scenario.id === agreedId ? <div className="print-note">★ {t('agreement.pdf.agreedMark')}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chain
            .slice(0, -1)
            .map((s, i) =>
              row(`${s.name}→${chain[i + 1]!.name}`, (c) => `${fmt.rate(c.chain[i]!.conversionRate)} · ${fmt.days(c.chain[i]!.averageDays)} d`, `rate-${s.id}`),
            )}
          {row(
            t('pdf.averageDealSize'),
            (c) => {
              const deal = c.scenario.averageDealSize ?? content.targets.averageDealSize;
              return deal === null ? '—' : fmt.money(deal, content.meta.currency);
            },
            'deal',
          )}
          {row(t('agreement.pdf.summary.deals'), (c) => (c.plan.ok ? fmt.integer(c.plan.plan.deals) : '—'), 'deals')}
          {row(t('agreement.pdf.leadsNeeded'), (c) => (c.plan.ok ? fmt.records(c.plan.plan.stages[0]!.volume) : '—'), 'leads')}
          {mqlIndex >= 0
            ? row(
                t('agreement.pdf.summary.mqlsPerMonth'),
                (c) => (c.plan.ok ? fmt.records(perMonth(c.plan.plan.stages[mqlIndex]!.volume, c.plan.scenario.targets.periodMonths)) : '—'),
                'mqls',
              )
            : null}
          {row(t('pdf.leadToCustomer'), (c) => (c.plan.ok ? fmt.rate(c.plan.plan.leadToCustomerRate) : '—'), 'l2c')}
        </tbody>
      </table>
    </div>
  );
}

/** The CRM baseline (the last scenario made by an import) against the agreed plan; nothing without one. */
export function BaselineTable({ content, t, fmt }: TableProps) {
  const scenarios = workshopScenarios(content);
  const baseline = [...scenarios].reverse().find((s) => s.measured);
  if (!baseline) return null;
  const agreed = scenarios.find((s) => s.id === agreedScenarioId(content))!;
  const rows = planVsActualRows(content, agreed, baseline);
  if (!rows) return null;
  return (
    <div className="print-keep" data-testid="print-baseline">
      <h3>
        {t('agreement.pdf.baseline')}: {baseline.name}
      </h3>
      <p className="print-note">{t('agreement.pdf.baselineIntro')}</p>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('pdf.stage')}</th>
            <th className="num">{t('agreement.pdf.planned')}</th>
            <th className="num">{t('agreement.pdf.actual')}</th>
            <th className="num">{t('agreement.pdf.planDays')}</th>
            <th className="num">{t('agreement.pdf.actualDays')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.rows.map((r) => (
            <tr key={`${r.fromId}-${r.toId}`}>
              <td>{r.label}</td>
              <td className="num">{fmt.rate(r.plan)}</td>
              <td className="num">{r.actual === null ? t('agreement.pdf.notMeasured') : fmt.rate(r.actual)}</td>
              <td className="num">{fmt.days(r.planDays)}</td>
              <td className="num">{r.actualDays === null ? t('agreement.pdf.notMeasured') : fmt.days(r.actualDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
