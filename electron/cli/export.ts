/**
 * `pacto export <file.pacto> --format json|md|csv|hubspot|salesforce
 * [--out DIR] [--draft]`: what a workshop file agreed (its latest frozen
 * version; the working copy with `--draft` or when nothing is frozen), as files for people and CRMs
 * (the formats are made by shared/crm/handback.ts, the same the app's Export
 * step saves). `json` and `md` are one file each and print to standard
 * output unless `--out` is given; the other formats write their files into
 * `--out` (default: the current folder) and list them.
 *
 * Exit codes as `plan` and `actuals`: 0 done, 1 the input could not be used
 * (not a readable .pacto file, a file that cannot be written), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { HANDBACK_FORMATS, handbackFiles, type HandbackFormat } from '../../shared/crm/handback';
import { readSnapshot } from '../../shared/agreement/version';
import { decodePactoFile } from '../../shared/file/pacto-file';
import { EXPORT_USAGE } from './export-usage';

/** What `runExport` needs from the outside: the `pacto` entry's io plus writing a file (creating its folder). */
export interface ExportIo {
  readBytes(path: string): Uint8Array;
  /** Writes the file, creating missing folders; throws (e.g. EACCES) when it cannot. */
  writeBytes(path: string, data: Uint8Array): void;
  out(text: string): void;
  err(text: string): void;
}

const joinPath = (dir: string, name: string) => (dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}/${name}`);

/** Runs `pacto export` on its arguments (after the word `export`); returns the exit code. */
export function runExport(argv: readonly string[], io: ExportIo): number {
  const usage = (problem?: string) => {
    io.err(`${problem ? `${problem}\n\n` : ''}${EXPORT_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string' }, out: { type: 'string' }, draft: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  if (parsed.values.help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) return usage('pacto export needs a .pacto file.');
  if (extra.length > 0) return usage(`Unexpected arguments: ${extra.join(' ')}`);
  const format = parsed.values.format;
  if (format === undefined) return usage('pacto export needs --format.');
  if (!(HANDBACK_FORMATS as readonly string[]).includes(format)) return usage(`--format must be one of ${HANDBACK_FORMATS.join(', ')}, not ${format}.`);

  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(`Cannot read the workshop file ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.\n`);
    return 1;
  }
  const decoded = decodePactoFile(bytes);
  if (!decoded.ok) {
    io.err(`${file} cannot be exported: ${decoded.error.message}\n`);
    return 1;
  }
  const latest = decoded.value.versions.at(-1);
  const draft = !latest || parsed.values.draft === true;
  const content = draft ? decoded.value.content : readSnapshot(latest).content;
  if (!latest) io.err('No version is frozen: exporting the working copy (draft).\n');
  const files = handbackFiles(content, format as HandbackFormat, { draft });
  const out = parsed.values.out;
  if (out === undefined && files.length === 1) {
    io.out(new TextDecoder().decode(files[0]!.bytes));
    return 0;
  }
  const dir = out ?? '.';
  const written: string[] = [];
  for (const f of files) {
    const path = joinPath(dir, f.name);
    try {
      io.writeBytes(path, f.bytes);
    } catch (e) {
      const code = (e as { code?: string }).code;
      io.err(
        `Cannot write ${path}${code ? ` (${code})` : ''}: ${(e as Error).message}\n${written.length > 0 ? `Written before the failure: ${written.join(', ')}\n` : ''}`,
      );
      return 1;
    }
    written.push(path);
  }
  io.out(`${written.map((p) => `wrote ${p}`).join('\n')}\n`);
  return 0;
}
