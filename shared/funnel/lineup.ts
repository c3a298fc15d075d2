/**
 * Lining up two funnels' stages side by side: which stage of one funnel is
 * the same stage as which of the other. Stages match by linked glossary
 * term first, else by what their names stand for (`stageKindOf`: case-,
 * accent- and punctuation-insensitive, with the usual Spanish and English
 * synonyms), else by the same normalised name. The pairing is symmetric:
 * swapping the funnels swaps the sides of every pair and nothing else.
 */
import type { Funnel, FunnelStage, Term } from '../domain/workshop';
import { flowOrder } from './graph';
import { compactName } from './names';
import { stageKindOf } from './stages';

/** Why two stages were lined up: same stage id, same linked term, or names that mean the same. */
export type MatchReason = 'id' | 'term' | 'name';

/** One row of a line-up: a stage of each funnel, or of one only (the other is `null`). */
export interface StagePair {
  a: FunnelStage | null;
  b: FunnelStage | null;
  /** `null` when the stage is in one funnel only. */
  matchedBy: MatchReason | null;
}

/** Options of {@link pairStages}. */
export interface PairOptions {
  /** The workshop glossary, to read a stage's kind from its linked term when its name says nothing. */
  terms?: readonly Term[];
  /**
   * Match identical stage ids first. Use it between a funnel and one built
   * from it (the agreed funnel and a team's); never between the two teams'
   * funnels, whose ids mean nothing to each other.
   */
  byId?: boolean;
}

/**
 * The name key two stages match by: the standard kind the stage stands for,
 * else its compact name; `null` for a stage with an empty name (it matches nothing).
 */
export function stageMatchKey(stage: FunnelStage, terms: readonly Term[]): string | null {
  const kind = stageKindOf(stage, terms);
  if (kind) return `kind:${kind}`;
  const compact = compactName(stage.name);
  return compact ? `name:${compact}` : null;
}

/**
 * Lines up the stages of funnels `a` and `b`. Every stage of each appears in
 * exactly one pair. Passes, each over the stages still unmatched: same id
 * (only with `byId`), same non-null `termId`, same {@link stageMatchKey};
 * within a pass, stages with the same key pair in list order (the first
 * MQL of `a` with the first MQL of `b`).
 *
 * Pairs come in flow order (`flowOrder`) of `a`, with each stage found in
 * `b` only placed before the next stage of `b` that has a partner in `a`,
 * so the rows read as two funnels side by side.
 */
export function pairStages(a: Funnel, b: Funnel, options: PairOptions = {}): StagePair[] {
  const terms = options.terms ?? [];
  const partnerOfA = new Map<string, { stage: FunnelStage; reason: MatchReason }>();
  const partnerOfB = new Map<string, FunnelStage>();
  const pass = (reason: MatchReason, key: (s: FunnelStage) => string | null): void => {
    const waiting = new Map<string, FunnelStage[]>();
    for (const s of b.stages) {
      if (partnerOfB.has(s.id)) continue;
      const k = key(s);
      if (k !== null) waiting.set(k, [...(waiting.get(k) ?? []), s]);
    }
    for (const s of a.stages) {
      if (partnerOfA.has(s.id)) continue;
      const k = key(s);
      const match = k === null ? undefined : waiting.get(k)?.shift();
      if (match) {
        partnerOfA.set(s.id, { stage: match, reason });
        partnerOfB.set(match.id, s);
      }
    }
  };
  if (options.byId) pass('id', (s) => s.id);
  pass('term', (s) => s.termId);
  pass('name', (s) => stageMatchKey(s, terms));
  return interleave(a, b, partnerOfA, partnerOfB);
}

function interleave(
  a: Funnel,
  b: Funnel,
  partnerOfA: Map<string, { stage: FunnelStage; reason: MatchReason }>,
  partnerOfB: Map<string, FunnelStage>,
): StagePair[] {
  const byIdA = new Map(a.stages.map((s) => [s.id, s]));
  const byIdB = new Map(b.stages.map((s) => [s.id, s]));
  const orderB = flowOrder(b).map((id) => byIdB.get(id)!);
  const positionB = new Map(orderB.map((s, i) => [s.id, i]));
  const pairs: StagePair[] = [];
  let next = 0; // first stage of `orderB` not yet looked at
  const flushBOnlyUpTo = (end: number): void => {
    for (; next < end; next++) {
      const s = orderB[next]!;
      if (!partnerOfB.has(s.id)) pairs.push({ a: null, b: s, matchedBy: null });
    }
  };
  for (const id of flowOrder(a)) {
    const stage = byIdA.get(id)!;
    const partner = partnerOfA.get(id);
    if (!partner) {
      pairs.push({ a: stage, b: null, matchedBy: null });
      continue;
    }
    const at = positionB.get(partner.stage.id)!;
    if (at >= next) {
      flushBOnlyUpTo(at);
      next = at + 1;
    }
    pairs.push({ a: stage, b: partner.stage, matchedBy: partner.reason });
  }
  flushBOnlyUpTo(orderB.length);
  return pairs;
}

/** One row of the Compare view: Marketing's stage and Sales' stage, or one of them only. */
export interface LinedUpStage {
  marketing: FunnelStage | null;
  sales: FunnelStage | null;
  matchedBy: Exclude<MatchReason, 'id'> | null;
}

/**
 * Lines up Marketing's and Sales' funnels for Compare ({@link pairStages}
 * with `a` = marketing, `b` = sales, no id matching), in Marketing's flow order.
 */
export function lineUpStages(marketing: Funnel, sales: Funnel, terms: readonly Term[] = []): LinedUpStage[] {
  return pairStages(marketing, sales, { terms }).map((p) => ({
    marketing: p.a,
    sales: p.b,
    matchedBy: p.matchedBy as LinedUpStage['matchedBy'],
  }));
}
