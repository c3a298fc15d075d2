// The seal's CMS signer (electron/seal/seal.ts SealSigner) against @signpdf/signer-p12, whose output the verifier's
// canonical check (electron/seal/cms.ts) is written for: the same bytes, for a new key and an earlier Pacto's key.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { P12Signer } from '@signpdf/signer-p12';
import { createSealKey, LEGACY_P12_PASSPHRASE, readSealKey, type SealKey } from '../../electron/seal/key';
import { SealSigner } from '../../electron/seal/seal';

const signingTime = new Date('2027-01-15T10:30:00Z');
const content = Buffer.from(`%PDF-1.7\n${'Pacto agreement page text. '.repeat(4000)}\n%%EOF\n`, 'latin1');

describe('SealSigner', () => {
  it('writes the same DER as signer-p12 for a new key', async () => {
    const key = createSealKey();
    const ours = await new SealSigner(key).sign(content, signingTime);
    const theirs = await new P12Signer(Buffer.from(key.p12), { passphrase: key.passphrase }).sign(content, signingTime);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('writes the same DER as signer-p12 for an earlier Pacto key, and for a key object it did not read', async () => {
    const legacy = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/legacy-seal-key.p12')));
    const key = readSealKey(legacy, LEGACY_P12_PASSPHRASE);
    // A copy is not the object readSealKey unpacked: the signer opens its PKCS#12 itself.
    const copy: SealKey = { ...key };
    const theirs = await new P12Signer(Buffer.from(legacy), { passphrase: LEGACY_P12_PASSPHRASE }).sign(content, signingTime);
    expect((await new SealSigner(key).sign(content, signingTime)).equals(theirs)).toBe(true);
    expect((await new SealSigner(copy).sign(content, signingTime)).equals(theirs)).toBe(true);
  });

  it('signs again with the same key object, and differs when the content differs', async () => {
    const key = createSealKey();
    const signer = new SealSigner(key);
    const first = await signer.sign(content, signingTime);
    expect((await signer.sign(content, signingTime)).equals(first)).toBe(true);
    const other = Buffer.from(content);
    other[20] = other[20]! ^ 1;
    expect((await signer.sign(other, signingTime)).equals(first)).toBe(false);
  });

  it('says the key cannot be read when its PKCS#12 passphrase is wrong', async () => {
    const key = { ...createSealKey(), passphrase: 'wrong' };
    await expect(new SealSigner(key).sign(content, signingTime)).rejects.toThrow(/not a readable PKCS#12/);
  });
});
