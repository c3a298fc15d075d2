import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../shared/import/csv';
import { dealOutcome, detectMapping, stageKeyFromDateHeader, stageKeyFromName } from '../../shared/import/mapping';
import { dateOrderEvidence, decimalEvidence, median, normalizeText, parseAmount, parseDateValue, parseFlag, percentile } from '../../shared/import/values';

const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, m - 1, d, h, mi, s);

describe('parseDateValue', () => {
  it.each([
    ['2025-10-07', 'mdy', utc(2025, 10, 7)],
    ['2025-10-07 15:49', 'dmy', utc(2025, 10, 7, 15, 49)],
    ['2025-10-07T15:49:30Z', 'mdy', utc(2025, 10, 7, 15, 49, 30)],
    ['2025-10-07T15:49:00+02:00', 'mdy', utc(2025, 10, 7, 13, 49)],
    ['2025/10/07', 'mdy', utc(2025, 10, 7)],
    ['07/10/2025', 'dmy', utc(2025, 10, 7)],
    ['07/10/2025', 'mdy', utc(2025, 7, 10)],
    ['7.10.25 15:49', 'dmy', utc(2025, 10, 7, 15, 49)],
    ['10/07/2025 3:49 PM', 'mdy', utc(2025, 10, 7, 15, 49)],
    ['10/07/2025 12:05 AM', 'mdy', utc(2025, 10, 7, 0, 5)],
    ['07/10/2025 3:49 p. m.', 'dmy', utc(2025, 10, 7, 15, 49)],
    ['1759852140000', 'dmy', 1759852140000],
  ] as const)('reads %s (%s)', (value, order, expected) => {
    expect(parseDateValue(value, order)).toBe(expected);
  });

  it.each(['31/02/2025', '2025-13-01', '2025-02-29', 'mañana', '12/31/2025', '', '07/10/2025 25:00', '1/2/3/4'])('rejects %j in day-first order', (value) => {
    expect(parseDateValue(value, 'dmy')).toBeNull();
  });

  it('tells the date order a value proves', () => {
    expect(dateOrderEvidence('31/01/2025')).toBe('dmy');
    expect(dateOrderEvidence('01/31/2025 10:00')).toBe('mdy');
    expect(dateOrderEvidence('05/06/2025')).toBeNull();
    expect(dateOrderEvidence('2025-01-31')).toBeNull();
  });
});

describe('parseAmount', () => {
  it.each([
    ['16300', '.', 16300],
    ['16,300.50', '.', 16300.5],
    ['16.300,50', ',', 16300.5],
    ['16300,5', ',', 16300.5],
    ['€ 16 300,5', ',', 16300.5],
    ['USD 1,200', '.', 1200],
    ['1\u00a0234,56 €', ',', 1234.56],
    ["1'234.5", '.', 1234.5],
    ['-250', '.', -250],
    ['$0.99', '.', 0.99],
  ] as const)('reads %j with decimal %s', (value, decimal, expected) => {
    expect(parseAmount(value, decimal)).toBe(expected);
  });

  it.each(['n/a', '12 units', 'abc', '1.2.3', '--5'])('rejects %j', (value) => {
    expect(parseAmount(value, ',')).toBeNull();
  });

  it('tells the decimal separator a value proves', () => {
    expect(decimalEvidence('1.234,56')).toBe(',');
    expect(decimalEvidence('16300,5')).toBe(',');
    expect(decimalEvidence('1.234.567')).toBe(',');
    expect(decimalEvidence('1,234.56')).toBe('.');
    expect(decimalEvidence('1,234,567')).toBe('.');
    expect(decimalEvidence('16,300')).toBeNull();
    expect(decimalEvidence('16300')).toBeNull();
  });
});

describe('small readers', () => {
  it('reads yes/no flags in English and Spanish', () => {
    expect(['1', 'TRUE', 'yes', 'Sí', 'verdadero'].map(parseFlag)).toEqual([true, true, true, true, true]);
    expect(['0', 'false', 'No', 'FALSO'].map(parseFlag)).toEqual([false, false, false, false]);
    expect(parseFlag(' ')).toBeNull();
    expect(parseFlag('maybe')).toBeUndefined();
  });

  it('normalises text for matching', () => {
    expect(normalizeText('  Fecha de  Creación ')).toBe('fecha de creacion');
  });

  it('computes medians and percentiles', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([8, 15, 8, 11])).toBe(9.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});

describe('stage names and headers', () => {
  it.each([
    ['Marketing Qualified Lead', 'mql'],
    ['marketingqualifiedlead', 'mql'],
    ['Lead calificado para marketing', 'mql'],
    ['Sales Accepted Lead', 'sal'],
    ['Lead aceptado por ventas', 'sal'],
    ['Sales Qualified Lead', 'sql'],
    ['Lead calificado por ventas', 'sql'],
    ['Opportunity', 'opportunity'],
    ['Oportunidad', 'opportunity'],
    ['Customer', 'customer'],
    ['Cliente', 'customer'],
    ['Evangelist', 'customer'],
    ['Lead', 'lead'],
    ['Subscriber', null],
    ['Other', null],
  ] as const)('%s → %s', (name, key) => {
    expect(stageKeyFromName(name)).toBe(key);
  });

  it('takes stage entry dates from headers, not sources, statuses or exits', () => {
    expect(stageKeyFromDateHeader('Became a Marketing Qualified Lead Date')).toBe('mql');
    expect(stageKeyFromDateHeader('Fecha en que se convirtió en lead calificado para ventas')).toBe('sql');
    expect(stageKeyFromDateHeader("Date entered 'Customer (Lifecycle Stage Pipeline)'")).toBe('customer');
    expect(stageKeyFromDateHeader("Date exited 'Customer (Lifecycle Stage Pipeline)'")).toBeNull();
    expect(stageKeyFromDateHeader('Lead Source')).toBeNull();
    expect(stageKeyFromDateHeader('Lead Status')).toBeNull();
    expect(stageKeyFromDateHeader('Create Date')).toBeNull();
  });

  it('reads deal outcomes from stage names', () => {
    expect(dealOutcome('Closed Won')).toEqual({ won: true, closed: true });
    expect(dealOutcome('Cerrada ganada')).toEqual({ won: true, closed: true });
    expect(dealOutcome('Closed Lost')).toEqual({ won: false, closed: true });
    expect(dealOutcome('Cerrada perdida')).toEqual({ won: false, closed: true });
    expect(dealOutcome('Negotiation/Review')).toEqual({ won: false, closed: false });
    expect(dealOutcome('')).toBeNull();
  });

  it('recognises Salesforce and HubSpot headers in English and Spanish', () => {
    expect(detectMapping(['Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Created Date', 'Won', 'Closed'])).toEqual({
      format: 'salesforce',
      mapping: { stageDates: { opportunity: 'Created Date' }, dealStage: 'Stage', closeDate: 'Close Date', amount: 'Amount', won: 'Won', closed: 'Closed' },
    });
    expect(detectMapping(['Nombre de la oportunidad', 'Etapa', 'Importe', 'Fecha de cierre', 'Fecha de creación'])).toEqual({
      format: 'salesforce',
      mapping: { stageDates: { opportunity: 'Fecha de creación' }, dealStage: 'Etapa', closeDate: 'Fecha de cierre', amount: 'Importe' },
    });
    expect(
      detectMapping([
        'ID de registro',
        'Etapa del ciclo de vida',
        'Fecha de creación',
        'Fecha en que se convirtió en lead calificado para marketing',
        'Fecha en que se convirtió en cliente',
      ]),
    ).toEqual({
      format: 'hubspot',
      mapping: {
        stageDates: {
          mql: 'Fecha en que se convirtió en lead calificado para marketing',
          customer: 'Fecha en que se convirtió en cliente',
          lead: 'Fecha de creación',
        },
        currentStage: 'Etapa del ciclo de vida',
      },
    });
    expect(detectMapping(['Name', 'Email', 'Phone'])).toBeNull();
  });
});

describe('parseCsv', () => {
  it('detects the delimiter from the header line outside quotes', () => {
    expect(detectDelimiter('a;b;"c,d,e"\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('keeps spreadsheet row numbers across quoted line breaks and blank lines, strips the BOM, normalizes line ends', () => {
    const t = parseCsv('\ufeffname;note\r\nA;"two\r\nlines"\r\n\r\nB;x\r\n');
    expect(t.bom).toBe(true);
    expect(t.header).toEqual(['name', 'note']);
    expect(t.rows).toEqual([
      // Line ends are normalized to \n before parsing, inside quoted fields too.
      { row: 2, cells: ['A', 'two\nlines'] },
      { row: 4, cells: ['B', 'x'] },
    ]);
  });
});
