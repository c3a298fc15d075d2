/**
 * The seal key: an RSA key and a self-signed certificate Pacto creates on
 * first use and keeps, so every PDF it exports can carry a standard PDF
 * signature (PAdES) over its bytes. The seal proves the file was not changed
 * after export (integrity); it says nothing about who exported it (identity):
 * nobody vouches for a self-signed certificate.
 *
 * Kept as a PKCS#12 encrypted with a random passphrase made for that key;
 * the passphrase is encrypted with the OS keychain (Electron `safeStorage`:
 * Keychain on macOS, DPAPI on Windows, libsecret or KWallet on Linux). Where
 * no keychain is available (e.g. Linux without a secret service, where
 * Electron falls back to a fixed key), the passphrase is stored as it is and
 * the key is protected only by the file's permissions (readable by the user
 * alone) — the envelope says which (`protection`), and docs/verification.md
 * explains it. Both are injected ({@link SealKeyStore}, {@link KeyProtection})
 * so the module is tested in Node.
 *
 * Stored envelope (`seal-key.json`, UTF-8 JSON): `format`, `formatVersion`
 * 2, `certificatePem` (public: lets a verifier know its own key without
 * unlocking it), `protection` (`os-keychain` | `file-permissions`),
 * `passphrase` (base64 of the keychain-encrypted passphrase, or the
 * passphrase itself), `p12` (base64).
 *
 * Earlier Pacto versions kept `seal-key.p12` under a passphrase written in
 * their source ({@link LEGACY_P12_PASSPHRASE}); {@link ensureSealKey} moves
 * such a key into the envelope (same key and certificate, so PDFs it sealed
 * still name this installation's key) and removes the old file.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, X509Certificate, type KeyObject } from 'node:crypto';
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import forge from 'node-forge';
import { keyFingerprintOf } from './cms';

/** Common name every Pacto seal certificate starts with; the verifier uses it to recognise a Pacto seal. */
export const SEAL_SUBJECT_PREFIX = 'Pacto integrity seal';

/**
 * The passphrase Pacto before envelope version 2 wrote its `seal-key.p12`
 * with. Public (it was in the source), so it protected nothing; kept only to
 * read such a key once and move it into the envelope.
 */
export const LEGACY_P12_PASSPHRASE = 'pacto-seal';

const ENVELOPE_FORMAT = 'pacto-seal-key';
const ENVELOPE_VERSION = 2;

/** How many years a new seal certificate is valid. */
const VALIDITY_YEARS = 20;

/** How the passphrase of a stored key is protected. */
export type KeyProtectionLevel = 'os-keychain' | 'file-permissions';

/** The OS keychain, as Electron's `safeStorage` offers it (see electron/main for the adapter). */
export interface KeyProtection {
  /** True when `encrypt` really uses an OS keychain (false on Linux's `basic_text` fallback, or with no keychain at all). */
  available(): Promise<boolean>;
  /** Encrypts `plain` with the keychain; throws when it cannot. */
  encrypt(plain: string): Promise<Uint8Array>;
  /** Decrypts what `encrypt` gave; throws when the keychain refuses or the bytes are not its own. */
  decrypt(cipher: Uint8Array): Promise<string>;
}

/** No keychain: every key is stored with {@link KeyProtectionLevel} `file-permissions`. */
export const NO_KEYCHAIN: KeyProtection = {
  available: async () => false,
  encrypt: async () => {
    throw new Error('No OS keychain');
  },
  decrypt: async () => {
    throw new Error('No OS keychain');
  },
};

/** Where the seal key's envelope lives. */
export interface SealKeyStore {
  /** The stored envelope, or `null` when none was stored yet. */
  read(): Promise<Uint8Array | null>;
  /**
   * Stores `bytes` only if nothing is stored yet, atomically (never half a
   * file). Resolves `false`, storing nothing, when an envelope already exists
   * (e.g. another Pacto window created one first).
   */
  create(bytes: Uint8Array): Promise<boolean>;
  /** A key kept by an earlier Pacto (PKCS#12 under {@link LEGACY_P12_PASSPHRASE}), or `null`. */
  readLegacy?(): Promise<Uint8Array | null>;
  /** Removes the earlier Pacto's key once it is in the envelope. */
  removeLegacy?(): Promise<void>;
}

/** A usable seal key. */
export interface SealKey {
  /** PKCS#12 (DER) holding the private key and the certificate, encrypted with {@link SealKey.passphrase}. */
  p12: Uint8Array;
  /** The PKCS#12's passphrase: random, made for this key. */
  passphrase: string;
  /** The certificate, PEM. */
  certificatePem: string;
  /** SHA-256 of the certificate's DER bytes, lowercase hex. */
  certificateSha256: string;
  /** SHA-256 of the certificate's public key (SubjectPublicKeyInfo DER), lowercase hex: the fingerprint a verdict names. */
  keyFingerprint: string;
  /** The certificate's common name, e.g. `Pacto integrity seal 3f2a9c01`. */
  subject: string;
  /** When the certificate stops being valid, ISO 8601 instant. */
  notAfter: string;
  /** How the stored passphrase is protected (`file-permissions` for a key never stored). */
  protection: KeyProtectionLevel;
}

/** Thrown when stored seal key bytes cannot be used; the stored file is left as it is. */
export class SealKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealKeyError';
  }
}

const newPassphrase = () => randomBytes(32).toString('base64url');

function pack(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate, passphrase: string): Uint8Array {
  return new Uint8Array(Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, cert, passphrase, { algorithm: '3des' })).getBytes(), 'binary'));
}

function unpack(p12: Uint8Array, passphrase: string): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate } {
  let key: forge.pki.rsa.PrivateKey | undefined;
  let cert: forge.pki.Certificate | undefined;
  try {
    const asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'));
    const pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    const keyBag = forge.pki.oids.pkcs8ShroudedKeyBag!;
    const certBag = forge.pki.oids.certBag!;
    key = pfx.getBags({ bagType: keyBag })[keyBag]?.[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    cert = pfx.getBags({ bagType: certBag })[certBag]?.[0]?.cert;
  } catch (e) {
    throw new SealKeyError(`The stored seal key is not a readable PKCS#12 file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!key || !cert) throw new SealKeyError('The stored seal key lacks its private key or its certificate');
  const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
  if (key.n.compareTo(publicKey.n) !== 0 || key.e.compareTo(publicKey.e) !== 0) {
    throw new SealKeyError('The stored seal key does not match its certificate');
  }
  return { key, cert };
}

/**
 * Makes a new seal key: RSA 2048 (Node's native generator), a self-signed
 * X.509 certificate (SHA-256, digital signature + non-repudiation key usage,
 * valid from one day before `now` for {@link VALIDITY_YEARS} years), packed as
 * PKCS#12 (3DES, as Acrobat and @signpdf/signer-p12 read it) under a new
 * random passphrase.
 */
export function createSealKey(now: Date = new Date()): SealKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Positive serial: a leading 0x01 byte keeps the DER integer's sign bit clear.
  const serial = randomBytes(15).toString('hex');
  cert.serialNumber = `01${serial}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + VALIDITY_YEARS);
  const name = [
    { name: 'commonName', value: `${SEAL_SUBJECT_PREFIX} ${serial.slice(0, 8)}` },
    { name: 'organizationName', value: 'Pacto' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const passphrase = newPassphrase();
  return readSealKey(pack(key, cert, passphrase), passphrase);
}

/**
 * Reads a PKCS#12 seal key. Throws {@link SealKeyError} when the bytes are
 * not a PKCS#12 Pacto can open with `passphrase`, or hold no private key with
 * its certificate.
 */
export function readSealKey(p12: Uint8Array, passphrase: string, protection: KeyProtectionLevel = 'file-permissions'): SealKey {
  const { key, cert } = unpack(p12, passphrase);
  const certificatePem = forge.pki.certificateToPem(cert);
  const x509 = new X509Certificate(certificatePem);
  const sealKey: SealKey = {
    p12: new Uint8Array(p12),
    passphrase,
    certificatePem,
    certificateSha256: x509.fingerprint256.replaceAll(':', '').toLowerCase(),
    keyFingerprint: keyFingerprintOf(certificatePem),
    subject: String(cert.subject.getField('CN')?.value ?? ''),
    notAfter: cert.validity.notAfter.toISOString(),
    protection,
  };
  signingParts.set(sealKey, partsOf(key, cert));
  return sealKey;
}

/** What the seal signs with: the private key as a Node key object, and the certificate as node-forge reads it. */
export interface SealKeySigningParts {
  privateKey: KeyObject;
  certificate: forge.pki.Certificate;
}

/** The signing parts of each key read in this process, kept so an export does not open the PKCS#12 (PBKDF2 in JavaScript) again. */
const signingParts = new WeakMap<SealKey, SealKeySigningParts>();

function partsOf(key: forge.pki.rsa.PrivateKey, certificate: forge.pki.Certificate): SealKeySigningParts {
  return { privateKey: createPrivateKey(forge.pki.privateKeyToPem(key)), certificate };
}

/**
 * The private key and certificate of `key`: those {@link readSealKey} unpacked, or (for a key it did not
 * make) its PKCS#12 opened now, once. Throws {@link SealKeyError} as {@link readSealKey} does.
 */
export function sealKeySigningParts(key: SealKey): SealKeySigningParts {
  let parts = signingParts.get(key);
  if (!parts) {
    const { key: privateKey, cert } = unpack(key.p12, key.passphrase);
    parts = partsOf(privateKey, cert);
    signingParts.set(key, parts);
  }
  return parts;
}

interface Envelope {
  format: typeof ENVELOPE_FORMAT;
  formatVersion: typeof ENVELOPE_VERSION;
  certificatePem: string;
  protection: KeyProtectionLevel;
  passphrase: string;
  p12: string;
}

function parseEnvelope(bytes: Uint8Array): Envelope {
  let value: Partial<Envelope>;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<Envelope>;
  } catch {
    throw new SealKeyError('The stored seal key is not a Pacto seal key file (not JSON)');
  }
  if (value.format !== ENVELOPE_FORMAT || value.formatVersion !== ENVELOPE_VERSION) {
    throw new SealKeyError(`The stored seal key is not a Pacto seal key file of version ${ENVELOPE_VERSION}`);
  }
  if (typeof value.certificatePem !== 'string' || typeof value.passphrase !== 'string' || typeof value.p12 !== 'string') {
    throw new SealKeyError('The stored seal key file lacks its certificate, passphrase or key');
  }
  if (value.protection !== 'os-keychain' && value.protection !== 'file-permissions') {
    throw new SealKeyError('The stored seal key file names an unknown protection');
  }
  return value as Envelope;
}

/** Packs `key` into an envelope, its passphrase encrypted by the keychain when one is available. */
export async function sealKeyEnvelope(key: SealKey, protection: KeyProtection): Promise<{ bytes: Uint8Array; protection: KeyProtectionLevel }> {
  const level: KeyProtectionLevel = (await protection.available()) ? 'os-keychain' : 'file-permissions';
  const passphrase = level === 'os-keychain' ? Buffer.from(await protection.encrypt(key.passphrase)).toString('base64') : key.passphrase;
  const envelope: Envelope = {
    format: ENVELOPE_FORMAT,
    formatVersion: ENVELOPE_VERSION,
    certificatePem: key.certificatePem,
    protection: level,
    passphrase,
    p12: Buffer.from(key.p12).toString('base64'),
  };
  return { bytes: new TextEncoder().encode(`${JSON.stringify(envelope, null, 2)}\n`), protection: level };
}

/** Opens a stored envelope; throws {@link SealKeyError} when it is damaged or the keychain cannot unlock it. */
export async function openSealKeyEnvelope(bytes: Uint8Array, protection: KeyProtection): Promise<SealKey> {
  const envelope = parseEnvelope(bytes);
  let passphrase = envelope.passphrase;
  if (envelope.protection === 'os-keychain') {
    try {
      passphrase = await protection.decrypt(new Uint8Array(Buffer.from(envelope.passphrase, 'base64')));
    } catch (e) {
      throw new SealKeyError(`The OS keychain did not unlock the seal key (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  const key = readSealKey(new Uint8Array(Buffer.from(envelope.p12, 'base64')), passphrase, envelope.protection);
  if (key.certificatePem.trim() !== envelope.certificatePem.trim()) throw new SealKeyError('The stored seal key does not match the certificate stored with it');
  return key;
}

/**
 * The fingerprint of this installation's seal key (see
 * {@link SealKey.keyFingerprint}) without unlocking it, or `null` when none
 * was created yet. Reads the envelope's certificate, or an earlier Pacto's
 * key file. Throws {@link SealKeyError} for stored bytes it cannot read.
 */
export async function ownSealKeyFingerprint(store: SealKeyStore): Promise<string | null> {
  const stored = await store.read();
  if (stored) return keyFingerprintOf(parseEnvelope(stored).certificatePem);
  const legacy = await store.readLegacy?.();
  return legacy ? readSealKey(legacy, LEGACY_P12_PASSPHRASE).keyFingerprint : null;
}

/**
 * The installation's seal key: the stored one; else an earlier Pacto's key,
 * moved into the envelope; else a new one, created and stored on first use.
 * Throws {@link SealKeyError} when stored bytes exist but cannot be used
 * (they are never overwritten), and what `store` throws.
 */
export async function ensureSealKey(store: SealKeyStore, protection: KeyProtection, now: Date = new Date()): Promise<SealKey> {
  const stored = await store.read();
  if (stored) return openSealKeyEnvelope(stored, protection);
  const legacy = await store.readLegacy?.();
  let key: SealKey;
  if (legacy) {
    const { key: privateKey, cert } = unpack(legacy, LEGACY_P12_PASSPHRASE);
    const passphrase = newPassphrase();
    key = readSealKey(pack(privateKey, cert, passphrase), passphrase);
  } else {
    key = createSealKey(now);
  }
  const envelope = await sealKeyEnvelope(key, protection);
  if (!(await store.create(envelope.bytes))) {
    // Another process stored its key first: use that one, so every export of this installation names the same key.
    const winner = await store.read();
    if (!winner) throw new SealKeyError('The seal key file disappeared while it was being created');
    return openSealKeyEnvelope(winner, protection);
  }
  if (legacy) await store.removeLegacy?.();
  return { ...key, protection: envelope.protection };
}

async function readOrNull(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * A {@link SealKeyStore} on a file (e.g. `<userData>/seal-key.json`),
 * readable only by the user. `create` writes a temporary file of its own
 * (random name, so a file left by a crash never gets in the way), flushes it
 * to disk, then links it to `path`, which fails when `path` exists (no
 * overwrite, no half file); where the file system has no hard links it renames
 * instead. `legacyPath` is an earlier Pacto's `seal-key.p12`.
 */
export function fileSealKeyStore(path: string, legacyPath?: string): SealKeyStore {
  return {
    read: () => readOrNull(path),
    async create(bytes) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const temp = `${path}.${randomUUID()}.tmp`;
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await link(temp, path);
        return true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') return false;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
        // No hard links here (e.g. FAT): rename, after checking nothing is stored yet.
        if (
          await stat(path).then(
            () => true,
            () => false,
          )
        )
          return false;
        await rename(temp, path);
        return true;
      } finally {
        await rm(temp, { force: true });
      }
    },
    ...(legacyPath
      ? {
          readLegacy: () => readOrNull(legacyPath),
          removeLegacy: () => rm(legacyPath, { force: true }),
        }
      : {}),
  };
}
