/**
 * Plain-text reports of `pacto plan` and `pacto actuals`: aligned tables,
 * numbers in English format (1,234.5), rates as percentages.
 */
import { unreadableFile, type Actuals } from '../../shared/import/actuals';
import { formatSource } from '../../shared/funnel/benchmark-sources';
import type { ScenarioPlan } from '../../shared/model/plan';
import type { Scenario } from '../../shared/model/scenario';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A fraction as a percentage with `digits` decimals: 0.0125 → "1.25 %". */
export function percent(fraction: number | null, digits = 1): string {
  if (fraction === null) return '—';
  return `${new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction * 100)} %`;
}

function money(amount: number, currency: string | undefined): string {
  return `${twoDecimals.format(amount)}${currency ? ` ${currency}` : ''}`;
}

function days(d: number | null): string {
  return d === null ? '—' : oneDecimal.format(d);
}

/** Lays out rows under headers; columns listed in `right` are right-aligned. */
export function table(headers: string[], rows: string[][], right: ReadonlySet<number> = new Set()): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}

/** The plan report: volumes, derived figures, benchmark flags and the monthly plan. */
export function formatPlan(scenario: Scenario, plan: ScenarioPlan): string {
  const t = scenario.targets;
  const cur = scenario.currency;
  const out: string[] = [];
  out.push(
    `Scenario "${scenario.name}" (${scenario.kind}) · revenue target ${money(t.revenueTarget, cur)} · average deal ${money(t.averageDealSize, cur)} · ${t.periodMonths} months${t.startMonth ? ` from ${t.startMonth}` : ''}`,
    '',
  );
  const timing = new Map(plan.monthly.stages.map((s) => [s.id, s]));
  out.push(
    table(
      ['Stage', 'Needed', 'Exact', 'Rate to next', 'Days to next', 'Enters before close'],
      plan.stages.map((s) => {
        const lag = timing.get(s.id)!;
        return [
          s.name,
          whole.format(s.volume),
          twoDecimals.format(s.unrounded),
          percent(s.conversionRate),
          s.averageDays === null ? '—' : whole.format(s.averageDays),
          `${oneDecimal.format(lag.stageToCloseDays)} days (${lag.lagMonths} mo)`,
        ];
      }),
      new Set([1, 2, 3, 4]),
    ),
    '',
  );
  out.push(`Deals: ${whole.format(plan.deals)} → revenue ${money(plan.revenue, cur)}`);
  out.push(
    `Lead-to-customer rate ${percent(plan.leadToCustomerRate, 2)} · win rate ${percent(plan.winRate)} · coverage ${oneDecimal.format(plan.coverage)}× (pipeline ${money(plan.pipelineValueNeeded, cur)})`,
  );
  out.push(
    `Sales cycle ${oneDecimal.format(plan.salesCycleDays)} days · opportunities a month ${oneDecimal.format(plan.opportunitiesPerMonth.average)} (peak ${whole.format(plan.opportunitiesPerMonth.peak)}) · open at a time ${oneDecimal.format(plan.opportunitiesInPipeline)} · pipeline velocity ${plan.pipelineVelocity === null ? '—' : `${money(plan.pipelineVelocity, cur)} a day`}`,
  );
  if (plan.costs) {
    const names = new Map(plan.stages.map((s) => [s.id, s.name]));
    const last = plan.costs.length - 1;
    out.push(
      `Cost per stage (budget ${money(t.budget ?? 0, cur)}): ${plan.costs
        .map((c, i) => `${i === last ? 'CAC' : names.get(c.id)} ${c.cost === null ? '—' : money(c.cost, cur)}`)
        .join(' · ')}`,
    );
  }
  if (plan.capacity) {
    const c = plan.capacity;
    out.push(
      `Sales capacity: ${whole.format(c.opportunitiesPerMonth)} opportunities in the busiest month vs ${whole.format(c.capacityPerMonth)} (${t.salesReps} reps × ${t.opportunitiesPerRepPerMonth}) · ${percent(c.utilisation, 0)} used · ${c.repsNeeded} reps needed${c.overCapacity ? ' · OVER CAPACITY' : ''}`,
    );
  }
  const flagged = plan.benchmarks.filter((b) => b.flag !== null);
  if (flagged.length > 0) {
    out.push('', 'Benchmarks (outside every published range; a warning, not an error):');
    for (const b of flagged) {
      const ranges = b.comparisons
        .filter((c) => !c.benchmark.approximate)
        .map((c) => `${whole.format(c.benchmark.min * 100)}–${percent(c.benchmark.max, 0)} ${formatSource(c.benchmark.source, 'en')}`)
        .join('; ');
      out.push(`  ${b.from}→${b.to} ${percent(b.rate)} is ${b.flag} ${ranges}`);
    }
  }
  out.push('', `Monthly plan (records entering each stage that month; ${plan.stages[plan.stages.length - 1]!.name} = deals closing)`);
  out.push(
    table(
      ['Month', ...plan.stages.map((s) => s.name)],
      plan.monthly.months.map((m) => [m.month ?? `M${m.offset >= 0 ? '+' : ''}${m.offset}`, ...m.volumes.map((v) => whole.format(v))]),
      new Set(plan.stages.map((_, i) => i + 1)),
    ),
  );
  return `${out.join('\n')}\n`;
}

const FORMAT_NAMES: Record<string, string> = {
  hubspot: 'HubSpot contacts export',
  salesforce: 'Salesforce opportunities report',
  pipedrive: 'Pipedrive deals export',
  zoho: 'Zoho CRM deals export',
  dynamics: 'Dynamics 365 opportunities export',
  custom: 'table with a column mapping',
};

/** The actuals report: stages, win rate, deal size, cohorts, then errors and warnings with row numbers. */
export function formatActuals(file: string, a: Actuals): string {
  const unreadable = unreadableFile(a);
  if (unreadable) return `${file}: ${unreadable.reason}\n`;
  const out: string[] = [];
  const d = a.dialect;
  out.push(
    `${file}: ${a.format ? FORMAT_NAMES[a.format] : 'columns not recognised'} · ${whole.format(a.rows.read)} rows read, ${whole.format(a.rows.counted)} counted${a.asOf ? ` · as of ${a.asOf}` : ''}`,
    `Read ${d.sheet !== undefined ? `from sheet ${JSON.stringify(d.sheet)} (Excel cells)` : `with delimiter ${JSON.stringify(d.delimiter)}${d.bom ? ', byte-order mark' : ''}`}, dates ${d.dateStyle === 'iso' ? 'ISO (year-month-day)' : `${d.dateOrder === 'dmy' ? 'day first' : 'month first'} (${d.dateOrderSource})`}, decimal ${JSON.stringify(d.decimalSeparator)}`,
  );
  if (a.stages.length > 0) {
    out.push(
      '',
      table(
        ['Stage', 'Count', 'Rate to next', 'Median days to next'],
        a.stages.map((s) => [s.id, whole.format(s.count), percent(s.rateToNext), days(s.medianDaysToNext)]),
        new Set([1, 2, 3]),
      ),
      '',
      `Win rate (won ÷ closed): ${a.winRate === null ? '— (the export has no closed deals)' : `${percent(a.winRate)} (${a.won} won of ${a.closed} closed, ${a.lost} lost)`}`,
      `Average won deal: ${a.averageDealSize === null ? '— (no won deal with an amount)' : twoDecimals.format(a.averageDealSize)}`,
    );
    if (a.medianDaysToClose !== null) out.push(`Median days created → closed (won and lost): ${days(a.medianDaysToClose)}`);
  }
  if (a.dealStages.length > 0) {
    out.push('', 'Stage reached (deals by the stage the export names):');
    out.push(
      table(
        ['Stage', 'Deals', 'Won', 'Lost', 'Open'],
        a.dealStages.map((s) => [s.name, whole.format(s.count), whole.format(s.won), whole.format(s.lost), whole.format(s.open)]),
        new Set([1, 2, 3, 4]),
      ),
    );
  }
  if (a.cohorts.length > 0) {
    out.push('', 'Monthly cohorts by first-stage month (count reaching each stage; * = too recent to have converted):');
    out.push(
      table(
        ['Month', ...a.stages.map((s) => s.id)],
        a.cohorts.map((c) => [`${c.month}${c.tooRecent ? '*' : ''}`, ...c.stages.map((s) => whole.format(s.count))]),
        new Set(a.stages.map((_, i) => i + 1)),
      ),
    );
  }
  const issues = (title: string, list: Actuals['errors']) => {
    if (list.length === 0) return;
    out.push('', `${title} (${list.length}):`);
    for (const e of list) out.push(`  ${e.row === null ? 'file' : `row ${e.row}`}${e.column ? `, ${e.column}` : ''}: ${e.reason}`);
  };
  issues('Rows not read', a.errors);
  issues('Warnings', a.warnings);
  return `${out.join('\n')}\n`;
}
