import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { auditEventHash } from '../../shared/agreement/audit';
import { canonicalJson } from '../../shared/agreement/canonical-json';
import { buildSignatureRecord, SIGNATURES_ATTACHMENT_NAME } from '../../shared/agreement/signature-record';
import { SNAPSHOT_ATTACHMENT_NAME } from '../../shared/pdf/finalize';
import { createSealKey, SEAL_SUBJECT_PREFIX } from '../../electron/seal/key';
import { SealError, sealPdf } from '../../electron/seal/seal';
import { verifyAgreementPdf, type VerifyReport } from '../../electron/seal/verify';
import { agreementPdf, auditOf, embeddedFileData, indexOf, NOW, sampleVersion, signaturesOf, testKey, textPdf } from './seal-fixture';

const codes = (r: VerifyReport) => r.reasons.map((x) => x.code);

let sealed: Uint8Array;
beforeAll(async () => {
  ({ bytes: sealed } = await agreementPdf());
});

/** A copy of `bytes` with the byte at `at` replaced by `value`. */
function withByte(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  expect(copy[at]).not.toBe(value);
  copy[at] = value;
  return copy;
}

describe('verifyAgreementPdf: intact', () => {
  it('says intact for an untouched sealed agreement, with fingerprint, version, signatories and seal', async () => {
    const version = sampleVersion();
    const r = await verifyAgreementPdf(sealed);
    expect(r.reasons).toEqual([]);
    expect(r.status).toBe('intact');
    expect(r.fingerprint).toBe(version.fingerprint);
    expect(r.version).toBe(2);
    expect(r.workshopId).toBe('w-nubecom');
    expect(r.agreement).toMatchObject({ company: 'Nubecom Soluciones', frozenAt: NOW.toISOString() });
    expect(r.printedFingerprint).toBe('match');
    expect(r.signaturesRecorded).toBe(true);
    expect(r.signatories.map((s) => [s.name, s.team, s.signed, s.timeZone])).toEqual([
      ['Lucía Fernández Ortega', 'marketing', true, 'Europe/Madrid'],
      ['Jorge Ibáñez Muñoz', 'sales', true, 'America/Mexico_City'],
    ]);
    expect(r.seal).toMatchObject({
      present: true,
      intact: true,
      coversWholeFile: true,
      subFilter: 'adbe.pkcs7.detached',
      signer: testKey().subject,
      certificateSha256: testKey().certificateSha256,
      keyFingerprint: testKey().keyFingerprint,
      key: 'unknown',
      signingTime: NOW.toISOString(),
      count: 1,
    });
    expect(r.pageText).toEqual({ status: 'match', changedPages: [], pageCount: 1 });
    expect(r.seal.signer!.startsWith(SEAL_SUBJECT_PREFIX)).toBe(true);
  });

  /** The fingerprint of the agreement version in fixtures/legacy-agreement-v1.pdf (a fact of that file). */
  const LEGACY_V1_FINGERPRINT = '279a360f5a9476a30e16967da4e5400d46084a859ce0ee822af25f8ef3446789';

  it('a PDF exported by an earlier Pacto (no page-text record) stays intact, saying its visible text was not checked', async () => {
    const legacy = new Uint8Array(readFileSync(resolve(__dirname, '../fixtures/legacy-agreement-v1.pdf')));
    const r = await verifyAgreementPdf(legacy);
    expect(r.reasons).toEqual([]);
    expect(r.status).toBe('intact');
    expect(r.pageText).toEqual({ status: 'not-recorded', changedPages: [], pageCount: 1 });
    // The version the fixture carries: the sample's as it was when the file was exported (the sample has changed since).
    expect(r.fingerprint).toBe(LEGACY_V1_FINGERPRINT);
    const cut = await verifyAgreementPdf(withByte(legacy, indexOf(legacy, 'delivers'), 0x44));
    expect(cut.status).toBe('altered');
  });

  it('names this installation’s own key as such', async () => {
    const r = await verifyAgreementPdf(sealed, { ownKeyFingerprint: testKey().keyFingerprint });
    expect(r.status).toBe('intact');
    expect(r.seal.key).toBe('own');
  });

  it('lists unsigned signatories when the PDF carries no signatures record', async () => {
    const { bytes } = await agreementPdf({ record: null });
    const r = await verifyAgreementPdf(bytes);
    expect(r.status).toBe('intact');
    expect(r.signaturesRecorded).toBe(false);
    expect(r.signatories.map((s) => [s.participantId, s.signed])).toEqual([
      ['p-lucia', false],
      ['p-jorge', false],
    ]);
  });

  it('accepts a seal made with another installation’s key (integrity, not identity) and names that key', async () => {
    const other = createSealKey(NOW);
    const { bytes } = await agreementPdf({ key: other });
    const r = await verifyAgreementPdf(bytes);
    expect(r.status).toBe('intact');
    expect(r.seal.certificateSha256).toBe(other.certificateSha256);
    expect(r.seal.certificateSha256).not.toBe(testKey().certificateSha256);
  });
});

describe('verifyAgreementPdf: altered', () => {
  it('one byte of the embedded snapshot changed', async () => {
    const { start, end } = embeddedFileData(sealed, SNAPSHOT_ATTACHMENT_NAME);
    const at = Math.floor((start + end) / 2);
    const r = await verifyAgreementPdf(withByte(sealed, at, sealed[at]! ^ 0x01));
    expect(r.status).toBe('altered');
    expect(codes(r)).toContain('seal-broken');
    expect(r.seal.intact).toBe(false);
  });

  it('one word of the text changed', async () => {
    const at = indexOf(sealed, 'delivers');
    const r = await verifyAgreementPdf(withByte(sealed, at, 'D'.charCodeAt(0)));
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['seal-broken', 'page-text-mismatch']);
    expect(r.reasons[0]!.message).toMatch(/changed after sealing/);
    expect(r.pageText).toEqual({ status: 'mismatch', changedPages: [1], pageCount: 1 });
    // The snapshot itself is untouched: its fingerprint is still reported.
    expect(r.fingerprint).toBe(sampleVersion().fingerprint);
  });

  it('one digit of the printed fingerprint changed', async () => {
    const fp = sampleVersion().fingerprint;
    const at = indexOf(sealed, `(${fp.slice(0, 4)} `) + 1;
    const r = await verifyAgreementPdf(withByte(sealed, at, fp[0] === 'a' ? 0x62 : 0x61));
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['seal-broken', 'printed-fingerprint-mismatch', 'page-text-mismatch']);
  });

  it('a snapshot edited by hand and re-embedded, even when re-sealed', async () => {
    const original = sampleVersion().snapshotJson;
    const edited = original.replace('"revenueTarget":1200000', '"revenueTarget":1500000');
    expect(edited).not.toBe(original);
    const { bytes } = await agreementPdf({ snapshotJson: edited });
    const r = await verifyAgreementPdf(bytes);
    expect(r.status).toBe('altered');
    expect(r.seal.intact).toBe(true);
    expect(codes(r)).toEqual([
      'printed-fingerprint-mismatch',
      'record-fingerprint-mismatch',
      'signature-fingerprint-mismatch',
      'signature-fingerprint-mismatch',
    ]);
    expect(r.fingerprint).not.toBe(sampleVersion().fingerprint);
  });

  it('a snapshot rewritten in another JSON layout', async () => {
    const pretty = JSON.stringify(JSON.parse(sampleVersion().snapshotJson), null, 2);
    const r = await verifyAgreementPdf((await agreementPdf({ snapshotJson: pretty })).bytes);
    expect(r.status).toBe('altered');
    expect(codes(r)).toContain('snapshot-not-canonical');
  });

  it('a snapshot that is not JSON, or not a Pacto snapshot', async () => {
    const broken = await verifyAgreementPdf((await agreementPdf({ snapshotJson: sampleVersion().snapshotJson.slice(0, -5) })).bytes);
    expect(broken.status).toBe('altered');
    expect(codes(broken)).toContain('snapshot-unreadable');
    const wrong = await verifyAgreementPdf((await agreementPdf({ snapshotJson: canonicalJson({ format: 'pacto-agreement', version: 0 }) })).bytes);
    expect(wrong.status).toBe('altered');
    expect(wrong.reasons.find((x) => x.code === 'snapshot-invalid')?.message).toMatch(/formatVersion|version/);
  });

  it('an audit trail with an edited event', async () => {
    const version = sampleVersion();
    const record = buildSignatureRecord(version, signaturesOf(version), auditOf(version));
    record.audit[2] = { ...record.audit[2]!, actor: { participantId: null, name: 'Alguien', team: null } };
    const r = await verifyAgreementPdf((await agreementPdf({ record })).bytes);
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['audit-chain-broken']);
    expect(r.reasons[0]!.message).toMatch(/Event 2/);
  });

  it('an audit trail cut at its end (anchored head)', async () => {
    const version = sampleVersion();
    const record = buildSignatureRecord(version, signaturesOf(version), auditOf(version));
    record.audit = record.audit.slice(0, -1);
    record.audit.forEach((e) => expect(e.hash).toBe(auditEventHash(e)));
    const r = await verifyAgreementPdf((await agreementPdf({ record })).bytes);
    expect(codes(r)).toEqual(['audit-chain-broken']);
  });

  it('a finalized agreement that was never sealed', async () => {
    const r = await verifyAgreementPdf((await agreementPdf({ unsealed: true })).bytes);
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['seal-missing']);
    expect(r.printedFingerprint).toBe('match');
  });

  it('content appended after sealing (incremental update)', async () => {
    const appended = Buffer.concat([Buffer.from(sealed), Buffer.from('\n% appended later\n%%EOF\n')]);
    const r = await verifyAgreementPdf(new Uint8Array(appended));
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['modified-after-seal']);
    expect(r.seal).toMatchObject({ present: true, coversWholeFile: false, intact: false });
  });

  it('a sealed file re-saved by another tool with a changed title', async () => {
    const doc = await PDFDocument.load(sealed);
    doc.setTitle('Otro acuerdo');
    const r = await verifyAgreementPdf(await doc.save({ useObjectStreams: false }));
    expect(r.status).toBe('altered');
    expect(codes(r)).toContain('seal-broken');
  });

  it('a truncated file, wherever it is cut', async () => {
    for (const fraction of [0.05, 0.1, 0.35, 0.5, 0.75, 0.95]) {
      const r = await verifyAgreementPdf(sealed.subarray(0, Math.floor(sealed.length * fraction)));
      expect(r.status, `cut at ${fraction}`).toBe('altered');
      expect(codes(r), `cut at ${fraction}`).toContain('truncated');
      expect(codes(r)).not.toContain('seal-missing');
    }
  });
});

describe('verifyAgreementPdf: not a Pacto agreement', () => {
  it('a plain PDF', async () => {
    const r = await verifyAgreementPdf(await textPdf(['Just a letter.']));
    expect(r).toMatchObject({ status: 'not-pacto', fingerprint: null, version: null, signatories: [] });
    expect(codes(r)).toEqual(['no-snapshot']);
  });

  it('a plain PDF sealed with a key', async () => {
    const r = await verifyAgreementPdf((await sealPdf(await textPdf(['Signed letter.']), testKey(), { signingTime: NOW })).bytes);
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['snapshot-missing']);
  });

  it('bytes that are not a PDF, an empty file, and a PDF header on garbage', async () => {
    const png = await verifyAgreementPdf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    expect(png).toMatchObject({ status: 'not-pacto', reasons: [{ code: 'not-a-pdf' }] });
    expect(await verifyAgreementPdf(new Uint8Array())).toMatchObject({ status: 'not-pacto', reasons: [{ code: 'empty' }] });
    const garbage = await verifyAgreementPdf(new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf\n'));
    expect(garbage.status).toBe('not-pacto');
    expect(codes(garbage)).toContain('unreadable');
  });
});

describe('sealPdf', () => {
  it('refuses a file that is not a PDF, and a PDF already sealed', async () => {
    const key = testKey();
    await expect(sealPdf(new TextEncoder().encode('hello'), key)).rejects.toMatchObject({ code: 'not-a-pdf' });
    await expect(sealPdf(sealed, key)).rejects.toBeInstanceOf(SealError);
    await expect(sealPdf(sealed, key)).rejects.toMatchObject({ code: 'already-sealed' });
  });

  it('refuses an invalid signatures record', async () => {
    const version = sampleVersion();
    const record = { ...buildSignatureRecord(version, signaturesOf(version), auditOf(version)), fingerprint: 'nope' };
    const { bytes } = await agreementPdf({ unsealed: true });
    await expect(sealPdf(bytes, testKey(), { record })).rejects.toMatchObject({ code: 'invalid-record' });
  });

  it('attaches the record next to the snapshot', async () => {
    const text = Buffer.from(sealed).toString('latin1');
    expect(text).toContain(`(${SIGNATURES_ATTACHMENT_NAME})`);
    expect(text).toContain(`(${SNAPSHOT_ATTACHMENT_NAME})`);
  });
});
