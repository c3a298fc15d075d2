// Malformed exports give listed errors with row numbers, never a crash.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMPORT_ISSUE_TEXT } from '../../shared/import/csv';
import { decodeText } from '../../shared/import/decode';
import { strings as importStrings } from '../../renderer/features/import/strings';
import { importActuals } from '../../shared/import/actuals';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const HUBSPOT_LINES = fixture('hubspot-contacts-2025.csv').split(/\r?\n/).filter(Boolean);
const SALESFORCE_LINES = fixture('salesforce-opportunities-2025.csv').split(/\r?\n/).filter(Boolean);
const first = (lines: string[], n: number) => lines.slice(0, n + 1).join('\n');

describe('malformed CSVs', () => {
  it.each(['', '   \n\n', '\ufeff'])('an empty file (%j) is one file-level error', (text) => {
    const r = importActuals(text);
    expect(r.errors).toEqual([{ row: null, code: 'empty', values: {}, reason: 'The file is empty.' }]);
    expect(r.stages).toEqual([]);
  });

  it('a header without rows says so', () => {
    const r = importActuals(`${HUBSPOT_LINES[0]}\n`);
    expect(r.format).toBe('hubspot');
    expect(r.errors).toMatchObject([{ code: 'noRows', row: null, reason: 'The file has a header but no data rows.' }]);
    expect(r.rows).toEqual({ read: 0, counted: 0 });
  });

  it('an unrecognised header without rows says there are no rows, not to map the columns', () => {
    const r = importActuals('Nombre,Importe,Fase\n');
    expect(r.format).toBeNull();
    expect(r.errors).toMatchObject([{ code: 'noRows', row: null }]);
  });

  it('a delimiter other than comma, semicolon, tab or pipe: columns not recognised, with a hint', () => {
    const r = importActuals(first(HUBSPOT_LINES, 5).replaceAll(',', ':'));
    expect(r.format).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.row).toBe(1);
    expect(r.errors[0]!.reason).toMatch(/Only one column was found/);
  });

  it('rows with a different delimiter than the header are each listed', () => {
    const lines = first(HUBSPOT_LINES, 4).split('\n');
    const text = [lines[0], lines[1], lines[2]!.replaceAll(',', ';'), lines[3], lines[4]!.replaceAll(',', ';')].join('\n');
    const r = importActuals(text);
    expect(r.errors.map((e) => e.row)).toEqual([3, 5]);
    expect(r.errors[0]!.reason).toMatch(/1 fields where the header has 14/);
    expect(r.rows).toEqual({ read: 4, counted: 2 });
  });

  it('a quote that never closes: the row is listed and earlier rows still count', () => {
    const lines = first(SALESFORCE_LINES, 6).split('\n');
    lines[4] = lines[4]!.replace(/^([^,]*),/, '$1,"');
    const r = importActuals(lines.join('\n'));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 5 });
    expect(r.errors[0]!.reason).toMatch(/never closed \(from line 5\)/);
    expect(r.stages[0]).toMatchObject({ id: 'opportunity', count: 3 });
  });

  it('text in the amount column and a bad flag are listed with row, column and value', () => {
    const lines = first(SALESFORCE_LINES, 5).split('\n');
    const header = lines[0]!.split(',');
    const bad = (line: string, column: string, value: string) => {
      const cells = line.split(',');
      cells[header.indexOf(column)] = value;
      return cells.join(',');
    };
    lines[2] = bad(lines[2]!, 'Amount', 'veinte mil');
    lines[4] = bad(lines[4]!, 'Won', 'maybe');
    const r = importActuals(lines.join('\n'));
    expect(r.errors).toMatchObject([
      { row: 3, column: 'Amount', reason: '"veinte mil" in Amount is not a number.' },
      { row: 5, column: 'Won', reason: '"maybe" in Won is not yes/no (1/0, true/false, sí/no).' },
    ]);
    expect(r.rows).toEqual({ read: 5, counted: 3 });
  });

  it('rows added with LF to a CRLF export stay separate rows', () => {
    const crlf = first(HUBSPOT_LINES, 3).split('\n').join('\r\n');
    const added = HUBSPOT_LINES.slice(4, 6).join('\n');
    const r = importActuals(`${crlf}\r\n${added}\n`);
    expect(r.errors).toEqual([]);
    expect(r.rows.read).toBe(5);
  });

  it('an impossible date is listed, naming how it was read (ISO, like the file’s other dates)', () => {
    const lines = first(HUBSPOT_LINES, 3).split('\n');
    const header = lines[0]!.split(',');
    const cells = lines[2]!.split(',');
    cells[header.indexOf('Became a Lead Date')] = '2025-02-30 10:15';
    lines[2] = cells.join(',');
    const r = importActuals(lines.join('\n'));
    expect(r.errors).toMatchObject([
      {
        row: 3,
        column: 'Became a Lead Date',
        reason: '"2025-02-30 10:15" in Became a Lead Date is not a date (read as ISO year-month-day, like the file\'s other dates).',
      },
    ]);
  });

  it('a mapping naming a missing column is a header error', () => {
    const r = importActuals(first(HUBSPOT_LINES, 3), { mapping: { stageDates: { lead: 'Became a Lead Date', mql: 'MQL fecha' } } });
    expect(r.errors).toMatchObject([{ row: 1, column: 'MQL fecha', reason: 'The column "MQL fecha" is not in the header.' }]);
    expect(r.stages).toEqual([]);
  });

  it('a record reaching no stage is a warning, not counted', () => {
    const lines = first(HUBSPOT_LINES, 2).split('\n');
    const header = lines[0]!.split(',');
    lines[2] = lines[2]!
      .split(',')
      .map((cell, i) => (header[i] === 'Lifecycle Stage' ? 'Subscriber' : /Date$/.test(header[i]!) ? '' : cell))
      .join(',');
    const r = importActuals(lines.join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toMatchObject([{ row: 3, reason: expect.stringMatching(/reaches none of the stages/) as unknown as string }]);
    expect(r.rows.counted).toBe(1);
  });

  it('never throws, whatever the text', () => {
    const csvish = fc.array(fc.oneof(fc.constantFrom(',', ';', '"', '\n', '\r\n', '\ufeff', '2025-01-02', '31/12/2025', 'Closed Won', '1,5'), fc.string()), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(csvish, fc.boolean(), (parts, withHeader) => {
        const text = (withHeader ? `${HUBSPOT_LINES[0]}\n` : '') + parts.join('');
        const r = importActuals(text);
        expect(Array.isArray(r.errors)).toBe(true);
        expect(Array.isArray(r.stages)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a file that is not text', () => {
  const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
  // The start of a real PNG: signature, IHDR chunk of a 1×1 image, then compressed data.
  const PNG = bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
    'IHDR',
    [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89],
    '"x"y,"',
    [0xff, 0x00, 0x22, 0x41, 0x0a, 0x22, 0x22, 0x42, 0x0a],
  );

  it.each([
    ['a PNG renamed to .csv', PNG, 'png'],
    ['an Excel workbook', bytes('PK', [3, 4, 20, 0, 6, 0], '[Content_Types].xml', [0, 0, 0x8a, 0x0a, 0x22]), 'zip'],
    ['a PDF', bytes('%PDF-1.7\n%', [0xe2, 0xe3, 0xcf, 0xd3], '\n1 0 obj\n'), 'pdf'],
    ['other binary data', bytes([1, 2, 3, 0, 0, 0x22, 0x2c, 0x0a, 0x22, 0x41]), 'binary'],
  ])('%s is one clear file error, not a row of quoting errors per line', (_, data, kind) => {
    const r = importActuals(decodeText(data));
    expect(r.errors).toEqual([{ row: null, code: 'binary', values: { kind }, reason: expect.stringMatching(/^The file is not text/) as unknown as string }]);
    expect(r.stages).toEqual([]);
  });

  it('a Windows-1252 CSV with accents and a UTF-8 one stay text', () => {
    const latin = new Uint8Array([
      ...new TextEncoder().encode('Email,Became a Lead Date\nmar'),
      0xed,
      ...new TextEncoder().encode('a@example.com,2025-01-01\n'),
    ]);
    expect(importActuals(decodeText(latin)).errors).toEqual([]);
    expect(importActuals(decodeText(new TextEncoder().encode('Email,Became a Lead Date\nnúñez@example.com,2025-01-01\n'))).errors).toEqual([]);
  });
});

describe('translated import problems', () => {
  it('has a Spanish and an English text for every problem code, naming the same values', () => {
    const codes = Object.keys(IMPORT_ISSUE_TEXT).sort();
    // A count-dependent text comes as i18next plural forms (`code_one`, `code_other`) of one code.
    const codeOf = (key: string) => key.replace(/_(one|other)$/, '');
    const esIssues: Record<string, string> = importStrings.es.issues;
    const enIssues: Record<string, string> = importStrings.en.issues;
    expect([...new Set(Object.keys(esIssues).map(codeOf))].sort()).toEqual(codes);
    expect(Object.keys(enIssues).sort()).toEqual(Object.keys(esIssues).sort());
    const names = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(esIssues)) expect(names(enIssues[key]!)).toEqual(names(esIssues[key]!));
  });

  it('a problem carries its code and values, the English reason stays for the CLI', () => {
    const r = importActuals('Opportunity Name,Stage,Amount,Close Date\nAcme,Closed Won,100,soon\n');
    expect(r.errors).toEqual([
      {
        row: 2,
        column: 'Close Date',
        code: 'notDate',
        values: { value: 'soon', column: 'Close Date', order: 'mdy' },
        reason: '"soon" in Close Date is not a date (read month first).',
      },
    ]);
  });
});
