// `npx pacto plan` on the README's example scenario file and `npx pacto actuals` on an export with unreadable rows,
// spawned as a user runs them; figures checked by hand (the worked example of docs/domain.md, counted rows).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const EXAMPLE = 'test/fixtures/scenario.example.json';
const pacto = (...args: string[]) => spawnSync('npx', ['--no-install', 'pacto', ...args], { cwd: root, encoding: 'utf8' });

describe('npx pacto plan on the example scenario file', () => {
  it('prints the volume each stage needs and the monthly plan', () => {
    const r = pacto('plan', EXAMPLE);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // 1,200,000 ÷ 20,000 = 60 deals; ÷ 25 % = 240 opportunities; ÷ 50 % = 480 SQLs; ÷ 50 % = 960 SALs; ÷ 80 % = 1,200 MQLs; ÷ 25 % = 4,800 leads.
    for (const [stage, volume] of [
      ['Lead', '4,800'],
      ['MQL', '1,200'],
      ['SAL', '960'],
      ['SQL', '480'],
      ['Opportunity', '240'],
      ['Customer', '60'],
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${stage}\\s+${volume}\\s`, 'm'));
    }
    // Leads need 14 + 2 + 7 + 10 + 60 = 93 days to close: 3 months ahead, so October 2026 for deals from January 2027.
    expect(r.stdout).toMatch(/^2026-10\s+400\s+100\s+80\s+0\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^2027-12\s+0\s+0\s+0\s+0\s+0\s+5$/m);
  }, 60_000);

  it('--json gives the same plan as data', () => {
    const r = pacto('plan', EXAMPLE, '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as { plan: { stages: { id: string; volume: number }[]; monthly: { months: { volumes: number[] }[] } } };
    expect(json.plan.stages.map((s) => s.volume)).toEqual([4800, 1200, 960, 480, 240, 60]);
    const sums = json.plan.stages.map((_, i) => json.plan.monthly.months.reduce((a, m) => a + m.volumes[i]!, 0));
    expect(sums).toEqual([4800, 1200, 960, 480, 240, 60]);
  }, 60_000);
});

describe('npx pacto actuals --json', () => {
  it('has stages with id, count and rateToNext, medians, win rate, deal size, and unreadable rows with row and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pacto-cli-'));
    const file = join(dir, 'export.csv');
    const lines = readFileSync(join(root, 'test/fixtures/hubspot-contacts-2025.csv'), 'utf8').split(/\r?\n/).filter(Boolean).slice(0, 41);
    const header = lines[0]!.split(',');
    const bad = lines[40]!.split(',');
    bad[header.indexOf('Became a Lead Date')] = 'pronto';
    writeFileSync(file, [...lines.slice(0, 40), bad.join(',')].join('\n'));
    const r = pacto('actuals', file, '--json');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as {
      stages: { id: string; count: number; rateToNext: number | null }[];
      medianDaysToNext: Record<string, number | null>;
      winRate: number | null;
      averageDealSize: number | null;
      errors: { row: number; reason: string }[];
    };
    // Counted by hand from the 39 good rows: a record counts at every stage up to its latest stage date.
    const rows = lines.slice(1, 40).map((l) => l.split(','));
    const col = (name: string) => header.indexOf(name);
    const reached = (r: string[], names: string[]) => names.some((n) => r[col(n)] !== '');
    const later = [
      'Became a Customer Date',
      'Became an Opportunity Date',
      'Became a Sales Qualified Lead Date',
      'Became a Marketing Qualified Lead Date',
      'Became a Lead Date',
    ];
    const counts = [5, 4, 3, 2, 1].map((k) => rows.filter((r) => reached(r, later.slice(0, k))).length);
    expect(json.stages.map((s) => s.id)).toEqual(['lead', 'mql', 'sql', 'opportunity', 'customer']);
    expect(json.stages.map((s) => s.count)).toEqual(counts);
    expect(json.stages[0]!.rateToNext).toBeCloseTo(counts[1]! / counts[0]!, 10);
    expect(Object.keys(json.medianDaysToNext)).toEqual(['lead', 'mql', 'sql', 'opportunity']);
    expect(json.winRate).toBeNull();
    expect(json.averageDealSize).toBeNull();
    expect(json.errors).toMatchObject([{ row: 41, column: 'Became a Lead Date', reason: expect.stringContaining('"pronto"') }]);
  }, 60_000);
});

describe('npx pacto messages', () => {
  it('an unknown option is named plainly, quotes balanced', () => {
    const r = pacto('actuals', '--bogus', 'x.csv');
    expect(r.status).toBe(2);
    const first = r.stderr.split('\n')[0]!;
    expect(first).toMatch(/^Unknown option --bogus\./);
    expect(first.split('"').length % 2).toBe(1);
    expect(first.split("'").length % 2).toBe(1);
  }, 60_000);

  it('describes ISO dates as ISO, not as a guessed day/month order', () => {
    const r = pacto('actuals', 'test/fixtures/hubspot-contacts-2025.csv');
    expect(r.stdout).toContain('dates ISO (year-month-day)');
    expect(r.stdout).not.toMatch(/month first \(guess\)/);
  }, 60_000);
});
