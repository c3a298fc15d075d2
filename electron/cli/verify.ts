/**
 * `pacto verify <file.pdf> [--workshop <file.pacto>] [--json]`: tells whether
 * an agreement PDF is exactly what Pacto exported (see ../seal/verify.ts for
 * the checks) and, with `--workshop`, whether it is exactly that workshop's
 * version N, signed by those people, sealed by the key recorded for it
 * (shared/agreement/workshop-match.ts).
 *
 * Exit codes: 0 intact (and, with --workshop, matching it), 1 altered,
 * 2 not a Pacto agreement, 3 too large to check, 4 intact but not matching the
 * workshop, 5 matching the workshop's content and signatures but the workshop
 * recorded no seal key for that version, 64 usage error, 65 the workshop file
 * is not a readable .pacto, 66 a file cannot be read (sysexits.h `EX_USAGE`,
 * `EX_DATAERR`, `EX_NOINPUT`). Times are printed in UTC, saying so;
 * signatures with the signer's offset and zone.
 */
import { readFileSync } from 'node:fs';
import { formatFingerprint } from '../../shared/agreement/fingerprint';
import { matchWorkshop, type WorkshopMatch } from '../../shared/agreement/workshop-match';
import { decodePactoFile } from '../../shared/file/pacto-file';
import { verifyAgreementPdf, type VerifyReport, type VerifyStatus } from '../seal/verify';

/**
 * What `runVerify` needs from the outside world, injected so tests need no
 * files or process. The same shape as the `pacto` entry's `CliIo` (./main.ts),
 * so the entry passes its own.
 */
export interface VerifyIo {
  /** The file's bytes; throws (e.g. ENOENT) when it cannot be read. */
  readBytes(path: string): Uint8Array;
  out(text: string): void;
  err(text: string): void;
}

/** {@link VerifyIo} on the real file system and process streams. */
export const nodeVerifyIo: VerifyIo = {
  readBytes: (path) => new Uint8Array(readFileSync(path)),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export const VERIFY_EXIT: Record<VerifyStatus | 'workshop-mismatch' | 'workshop-unconfirmed' | 'usage' | 'bad-workshop' | 'no-input', number> = {
  intact: 0,
  altered: 1,
  'not-pacto': 2,
  'too-large': 3,
  'workshop-mismatch': 4,
  'workshop-unconfirmed': 5,
  usage: 64,
  'bad-workshop': 65,
  'no-input': 66,
};

export const VERIFY_USAGE = `Usage: pacto verify <file.pdf> [--workshop <file.pacto>] [--json]

Checks that an agreement PDF is exactly what Pacto exported: its seal (one PDF
signature over all of the file's bytes), the visible text of every page, the
embedded agreement snapshot and its fingerprint, the fingerprint printed in the
document and the one recorded with the signatures. It names the key that
sealed the file. The seal proves integrity, not identity: a complete forgery
re-sealed with a new key is intact by itself, and is caught only by comparing
with a copy you trust, such as the workshop file:

  --workshop <file.pacto>   also check the PDF is exactly that workshop's version,
                            signed by the same people, sealed by the key recorded for it
  --json                    print the full report as JSON (status, fingerprint, version,
                            signatories, seal, pageText, reasons; workshop with --workshop)

Exit status: 0 intact (and matching the workshop), 1 altered, 2 not a Pacto agreement,
3 too large to check, 4 intact but not that workshop's version, 5 matches the workshop
but it recorded no seal key, 64 usage error, 65 unreadable workshop file, 66 unreadable file.
`;

const HEADLINE: Record<VerifyStatus, string> = {
  intact: 'INTACT: this is exactly the agreement as sealed.',
  altered: 'ALTERED: this Pacto agreement was changed after export.',
  'not-pacto': 'NOT A PACTO AGREEMENT.',
  'too-large': 'NOT CHECKED: the file is too large.',
};

const WORKSHOP_LINE: Record<WorkshopMatch['status'], string> = {
  match: 'MATCHES',
  mismatch: 'DOES NOT MATCH',
  unconfirmed: 'MATCHES IN CONTENT AND SIGNATURES; SEAL KEY NOT RECORDED',
};

/** An ISO instant as `2026-11-30 17:00:00 UTC`: a time with no zone is never printed. */
export function utcText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** What the seal report says about the key, in words. */
function keyText(r: VerifyReport, workshop: WorkshopMatch | null): string {
  if (r.seal.key === 'own') return "this installation's own key";
  if (workshop?.status === 'match') return 'the key the workshop recorded for this version';
  return 'a key not known here: compare with a copy you trust (--workshop file.pacto)';
}

/** The report as text for a terminal. */
export function formatVerifyReport(file: string, r: VerifyReport, workshop: WorkshopMatch | null = null, workshopFile = ''): string {
  // An intact PDF that is not the workshop's version must not read as good news first.
  const headline =
    r.status === 'intact' && workshop?.status === 'mismatch'
      ? `DOES NOT MATCH THE WORKSHOP: intact as sealed, but not a version frozen in ${workshopFile || 'the workshop file'}.`
      : HEADLINE[r.status];
  const lines = [`${headline}  (${file})`];
  if (r.agreement) {
    lines.push(`  Agreement:    ${r.agreement.title} (${r.agreement.company}), version ${r.version}, frozen ${utcText(r.agreement.frozenAt)}`);
  }
  if (r.fingerprint) lines.push(`  Fingerprint:  ${formatFingerprint(r.fingerprint)}`);
  if (r.seal.present) {
    const state = r.seal.intact ? 'intact' : 'broken';
    const when = r.seal.signingTime ? `, sealed ${utcText(r.seal.signingTime)}` : '';
    lines.push(`  Seal:         ${state}, by "${r.seal.signer ?? 'unknown'}"${when}; integrity, not identity`);
    if (r.seal.keyFingerprint) lines.push(`  Seal key:     ${formatFingerprint(r.seal.keyFingerprint)} (${keyText(r, workshop)})`);
  }
  if (r.pageText.status === 'match') lines.push(`  Page text:    every page (${r.pageText.pageCount}) shows the text that was exported`);
  if (r.pageText.status === 'not-recorded') {
    lines.push('  Page text:    not checked: exported by an earlier Pacto, which recorded no page text (the seal and the content were checked)');
  }
  if (r.signatories.length > 0) {
    lines.push('  Signatories:');
    for (const s of r.signatories) {
      const who = `${s.name}${s.title ? `, ${s.title}` : ''} (${s.team})`;
      lines.push(`    ${who}: ${s.signed ? `signed ${s.signedAt} ${s.timeZone}` : 'no signature recorded'}`);
    }
  }
  if (r.reasons.length > 0) {
    lines.push('  Findings:');
    for (const reason of r.reasons) lines.push(`    - ${reason.message} [${reason.code}]`);
  }
  if (workshop) {
    const version = workshop.version === null ? '' : ` version ${workshop.version}`;
    lines.push(`  Workshop:     ${WORKSHOP_LINE[workshop.status]} ${workshopFile}${version}`);
    for (const f of workshop.findings) lines.push(`    - ${f.message} [${f.code}]`);
  }
  return `${lines.join('\n')}\n`;
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : e instanceof Error ? e.message : String(e);
}

/**
 * Runs `pacto verify` with `args` (the arguments after `verify`) and returns
 * the exit code. Prints the report (text or `--json`) to stdout; usage and
 * read errors to stderr. Never throws for bad input.
 */
export async function runVerify(args: readonly string[], io: VerifyIo = nodeVerifyIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  const rest = [...args];
  let workshopFile: string | null = null;
  const at = rest.indexOf('--workshop');
  if (at >= 0) {
    workshopFile = rest[at + 1] ?? null;
    if (!workshopFile || workshopFile.startsWith('-')) {
      io.err(`pacto verify: --workshop needs a .pacto file\n\n${VERIFY_USAGE}`);
      return VERIFY_EXIT.usage;
    }
    rest.splice(at, 2);
  }
  const json = rest.includes('--json');
  const unknown = rest.filter((a) => a.startsWith('-') && a !== '--json');
  const files = rest.filter((a) => !a.startsWith('-'));
  if (unknown.length > 0 || files.length !== 1) {
    const problem = unknown.length > 0 ? `unknown option ${unknown[0]}` : files.length === 0 ? 'no file given' : 'give one file at a time';
    io.err(`pacto verify: ${problem}\n\n${VERIFY_USAGE}`);
    return VERIFY_EXIT.usage;
  }
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(file);
  } catch (e) {
    io.err(`pacto verify: cannot read ${file}: ${readError(e)}\n`);
    return VERIFY_EXIT['no-input'];
  }
  let workshop: WorkshopMatch | null = null;
  let evidence: Parameters<typeof matchWorkshop>[1] | null = null;
  if (workshopFile) {
    let workshopBytes: Uint8Array;
    try {
      workshopBytes = io.readBytes(workshopFile);
    } catch (e) {
      io.err(`pacto verify: cannot read ${workshopFile}: ${readError(e)}\n`);
      return VERIFY_EXIT['no-input'];
    }
    const decoded = decodePactoFile(workshopBytes);
    if (!decoded.ok) {
      io.err(`pacto verify: ${workshopFile} is not a workshop Pacto can read: ${decoded.error.message}\n`);
      return VERIFY_EXIT['bad-workshop'];
    }
    evidence = decoded.value;
  }
  const report = await verifyAgreementPdf(bytes);
  if (evidence) {
    workshop = matchWorkshop(report, evidence);
    if (workshop.status === 'match' && report.seal.key === 'unknown') report.seal.key = 'workshop';
  }
  io.out(
    json
      ? `${JSON.stringify({ file, ...report, ...(workshop ? { workshop } : {}) }, null, 2)}\n`
      : formatVerifyReport(file, report, workshop, workshopFile ?? ''),
  );
  if (report.status !== 'intact' || !workshop) return VERIFY_EXIT[report.status];
  return workshop.status === 'match'
    ? VERIFY_EXIT.intact
    : workshop.status === 'unconfirmed'
      ? VERIFY_EXIT['workshop-unconfirmed']
      : VERIFY_EXIT['workshop-mismatch'];
}
