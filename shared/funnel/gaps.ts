/**
 * Compare: the gaps between Marketing's funnel and Sales' funnel, the list
 * the workshop talks through. Stages are lined up first (`lineUpStages`);
 * transitions correspond when both their ends are lined up. A gap is a stage
 * or transition in one funnel only, or a lined-up stage or transition whose
 * owner, linked term, rate (beyond a tolerance in percentage points), days
 * (beyond a tolerance in days) or recycle flag differ. Each gap names the
 * stage and transition ids on both sides, for highlighting both canvases,
 * and the actions that can settle it.
 */
import type { Funnel, FunnelStage, FunnelTransition, Party, Term } from '../domain/workshop';
import { connectedTransitions } from './graph';
import { lineUpStages, type LinedUpStage } from './lineup';

/** Kinds of gap, in the order Compare lists them for one stage or transition. */
export const GAP_KINDS = ['stage-missing', 'owner', 'term', 'transition-missing', 'rate', 'days', 'recycle'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** What a team can do about a gap. */
export const GAP_ACTIONS = ['adopt-marketing', 'adopt-sales', 'open-glossary-item', 'open-sla-item'] as const;
export type GapAction = (typeof GAP_ACTIONS)[number];

/** What one gap's side holds, per kind. */
export interface GapValues {
  /** The stage's name, or `null` where the funnel lacks it. */
  'stage-missing': string | null;
  owner: Party;
  /** The linked term id, or `null` if the stage links none. */
  term: string | null;
  /** The transition's conversion rate (fraction 0..1), or `null` where the funnel lacks it. */
  'transition-missing': number | null;
  /** Conversion rate, fraction 0..1. */
  rate: number;
  /** Average days. */
  days: number;
  recycle: boolean;
}

/** One side (Marketing's or Sales') of a gap: what to highlight and the value it holds. */
export interface GapSide<K extends GapKind = GapKind> {
  /**
   * Stage ids to highlight on this side's canvas: the stage for a stage gap;
   * a transition's two ends for a transition gap (those that exist on this side).
   */
  stageIds: string[];
  /** The transition to highlight, for a transition gap present on this side; else `null`. */
  transitionId: string | null;
  value: GapValues[K];
}

/** A difference between the two funnels. */
export type Gap = { [K in GapKind]: GapOf<K> }[GapKind];

/** A gap of kind `K` (e.g. `GapOf<'rate'>`: both values are rates). */
export interface GapOf<K extends GapKind> {
  /**
   * Stable while the stages and transitions it concerns keep their ids:
   * `<kind>:<marketing ids>|<sales ids>`, ids joined by `>` for a transition's ends.
   */
  id: string;
  kind: K;
  /** What the gap is about, for the list: a stage's name, or "MQL → SQL" (Marketing's names where it has them). */
  subject: string;
  marketing: GapSide<K>;
  sales: GapSide<K>;
  actions: readonly GapAction[];
}

/** How different two numbers may be before Compare lists them as a gap. */
export interface GapTolerance {
  /** Rates differing by more than this many percentage points are a gap (5 → 30 % vs 36 % is one). ≥ 0. */
  ratePoints: number;
  /** Average days differing by more than this are a gap. ≥ 0. */
  days: number;
}

/** Starting tolerance of the Compare view, a Pacto choice the team changes at will (not a benchmark). */
export const DEFAULT_TOLERANCE: Readonly<GapTolerance> = { ratePoints: 5, days: 3 };

const ADOPT: readonly GapAction[] = ['adopt-marketing', 'adopt-sales'];
/** Which actions each kind offers: definitions go to the glossary, numbers and promises to the SLA. */
export const ACTIONS_BY_KIND: Readonly<Record<GapKind, readonly GapAction[]>> = {
  'stage-missing': [...ADOPT, 'open-glossary-item'],
  owner: [...ADOPT, 'open-glossary-item', 'open-sla-item'],
  term: [...ADOPT, 'open-glossary-item'],
  'transition-missing': [...ADOPT, 'open-glossary-item'],
  rate: [...ADOPT, 'open-sla-item'],
  days: [...ADOPT, 'open-sla-item'],
  recycle: [...ADOPT, 'open-sla-item'],
};

/** Thrown for a tolerance that is negative or not a number; `field` names it. */
export class ToleranceError extends RangeError {
  constructor(readonly field: keyof GapTolerance) {
    super(`Gap tolerance ${field} must be a number ≥ 0`);
    this.name = 'ToleranceError';
  }
}

/** One transition of each funnel between lined-up stages, or of one only. */
export interface TransitionPair {
  marketing: FunnelTransition | null;
  sales: FunnelTransition | null;
  /** The lined-up stages at the transition's ends. */
  from: LinedUpStage;
  to: LinedUpStage;
}

/**
 * Pairs the transitions of two lined-up funnels: a transition of each whose
 * ends are the same two lined-up stages, in list order when there are
 * several. Transitions touching a stage found in one funnel only are left
 * out (the stage's own gap covers them), as are those whose ends are not stages.
 */
export function pairTransitions(lineUp: readonly LinedUpStage[], marketing: Funnel, sales: Funnel): TransitionPair[] {
  const rowOf = (side: Party): Map<string, LinedUpStage> => {
    const map = new Map<string, LinedUpStage>();
    for (const row of lineUp) {
      const s = row[side];
      if (s && row.marketing && row.sales) map.set(s.id, row);
    }
    return map;
  };
  const rows = { marketing: rowOf('marketing'), sales: rowOf('sales') };
  const rowKey = (row: LinedUpStage): string => row.marketing!.id;
  const keyed = (side: Party, funnel: Funnel): Map<string, FunnelTransition[]> => {
    const map = new Map<string, FunnelTransition[]>();
    for (const t of connectedTransitions(funnel)) {
      const from = rows[side].get(t.source);
      const to = rows[side].get(t.target);
      if (!from || !to) continue;
      const k = `${rowKey(from)}\u0000${rowKey(to)}`;
      map.set(k, [...(map.get(k) ?? []), t]);
    }
    return map;
  };
  const m = keyed('marketing', marketing);
  const s = keyed('sales', sales);
  const pairs: TransitionPair[] = [];
  for (const k of new Set([...m.keys(), ...s.keys()])) {
    const ms = m.get(k) ?? [];
    const ss = s.get(k) ?? [];
    for (let i = 0; i < Math.max(ms.length, ss.length); i++) {
      const mt = ms[i] ?? null;
      const st = ss[i] ?? null;
      const any = (mt ?? st)!;
      const side: Party = mt ? 'marketing' : 'sales';
      pairs.push({ marketing: mt, sales: st, from: rows[side].get(any.source)!, to: rows[side].get(any.target)! });
    }
  }
  return pairs;
}

/** Whether two rates differ by more than `points` percentage points (ignoring floating-point noise). */
function ratesDiffer(a: number, b: number, points: number): boolean {
  return Math.round(Math.abs(a - b) * 100 * 1e6) / 1e6 > points;
}

/** Whether two durations differ by more than `days` (ignoring floating-point noise). */
function daysDiffer(a: number, b: number, days: number): boolean {
  return Math.round(Math.abs(a - b) * 1e6) / 1e6 > days;
}

/**
 * Every gap between Marketing's and Sales' funnels, in the order of the
 * line-up (per stage: missing, owner, term), then per transition (missing,
 * rate, days, recycle) in Marketing's transition order.
 *
 * A stage linked to a term on one side and to none on the other is a `term`
 * gap; two stages with no term are not. Rates compare in percentage points
 * (`tolerance.ratePoints`), days in days; a difference equal to the
 * tolerance is not a gap. Throws {@link ToleranceError} for a negative or
 * non-finite tolerance.
 */
export function findGaps(marketing: Funnel, sales: Funnel, tolerance: GapTolerance = DEFAULT_TOLERANCE, terms: readonly Term[] = []): Gap[] {
  for (const field of ['ratePoints', 'days'] as const) {
    if (!Number.isFinite(tolerance[field]) || tolerance[field] < 0) throw new ToleranceError(field);
  }
  const lineUp = lineUpStages(marketing, sales, terms);
  const gaps: Gap[] = [];
  for (const row of lineUp) gaps.push(...stageGaps(row));
  const pairs = pairTransitions(lineUp, marketing, sales);
  // Marketing's transition order, then transitions Sales alone has, in Sales' order.
  const rank = new Map<FunnelTransition, number>([
    ...marketing.transitions.map((t, i) => [t, i] as const),
    ...sales.transitions.map((t, i) => [t, marketing.transitions.length + i] as const),
  ]);
  const sorted = [...pairs].sort((x, y) => rank.get((x.marketing ?? x.sales)!)! - rank.get((y.marketing ?? y.sales)!)!);
  for (const pair of sorted) gaps.push(...transitionGaps(pair, tolerance));
  return gaps;
}

function stageSide<K extends GapKind>(stage: FunnelStage | null, value: GapValues[K]): GapSide<K> {
  return { stageIds: stage ? [stage.id] : [], transitionId: null, value };
}

function stageGap<K extends 'stage-missing' | 'owner' | 'term'>(
  kind: K,
  row: LinedUpStage,
  values: { marketing: GapValues[K]; sales: GapValues[K] },
): GapOf<K> {
  return {
    id: `${kind}:${row.marketing?.id ?? ''}|${row.sales?.id ?? ''}`,
    kind,
    subject: (row.marketing ?? row.sales)!.name,
    marketing: stageSide(row.marketing, values.marketing),
    sales: stageSide(row.sales, values.sales),
    actions: ACTIONS_BY_KIND[kind],
  };
}

function stageGaps(row: LinedUpStage): Gap[] {
  const { marketing: m, sales: s } = row;
  if (!m || !s) return [stageGap('stage-missing', row, { marketing: m?.name ?? null, sales: s?.name ?? null })];
  const gaps: Gap[] = [];
  if (m.ownerTeam !== s.ownerTeam) gaps.push(stageGap('owner', row, { marketing: m.ownerTeam, sales: s.ownerTeam }));
  if (m.termId !== s.termId) gaps.push(stageGap('term', row, { marketing: m.termId, sales: s.termId }));
  return gaps;
}

function transitionSide<K extends GapKind>(side: Party, pair: TransitionPair, value: GapValues[K]): GapSide<K> {
  const t = pair[side];
  return { stageIds: [pair.from[side]!.id, pair.to[side]!.id], transitionId: t?.id ?? null, value };
}

function transitionGap<K extends 'transition-missing' | 'rate' | 'days' | 'recycle'>(
  kind: K,
  pair: TransitionPair,
  values: { marketing: GapValues[K]; sales: GapValues[K] },
): GapOf<K> {
  const ends = (side: Party): string => `${pair.from[side]!.id}>${pair.to[side]!.id}`;
  return {
    id: `${kind}:${pair.marketing?.id ?? ''}@${ends('marketing')}|${pair.sales?.id ?? ''}@${ends('sales')}`,
    kind,
    subject: `${pair.from.marketing!.name} → ${pair.to.marketing!.name}`,
    marketing: transitionSide('marketing', pair, values.marketing),
    sales: transitionSide('sales', pair, values.sales),
    actions: ACTIONS_BY_KIND[kind],
  };
}

function transitionGaps(pair: TransitionPair, tolerance: GapTolerance): Gap[] {
  const { marketing: m, sales: s } = pair;
  if (!m || !s) {
    return [transitionGap('transition-missing', pair, { marketing: m?.conversionRate ?? null, sales: s?.conversionRate ?? null })];
  }
  const gaps: Gap[] = [];
  if (ratesDiffer(m.conversionRate, s.conversionRate, tolerance.ratePoints)) {
    gaps.push(transitionGap('rate', pair, { marketing: m.conversionRate, sales: s.conversionRate }));
  }
  if (daysDiffer(m.averageDays, s.averageDays, tolerance.days)) {
    gaps.push(transitionGap('days', pair, { marketing: m.averageDays, sales: s.averageDays }));
  }
  if (m.recycle !== s.recycle) gaps.push(transitionGap('recycle', pair, { marketing: m.recycle, sales: s.recycle }));
  return gaps;
}

/** The ids to highlight on `side`'s canvas for `gaps` (e.g. the selected one, or all): stage ids and transition ids. */
export function highlightIds(gaps: readonly Gap[], side: Party): { stageIds: Set<string>; transitionIds: Set<string> } {
  const stageIds = new Set<string>();
  const transitionIds = new Set<string>();
  for (const g of gaps) {
    for (const id of g[side].stageIds) stageIds.add(id);
    if (g[side].transitionId) transitionIds.add(g[side].transitionId);
  }
  return { stageIds, transitionIds };
}

/**
 * The glossary term a gap is about, to open it in the glossary: for a `term`
 * gap the term Marketing's stage links (else Sales'); for any other gap the
 * term linked by the first stage it concerns, looked up in Marketing's funnel
 * and then in Sales'. `undefined` when no stage of the gap links a term.
 */
export function gapTermId(gap: Gap, funnels: { marketing: Funnel; sales: Funnel }): string | undefined {
  if (gap.kind === 'term') return gap.marketing.value ?? gap.sales.value ?? undefined;
  for (const side of ['marketing', 'sales'] as const) {
    for (const stageId of gap[side].stageIds) {
      const termId = funnels[side].stages.find((s) => s.id === stageId)?.termId;
      if (termId) return termId;
    }
  }
  return undefined;
}
