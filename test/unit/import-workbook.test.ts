// Excel workbooks on the import: the same export as CSV, as .xlsx and as
// legacy .xls gives the same figures to the record (counts, rates, medians,
// cohorts, win rate, deal size); sheets are chosen by name; every bad
// workbook gets its own message and no figures. The workbooks are made from
// the CSV fixtures by test/fixtures/workbooks.ts, with real date and number cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importActuals, importTable, type Actuals } from '../../shared/import/actuals';
import { workbookContainer } from '../../shared/import/decode';
import { MAX_WORKBOOK_ROWS, readWorkbook } from '../../shared/import/workbook';
import {
  chartOnlyWorkbook,
  csvToSheet,
  csvToWorkbook,
  emptyWorkbook,
  encryptedWorkbook,
  formulasOnlyWorkbook,
  millionRowWorkbook,
  withChartSheet,
  workbookBytes,
  zipNotWorkbook,
} from '../fixtures/workbooks';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const HUBSPOT = fixture('hubspot-contacts-2025.csv');
const SALESFORCE = fixture('salesforce-opportunities-2025.csv');

/** Everything an import figures, without how the file was read (delimiter, date style, sheet). */
function figures(a: Actuals) {
  const { dialect: _dialect, ...rest } = a;
  return rest;
}

describe('the HubSpot contacts export as CSV, XLSX and XLS', () => {
  const csv = importActuals(HUBSPOT);
  const xlsx = readWorkbook(csvToWorkbook(HUBSPOT));
  const xls = readWorkbook(csvToWorkbook(HUBSPOT, { bookType: 'xls' }));

  it('reads the first sheet with its 1,600 contacts and the CSV header', () => {
    expect(xlsx.sheets).toEqual([{ name: 'Export', kind: 'worksheet' }]);
    expect(xlsx.table.sheet).toBe('Export');
    expect(xlsx.table.header).toEqual(HUBSPOT.split(/\r?\n/)[0]!.split(','));
    expect(xlsx.table.rows).toHaveLength(1600);
    // Date cells come out as the CSV writes them; the record id is a number cell.
    expect(xlsx.table.rows[0]!.cells.slice(8, 11)).toEqual(['2025-10-07 15:49', '2025-10-07 15:49', '2025-10-21 16:02']);
    expect(xlsx.table.rows[0]!.numbers![0]).toBe(5100000);
  });

  it('gives identical counts, rates, medians and cohorts', () => {
    const fromXlsx = importTable(xlsx.table);
    const fromXls = importTable(xls.table);
    expect(csv.format).toBe('hubspot');
    expect(csv.stages.length).toBe(5);
    expect(csv.errors).toEqual([]);
    expect(figures(fromXlsx)).toEqual(figures(csv));
    expect(figures(fromXls)).toEqual(figures(csv));
    expect(fromXlsx.dialect.sheet).toBe('Export');
  });
});

describe('the Salesforce opportunities report as CSV and XLSX', () => {
  it('gives identical figures (month-first text dates become date cells; Won/Closed 1/0 number cells)', () => {
    const csv = importActuals(SALESFORCE);
    const xlsx = importTable(readWorkbook(csvToWorkbook(SALESFORCE, { dateOrder: 'mdy' })).table);
    expect(csv.format).toBe('salesforce');
    expect(csv.winRate).not.toBeNull();
    expect(figures(xlsx)).toEqual(figures(csv));
  });
});

describe('sheets', () => {
  const deals = csvToSheet(
    'Opportunity Name,Stage,Amount,Close Date,Created Date\nA,Closed Won,1000,2025-03-01,2025-02-01\nB,Closed Lost,500,2025-03-05,2025-02-10\n',
  );
  const notes = csvToSheet('Note\nCall back in May\n');
  const book = workbookBytes({ Notes: notes, Deals: deals });

  it('reads the first worksheet unless a sheet is named', () => {
    expect(readWorkbook(book).table.header).toEqual(['Note']);
    const named = importTable(readWorkbook(book, { sheet: 'Deals' }).table);
    // Hand count: A won, B lost → 1 won of 2 closed; average won deal 1000.
    expect([named.format, named.won, named.closed, named.winRate, named.averageDealSize]).toEqual(['salesforce', 1, 2, 0.5, 1000]);
  });

  it('names the sheets there are when the named one is not', () => {
    const r = readWorkbook(book, { sheet: 'Oportunidades' });
    expect(r.table.issues.map((i) => [i.code, i.reason])).toEqual([
      ['noSheet', 'The workbook has no sheet named "Oportunidades"; its sheets are: Notes, Deals.'],
    ]);
  });

  it('skips a chart sheet in front of the data, and says what a chart sheet is when it is chosen', () => {
    const withChart = withChartSheet(csvToWorkbook(HUBSPOT), 'Funnel chart');
    const r = readWorkbook(withChart);
    expect(r.sheets.map((s) => s.kind)).toEqual(['chart', 'worksheet']);
    expect(r.table.rows).toHaveLength(1600);
    const chosen = readWorkbook(withChart, { sheet: 'Funnel chart' });
    expect(chosen.table.issues.map((i) => i.code)).toEqual(['chartSheet']);
    expect(chosen.table.issues[0]!.reason).toContain('"Funnel chart" is a chart, not a table of records: choose a sheet with the data (Export)');
  });
});

describe('bad workbooks: one clear message each, no figures', () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ['password-protected', encryptedWorkbook(), 'workbookEncrypted', /password-protected/],
    ['a ZIP that is not a workbook', zipNotWorkbook(), 'notWorkbook', /ZIP archive but not an Excel workbook/],
    ['empty', emptyWorkbook(), 'sheetEmpty', /The sheet "Sheet1" is empty/],
    ['only a chart sheet', chartOnlyWorkbook(), 'chartOnly', /only sheet, "Pipeline chart", is a chart, not a table of records/],
    ['1,000,000 rows', millionRowWorkbook(), 'tooManyRows', /has 1,000,000 data rows; one import reads at most 200,000\. Nothing was read/],
    [
      'formulas with no stored result',
      formulasOnlyWorkbook(),
      'formulaNoValue',
      /In the sheet "Report", 4 formula cell\(s\), the first at A2, have no stored result/,
    ],
  ];
  for (const [name, bytes, code, text] of cases) {
    it(name, () => {
      const read = readWorkbook(bytes);
      expect(read.table.issues[0]!.code).toBe(code);
      expect(read.table.issues[0]!.reason).toMatch(text);
      expect(read.table.rows).toEqual([]);
      const actuals = importTable(read.table);
      expect(actuals.stages).toEqual([]);
      // The workbook's problem alone: nothing else (no "map the columns by hand" with no rows to map).
      expect(actuals.errors.map((e) => e.code)).toEqual([code]);
    });
  }

  it('states the row limit', () => expect(MAX_WORKBOOK_ROWS).toBe(200_000));

  it('tells workbooks from text by their first bytes, not their name', () => {
    expect(workbookContainer(csvToWorkbook(HUBSPOT))).toBe('zip');
    expect(workbookContainer(csvToWorkbook(HUBSPOT, { bookType: 'xls' }))).toBe('cfb');
    expect(workbookContainer(encryptedWorkbook())).toBe('cfb');
    // An ".xls" that is really tab-separated text, as some CRMs write, is read as text.
    expect(workbookContainer(new TextEncoder().encode('Deal Name\tStage\nA\tWon\n'))).toBeNull();
    expect(workbookContainer(new Uint8Array())).toBeNull();
  });
});
