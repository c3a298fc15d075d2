/**
 * Checks of a funnel as drawn, each issue naming the stage or transition it
 * concerns so the canvas shows it on that node or edge: empty stage name,
 * rate outside 0–100 %, a rate not entered yet (an arrow just drawn), negative days, a transition whose end is not a
 * stage, a stage nobody can reach, more than one entry stage, a cycle not
 * marked as a recycle loop, outgoing rates of one stage summing over 100 %.
 */
import type { Funnel } from '../domain/workshop';
import { connectedTransitions, cycleClosingTransitions, entryStageIds, mainEntryStageId, reachableFrom } from './graph';

/** Every check `validateFunnel` makes, in the order it reports them. */
export const FUNNEL_ISSUE_CODES = [
  'empty-name',
  'rate-out-of-range',
  'rate-missing',
  'negative-days',
  'dangling-transition',
  'multiple-entry-stages',
  'unreachable-stage',
  'unmarked-cycle',
  'outgoing-over-100',
] as const;
/** What is wrong; also the message key (`funnel.issues.<code>`). */
export type FunnelIssueCode = (typeof FUNNEL_ISSUE_CODES)[number];

/** One problem of a funnel, shown on the stage or transition it concerns. */
export interface FunnelIssue {
  /** Stable while the funnel's ids are: `<code>:<stage or transition id>`. */
  id: string;
  code: FunnelIssueCode;
  /**
   * `error`: the value is invalid (the document's schema would refuse it);
   * `warning`: the funnel is valid data but not a sound funnel yet.
   */
  severity: 'error' | 'warning';
  /** The node or edge to show the issue on. */
  target: { kind: 'stage'; stageId: string } | { kind: 'transition'; transitionId: string };
  /**
   * Other ids involved, for highlighting: the other entry stages; the main
   * entry stage of an unreachable one; the stages of the cycle a transition
   * closes, in order; the transitions whose rates sum over 100 %.
   */
  related: string[];
  /**
   * Values for the message: `name` (stage), `main` (the main entry stage's
   * name), `rate` and `sum` (fractions 0..1), `days`, `missing` (the id a
   * transition points to), `from` and `to` (a cycle's closing transition).
   */
  params: Record<string, string | number>;
}

/** Floating-point slack when summing rates: 0.1 + 0.2 + 0.7 is 100 %, not over. */
const EPSILON = 1e-9;

/**
 * Every issue of `funnel`, grouped by check in the order of
 * {@link FUNNEL_ISSUE_CODES}, stages and transitions in list order within a
 * check. An empty funnel has none. Rates are fractions 0..1 (a rate above 1
 * is over 100 %).
 *
 * Structure (see `./graph`): the entry stages are those no forward
 * transition enters (recycle loops and cycle-closing transitions aside); the
 * main entry is the one reaching the most stages. Every other entry is a
 * `multiple-entry-stages` issue (`related`: the other entries); a stage the
 * main entry cannot reach, or that no transition touches, is an
 * `unreachable-stage` (`related`: the main entry). A cycle of forward
 * transitions is reported on the transition that closes it (marking that
 * one as a recycle loop fixes it). Outgoing rates count every transition
 * leaving the stage, recycle loops included.
 */
export function validateFunnel(funnel: Funnel): FunnelIssue[] {
  const issues: FunnelIssue[] = [];
  const onStage = (code: FunnelIssueCode, stageId: string, severity: FunnelIssue['severity'], related: string[], params: FunnelIssue['params']): void => {
    issues.push({ id: `${code}:${stageId}`, code, severity, target: { kind: 'stage', stageId }, related, params });
  };
  const onTransition = (
    code: FunnelIssueCode,
    transitionId: string,
    severity: FunnelIssue['severity'],
    related: string[],
    params: FunnelIssue['params'],
  ): void => {
    issues.push({ id: `${code}:${transitionId}`, code, severity, target: { kind: 'transition', transitionId }, related, params });
  };
  const stageIds = new Set(funnel.stages.map((s) => s.id));
  const nameOf = (id: string): string => funnel.stages.find((s) => s.id === id)?.name ?? id;

  for (const s of funnel.stages) if (s.name.trim() === '') onStage('empty-name', s.id, 'error', [], { name: s.name });
  for (const t of funnel.transitions) {
    if (!(Number.isFinite(t.conversionRate) && t.conversionRate >= 0 && t.conversionRate <= 1)) {
      onTransition('rate-out-of-range', t.id, 'error', [], { rate: t.conversionRate });
    }
  }
  for (const t of funnel.transitions) if (t.rateMissing) onTransition('rate-missing', t.id, 'warning', [], {});
  for (const t of funnel.transitions) {
    if (!(Number.isFinite(t.averageDays) && t.averageDays >= 0)) onTransition('negative-days', t.id, 'error', [], { days: t.averageDays });
  }
  for (const t of funnel.transitions) {
    const missing = [t.source, t.target].find((id) => !stageIds.has(id));
    if (missing !== undefined) onTransition('dangling-transition', t.id, 'error', [], { missing });
  }
  if (funnel.stages.length === 0) return issues;

  // A stage no transition touches reaches nothing and is reached by nothing: "unreachable", not another entry.
  const connected = new Set(connectedTransitions(funnel).flatMap((t) => [t.source, t.target]));
  const isolated = (id: string): boolean => funnel.stages.length > 1 && !connected.has(id);
  const main = mainEntryStageId(funnel)!;
  const entries = entryStageIds(funnel).filter((id) => !isolated(id));
  for (const id of entries) {
    if (id !== main)
      onStage(
        'multiple-entry-stages',
        id,
        'warning',
        entries.filter((e) => e !== id),
        { name: nameOf(id), main: nameOf(main) },
      );
  }
  const reachable = reachableFrom(funnel, [main]);
  for (const s of funnel.stages) {
    if (!reachable.has(s.id) && !entries.includes(s.id)) onStage('unreachable-stage', s.id, 'warning', [main], { name: s.name, main: nameOf(main) });
  }
  for (const t of cycleClosingTransitions(funnel)) {
    onTransition('unmarked-cycle', t.id, 'warning', cycleStages(funnel, t.source, t.target), { from: nameOf(t.source), to: nameOf(t.target) });
  }
  for (const s of funnel.stages) {
    const out = funnel.transitions.filter((t) => t.source === s.id && stageIds.has(t.target));
    const sum = out.reduce((total, t) => total + t.conversionRate, 0);
    if (sum > 1 + EPSILON)
      onStage(
        'outgoing-over-100',
        s.id,
        'warning',
        out.map((t) => t.id),
        { name: s.name, sum },
      );
  }
  return issues;
}

/**
 * Stage ids of a cycle closed by a transition `from` → `to`: a shortest
 * forward path from `to` back to `from`, both included.
 */
function cycleStages(funnel: Funnel, from: string, to: string): string[] {
  const previous = new Map<string, string | null>([[to, null]]);
  const queue = [to];
  for (let i = 0; i < queue.length && !previous.has(from); i++) {
    const id = queue[i]!;
    for (const t of funnel.transitions) {
      if (t.source === id && !t.recycle && !previous.has(t.target)) {
        previous.set(t.target, id);
        queue.push(t.target);
      }
    }
  }
  const path: string[] = [];
  for (let id: string | null | undefined = from; id != null; id = previous.get(id)) path.unshift(id);
  return path;
}
