/**
 * Benchmark ranges for conversion rates and sales cycles, from docs/domain.md
 * ("Benchmark ranges"). They are shown next to each
 * rate with their source and year, and a rate outside them is flagged, never
 * blocked: most of their spread comes from companies defining "MQL"
 * differently.
 */
import { STANDARD_STAGE_KEYS, standardStageKey, type StandardStageKey } from './chain';
import type { ChainStage } from './reverse-funnel';
import { BENCHMARK_SOURCES, type BenchmarkSource } from '../funnel/benchmark-sources';
import type { Bilingual } from '../funnel/standard-stages';

/** One published figure for the conversion from one standard stage to a later one. */
export interface RateBenchmark {
  from: StandardStageKey;
  to: StandardStageKey;
  /** Lowest and highest rate of the range, fractions 0..1; equal for a single approximate figure ("~40 %"). */
  min: number;
  max: number;
  /** True for a single approximate figure rather than a range: shown, never used to flag. */
  approximate: boolean;
  /** Who published it, and when: an entry of the one bilingual table of sources. */
  source: BenchmarkSource;
  /** What the source measured when it differs from the stage names (e.g. "inquiry→sales-ready"), per language. */
  note?: Bilingual;
}

const SHERPA = BENCHMARK_SOURCES['marketingsherpa-2009'];
const WATERFALL = BENCHMARK_SOURCES['demand-waterfall-ranges'];
const COMPILATION = BENCHMARK_SOURCES['hubspot-salesforce-2024'];
const HUBSPOT_REPS = BENCHMARK_SOURCES['hubspot-reps-2026'];

/** The benchmark table of docs/domain.md, one row per figure. */
export const RATE_BENCHMARKS: readonly RateBenchmark[] = [
  { from: 'lead', to: 'mql', min: 0.4, max: 0.4, approximate: true, source: SHERPA, note: { es: 'consulta→lista para ventas', en: 'inquiry→sales-ready' } },
  { from: 'mql', to: 'sql', min: 0.4, max: 0.4, approximate: true, source: SHERPA },
  { from: 'opportunity', to: 'customer', min: 0.3, max: 0.3, approximate: true, source: SHERPA },
  { from: 'lead', to: 'mql', min: 0.1, max: 0.25, approximate: false, source: WATERFALL },
  { from: 'mql', to: 'sal', min: 0.4, max: 0.6, approximate: false, source: WATERFALL },
  { from: 'sal', to: 'sql', min: 0.5, max: 0.7, approximate: false, source: WATERFALL },
  { from: 'sql', to: 'customer', min: 0.2, max: 0.3, approximate: false, source: WATERFALL, note: { es: 'SQL→cierre', en: 'SQL→close' } },
  { from: 'lead', to: 'mql', min: 0.1, max: 0.3, approximate: false, source: COMPILATION },
  { from: 'mql', to: 'sql', min: 0.25, max: 0.5, approximate: false, source: COMPILATION },
  { from: 'sql', to: 'opportunity', min: 0.3, max: 0.5, approximate: false, source: COMPILATION },
  { from: 'opportunity', to: 'customer', min: 0.2, max: 0.4, approximate: false, source: COMPILATION },
  { from: 'opportunity', to: 'customer', min: 0.21, max: 0.21, approximate: true, source: HUBSPOT_REPS, note: { es: 'tasa de cierre', en: 'win rate' } },
];

/** Sales cycle length ranges by segment, days (docs/domain.md: SMB 30–60 days, mid-market 60–90, enterprise 6–12 months). */
export const SALES_CYCLE_BENCHMARKS: readonly { segment: 'smb' | 'mid-market' | 'enterprise'; minDays: number; maxDays: number }[] = [
  { segment: 'smb', minDays: 30, maxDays: 60 },
  { segment: 'mid-market', minDays: 60, maxDays: 90 },
  { segment: 'enterprise', minDays: 183, maxDays: 365 },
];

/** Where a rate stands against one figure. */
export type BenchmarkPosition = 'below' | 'within' | 'above';

/** A rate compared with every published figure for its conversion. */
export interface BenchmarkCheck {
  from: StandardStageKey;
  to: StandardStageKey;
  /** The rate checked, fraction 0..1. */
  rate: number;
  /** Each figure with where the rate stands against it (approximate figures: below, within when equal, above). */
  comparisons: { benchmark: RateBenchmark; position: BenchmarkPosition }[];
  /**
   * The flag: 'below' or 'above' when the rate is outside every range (not
   * approximate figures) on the same side; null when inside at least one
   * range, or when no range exists. A flag warns, it never blocks.
   */
  flag: 'below' | 'above' | null;
}

const EPSILON = 1e-9;

function position(rate: number, b: RateBenchmark): BenchmarkPosition {
  if (rate < b.min - EPSILON) return 'below';
  if (rate > b.max + EPSILON) return 'above';
  return 'within';
}

/**
 * Compares a rate from standard stage `from` to `to` with every figure for
 * that conversion. Returns null when no figure covers it.
 * @param rate fraction 0..1
 */
export function checkBenchmark(from: StandardStageKey, to: StandardStageKey, rate: number): BenchmarkCheck | null {
  const figures = RATE_BENCHMARKS.filter((b) => b.from === from && b.to === to);
  if (figures.length === 0) return null;
  const comparisons = figures.map((benchmark) => ({ benchmark, position: position(rate, benchmark) }));
  const ranged = comparisons.filter((c) => !c.benchmark.approximate);
  let flag: BenchmarkCheck['flag'] = null;
  if (ranged.length > 0 && ranged.every((c) => c.position === 'below')) flag = 'below';
  if (ranged.length > 0 && ranged.every((c) => c.position === 'above')) flag = 'above';
  return { from, to, rate, comparisons, flag };
}

/**
 * Checks every conversion of a chain that a figure covers: each pair of
 * stages that stand for standard stages (see `standardStageKey`), with the
 * product of the rates between them. So a chain lead→MQL→SAL→SQL is checked
 * on lead→MQL, MQL→SAL, SAL→SQL and also MQL→SQL (MQL→SAL × SAL→SQL).
 * Returns the checks in funnel order of `from`, then `to`.
 */
export function checkChainBenchmarks(chain: readonly ChainStage[]): BenchmarkCheck[] {
  const keyed = chain.map((s, i) => ({ key: standardStageKey(s.id), i })).filter((k): k is { key: StandardStageKey; i: number } => k.key !== null);
  const checks: BenchmarkCheck[] = [];
  for (let a = 0; a < keyed.length; a++) {
    let rate = 1;
    let at = keyed[a]!.i;
    for (let b = a + 1; b < keyed.length; b++) {
      for (; at < keyed[b]!.i; at++) rate *= chain[at]!.conversionRate;
      const from = keyed[a]!.key;
      const to = keyed[b]!.key;
      if (STANDARD_STAGE_KEYS.indexOf(from) >= STANDARD_STAGE_KEYS.indexOf(to)) continue;
      const check = checkBenchmark(from, to, rate);
      if (check) checks.push(check);
    }
  }
  return checks;
}
