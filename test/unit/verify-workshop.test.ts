// `pacto verify --workshop` and the comparison behind it: the genuine PDF is
// exactly the workshop's version, signed by its people, sealed by the key its
// export recorded; a complete forgery with a new key (intact by itself) does
// not match; a workshop from before keys were recorded cannot confirm the key.
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendAuditEvent, type AuditEvent } from '../../shared/agreement/audit';
import { matchWorkshop, type WorkshopEvidence } from '../../shared/agreement/workshop-match';
import { initWorkshopDoc, readWorkshop } from '../../shared/domain/workshop-doc';
import { encodePactoFile } from '../../shared/file/pacto-file';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { createSealKey } from '../../electron/seal/key';
import { verifyAgreementPdf, type VerifyReport } from '../../electron/seal/verify';
import { runVerify, VERIFY_EXIT } from '../../electron/cli/verify';
import { agreementPdf, auditOf, indexOf, NOW, sampleVersion, signaturesOf, testKey, fakeVerifyIo } from './seal-fixture';

/** The workshop's trail: the PDF's trail, then the export event that sealed it (with its key, or without as earlier Pacto wrote it). */
function trail(sealKey: string | null): AuditEvent[] {
  const version = sampleVersion();
  return appendAuditEvent(auditOf(version), {
    type: 'exported',
    at: new Date(NOW.getTime() + 3_600_000),
    timeZone: 'Europe/Madrid',
    actor: { participantId: null, name: 'Pacto', team: null },
    details: { version: version.number, fingerprint: version.fingerprint, file: 'acuerdo.pdf', sealed: true, ...(sealKey ? { sealKey } : {}) },
  });
}

function evidence(sealKey: string | null): WorkshopEvidence {
  const version = sampleVersion();
  return { workshopId: version.workshopId, versions: [version], signatures: signaturesOf(version), audit: trail(sealKey) };
}

/** A .pacto file of the sample workshop with version 2, both signatures and `trail(sealKey)`. */
function pactoFile(sealKey: string | null): Uint8Array {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
  const version = sampleVersion();
  return encodePactoFile({
    workshopId: version.workshopId,
    yjsUpdate: Y.encodeStateAsUpdate(doc),
    content: readWorkshop(doc),
    versions: [version],
    signatures: signaturesOf(version),
    audit: trail(sealKey),
    appVersion: '0.1.0',
    createdAt: NOW.toISOString(),
    modifiedAt: NOW.toISOString(),
  });
}

let genuine: Uint8Array;
let forged: Uint8Array;
let genuineReport: VerifyReport;
let forgedReport: VerifyReport;
beforeAll(async () => {
  ({ bytes: genuine } = await agreementPdf());
  ({ bytes: forged } = await agreementPdf({ key: createSealKey(NOW), lines: (lines) => lines.map((l) => l.replace('every MQL', 'every SQL')) }));
  genuineReport = await verifyAgreementPdf(genuine);
  forgedReport = await verifyAgreementPdf(forged);
});

describe('matchWorkshop', () => {
  it('the genuine PDF matches: that version, those signatures, the key recorded for it', () => {
    const m = matchWorkshop(genuineReport, evidence(testKey().keyFingerprint));
    expect(m).toEqual({ status: 'match', version: 2, recordedKeys: [testKey().keyFingerprint], findings: [] });
  });

  it('a complete forgery with a new key is intact by itself but does not match: the key differs', () => {
    expect(forgedReport.status).toBe('intact');
    const m = matchWorkshop(forgedReport, evidence(testKey().keyFingerprint));
    expect(m.status).toBe('mismatch');
    expect(m.findings.map((f) => f.code)).toEqual(['seal-key-differs']);
  });

  it('an altered PDF, another version, other signatures, another workshop do not match', async () => {
    const altered = new Uint8Array(genuine);
    altered[indexOf(genuine, 'delivers')] = 0x44;
    expect(matchWorkshop(await verifyAgreementPdf(altered), evidence(testKey().keyFingerprint)).findings[0]?.code).toBe('not-intact');
    const withoutJorge = { ...evidence(testKey().keyFingerprint), signatures: signaturesOf(sampleVersion()).slice(0, 1) };
    expect(matchWorkshop(genuineReport, withoutJorge).findings.map((f) => f.code)).toEqual(['signatures-differ']);
    expect(matchWorkshop({ ...genuineReport, version: 3 }, evidence(null)).findings.map((f) => f.code)).toEqual(['no-such-version']);
    expect(matchWorkshop(genuineReport, { ...evidence(null), workshopId: 'w-other' }).findings.map((f) => f.code)).toEqual(['other-workshop']);
  });

  it('a workshop whose export recorded no key (earlier Pacto) confirms content and signatures only', () => {
    expect(matchWorkshop(genuineReport, evidence(null))).toMatchObject({ status: 'unconfirmed', findings: [{ code: 'seal-key-not-recorded' }] });
    // Nor can it tell a forgery that kept the snapshot and signatures: never a "match" without a recorded key.
    expect(matchWorkshop(forgedReport, evidence(null)).status).toBe('unconfirmed');
  });
});

const fakeIo = fakeVerifyIo;

describe('pacto verify --workshop', () => {
  it('confirms the genuine PDF with exit 0, naming the version and the recorded key', async () => {
    const t = fakeIo({ 'acuerdo.pdf': genuine, 'taller.pacto': pactoFile(testKey().keyFingerprint) });
    expect(await runVerify(['acuerdo.pdf', '--workshop', 'taller.pacto'], t.io)).toBe(0);
    expect(t.out()).toContain('Workshop:     MATCHES taller.pacto version 2');
    expect(t.out()).toContain('(the key the workshop recorded for this version)');
    expect(t.out()).toMatch(/frozen 2026-11-30 17:00:00 UTC/);
    expect(t.out()).toMatch(/sealed 2026-11-30 17:00:00 UTC/);
    const json = fakeIo({ 'acuerdo.pdf': genuine, 'taller.pacto': pactoFile(testKey().keyFingerprint) });
    expect(await runVerify(['acuerdo.pdf', '--json', '--workshop', 'taller.pacto'], json.io)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({ status: 'intact', seal: { key: 'workshop' }, workshop: { status: 'match', version: 2 } });
  });

  it('a complete forgery: intact, sealed by an unknown key, does not match the workshop (exit 4)', async () => {
    const alone = fakeIo({ 'forged.pdf': forged });
    expect(await runVerify(['forged.pdf'], alone.io)).toBe(0);
    expect(alone.out()).toContain('a key not known here: compare with a copy you trust (--workshop file.pacto)');
    const t = fakeIo({ 'forged.pdf': forged, 'taller.pacto': pactoFile(testKey().keyFingerprint) });
    expect(await runVerify(['forged.pdf', '--workshop', 'taller.pacto'], t.io)).toBe(VERIFY_EXIT['workshop-mismatch']);
    expect(t.out()).toContain('Workshop:     DOES NOT MATCH taller.pacto version 2');
    // The headline says it first: an intact PDF that is not the workshop's is not good news.
    expect(t.out().split('\n')[0]).toBe('DOES NOT MATCH THE WORKSHOP: intact as sealed, but not a version frozen in taller.pacto.  (forged.pdf)');
    expect(t.out()).toContain('[seal-key-differs]');
  });

  it('says when the workshop recorded no key (exit 5), and refuses an unreadable workshop file (exit 65)', async () => {
    const t = fakeIo({ 'acuerdo.pdf': genuine, 'old.pacto': pactoFile(null), 'bad.pacto': new TextEncoder().encode('{"format":"nope"}') });
    expect(await runVerify(['acuerdo.pdf', '--workshop', 'old.pacto'], t.io)).toBe(VERIFY_EXIT['workshop-unconfirmed']);
    expect(t.out()).toContain('SEAL KEY NOT RECORDED');
    expect(await runVerify(['acuerdo.pdf', '--workshop', 'bad.pacto'], t.io)).toBe(65);
    expect(t.err()).toMatch(/bad\.pacto is not a workshop Pacto can read/);
    expect(await runVerify(['acuerdo.pdf', '--workshop'], t.io)).toBe(64);
    expect(await runVerify(['acuerdo.pdf', '--workshop', 'missing.pacto'], t.io)).toBe(66);
  });
});
