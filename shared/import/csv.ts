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
  /** What is wrong, in English, naming the value when there is one. */
  reason: string;
}

/** One data row. */
export interface CsvRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  cells: string[];
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
  if (body.trim() === '') return { ...empty, issues: [{ row: null, reason: 'The file is empty.' }] };
  const parsed = Papa.parse<string[]>(body, { delimiter: used, skipEmptyLines: false });
  const issues: ImportIssue[] = [];
  for (const e of parsed.errors) {
    const row = typeof e.row === 'number' ? e.row + 1 : null;
    if (e.code === 'MissingQuotes') {
      issues.push({
        row,
        reason: `A quoted field is never closed (from line ${lineOf(body, e.index ?? 0)}): this row and everything after it could not be read.`,
      });
    } else if (e.code === 'InvalidQuotes') {
      issues.push({ row, reason: 'A quoted field has text after its closing quote; the row may be split wrongly.' });
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
