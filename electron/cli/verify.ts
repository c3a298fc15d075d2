/**
 * `pacto verify <file.pdf> [--json]`: tells whether an agreement PDF is
 * exactly what Pacto exported (see ../seal/verify.ts for the checks).
 *
 * Exit codes: 0 intact, 1 altered, 2 not a Pacto agreement, 64 usage error,
 * 66 the file cannot be read (sysexits.h `EX_USAGE`, `EX_NOINPUT`).
 */
import { readFileSync } from 'node:fs';
import { formatFingerprint } from '../../shared/agreement/fingerprint';
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

export const VERIFY_EXIT: Record<VerifyStatus | 'usage' | 'no-input', number> = {
  intact: 0,
  altered: 1,
  'not-pacto': 2,
  usage: 64,
  'no-input': 66,
};

export const VERIFY_USAGE = `Usage: pacto verify <file.pdf> [--json]

Checks that an agreement PDF is exactly what Pacto exported: its seal (a PDF
signature over the file's bytes), the embedded agreement snapshot and its
fingerprint, the fingerprint printed in the document and the one recorded with
the signatures. The seal proves integrity, not identity.

  --json   print the full report as JSON (status, fingerprint, version, signatories, seal, reasons)

Exit status: 0 intact, 1 altered, 2 not a Pacto agreement, 64 usage error, 66 unreadable file.
`;

const HEADLINE: Record<VerifyStatus, string> = {
  intact: 'INTACT: this is exactly the agreement Pacto exported.',
  altered: 'ALTERED: this Pacto agreement was changed after export.',
  'not-pacto': 'NOT A PACTO AGREEMENT.',
};

/** The report as text for a terminal. */
export function formatVerifyReport(file: string, r: VerifyReport): string {
  const lines = [`${HEADLINE[r.status]}  (${file})`];
  if (r.agreement) {
    lines.push(`  Agreement:    ${r.agreement.title} (${r.agreement.company}), version ${r.version}, frozen ${r.agreement.frozenAt}`);
  }
  if (r.fingerprint) lines.push(`  Fingerprint:  ${formatFingerprint(r.fingerprint)}`);
  if (r.seal.present) {
    const state = r.seal.intact ? 'intact' : 'broken';
    lines.push(`  Seal:         ${state}, by "${r.seal.signer ?? 'unknown'}" (certificate SHA-256 ${r.seal.certificateSha256 ?? 'unknown'}); integrity, not identity`);
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
  return `${lines.join('\n')}\n`;
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
  const json = args.includes('--json');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const files = args.filter((a) => !a.startsWith('-'));
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
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : e instanceof Error ? e.message : String(e);
    io.err(`pacto verify: cannot read ${file}: ${why}\n`);
    return VERIFY_EXIT['no-input'];
  }
  const report = await verifyAgreementPdf(bytes);
  io.out(json ? `${JSON.stringify({ file, ...report }, null, 2)}\n` : formatVerifyReport(file, report));
  return VERIFY_EXIT[report.status];
}
