/**
 * Checking a detached CMS (PKCS#7) SignedData signature, as a PDF signature
 * of subfilter `adbe.pkcs7.detached` / `ETSI.CAdES.detached` carries it
 * (RFC 5652 §5.4, §5.6): the digest of the signed bytes must equal the signed
 * `messageDigest` attribute, and the signature over the DER of the signed
 * attributes must verify with the signer certificate's public key.
 *
 * node-forge parses the ASN.1 (its own `verify` is not implemented); Node's
 * crypto hashes and verifies.
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** Outcome of checking one CMS signature. `problem` is set when `ok` is false. */
export interface CmsCheck {
  ok: boolean;
  /** `malformed`: not a SignedData Pacto can read; `unsupported`: digest or key type not supported; `digest`: the signed bytes changed; `signature`: the signature does not verify. */
  problem?: 'malformed' | 'unsupported' | 'digest' | 'signature';
  /** Signer certificate's common name (e.g. `Pacto integrity seal 3f2a9c01`), if readable. */
  signer: string | null;
  /** SHA-256 of the signer certificate's DER, lowercase hex. */
  certificateSha256: string | null;
  /** Signing time from the signed attributes, ISO 8601 UTC. */
  signingTime: string | null;
}

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const;

/** Digest algorithm OIDs (RFC 5754, RFC 3370) to Node hash names. */
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

const { Class, Type } = forge.asn1;
type Asn1 = forge.asn1.Asn1;

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

const children = (node: Asn1 | undefined): Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const bytesOf = (node: Asn1 | undefined): string => (node && typeof node.value === 'string' ? node.value : '');

/** The value of signed attribute `oid` (first value of its SET), if present. */
function attribute(attrs: Asn1[], oid: string): Asn1 | undefined {
  for (const attr of attrs) {
    const [type, values] = children(attr);
    if (type && forge.asn1.derToOid(bytesOf(type)) === oid) return children(values)[0];
  }
  return undefined;
}

/**
 * Checks `contents` (a PDF signature's `/Contents` bytes, zero padding
 * allowed) as a detached CMS signature of `signed` (the bytes its byte range
 * covers). Never throws.
 */
export function verifyDetachedCms(contents: Uint8Array, signed: Uint8Array): CmsCheck {
  const result: CmsCheck = { ok: false, signer: null, certificateSha256: null, signingTime: null };
  let signerInfo: Asn1[];
  let certificates: forge.pki.Certificate[];
  try {
    const length = derElementLength(contents);
    if (length === null) return { ...result, problem: 'malformed' };
    const asn1 = forge.asn1.fromDer(Buffer.from(contents.subarray(0, length)).toString('binary'));
    const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.Captured<forge.pkcs7.PkcsSignedData>;
    const infos = message.rawCapture?.signerInfos as Asn1[] | undefined;
    signerInfo = children(infos?.[0]);
    certificates = message.certificates ?? [];
  } catch {
    return { ...result, problem: 'malformed' };
  }
  // SignerInfo ::= SEQUENCE { version, sid, digestAlgorithm, [0] signedAttrs OPTIONAL, signatureAlgorithm, signature, … }
  const [, sid, digestAlgorithm, ...rest] = signerInfo;
  const signedAttrs = rest[0]?.tagClass === Class.CONTEXT_SPECIFIC && rest[0].type === 0 ? rest.shift() : undefined;
  const signatureValue = rest[1];
  if (!sid || !digestAlgorithm || !signatureValue || certificates.length === 0) return { ...result, problem: 'malformed' };

  let certificate = certificates[0]!;
  try {
    const serial = forge.util.bytesToHex(bytesOf(children(sid)[1]));
    certificate = certificates.find((c) => c.serialNumber.replace(/^0+/, '') === serial.replace(/^0+/, '')) ?? certificate;
    const x509 = new X509Certificate(Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'));
    result.signer = String(certificate.subject.getField('CN')?.value ?? '') || null;
    result.certificateSha256 = x509.fingerprint256.replaceAll(':', '').toLowerCase();

    const hash = DIGESTS[forge.asn1.derToOid(bytesOf(children(digestAlgorithm)[0]))];
    if (!hash) return { ...result, problem: 'unsupported' };
    const digest = createHash(hash).update(signed).digest();
    let toVerify: Buffer = Buffer.from(signed);
    if (signedAttrs) {
      const attrs = children(signedAttrs);
      const time = attribute(attrs, OID.signingTime);
      if (time) {
        const date = time.type === Type.UTCTIME ? forge.asn1.utcTimeToDate(bytesOf(time)) : forge.asn1.generalizedTimeToDate(bytesOf(time));
        result.signingTime = date.toISOString();
      }
      const messageDigest = Buffer.from(bytesOf(attribute(attrs, OID.messageDigest)), 'binary');
      if (!messageDigest.equals(digest)) return { ...result, problem: 'digest' };
      // The signature covers the attributes' DER with the universal SET tag, not the [0] tag (RFC 5652 §5.4).
      toVerify = Buffer.from(forge.asn1.toDer(forge.asn1.create(Class.UNIVERSAL, Type.SET, true, attrs)).getBytes(), 'binary');
    }
    const valid = verifySignature(hash, toVerify, x509.publicKey, Buffer.from(bytesOf(signatureValue), 'binary'));
    return valid ? { ...result, ok: true } : { ...result, problem: signedAttrs ? 'signature' : 'digest' };
  } catch {
    return { ...result, problem: 'malformed' };
  }
}
