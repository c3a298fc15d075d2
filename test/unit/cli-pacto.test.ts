// The `pacto` command line: in-process through runCli for the cases, and
// spawned for real (node on the launcher, and `npx pacto` resolving the
// package's own bin) to prove it runs with no build step.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runPacto } from '../support/cli';
import { decodeText } from '../../electron/cli/main';
import { importActuals } from '../../shared/import/actuals';
import { planScenario } from '../../shared/model/plan';
import { parseScenario, type Scenario } from '../../shared/model/scenario';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fx = (name: string) => `test/fixtures/${name}`;
const SCENARIO = fx('scenario.example.json');
const HUBSPOT = fx('hubspot-contacts-2025.csv');
const SALESFORCE = fx('salesforce-opportunities-2025.csv');

const run = runPacto;

const example = (() => {
  const parsed = parseScenario(JSON.parse(readFileSync(new URL(`../../${SCENARIO}`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.scenario;
})();

describe('pacto plan', () => {
  it('prints each stage volume and the monthly plan', () => {
    const r = run(['plan', SCENARIO]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const plan = planScenario(example);
    for (const s of plan.stages) expect(r.out).toMatch(new RegExp(`^${s.name}\\s+${s.volume.toLocaleString('en-US')}\\s`, 'm'));
    for (const m of plan.monthly.months)
      expect(r.out).toMatch(new RegExp(`^${m.month}\\s+${m.volumes.map((v) => v.toLocaleString('en-US')).join('\\s+')}$`, 'm'));
    expect(r.out).toContain('Monthly plan');
  });

  it('--json gives the scenario and the plan as computed by the model', () => {
    const r = run(['plan', SCENARIO, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify({ scenario: example, plan: planScenario(example) })));
  });

  it('lists every problem of an invalid scenario and exits 1', () => {
    const bad: Partial<Scenario> = {
      ...example,
      kind: 'base',
      stages: [
        { id: 'lead', name: 'Lead', conversionRate: 2, averageDays: 1 },
        { id: 'won', name: 'Won' },
      ],
    };
    const r = run(['plan', 'bad.json'], { 'bad.json': JSON.stringify({ ...bad, targets: { ...example.targets, periodMonths: 0 } }) });
    expect(r.code).toBe(1);
    expect(r.err).toContain('stages.0.conversionRate: must be a fraction from 0 to 1');
    expect(r.err).toContain('targets.periodMonths: must be a whole number of months from 1 to 36');
  });

  it('names the stage whose zero rate makes a plan impossible', () => {
    const zero = { ...example, stages: example.stages.map((s, i) => (i === 2 ? { ...s, conversionRate: 0 } : s)) };
    const r = run(['plan', 'zero.json'], { 'zero.json': JSON.stringify(zero) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/from stage "SAL" must be above 0 %.*\(stages\.2\.conversionRate\)/);
  });

  it('says when the file is missing or not JSON', () => {
    expect(run(['plan', 'test/fixtures/nope.json']).err).toMatch(/Cannot read the scenario file test\/fixtures\/nope.json: no such file/);
    const r = run(['plan', 'x.json'], { 'x.json': '{ "id": ' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/x.json is not valid JSON/);
  });
});

describe('pacto actuals', () => {
  it('--json has stages with id, count and rate to next, medians, win rate, deal size and errors', () => {
    const r = run(['actuals', SALESFORCE, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    const expected = importActuals(readFileSync(new URL(`../../${SALESFORCE}`, import.meta.url), 'utf8'));
    expect(json).toMatchObject({
      stages: expected.stages.map((s) => ({ id: s.id, count: s.count, rateToNext: s.rateToNext })),
      medianDaysToNext: expected.medianDaysToNext,
      winRate: expected.winRate,
      averageDealSize: expected.averageDealSize,
      errors: [],
    });
  });

  it('prints a readable report with cohorts and flags', () => {
    const r = run(['actuals', HUBSPOT]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/HubSpot contacts export · 1,600 rows read, 1,600 counted/);
    expect(r.out).toMatch(/^lead\s+1,600\s+\d+\.\d %/m);
    expect(r.out).toMatch(/^2025-12\*/m);
    expect(r.out).toMatch(/Win rate \(won ÷ closed\): — \(the export has no closed deals\)/);
  });

  it('reads any CSV through --mapping and lists rows it cannot read', () => {
    const r = run(['actuals', fx('generic-export-es.csv'), '--mapping', fx('generic-mapping-es.json'), '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { format: string; stages: { id: string; count: number }[]; winRate: number };
    expect(json.format).toBe('custom');
    expect(json.stages.map((s) => s.count)).toEqual([7, 5, 3, 3, 2]);
    expect(json.winRate).toBe(2 / 3);

    const broken =
      'Opportunity Name,Stage,Amount,Close Date,Created Date\nA,Closed Won,12000,01/15/2025,01/02/2025\nB,Closed Won,doce mil,01/20/2025,01/03/2025\n';
    const b = run(['actuals', 'b.csv'], { 'b.csv': broken });
    expect(b.code).toBe(0);
    expect(b.out).toContain('Rows not read (1):\n  row 3, Amount: "doce mil" in Amount is not a number.');
  });

  it('exits 1 with the reason when nothing can be computed', () => {
    const r = run(['actuals', 'e.csv', '--json'], { 'e.csv': '' });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { errors: unknown[] }).errors).toMatchObject([{ row: null, reason: 'The file is empty.' }]);
  });

  it('says an empty, PDF or binary file is that, without a "columns not recognised" headline or a guessed reading', () => {
    const random = new Uint8Array(512).map((_, i) => (i * 7919 + 13) % 256);
    const cases: [string, string | Uint8Array, string][] = [
      ['e.csv', '', 'e.csv: The file is empty.\n'],
      [
        'x.pdf',
        '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
        'x.pdf: The file is not text but a PDF document: export or save it as CSV and import that file.\n',
      ],
      ['r.bin', random, 'r.bin: The file is not text but binary data: export or save it as CSV and import that file.\n'],
    ];
    for (const [name, bytes, said] of cases) {
      const r = run(['actuals', name], { [name]: bytes });
      expect(r.code).toBe(1);
      expect(r.out).toBe(said);
    }
  });

  it('applies --date-order, --decimal and --as-of', () => {
    const csv = 'Opportunity Name;Stage;Amount;Close Date;Created Date\nA;Closed Won;1.500;05/06/2025;01/06/2025\n';
    const r = run(['actuals', 'a.csv', '--json', '--date-order', 'dmy', '--decimal', ',', '--as-of', '2025-12-31'], { 'a.csv': csv });
    const json = JSON.parse(r.out) as { averageDealSize: number; medianDaysToNext: Record<string, number>; asOf: string };
    expect(json.averageDealSize).toBe(1500);
    expect(json.medianDaysToNext.opportunity).toBe(4);
    expect(json.asOf).toBe('2025-12-31');
    const us = JSON.parse(run(['actuals', 'a.csv', '--json', '--date-order', 'mdy'], { 'a.csv': csv }).out) as { medianDaysToNext: Record<string, number> };
    expect(us.medianDaysToNext.opportunity).toBe(120); // 1 Jan → 1 May
  });
});

describe('usage', () => {
  it.each([
    [[]],
    [['frobnicate', 'x']],
    [['plan']],
    [['plan', 'a', 'b']],
    [['plan', SCENARIO, '--mapping', 'm.json']],
    [['actuals', 'x', '--date-order', 'ymd']],
    [['plan', '--nope']],
  ])('%j is a usage error (exit 2)', (args) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage:');
  });

  it.each(['plan', 'actuals', 'inspect'])('an unknown option after %s is answered with an example of that command', (command) => {
    const r = run([command, '--nope', 'x']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`Unknown option --nope. To give a file whose name starts with "-", put it after "--" (e.g. pacto ${command} -- --nope).`);
  });

  it('help prints usage and exits 0', () => {
    expect(run(['help'])).toMatchObject({ code: 0, err: '' });
    expect(run(['--help']).out).toContain('pacto actuals <export.csv|.xlsx|.xls>');
  });
});

describe('decodeText', () => {
  it('reads UTF-8 with its BOM kept, UTF-16 with a BOM, and falls back to Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('\ufeffa');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x46, 0x00, 0xe9, 0x00]))).toBe('Fé');
    expect(decodeText(new Uint8Array([0x46, 0x65, 0x63, 0x68, 0x61, 0x20, 0x64, 0x65, 0x20, 0x63, 0x72, 0x65, 0x61, 0x63, 0x69, 0xf3, 0x6e]))).toBe(
      'Fecha de creación',
    );
  });
});

describe('spawned', () => {
  it('node electron/cli/pacto.mjs plan runs the TypeScript with no build step', () => {
    const r = spawnSync(process.execPath, ['electron/cli/pacto.mjs', 'plan', SCENARIO, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { plan: { deals: number } }).plan.deals).toBe(planScenario(example).deals);
  }, 60_000);

  /** Runs `pacto <args>` in a new Node process through the launcher's loader; says whether Yjs was loaded (it marks globalThis on import). */
  const loadsYjs = (args: string[]) => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import { createJiti } from 'jiti';",
      "const { runCli } = await createJiti(process.cwd() + '/electron/cli/').import('./main.ts');",
      `const code = await runCli(${JSON.stringify(args)}, { readBytes: (p) => readFileSync(p), out: () => {}, err: (t) => process.stderr.write(t) });`,
      "process.stdout.write(JSON.stringify({ code, yjs: '__ $YJS$ __' in globalThis }));",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { code: number; yjs: boolean };
  };

  it('pacto plan of a scenario file and pacto actuals never load Yjs; plan of a .pacto file does', () => {
    expect(loadsYjs(['plan', SCENARIO, '--json'])).toEqual({ code: 0, yjs: false });
    expect(loadsYjs(['actuals', HUBSPOT, '--json'])).toEqual({ code: 0, yjs: false });
    // The probe sees Yjs where it is loaded: the same command on a workshop file decodes its Y.Doc.
    expect(loadsYjs(['plan', 'test/fixtures/workshop-format-1.pacto', '--json'])).toEqual({ code: 0, yjs: true });
  }, 120_000);

  it('npx pacto actuals resolves the project bin', () => {
    const r = spawnSync('npx', ['--no-install', 'pacto', 'actuals', HUBSPOT, '--json'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { stages: { id: string }[]; errors: unknown[] };
    expect(json.stages.map((s) => s.id)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer']);
    expect(json.errors).toEqual([]);
  }, 60_000);
});
