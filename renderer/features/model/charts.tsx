/**
 * Charts of the targets model, drawn with recharts: the funnel with volumes,
 * the monthly plan, scenarios side by side, the sensitivity tornado and plan
 * against actual. Every chart has a fixed size and no animation so it prints
 * the same as on screen; numbers go through the locale formatters given.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, LabelList, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Formatters } from '../../i18n';

/** Colours of series, in order (stage or scenario). */
export const SERIES_COLOURS = ['#2f6f9f', '#d08a2c', '#4f9a5b', '#9a4f8c', '#b5493d', '#5b6b7a', '#8c7a3a', '#3a8c8c', '#6b5bd1', '#999'];

interface ChartProps {
  fmt: Formatters;
  width?: number;
  /** Tooltips on screen; off in print. */
  interactive?: boolean;
}

/**
 * Gives a chart the width of its container (at most `max` px), measured with
 * a ResizeObserver, so it fits the column on screen; print passes fixed widths instead.
 */
export function ChartBox({ max, children }: { max: number; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(max);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWidth(Math.max(240, Math.min(max, Math.floor(el.clientWidth))));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [max]);
  return (
    <div ref={ref} className="chart-box">
      {children(width)}
    </div>
  );
}

/** Legend items in the order of `keys` (their dataKeys), not alphabetically. */
function legendOrder(keys: readonly string[]) {
  return (item: { dataKey?: unknown }) => keys.indexOf(String(item.dataKey));
}

const AXIS_TICK = { fontSize: 11, fill: '#445' };

/** Horizontal bars, widest first: the volume each stage needs. */
export function FunnelChart({ stages, fmt, width = 560, interactive = true }: ChartProps & { stages: { name: string; volume: number }[] }) {
  const height = 40 + stages.length * 34;
  return (
    <BarChart width={width} height={height} data={stages} layout="vertical" margin={{ top: 8, right: 64, bottom: 8, left: 8 }} data-testid="chart-funnel">
      <XAxis type="number" hide />
      <YAxis type="category" dataKey="name" width={130} tick={AXIS_TICK} />
      {interactive ? <Tooltip formatter={(v) => fmt.integer(Number(v))} /> : null}
      <Bar dataKey="volume" fill={SERIES_COLOURS[0]} isAnimationActive={false}>
        <LabelList dataKey="volume" position="right" formatter={(v) => fmt.integer(Number(v))} style={{ fontSize: 11, fill: '#223' }} />
      </Bar>
    </BarChart>
  );
}

/** One line per stage over the months of the plan (months before the period included). */
export function MonthlyChart({
  months,
  stages,
  fmt,
  width = 720,
  interactive = true,
}: ChartProps & { months: { label: string; volumes: number[] }[]; stages: { id: string; name: string }[] }) {
  const data = months.map((m) => Object.fromEntries([['label', m.label], ...stages.map((s, i) => [s.id, m.volumes[i] ?? 0])]));
  return (
    <LineChart width={width} height={280} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} data-testid="chart-monthly">
      <CartesianGrid strokeDasharray="3 3" stroke="#dde" />
      <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" />
      <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => fmt.integer(v)} width={56} />
      {interactive ? <Tooltip formatter={(v) => fmt.integer(Number(v))} /> : null}
      <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={legendOrder(stages.map((s) => s.id))} />
      {stages.map((s, i) => (
        <Line
          key={s.id}
          dataKey={s.id}
          name={s.name}
          stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]}
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}

/** Grouped bars: each stage's volume under each scenario. */
export function ScenarioChart({
  stages,
  scenarios,
  fmt,
  width = 720,
  interactive = true,
}: ChartProps & { stages: { id: string; name: string }[]; scenarios: { id: string; name: string; volumes: (number | null)[] }[] }) {
  const data = stages.map((s, i) => Object.fromEntries([['name', s.name], ...scenarios.map((sc) => [sc.id, sc.volumes[i] ?? 0])]));
  return (
    <BarChart width={width} height={280} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} data-testid="chart-scenarios">
      <CartesianGrid strokeDasharray="3 3" stroke="#dde" vertical={false} />
      <XAxis dataKey="name" tick={AXIS_TICK} />
      <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => fmt.integer(v)} width={56} />
      {interactive ? <Tooltip formatter={(v) => fmt.integer(Number(v))} /> : null}
      <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={legendOrder(scenarios.map((sc) => sc.id))} />
      {scenarios.map((sc, i) => (
        <Bar key={sc.id} dataKey={sc.id} name={sc.name} fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

/** The tornado axis's half-width: the largest swing either way, rounded up to a round number (1, 2 or 5 × a power of ten); 1 when all are 0. */
export function tornadoReach(bars: readonly { low: number; high: number }[]): number {
  const max = Math.max(0, ...bars.flatMap((b) => [Math.abs(b.low), Math.abs(b.high)]));
  if (max === 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return ([1, 2, 5, 10].find((m) => m * power >= max) ?? 10) * power;
}

/** Tornado: for each rate, the change in revenue when it moves down (left) and up (right), largest first. */
export function TornadoChart({
  bars,
  fmt,
  currency,
  labels,
  width = 720,
  interactive = true,
}: ChartProps & { bars: { label: string; low: number; high: number }[]; currency: string; labels: { low: string; high: string } }) {
  const height = 60 + bars.length * 36;
  // Symmetric around 0, so a rate's loss and gain read at the same scale.
  const reach = tornadoReach(bars);
  return (
    <BarChart
      width={width}
      height={height}
      data={bars}
      layout="vertical"
      stackOffset="sign"
      margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
      data-testid="chart-tornado"
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#dde" horizontal={false} />
      <XAxis
        type="number"
        domain={[-reach, reach]}
        ticks={width < 560 ? [-reach, 0, reach] : [-reach, -reach / 2, 0, reach / 2, reach]}
        interval={0}
        tick={AXIS_TICK}
        tickFormatter={(v: number) => fmt.money(v, currency)}
      />
      <YAxis type="category" dataKey="label" width={150} tick={AXIS_TICK} />
      {interactive ? <Tooltip formatter={(v) => fmt.money(Number(v), currency)} /> : null}
      <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={legendOrder(['low', 'high'])} />
      <ReferenceLine x={0} stroke="#445" />
      <Bar dataKey="low" name={labels.low} stackId="swing" fill={SERIES_COLOURS[4]} isAnimationActive={false} />
      <Bar dataKey="high" name={labels.high} stackId="swing" fill={SERIES_COLOURS[2]} isAnimationActive={false} />
    </BarChart>
  );
}

/** Grouped bars of rates (fractions 0..1): the plan's and the actual one for each transition. */
export function PlanVsActualChart({
  rows,
  fmt,
  labels,
  width = 640,
  interactive = true,
}: ChartProps & { rows: { label: string; plan: number | null; actual: number | null }[]; labels: { plan: string; actual: string } }) {
  return (
    <BarChart width={width} height={260} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} data-testid="chart-plan-actual">
      <CartesianGrid strokeDasharray="3 3" stroke="#dde" vertical={false} />
      {/* Every transition labelled (recharts would skip some when they are long), smaller and angled to fit. */}
      <XAxis dataKey="label" tick={{ ...AXIS_TICK, fontSize: 10 }} interval={0} angle={-20} textAnchor="end" height={56} />
      <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => fmt.percent(v)} width={56} />
      {interactive ? <Tooltip formatter={(v) => fmt.percent(Number(v))} /> : null}
      <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={legendOrder(['plan', 'actual'])} />
      <Bar dataKey="plan" name={labels.plan} fill={SERIES_COLOURS[0]} isAnimationActive={false} />
      <Bar dataKey="actual" name={labels.actual} fill={SERIES_COLOURS[1]} isAnimationActive={false} />
    </BarChart>
  );
}
