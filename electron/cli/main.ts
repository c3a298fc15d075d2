/**
 * `pacto` command line: `pacto plan <scenario.json> [--json]` prints the
 * volume each stage needs and the monthly plan; `pacto actuals <export>
 * [--json] [--sheet NAME]` prints what an import of a CRM export (CSV, or an
 * .xlsx/.xls workbook) computes; `pacto verify
 * <file.pdf> [--json]` checks an agreement PDF (./verify.ts, with its own
 * exit codes); `pacto inspect <file.pacto> [--json]` summarises a workshop
 * file and whether its signed versions verify (./inspect.ts); `pacto plan`
 * also takes a `.pacto` file and plans its agreed scenario. The file reading and decoding happen here; all computing is
 * in `shared/` (pure).
 *
 * The commands that read workshop files or PDFs (inspect, export, verify, plan of a
 * `.pacto`) load their modules when run, so `pacto plan <scenario.json>` and
 * `pacto actuals` never load Yjs or the PDF reader (test/unit/cli-pacto.test.ts checks it).
 *
 * Exit codes of plan, actuals and inspect: 0 done (an import may still list unreadable rows); 1 the input
 * could not be used (missing file, invalid scenario, no figures from the
 * export); 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { importActuals, importTable, type ImportOptions } from '../../shared/import/actuals';
import { decodeText, workbookContainer } from '../../shared/import/decode';
import { readWorkbook } from '../../shared/import/workbook';
import { columnMappingSchema } from '../../shared/import/mapping';
import { planScenario } from '../../shared/model/plan';
import { ModelInputError } from '../../shared/model/reverse-funnel';
import { parseScenario } from '../../shared/model/scenario';
import { formatActuals, formatPlan } from './format';
import { EXPORT_USAGE } from './export-usage';
import { agreedScenarioPlan } from '../../shared/model/workshop-scenarios';
import { PACTO_FILE_EXTENSION, PACTO_FILE_FORMAT } from '../../shared/file/pacto-file-format';

/** What the CLI needs from its surroundings, injected so tests run it in-process. */
export interface CliIo {
  /** The file's bytes; throws (e.g. ENOENT) when it cannot be read. */
  readBytes(path: string): Uint8Array;
  /** Writes a file, creating missing folders (`pacto export`); throws when it cannot. */
  writeBytes?(path: string, data: Uint8Array): void;
  out(text: string): void;
  err(text: string): void;
}

export const USAGE = `Usage:
  pacto plan <scenario.json | workshop.pacto> [--json]
      Volume each stage needs to reach the scenario's revenue target, and the monthly plan.
      With a .pacto file, its agreed scenario.
  pacto actuals <export.csv|.xlsx|.xls> [--json] [--sheet NAME] [--mapping <mapping.json>]
                [--date-order dmy|mdy] [--decimal , | --decimal .] [--as-of YYYY-MM-DD]
      Actual counts, rates, days between stages, win rate and deal size from a
      HubSpot contacts export, a Salesforce opportunities report, a Pipedrive,
      Zoho CRM or Dynamics 365 deal export, or any table with a mapping. A
      workbook is read from its first worksheet, or the one --sheet names.
  pacto inspect <workshop.pacto> [--json]
      What a workshop file holds (workshop, stages, terms, SLA, scenarios) and, for
      each frozen version, its fingerprint, signatories and whether it verifies.
  pacto verify <file.pdf> [--workshop <file.pacto>] [--json]
      Whether an agreement PDF is exactly what Pacto exported: its seal and key, the
      text of every page, embedded snapshot and fingerprint; with --workshop, whether it
      is exactly that workshop's version. Exits 0 intact, 1 altered, 2 not a Pacto
      agreement (pacto verify --help for the rest).
${EXPORT_USAGE.replace(/^Usage: /, '  ').split('\n')[0]}
      What the workshop agreed, for people (json, md) and CRMs (csv, hubspot, salesforce).
  pacto help
`;

/** Decodes an export's bytes (see shared/import/decode.ts); exported here for the CLI's tests. */
export { decodeText };

function readFileBytes(io: CliIo, path: string, what: string): Uint8Array | null {
  try {
    return io.readBytes(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(`Cannot read the ${what} ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.\n`);
    return null;
  }
}

function readText(io: CliIo, path: string, what: string): string | null {
  const bytes = readFileBytes(io, path, what);
  return bytes === null ? null : decodeText(bytes);
}

function readJson(io: CliIo, path: string, what: string): { ok: true; value: unknown } | { ok: false } {
  const text = readText(io, path, what);
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\ufeff/, '')) as unknown };
  } catch (e) {
    io.err(`The ${what} ${path} is not valid JSON: ${(e as Error).message}\n`);
    return { ok: false };
  }
}

/** True for a `.pacto` name, or bytes whose JSON names the Pacto workshop format. */
function isPactoFile(io: CliIo, file: string): boolean {
  if (file.toLowerCase().endsWith(PACTO_FILE_EXTENSION)) return true;
  try {
    const head = decodeText(io.readBytes(file).subarray(0, 256));
    return new RegExp(`"format"\\s*:\\s*"${PACTO_FILE_FORMAT}"`).test(head);
  } catch {
    return false;
  }
}

/** `pacto plan <workshop.pacto>`: the workshop's agreed scenario, planned as the app plans it. */
async function planWorkshop(io: CliIo, file: string, json: boolean): Promise<number> {
  const { readPactoFile } = await import('./inspect');
  const workshop = readPactoFile(io, file);
  if (!workshop) return 1;
  const planned = agreedScenarioPlan(workshop.content);
  if (!planned.ok) {
    io.err(
      `The agreed scenario "${planned.scenario.name}" of ${file} cannot be planned: ${planned.message} (${planned.field.replace(/^chain\./, 'stages.')})\n`,
    );
    return 1;
  }
  io.out(json ? `${JSON.stringify({ scenario: planned.scenario, plan: planned.plan }, null, 2)}\n` : formatPlan(planned.scenario, planned.plan));
  return 0;
}

function plan(io: CliIo, file: string, json: boolean): number | Promise<number> {
  if (isPactoFile(io, file)) return planWorkshop(io, file, json);
  const read = readJson(io, file, 'scenario file');
  if (!read.ok) return 1;
  const parsed = parseScenario(read.value);
  if (!parsed.ok) {
    io.err(`The scenario file ${file} is not valid:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 1;
  }
  try {
    const result = planScenario(parsed.scenario);
    io.out(json ? `${JSON.stringify({ scenario: parsed.scenario, plan: result }, null, 2)}\n` : formatPlan(parsed.scenario, result));
    return 0;
  } catch (e) {
    if (e instanceof ModelInputError) {
      io.err(`The scenario file ${file} cannot be planned: ${e.message} (${e.field.replace(/^chain\./, 'stages.')})\n`);
      return 1;
    }
    throw e;
  }
}

function actuals(io: CliIo, file: string, values: Record<string, string | boolean | undefined>): number {
  const options: ImportOptions = {};
  if (typeof values.mapping === 'string') {
    const read = readJson(io, values.mapping, 'mapping file');
    if (!read.ok) return 1;
    const mapping = columnMappingSchema.safeParse(read.value);
    if (!mapping.success) {
      io.err(
        `The mapping file ${values.mapping} is not valid:\n${mapping.error.issues.map((i) => `  ${i.path.join('.') || '(mapping)'}: ${i.message}`).join('\n')}\n`,
      );
      return 1;
    }
    options.mapping = mapping.data;
  }
  const order = values['date-order'];
  if (order !== undefined) {
    if (order !== 'dmy' && order !== 'mdy') return usage(io, `--date-order must be dmy or mdy, not ${String(order)}`);
    options.dateOrder = order;
  }
  const decimal = values.decimal;
  if (decimal !== undefined) {
    if (decimal !== ',' && decimal !== '.') return usage(io, `--decimal must be , or ., not ${String(decimal)}`);
    options.decimalSeparator = decimal;
  }
  if (typeof values['as-of'] === 'string') options.asOf = values['as-of'];
  const bytes = readFileBytes(io, file, 'export');
  if (bytes === null) return 1;
  const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
  let result;
  if (workbookContainer(bytes)) {
    result = importTable(readWorkbook(bytes, sheet === undefined ? {} : { sheet }).table, options);
  } else {
    if (sheet !== undefined) {
      io.err(`${file} is a text (CSV) file, not a workbook: --sheet applies only to .xlsx and .xls files.\n`);
      return 1;
    }
    result = importActuals(decodeText(bytes), options);
  }
  io.out(json(values) ? `${JSON.stringify(result, null, 2)}\n` : formatActuals(file, result));
  return result.stages.length > 0 ? 0 : 1;
}

const json = (values: Record<string, unknown>) => values.json === true;

function usage(io: CliIo, problem?: string): number {
  io.err(`${problem ? `${problem}\n\n` : ''}${USAGE}`);
  return 2;
}

/**
 * Runs the command line on `argv` (without `node` and the script); returns
 * the exit code: at once for `plan <scenario.json>`, `actuals`, help and
 * usage errors, as a promise for the commands that load their module first
 * (inspect, export, plan of a `.pacto`, and `verify`, whose options and exit
 * codes are its own, see ./verify.ts).
 */
export function runCli(argv: readonly string[], io: CliIo): number | Promise<number> {
  if (argv[0] === 'verify') return import('./verify').then(({ runVerify }) => runVerify(argv.slice(1), io));
  if (argv[0] === 'export') {
    const writeBytes =
      io.writeBytes ??
      (() => {
        throw new Error('this command line cannot write files');
      });
    return import('./export').then(({ runExport }) => runExport(argv.slice(1), { ...io, writeBytes }));
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        mapping: { type: 'string' },
        'date-order': { type: 'string' },
        decimal: { type: 'string' },
        'as-of': { type: 'string' },
        sheet: { type: 'string' },
      },
    });
  } catch (e) {
    // Node's own text for an unknown option ends with an unbalanced quote: say it plainly instead.
    const error = e as Error & { code?: string };
    const option = /'([^']+)'/.exec(error.message)?.[1];
    if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      // The example names the command typed (plan, actuals, inspect), or actuals when none is known yet.
      const example = ['plan', 'actuals', 'inspect'].includes(argv[0] ?? '') ? argv[0] : 'actuals';
      return usage(io, `Unknown option ${option}. To give a file whose name starts with "-", put it after "--" (e.g. pacto ${example} -- ${option}).`);
    }
    return usage(io, error.message);
  }
  const [command, file, ...extra] = parsed.positionals;
  if (parsed.values.help || command === 'help' || command === undefined) {
    if (command === undefined && !parsed.values.help) return usage(io);
    io.out(USAGE);
    return 0;
  }
  if (command !== 'plan' && command !== 'actuals' && command !== 'inspect') return usage(io, `Unknown command: ${command}`);
  if (file === undefined) return usage(io, `pacto ${command} needs a file.`);
  if (extra.length > 0) return usage(io, `Unexpected arguments: ${extra.join(' ')}`);
  if (command === 'inspect') {
    if (parsed.values.mapping || parsed.values['date-order'] || parsed.values.decimal || parsed.values['as-of']) {
      return usage(io, 'pacto inspect takes only --json.');
    }
    const asJson = json(parsed.values);
    return import('./inspect').then(({ runInspect }) => runInspect(io, file, asJson));
  }
  if (command === 'plan') {
    if (parsed.values.mapping || parsed.values['date-order'] || parsed.values.decimal || parsed.values['as-of'] || parsed.values.sheet) {
      return usage(io, 'pacto plan takes only --json.');
    }
    return plan(io, file, json(parsed.values));
  }
  return actuals(io, file, parsed.values);
}
