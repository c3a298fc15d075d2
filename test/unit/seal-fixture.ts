// Test agreement PDFs made with pdf-lib, without the renderer: a page whose
// text (an uncompressed content stream, so a test can change one word in the
// bytes) prints the fingerprint in blocks of four, the snapshot attached by
// finalizeAgreementPdf, optionally a signatures record, then the seal.
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { appendAuditEvent, type AuditEvent } from '../../shared/agreement/audit';
import { formatFingerprint } from '../../shared/agreement/fingerprint';
import { buildSignatureRecord, type SignatureRecord } from '../../shared/agreement/signature-record';
import { freezeVersion, type AgreementVersion, type Signature } from '../../shared/agreement/version';
import { finalizeAgreementPdf } from '../../shared/pdf/finalize';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { createSealKey, type SealKey } from '../../electron/seal/key';
import { sealPdf } from '../../electron/seal/seal';
import type { VerifyIo } from '../../electron/cli/verify';

export const NOW = new Date('2026-11-30T17:00:00Z');

/** The sample workshop frozen as version 2. */
export function sampleVersion(): AgreementVersion {
  return freezeVersion('w-nubecom', 2, sampleWorkshop('2026-11-30'), NOW);
}

/** A one-page PDF printing `lines` in an uncompressed content stream (Helvetica, ASCII only). */
export async function textPdf(lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.node.setFontDictionary(PDFName.of('F1'), font.ref);
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const ops = lines.map((line, i) => `BT /F1 11 Tf 50 ${780 - i * 18} Td (${escape(line)}) Tj ET`).join('\n');
  page.node.addContentStream(pdf.context.register(pdf.context.stream(ops)));
  return pdf.save({ useObjectStreams: false });
}

/** The printed lines of a test agreement: title, a sentence, and the fingerprint grouped by four on two lines. */
export function agreementLines(fingerprint: string): string[] {
  const blocks = formatFingerprint(fingerprint).split(' ');
  return [
    'Acuerdo Marketing-Ventas 2027 - Nubecom Soluciones',
    'Marketing delivers every MQL that meets the agreed definition.',
    'Huella digital (SHA-256):',
    blocks.slice(0, 8).join(' '),
    blocks.slice(8).join(' '),
  ];
}

/** Both signatories of the sample workshop signing `version`. */
export function signaturesOf(version: AgreementVersion): Signature[] {
  const people = [
    {
      id: 'p-lucia',
      name: 'Lucía Fernández Ortega',
      title: 'Directora de Marketing',
      team: 'marketing' as const,
      zone: 'Europe/Madrid',
      at: '2026-11-30T18:04:05+01:00',
    },
    {
      id: 'p-jorge',
      name: 'Jorge Ibáñez Muñoz',
      title: 'Director Comercial',
      team: 'sales' as const,
      zone: 'America/Mexico_City',
      at: '2026-11-30T11:06:00-06:00',
    },
  ];
  return people.map((p) => ({
    id: `sig-${p.id}`,
    versionId: version.id,
    workshopId: version.workshopId,
    participantId: p.id,
    name: p.name,
    title: p.title,
    team: p.team,
    method: 'typed',
    image: 'data:image/png;base64,iVBORw0KGgo=',
    signedAt: p.at,
    timeZone: p.zone,
    fingerprint: version.fingerprint,
  }));
}

/** An audit trail: created, frozen, both signed, exported. */
export function auditOf(version: AgreementVersion): AuditEvent[] {
  const app = { participantId: null, name: 'Pacto', team: null };
  const lucia = { participantId: 'p-lucia', name: 'Lucía Fernández Ortega', team: 'marketing' as const };
  const jorge = { participantId: 'p-jorge', name: 'Jorge Ibáñez Muñoz', team: 'sales' as const };
  const steps = [
    { type: 'created' as const, actor: app, details: {} },
    { type: 'frozen' as const, actor: lucia, details: { version: version.number, fingerprint: version.fingerprint, override: null } },
    { type: 'signed' as const, actor: lucia, details: { version: version.number } },
    { type: 'signed' as const, actor: jorge, details: { version: version.number } },
    { type: 'exported' as const, actor: lucia, details: { version: version.number } },
  ];
  return steps.reduce<AuditEvent[]>(
    (chain, s, i) => appendAuditEvent(chain, { ...s, at: new Date(NOW.getTime() + i * 60_000), timeZone: 'Europe/Madrid' }),
    [],
  );
}

export interface FixtureOptions {
  /** Bytes attached as the snapshot instead of the version's (a hand-edited snapshot). */
  snapshotJson?: string;
  /** The record to seal in; `null` for none. Default: both signatures and the audit trail. */
  record?: SignatureRecord | null;
  /** Skip the seal (a finalized but unsealed PDF). */
  unsealed?: boolean;
  key?: SealKey;
  /** Rewrites the printed lines (a forger's changed text). */
  lines?: (lines: string[]) => string[];
}

let sharedKey: SealKey | undefined;
/** One seal key for the whole test file (key generation takes a few hundred ms). */
export function testKey(): SealKey {
  sharedKey ??= createSealKey(NOW);
  return sharedKey;
}

/** A sealed test agreement PDF of {@link sampleVersion}, and the version it prints. */
export async function agreementPdf(options: FixtureOptions = {}): Promise<{ bytes: Uint8Array; version: AgreementVersion }> {
  const version = sampleVersion();
  const lines = agreementLines(version.fingerprint);
  const printed = await textPdf(options.lines ? options.lines(lines) : lines);
  const finalized = await finalizeAgreementPdf(
    printed,
    { title: 'Acuerdo Marketing-Ventas 2027', author: 'Nubecom Soluciones', subject: 'Acuerdo', keywords: ['SLA'], language: 'es' },
    options.snapshotJson ?? version.snapshotJson,
    NOW,
  );
  if (options.unsealed) return { bytes: finalized, version };
  const record = options.record === undefined ? buildSignatureRecord(version, signaturesOf(version), auditOf(version)) : options.record;
  const { bytes } = await sealPdf(finalized, options.key ?? testKey(), { signingTime: NOW, ...(record ? { record } : {}) });
  return { bytes, version };
}

/** Offset of `text` (ASCII) in `bytes`, after `from`; throws when absent so a test never edits the wrong place. */
export function indexOf(bytes: Uint8Array, text: string, from = 0): number {
  const at = Buffer.from(bytes).indexOf(text, from, 'latin1');
  if (at < 0) throw new Error(`"${text}" not found in the PDF`);
  return at;
}

/** Where the data of embedded file `name` lies in `bytes` (`[start, end)` of its stream), found through its file specification. */
export function embeddedFileData(bytes: Uint8Array, name: string): { start: number; end: number } {
  const spec = indexOf(bytes, `(${name})`);
  const text = Buffer.from(bytes).toString('latin1');
  const ref = /\/EF\s*<<\s*\/F\s+(\d+)\s+0\s+R/.exec(text.slice(spec, spec + 2000))?.[1];
  if (!ref) throw new Error(`No embedded file stream for ${name}`);
  const start = indexOf(bytes, 'stream\n', indexOf(bytes, `\n${ref} 0 obj`)) + 'stream\n'.length;
  return { start, end: indexOf(bytes, '\nendstream', start) };
}

/** A `pacto verify` io over in-memory files that captures what is printed. */
export function fakeVerifyIo(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: VerifyIo = {
    readBytes: (path) => {
      const bytes = files[path];
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return bytes;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}
