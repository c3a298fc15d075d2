// The tamper suite: an attacker's changes to a sealed agreement PDF (made with
// the real finalize + seal: seal-fixture.ts), none of which may verify
// intact, while the genuine file does. (a) an incremental update adding a
// sentence to page 1, then a second signature over the whole file with a
// fresh key named like Pacto's; (b) the seal stripped, visible text changed,
// re-sealed with a fresh key; (c) a second signature with no content change;
// (d) bytes inside /Contents (a message in the padding, hex case flips, the
// certificate's subject and dates); then 2,000 seeded random single-byte
// changes and targeted ones (xref, trailer, signature dictionary, attachments).
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { SIGNATURES_ATTACHMENT_NAME } from '../../shared/agreement/signature-record';
import { SNAPSHOT_ATTACHMENT_NAME } from '../../shared/pdf/finalize';
import { PAGES_ATTACHMENT_NAME } from '../../shared/pdf/page-text';
import { createSealKey, type SealKey } from '../../electron/seal/key';
import { findSignatures } from '../../electron/seal/pdf-bytes';
import { readPdf } from '../../electron/seal/pdf-read';
import { verifyAgreementPdf, type VerifyReport } from '../../electron/seal/verify';
import { agreementPdf, embeddedFileData, indexOf, NOW, testKey } from './seal-fixture';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const codes = (r: VerifyReport) => r.reasons.map((x) => x.code);

let genuine: Uint8Array;
let attackerKey: SealKey;
beforeAll(async () => {
  ({ bytes: genuine } = await agreementPdf());
  attackerKey = createSealKey(NOW);
  // Named like Pacto's, as an attacker would name it.
  expect(attackerKey.subject).toMatch(/^Pacto integrity seal /);
});

/** A seeded pseudo-random generator (mulberry32): the same changes on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `bytes` with the byte at `at` set to `value` (which must differ). */
function withByte(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  if (copy[at] === value) throw new Error(`byte ${at} is already ${value}`);
  copy[at] = value;
  return copy;
}

/**
 * Appends an incremental update (ISO 32000 §7.5.6) holding `objects` (new or
 * replacing ones, by number), with its own xref section and a trailer whose
 * /Prev points at the previous one. The bytes before are left untouched.
 */
function appendUpdate(bytes: Uint8Array, objects: { num: number; body: string }[], root: PDFRef, size: number): Uint8Array {
  const text = latin1(bytes);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  if (!Number.isInteger(prev)) throw new Error('no startxref');
  let update = '\n';
  const offsets: [number, number][] = [];
  for (const o of [...objects].sort((a, b) => a.num - b.num)) {
    offsets.push([o.num, bytes.length + update.length]);
    update += `${o.num} 0 obj\n${o.body}\nendobj\n`;
  }
  const xrefAt = bytes.length + update.length;
  update += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, offset] of offsets) update += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  update += `trailer\n<< /Size ${size} /Root ${root.toString()} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(update, 'latin1')]));
}

/** The document's catalog ref, next free object number, page 1's ref and its dictionary as text with `changes` applied. */
async function structure(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPages()[0]!;
  return { doc, root: doc.context.trailerInfo.Root as PDFRef, next: doc.context.largestObjectNumber + 1, page };
}

/** A stream object body. */
const stream = (content: string) => `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

/** (a) An incremental update that adds a sentence to page 1, visible to readers. */
async function addSentence(bytes: Uint8Array, sentence: string): Promise<Uint8Array> {
  const { root, next, page } = await structure(bytes);
  const dict = page.node.clone();
  const contents = page.node.get(PDFName.of('Contents'))!;
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  dict.set(PDFName.of('Contents'), page.doc.context.obj([...streams, PDFRef.of(next)]));
  return appendUpdate(
    bytes,
    [
      { num: next, body: stream(`\nq BT /F1 14 Tf 50 600 Td (${sentence}) Tj ET Q`) },
      { num: page.ref.objectNumber, body: dict.toString() },
    ],
    root,
    next + 1,
  );
}

/** (a), (c) A second PDF signature, appended as an incremental update, over the whole file, by `key`. */
async function addSecondSignature(bytes: Uint8Array, key: SealKey): Promise<Uint8Array> {
  const { root, next, page } = await structure(bytes);
  const placeholder = '/**********';
  const sig = [
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached',
    `/ByteRange [0 ${placeholder} ${placeholder} ${placeholder}]`,
    `/Contents <${'0'.repeat(16384)}>`,
    `/Reason (${key.subject}) /M (D:20261130170000Z) >>`,
  ].join('\n');
  const widget = `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature2) /Rect [0 0 0 0] /F 4 /P ${page.ref.toString()} /V ${next} 0 R >>`;
  const updated = appendUpdate(
    bytes,
    [
      { num: next, body: sig },
      { num: next + 1, body: widget },
    ],
    root,
    next + 2,
  );
  const signed = await new SignPdf().sign(Buffer.from(updated), new P12Signer(Buffer.from(key.p12), { passphrase: key.passphrase }), NOW);
  return new Uint8Array(signed);
}

/** (b) The seal removed (signature dictionary, its field and widget), leaving every attachment as it was. */
async function stripSeal(bytes: Uint8Array): Promise<PDFDocument> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.catalog.delete(PDFName.of('AcroForm'));
  for (const page of doc.getPages()) page.node.delete(PDFName.of('Annots'));
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && (object.get(PDFName.of('Type'))?.toString() === '/Sig' || object.get(PDFName.of('FT'))?.toString() === '/Sig')) {
      doc.context.delete(ref);
    }
  }
  return doc;
}

/** (b) Sealed again with `key` as @signpdf does it, attachments untouched. */
async function reseal(doc: PDFDocument, key: SealKey): Promise<Uint8Array> {
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: 'Pacto integrity seal',
    contactInfo: '',
    name: key.subject,
    location: '',
    signingTime: NOW,
    signatureLength: 8192,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
  });
  const prepared = await doc.save({ useObjectStreams: false });
  const sealed = await new SignPdf().sign(Buffer.from(prepared), new P12Signer(Buffer.from(key.p12), { passphrase: key.passphrase }), NOW);
  return new Uint8Array(sealed);
}

/** Where the seal's /Contents hex digits are: `[start, end)` offsets in the file, and where the DER part of them ends. */
function contentsHex(bytes: Uint8Array): { start: number; end: number; derEnd: number } {
  const [, length1, start2] = findSignatures(bytes)[0]!.byteRange!;
  const start = length1 + 1;
  const end = start2 - 1;
  const hex = latin1(bytes.subarray(start, end));
  const derLength = 4 + parseInt(hex.slice(4, 8), 16);
  return { start, end, derEnd: start + derLength * 2 };
}

describe('the genuine file', () => {
  it('is intact, with its page text checked', async () => {
    const r = await verifyAgreementPdf(genuine, { ownKeyFingerprint: testKey().keyFingerprint });
    expect(r.reasons).toEqual([]);
    expect(r.status).toBe('intact');
    expect(r.seal).toMatchObject({ intact: true, key: 'own', count: 1 });
    expect(r.pageText.status).toBe('match');
  });
});

describe('(a) an incremental update adding text, then a second signature by a key named like Pacto’s', () => {
  it('is altered, although readers show the added sentence and the second signature covers the whole file', async () => {
    const sentence = 'Ventas acepta pagar 500.000 EUR';
    const updated = await addSentence(genuine, sentence);
    expect((await readPdf(updated)).pages[0]).toContain(sentence);
    const attacked = await addSecondSignature(updated, attackerKey);
    const [first, second] = findSignatures(attacked);
    expect(second!.byteRange![2] + second!.byteRange![3]).toBe(attacked.length);
    expect(first!.byteRange![2] + first!.byteRange![3]).toBeLessThan(attacked.length);

    const r = await verifyAgreementPdf(attacked, { ownKeyFingerprint: testKey().keyFingerprint });
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(expect.arrayContaining(['seal-multiple', 'modified-after-seal', 'page-text-mismatch']));
    expect(r.seal).toMatchObject({ intact: false, count: 2 });
    expect(r.pageText).toMatchObject({ status: 'mismatch', changedPages: [1] });
  });

  it('is altered with the update alone', async () => {
    const r = await verifyAgreementPdf(await addSentence(genuine, 'Ventas acepta pagar 500.000 EUR'));
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(expect.arrayContaining(['modified-after-seal', 'page-text-mismatch']));
  });
});

describe('(b) seal stripped, visible text changed, re-sealed with a fresh key', () => {
  it('is altered: the page text no longer matches the sealed record, and the key is unknown', async () => {
    const at = indexOf(genuine, 'every MQL');
    const changed = new Uint8Array(genuine);
    changed.set(Buffer.from('every SQL', 'latin1'), at);
    const attacked = await reseal(await stripSeal(changed), createSealKey(NOW));
    expect(findSignatures(attacked)).toHaveLength(1);
    const view = await readPdf(attacked);
    expect(view.pages[0]).toContain('every SQL');
    expect([...view.attachments.keys()].sort()).toEqual([PAGES_ATTACHMENT_NAME, SNAPSHOT_ATTACHMENT_NAME, SIGNATURES_ATTACHMENT_NAME].sort());

    const r = await verifyAgreementPdf(attacked, { ownKeyFingerprint: testKey().keyFingerprint });
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['page-text-mismatch']);
    expect(r.seal).toMatchObject({ intact: true, key: 'unknown' });
    expect(r.seal.keyFingerprint).not.toBe(testKey().keyFingerprint);
  });

  it('a whole forgery (made anew with a new key and the changed text) is intact by itself, but sealed by an unknown key', async () => {
    const forger = createSealKey(NOW);
    const { bytes: forged } = await agreementPdf({ key: forger, lines: (lines) => lines.map((l) => l.replace('every MQL', 'every SQL')) });
    expect((await readPdf(forged)).pages[0]).toContain('every SQL');
    const r = await verifyAgreementPdf(forged, { ownKeyFingerprint: testKey().keyFingerprint });
    expect(r.status).toBe('intact');
    expect(r.seal).toMatchObject({ key: 'unknown', keyFingerprint: forger.keyFingerprint });
  });
});

describe('(c) a second signature with no content change', () => {
  it('is altered', async () => {
    const attacked = await addSecondSignature(genuine, attackerKey);
    const r = await verifyAgreementPdf(attacked);
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(expect.arrayContaining(['seal-multiple', 'modified-after-seal']));
    expect(r.pageText.status).toBe('match');
  });

  it('is altered also when the second signature is by this installation’s own key', async () => {
    const r = await verifyAgreementPdf(await addSecondSignature(genuine, testKey()), { ownKeyFingerprint: testKey().keyFingerprint });
    expect(r.status).toBe('altered');
    expect(codes(r)).toContain('seal-multiple');
  });
});

describe('(d) bytes inside /Contents', () => {
  it('a message written into the zero padding', async () => {
    const { derEnd, end } = contentsHex(genuine);
    const message = Buffer.from('Ventas acepta pagar 500.000 EUR', 'latin1').toString('hex');
    expect(derEnd + message.length).toBeLessThan(end);
    const attacked = new Uint8Array(genuine);
    attacked.set(Buffer.from(message, 'latin1'), derEnd + 100);
    const r = await verifyAgreementPdf(attacked);
    expect(r.status).toBe('altered');
    expect(codes(r)).toEqual(['seal-not-canonical']);
  });

  it('hex case flips: one digit, and all of them', async () => {
    const { start, derEnd } = contentsHex(genuine);
    const hex = latin1(genuine.subarray(start, derEnd));
    const letter = start + hex.search(/[a-f]/);
    const one = await verifyAgreementPdf(withByte(genuine, letter, genuine[letter]! - 32));
    expect(one.status).toBe('altered');
    expect(codes(one)).toEqual(['seal-not-canonical']);
    const all = new Uint8Array(genuine);
    all.set(Buffer.from(hex.toUpperCase(), 'latin1'), start);
    const upper = await verifyAgreementPdf(all);
    expect(upper.status).toBe('altered');
    expect(codes(upper)).toEqual(['seal-not-canonical']);
  });

  it('the certificate’s subject and validity dates', async () => {
    const { start, derEnd } = contentsHex(genuine);
    const hex = latin1(genuine.subarray(start, derEnd));
    const subject = Buffer.from(testKey().subject, 'latin1').toString('hex');
    const notAfter = Buffer.from('461130170000Z', 'latin1').toString('hex');
    for (const [what, found] of [
      ['subject', hex.indexOf(subject)],
      ['notAfter', hex.indexOf(notAfter)],
    ] as const) {
      expect(found, what).toBeGreaterThan(0);
      // One digit of the encoded text: e.g. "seal" → "seam", 2046 → 2047.
      const at = start + found + (what === 'subject' ? subject.length - 1 : 3);
      const value = genuine[at] === 0x37 ? 0x38 : 0x37;
      const r = await verifyAgreementPdf(withByte(genuine, at, value));
      expect(r.status, what).toBe('altered');
      expect(codes(r), what).toEqual([expect.stringMatching(/^seal-(broken|not-canonical)$/)]);
    }
  });

  it('every hex digit of the signature changed, one at a time', async () => {
    const { start, derEnd } = contentsHex(genuine);
    const intact: number[] = [];
    // Every second digit (one per signature byte, alternating high and low nibble): ~1,400 changes.
    for (let at = start; at < derEnd; at += 2) {
      const nibble = at + (((at - start) / 2) % 2);
      const c = genuine[nibble]!;
      const value = c === 0x30 ? 0x31 : c >= 0x61 ? c - 32 : 0x30; // 0→1, a-f → A-F, other digits → 0
      const r = await verifyAgreementPdf(withByte(genuine, nibble, value));
      if (r.status !== 'altered') intact.push(nibble);
    }
    expect(intact).toEqual([]);
  }, 120_000);
});

describe('random and targeted single-byte changes', () => {
  /** Checks each change; returns the offsets whose change was not found altered. */
  async function missed(changes: [number, number][]): Promise<string[]> {
    const out: string[] = [];
    for (const [at, value] of changes) {
      const r = await verifyAgreementPdf(withByte(genuine, at, value));
      if (r.status !== 'altered') out.push(`${at}:${value} → ${r.status}`);
    }
    return out;
  }

  const CHUNKS = 8;
  const PER_CHUNK = 250;
  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`random offsets, seeded (${chunk * PER_CHUNK + 1}–${(chunk + 1) * PER_CHUNK} of ${CHUNKS * PER_CHUNK})`, async () => {
      const next = random(0x9ac70 + chunk);
      const changes: [number, number][] = [];
      while (changes.length < PER_CHUNK) {
        const at = Math.floor(next() * genuine.length);
        const value = Math.floor(next() * 256);
        if (value !== genuine[at]) changes.push([at, value]);
      }
      expect(await missed(changes)).toEqual([]);
    }, 120_000);
  }

  /** Each byte of `[start, end)` changed in turn to a plausible other byte (a digit, a letter or a space changed). */
  function everyByte(start: number, end: number): [number, number][] {
    const changes: [number, number][] = [];
    for (let at = start; at < end; at++) {
      const c = genuine[at]!;
      changes.push([at, c >= 0x30 && c <= 0x39 ? 0x30 + ((c - 0x30 + 1) % 10) : c === 0x20 ? 0x0a : c ^ 0x01]);
    }
    return changes;
  }

  it('the header, the xref table and the trailer', async () => {
    const text = latin1(genuine);
    const xref = text.lastIndexOf('\nxref\n');
    expect(xref).toBeGreaterThan(0);
    const header = everyByte(0, 8);
    expect(await missed([...header, ...everyByte(xref, genuine.length)])).toEqual([]);
  }, 120_000);

  it('the signature dictionary outside /Contents', async () => {
    const sig = findSignatures(genuine)[0]!;
    const dictStart = latin1(genuine).lastIndexOf('<<', sig.offset);
    const dictEnd = latin1(genuine).indexOf('>>', sig.byteRange![2]) + 2;
    expect(await missed([...everyByte(dictStart, sig.byteRange![1]), ...everyByte(sig.byteRange![2], dictEnd)])).toEqual([]);
  }, 120_000);

  it('the attachments: snapshot, signatures record, page-text record', async () => {
    const changes: [number, number][] = [];
    for (const name of [SNAPSHOT_ATTACHMENT_NAME, SIGNATURES_ATTACHMENT_NAME, PAGES_ATTACHMENT_NAME]) {
      const { start, end } = embeddedFileData(genuine, name);
      // Every 7th byte of the larger ones, every byte of a short one.
      const step = end - start > 1000 ? 7 : 1;
      for (const change of everyByte(start, end)) if ((change[0] - start) % step === 0) changes.push(change);
    }
    expect(changes.length).toBeGreaterThan(300);
    expect(await missed(changes)).toEqual([]);
  }, 120_000);
});
