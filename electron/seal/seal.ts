/**
 * Sealing an exported agreement PDF: a standard PDF signature (ISO 32000
 * `adbe.pkcs7.detached`, the PAdES baseline) over the whole file's bytes,
 * made with the installation's seal key (./key.ts). Optionally attaches the
 * signatures record (`pacto-signatures.json`) first, so the seal covers it.
 *
 * Signing uses @signpdf: a signature placeholder added with pdf-lib, then a
 * detached CMS (PKCS#7) SignedData with SHA-256 over the byte range.
 */
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import {
  signatureRecordJson,
  signatureRecordSchema,
  SIGNATURES_ATTACHMENT_NAME,
  type SignatureRecord,
} from '../../shared/agreement/signature-record';
import type { SealKey } from './key';
import { findSignatures, hasPdfHeader } from './pdf-bytes';

export interface SealOptions {
  /** Signing time written into the signature; now by default. */
  signingTime?: Date;
  /** The signatures record to attach before sealing (validated first). */
  record?: SignatureRecord;
}

/** Why a PDF could not be sealed: `not-a-pdf`, `already-sealed`, `unreadable`, `invalid-record`. */
export class SealError extends Error {
  constructor(
    readonly code: 'not-a-pdf' | 'already-sealed' | 'unreadable' | 'invalid-record',
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

/** Room reserved for the CMS signature, bytes (RSA 2048 + certificate need ~1.6 KB). */
const SIGNATURE_LENGTH = 8192;

/**
 * Seals `bytes` (a finalized agreement PDF) with `key` and returns the sealed
 * PDF's bytes. The whole file is rewritten once by pdf-lib, then signed; any
 * later change to any byte breaks the seal. Throws {@link SealError} for a
 * file that is not a PDF, is already sealed (re-saving would break that
 * seal), or cannot be read, or for an invalid record; and what @signpdf
 * throws for an unusable key.
 */
export async function sealPdf(bytes: Uint8Array, key: SealKey, options: SealOptions = {}): Promise<Uint8Array> {
  if (!hasPdfHeader(bytes)) throw new SealError('not-a-pdf', 'Cannot seal: the file is not a PDF');
  if (findSignatures(bytes).length > 0) throw new SealError('already-sealed', 'Cannot seal: the PDF already carries a signature');
  const signingTime = options.signingTime ?? new Date();
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (e) {
    throw new SealError('unreadable', `Cannot seal: the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (pdf.getPageCount() === 0) throw new SealError('unreadable', 'Cannot seal: the PDF has no page');
  let reason = 'Pacto integrity seal: the file is unchanged since export (integrity, not identity).';
  if (options.record) {
    const parsed = signatureRecordSchema.safeParse(options.record);
    if (!parsed.success) {
      throw new SealError('invalid-record', `Cannot seal: invalid signatures record at ${parsed.error.issues[0]?.path.join('.') || '(record)'}`);
    }
    const record = parsed.data;
    await pdf.attach(new TextEncoder().encode(signatureRecordJson(record)), SIGNATURES_ATTACHMENT_NAME, {
      mimeType: 'application/json',
      description: 'Pacto signatures record: signed version, fingerprint, signatures and audit trail.',
      creationDate: signingTime,
      modificationDate: signingTime,
      afRelationship: AFRelationship.Supplement,
    });
    reason = `Pacto agreement ${record.versionId}, fingerprint ${record.fingerprint}. ${reason}`;
  }
  pdflibAddPlaceholder({
    pdfDoc: pdf,
    reason,
    contactInfo: '',
    name: key.subject,
    location: '',
    signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Pacto',
  });
  const prepared = await pdf.save({ useObjectStreams: false });
  const signer = new P12Signer(Buffer.from(key.p12), { passphrase: key.passphrase });
  const sealed = await new SignPdf().sign(Buffer.from(prepared), signer, signingTime);
  return new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength);
}
