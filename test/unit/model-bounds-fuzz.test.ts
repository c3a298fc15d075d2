// Extreme numbers through the model and the `pacto plan` / `pacto actuals`
// command line (issue 12, part 2): every call answers with finite figures or
// a clear error naming the field — never ∞, NaN, a stack trace or a hang.
// Deterministic: fast-check runs with a fixed seed. Timing is not asserted
// here (see test/bench/bounds.bench.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { MAX_DAYS, MAX_MONEY, MAX_VOLUME, MIN_RATE } from '../../shared/domain/bounds';
import { importActuals } from '../../shared/import/actuals';
import { goalSeekRate } from '../../shared/model/goal-seek';
import { monthlyPlan } from '../../shared/model/monthly-plan';
import { planScenario } from '../../shared/model/plan';
import { ModelInputError, reverseFunnel } from '../../shared/model/reverse-funnel';
import { parseScenario } from '../../shared/model/scenario';
import { sensitivity } from '../../shared/model/sensitivity';
import { forwardProjection } from '../../shared/model/forward';
import { readFileSync } from 'node:fs';

interface ExampleScenario {
  stages: { id: string; name: string; conversionRate?: number; averageDays?: number }[];
  targets: Record<string, number | string>;
  [key: string]: unknown;
}
const example = JSON.parse(readFileSync(new URL('../fixtures/scenario.example.json', import.meta.url), 'utf8')) as ExampleScenario;

const SEED = 20_270_112;
const RUNS = 300;

/** Numbers a careless user or an attacker types: huge, tiny, negative, subnormal, non-finite, and ordinary ones. */
const extreme = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 5e-324, -5e-324, 1e-7, 1e-6, 0.5, 1, 1.0000001, 3650, 3651, 1e7, 1e9, 1e12, 1e13, 1e300, Number.MAX_VALUE),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
  fc.double(),
  fc.double({ min: 0, max: 1 }),
  fc.integer({ min: -1e6, max: 1e9 }),
);

/** Every number in `value` (deep) is finite. */
function allFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = allFinite(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = allFinite(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

/** The example scenario with `patch` applied to a deep copy. */
function scenarioWith(patch: (s: ExampleScenario) => void): ExampleScenario {
  const copy = JSON.parse(JSON.stringify(example)) as ExampleScenario;
  patch(copy);
  return copy;
}

function runPlan(scenario: unknown, json: boolean) {
  let out = '';
  let err = '';
  const text = JSON.stringify(scenario, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  const code = runCli(['plan', 's.json', ...(json ? ['--json'] : [])], {
    readBytes: () => new TextEncoder().encode(text),
    out: (t) => (out += t),
    err: (t) => (err += t),
  }) as number;
  return { code, out, err };
}

describe('the model with extreme numbers', () => {
  it('planScenario on any parsed scenario gives finite figures or a ModelInputError naming a field', () => {
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 13, maxLength: 13 }), fc.integer({ min: 0, max: 4 }), (n, stage) => {
        const candidate = scenarioWith((s) => {
          s.stages[stage]!.conversionRate = n[0]!;
          s.stages[stage]!.averageDays = n[1]!;
          s.stages[(stage + 1) % 5]!.averageDays = n[2]!;
          s.targets.revenueTarget = n[3]!;
          s.targets.averageDealSize = n[4]!;
          s.targets.budget = n[5]!;
          s.targets.salesReps = n[6]!;
          s.targets.opportunitiesPerRepPerMonth = n[7]!;
          s.targets.periodMonths = n[8]!;
          s.stages[(stage + 2) % 5]!.conversionRate = n[9]!;
        });
        const parsed = parseScenario(candidate);
        if (!parsed.ok) {
          expect(parsed.errors.length).toBeGreaterThan(0);
          for (const e of parsed.errors) expect(e).toMatch(/^[\w.]+: [a-z]/);
          return;
        }
        try {
          const plan = planScenario(parsed.scenario);
          expect(allFinite(plan)).toBeNull();
          for (const s of plan.stages) expect(s.volume).toBeLessThanOrEqual(MAX_VOLUME);
          expect(plan.monthly.months.length).toBeLessThanOrEqual(36 + Math.round(MAX_DAYS / (365.25 / 12)) + 1);
        } catch (e) {
          expect(e).toBeInstanceOf(ModelInputError);
          expect((e as ModelInputError).field).toMatch(/^(chain(\.\d+\.(conversionRate|averageDays))?|averageDealSize|revenueTarget|deals|periodMonths)$/);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('reverse funnel, forward projection, monthly plan, goal seek and sensitivity take raw numbers without ∞ or NaN', () => {
    const chainOf = (rates: number[], days: number[]) => [
      ...rates.map((r, i) => ({ id: `s${i}`, name: `S${i}`, conversionRate: r, averageDays: days[i] ?? 0 })),
      { id: 'won', name: 'Won', conversionRate: 0, averageDays: 0 },
    ];
    fc.assert(
      fc.property(
        fc.array(extreme, { minLength: 1, maxLength: 6 }),
        fc.array(extreme, { minLength: 6, maxLength: 6 }),
        fc.array(extreme, { minLength: 5, maxLength: 5 }),
        (rates, days, n) => {
          const chain = chainOf(rates, days);
          const calls: (() => unknown)[] = [
            () => reverseFunnel(n[0]!, n[1]!, chain),
            () => forwardProjection(n[2]!, chain, n[1]!),
            () => monthlyPlan(chain, Math.round(n[2]!), Math.round(n[3]!)),
            () => goalSeekRate({ chain, rateIndex: 0, availableIndex: 0, available: n[2]!, revenueTarget: n[0]!, averageDealSize: n[1]! }),
            () => sensitivity({ chain, revenueTarget: n[0]!, averageDealSize: n[1]!, points: n[4]! }),
          ];
          for (const call of calls) {
            try {
              const result = call();
              expect(allFinite(result)).toBeNull();
            } catch (e) {
              expect(e).toBeInstanceOf(ModelInputError);
              expect((e as Error).message).not.toMatch(/Infinity|NaN/);
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses the values from the audit with a message naming the field', () => {
    const days = (d: number) => parseScenario(scenarioWith((s) => (s.stages[0]!.averageDays = d)));
    expect(days(1e7)).toEqual({ ok: false, errors: ['stages.0.averageDays: must be a number of days from 0 to 3,650'] });
    expect(days(1e9).ok).toBe(false);
    expect(days(MAX_DAYS).ok).toBe(true);
    const rate = parseScenario(scenarioWith((s) => (s.stages[0]!.conversionRate = 5e-324)));
    expect(rate).toEqual({ ok: false, errors: ['stages.0.conversionRate: must be 0 or at least 0.000001 (one in a million)'] });
    expect(parseScenario(scenarioWith((s) => (s.stages[0]!.conversionRate = MIN_RATE))).ok).toBe(true);
    expect(parseScenario(scenarioWith((s) => (s.targets.revenueTarget = MAX_MONEY * 10))).ok).toBe(false);
    // Each arrow within the bound, but 10 years from lead to close in total: a clear model error, not 6,000 months.
    const long = parseScenario(scenarioWith((s) => s.stages.forEach((st) => 'averageDays' in st && (st.averageDays = 3000))));
    expect(long.ok).toBe(true);
    if (long.ok) expect(() => planScenario(long.scenario)).toThrow(/add up to more than 3650/);
  });

  it('says a scenario file is missing fields as "is required", not zod\'s "expected string, received undefined"', () => {
    const parsed = parseScenario({ kind: 'base', stages: [{ id: 'lead' }, { name: 'Won' }], targets: { revenueTarget: 'many' } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        'id: is required',
        'name: is required',
        'stages.0.name: is required',
        'stages.1.id: is required',
        'targets.revenueTarget: must be a number',
        'targets.averageDealSize: is required',
        'targets.periodMonths: is required',
      ]),
    );
    expect(parsed.errors.join('\n')).not.toMatch(/expected|received|Invalid input/);
    expect(parseScenario({ ...example, kind: 'dream' })).toEqual({ ok: false, errors: ['kind: is not one of the allowed values'] });
  });
});

describe('the command line with extreme numbers', () => {
  it('pacto plan answers with finite figures (exit 0) or one line per problem (exit 1), never a stack trace, ∞ or NaN', () => {
    fc.assert(
      fc.property(fc.array(extreme, { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 4 }), fc.boolean(), (n, stage, json) => {
        const scenario = scenarioWith((s) => {
          s.stages[stage]!.averageDays = n[0]!;
          s.stages[stage]!.conversionRate = n[1]!;
          s.targets.averageDealSize = n[2]!;
          s.targets.revenueTarget = n[3]!;
        });
        const { code, out, err } = runPlan(scenario, json);
        expect([0, 1]).toContain(code);
        expect(out + err).not.toMatch(/∞|NaN|Infinity|\bat \w+ \(|null,?\n/);
        if (code === 1) expect(err).toMatch(/^The scenario file s\.json (is not valid:|cannot be planned:)/);
        else expect(out.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('pacto actuals lists a 401-digit, a negative and an infinite amount as row problems and averages only real deals', () => {
    const csv = [
      'Opportunity Name,Stage,Amount,Close Date,Created Date,Won,Closed',
      `A,Closed Won,${'9'.repeat(401)},01/04/2026,09/18/2025,1,1`,
      'B,Closed Won,-5000,01/04/2026,09/18/2025,1,1',
      'C,Closed Won,1e400,01/04/2026,09/18/2025,1,1',
      'D,Closed Won,16300,01/04/2026,09/18/2025,1,1',
      'E,Closed Won,20000,01/05/2026,09/20/2025,1,1',
    ].join('\n');
    const result = importActuals(csv);
    expect(result.averageDealSize).toBe(18150);
    const rows = result.errors.map((e) => e.row);
    expect(rows).toEqual(expect.arrayContaining([2, 3]));
    expect(result.errors.find((e) => e.row === 2)?.reason).toMatch(/is not an amount from 0 to 1,000,000,000,000/);
    let out = '';
    const code = runCli(['actuals', 'x.csv'], { readBytes: () => new TextEncoder().encode(csv), out: (t) => (out += t), err: () => undefined });
    expect(code).toBe(0);
    expect(out).toContain('Average won deal: 18,150.00');
    expect(out).not.toMatch(/∞|NaN/);
  });
});
