import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createSealKey,
  ensureSealKey,
  fileSealKeyStore,
  LEGACY_P12_PASSPHRASE,
  NO_KEYCHAIN,
  openSealKeyEnvelope,
  ownSealKeyFingerprint,
  readSealKey,
  SealKeyError,
  SEAL_SUBJECT_PREFIX,
  type KeyProtection,
  type SealKeyStore,
} from '../../electron/seal/key';
import { verifyAgreementPdf } from '../../electron/seal/verify';

const FIXTURES = resolve(__dirname, '../fixtures');

/** A store in memory that counts writes. */
function memoryStore(initial: Uint8Array | null = null, legacy: Uint8Array | null = null) {
  const state = { bytes: initial, writes: 0, legacy };
  const store: SealKeyStore = {
    read: async () => state.bytes,
    create: async (b) => {
      if (state.bytes) return false;
      state.writes += 1;
      state.bytes = b;
      return true;
    },
    readLegacy: async () => state.legacy,
    removeLegacy: async () => {
      state.legacy = null;
    },
  };
  return { store, state };
}

/**
 * A stand-in for Electron's safeStorage: "encrypts" by XOR with a secret and a
 * marker, so a test can tell encrypted bytes from plain ones, and can lock it.
 */
function fakeKeychain() {
  const state = { locked: false, calls: 0 };
  const secret = 0x5a;
  const keychain: KeyProtection = {
    available: async () => true,
    encrypt: async (plain) => {
      state.calls += 1;
      return new Uint8Array([0x76, 0x31, 0x30, ...Buffer.from(plain, 'utf8').map((b) => b ^ secret)]);
    },
    decrypt: async (cipher) => {
      if (state.locked) throw new Error('keychain locked');
      if (cipher[0] !== 0x76) throw new Error('not mine');
      return Buffer.from(cipher.subarray(3).map((b) => b ^ secret)).toString('utf8');
    },
  };
  return { keychain, state };
}

describe('seal key', () => {
  it('is created and stored on first use, then read back unchanged', async () => {
    const { store, state } = memoryStore();
    const { keychain } = fakeKeychain();
    const first = await ensureSealKey(store, keychain, new Date('2026-11-30T00:00:00Z'));
    expect(state.writes).toBe(1);
    const second = await ensureSealKey(store, keychain);
    expect(state.writes).toBe(1);
    expect(second.certificateSha256).toBe(first.certificateSha256);
    expect(second.keyFingerprint).toBe(first.keyFingerprint);
    expect(second.subject).toBe(first.subject);
    expect(first.subject.startsWith(SEAL_SUBJECT_PREFIX)).toBe(true);
    expect(await ownSealKeyFingerprint(store)).toBe(first.keyFingerprint);
  });

  it('has a self-signed certificate valid for twenty years, for digital signatures; its fingerprint is the public key’s SHA-256', () => {
    const key = createSealKey(new Date('2026-11-30T00:00:00Z'));
    const cert = new X509Certificate(key.certificatePem);
    expect(cert.subject).toBe(cert.issuer);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(key.notAfter.slice(0, 4)).toBe('2046');
    expect(cert.ca).toBe(false);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.certificateSha256).toBe(cert.fingerprint256.replaceAll(':', '').toLowerCase());
    expect(key.keyFingerprint).toBe(
      createHash('sha256')
        .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex'),
    );
  });

  it('uses a random passphrase per key, never a fixed one', () => {
    const a = createSealKey();
    const b = createSealKey();
    expect(a.passphrase).not.toBe(b.passphrase);
    expect(a.passphrase.length).toBeGreaterThanOrEqual(40);
    expect(() => readSealKey(a.p12, LEGACY_P12_PASSPHRASE)).toThrow(SealKeyError);
    expect(readSealKey(a.p12, a.passphrase).keyFingerprint).toBe(a.keyFingerprint);
  });

  it('keeps the passphrase encrypted by the OS keychain where there is one', async () => {
    const { store, state } = memoryStore();
    const { keychain, state: chain } = fakeKeychain();
    const key = await ensureSealKey(store, keychain);
    expect(key.protection).toBe('os-keychain');
    expect(chain.calls).toBe(1);
    const text = new TextDecoder().decode(state.bytes!);
    expect(JSON.parse(text)).toMatchObject({ format: 'pacto-seal-key', formatVersion: 2, protection: 'os-keychain' });
    expect(text).not.toContain(key.passphrase);
    // A locked keychain: a clear error, and the file is left as it was.
    chain.locked = true;
    await expect(ensureSealKey(store, keychain)).rejects.toThrow(/OS keychain did not unlock/);
    expect(new TextDecoder().decode(state.bytes!)).toBe(text);
  });

  it('without a keychain, stores the passphrase as it is and says so (file permissions only)', async () => {
    const { store, state } = memoryStore();
    const key = await ensureSealKey(store, NO_KEYCHAIN);
    expect(key.protection).toBe('file-permissions');
    expect(JSON.parse(new TextDecoder().decode(state.bytes!))).toMatchObject({ protection: 'file-permissions', passphrase: key.passphrase });
    expect((await openSealKeyEnvelope(state.bytes!, NO_KEYCHAIN)).keyFingerprint).toBe(key.keyFingerprint);
  });

  it('never overwrites stored bytes it cannot read', async () => {
    const garbage = new TextEncoder().encode('not a key');
    const { store, state } = memoryStore(garbage);
    await expect(ensureSealKey(store, NO_KEYCHAIN)).rejects.toBeInstanceOf(SealKeyError);
    expect(state.writes).toBe(0);
    expect(state.bytes).toBe(garbage);
  });

  it('tells two installations’ keys apart', () => {
    expect(createSealKey().keyFingerprint).not.toBe(createSealKey().keyFingerprint);
  });

  it('moves an earlier Pacto’s key (seal-key.p12) into the envelope; PDFs it sealed still name this installation’s key', async () => {
    const legacy = new Uint8Array(readFileSync(join(FIXTURES, 'legacy-seal-key.p12')));
    const { store, state } = memoryStore(null, legacy);
    const { keychain } = fakeKeychain();
    const before = readSealKey(legacy, LEGACY_P12_PASSPHRASE);
    expect(await ownSealKeyFingerprint(store)).toBe(before.keyFingerprint);
    const key = await ensureSealKey(store, keychain);
    expect(key.keyFingerprint).toBe(before.keyFingerprint);
    expect(key.passphrase).not.toBe(LEGACY_P12_PASSPHRASE);
    expect(state.legacy).toBeNull();
    expect(state.writes).toBe(1);
    const old = await verifyAgreementPdf(new Uint8Array(readFileSync(join(FIXTURES, 'legacy-agreement-v1.pdf'))), { ownKeyFingerprint: key.keyFingerprint });
    expect(old.status).toBe('intact');
    expect(old.seal.key).toBe('own');
  });

  it('keeps the key in a file only its user can read, created atomically, never failing on a leftover temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacto-seal-'));
    try {
      const path = join(dir, 'nested', 'seal-key.json');
      const store = fileSealKeyStore(path);
      expect(await store.read()).toBeNull();
      // A leftover of a crashed earlier run, under the name older code used (it made creation fail with EEXIST).
      await mkdir(join(dir, 'nested'));
      await writeFile(`${path}.${process.pid}.tmp`, 'half a key');
      const key = await ensureSealKey(store, NO_KEYCHAIN);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await openSealKeyEnvelope(await readFile(path), NO_KEYCHAIN)).keyFingerprint).toBe(key.keyFingerprint);
      expect((await ensureSealKey(fileSealKeyStore(path), NO_KEYCHAIN)).keyFingerprint).toBe(key.keyFingerprint);
      // No temporary file of ours is left behind.
      expect((await readdir(join(dir, 'nested'))).sort()).toEqual([`seal-key.json`, `seal-key.json.${process.pid}.tmp`].sort());
      await writeFile(path, 'broken');
      await expect(ensureSealKey(store, NO_KEYCHAIN)).rejects.toThrow(/not a Pacto seal key file/);
      expect(await readFile(path, 'utf8')).toBe('broken');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('two creations at once end with one key, which both use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacto-seal-'));
    try {
      const path = join(dir, 'seal-key.json');
      const [a, b] = await Promise.all([ensureSealKey(fileSealKeyStore(path), NO_KEYCHAIN), ensureSealKey(fileSealKeyStore(path), NO_KEYCHAIN)]);
      expect(a.keyFingerprint).toBe(b.keyFingerprint);
      expect(await readdir(dir)).toEqual(['seal-key.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a file store moves the legacy file and removes it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacto-seal-'));
    try {
      const legacyPath = join(dir, 'seal-key.p12');
      await writeFile(legacyPath, readFileSync(join(FIXTURES, 'legacy-seal-key.p12')));
      const key = await ensureSealKey(fileSealKeyStore(join(dir, 'seal-key.json'), legacyPath), NO_KEYCHAIN);
      expect(key.keyFingerprint).toBe(readSealKey(readFileSync(join(FIXTURES, 'legacy-seal-key.p12')), LEGACY_P12_PASSPHRASE).keyFingerprint);
      expect(await readdir(dir)).toEqual(['seal-key.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
