/**
 * Actual funnel figures from a CRM export: how many records reached each
 * stage, the rate to the next stage, median days between stages, win rate
 * and average won deal size — overall and by monthly cohort, with cohorts
 * too recent to have converted flagged.
 *
 * Rules (docs/domain.md, "Formulas"):
 * - A record with a later stage date (or a later current stage, or won)
 *   counts as having reached every earlier stage.
 * - Rate to next = records reaching the next present stage ÷ records reaching
 *   this one; per cohort, the cohort's own records ("a month's SQLs divided by
 *   the MQLs they came from").
 * - Win rate = won ÷ closed (won + lost); null when the export says nothing
 *   about closed deals (a HubSpot contacts export).
 *
 * Pure: takes the file's text (or a table read from a workbook, see
 * ./workbook.ts), never reads files, never throws for bad input — unreadable rows are listed with their row number and reason and
 * left out of every figure.
 */
import { STANDARD_STAGE_KEYS, type StandardStageKey } from '../model/chain';
import { MAX_IMPORT_AMOUNT } from '../domain/bounds';
import { importIssue, parseCsv, type CsvTable, type ImportIssue, type ImportIssueCode } from './csv';
import { dealOutcome, detectMapping, stageKeyFromName, type ColumnMapping, type ExportFormat } from './mapping';
import {
  dateOrderEvidence,
  daysBetween,
  decimalEvidence,
  isIsoDate,
  isNumericDate,
  isoDate,
  isoMonth,
  median,
  normalizeText,
  parseAmount,
  parseDateValue,
  parseFlag,
  percentile,
  type DateOrder,
} from './values';

/** Options of {@link importActuals} and {@link computeActuals}. */
export interface ImportOptions {
  /** Use this mapping instead of recognising the export from its headers. */
  mapping?: ColumnMapping;
  /** Force the delimiter instead of detecting it. */
  delimiter?: string;
  /** Order of numeric dates; detected from the data when omitted (a value like 31/01 proves day-first). */
  dateOrder?: DateOrder;
  /** Decimal separator of amounts; detected from the data when omitted. */
  decimalSeparator?: ',' | '.';
  /** Date the export was taken, `YYYY-MM-DD`, for the cohort maturity check; default: the latest date in the file. */
  asOf?: string;
}

/** One stage's actual figures. */
export interface ActualStage {
  id: StandardStageKey;
  /** Records that reached the stage (directly or by reaching a later one). */
  count: number;
  /** count of the next present stage ÷ this count, fraction 0..1; null for the last stage or a count of 0. */
  rateToNext: number | null;
  /** Median days from entering this stage to entering the next present one, over records with both dates; null when none. */
  medianDaysToNext: number | null;
}

/** One stage of a monthly cohort. */
export interface CohortStage {
  id: StandardStageKey;
  count: number;
  rateToNext: number | null;
  /**
   * False when the cohort is too recent for this rate to have settled: its
   * last day plus the time 90 % of past records took from the first stage to
   * the next stage is after the as-of date.
   */
  settled: boolean;
}

/** Records that entered the first stage in one calendar month. */
export interface Cohort {
  /** `YYYY-MM` of the record's first-stage date (its earliest date when that is missing). */
  month: string;
  stages: CohortStage[];
  /** True when any of its rates has not settled: compare with care. */
  tooRecent: boolean;
}

/** Deals whose stage column says `name`. */
export interface DealStageCount {
  name: string;
  count: number;
  won: number;
  lost: number;
  open: number;
}

/** How the file was read. */
export interface Dialect {
  delimiter: string;
  bom: boolean;
  dateOrder: DateOrder;
  /** Where the date order came from: the options, the data (a day or month above 12), or a guess from the file's language and delimiter. */
  dateOrderSource: 'option' | 'data' | 'guess';
  decimalSeparator: ',' | '.';
  /**
   * How the file writes its dates: `iso` when every date is year first
   * (2025-10-07; `dateOrder` then does not apply), `numeric` when none is,
   * `mixed` for both, null when the file has no dates.
   */
  dateStyle: 'iso' | 'numeric' | 'mixed' | null;
  /** Sheet read, for a workbook (then `delimiter` and `bom` do not apply); absent for a text file. */
  sheet?: string;
}

/** What an import computes. */
export interface Actuals {
  /** Recognised export, `custom` with a given mapping, null when the columns were not recognised. */
  format: ExportFormat | null;
  mapping: ColumnMapping | null;
  /** Stages present in the export, funnel order (ids from lead, mql, sal, sql, opportunity, customer). */
  stages: ActualStage[];
  /** Median days to the next present stage, by stage id (every stage but the last). */
  medianDaysToNext: Partial<Record<StandardStageKey, number | null>>;
  /** won ÷ closed, fraction 0..1; null without closed deals or closed information. */
  winRate: number | null;
  /** Won deals, closed (won + lost) deals behind the win rate, and lost deals (closed − won). */
  won: number;
  closed: number;
  lost: number;
  /**
   * Median days from a deal's first date (its created date in a deal
   * export) to its close date, over closed deals (won or lost) with both;
   * null when none. Won deals alone: the opportunity stage's `medianDaysToNext`.
   */
  medianDaysToClose: number | null;
  /**
   * The stage each deal reached, as the export names it (a lost deal's stage
   * is where it was lost), when the export has a deal stage column: deals per
   * stage name with how many are won, lost and open; most deals first.
   */
  dealStages: DealStageCount[];
  /** Mean amount of won deals with an amount, workshop currency; null when there is none. */
  averageDealSize: number | null;
  /** Monthly cohorts, oldest first. */
  cohorts: Cohort[];
  /** The as-of date used, `YYYY-MM-DD`; null when the file has no dates. */
  asOf: string | null;
  /** Data rows read, and rows counted in the figures (read minus unreadable and stage-less rows). */
  rows: { read: number; counted: number };
  dialect: Dialect;
  /** Unreadable rows and file problems: left out of every figure. */
  errors: ImportIssue[];
  /** Rows counted but worth a look (dates out of order, no stage reached). */
  warnings: ImportIssue[];
}

interface RecordData {
  /** Entry date per standard stage index, ms UTC. */
  dates: (number | null)[];
  /** Highest standard stage index reached; −1 for none. */
  reached: number;
  won: boolean | null;
  closed: boolean | null;
  amount: number | null;
  closeDate: number | null;
  stageName: string | null;
}

const CUSTOMER = STANDARD_STAGE_KEYS.indexOf('customer');
const DAY_MS = 86_400_000;

function emptyActuals(table: CsvTable, dialect: Dialect, errors: ImportIssue[], format: ExportFormat | null, mapping: ColumnMapping | null): Actuals {
  return {
    format,
    mapping,
    stages: [],
    medianDaysToNext: {},
    winRate: null,
    won: 0,
    closed: 0,
    lost: 0,
    medianDaysToClose: null,
    dealStages: [],
    averageDealSize: null,
    cohorts: [],
    asOf: null,
    rows: { read: table.rows.length, counted: 0 },
    dialect,
    errors,
    warnings: [],
  };
}

/** Codes of a problem with the whole file that leaves nothing to read as a table (no header, no rows). */
const UNREADABLE_FILE: ReadonlySet<ImportIssueCode> = new Set<ImportIssueCode>([
  'empty',
  'binary',
  'workbookEncrypted',
  'notWorkbook',
  'workbookDamaged',
  'sheetEmpty',
  'chartOnly',
  'noSheet',
  'tooManyRows',
]);

/**
 * The problem that kept the whole file from being read (empty, a PDF or other
 * binary file, a workbook that cannot be opened …), or null when the file was
 * read as a table. The CLI and the import screen lead with it instead of a
 * "columns not recognised" headline and a guessed delimiter and date order.
 */
export function unreadableFile(actuals: Pick<Actuals, 'errors'>): ImportIssue | null {
  return actuals.errors.find((e) => e.row === null && UNREADABLE_FILE.has(e.code)) ?? null;
}

/** Reads a CSV export and computes its actuals; detects the export unless `options.mapping` is given. Never throws. */
export function importActuals(text: string, options: ImportOptions = {}): Actuals {
  return importTable(parseCsv(text, options.delimiter), options);
}

/**
 * Computes the actuals of a table already read (from a CSV by
 * {@link parseCsv}, or from a workbook sheet by `readWorkbook`); detects the
 * export unless `options.mapping` is given. Never throws.
 */
export function importTable(table: CsvTable, options: ImportOptions = {}): Actuals {
  try {
    if (options.mapping) return computeActuals(table, options.mapping, 'custom', options);
    const detected = detectMapping(table.header);
    if (detected) return computeActuals(table, detected.mapping, detected.format, options);
    const dialect = defaultDialect(table, options);
    const errors = [...table.issues];
    if (table.header.length > 0 && table.rows.length === 0) {
      // Nothing to map: the file's own problem (formulas with no stored result …) or "no data rows", not "map by hand".
      if (!errors.some((e) => e.row === null)) errors.push(importIssue(null, 'noRows'));
    } else if (table.header.length > 0) {
      const found = `${table.header.slice(0, 6).join(', ')}${table.header.length > 6 ? ', …' : ''}`;
      errors.push(importIssue(1, table.header.length === 1 ? 'oneColumn' : 'unrecognised', { found }));
    }
    return emptyActuals(table, dialect, errors, null, null);
  } catch (e) {
    return emptyActuals(table, defaultDialect(table, options), [...table.issues, importIssue(null, 'unexpected', { error: String(e) })], null, null);
  }
}

function defaultDialect(table: CsvTable, options: ImportOptions): Dialect {
  const european = table.delimiter === ';' || table.header.some((h) => /fecha|importe|etapa/.test(normalizeText(h)));
  const dialect: Dialect = {
    delimiter: table.delimiter,
    bom: table.bom,
    dateOrder: options.dateOrder ?? (european ? 'dmy' : 'mdy'),
    dateOrderSource: options.dateOrder ? 'option' : 'guess',
    decimalSeparator: options.decimalSeparator ?? (european ? ',' : '.'),
    dateStyle: null,
  };
  if (table.sheet !== undefined) dialect.sheet = table.sheet;
  return dialect;
}

function majority<T extends string>(values: readonly (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/**
 * Computes actuals from a parsed table and a column mapping.
 * @param format label for the result (`custom` for a hand-made mapping)
 */
export function computeActuals(table: CsvTable, mapping: ColumnMapping, format: ExportFormat, options: ImportOptions = {}): Actuals {
  const dialect = defaultDialect(table, options);
  const errors: ImportIssue[] = [...table.issues];
  const warnings: ImportIssue[] = [];
  if (table.header.length === 0) return emptyActuals(table, dialect, errors, format, mapping);

  const col = (name: string | undefined): number | undefined => {
    if (name === undefined) return undefined;
    const i = table.header.indexOf(name.trim());
    if (i < 0) errors.push(importIssue(1, 'missingColumn', { column: name }, name));
    return i;
  };
  const stageCols = STANDARD_STAGE_KEYS.map((k) => col(mapping.stageDates[k]));
  const closeCol = col(mapping.closeDate);
  const amountCol = col(mapping.amount);
  const wonCol = col(mapping.won);
  const closedCol = col(mapping.closed);
  const dealStageCol = col(mapping.dealStage);
  const statusCol = col(mapping.status);
  const currentCol = col(mapping.currentStage);
  if (errors.some((e) => e.row === 1)) return emptyActuals(table, dialect, errors, format, mapping);
  if (table.rows.length === 0) {
    if (!errors.some((e) => e.row === null)) errors.push(importIssue(null, 'noRows'));
    return emptyActuals(table, dialect, errors, format, mapping);
  }

  const dateCols = [...stageCols, closeCol].filter((c): c is number => c !== undefined);
  const dateValues = table.rows.flatMap((r) => dateCols.map((c) => (r.cells[c] ?? '').trim())).filter((v) => v !== '');
  // Values that are no date at all (listed as errors) say nothing about the style.
  const isoCount = dateValues.filter(isIsoDate).length;
  const numericCount = dateValues.filter(isNumericDate).length;
  dialect.dateStyle = isoCount + numericCount === 0 ? null : numericCount === 0 ? 'iso' : isoCount === 0 ? 'numeric' : 'mixed';
  if (!options.dateOrder) {
    const found = majority(table.rows.flatMap((r) => dateCols.map((c) => dateOrderEvidence(r.cells[c] ?? ''))));
    if (found) {
      dialect.dateOrder = found;
      dialect.dateOrderSource = 'data';
    }
  }
  if (!options.decimalSeparator && amountCol !== undefined) {
    // Number cells of a workbook say nothing about how text amounts are written.
    dialect.decimalSeparator =
      majority(table.rows.map((r) => (r.numbers?.[amountCol] !== undefined ? null : decimalEvidence(r.cells[amountCol] ?? '')))) ?? dialect.decimalSeparator;
  }
  const header = table.header;

  const records: RecordData[] = [];
  for (const { row, cells, numbers } of table.rows) {
    if (cells.length !== header.length && !(cells.length > header.length && cells.slice(header.length).every((c) => c.trim() === ''))) {
      errors.push(importIssue(row, 'fieldCount', { found: cells.length, expected: header.length }));
      continue;
    }
    const rowErrors: ImportIssue[] = [];
    const readDate = (c: number | undefined): number | null => {
      if (c === undefined) return null;
      const v = cells[c]!.trim();
      if (v === '') return null;
      const t = parseDateValue(v, dialect.dateOrder);
      if (t === null)
        rowErrors.push(
          importIssue(row, 'notDate', { value: v, column: header[c]!, order: dialect.dateStyle === 'iso' ? 'iso' : dialect.dateOrder }, header[c]!),
        );
      return t;
    };
    const readFlag = (c: number | undefined): boolean | null => {
      if (c === undefined) return null;
      const f = parseFlag(cells[c]!);
      if (f === undefined) rowErrors.push(importIssue(row, 'notFlag', { value: cells[c]!.trim(), column: header[c]! }, header[c]!));
      return f ?? null;
    };
    const dates = stageCols.map(readDate);
    const closeDate = readDate(closeCol);
    let won = readFlag(wonCol);
    let closed = readFlag(closedCol);
    let amount: number | null = null;
    if (amountCol !== undefined && numbers?.[amountCol] !== undefined) {
      amount = numbers[amountCol];
    } else if (amountCol !== undefined && cells[amountCol]!.trim() !== '') {
      amount = parseAmount(cells[amountCol]!, dialect.decimalSeparator);
      if (amount === null) rowErrors.push(importIssue(row, 'notNumber', { value: cells[amountCol]!.trim(), column: header[amountCol]! }, header[amountCol]!));
      else if (!(Number.isFinite(amount) && amount >= 0 && amount <= MAX_IMPORT_AMOUNT)) {
        // Negative (a refund?), infinite (hundreds of digits) or beyond any deal: listed, never averaged into the deal size.
        const value = cells[amountCol]!.trim();
        rowErrors.push(
          importIssue(
            row,
            'amountOutOfRange',
            { value: value.length > 40 ? `${value.slice(0, 40)}…` : value, column: header[amountCol]!, max: MAX_IMPORT_AMOUNT.toLocaleString('en-US') },
            header[amountCol]!,
          ),
        );
        amount = null;
      }
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const outcome =
      (statusCol === undefined ? null : dealOutcome(cells[statusCol]!)) ?? (dealStageCol === undefined ? null : dealOutcome(cells[dealStageCol]!));
    if (outcome) {
      won ??= outcome.won;
      closed ??= outcome.closed;
    }
    if (won) closed = true;
    if (won && dates[CUSTOMER] === null && mapping.stageDates.customer === undefined) dates[CUSTOMER] = closeDate;
    let reached = -1;
    dates.forEach((d, i) => {
      if (d !== null) reached = Math.max(reached, i);
    });
    const current = currentCol === undefined ? null : stageKeyFromName(cells[currentCol]!);
    if (current) reached = Math.max(reached, STANDARD_STAGE_KEYS.indexOf(current));
    if (won) reached = CUSTOMER;
    if (reached < 0) {
      warnings.push(importIssue(row, 'noStage'));
      continue;
    }
    const present = dates.filter((d): d is number => d !== null);
    if (present.some((d, i) => i > 0 && d < present[i - 1]!)) {
      warnings.push(importIssue(row, 'datesOutOfOrder'));
    }
    const stageName = dealStageCol === undefined ? '' : cells[dealStageCol]!.trim();
    records.push({ dates, reached, won, closed, amount, closeDate, stageName: stageName === '' ? null : stageName });
  }

  // Stages present: mapped date columns, plus customer when the export says which deals were won.
  const presentIdx = STANDARD_STAGE_KEYS.map((_, i) => i).filter(
    (i) => stageCols[i] !== undefined || (i === CUSTOMER && (wonCol !== undefined || dealStageCol !== undefined || statusCol !== undefined)),
  );
  const countsOf = (recs: readonly RecordData[]) => presentIdx.map((i) => recs.filter((r) => r.reached >= i).length);
  const rateOf = (counts: readonly number[], j: number) => (j < counts.length - 1 && counts[j]! > 0 ? counts[j + 1]! / counts[j]! : null);

  const counts = countsOf(records);
  const stages: ActualStage[] = presentIdx.map((i, j) => {
    let days: number | null = null;
    if (j < presentIdx.length - 1) {
      const next = presentIdx[j + 1]!;
      const spans: number[] = [];
      for (const r of records) {
        const a = r.dates[i];
        const b = r.dates[next];
        if (a != null && b != null && b >= a) spans.push(daysBetween(a, b));
      }
      days = median(spans);
    }
    return { id: STANDARD_STAGE_KEYS[i]!, count: counts[j]!, rateToNext: rateOf(counts, j), medianDaysToNext: days };
  });
  const medianDaysToNext: Actuals['medianDaysToNext'] = {};
  for (const s of stages.slice(0, -1)) medianDaysToNext[s.id] = s.medianDaysToNext;

  const wonCount = records.filter((r) => r.won).length;
  const closedCount = records.filter((r) => r.closed).length;
  const wonAmounts = records.filter((r) => r.won && r.amount !== null).map((r) => r.amount!);
  const closeSpans: number[] = [];
  for (const r of records) {
    if (!r.closed || r.closeDate === null) continue;
    // The first stage date before the customer one (a won deal's customer date is its close date).
    const start = r.dates.slice(0, CUSTOMER).find((d) => d !== null);
    if (start != null && r.closeDate >= start) closeSpans.push(daysBetween(start, r.closeDate));
  }
  const byStage = new Map<string, DealStageCount>();
  for (const r of records) {
    if (r.stageName === null) continue;
    const entry = byStage.get(r.stageName) ?? { name: r.stageName, count: 0, won: 0, lost: 0, open: 0 };
    entry.count++;
    if (r.won) entry.won++;
    else if (r.closed) entry.lost++;
    else entry.open++;
    byStage.set(r.stageName, entry);
  }
  const dealStages = [...byStage.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  // Cohorts by month of the first present stage's date, with maturity from past records.
  let latest: number | null = null;
  for (const r of records) for (const d of r.dates) if (d !== null && (latest === null || d > latest)) latest = d;
  const asOfDay = options.asOf && /^\d{4}-\d{2}-\d{2}$/.test(options.asOf) ? parseDateValue(options.asOf, 'dmy') : null;
  if (options.asOf && asOfDay === null) errors.push(importIssue(null, 'badAsOf', { value: options.asOf }));
  // An as-of day counts up to its last millisecond.
  const asOf = asOfDay !== null ? asOfDay + DAY_MS - 1 : latest;
  const first = presentIdx[0]!;
  const entryOf = (r: RecordData): number | null =>
    r.dates[first] ?? r.dates.reduce<number | null>((m, d) => (d !== null && (m === null || d < m) ? d : m), null);
  const maturityDays = presentIdx.map((i) => {
    const spans: number[] = [];
    for (const r of records) {
      const a = entryOf(r);
      const b = r.dates[i];
      if (a !== null && b != null && b >= a) spans.push(daysBetween(a, b));
    }
    return percentile(spans, 0.9);
  });
  const byMonth = new Map<string, RecordData[]>();
  for (const r of records) {
    const entry = entryOf(r);
    if (entry === null) continue;
    const month = isoMonth(entry);
    const list = byMonth.get(month);
    if (list) list.push(r);
    else byMonth.set(month, [r]);
  }
  const cohorts: Cohort[] = [...byMonth.keys()].sort().map((month) => {
    const recs = byMonth.get(month)!;
    const c = countsOf(recs);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const monthEnd = Date.UTC(y, m, 1);
    const cohortStages: CohortStage[] = presentIdx.map((i, j) => {
      const wait = j < presentIdx.length - 1 ? maturityDays[j + 1] : null;
      const settled = wait == null || asOf === null || monthEnd + wait * DAY_MS <= asOf;
      return { id: STANDARD_STAGE_KEYS[i]!, count: c[j]!, rateToNext: rateOf(c, j), settled };
    });
    return { month, stages: cohortStages, tooRecent: cohortStages.some((s) => !s.settled) };
  });

  return {
    format,
    mapping,
    stages,
    medianDaysToNext,
    winRate: closedCount > 0 ? wonCount / closedCount : null,
    won: wonCount,
    closed: closedCount,
    lost: closedCount - wonCount,
    medianDaysToClose: median(closeSpans),
    dealStages,
    averageDealSize: wonAmounts.length > 0 ? wonAmounts.reduce((a, b) => a + b, 0) / wonAmounts.length : null,
    cohorts,
    asOf: asOf === null ? null : isoDate(asOf),
    rows: { read: table.rows.length, counted: records.length },
    dialect,
    errors,
    warnings,
  };
}
