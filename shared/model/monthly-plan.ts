/**
 * Time-phased monthly plan: in which month each stage's volume must be
 * produced so the deals close on time.
 *
 * docs/domain.md, "time lag": volume must enter a stage the stage-to-close
 * duration before the deals close; one lag per stage. The stage-to-close
 * duration is the sum of the stage durations (`averageDays`) from that stage
 * to the last; it is turned into whole months by rounding to the nearest
 * month of 365.25 ÷ 12 days (a 60-day cycle → 2 months, 93 days → 3).
 *
 * Deals are spread evenly over the period in whole deals (month k closes
 * ⌈D·(k+1)/N⌉ − ⌈D·k/N⌉). For each stage the cumulative volume needed for
 * the deals closing by month k is the reverse funnel of the cumulative deals
 * (rounded up at each stage); the month's volume is the difference. So every
 * month's volume is whole, and each stage's months add up to exactly the
 * stage's reverse-funnel volume.
 */
import { MAX_PERIOD_MONTHS, MAX_VOLUME } from '../domain/bounds';
import { assertChain, DAYS_PER_MONTH, stageToCloseDays, type PlanStage } from './chain';
import { ceilVolume, ModelInputError, reverseFunnel } from './reverse-funnel';

/** A stage's timing in the plan. */
export interface PlanStageTiming {
  id: string;
  /** Days from entering this stage to the close (0 for the last stage). */
  stageToCloseDays: number;
  /** The same in whole months (nearest month): volume enters this many months before its deals close. */
  lagMonths: number;
  /** Whole records entering this stage over the whole plan (= the reverse-funnel volume). */
  total: number;
}

/** One calendar month of the plan. */
export interface PlanMonth {
  /** Months from the first month of the period: 0 is the first, negative months come before the period starts. */
  offset: number;
  /** Calendar month `YYYY-MM` when the plan has a start month, else null. */
  month: string | null;
  /** Whole records that must enter each stage this month, in chain order (the last stage's entry is the deals closing). */
  volumes: number[];
}

/** The time-phased plan. */
export interface MonthlyPlan {
  stages: PlanStageTiming[];
  /** Consecutive months from the earliest month any stage needs volume to the period's last month. */
  months: PlanMonth[];
}

/**
 * Whole records a month: `volume` over `periodMonths` months, rounded up (a
 * stage cannot take a fraction of a lead). The one figure the SLA's volume
 * commitment, the targets table and the summary print for "a month".
 * @param volume records over the whole period (≥ 0)
 * @param periodMonths months of the period (> 0)
 */
export function perMonth(volume: number, periodMonths: number): number {
  // A tolerance so 1260 / 12 stays 105 whatever the float rounding.
  return Math.max(0, Math.ceil(volume / periodMonths - 1e-9));
}

/**
 * Adds `months` to a calendar month `YYYY-MM`.
 * @throws ModelInputError naming `startMonth` when `month` is not `YYYY-MM`
 */
export function addMonths(month: string, months: number): string {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new ModelInputError('startMonth', `The start month "${month}" must be written YYYY-MM.`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/**
 * Builds the time-phased monthly plan.
 *
 * One step per month of the plan: at most `MAX_PERIOD_MONTHS` plus the lead
 * time, which `assertChain` bounds (the days to close add up to at most `MAX_DAYS`).
 *
 * @param chain stages in funnel order with rates (fraction 0..1) and days to the next stage; checked with `assertChain`
 * @param deals whole deals to close over the period, 1..`MAX_VOLUME` (e.g. the reverse funnel's last volume)
 * @param periodMonths months the deals close over, whole, 1..`MAX_PERIOD_MONTHS`
 * @param startMonth first month of the period, `YYYY-MM`, to label months; null or omitted for offsets only
 * @throws ModelInputError naming `deals`, `periodMonths`, `startMonth` or a chain field
 */
export function monthlyPlan(chain: readonly PlanStage[], deals: number, periodMonths: number, startMonth?: string | null): MonthlyPlan {
  if (!(Number.isInteger(deals) && deals >= 1 && deals <= MAX_VOLUME)) {
    throw new ModelInputError('deals', `The number of deals must be a whole number from 1 to ${MAX_VOLUME.toLocaleString('en-US')}.`);
  }
  if (!(Number.isInteger(periodMonths) && periodMonths >= 1 && periodMonths <= MAX_PERIOD_MONTHS)) {
    throw new ModelInputError('periodMonths', `The period must be a whole number of months from 1 to ${MAX_PERIOD_MONTHS}.`);
  }
  if (startMonth) addMonths(startMonth, 0);
  assertChain(chain);
  const closeDays = stageToCloseDays(chain);
  const lags = closeDays.map((d) => Math.round(d / DAYS_PER_MONTH));
  const maxLag = lags.reduce((a, b) => Math.max(a, b), 0);
  const n = chain.length;
  const months: PlanMonth[] = [];
  for (let offset = -maxLag; offset < periodMonths; offset++) {
    months.push({ offset, month: startMonth ? addMonths(startMonth, offset) : null, volumes: new Array<number>(n).fill(0) });
  }
  let previous = new Array<number>(n).fill(0);
  for (let k = 0; k < periodMonths; k++) {
    const cumulativeDeals = ceilVolume((deals * (k + 1)) / periodMonths);
    const cumulative = reverseFunnel(cumulativeDeals, 1, chain).map((s) => s.volume);
    for (let i = 0; i < n; i++) months[k - lags[i]! + maxLag]!.volumes[i]! += cumulative[i]! - previous[i]!;
    previous = cumulative;
  }
  return {
    stages: chain.map((s, i) => ({ id: s.id, stageToCloseDays: closeDays[i]!, lagMonths: lags[i]!, total: previous[i]! })),
    months,
  };
}
