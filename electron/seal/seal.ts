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
 * detached CMS (PKCS#7) SignedData with SHA-256 over the byte range, built by
 * node-forge exactly as @signpdf/signer-p12 builds it, with the RSA signature
 * made by Node's crypto from the key unpacked once ({@link SealSigner}).
 */
import { AFRelationship, PDFDict, PDFDocument, PDFName, PDFPageLeaf, PDFRef } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { constants, privateEncrypt } from 'node:crypto';
import forge from 'node-forge';
import { signatureRecordJson, signatureRecordSchema, SIGNATURES_ATTACHMENT_NAME, type SignatureRecord } from '../../shared/agreement/signature-record';
import type { PdfPagination } from '../../shared/bridge/contract';
import { applyAgreementFinalization, type PdfFinalization } from '../../shared/pdf/finalize';
import { outlineOf } from '../../shared/pdf/outline';
import { PDF_LIB_OBJECTS_PER_TICK } from '../../shared/pdf/pdf-lib-pace';
import { buildPageTextRecord, PAGES_ATTACHMENT_NAME, pageTextRecordJson } from '../../shared/pdf/page-text';
import { sealKeySigningParts, type SealKey } from './key';
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
  /**
   * Reads each page's text of the given file, in page order, as `readPdf(bytes).pages` does (by default,
   * that, on this thread). The main process gives a worker thread's (./page-text-reader.ts): the read is
   * started first and runs while pdf-lib loads and rewrites the file here.
   */
  readPageTexts?: ((bytes: Uint8Array) => Promise<string[]>) | undefined;
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

/** DER of a SHA-256 DigestInfo (RFC 8017 §9.2) up to the 32 bytes of the digest. */
const SHA256_DIGEST_INFO_PREFIX = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The seal's CMS signer: the detached SignedData @signpdf/signer-p12 makes (the same certificate, signed
 * attributes in the same order, the same DER, byte for byte), but signed with the key {@link sealKeySigningParts}
 * keeps unpacked, and its RSA PKCS#1 v1.5 signature made by Node's crypto instead of node-forge's JavaScript
 * big integers. A unit test compares its output with signer-p12's.
 */
export class SealSigner extends Signer {
  constructor(private readonly key: SealKey) {
    super();
  }

  /** The DER of a detached CMS SignedData over `pdf` (the PDF without its `/Contents`), signed at `signingTime`. */
  override async sign(pdf: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const { privateKey, certificate } = sealKeySigningParts(this.key);
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString('binary'));
    p7.addCertificate(certificate);
    // node-forge asks the key for `sign(md)` and nothing else: PKCS#1 v1.5 over the signed attributes' SHA-256.
    const rsa = {
      sign: (md: forge.md.MessageDigest) =>
        privateEncrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO_PREFIX, Buffer.from(md.digest().getBytes(), 'binary')]),
        ).toString('binary'),
    };
    p7.addSigner({
      key: rsa as unknown as forge.pki.rsa.PrivateKey,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      // As signer-p12 gives them (their order matters to EU validators); the signing time is a Date, which node-forge encodes.
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data! },
        { type: forge.pki.oids.signingTime!, value: signingTime as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** Room reserved for the CMS signature, bytes (RSA 2048 + certificate need ~1.6 KB). */
const SIGNATURE_LENGTH = 8192;

/** What {@link sealPdf} gives back: the sealed file, and the outline of the file it was given. */
export interface SealedPdf {
  bytes: Uint8Array;
  /**
   * The given file's outline (each heading's page, `outlineOf` of shared/pdf/outline.ts), read in the seal's
   * own load of it: the export checks its table of contents against this, so the printed file is parsed once.
   */
  pagination: PdfPagination;
}

/**
 * Seals `bytes` (a finalized agreement PDF, or a printed one with
 * `options.finalization`) with `key`; returns the sealed PDF's bytes and the given file's outline. The whole file is rewritten once by pdf-lib, then signed; any
 * later change to any byte breaks the seal. Throws {@link SealError} for a
 * file that is not a PDF, is already sealed (re-saving would break that
 * seal), or cannot be read, or for an invalid record; and what @signpdf
 * throws for an unusable key.
 */
export async function sealPdf(bytes: Uint8Array, key: SealKey, options: SealOptions = {}): Promise<SealedPdf> {
  if (!hasPdfHeader(bytes)) throw new SealError('not-a-pdf', 'Cannot seal: the file is not a PDF');
  if (findSignatures(bytes).length > 0) throw new SealError('already-sealed', 'Cannot seal: the PDF already carries a signature');
  const signingTime = options.signingTime ?? new Date();
  const unreadable = (e: unknown) => new SealError('unreadable', `Cannot seal: the PDF cannot be read (${e instanceof Error ? e.message : String(e)})`);
  // The page texts are read (on another thread, if given one) while pdf-lib loads and rewrites the file here.
  const textsRead = (options.readPageTexts ?? (async (b: Uint8Array) => (await readPdf(b)).pages))(bytes);
  // Awaited below; a failure of pdf-lib's load first must not leave it unhandled.
  textsRead.catch(() => undefined);
  let pdf: PDFDocument;
  let pagination: PdfPagination;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: PDF_LIB_OBJECTS_PER_TICK });
    pagination = outlineOf(pdf);
  } catch (e) {
    throw unreadable(e);
  }
  if (pdf.getPageCount() === 0) throw new SealError('unreadable', 'Cannot seal: the PDF has no page, or its pages cannot be read');
  balancePageTree(pdf);
  if (options.finalization) await applyAgreementFinalization(pdf, options.finalization);
  let pageTexts: string[];
  try {
    pageTexts = await textsRead;
  } catch (e) {
    throw unreadable(e);
  }
  if (pageTexts.length !== pdf.getPageCount()) throw new SealError('unreadable', 'Cannot seal: the PDF has no page, or its pages cannot be read');
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
  const prepared = await pdf.save({ useObjectStreams: false, objectsPerTick: PDF_LIB_OBJECTS_PER_TICK });
  const sealed = await new SignPdf().sign(Buffer.from(prepared), new SealSigner(key), signingTime);
  return { bytes: new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength), pagination };
}
