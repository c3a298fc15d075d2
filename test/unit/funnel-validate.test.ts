import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Funnel, FunnelTransition } from '../../shared/domain/workshop';
import { validateFunnel, type FunnelIssue } from '../../shared/funnel/validate';
import { stage, tr } from '../support/workshop';

/** A → B → C, sound. */
const chain = (): Funnel => ({ stages: [stage('a'), stage('b'), stage('c')], transitions: [tr('ab', 'a', 'b'), tr('bc', 'b', 'c')] });
const codesOn = (issues: FunnelIssue[]): string[] => issues.map((i) => `${i.code}@${i.target.kind === 'stage' ? i.target.stageId : i.target.transitionId}`);

describe('validateFunnel', () => {
  it('finds nothing wrong in a sound chain or an empty funnel', () => {
    expect(validateFunnel(chain())).toEqual([]);
    expect(validateFunnel({ stages: [], transitions: [] })).toEqual([]);
    expect(validateFunnel({ stages: [stage('only')], transitions: [] })).toEqual([]);
  });

  it.each<[string, (f: Funnel) => void, string[]]>([
    ['empty stage name', (f) => (f.stages[1]!.name = '  '), ['empty-name@b']],
    ['rate above 100 %', (f) => (f.transitions[0]!.conversionRate = 1.2), ['rate-out-of-range@ab', 'outgoing-over-100@a']],
    ['negative rate', (f) => (f.transitions[1]!.conversionRate = -0.1), ['rate-out-of-range@bc']],
    ['negative days', (f) => (f.transitions[1]!.averageDays = -1), ['negative-days@bc']],
    ['an arrow drawn without a rate yet', (f) => (f.transitions[1]!.rateMissing = true), ['rate-missing@bc']],
    ['transition to a stage that does not exist', (f) => f.transitions.push(tr('bx', 'b', 'x')), ['dangling-transition@bx']],
    ['a stage nobody can reach (no transition touches it)', (f) => f.stages.push(stage('x')), ['unreachable-stage@x']],
    [
      'stages fed only by a second entry stage',
      (f) => {
        f.stages.push(stage('d'), stage('e'));
        f.transitions.push(tr('de', 'd', 'e'));
      },
      ['multiple-entry-stages@d', 'unreachable-stage@e'],
    ],
    [
      'a detached cycle',
      (f) => {
        f.stages.push(stage('d'), stage('e'));
        f.transitions.push(tr('de', 'd', 'e'), tr('ed', 'e', 'd'));
      },
      ['multiple-entry-stages@d', 'unreachable-stage@e', 'unmarked-cycle@ed'],
    ],
    [
      'two entry stages',
      (f) => {
        f.stages.push(stage('z'));
        f.transitions.push(tr('zc', 'z', 'c', { conversionRate: 0.1 }));
      },
      ['multiple-entry-stages@z'],
    ],
    ['a cycle not marked as a recycle loop', (f) => f.transitions.push(tr('ca', 'c', 'a', { conversionRate: 0.2 })), ['unmarked-cycle@ca']],
    ['a stage that loops to itself', (f) => f.transitions.push(tr('bb', 'b', 'b', { conversionRate: 0.2 })), ['unmarked-cycle@bb']],
    [
      'outgoing rates summing over 100 %',
      (f) => {
        f.stages.push(stage('dq'));
        f.transitions.push(tr('bdq', 'b', 'dq', { conversionRate: 0.6 }));
      },
      ['outgoing-over-100@b'],
    ],
  ])('%s', (_what, change, expected) => {
    const funnel = chain();
    change(funnel);
    expect(codesOn(validateFunnel(funnel))).toEqual(expected);
  });

  it('a recycle loop is not a cycle to report, and keeps the stages reachable', () => {
    const funnel = chain();
    funnel.stages.push(stage('r'));
    funnel.transitions.push(tr('br', 'b', 'r', { conversionRate: 0.5 }), tr('ra', 'r', 'a', { conversionRate: 1, recycle: true }));
    expect(validateFunnel(funnel)).toEqual([]);
  });

  it('outgoing rates that sum to exactly 100 % are fine despite floating point (0.1 + 0.2 + 0.7)', () => {
    const funnel: Funnel = {
      stages: ['s', 'x', 'y', 'z'].map((id) => stage(id)),
      transitions: [tr('sx', 's', 'x', { conversionRate: 0.1 }), tr('sy', 's', 'y', { conversionRate: 0.2 }), tr('sz', 's', 'z', { conversionRate: 0.7 })],
    };
    expect(validateFunnel(funnel)).toEqual([]);
  });

  it('a funnel made only of a cycle starts where the cycle is cut: one issue, on the closing transition', () => {
    const funnel: Funnel = { stages: [stage('a'), stage('b')], transitions: [tr('ab', 'a', 'b'), tr('ba', 'b', 'a')] };
    expect(codesOn(validateFunnel(funnel))).toEqual(['unmarked-cycle@ba']);
  });

  it('the main entry is the one that reaches the most stages, whatever the list order', () => {
    const funnel = chain();
    funnel.stages.unshift(stage('z'));
    funnel.stages.push(stage('y'));
    funnel.transitions.push(tr('zy', 'z', 'y'));
    const issues = validateFunnel(funnel);
    expect(codesOn(issues)).toEqual(['multiple-entry-stages@z', 'unreachable-stage@y']);
    expect(issues[0]!.params).toEqual({ name: 'Z', main: 'A' });
    expect(issues[1]!.related).toEqual(['a']);
  });

  it('names what each issue concerns: the sum, the other entry stages, the cycle', () => {
    const funnel = chain();
    funnel.stages.push(stage('dq'), stage('z'));
    funnel.transitions.push(tr('bdq', 'b', 'dq', { conversionRate: 0.75 }), tr('zc', 'z', 'c'), tr('cb', 'c', 'b'));
    const issues = validateFunnel(funnel);
    const over = issues.find((i) => i.code === 'outgoing-over-100')!;
    expect(over.target).toEqual({ kind: 'stage', stageId: 'b' });
    expect(over.params.sum).toBeCloseTo(1.25, 10);
    expect(over.related).toEqual(['bc', 'bdq']);
    expect(issues.find((i) => i.id === 'multiple-entry-stages:z')?.related).toEqual(['a']);
    const cycle = issues.find((i) => i.code === 'unmarked-cycle')!;
    expect(cycle.target).toEqual({ kind: 'transition', transitionId: 'cb' });
    expect(cycle.related).toEqual(['b', 'c']);
    expect(cycle.params).toEqual({ from: 'C', to: 'B' });
  });

  it('marks the schema-breaking problems as errors and the structural ones as warnings', () => {
    const funnel = chain();
    funnel.transitions[0]!.averageDays = -2;
    funnel.transitions.push(tr('ca', 'c', 'a'));
    const bySeverity = Object.fromEntries(validateFunnel(funnel).map((i) => [i.code, i.severity]));
    expect(bySeverity).toEqual({ 'negative-days': 'error', 'unmarked-cycle': 'warning' });
  });

  it('every forward chain with rates in range and branches summing ≤ 100 % is sound (property)', () => {
    // A tree grown from stage 0: each new stage hangs off an earlier one; rates split the parent's 100 %.
    const tree = fc.array(fc.record({ parent: fc.nat(), share: fc.integer({ min: 0, max: 100 }), days: fc.nat(400) }), { maxLength: 25 });
    fc.assert(
      fc.property(tree, (nodes) => {
        const stages = [stage('s0')];
        const transitions: FunnelTransition[] = [];
        const left = new Map<string, number>([['s0', 100]]);
        nodes.forEach((node, i) => {
          const id = `s${i + 1}`;
          const parent = stages[node.parent % stages.length]!.id;
          const share = Math.min(node.share, left.get(parent)!);
          left.set(parent, left.get(parent)! - share);
          left.set(id, 100);
          stages.push(stage(id));
          transitions.push(tr(`t${i + 1}`, parent, id, { conversionRate: share / 100, averageDays: node.days }));
        });
        expect(validateFunnel({ stages, transitions })).toEqual([]);
      }),
    );
  });

  it('closing any forward path back to its start is reported once, on the closing transition (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 11 }), (length, back) => {
        const stages = Array.from({ length: length + 1 }, (_, i) => stage(`s${i}`));
        const transitions = stages.slice(1).map((s, i) => tr(`t${i}`, `s${i}`, s.id, { conversionRate: 0.5 }));
        const from = `s${length}`;
        const to = `s${back % (length + 1)}`;
        transitions.push(tr('back', from, to, { conversionRate: 0.1 }));
        const issues = validateFunnel({ stages, transitions }).filter((i) => i.code === 'unmarked-cycle');
        expect(issues.map((i) => i.target)).toEqual([{ kind: 'transition', transitionId: 'back' }]);
        expect(issues[0]!.related[0]).toBe(to);
        expect(issues[0]!.related.at(-1)).toBe(from);
        transitions.at(-1)!.recycle = true;
        expect(validateFunnel({ stages, transitions }).filter((i) => i.code === 'unmarked-cycle')).toEqual([]);
      }),
    );
  });
});
