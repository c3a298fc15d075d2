/**
 * Reads CSV text into a header and rows with the row numbers a spreadsheet
 * shows, using papaparse. Handles the dialects CRM exports come in: comma,
 * semicolon, tab or pipe delimiter (detected from the header line), a UTF-8
 * byte-order mark, CRLF or LF line ends, and quoted fields holding
 * delimiters, quotes or line breaks. Never throws: problems come back as
 * {@link ImportIssue}s.
 */
import Papa from 'papaparse';

/** A problem with the file or one of its rows. */
export interface ImportIssue {
  /**
   * Row number as a spreadsheet shows it: the header is row 1, the first data
   * row is row 2 (a quoted field with line breaks stays one row). Null for a
   * problem with the whole file.
   */
  row: number | null;
  /** Header of the column at fault, when one is. */
  column?: string;
  /** What is wrong, in English (the CLI's text), naming the value when there is one. */
  reason: string;
  /** What is wrong, for a translated message: see {@link IMPORT_ISSUE_TEXT}. */
  code: ImportIssueCode;
  /** The values the message names (a cell's text, a column, a line number …). */
  values: Record<string, string | number>;
}

/**
 * Every import problem by code, with its English text (what the CLI prints;
 * the import screen translates the code with the same values). Values:
 * `kind` is `png`, `pdf`, `zip` or `binary`; `order` is `dmy`, `mdy` or `iso` (every date in the file is year first).
 */
export const IMPORT_ISSUE_TEXT = {
  empty: () => 'The file is empty.',
  binary: (v) =>
    `The file is not text but ${{ png: 'a PNG image', pdf: 'a PDF document', zip: 'a ZIP archive (an Excel .xlsx workbook?)', binary: 'binary data' }[String(v.kind)] ?? 'binary data'}: export or save it as CSV and import that file.`,
  unclosedQuote: (v) => `A quoted field is never closed (from line ${v.line}): this row and everything after it could not be read.`,
  textAfterQuote: () => 'A quoted field has text after its closing quote; the row may be split wrongly.',
  unrecognised: (v) =>
    `The columns were not recognised as an export of HubSpot (contacts), Salesforce (opportunities), Pipedrive, Zoho CRM or Dynamics 365 (deals) (found: ${v.found}). Map the columns by hand.`,
  oneColumn: (v) =>
    `The columns were not recognised as an export of HubSpot (contacts), Salesforce (opportunities), Pipedrive, Zoho CRM or Dynamics 365 (deals) (found: ${v.found}). Only one column was found: the file may use a delimiter other than comma, semicolon, tab or pipe.`,
  unexpected: (v) => `The import failed unexpectedly: ${v.error}`,
  missingColumn: (v) => `The column "${v.column}" is not in the header.`,
  noRows: () => 'The file has a header but no data rows.',
  fieldCount: (v) => `The row has ${v.found} fields where the header has ${v.expected} (a delimiter inside an unquoted value?).`,
  notDate: (v) =>
    `"${v.value}" in ${v.column} is not a date (read ${v.order === 'iso' ? "as ISO year-month-day, like the file's other dates" : v.order === 'dmy' ? 'day first' : 'month first'}).`,
  notFlag: (v) => `"${v.value}" in ${v.column} is not yes/no (1/0, true/false, sí/no).`,
  notNumber: (v) => `"${v.value}" in ${v.column} is not a number.`,
  amountOutOfRange: (v) => `The amount "${v.value}" in ${v.column} is not an amount from 0 to ${v.max}: the row is not taken.`,
  badAsOf: (v) => `The as-of date "${v.value}" is not a date written YYYY-MM-DD; the latest date in the file is used.`,
  noStage: () => 'The row reaches none of the stages (no stage date, stage or win); not counted.',
  datesOutOfOrder: () => 'A later stage has an earlier date than the stage before it; counted, left out of the days between those stages.',
  workbookEncrypted: () =>
    'The workbook is password-protected, so it cannot be read. Open it in Excel, save a copy without the password (File › Info › Protect Workbook › Encrypt with Password, cleared), and import that copy.',
  notWorkbook: (v) => `The file is a ZIP archive but not an Excel workbook (${v.error}). Export the data as .xlsx, .xls or CSV and import that file.`,
  workbookDamaged: (v) => `The workbook could not be read (${v.error}): it may be damaged or of a kind Pacto does not read. Save it again as .xlsx or CSV.`,
  sheetEmpty: (v) => `The sheet "${v.sheet}" is empty.`,
  chartSheet: (v) => `The sheet "${v.sheet}" is a chart, not a table of records: choose a sheet with the data (${v.others}).`,
  chartOnly: (v) => `The workbook's only sheet, "${v.sheet}", is a chart, not a table of records: export the data itself (the report's rows), not the chart.`,
  noSheet: (v) => `The workbook has no sheet named "${v.sheet}"; its sheets are: ${v.sheets}.`,
  tooManyRows: (v) =>
    `The sheet "${v.sheet}" has ${Number(v.rows).toLocaleString('en-US')} data rows; one import reads at most ${Number(v.limit).toLocaleString('en-US')}. Nothing was read: filter the export (one year, one pipeline) or split it.`,
  formulaNoValue: (v) =>
    `In the sheet "${v.sheet}", ${v.count} formula cell(s), the first at ${v.cell}, have no stored result and read as empty: the file was written by a program that does not calculate. Open it in Excel or LibreOffice, save it, and import it again.`,
} satisfies Record<string, (values: Record<string, string | number>) => string>;

/** Code of an import problem. */
export type ImportIssueCode = keyof typeof IMPORT_ISSUE_TEXT;

/** An {@link ImportIssue} with its English reason made from `code` and `values`. */
export function importIssue(row: number | null, code: ImportIssueCode, values: Record<string, string | number> = {}, column?: string): ImportIssue {
  const issue: ImportIssue = { row, reason: IMPORT_ISSUE_TEXT[code](values), code, values };
  if (column !== undefined) issue.column = column;
  return issue;
}

/**
 * What kind of non-text file `text` (decoded bytes) is, from its first 1024
 * characters: `png`, `pdf`, `zip` by signature, `binary` for NUL or other
 * control characters no CSV has (tab, line ends and form feed aside); null for
 * text. A UTF-16 file without a byte-order mark reads as `binary` too.
 */
export function binaryKind(text: string): 'png' | 'pdf' | 'zip' | 'binary' | null {
  const head = text.slice(0, 1024);
  if (head.startsWith('\uFFFDPNG') || head.startsWith('\u2030PNG') || head.startsWith('\x89PNG')) return 'png';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (head.startsWith('PK\x03\x04')) return 'zip';
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(head) ? 'binary' : null;
}

/** One data row. */
export interface CsvRow {
  /** Spreadsheet row number (header = 1; in a workbook, the sheet's own row number). */
  row: number;
  /** Each cell as text (a workbook's date cells as ISO `YYYY-MM-DD HH:MM`, see ./workbook.ts). */
  cells: string[];
  /** From a workbook: the value of each number cell by column (undefined for other cells), read as is instead of from its text. */
  numbers?: (number | undefined)[];
}

/** The parsed file. */
export interface CsvTable {
  /** Column headers, trimmed; an empty header becomes `(column N)`. */
  header: string[];
  /** Data rows, blank lines left out. */
  rows: CsvRow[];
  /** Delimiter used. */
  delimiter: string;
  /** Whether the text began with a byte-order mark. */
  bom: boolean;
  /** File-level and quoting problems; rows after an unterminated quote are lost and said so. */
  issues: ImportIssue[];
  /** The sheet the table was read from, for a workbook. */
  sheet?: string;
}

/** Delimiters tried, in order of preference on a tie. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV text: whichever of {@link CSV_DELIMITERS} occurs most
 * often in the first line outside quotes; comma when none does.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (CSV_DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    const n = counts.get(d) ?? 0;
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/**
 * Parses CSV text.
 * @param text the file's text (already decoded from bytes, UTF-8 expected)
 * @param delimiter force a delimiter instead of detecting it
 */
export function parseCsv(text: string, delimiter?: string): CsvTable {
  const bom = text.charCodeAt(0) === 0xfeff;
  // One line-end style: papaparse splits on the first style it meets, so rows added with LF to a CRLF export would merge.
  const body = (bom ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const used = delimiter ?? detectDelimiter(body);
  const empty: CsvTable = { header: [], rows: [], delimiter: used, bom, issues: [] };
  if (body.trim() === '') return { ...empty, issues: [importIssue(null, 'empty')] };
  const kind = binaryKind(body);
  if (kind) return { ...empty, issues: [importIssue(null, 'binary', { kind })] };
  const parsed = Papa.parse<string[]>(body, { delimiter: used, skipEmptyLines: false });
  const issues: ImportIssue[] = [];
  for (const e of parsed.errors) {
    const row = typeof e.row === 'number' ? e.row + 1 : null;
    if (e.code === 'MissingQuotes') {
      issues.push(importIssue(row, 'unclosedQuote', { line: lineOf(body, e.index ?? 0) }));
    } else if (e.code === 'InvalidQuotes') {
      issues.push(importIssue(row, 'textAfterQuote'));
    }
  }
  const data = parsed.data;
  const header = (data[0] ?? []).map((h, i) => h.trim() || `(column ${i + 1})`);
  const rows: CsvRow[] = [];
  for (let i = 1; i < data.length; i++) {
    const cells = data[i]!;
    if (cells.every((c) => c.trim() === '')) continue;
    rows.push({ row: i + 1, cells });
  }
  const brokenRows = new Set(issues.map((i) => i.row));
  return { header, rows: rows.filter((r) => !brokenRows.has(r.row)), delimiter: used, bom, issues };
}
