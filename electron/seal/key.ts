/**
 * The seal key: an RSA key and a self-signed certificate Pacto creates on
 * first use and keeps, so every PDF it exports can carry a standard PDF
 * signature (PAdES) over its bytes. The seal proves the file was not changed
 * after export (integrity); it says nothing about who exported it (identity):
 * nobody vouches for a self-signed certificate.
 *
 * Storage is injected ({@link SealKeyStore}): the app keeps the PKCS#12 file
 * in its user-data folder (see {@link fileSealKeyStore}); tests keep it in memory.
 */
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import forge from 'node-forge';

/** Passphrase of the stored PKCS#12. Not a secret: the file's protection is where it is kept. */
export const SEAL_KEY_PASSPHRASE = 'pacto-seal';

/** Common name every Pacto seal certificate starts with; the verifier uses it to recognise a Pacto seal. */
export const SEAL_SUBJECT_PREFIX = 'Pacto integrity seal';

/** How many years a new seal certificate is valid. */
const VALIDITY_YEARS = 20;

/** Where the seal key's PKCS#12 bytes live. */
export interface SealKeyStore {
  /** The stored bytes, or `null` when nothing was stored yet. */
  read(): Promise<Uint8Array | null>;
  /** Stores `bytes`. {@link ensureSealKey} calls it only after `read` gave `null`. */
  write(bytes: Uint8Array): Promise<void>;
}

/** A usable seal key. */
export interface SealKey {
  /** PKCS#12 (DER) holding the private key and the certificate, encrypted with {@link SEAL_KEY_PASSPHRASE}. */
  p12: Uint8Array;
  passphrase: string;
  /** The certificate, PEM. */
  certificatePem: string;
  /** SHA-256 of the certificate's DER bytes, lowercase hex: tells one installation's seal from another's. */
  certificateSha256: string;
  /** The certificate's common name, e.g. `Pacto integrity seal 3f2a9c01`. */
  subject: string;
  /** When the certificate stops being valid, ISO 8601 instant. */
  notAfter: string;
}

/** Thrown when stored seal key bytes cannot be used; the stored file is left as it is. */
export class SealKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealKeyError';
  }
}

/**
 * Makes a new seal key: RSA 2048 (Node's native generator), a self-signed
 * X.509 certificate (SHA-256, digital signature + non-repudiation key usage,
 * valid from one day before `now` for {@link VALIDITY_YEARS} years), packed as
 * PKCS#12 (3DES, as Acrobat and @signpdf/signer-p12 read it).
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
  const p12 = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, cert, SEAL_KEY_PASSPHRASE, { algorithm: '3des' })).getBytes();
  return readSealKey(Buffer.from(p12, 'binary'));
}

/**
 * Reads a stored seal key. Throws {@link SealKeyError} when the bytes are not
 * a PKCS#12 Pacto can open, or hold no private key with its certificate.
 */
export function readSealKey(p12: Uint8Array): SealKey {
  let key: forge.pki.rsa.PrivateKey | undefined;
  let cert: forge.pki.Certificate | undefined;
  try {
    const asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'));
    const pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, SEAL_KEY_PASSPHRASE);
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
  const certificatePem = forge.pki.certificateToPem(cert);
  const x509 = new X509Certificate(certificatePem);
  return {
    p12: new Uint8Array(p12),
    passphrase: SEAL_KEY_PASSPHRASE,
    certificatePem,
    certificateSha256: x509.fingerprint256.replaceAll(':', '').toLowerCase(),
    subject: String(cert.subject.getField('CN')?.value ?? ''),
    notAfter: cert.validity.notAfter.toISOString(),
  };
}

/**
 * The installation's seal key: the stored one, or a new one created and
 * stored on first use. Throws {@link SealKeyError} when stored bytes exist
 * but cannot be used (they are never overwritten), and what `store` throws.
 */
export async function ensureSealKey(store: SealKeyStore, now: Date = new Date()): Promise<SealKey> {
  const stored = await store.read();
  if (stored) return readSealKey(stored);
  const created = createSealKey(now);
  await store.write(created.p12);
  return created;
}

/**
 * A {@link SealKeyStore} on a file (e.g. `<userData>/seal-key.p12`): readable
 * only by the user, written to a temporary file and renamed so a crash never
 * leaves half a key. `read` gives `null` only when the file does not exist.
 */
export function fileSealKeyStore(path: string): SealKeyStore {
  return {
    async read() {
      try {
        return new Uint8Array(await readFile(path));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    async write(bytes) {
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
      await rename(temp, path);
    },
  };
}
