/**
 * The host's TLS identity for one room: a fresh RSA 2048 key (Node's native
 * generator) and a self-signed X.509 certificate (node-forge builds and signs
 * it, SHA-256), valid for a day around `now`. Made anew each time a room
 * opens, so a code from an earlier room pins nothing. Its SHA-256
 * fingerprint travels in the join code and link (see `docs/lan.md`).
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** PEM key and certificate for `https.createServer`, and the certificate's fingerprint. */
export interface RoomCertificate {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the certificate's DER bytes: 64 lower-case hex digits, no colons. */
  fingerprint: string;
}

/** SHA-256 of DER bytes as 64 lower-case hex digits (how the guest computes the pin). */
export function certificateFingerprint(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

/**
 * Makes the room's key and certificate. `address` goes in the subject
 * alternative names (the guest pins the fingerprint anyway).
 */
export function createRoomCertificate(address: string, now: Date = new Date()): RoomCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Positive serial: a leading 0x01 byte keeps the DER integer's sign bit clear.
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 48 * 3600 * 1000);
  const name = [
    { name: 'commonName', value: 'Pacto room' },
    { name: 'organizationName', value: 'Pacto' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  const bare = address.split('%')[0] ?? address;
  const isIp = /^[0-9.]+$/.test(bare) || bare.includes(':');
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [isIp ? { type: 7, ip: bare } : { type: 2, value: bare }] },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return { keyPem, certPem: forge.pki.certificateToPem(cert), fingerprint: certificateFingerprint(der) };
}
