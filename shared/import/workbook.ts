/**
 * Reads one sheet of an Excel workbook (`.xlsx`, legacy `.xls`, also
 * `.ods`) into the same table a CSV gives (./csv.ts), so the export is
 * recognised and computed exactly as a CSV is. The workbook format itself is
 * read by SheetJS Community Edition (the `@e965/xlsx` package, which
 * republishes SheetJS's own releases unchanged; why, in docs/crm-import.md):
 * pure JavaScript working on a Uint8Array, no Node and no DOM.
 *
 * Cells keep what Excel stores: a date cell becomes an ISO date text
 * (`2025-10-07 15:49`, wall-clock time as stored, no time zone applied), a
 * number cell keeps its number (amounts are not re-read from text), a
 * yes/no cell reads `true`/`false`, text stays text (a text date such as
 * `07/10/2025` is then read with the CSV's date-order rules).
 *
 * Large and bad workbooks get an {@link ImportIssue} in the table, never an
 * exception: password-protected, a ZIP that is not a workbook, damaged, an
 * empty sheet, a chart sheet, a sheet name that is not there, formulas with
 * no stored result, more than {@link MAX_WORKBOOK_ROWS} data rows.
 *
 * This module pulls in the workbook reader (about 1 MB): the renderer loads
 * it with a dynamic `import()` only when a workbook is dropped.
 */
import { read, SSF, utils, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { importIssue, type CsvRow, type CsvTable, type ImportIssue } from './csv';

/** Most data rows one workbook import reads (a sheet with more is refused whole, said so): 200,000. */
export const MAX_WORKBOOK_ROWS = 200_000;

/** A sheet of the workbook: a worksheet holds cells; a chart (or dialog, macro) sheet holds none to import. */
export interface WorkbookSheet {
  name: string;
  kind: 'worksheet' | 'chart';
}

/** Result of {@link readWorkbook}. */
export interface WorkbookRead {
  /** The sheet's table (header = the sheet's first non-empty row); empty with an issue when it cannot be read. */
  table: CsvTable;
  /** Every sheet, in workbook order (empty when the workbook could not be opened). */
  sheets: WorkbookSheet[];
}

/** Options of {@link readWorkbook}. */
export interface WorkbookOptions {
  /** Name of the sheet to read; default: the first worksheet. */
  sheet?: string;
}

const EXCEL_MAX_COLUMNS = 16_384;

function emptyTable(issues: ImportIssue[], sheet?: string): CsvTable {
  const table: CsvTable = { header: [], rows: [], delimiter: ',', bom: false, issues };
  if (sheet !== undefined) table.sheet = sheet;
  return table;
}

/** What went wrong opening a workbook, from the reader's error. */
function openIssue(error: unknown, zip: boolean): ImportIssue {
  const message = error instanceof Error ? error.message : String(error);
  if (/password|encrypt/i.test(message)) return importIssue(null, 'workbookEncrypted');
  if (zip) return importIssue(null, 'notWorkbook', { error: message });
  return importIssue(null, 'workbookDamaged', { error: message });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel date serial as ISO text `YYYY-MM-DD[ HH:MM[:SS]]`, wall-clock as stored; null when it is no date. */
function serialDateText(serial: number, date1904: boolean): string | null {
  const d = SSF.parse_date_code(serial, { date1904 }) as { y: number; m: number; d: number; H: number; M: number; S: number } | null;
  if (!d || d.y < 1900) return null;
  const day = `${d.y}-${pad(d.m)}-${pad(d.d)}`;
  if (d.H === 0 && d.M === 0 && d.S === 0) return day;
  return `${day} ${pad(d.H)}:${pad(d.M)}${d.S ? `:${pad(d.S)}` : ''}`;
}

interface Cell {
  text: string;
  number?: number;
  /** A formula whose result was never stored (the file was written by a program that does not calculate). */
  formulaWithoutValue?: boolean;
}

function readCell(cell: CellObject | undefined, date1904: boolean): Cell {
  if (!cell) return { text: '' };
  // A formula with no stored result (or an empty one, as writers that never calculate leave it).
  if (cell.f !== undefined && (cell.v === undefined || cell.v === null || cell.v === '')) return { text: '', formulaWithoutValue: true };
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z !== undefined && SSF.is_date(cell.z)) {
        const text = serialDateText(v, date1904);
        if (text !== null) return { text };
      }
      return { text: String(v), number: v };
    }
    case 'd': {
      const v = cell.v as Date;
      return {
        text: v
          .toISOString()
          .slice(0, 19)
          .replace('T', ' ')
          .replace(/ 00:00:00$/, '')
          .replace(/:00$/, ''),
      };
    }
    case 'b':
      return { text: cell.v ? 'true' : 'false' };
    case 'e':
      return { text: cell.w ?? '#ERROR' };
    case 'z':
      return { text: '' };
    default:
      return { text: String(cell.v ?? '') };
  }
}

const sheetKind = (ws: WorkSheet | undefined): WorkbookSheet['kind'] => {
  const type = (ws as { '!type'?: string } | undefined)?.['!type'];
  return type === undefined || type === 'sheet' ? 'worksheet' : 'chart';
};

/**
 * Reads a sheet of a workbook into a table. Never throws.
 * @param bytes the file's bytes (a ZIP-based `.xlsx`/`.ods` or a compound-file `.xls`)
 */
export function readWorkbook(bytes: Uint8Array, options: WorkbookOptions = {}): WorkbookRead {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let wb: WorkBook;
  try {
    // sheetRows: the header, the limit, and one more row to know the limit is passed.
    wb = read(bytes, { type: 'array', dense: true, cellNF: true, cellFormula: true, cellDates: false, sheetRows: MAX_WORKBOOK_ROWS + 2 });
  } catch (e) {
    return { table: emptyTable([openIssue(e, zip)]), sheets: [] };
  }
  const sheets: WorkbookSheet[] = wb.SheetNames.map((name) => ({ name, kind: sheetKind(wb.Sheets[name]) }));
  if (sheets.length === 0) return { table: emptyTable([importIssue(null, zip ? 'notWorkbook' : 'workbookDamaged', { error: 'no sheets' })]), sheets };
  const worksheets = sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
  const name = options.sheet ?? worksheets[0];
  if (name === undefined) return { table: emptyTable([importIssue(null, 'chartOnly', { sheet: sheets[0]!.name })]), sheets };
  const info = sheets.find((s) => s.name === name);
  if (!info) return { table: emptyTable([importIssue(null, 'noSheet', { sheet: name, sheets: wb.SheetNames.join(', ') })]), sheets };
  if (info.kind === 'chart') {
    return { table: emptyTable([importIssue(null, 'chartSheet', { sheet: name, others: worksheets.join(', ') })], name), sheets };
  }
  return { table: sheetTable(wb, name), sheets };
}

function sheetTable(wb: WorkBook, name: string): CsvTable {
  const ws = wb.Sheets[name]!;
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const ref = ws['!ref'];
  const range = ref ? utils.decode_range(ref) : null;
  if (!range) return emptyTable([importIssue(null, 'sheetEmpty', { sheet: name })], name);
  const full = utils.decode_range((ws as { '!fullref'?: string })['!fullref'] ?? ref!);
  const data = (ws as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? [];
  const lastColumn = Math.min(range.e.c, EXCEL_MAX_COLUMNS - 1);

  let formulasWithoutValue = 0;
  let firstFormula: string | null = null;
  const rowCells = (r: number): Cell[] => {
    const cells: Cell[] = [];
    for (let c = range.s.c; c <= lastColumn; c++) {
      const cell = readCell(data[r]?.[c], date1904);
      if (cell.formulaWithoutValue) {
        formulasWithoutValue++;
        firstFormula ??= utils.encode_cell({ r, c });
      }
      cells.push(cell);
    }
    return cells;
  };

  // The header is the sheet's first row holding anything.
  let headerRow = -1;
  let headerCells: Cell[] = [];
  for (let r = range.s.r; r <= Math.min(range.e.r, data.length - 1); r++) {
    const cells = rowCells(r);
    if (cells.some((c) => c.text.trim() !== '')) {
      headerRow = r;
      headerCells = cells;
      break;
    }
  }
  const issues: ImportIssue[] = [];
  const formulaIssue = () => {
    if (formulasWithoutValue > 0) issues.push(importIssue(null, 'formulaNoValue', { sheet: name, count: formulasWithoutValue, cell: firstFormula ?? '' }));
  };
  if (headerRow < 0) {
    formulaIssue();
    if (issues.length === 0) issues.push(importIssue(null, 'sheetEmpty', { sheet: name }));
    return emptyTable(issues, name);
  }
  const dataRows = full.e.r - headerRow;
  if (dataRows > MAX_WORKBOOK_ROWS) {
    return emptyTable([importIssue(null, 'tooManyRows', { sheet: name, rows: dataRows, limit: MAX_WORKBOOK_ROWS })], name);
  }
  // Columns up to the last one with a header; cells further right have no name to map.
  let width = headerCells.length;
  while (width > 0 && headerCells[width - 1]!.text.trim() === '') width--;
  const header = headerCells.slice(0, width).map((h, i) => h.text.trim() || `(column ${i + 1})`);
  const rows: CsvRow[] = [];
  for (let r = headerRow + 1; r <= Math.min(range.e.r, data.length - 1); r++) {
    const cells = rowCells(r).slice(0, width);
    if (cells.every((c) => c.text.trim() === '')) continue;
    const row: CsvRow = { row: r + 1, cells: cells.map((c) => c.text) };
    if (cells.some((c) => c.number !== undefined)) row.numbers = cells.map((c) => c.number);
    rows.push(row);
  }
  formulaIssue();
  return { header, rows, delimiter: ',', bom: false, issues, sheet: name };
}
