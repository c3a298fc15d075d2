/**
 * Sealing an exported agreement PDF: a standard PDF signature (ISO 32000
 * `adbe.pkcs7.detached`, the PAdES baseline) over the whole file's bytes,
 * made with the installation's seal key (./key.ts). Before sealing it
 * attaches the page-text record (`pacto-pages.json`: a hash of each page's
 * visible text, read with pdfjs; shared/pdf/page-text.ts) and optionally the
 * signatures record (`pacto-signatures.json`), so the seal covers both; and
 * gives the page tree a few levels (at most {@link PAGE_TREE_FAN_OUT} kids a
 * node), so that a reader finds any page in a few steps.
 *
 * Signing uses @signpdf: a signature placeholder added with pdf-lib, then a
 * detached CMS (PKCS#7) SignedData with SHA-256 over the byte range.
 */
import { AFRelationship, PDFDict, PDFDocument, PDFName, PDFPageLeaf, PDFRef } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { signatureRecordJson, signatureRecordSchema, SIGNATURES_ATTACHMENT_NAME, type SignatureRecord } from '../../shared/agreement/signature-record';
import { applyAgreementFinalization, type PdfFinalization } from '../../shared/pdf/finalize';
import { buildPageTextRecord, PAGES_ATTACHMENT_NAME, pageTextRecordJson } from '../../shared/pdf/page-text';
import type { SealKey } from './key';
import { findSignatures, hasPdfHeader } from './pdf-bytes';
import { readPdf } from './pdf-read';

export interface SealOptions {
  /** Signing time written into the signature; now by default. */
  signingTime?: Date;
  /** The signatures record to attach before sealing (validated first). */
  record?: SignatureRecord | undefined;
  /**
   * Metadata and snapshot to add first, as `finalizeAgreementPdf` does, when `bytes` is the PDF as
   * printed: the file is then loaded and saved once for both, instead of once by the finalizer and once here.
   */
  finalization?: PdfFinalization | undefined;
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

/** Most kids a node of the sealed PDF's page tree has. */
export const PAGE_TREE_FAN_OUT = 32;

/**
 * Regroups a flat page tree (one node whose kids are all pages, more than
 * {@link PAGE_TREE_FAN_OUT} of them) into nodes of at most that many kids,
 * pages in the same order. Inherited attributes stay on the root, which every
 * new node descends from. Other trees are left as they are.
 */
export function balancePageTree(pdf: PDFDocument): void {
  const rootRef = pdf.catalog.get(PDFName.of('Pages'));
  if (!(rootRef instanceof PDFRef)) return;
  const root = pdf.catalog.Pages();
  const kids = root.Kids().asArray();
  if (kids.length <= PAGE_TREE_FAN_OUT) return;
  if (!kids.every((k) => k instanceof PDFRef && pdf.context.lookup(k) instanceof PDFPageLeaf)) return;
  let level = kids as PDFRef[];
  let counts = level.map(() => 1);
  while (level.length > PAGE_TREE_FAN_OUT) {
    const next: PDFRef[] = [];
    const nextCounts: number[] = [];
    for (let i = 0; i < level.length; i += PAGE_TREE_FAN_OUT) {
      const group = level.slice(i, i + PAGE_TREE_FAN_OUT);
      const count = counts.slice(i, i + PAGE_TREE_FAN_OUT).reduce((a, b) => a + b, 0);
      const ref = pdf.context.register(pdf.context.obj({ Type: 'Pages', Kids: group, Count: count }));
      for (const kid of group) pdf.context.lookup(kid, PDFDict).set(PDFName.of('Parent'), ref);
      next.push(ref);
      nextCounts.push(count);
    }
    level = next;
    counts = nextCounts;
  }
  root.set(PDFName.of('Kids'), pdf.context.obj(level));
  for (const kid of level) pdf.context.lookup(kid, PDFDict).set(PDFName.of('Parent'), rootRef);
}

/** Room reserved for the CMS signature, bytes (RSA 2048 + certificate need ~1.6 KB). */
const SIGNATURE_LENGTH = 8192;

/**
 * Seals `bytes` (a finalized agreement PDF, or a printed one with
 * `options.finalization`) with `key` and returns the sealed PDF's bytes. The whole file is rewritten once by pdf-lib, then signed; any
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
  let pageTexts: string[];
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    pageTexts = (await readPdf(bytes)).pages;
  } catch (e) {
    throw new SealError('unreadable', `Cannot seal: the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (pdf.getPageCount() === 0 || pageTexts.length !== pdf.getPageCount())
    throw new SealError('unreadable', 'Cannot seal: the PDF has no page, or its pages cannot be read');
  balancePageTree(pdf);
  if (options.finalization) await applyAgreementFinalization(pdf, options.finalization);
  await pdf.attach(new TextEncoder().encode(pageTextRecordJson(buildPageTextRecord(pageTexts))), PAGES_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: 'Pacto page-text record: a SHA-256 of each page’s visible text, checked when the file is verified.',
    creationDate: signingTime,
    modificationDate: signingTime,
    afRelationship: AFRelationship.Supplement,
  });
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
