// Deal exports of Pipedrive, Zoho CRM and Dynamics 365 in their own column
// layouts, English and Spanish (fixtures with invented people in
// test/fixtures/), each as CSV and as an Excel workbook made from it (.xlsx
// and legacy .xls). The expected figures were counted by hand from the
// fixture rows, as noted beside each case; days are from the created date to
// the close date.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importActuals, importTable, type Actuals } from '../../shared/import/actuals';
import { detectMapping } from '../../shared/import/mapping';
import { readWorkbook } from '../../shared/import/workbook';
import { csvToWorkbook, type CsvDialect } from '../fixtures/workbooks';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

interface Expected {
  format: Actuals['format'];
  deals: number;
  won: number;
  lost: number;
  winRate: number;
  averageDealSize: number;
  /** Median days created → closed over won and lost deals. */
  medianDaysToClose: number;
  /** Median days created → won (the opportunity stage's days to the customer stage). */
  medianDaysToWin: number;
  /** Deals per stage name reached: [name, count, won, lost, open], most deals first. */
  dealStages: [string, number, number, number, number][];
}

const CASES: [string, CsvDialect, Expected][] = [
  [
    // 10 deals: won 101, 102, 106, 109 (12000 + 8000 + 20000 + 4000 = 44000 → 11000); lost 103, 104, 108; open 105, 107, 110.
    // Created → closed: 101 40.29 (Jan 10 09:00 → Feb 19 16:00), 102 45, 103 10, 104 30, 106 30, 108 30, 109 20
    // → closed sorted 10, 20, 30, 30, 30, 40.29, 45: median 30; won 20, 30, 40.29, 45: median (30 + 40.29) / 2 = 35.15.
    'pipedrive-deals-2025.csv',
    {},
    {
      format: 'pipedrive',
      deals: 10,
      won: 4,
      lost: 3,
      winRate: 4 / 7,
      averageDealSize: 11000,
      medianDaysToClose: 30,
      medianDaysToWin: (30 + 40 + 7 / 24) / 2,
      dealStages: [
        ['Proposal Made', 3, 2, 1, 0],
        ['Contact Made', 2, 0, 1, 1],
        ['Negotiations Started', 2, 2, 0, 0],
        ['Qualified', 2, 0, 1, 1],
        ['Demo Scheduled', 1, 0, 0, 1],
      ],
    },
  ],
  [
    // 6 tratos, day-first dates, decimal comma: ganados 201 (4500,50), 202 (10000) → 7250,25; perdidos 203, 205; abiertos 204, 206.
    // Días: 201 20, 202 30, 203 10, 205 30 → cerrados 10, 20, 30, 30: mediana 25; ganados 20, 30: 25.
    'pipedrive-tratos-es.csv',
    { dateOrder: 'dmy', decimal: ',' },
    {
      format: 'pipedrive',
      deals: 6,
      won: 2,
      lost: 2,
      winRate: 0.5,
      averageDealSize: 7250.25,
      medianDaysToClose: 25,
      medianDaysToWin: 25,
      dealStages: [
        ['Calificado', 2, 0, 1, 1],
        ['Propuesta realizada', 2, 1, 1, 0],
        ['Contactado', 1, 0, 0, 1],
        ['Negociaciones iniciadas', 1, 1, 0, 0],
      ],
    },
  ],
  [
    // 8 deals: Closed Won 1, 2, 7 (15000 + 9000 + 6000 → 10000); Closed Lost 3 and "Closed Lost to Competition" 4; open 5, 6, 8.
    // Created 12:00 → closing date 00:00: 29.5, 39.5, 19.5, 29.5, 20.5 → median 29.5; won 29.5, 39.5, 20.5 → 29.5.
    'zoho-deals-2025.csv',
    {},
    {
      format: 'zoho',
      deals: 8,
      won: 3,
      lost: 2,
      winRate: 0.6,
      averageDealSize: 10000,
      medianDaysToClose: 29.5,
      medianDaysToWin: 29.5,
      dealStages: [
        ['Closed Won', 3, 3, 0, 0],
        ['Closed Lost', 1, 0, 1, 0],
        ['Closed Lost to Competition', 1, 0, 1, 0],
        ['Negotiation/Review', 1, 0, 0, 1],
        ['Proposal/Price Quote', 1, 0, 0, 1],
        ['Qualification', 1, 0, 0, 1],
      ],
    },
  ],
  [
    // 5 tratos: Cerrado ganado 1 (12.000,00), 3 (8.000,00) → 10000; Cerrado perdido 2; abiertos 4, 5.
    // Días: 29.5, 9.5, 19.5 → mediana 19.5; ganados 29.5, 19.5 → 24.5.
    'zoho-tratos-es.csv',
    { dateOrder: 'dmy', decimal: ',' },
    {
      format: 'zoho',
      deals: 5,
      won: 2,
      lost: 1,
      winRate: 2 / 3,
      averageDealSize: 10000,
      medianDaysToClose: 19.5,
      medianDaysToWin: 24.5,
      dealStages: [
        ['Cerrado ganado', 2, 2, 0, 0],
        ['Calificación', 1, 0, 0, 1],
        ['Cerrado perdido', 1, 0, 1, 0],
        ['Negociación/Revisión', 1, 0, 0, 1],
      ],
    },
  ],
  [
    // 7 opportunities, month-first dates with AM/PM: Won 1, 3, 7 (actual revenue 18000 + 7000 + 12500 → 12500); Lost 2 (Out-Sold), 5 (Canceled); Open 4, 6.
    // Created 12:00 PM → actual close date: 44.5, 19.5, 29.5, 9.5, 29.5 → median 29.5; won 44.5, 29.5, 29.5 → 29.5.
    'dynamics-opportunities-2025.csv',
    { dateOrder: 'mdy' },
    {
      format: 'dynamics',
      deals: 7,
      won: 3,
      lost: 2,
      winRate: 0.6,
      averageDealSize: 12500,
      medianDaysToClose: 29.5,
      medianDaysToWin: 29.5,
      dealStages: [
        ['Close', 3, 3, 0, 0],
        ['Qualify', 2, 0, 1, 1],
        ['Develop', 1, 0, 0, 1],
        ['Propose', 1, 0, 1, 0],
      ],
    },
  ],
  [
    // 5 oportunidades: Ganada 1 (18.000,00 €), 3 (6.000,00 €) → 12000; Perdida 2; Abierta 4, 5.
    // Días: 29.5, 9.5, 19.5 → mediana 19.5; ganadas 29.5, 19.5 → 24.5.
    'dynamics-oportunidades-es.csv',
    { dateOrder: 'dmy', decimal: ',' },
    {
      format: 'dynamics',
      deals: 5,
      won: 2,
      lost: 1,
      winRate: 2 / 3,
      averageDealSize: 12000,
      medianDaysToClose: 19.5,
      medianDaysToWin: 24.5,
      dealStages: [
        ['Cerrar', 2, 2, 0, 0],
        ['Calificar', 1, 0, 0, 1],
        ['Desarrollar', 1, 0, 0, 1],
        ['Proponer', 1, 0, 1, 0],
      ],
    },
  ],
];

function check(a: Actuals, e: Expected) {
  expect(a.errors).toEqual([]);
  expect(a.format).toBe(e.format);
  expect(a.stages.map((s) => [s.id, s.count])).toEqual([
    ['opportunity', e.deals],
    ['customer', e.won],
  ]);
  expect([a.won, a.lost, a.closed]).toEqual([e.won, e.lost, e.won + e.lost]);
  expect(a.winRate).toBeCloseTo(e.winRate, 12);
  expect(a.averageDealSize).toBeCloseTo(e.averageDealSize, 9);
  expect(a.medianDaysToClose).toBeCloseTo(e.medianDaysToClose, 6);
  expect(a.stages[0]!.medianDaysToNext).toBeCloseTo(e.medianDaysToWin, 6);
  expect(a.dealStages.map((s) => [s.name, s.count, s.won, s.lost, s.open])).toEqual(e.dealStages);
}

describe.each(CASES)('%s', (name, dialect, expected) => {
  const csv = fixture(name);

  it('is recognised from its headers and gives the hand-counted figures', () => {
    check(importActuals(csv), expected);
  });

  it('gives the same figures as an Excel workbook', () => {
    const workbook = readWorkbook(csvToWorkbook(csv, dialect));
    const fromCsv = importActuals(csv);
    const fromXlsx = importTable(workbook.table);
    check(fromXlsx, expected);
    expect(fromXlsx.stages).toEqual(fromCsv.stages);
    expect(fromXlsx.cohorts).toEqual(fromCsv.cohorts);
  });

  it('gives the same figures as a legacy .xls workbook', () => {
    const fromXls = importTable(readWorkbook(csvToWorkbook(csv, { ...dialect, bookType: 'xls' })).table);
    check(fromXls, expected);
    expect(fromXls.stages).toEqual(importActuals(csv).stages);
  });
});

describe('layout recognition', () => {
  it('maps each vendor’s columns', () => {
    const header = (name: string) => fixture(name).split(/\r?\n/)[0]!.split(/[,;]/);
    expect(detectMapping(header('pipedrive-deals-2025.csv'))!.mapping).toEqual({
      stageDates: { opportunity: 'Deal - Deal created' },
      dealStage: 'Deal - Stage',
      status: 'Deal - Status',
      amount: 'Deal - Value',
      closeDate: 'Deal - Deal closed on',
    });
    expect(detectMapping(header('zoho-tratos-es.csv'))!.mapping).toEqual({
      stageDates: { opportunity: 'Hora de creación' },
      dealStage: 'Fase',
      amount: 'Importe',
      closeDate: 'Fecha de cierre',
    });
    expect(detectMapping(header('dynamics-oportunidades-es.csv'))!.mapping).toEqual({
      stageDates: { opportunity: 'Fecha de creación' },
      dealStage: 'Etapa de ventas',
      status: 'Estado',
      amount: 'Ingresos reales',
      closeDate: 'Fecha de cierre real',
    });
  });

  it('still reads Salesforce and HubSpot exports as before', () => {
    expect(detectMapping(fixture('salesforce-opportunities-2025.csv').split(/\r?\n/)[0]!.split(','))!.format).toBe('salesforce');
    expect(detectMapping(fixture('hubspot-contacts-2025.csv').split(/\r?\n/)[0]!.split(','))!.format).toBe('hubspot');
  });

  it('takes a Pipedrive export without "Deal closed on" by its won time', () => {
    const m = detectMapping(['Deal - Title', 'Deal - Value', 'Deal - Stage', 'Deal - Status', 'Deal - Deal created', 'Deal - Won time'])!;
    expect([m.format, m.mapping.closeDate]).toEqual(['pipedrive', 'Deal - Won time']);
  });
});
