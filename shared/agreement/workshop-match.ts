/**
 * Comparing a verified agreement PDF with a workshop the reader trusts (the
 * `.pacto` file, or the workshop open in the app): is the PDF exactly that
 * workshop's version N, signed by those people, sealed by the key recorded
 * when that version was exported? This is what tells a complete forgery —
 * rebuilt and re-sealed with a new key, intact by itself — from the real
 * file: its key is not the one the workshop recorded.
 *
 * The key is recorded by the audit trail's `exported` event
 * (`details.sealKey`, SHA-256 hex of the seal key); workshops whose exports
 * predate that record can confirm the content and the signatures, not the
 * key (`unconfirmed`).
 */
import type { PdfVerdict } from '../bridge/contract';
import type { AuditEvent } from './audit';
import type { AgreementVersion, Signature } from './version';

/** What a workshop contributes to the comparison (a decoded `.pacto` file, or the open workshop's rows). */
export interface WorkshopEvidence {
  workshopId: string;
  versions: readonly Pick<AgreementVersion, 'id' | 'number' | 'fingerprint'>[];
  signatures: readonly Pick<Signature, 'versionId' | 'participantId' | 'name' | 'signedAt' | 'fingerprint'>[];
  audit: readonly Pick<AuditEvent, 'type' | 'details'>[];
}

export type WorkshopFindingCode =
  'not-intact' | 'other-workshop' | 'no-such-version' | 'fingerprint-differs' | 'signatures-differ' | 'seal-key-differs' | 'seal-key-not-recorded';

export interface WorkshopFinding {
  code: WorkshopFindingCode;
  /** English detail (the UI translates the code). */
  message: string;
}

/** The outcome of {@link matchWorkshop}. */
export interface WorkshopMatch {
  /**
   * `match`: exactly the workshop's version, its signatures, sealed by a key
   * recorded for it; `mismatch`: something differs (see `findings`);
   * `unconfirmed`: content and signatures match, but the workshop recorded no
   * seal key for that version (exported by an earlier Pacto).
   */
  status: 'match' | 'mismatch' | 'unconfirmed';
  /** The workshop version compared with. */
  version: number | null;
  /** Seal keys (SHA-256 hex) recorded by the workshop's exports of that version. */
  recordedKeys: string[];
  findings: WorkshopFinding[];
}

/** The PDF facts compared (a `PdfVerdict`, or the CLI's report). */
export type VerdictFacts = Pick<PdfVerdict, 'status' | 'fingerprint' | 'version' | 'workshopId'> & {
  signatories: readonly Pick<PdfVerdict['signatories'][number], 'participantId' | 'name' | 'signed' | 'signedAt'>[];
  seal: Pick<PdfVerdict['seal'], 'keyFingerprint'>;
};

/** Seal keys recorded by `exported` events of version `number`. */
export function recordedSealKeys(audit: WorkshopEvidence['audit'], number: number): string[] {
  const keys = new Set<string>();
  for (const e of audit) {
    if (e.type !== 'exported' || e.details['version'] !== number) continue;
    const key = e.details['sealKey'];
    if (typeof key === 'string') keys.add(key);
  }
  return [...keys];
}

/** Compares `verdict` with `workshop`; see {@link WorkshopMatch}. Pure. */
export function matchWorkshop(verdict: VerdictFacts, workshop: WorkshopEvidence): WorkshopMatch {
  const findings: WorkshopFinding[] = [];
  const mismatch = (version: number | null, recordedKeys: string[] = []): WorkshopMatch => ({ status: 'mismatch', version, recordedKeys, findings });
  if (verdict.status !== 'intact') findings.push({ code: 'not-intact', message: 'The PDF is not intact, so it cannot be this workshop’s version' });
  if (verdict.workshopId !== workshop.workshopId) {
    findings.push({ code: 'other-workshop', message: `The PDF is from workshop ${verdict.workshopId ?? '(unknown)'}, not from ${workshop.workshopId}` });
    return mismatch(null);
  }
  const version = workshop.versions.find((v) => v.number === verdict.version);
  if (!version) {
    findings.push({ code: 'no-such-version', message: `The workshop has no version ${verdict.version ?? '(unknown)'}` });
    return mismatch(null);
  }
  if (verdict.fingerprint !== version.fingerprint) {
    findings.push({
      code: 'fingerprint-differs',
      message: `The PDF’s content (fingerprint ${verdict.fingerprint ?? 'none'}) is not the workshop’s version ${version.number} (${version.fingerprint})`,
    });
  }
  const signed = (list: readonly { participantId: string; signedAt: string | null }[]) =>
    list
      .map((s) => `${s.participantId}@${s.signedAt ?? ''}`)
      .sort()
      .join('|');
  const inWorkshop = workshop.signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint);
  const inPdf = verdict.signatories.filter((s) => s.signed);
  if (signed(inWorkshop) !== signed(inPdf)) {
    const names = (list: readonly { name: string }[]) => list.map((s) => s.name).join(', ') || 'nobody';
    findings.push({
      code: 'signatures-differ',
      message: `The PDF records signatures by ${names(inPdf)}; the workshop’s version ${version.number} is signed by ${names(inWorkshop)} (or at other times)`,
    });
  }
  const recordedKeys = recordedSealKeys(workshop.audit, version.number);
  if (recordedKeys.length > 0 && (verdict.seal.keyFingerprint === null || !recordedKeys.includes(verdict.seal.keyFingerprint))) {
    findings.push({
      code: 'seal-key-differs',
      message: `The PDF is sealed by key ${verdict.seal.keyFingerprint ?? '(none)'}; the workshop recorded ${recordedKeys.join(', ')} for version ${version.number}`,
    });
  }
  if (findings.length > 0) return mismatch(version.number, recordedKeys);
  if (recordedKeys.length === 0) {
    findings.push({
      code: 'seal-key-not-recorded',
      message: `The workshop recorded no seal key for version ${version.number} (exported by an earlier Pacto): content and signatures match, the key cannot be confirmed`,
    });
    return { status: 'unconfirmed', version: version.number, recordedKeys, findings };
  }
  return { status: 'match', version: version.number, recordedKeys, findings };
}
