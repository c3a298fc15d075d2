/**
 * Verifying an agreement PDF anyone received: is it exactly what Pacto
 * exported? Checks, in order: that it is a PDF at all; the seal (the digest
 * of the signed byte range matches the CMS signature, and the range covers
 * the whole file); the embedded snapshot (`pacto-agreement.json`: readable,
 * valid, canonical) and its fingerprint (SHA-256 of the attachment's bytes);
 * that fingerprint against the one printed in the text and the ones recorded
 * with the signatures (`pacto-signatures.json`), and the audit trail's chain.
 *
 * Verdict: `intact` when every check passes; `altered` when the file is a
 * Pacto agreement and something no longer matches (each reason listed);
 * `not-pacto` when it is not a PDF or carries nothing of Pacto. Never throws.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/agreement/canonical-json';
import { verifyChain } from '../../shared/agreement/audit';
import { signatureRecordSchema, SIGNATURES_ATTACHMENT_NAME, type SignatureRecord } from '../../shared/agreement/signature-record';
import { requiredSigners, snapshotSchema, type AgreementSnapshot } from '../../shared/agreement/version';
import { PDF_PRODUCER, SNAPSHOT_ATTACHMENT_NAME } from '../../shared/pdf/finalize';
import type { Participant } from '../../shared/domain/workshop';
import { verifyDetachedCms } from './cms';
import { SEAL_SUBJECT_PREFIX } from './key';
import { containsAscii, findSignatures, hasEofMarker, hasPdfHeader, signedParts } from './pdf-bytes';
import { readPdf, type PdfView } from './pdf-read';

export type VerifyStatus = 'intact' | 'altered' | 'not-pacto';

/** Stable codes for each finding (the UI translates them; `message` is English detail). */
export type VerifyReasonCode =
  | 'empty'
  | 'not-a-pdf'
  | 'unreadable'
  | 'truncated'
  | 'no-snapshot'
  | 'snapshot-missing'
  | 'snapshot-unreadable'
  | 'snapshot-invalid'
  | 'snapshot-not-canonical'
  | 'printed-fingerprint-missing'
  | 'printed-fingerprint-mismatch'
  | 'seal-missing'
  | 'seal-incomplete'
  | 'seal-broken'
  | 'modified-after-seal'
  | 'record-invalid'
  | 'record-version-mismatch'
  | 'record-fingerprint-mismatch'
  | 'signature-fingerprint-mismatch'
  | 'audit-chain-broken';

export interface VerifyReason {
  code: VerifyReasonCode;
  message: string;
}

/** A signatory of the agreement, and whether the PDF records their signature of this version. */
export interface VerifiedSignatory {
  participantId: string;
  name: string;
  title: string;
  team: Participant['team'];
  signed: boolean;
  method: 'drawn' | 'typed' | null;
  /** ISO 8601 with the signer's UTC offset. */
  signedAt: string | null;
  /** IANA zone of the signer. */
  timeZone: string | null;
}

/** The seal as found. `intact`: the signature verifies and covers the whole file. */
export interface SealReport {
  present: boolean;
  intact: boolean;
  /** The signed byte range reaches the end of the file (nothing appended after sealing). */
  coversWholeFile: boolean;
  /** e.g. `adbe.pkcs7.detached`. */
  subFilter: string | null;
  /** Certificate common name, e.g. `Pacto integrity seal 3f2a9c01`: names an installation, not a person. */
  signer: string | null;
  /** SHA-256 of the seal certificate, hex: compare it to tell one installation's seal from another's. */
  certificateSha256: string | null;
  /** ISO 8601 UTC. */
  signingTime: string | null;
}

export interface VerifyReport {
  status: VerifyStatus;
  /** SHA-256 hex of the embedded snapshot's bytes, recomputed here; `null` without a snapshot. */
  fingerprint: string | null;
  /** The agreement version number the snapshot declares. */
  version: number | null;
  workshopId: string | null;
  agreement: { title: string; company: string; date: string; frozenAt: string } | null;
  signatories: VerifiedSignatory[];
  /** Whether the PDF carries a signatures record. */
  signaturesRecorded: boolean;
  /** The fingerprint printed in the PDF's text: `match`, `mismatch` (another one is printed), `missing`, or `not-checked` (no snapshot or text). */
  printedFingerprint: 'match' | 'mismatch' | 'missing' | 'not-checked';
  seal: SealReport;
  /** Every finding that makes the file not intact; empty when intact. */
  reasons: VerifyReason[];
}

const NO_SEAL: SealReport = {
  present: false,
  intact: false,
  coversWholeFile: false,
  subFilter: null,
  signer: null,
  certificateSha256: null,
  signingTime: null,
};

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Checks every signature in the file; the seal is intact when all verify and
 * the last covers the whole file. A missing seal is not reported for a file
 * `cut` short: the seal may have been in the part that is gone.
 */
function checkSeal(bytes: Uint8Array, cut: boolean, reasons: VerifyReason[]): SealReport {
  const found = findSignatures(bytes);
  if (found.length === 0) {
    if (!cut) reasons.push({ code: 'seal-missing', message: 'The file carries no seal (PDF signature): Pacto seals every agreement it exports' });
    return NO_SEAL;
  }
  let report: SealReport = { ...NO_SEAL, present: true, intact: true };
  for (const sig of found) {
    report = { ...report, subFilter: sig.subFilter };
    if (!sig.byteRange) {
      reasons.push({ code: 'seal-incomplete', message: 'The seal was never completed (its byte range is a placeholder)' });
      report.intact = false;
      continue;
    }
    const [, , start2, length2] = sig.byteRange;
    if (start2 + length2 > bytes.length) {
      reasons.push({ code: 'truncated', message: `The file is shorter than the sealed range (${bytes.length} of ${start2 + length2} bytes): it was cut off` });
      report.intact = false;
      continue;
    }
    const parts = signedParts(bytes, sig.byteRange);
    if (!parts) {
      reasons.push({ code: 'seal-broken', message: 'The seal’s byte range does not match the file’s structure' });
      report.intact = false;
      continue;
    }
    const cms = verifyDetachedCms(parts.contents, parts.signed);
    report = { ...report, signer: cms.signer, certificateSha256: cms.certificateSha256, signingTime: cms.signingTime };
    if (!cms.ok) {
      const what = {
        digest: 'the sealed bytes were changed after sealing',
        signature: 'the signature does not verify with its certificate',
        malformed: 'the signature cannot be read',
        unsupported: 'the signature uses an algorithm Pacto does not check',
      }[cms.problem ?? 'malformed'];
      reasons.push({ code: 'seal-broken', message: `The seal is broken: ${what}` });
      report.intact = false;
    }
    report.coversWholeFile = start2 + length2 === bytes.length;
  }
  if (report.intact && !report.coversWholeFile) {
    reasons.push({
      code: 'modified-after-seal',
      message: 'Content was added to the file after it was sealed (an incremental update): what a reader shows may differ from what was sealed',
    });
    report.intact = false;
  }
  return report;
}

/** The snapshot's fingerprint, its parsed form, and findings about it. */
function checkSnapshot(file: Uint8Array, reasons: VerifyReason[]): { fingerprint: string; snapshot: AgreementSnapshot | null } {
  const fingerprint = createHash('sha256').update(file).digest('hex');
  let text: string;
  let json: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    json = JSON.parse(text);
  } catch (e) {
    reasons.push({ code: 'snapshot-unreadable', message: `The embedded snapshot is not readable JSON (${errorText(e)})` });
    return { fingerprint, snapshot: null };
  }
  const parsed = snapshotSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || '(snapshot)';
    reasons.push({ code: 'snapshot-invalid', message: `The embedded snapshot is not a valid Pacto snapshot: ${where}: ${issue?.message ?? 'invalid'}` });
    return { fingerprint, snapshot: null };
  }
  if (canonicalJson(parsed.data) !== text) {
    reasons.push({
      code: 'snapshot-not-canonical',
      message: 'The embedded snapshot is not in the canonical form Pacto writes: it was rewritten or edited by hand',
    });
  }
  return { fingerprint, snapshot: parsed.data };
}

/** Compares `fingerprint` with the 64 hex digits printed in the text (grouped by four or not). */
function checkPrinted(text: string, fingerprint: string, reasons: VerifyReason[]): VerifyReport['printedFingerprint'] {
  const flat = text.replace(/[\s\u00a0\u200b]+/g, '').toLowerCase();
  if (flat.includes(fingerprint)) return 'match';
  const other = flat.match(/[0-9a-f]{64}/)?.[0];
  if (other) {
    reasons.push({ code: 'printed-fingerprint-mismatch', message: `The fingerprint printed in the document (${other}) differs from the embedded snapshot’s (${fingerprint})` });
    return 'mismatch';
  }
  reasons.push({ code: 'printed-fingerprint-missing', message: 'The document’s text does not show the embedded snapshot’s fingerprint' });
  return 'missing';
}

/** Reads and checks the signatures record against the snapshot; returns it when valid. */
function checkRecord(file: Uint8Array, snapshot: AgreementSnapshot | null, fingerprint: string | null, reasons: VerifyReason[]): SignatureRecord | null {
  let record: SignatureRecord;
  try {
    const parsed = signatureRecordSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file)));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.path.map(String).join('.') || 'invalid');
    record = parsed.data;
  } catch (e) {
    reasons.push({ code: 'record-invalid', message: `The signatures record cannot be read (${errorText(e)})` });
    return null;
  }
  if (snapshot && record.version !== snapshot.version) {
    reasons.push({ code: 'record-version-mismatch', message: `The signatures record is for version ${record.version}, the snapshot is version ${snapshot.version}` });
  }
  if (fingerprint && record.fingerprint !== fingerprint) {
    reasons.push({ code: 'record-fingerprint-mismatch', message: `The signatures record names fingerprint ${record.fingerprint}, the snapshot’s is ${fingerprint}` });
  }
  for (const s of record.signatures) {
    if (fingerprint && s.fingerprint !== fingerprint) {
      reasons.push({ code: 'signature-fingerprint-mismatch', message: `${s.name}’s signature is bound to fingerprint ${s.fingerprint}, not to this snapshot’s` });
    }
  }
  const chain = verifyChain(record.audit, { head: record.auditHead });
  if (!chain.ok) reasons.push({ code: 'audit-chain-broken', message: `The audit trail is broken: ${chain.message}` });
  return record;
}

/** Signatories of the snapshot, with their recorded signatures; plus anyone recorded as signing who is not listed. */
function signatoriesOf(snapshot: AgreementSnapshot | null, record: SignatureRecord | null): VerifiedSignatory[] {
  const signatures = record?.signatures ?? [];
  const listed = snapshot ? requiredSigners(snapshot) : [];
  const result: VerifiedSignatory[] = listed.map((p) => {
    const s = signatures.find((sig) => sig.participantId === p.id);
    return {
      participantId: p.id,
      name: s?.name ?? p.name,
      title: s?.title ?? p.title,
      team: p.team,
      signed: Boolean(s),
      method: s?.method ?? null,
      signedAt: s?.signedAt ?? null,
      timeZone: s?.timeZone ?? null,
    };
  });
  for (const s of signatures) {
    if (listed.some((p) => p.id === s.participantId)) continue;
    result.push({ participantId: s.participantId, name: s.name, title: s.title, team: s.team, signed: true, method: s.method, signedAt: s.signedAt, timeZone: s.timeZone });
  }
  return result;
}

/**
 * Whether the raw bytes show Pacto's marks: the snapshot's attachment name,
 * or Pacto as producer (pdf-lib writes it as UTF-16 hex, others as a literal).
 * Lets a damaged file that no reader opens still count as a Pacto agreement.
 */
function rawPactoMarks(bytes: Uint8Array): boolean {
  const utf16Hex = `FEFF${[...PDF_PRODUCER].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('')}`;
  return [SNAPSHOT_ATTACHMENT_NAME, `/Producer (${PDF_PRODUCER})`, `/Producer <${utf16Hex}>`, `/Producer <${utf16Hex.toLowerCase()}>`].some((mark) =>
    containsAscii(bytes, mark),
  );
}

function report(status: VerifyStatus, reasons: VerifyReason[], partial: Partial<VerifyReport> = {}): VerifyReport {
  return {
    status,
    fingerprint: null,
    version: null,
    workshopId: null,
    agreement: null,
    signatories: [],
    signaturesRecorded: false,
    printedFingerprint: 'not-checked',
    seal: NO_SEAL,
    ...partial,
    reasons,
  };
}

/**
 * Verifies a PDF's bytes (see the module comment for the checks and the
 * verdicts). Never throws: unreadable input gets a verdict with its reason.
 */
export async function verifyAgreementPdf(bytes: Uint8Array): Promise<VerifyReport> {
  try {
    return await verify(bytes);
  } catch (e) {
    return report('not-pacto', [{ code: 'unreadable', message: `The file could not be checked (${errorText(e)})` }]);
  }
}

async function verify(bytes: Uint8Array): Promise<VerifyReport> {
  if (bytes.length === 0) return report('not-pacto', [{ code: 'empty', message: 'The file is empty' }]);
  if (!hasPdfHeader(bytes)) return report('not-pacto', [{ code: 'not-a-pdf', message: 'The file is not a PDF (no %PDF- header)' }]);

  const reasons: VerifyReason[] = [];
  const cut = !hasEofMarker(bytes);
  const seal = checkSeal(bytes, cut, reasons);
  if (cut && !reasons.some((r) => r.code === 'truncated')) {
    reasons.push({ code: 'truncated', message: 'The file has no end-of-file marker: it was cut off' });
  }
  const sealedByPacto = seal.signer?.startsWith(SEAL_SUBJECT_PREFIX) ?? false;
  const mentionsPacto = rawPactoMarks(bytes);

  let view: PdfView;
  try {
    view = await readPdf(bytes);
  } catch (e) {
    const message = `The PDF cannot be read (${errorText(e)})`;
    if (!sealedByPacto && !mentionsPacto) return report('not-pacto', [{ code: 'unreadable', message }, ...reasons.filter((r) => r.code === 'truncated')], { seal });
    return report('altered', [...reasons, { code: 'unreadable', message }], { seal });
  }

  const snapshotFile = view.attachments.get(SNAPSHOT_ATTACHMENT_NAME);
  const recordFile = view.attachments.get(SIGNATURES_ATTACHMENT_NAME);
  const isPacto = Boolean(snapshotFile || recordFile) || sealedByPacto || mentionsPacto || view.producer === PDF_PRODUCER;
  if (!isPacto) {
    return report('not-pacto', [{ code: 'no-snapshot', message: 'The PDF carries no Pacto agreement snapshot' }], { seal });
  }

  let fingerprint: string | null = null;
  let snapshot: AgreementSnapshot | null = null;
  let printedFingerprint: VerifyReport['printedFingerprint'] = 'not-checked';
  if (snapshotFile) {
    ({ fingerprint, snapshot } = checkSnapshot(snapshotFile, reasons));
    printedFingerprint = checkPrinted(view.text, fingerprint, reasons);
  } else {
    reasons.push({ code: 'snapshot-missing', message: `The agreement snapshot (${SNAPSHOT_ATTACHMENT_NAME}) is missing from this Pacto PDF` });
  }
  const record = recordFile ? checkRecord(recordFile, snapshot, fingerprint, reasons) : null;

  const meta = snapshot?.content.meta;
  return report(reasons.length === 0 ? 'intact' : 'altered', reasons, {
    fingerprint,
    version: snapshot?.version ?? record?.version ?? null,
    workshopId: snapshot?.workshopId ?? null,
    agreement: snapshot && meta ? { title: meta.title, company: meta.company, date: meta.date, frozenAt: snapshot.frozenAt } : null,
    signatories: signatoriesOf(snapshot, record),
    signaturesRecorded: record !== null,
    printedFingerprint,
    seal,
  });
}
