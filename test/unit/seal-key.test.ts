import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { createSealKey, ensureSealKey, fileSealKeyStore, readSealKey, SealKeyError, SEAL_SUBJECT_PREFIX, type SealKeyStore } from '../../electron/seal/key';

/** A store in memory that counts writes. */
function memoryStore(initial: Uint8Array | null = null) {
  const state = { bytes: initial, writes: 0 };
  const store: SealKeyStore = {
    read: async () => state.bytes,
    write: async (b) => {
      state.writes += 1;
      state.bytes = b;
    },
  };
  return { store, state };
}

describe('seal key', () => {
  it('is created and stored on first use, then read back unchanged', async () => {
    const { store, state } = memoryStore();
    const first = await ensureSealKey(store, new Date('2026-11-30T00:00:00Z'));
    expect(state.writes).toBe(1);
    const second = await ensureSealKey(store);
    expect(state.writes).toBe(1);
    expect(second.certificateSha256).toBe(first.certificateSha256);
    expect(second.subject).toBe(first.subject);
    expect(first.subject.startsWith(SEAL_SUBJECT_PREFIX)).toBe(true);
  });

  it('has a self-signed certificate valid for twenty years, for digital signatures', () => {
    const key = createSealKey(new Date('2026-11-30T00:00:00Z'));
    const cert = new X509Certificate(key.certificatePem);
    expect(cert.subject).toBe(cert.issuer);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(key.notAfter.slice(0, 4)).toBe('2046');
    expect(cert.ca).toBe(false);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.certificateSha256).toBe(cert.fingerprint256.replaceAll(':', '').toLowerCase());
  });

  it('never overwrites stored bytes it cannot read', async () => {
    const garbage = new TextEncoder().encode('not a key');
    const { store, state } = memoryStore(garbage);
    await expect(ensureSealKey(store)).rejects.toBeInstanceOf(SealKeyError);
    expect(state.writes).toBe(0);
    expect(state.bytes).toBe(garbage);
  });

  it('tells two installations’ keys apart', () => {
    expect(createSealKey().certificateSha256).not.toBe(createSealKey().certificateSha256);
  });

  it('keeps the key in a file only its user can read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pacto-seal-'));
    try {
      const path = join(dir, 'nested', 'seal-key.p12');
      const store = fileSealKeyStore(path);
      expect(await store.read()).toBeNull();
      const key = await ensureSealKey(store);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect(readSealKey(await readFile(path)).certificateSha256).toBe(key.certificateSha256);
      expect((await ensureSealKey(fileSealKeyStore(path))).certificateSha256).toBe(key.certificateSha256);
      await writeFile(path, 'broken');
      await expect(ensureSealKey(store)).rejects.toThrow(/not a readable PKCS#12/);
      expect(await readFile(path, 'utf8')).toBe('broken');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
