/**
 * `pacto inspect <file.pacto> [--json]`: what a workshop file holds and
 * whether its signed versions verify, without the app. The file is read
 * with the app's own decoder (`shared/file/pacto-file.ts`: every part
 * validated, the Yjs document migrated and read); for each version the
 * fingerprint is recomputed from the stored snapshot and each signature is
 * checked to name that version and that fingerprint.
 *
 * Exit codes as `plan` and `actuals`: 0 done, 1 the file could not be used
 * (missing, not a Pacto file, damaged, made by a newer Pacto), 2 wrong usage.
 */
import { decodePactoFile, type PactoFile } from '../../shared/file/pacto-file';
import { sha256Hex, formatFingerprint } from '../../shared/agreement/fingerprint';
import { readSnapshot, requiredSigners, type AgreementVersion } from '../../shared/agreement/version';
import { verifyChain } from '../../shared/agreement/audit';
import { agreedScenarioId, workshopScenarios } from '../../shared/model/workshop-scenarios';
import { table } from './format';

/** One signatory of a version: who must sign, and whether and when they did (with the zone). */
export interface InspectSignatory {
  participantId: string;
  name: string;
  team: string;
  signed: boolean;
  signedAt: string | null;
  timeZone: string | null;
}

/** One frozen version as `inspect` reports it. */
export interface InspectVersion {
  number: number;
  fingerprint: string;
  frozenAt: string;
  /** `signed`: every signatory signed this fingerprint; `partly-signed`; `unsigned`. */
  standing: 'signed' | 'partly-signed' | 'unsigned';
  signatories: InspectSignatory[];
  /** The fingerprint recomputed from the stored snapshot equals the recorded one, and every signature names it. */
  verifies: boolean;
  /** Why it does not verify (empty when it does). */
  problems: string[];
}

/** What `pacto inspect --json` prints. */
export interface InspectReport {
  file: string;
  format: { name: string; version: number; schemaVersion: number; appVersion: string; migrated: string[] };
  workshop: {
    id: string;
    title: string;
    company: string;
    date: string;
    language: string;
    currency: string;
    createdAt: string;
    modifiedAt: string;
  };
  participants: number;
  stages: { id: string; name: string; ownerTeam: string }[];
  terms: { id: string; name: string; acronym: string }[];
  slaCommitments: { id: string; party: string; commitment: string; target: number; unit: string; period: string }[];
  scenarios: { id: string; name: string; kind: string; agreed: boolean }[];
  versions: InspectVersion[];
  audit: { events: number; intact: boolean };
}

function inspectVersion(file: PactoFile, version: AgreementVersion): InspectVersion {
  const problems: string[] = [];
  if (sha256Hex(version.snapshotJson) !== version.fingerprint) problems.push('the fingerprint recomputed from the snapshot differs from the recorded one');
  let signers: { id: string; name: string; team: string }[] = [];
  try {
    signers = requiredSigners(readSnapshot(version));
  } catch {
    problems.push('the snapshot is not a valid Pacto agreement');
  }
  const own = file.signatures.filter((s) => s.versionId === version.id);
  for (const s of own) if (s.fingerprint !== version.fingerprint) problems.push(`the signature of ${s.name} names another fingerprint`);
  const bound = own.filter((s) => s.fingerprint === version.fingerprint);
  const signatories = signers.map((p): InspectSignatory => {
    const s = bound.find((x) => x.participantId === p.id);
    return { participantId: p.id, name: p.name, team: p.team, signed: Boolean(s), signedAt: s?.signedAt ?? null, timeZone: s?.timeZone ?? null };
  });
  const count = signatories.filter((s) => s.signed).length;
  const standing = signatories.length > 0 && count === signatories.length ? 'signed' : count > 0 ? 'partly-signed' : 'unsigned';
  return {
    number: version.number,
    fingerprint: version.fingerprint,
    frozenAt: version.frozenAt,
    standing,
    signatories,
    verifies: problems.length === 0,
    problems,
  };
}

/** The report of a decoded file; `path` is only echoed. */
export function inspectReport(path: string, file: PactoFile): InspectReport {
  const c = file.content;
  const agreed = agreedScenarioId(c);
  return {
    file: path,
    format: { name: file.format, version: file.formatVersion, schemaVersion: file.schemaVersion, appVersion: file.appVersion, migrated: file.migrated },
    workshop: {
      id: file.workshopId,
      title: c.meta.title,
      company: c.meta.company,
      date: c.meta.date,
      language: c.meta.language,
      currency: c.meta.currency,
      createdAt: file.createdAt,
      modifiedAt: file.modifiedAt,
    },
    participants: c.participants.length,
    stages: c.funnels.agreed.stages.map(({ id, name, ownerTeam }) => ({ id, name, ownerTeam })),
    terms: c.terms.map(({ id, name, acronym }) => ({ id, name, acronym })),
    slaCommitments: c.sla.commitments.map(({ id, party, commitment, target, unit, period }) => ({ id, party, commitment, target, unit, period })),
    scenarios: workshopScenarios(c).map(({ id, name, kind }) => ({ id, name, kind, agreed: id === agreed })),
    versions: file.versions.map((v) => inspectVersion(file, v)),
    audit: { events: file.audit.length, intact: verifyChain(file.audit).ok },
  };
}

const STANDING: Record<InspectVersion['standing'], string> = { signed: 'signed', 'partly-signed': 'partly signed', unsigned: 'not signed' };

/** The report as text for a terminal. */
export function formatInspect(r: InspectReport): string {
  const w = r.workshop;
  const out = [
    `${w.title} — ${w.company}  (${r.file})`,
    `Workshop ${w.id} · ${w.date} · ${w.language} · ${w.currency} · created ${w.createdAt} · modified ${w.modifiedAt}`,
    `File format ${r.format.version}, document layout ${r.format.schemaVersion}${r.format.migrated.length > 0 ? ` (read through ${r.format.migrated.join(', ')})` : ''}, written by Pacto ${r.format.appVersion}`,
    '',
    `Participants: ${r.participants}`,
    `Agreed funnel: ${r.stages.length} stages${r.stages.length > 0 ? ` — ${r.stages.map((s) => s.name).join(' → ')}` : ''}`,
    `Glossary: ${r.terms.length} terms${r.terms.length > 0 ? ` — ${r.terms.map((t) => t.acronym || t.name).join(', ')}` : ''}`,
    `SLA: ${r.slaCommitments.length} commitments`,
    `Scenarios: ${r.scenarios.map((s) => `${s.name}${s.agreed ? ' (agreed)' : ''}`).join(', ')}`,
    `Audit trail: ${r.audit.events} events, ${r.audit.intact ? 'hash chain intact' : 'HASH CHAIN BROKEN'}`,
    '',
  ];
  if (r.versions.length === 0) out.push('Versions: none frozen yet');
  else {
    out.push('Versions:');
    out.push(
      table(
        ['#', 'Fingerprint', 'Frozen', 'Standing', 'Verifies'],
        r.versions.map((v) => [String(v.number), formatFingerprint(v.fingerprint), v.frozenAt, STANDING[v.standing], v.verifies ? 'yes' : 'NO']),
      ),
    );
    for (const v of r.versions) {
      for (const s of v.signatories) {
        out.push(`  v${v.number} ${s.name} (${s.team}): ${s.signed ? `signed ${s.signedAt} ${s.timeZone}` : 'not signed'}`);
      }
      for (const p of v.problems) out.push(`  v${v.number} does not verify: ${p}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** What the inspect command needs: the bytes of a file and the two output streams. */
export interface InspectIo {
  readBytes(path: string): Uint8Array;
  out(text: string): void;
  err(text: string): void;
}

/**
 * Reads and decodes `.pacto` bytes for a command; prints the error and
 * returns null when the file cannot be read or is not an openable workshop.
 */
export function readPactoFile(io: InspectIo, path: string): PactoFile | null {
  let bytes: Uint8Array;
  try {
    bytes = io.readBytes(path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(`Cannot read the workshop file ${path}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.\n`);
    return null;
  }
  const decoded = decodePactoFile(bytes);
  if (!decoded.ok) {
    const e = decoded.error;
    io.err(`${path}: ${e.message}${e.code === 'damaged' && e.part ? ` (damaged part: ${e.part})` : ''}\n`);
    return null;
  }
  return decoded.value;
}

/** `pacto inspect`: prints the report (or JSON); returns the exit code. */
export function runInspect(io: InspectIo, path: string, json: boolean): number {
  const file = readPactoFile(io, path);
  if (!file) return 1;
  const report = inspectReport(path, file);
  io.out(json ? `${JSON.stringify(report, null, 2)}\n` : formatInspect(report));
  return 0;
}
