/**
 * Checking a PDF signature's `/Contents` as the detached CMS (PKCS#7)
 * SignedData Pacto's seal writes (subfilter `adbe.pkcs7.detached`,
 * RFC 5652 §5.4, §5.6), strictly: every byte of `/Contents` must be either
 * checked by cryptography or be exactly what Pacto's signer writes.
 *
 * - the hex is lower case (as Pacto writes it), the DER signature is followed
 *   only by zero padding;
 * - the DER is exactly the structure Pacto's signer (@signpdf with
 *   node-forge) produces, rebuilt here from the parts that cryptography
 *   checks: the one certificate (self-signed, its own signature verifies, so
 *   its subject, dates and key cannot change), the signed attributes (covered
 *   by the signature) and the signature value;
 * - the digest of the signed bytes equals the signed `messageDigest`, and the
 *   signature over the signed attributes verifies with the certificate's key.
 *
 * node-forge parses and re-encodes the ASN.1; Node's crypto hashes and
 * verifies (no cryptography of our own).
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** Outcome of checking one CMS signature. `problem` is set when `ok` is false. */
export interface CmsCheck {
  ok: boolean;
  /**
   * `malformed`: not a SignedData Pacto can read; `not-canonical`: readable,
   * but some byte of `/Contents` differs from what Pacto's signer writes
   * (padding, hex case, structure); `certificate`: the certificate's own
   * signature does not verify or its dates do not include the signing time;
   * `digest`: the signed bytes changed; `signature`: the signature does not
   * verify.
   */
  problem?: 'malformed' | 'not-canonical' | 'certificate' | 'digest' | 'signature';
  /** Signer certificate's common name (e.g. `Pacto integrity seal 3f2a9c01`), if readable. */
  signer: string | null;
  /** SHA-256 of the signer certificate's DER, lowercase hex. */
  certificateSha256: string | null;
  /** SHA-256 of the signer certificate's public key (SubjectPublicKeyInfo DER), lowercase hex: the seal key's fingerprint. */
  keyFingerprint: string | null;
  /** Signing time from the signed attributes, ISO 8601 UTC. */
  signingTime: string | null;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

const { Class, Type } = forge.asn1;
type Asn1 = forge.asn1.Asn1;

const create = (type: number, constructed: boolean, value: Asn1[] | string, tagClass: number = Class.UNIVERSAL) =>
  forge.asn1.create(tagClass, type, constructed, value);
const oid = (id: string) => create(Type.OID, false, forge.asn1.oidToDer(id).getBytes());
const algorithm = (id: string) => create(Type.SEQUENCE, true, [oid(id), create(Type.NULL, false, '')]);
const integer = (n: number) => create(Type.INTEGER, false, String.fromCharCode(n));
const der = (node: Asn1) => forge.asn1.toDer(node).getBytes();

/** SHA-256 hex of the public key (SubjectPublicKeyInfo DER) of a PEM or DER certificate: the seal key's fingerprint. */
export function keyFingerprintOf(certificate: string | Uint8Array): string {
  const x509 = new X509Certificate(typeof certificate === 'string' ? certificate : Buffer.from(certificate));
  return createHash('sha256')
    .update(x509.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

const children = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const bytesOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' ? node.value : '');

/** Length of the DER element at the start of `bytes` (tag + length + content), or `null` if it does not fit. */
function derElementLength(bytes: Uint8Array): number | null {
  if (bytes.length < 2) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first <= bytes.length ? 2 + first : null;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || 2 + n > bytes.length) return null;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
  return 2 + n + len <= bytes.length ? 2 + n + len : null;
}

/** The value of signed attribute `id` (first value of its SET), if present. */
function attribute(attrs: Asn1[], id: string): Asn1 | undefined {
  for (const attr of attrs) {
    const [type, values] = children(attr);
    if (type && forge.asn1.derToOid(bytesOf(type)) === id) return children(values)[0];
  }
  return undefined;
}

/**
 * The SignedData Pacto's signer writes for `certificate`, `signedAttrs` and
 * `signature` (one certificate, one SignerInfo identified by issuer and
 * serial, SHA-256 with NULL parameters, rsaEncryption), as DER.
 */
function expectedSignedData(certificate: Asn1, signedAttrs: Asn1[], signature: string): string {
  const tbs = children(certificate)[0];
  const [, serial, , issuer] = children(tbs);
  if (!serial || !issuer) throw new Error('certificate without issuer or serial');
  const signerInfo = create(Type.SEQUENCE, true, [
    integer(1),
    create(Type.SEQUENCE, true, [issuer, serial]),
    algorithm(OID.sha256),
    create(0, true, signedAttrs, Class.CONTEXT_SPECIFIC),
    algorithm(OID.rsaEncryption),
    create(Type.OCTETSTRING, false, signature),
  ]);
  const signedData = create(Type.SEQUENCE, true, [
    integer(1),
    create(Type.SET, true, [algorithm(OID.sha256)]),
    create(Type.SEQUENCE, true, [oid(OID.data)]),
    create(0, true, [certificate], Class.CONTEXT_SPECIFIC),
    create(Type.SET, true, [signerInfo]),
  ]);
  return der(create(Type.SEQUENCE, true, [oid(OID.signedData), create(0, true, [signedData], Class.CONTEXT_SPECIFIC)]));
}

/**
 * Checks `contentsHex` (the hex digits of a PDF signature's `/Contents`,
 * without the angle brackets) as Pacto's detached CMS seal over `signed`
 * (the bytes its byte range covers). Never throws.
 */
export function verifyDetachedCms(contentsHex: string, signed: Uint8Array): CmsCheck {
  const result: CmsCheck = { ok: false, signer: null, certificateSha256: null, keyFingerprint: null, signingTime: null };
  if (contentsHex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(contentsHex)) return { ...result, problem: 'malformed' };
  const contents = new Uint8Array(Buffer.from(contentsHex, 'hex'));
  const length = derElementLength(contents);
  if (length === null) return { ...result, problem: 'malformed' };
  const derBytes = Buffer.from(contents.subarray(0, length)).toString('binary');

  let signedData: Asn1[];
  try {
    // Options form of fromDer (node-forge ≥ 0.10; its typings know only the boolean): raw BIT STRINGs, so re-encoding gives the same bytes.
    const fromDer = forge.asn1.fromDer as unknown as (bytes: string, options: { strict: boolean; parseAllBytes: boolean; decodeBitStrings: boolean }) => Asn1;
    const top = fromDer(derBytes, { strict: true, parseAllBytes: true, decodeBitStrings: false });
    signedData = children(children(children(top)[1])[0]);
  } catch {
    return { ...result, problem: 'malformed' };
  }
  // SignedData ::= SEQUENCE { version, digestAlgorithms, encapContentInfo, [0] certificates, SET of SignerInfo }
  const certificate = children(signedData[3])[0];
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature }
  const signerInfo = children(children(signedData[4])[0]);
  const signedAttrs = children(signerInfo[3]);
  const signatureValue = bytesOf(signerInfo[5]);
  if (!certificate || signedAttrs.length === 0 || !signatureValue) return { ...result, problem: 'malformed' };

  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(Buffer.from(der(certificate), 'binary'));
    result.signer = /^CN=(.*)$/m.exec(x509.subject)?.[1] ?? null;
    result.certificateSha256 = x509.fingerprint256.replaceAll(':', '').toLowerCase();
    result.keyFingerprint = keyFingerprintOf(Buffer.from(der(certificate), 'binary'));
    const time = attribute(signedAttrs, OID.signingTime);
    if (time) {
      const date = time.type === Type.UTCTIME ? forge.asn1.utcTimeToDate(bytesOf(time)) : forge.asn1.generalizedTimeToDate(bytesOf(time));
      result.signingTime = date.toISOString();
    }
  } catch {
    return { ...result, problem: 'malformed' };
  }

  // Every byte: the DER is what Pacto's signer writes for these parts, and nothing but zeros follows it, in lower-case hex.
  let expected: string;
  try {
    expected = expectedSignedData(certificate, signedAttrs, signatureValue);
  } catch {
    return { ...result, problem: 'malformed' };
  }
  const padding = contentsHex.slice(length * 2);
  if (expected !== derBytes || /[^0]/.test(padding) || contentsHex !== contentsHex.toLowerCase()) {
    return { ...result, problem: 'not-canonical' };
  }

  try {
    // The certificate signs itself (so its subject, validity and key are as issued), with the algorithm it names inside.
    const [tbs, outerAlgorithm] = children(certificate);
    const innerAlgorithm = children(tbs)[2];
    if (!innerAlgorithm || !outerAlgorithm || der(innerAlgorithm) !== der(outerAlgorithm)) return { ...result, problem: 'certificate' };
    if (x509.subject !== x509.issuer || !x509.verify(x509.publicKey)) return { ...result, problem: 'certificate' };
    if (result.signingTime) {
      const at = Date.parse(result.signingTime);
      if (at < Date.parse(x509.validFrom) || at > Date.parse(x509.validTo)) return { ...result, problem: 'certificate' };
    }
    const contentType = attribute(signedAttrs, OID.contentType);
    if (!contentType || forge.asn1.derToOid(bytesOf(contentType)) !== OID.data) return { ...result, problem: 'malformed' };

    const digest = createHash('sha256').update(signed).digest();
    const messageDigest = Buffer.from(bytesOf(attribute(signedAttrs, OID.messageDigest)), 'binary');
    if (!messageDigest.equals(digest)) return { ...result, problem: 'digest' };
    // The signature covers the attributes' DER with the universal SET tag, not the [0] tag (RFC 5652 §5.4).
    const toVerify = Buffer.from(der(create(Type.SET, true, signedAttrs)), 'binary');
    const valid = verifySignature('sha256', toVerify, x509.publicKey, Buffer.from(signatureValue, 'binary'));
    return valid ? { ...result, ok: true } : { ...result, problem: 'signature' };
  } catch {
    return { ...result, problem: 'malformed' };
  }
}
