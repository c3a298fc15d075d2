/**
 * The signatures record an exported agreement PDF carries next to its
 * snapshot (attachment {@link SIGNATURES_ATTACHMENT_NAME}): which version was
 * signed, its fingerprint, each signatory's signature bound to that
 * fingerprint, and the audit trail with its head hash. The snapshot's
 * fingerprint cannot cover these (they come after freezing); the PDF seal
 * covers both.
 */
import { z } from 'zod';
import { auditEventSchema, auditHead, type AuditEvent } from './audit';
import { canonicalJson } from './canonical-json';
import { FINGERPRINT_PATTERN } from './fingerprint';
import { signatureSchema, type AgreementVersion, type Signature } from './version';

/** Name of the signatures record attachment inside an agreement PDF. */
export const SIGNATURES_ATTACHMENT_NAME = 'pacto-signatures.json';
export const SIGNATURES_FORMAT = 'pacto-signatures';
export const SIGNATURES_FORMAT_VERSION = 1;

const hex64 = z.string().regex(FINGERPRINT_PATTERN);

/** A signature as recorded in the PDF: everything but the drawn image (the page shows it). */
export const recordedSignatureSchema = signatureSchema.omit({ image: true });
export type RecordedSignature = z.infer<typeof recordedSignatureSchema>;

export const signatureRecordSchema = z.object({
  format: z.literal(SIGNATURES_FORMAT),
  formatVersion: z.literal(SIGNATURES_FORMAT_VERSION),
  /** `${workshopId}:v${number}`. */
  versionId: z.string().min(1),
  version: z.number().int().min(1),
  /** The signed version's fingerprint: SHA-256 hex of the snapshot attachment's bytes. */
  fingerprint: hex64,
  signatures: z.array(recordedSignatureSchema),
  audit: z.array(auditEventSchema),
  /** Hash of the last audit event when the record was written (anchors the trail's end). */
  auditHead: hex64,
});
/** What `pacto-signatures.json` holds. */
export type SignatureRecord = z.infer<typeof signatureRecordSchema>;

/**
 * Builds the record for `version`: keeps only the signatures of that version
 * bound to its fingerprint (others, e.g. voided ones of an older draft, are
 * left out), without their images.
 */
export function buildSignatureRecord(version: AgreementVersion, signatures: readonly Signature[], audit: readonly AuditEvent[]): SignatureRecord {
  return {
    format: SIGNATURES_FORMAT,
    formatVersion: SIGNATURES_FORMAT_VERSION,
    versionId: version.id,
    version: version.number,
    fingerprint: version.fingerprint,
    signatures: signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint).map(({ image: _image, ...rest }) => rest),
    audit: [...audit],
    auditHead: auditHead(audit),
  };
}

/** The record's bytes as attached: its canonical JSON. */
export function signatureRecordJson(record: SignatureRecord): string {
  return canonicalJson(record);
}
