/**
 * How Compare's gaps are settled: a record per gap saying how it was
 * resolved (Marketing's or Sales' side adopted into the agreed funnel, or
 * settled in the glossary or the SLA), by whom and when, with what both
 * sides held at that moment. Adopting a side changes the agreed funnel, not
 * the teams' funnels, so the gap itself stays in `findGaps`: these records
 * are what tells the workshop it is settled. A record whose values no
 * longer match the gap (a team changed its funnel since) leaves the gap open
 * again. Stored in the workshop document by `../domain/gap-resolutions-doc.ts`.
 */
import { z } from 'zod';
import type { Funnel, Term } from '../domain/workshop';
import { DEFAULT_TOLERANCE, findGaps, type Gap } from './gaps';

/** How a gap was settled: a side adopted into the agreed funnel, or the question taken to the glossary or the SLA. */
export const GAP_RESOLUTION_WAYS = ['adopt-marketing', 'adopt-sales', 'glossary', 'sla'] as const;
/** One of {@link GAP_RESOLUTION_WAYS}. */
export type GapResolutionWay = (typeof GAP_RESOLUTION_WAYS)[number];

/** The record of one settled gap, as stored (plain data). */
export const gapResolutionSchema = z.object({
  /** The gap's id (`Gap.id`: stable while the stages and arrows it concerns keep their ids). */
  gapId: z.string().min(1),
  way: z.enum(GAP_RESOLUTION_WAYS),
  /** What the gap was about when settled ("MQL → SQL"), to name it if the gap is gone. */
  subject: z.string(),
  /** Both sides' values when settled, as {@link gapValuesKey} writes them: a later change of either reopens the gap. */
  values: z.string(),
  /** Who settled it: the room seat's name; null outside a room (the facilitator's laptop). */
  by: z.string().max(200).nullable(),
  /** When, ISO 8601 (UTC). */
  at: z.string().min(1),
});
/** The record of one settled gap. */
export type GapResolution = z.infer<typeof gapResolutionSchema>;

/** Both sides' values of `gap` as one comparable string. */
export function gapValuesKey(gap: Gap): string {
  return JSON.stringify([gap.marketing.value, gap.sales.value]);
}

/** The record settling `gap` in `way`, by `by` (null: outside a room), at `at`. */
export function gapResolution(gap: Gap, way: GapResolutionWay, by: string | null, at: Date): GapResolution {
  return { gapId: gap.id, way, subject: gap.subject, values: gapValuesKey(gap), by, at: at.toISOString() };
}

/** Where one gap stands. */
export interface GapStatus {
  gap: Gap;
  /** The record settling it while both sides still hold what they held then; null while open. */
  resolution: GapResolution | null;
  /** A record that no longer holds (a side changed since it was settled): the gap is open again. */
  outdated: GapResolution | null;
}

/** Where each gap of `gaps` stands given the stored `resolutions` (records of gaps no longer found are ignored). */
export function gapStatuses(gaps: readonly Gap[], resolutions: readonly GapResolution[]): GapStatus[] {
  const byId = new Map(resolutions.map((r) => [r.gapId, r]));
  return gaps.map((gap) => {
    const r = byId.get(gap.id) ?? null;
    const holds = r !== null && r.values === gapValuesKey(gap);
    return { gap, resolution: holds ? r : null, outdated: r && !holds ? r : null };
  });
}

/** How many of `statuses` are open and how many resolved. */
export function gapCounts(statuses: readonly GapStatus[]): { open: number; resolved: number } {
  const resolved = statuses.filter((s) => s.resolution !== null).length;
  return { open: statuses.length - resolved, resolved };
}

/**
 * How many differences between Marketing's and Sales' funnels (`findGaps`
 * at {@link DEFAULT_TOLERANCE}, the tolerance Compare opens with) none of
 * `resolutions` settles: what the freeze card points to before the agreed
 * funnel is frozen. 0 when either team funnel is empty of differences.
 */
export function openGapCount(marketing: Funnel, sales: Funnel, terms: readonly Term[], resolutions: readonly GapResolution[]): number {
  return gapCounts(gapStatuses(findGaps(marketing, sales, DEFAULT_TOLERANCE, terms), resolutions)).open;
}
