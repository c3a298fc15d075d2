/**
 * Verifying an agreement PDF anyone received: is it exactly what Pacto
 * exported? Checks, in order: that it is a PDF at all; the seal (exactly one
 * signature in the file, a Pacto seal, whose byte range covers the whole file
 * with nothing after it, whose `/Contents` is exactly the DER signature and
 * zero padding in Pacto's lower-case hex, and whose CMS signature verifies:
 * ./cms.ts); the embedded snapshot (`pacto-agreement.json`: readable, valid,
 * canonical) and its fingerprint (SHA-256 of the attachment's bytes); that
 * fingerprint against the one printed in the text and the ones recorded with
 * the signatures (`pacto-signatures.json`), and the audit trail's chain; the
 * visible text of every page against the page-text record
 * (`pacto-pages.json`, shared/pdf/page-text.ts).
 *
 * Verdict: `intact` when every check passes; `altered` when the file is a
 * Pacto agreement and something no longer matches (each reason listed);
 * `not-pacto` when it is not a PDF or carries nothing of Pacto; `too-large`
 * when it has more pages than {@link MAX_VERIFY_PAGES} (nothing judged).
 * The seal report names the sealing key's fingerprint and whether it is this
 * installation's own key: a whole forgery made with another key is intact by
 * itself, and is told apart only by its key, or by comparing with a copy the
 * reader trusts (shared/agreement/workshop-match.ts).
 *
 * PDFs exported before the page-text record existed are judged on the rest
 * and say so (`pageText.status: 'not-recorded'`). Never throws.
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
import type { z } from 'zod';
import { changedPages, PAGES_ATTACHMENT_NAME, pageTextRecordSchema } from '../../shared/pdf/page-text';
import { MAX_VERIFY_PAGES } from '../../shared/bridge/contract';
import { containsAscii, findSignatures, hasEofMarker, hasPdfHeader, signedParts } from './pdf-bytes';
import { PdfPageLimitError, readPdf, type PdfView } from './pdf-read';

export { MAX_VERIFY_PAGES };

export type VerifyStatus = 'intact' | 'altered' | 'not-pacto' | 'too-large';

/** Stable codes for each finding (the UI translates them; `message` is English detail). */
export type VerifyReasonCode =
  | 'empty'
  | 'not-a-pdf'
  | 'header-damaged'
  | 'too-many-pages'
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
  | 'seal-not-canonical'
  | 'seal-multiple'
  | 'seal-not-pacto'
  | 'modified-after-seal'
  | 'page-text-mismatch'
  | 'page-text-invalid'
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
  /** SHA-256 of the seal certificate, hex. */
  certificateSha256: string | null;
  /** SHA-256 of the sealing key (the certificate's public key, SubjectPublicKeyInfo DER), hex: the key's fingerprint. */
  keyFingerprint: string | null;
  /**
   * Whether the sealing key is known: `own` (this installation's key),
   * `workshop` (the key recorded for this version in the workshop it was
   * compared with; set by that comparison), `unknown` (any other key: a copy
   * the reader trusts is the only way to tell a forgery made with a new key).
   */
  key: 'own' | 'workshop' | 'unknown';
  /** ISO 8601 UTC. */
  signingTime: string | null;
  /** How many signatures the file carries (exactly one, Pacto's, when intact). */
  count: number;
}

/** The visible text of the pages against the page-text record. */
export interface PageTextReport {
  /** `match`: every page's text is what was exported; `mismatch`: see `changedPages`; `not-recorded`: the PDF carries no record (exported by an earlier Pacto), the text was not checked; `not-checked`: the file could not be read that far. */
  status: 'match' | 'mismatch' | 'not-recorded' | 'not-checked';
  /** 1-based numbers of pages whose text differs from the record (or that were added or removed). */
  changedPages: number[];
  pageCount: number | null;
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
  pageText: PageTextReport;
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
  keyFingerprint: null,
  key: 'unknown',
  signingTime: null,
  count: 0,
};

const NOT_CHECKED: PageTextReport = { status: 'not-checked', changedPages: [], pageCount: null };

/** What the verifier is told from outside. */
export interface VerifyOptions {
  /** This installation's seal key fingerprint ({@link SealReport.keyFingerprint}), to say `key: 'own'`. */
  ownKeyFingerprint?: string | null;
  /** Most pages read; more gives `too-large`. Default {@link MAX_VERIFY_PAGES}. */
  maxPages?: number;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Checks the seal: exactly one signature, Pacto's, complete, covering the
 * whole file, with canonical `/Contents` and a CMS signature that verifies.
 * A missing seal is not reported for a file `cut` short: the seal may have
 * been in the part that is gone.
 */
function checkSeal(bytes: Uint8Array, cut: boolean, ownKey: string | null, reasons: VerifyReason[]): SealReport {
  const found = findSignatures(bytes);
  if (found.length === 0) {
    if (!cut) reasons.push({ code: 'seal-missing', message: 'The file carries no seal (PDF signature): Pacto seals every agreement it exports' });
    return NO_SEAL;
  }
  if (found.length > 1) {
    reasons.push({
      code: 'seal-multiple',
      message: `The file carries ${found.length} signatures; Pacto seals once: another signature was added after export (possibly over added content)`,
    });
  }
  // The first signature in the file is the one Pacto wrote at export; any later one was added.
  const sig = found[0]!;
  let report: SealReport = { ...NO_SEAL, present: true, count: found.length, subFilter: sig.subFilter };
  if (!sig.byteRange) {
    reasons.push({ code: 'seal-incomplete', message: 'The seal was never completed (its byte range is a placeholder)' });
    return report;
  }
  const [, , start2, length2] = sig.byteRange;
  if (start2 + length2 > bytes.length) {
    reasons.push({ code: 'truncated', message: `The file is shorter than the sealed range (${bytes.length} of ${start2 + length2} bytes): it was cut off` });
    return report;
  }
  report.coversWholeFile = start2 + length2 === bytes.length;
  const parts = signedParts(bytes, sig.byteRange);
  if (!parts) {
    reasons.push({ code: 'seal-broken', message: 'The seal’s byte range does not match the file’s structure' });
    return report;
  }
  const cms = verifyDetachedCms(parts.contentsHex, parts.signed);
  report = {
    ...report,
    signer: cms.signer,
    certificateSha256: cms.certificateSha256,
    keyFingerprint: cms.keyFingerprint,
    key: cms.keyFingerprint !== null && cms.keyFingerprint === ownKey ? 'own' : 'unknown',
    signingTime: cms.signingTime,
  };
  if (!cms.ok) {
    if (cms.problem === 'not-canonical') {
      reasons.push({
        code: 'seal-not-canonical',
        message: 'The seal’s signature bytes were changed: its /Contents is not exactly the signature Pacto wrote followed by zero padding',
      });
    } else {
      const what = {
        digest: 'the sealed bytes were changed after sealing',
        signature: 'the signature does not verify with its certificate',
        certificate: 'the seal’s certificate was changed (its own signature or its dates do not hold)',
        malformed: 'the signature cannot be read',
      }[cms.problem ?? 'malformed'];
      reasons.push({ code: 'seal-broken', message: `The seal is broken: ${what}` });
    }
    return report;
  }
  if (!cms.signer?.startsWith(SEAL_SUBJECT_PREFIX)) {
    reasons.push({ code: 'seal-not-pacto', message: `The file is signed by “${cms.signer ?? 'unknown'}”, not with a Pacto seal` });
    return report;
  }
  if (!report.coversWholeFile) {
    reasons.push({
      code: 'modified-after-seal',
      message: 'Content was added to the file after it was sealed (an incremental update): what a reader shows may differ from what was sealed',
    });
    return report;
  }
  report.intact = found.length === 1;
  return report;
}

/**
 * An attached JSON record parsed with `schema`; on failure pushes finding
 * `code` ("The <what> cannot be read (why)") and returns `null`.
 */
function readRecord<T>(file: Uint8Array, schema: z.ZodType<T>, code: VerifyReasonCode, what: string, reasons: VerifyReason[]): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file)));
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.path.map(String).join('.') || 'invalid');
    return parsed.data;
  } catch (e) {
    reasons.push({ code, message: `The ${what} cannot be read (${errorText(e)})` });
    return null;
  }
}

/** Compares the pages' text with the page-text record, if the PDF carries one. */
function checkPageText(file: Uint8Array | undefined, view: PdfView, reasons: VerifyReason[]): PageTextReport {
  if (!file) return { status: 'not-recorded', changedPages: [], pageCount: view.pageCount };
  const record = readRecord(file, pageTextRecordSchema, 'page-text-invalid', 'page-text record', reasons);
  if (!record) return { status: 'mismatch', changedPages: [], pageCount: view.pageCount };
  const changed = changedPages(record, view.pages);
  if (changed.length === 0) return { status: 'match', changedPages: [], pageCount: view.pageCount };
  const list = changed.length > 10 ? `${changed.slice(0, 10).join(', ')}… (${changed.length} pages)` : changed.join(', ');
  reasons.push({
    code: 'page-text-mismatch',
    message:
      record.pages.length === view.pages.length
        ? `The visible text of page ${list} is not what was exported`
        : `The file has ${view.pages.length} pages, ${record.pages.length} were exported; the text differs on page ${list}`,
  });
  return { status: 'mismatch', changedPages: changed, pageCount: view.pageCount };
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
    reasons.push({
      code: 'printed-fingerprint-mismatch',
      message: `The fingerprint printed in the document (${other}) differs from the embedded snapshot’s (${fingerprint})`,
    });
    return 'mismatch';
  }
  reasons.push({ code: 'printed-fingerprint-missing', message: 'The document’s text does not show the embedded snapshot’s fingerprint' });
  return 'missing';
}

/** Reads and checks the signatures record against the snapshot; returns it when valid. */
function checkRecord(file: Uint8Array, snapshot: AgreementSnapshot | null, fingerprint: string | null, reasons: VerifyReason[]): SignatureRecord | null {
  const record = readRecord(file, signatureRecordSchema, 'record-invalid', 'signatures record', reasons);
  if (!record) return null;
  if (snapshot && record.version !== snapshot.version) {
    reasons.push({
      code: 'record-version-mismatch',
      message: `The signatures record is for version ${record.version}, the snapshot is version ${snapshot.version}`,
    });
  }
  if (fingerprint && record.fingerprint !== fingerprint) {
    reasons.push({
      code: 'record-fingerprint-mismatch',
      message: `The signatures record names fingerprint ${record.fingerprint}, the snapshot’s is ${fingerprint}`,
    });
  }
  for (const s of record.signatures) {
    if (fingerprint && s.fingerprint !== fingerprint) {
      reasons.push({
        code: 'signature-fingerprint-mismatch',
        message: `${s.name}’s signature is bound to fingerprint ${s.fingerprint}, not to this snapshot’s`,
      });
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
    result.push({
      participantId: s.participantId,
      name: s.name,
      title: s.title,
      team: s.team,
      signed: true,
      method: s.method,
      signedAt: s.signedAt,
      timeZone: s.timeZone,
    });
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
    pageText: NOT_CHECKED,
    ...partial,
    reasons,
  };
}

/**
 * Verifies a PDF's bytes (see the module comment for the checks and the
 * verdicts). Never throws: unreadable input gets a verdict with its reason.
 */
export async function verifyAgreementPdf(bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerifyReport> {
  try {
    return await verify(bytes, options);
  } catch (e) {
    return report('not-pacto', [{ code: 'unreadable', message: `The file could not be checked (${errorText(e)})` }]);
  }
}

async function verify(bytes: Uint8Array, options: VerifyOptions): Promise<VerifyReport> {
  if (bytes.length === 0) return report('not-pacto', [{ code: 'empty', message: 'The file is empty' }]);
  const reasons: VerifyReason[] = [];
  if (!hasPdfHeader(bytes)) {
    // A Pacto agreement whose header was damaged is altered, not "not a PDF".
    if (!rawPactoMarks(bytes) && findSignatures(bytes).length === 0) {
      return report('not-pacto', [{ code: 'not-a-pdf', message: 'The file is not a PDF (no %PDF- header)' }]);
    }
    reasons.push({ code: 'header-damaged', message: 'The file’s %PDF- header was changed' });
  }

  const cut = !hasEofMarker(bytes);
  const seal = checkSeal(bytes, cut, options.ownKeyFingerprint ?? null, reasons);
  if (cut && !reasons.some((r) => r.code === 'truncated')) {
    reasons.push({ code: 'truncated', message: 'The file has no end-of-file marker: it was cut off' });
  }
  const sealedByPacto = seal.signer?.startsWith(SEAL_SUBJECT_PREFIX) ?? false;
  const mentionsPacto = rawPactoMarks(bytes);

  let view: PdfView;
  const maxPages = options.maxPages ?? MAX_VERIFY_PAGES;
  try {
    view = await readPdf(bytes, { maxPages });
  } catch (e) {
    if (e instanceof PdfPageLimitError) {
      return report('too-large', [{ code: 'too-many-pages', message: `The PDF has ${e.pageCount} pages; Pacto checks PDFs of up to ${maxPages} pages` }], {
        seal,
      });
    }
    const message = `The PDF cannot be read (${errorText(e)})`;
    if (!sealedByPacto && !mentionsPacto)
      return report('not-pacto', [{ code: 'unreadable', message }, ...reasons.filter((r) => r.code === 'truncated')], { seal });
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
  const pageText = checkPageText(view.attachments.get(PAGES_ATTACHMENT_NAME), view, reasons);

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
    pageText,
  });
}
