/**
 * Post-processing of a printed agreement PDF with pdf-lib: document
 * metadata and the snapshot JSON attached inside the file, so that anyone
 * who receives the PDF can recompute its fingerprint.
 */
import { AFRelationship, PDFDocument } from 'pdf-lib';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { PdfMetadata } from '../bridge/contract';
import { PDF_LIB_OBJECTS_PER_TICK } from './pdf-lib-pace';

/** Name of the snapshot attachment inside an agreement PDF. */
export const SNAPSHOT_ATTACHMENT_NAME = 'pacto-agreement.json';

/** The producer string written into every PDF Pacto exports. */
export const PDF_PRODUCER = 'Pacto';

/** What the finalizer writes into a printed agreement PDF: its metadata, the snapshot, and the time. */
export interface PdfFinalization {
  metadata: PdfMetadata;
  /** The version's snapshot (canonical JSON), attached as {@link SNAPSHOT_ATTACHMENT_NAME}. */
  snapshotJson: string;
  /** Creation and modification time written into the file. */
  now: Date;
}

/**
 * Sets the metadata and attaches the snapshot on a loaded PDF, saving
 * nothing: the finalizer below, and the seal, which does it in its own load
 * and save of the printed file (so the PDF is parsed and written once).
 */
export async function applyAgreementFinalization(pdf: PDFDocument, { metadata, snapshotJson, now }: PdfFinalization): Promise<void> {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  pdf.setAuthor(metadata.author);
  pdf.setSubject(metadata.subject);
  pdf.setKeywords(metadata.keywords);
  pdf.setLanguage(metadata.language);
  pdf.setCreator(PDF_PRODUCER);
  pdf.setProducer(PDF_PRODUCER);
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  await pdf.attach(utf8ToBytes(snapshotJson), SNAPSHOT_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: 'Pacto agreement snapshot (canonical JSON); its SHA-256 is the fingerprint printed in this document.',
    creationDate: now,
    modificationDate: now,
    afRelationship: AFRelationship.Source,
  });
}

/**
 * Adds metadata and attaches `snapshotJson` to a printed PDF.
 *
 * @param printed the bytes Chromium printed (Electron `printToPDF` or `page.pdf`)
 * @param now creation and modification time written into the file
 * @returns the new PDF's bytes
 * @throws whatever pdf-lib throws for bytes that are not a readable PDF
 */
export async function finalizeAgreementPdf(printed: Uint8Array, metadata: PdfMetadata, snapshotJson: string, now: Date): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: PDF_LIB_OBJECTS_PER_TICK });
  await applyAgreementFinalization(pdf, { metadata, snapshotJson, now });
  return pdf.save({ useObjectStreams: false, objectsPerTick: PDF_LIB_OBJECTS_PER_TICK });
}
