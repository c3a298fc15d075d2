// The fixtures' actual figures, checked against counts made another way:
// a plain split of each line on commas (the fixtures quote nothing), with
// dates read by Date.parse, instead of papaparse and the import's readers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importActuals } from '../../shared/import/actuals';
import { scenarioFromActuals } from '../../shared/import/baseline';
import { columnMappingSchema } from '../../shared/import/mapping';
import { parseScenario, type Scenario } from '../../shared/model/scenario';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const HUBSPOT = fixture('hubspot-contacts-2025.csv');
const SALESFORCE = fixture('salesforce-opportunities-2025.csv');

function splitTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function simpleMedian(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const DAY = 86_400_000;
const isoMs = (v: string) => Date.parse(`${v.replace(' ', 'T')}:00Z`);
const usMs = (v: string) => {
  const [m, d, y] = v.split('/');
  return Date.parse(`${y}-${m}-${d}T00:00:00Z`);
};

const HUBSPOT_COLUMNS = [
  ['lead', 'Became a Lead Date'],
  ['mql', 'Became a Marketing Qualified Lead Date'],
  ['sql', 'Became a Sales Qualified Lead Date'],
  ['opportunity', 'Became an Opportunity Date'],
  ['customer', 'Became a Customer Date'],
] as const;

describe('HubSpot contacts fixture', () => {
  const t = splitTable(HUBSPOT);
  const idx = HUBSPOT_COLUMNS.map(([, h]) => t.header.indexOf(h));
  const result = importActuals(HUBSPOT);

  it('is recognised and read without errors', () => {
    expect(result.format).toBe('hubspot');
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual({ read: t.rows.length, counted: t.rows.length });
  });

  it('counts a record at every stage up to its latest stage date, with rates to the next', () => {
    const counts = idx.map((_, k) => t.rows.filter((r) => idx.slice(k).some((c) => r[c] !== '')).length);
    expect(result.stages.map((s) => s.id)).toEqual(HUBSPOT_COLUMNS.map(([id]) => id));
    expect(result.stages.map((s) => s.count)).toEqual(counts);
    result.stages.forEach((s, k) => expect(s.rateToNext).toBe(k < counts.length - 1 ? counts[k + 1]! / counts[k]! : null));
  });

  it('gives the median days between consecutive stages', () => {
    HUBSPOT_COLUMNS.slice(0, -1).forEach(([id], k) => {
      const spans = t.rows.filter((r) => r[idx[k]!] && r[idx[k + 1]!]).map((r) => (isoMs(r[idx[k + 1]!]!) - isoMs(r[idx[k]!]!)) / DAY);
      expect(result.medianDaysToNext[id]).toBeCloseTo(simpleMedian(spans), 9);
    });
  });

  it('has no win rate or deal size: a contacts export says nothing of lost deals or amounts', () => {
    expect(result.winRate).toBeNull();
    expect(result.averageDealSize).toBeNull();
  });

  it('splits records into monthly cohorts by lead date that add up to the totals', () => {
    const leadCol = idx[0]!;
    const months = [...new Set(t.rows.map((r) => r[leadCol]!.slice(0, 7)))].sort();
    expect(result.cohorts.map((c) => c.month)).toEqual(months);
    for (const c of result.cohorts) expect(c.stages[0]!.count).toBe(t.rows.filter((r) => r[leadCol]!.startsWith(c.month)).length);
    result.stages.forEach((s, k) => expect(result.cohorts.reduce((sum, c) => sum + c.stages[k]!.count, 0)).toBe(s.count));
  });

  it('flags the latest cohorts as too recent, and only a tail of months', () => {
    const latest = Math.max(...t.rows.flatMap((r) => idx.map((c) => (r[c] ? isoMs(r[c]) : 0))));
    expect(result.asOf).toBe(new Date(latest).toISOString().slice(0, 10));
    const flags = result.cohorts.map((c) => c.tooRecent);
    expect(flags[flags.length - 1]).toBe(true);
    expect(flags[0]).toBe(false);
    // Once a cohort is too recent, every later one is too.
    expect(flags.indexOf(true)).toBeGreaterThan(0);
    expect(flags.slice(flags.indexOf(true)).every(Boolean)).toBe(true);
  });
});

describe('Salesforce opportunities fixture', () => {
  const t = splitTable(SALESFORCE);
  const col = (h: string) => t.header.indexOf(h);
  const result = importActuals(SALESFORCE);
  const won = t.rows.filter((r) => r[col('Won')] === '1');
  const closed = t.rows.filter((r) => r[col('Closed')] === '1');

  it('reads opportunities and won deals as customers, month-first dates', () => {
    expect(result.format).toBe('salesforce');
    expect(result.errors).toEqual([]);
    expect(result.dialect.dateOrder).toBe('mdy');
    expect(result.stages.map((s) => [s.id, s.count])).toEqual([
      ['opportunity', t.rows.length],
      ['customer', won.length],
    ]);
    expect(result.stages[0]!.rateToNext).toBe(won.length / t.rows.length);
  });

  it('gives win rate won ÷ closed and the average won deal', () => {
    expect(result.won).toBe(won.length);
    expect(result.closed).toBe(closed.length);
    expect(result.winRate).toBe(won.length / closed.length);
    const amounts = won.map((r) => Number(r[col('Amount')]));
    expect(result.averageDealSize).toBeCloseTo(amounts.reduce((a, b) => a + b, 0) / amounts.length, 9);
  });

  it('gives the median days from created to won close', () => {
    const spans = won.map((r) => (usMs(r[col('Close Date')]!) - usMs(r[col('Created Date')]!)) / DAY);
    expect(result.medianDaysToNext.opportunity).toBeCloseTo(simpleMedian(spans), 9);
  });
});

/** The HubSpot fixture as a Spanish-language user's Excel saves it: BOM, semicolons, CRLF, day-first dates, Spanish headers, a quoted line break. */
function hubspotAsSpanish(text: string): string {
  const t = splitTable(text);
  const names: Record<string, string> = {
    'Record ID': 'ID de registro',
    'Company Name': 'Nombre de la empresa',
    'Lifecycle Stage': 'Etapa del ciclo de vida',
    'Create Date': 'Fecha de creación',
    'Became a Lead Date': 'Fecha en que se convirtió en lead',
    'Became a Marketing Qualified Lead Date': 'Fecha en que se convirtió en lead calificado para marketing',
    'Became a Sales Qualified Lead Date': 'Fecha en que se convirtió en lead calificado para ventas',
    'Became an Opportunity Date': 'Fecha en que se convirtió en oportunidad',
    'Became a Customer Date': 'Fecha en que se convirtió en cliente',
  };
  const dayFirst = (v: string) => (/^\d{4}-\d{2}-\d{2} /.test(v) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)} ${v.slice(11)}` : v);
  const company = t.header.indexOf('Company Name');
  const lines = [t.header.map((h) => names[h] ?? h).join(';')];
  t.rows.forEach((r, i) => {
    const cells = r.map(dayFirst);
    if (i % 7 === 0) cells[company] = `"${cells[company]}; sede\r\ncentral"`;
    lines.push(cells.join(';'));
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The Salesforce fixture in Spanish without Won/Closed columns: outcomes from the stage name, decimal comma amounts, day-first dates. */
function salesforceAsSpanish(text: string): string {
  const t = splitTable(text);
  const col = (h: string) => t.header.indexOf(h);
  const stage: Record<string, string> = { 'Closed Won': 'Cerrada ganada', 'Closed Lost': 'Cerrada perdida' };
  const dmy = (v: string) => {
    const [m, d, y] = v.split('/');
    return `${d}/${m}/${y}`;
  };
  const lines = ['Nombre de la oportunidad;Etapa;Importe;Fecha de cierre;Fecha de creación'];
  for (const r of t.rows) {
    const amount = Number(r[col('Amount')]).toLocaleString('de-DE', { minimumFractionDigits: 2 });
    lines.push(
      [r[col('Opportunity Name')], stage[r[col('Stage')]!] ?? 'Negociación', amount, dmy(r[col('Close Date')]!), dmy(r[col('Created Date')]!)].join(';'),
    );
  }
  return lines.join('\n');
}

describe('dialects give the same figures', () => {
  it('HubSpot in Spanish with semicolons, BOM, CRLF, day-first dates and quoted line breaks', () => {
    const english = importActuals(HUBSPOT);
    const spanish = importActuals(hubspotAsSpanish(HUBSPOT));
    expect(spanish.errors).toEqual([]);
    expect(spanish.format).toBe('hubspot');
    expect(spanish.dialect).toMatchObject({ delimiter: ';', bom: true, dateOrder: 'dmy', dateOrderSource: 'data' });
    expect(spanish.stages).toEqual(english.stages);
    expect(spanish.cohorts).toEqual(english.cohorts);
  });

  it('Salesforce in Spanish with decimal comma and outcomes from the stage name', () => {
    const english = importActuals(SALESFORCE);
    const spanish = importActuals(salesforceAsSpanish(SALESFORCE));
    expect(spanish.errors).toEqual([]);
    expect(spanish.format).toBe('salesforce');
    expect(spanish.dialect).toMatchObject({ delimiter: ';', dateOrder: 'dmy', decimalSeparator: ',' });
    expect(spanish.stages).toEqual(english.stages);
    expect(spanish.winRate).toBe(english.winRate);
    expect(spanish.averageDealSize).toBeCloseTo(english.averageDealSize!, 9);
  });
});

describe('generic export with a column mapping (hand-checked)', () => {
  const text = fixture('generic-export-es.csv');
  const mapping = columnMappingSchema.parse(JSON.parse(fixture('generic-mapping-es.json')));
  const result = importActuals(text, { mapping });

  it('counts the seven contacts by hand: 7 leads, 5 MQLs, 3 SQLs, 3 opportunities, 2 customers', () => {
    // Juan has an opportunity date but no MQL or SQL date: he counts at both.
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('custom');
    expect(result.dialect).toMatchObject({ delimiter: ';', bom: true, dateOrder: 'dmy', decimalSeparator: ',' });
    expect(result.stages.map((s) => [s.id, s.count])).toEqual([
      ['lead', 7],
      ['mql', 5],
      ['sql', 3],
      ['opportunity', 3],
      ['customer', 2],
    ]);
    expect(result.stages.map((s) => s.rateToNext)).toEqual([5 / 7, 3 / 5, 1, 2 / 3, null]);
  });

  it('gives medians, win rate and average won deal by hand', () => {
    // lead→MQL: 11, 15, 8, 8 days → 9.5; MQL→SQL: 6, 5 → 5.5; SQL→opp: 9, 8 → 8.5; opp→won: 45, 71 → 58.
    expect(result.medianDaysToNext).toEqual({ lead: 9.5, mql: 5.5, sql: 8.5, opportunity: 58 });
    expect(result.winRate).toBe(2 / 3);
    expect(result.averageDealSize).toBe((12_500.5 + 20_000) / 2);
    expect(result.cohorts.map((c) => [c.month, c.stages[0]!.count])).toEqual([
      ['2025-02', 4],
      ['2025-03', 3],
    ]);
  });
});

describe('actuals as a baseline scenario', () => {
  const example = parseScenario(JSON.parse(fixture('scenario.example.json')));
  const template = (example.ok ? example.scenario : null) as Scenario;

  it('replaces the rates the HubSpot export measures (MQL→SQL split over the SAL it lacks) and keeps the plan days there', () => {
    const actuals = importActuals(HUBSPOT);
    const { scenario, replaced, kept, origins } = scenarioFromActuals(actuals, template, { id: 'act', name: 'Actuals 2025' });
    expect(scenario.kind).toBe('actuals');
    expect(replaced).toEqual(['lead', 'mql', 'sal', 'sql', 'opportunity']);
    expect(kept).toEqual([]);
    expect([origins.mql, origins.sal]).toEqual(['span', 'span']);
    const byId = Object.fromEntries(actuals.stages.map((s) => [s.id, s]));
    expect(scenario.stages[0]!.conversionRate).toBe(byId.mql!.count / byId.lead!.count);
    expect(scenario.stages[0]!.averageDays).toBe(byId.lead!.medianDaysToNext);
    expect(scenario.stages[4]!.conversionRate).toBe(byId.customer!.count / byId.opportunity!.count);
    expect(scenario.stages[1]!.averageDays).toBe(template.stages[1]!.averageDays);
    expect(scenario.stages[1]!.conversionRate! * scenario.stages[2]!.conversionRate!).toBeCloseTo(byId.sql!.count / byId.mql!.count, 12);
    expect(scenario.targets.averageDealSize).toBe(template.targets.averageDealSize);
    expect(template.kind).toBe('base');
  });

  it('uses the win rate and average deal of the Salesforce export', () => {
    const actuals = importActuals(SALESFORCE);
    const { scenario, replaced } = scenarioFromActuals(actuals, template, { id: 'sf', name: 'Salesforce' });
    expect(replaced).toEqual(['opportunity']);
    expect(scenario.stages[4]!.conversionRate).toBe(actuals.winRate);
    expect(scenario.targets.averageDealSize).toBe(actuals.averageDealSize);
  });
});

describe('how the dates are written', () => {
  it('HubSpot writes ISO dates (no day/month order to guess); Salesforce numeric ones; a text in a date column changes neither', () => {
    expect(importActuals(HUBSPOT).dialect.dateStyle).toBe('iso');
    expect(importActuals(SALESFORCE).dialect.dateStyle).toBe('numeric');
    const withText = HUBSPOT.replace(/\n?$/, '\n') + '5199998,Ana,Mal,ana@example.com,X,Lead,New,Direct,2025-03-01 10:00,ayer,,,,\n';
    const r = importActuals(withText);
    expect(r.dialect.dateStyle).toBe('iso');
    // Its error does not claim a day/month order the file never uses.
    expect(r.errors).toMatchObject([{ code: 'notDate', values: { value: 'ayer', order: 'iso' } }]);
    expect(r.errors[0]!.reason).toContain('read as ISO year-month-day');
  });
});
