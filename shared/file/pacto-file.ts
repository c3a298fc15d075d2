/**
 * The `.pacto` workshop file: encode a workshop as one self-describing file,
 * and decode any bytes a user may hand us into either a valid workshop or a
 * typed error. The layout is documented in `docs/file-format.md`.
 *
 * A file is UTF-8 JSON: an envelope (format name and version, document
 * layout version, workshop id, created/modified times, the app version that
 * wrote it), the JSON projection of the content (`WorkshopContent`, for
 * people and the command line), the immutable versions, signatures and
 * audit events, and last the Yjs state as a binary update (base64, with its
 * SHA-256) — the source of truth, so importing a file again merges into the
 * same workshop instead of duplicating it.
 *
 * {@link decodePactoFile} never throws: every part is validated (zod), the
 * Yjs update is applied into a scratch document, migrated through the one
 * migration path (`shared/domain/migrations.ts`) and must read back as a
 * valid workshop whose projection matches the file's.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { workshopContentSchema, type WorkshopContent } from '../domain/workshop';
import { readWorkshopChecked, DOC_SCHEMA_VERSION } from '../domain/workshop-doc';
import { checkDocSchema, migrateDoc, OLDEST_DOC_SCHEMA_VERSION } from '../domain/migrations';
import { err, ok, type Result } from '../domain/result';
import { canonicalJson } from '../agreement/canonical-json';
import { sha256Hex, FINGERPRINT_PATTERN } from '../agreement/fingerprint';
import { readSnapshot, signatureSchema, type AgreementVersion, type Signature } from '../agreement/version';
import { auditEventSchema, verifyChain, type AuditEvent } from '../agreement/audit';

import { PACTO_FILE_EXTENSION, PACTO_FILE_FORMAT, PACTO_FILE_FORMAT_VERSION } from './pacto-file-format';

export { PACTO_FILE_EXTENSION, PACTO_FILE_FORMAT, PACTO_FILE_FORMAT_VERSION };
/** Media type of the file (a JSON document). */
export const PACTO_FILE_MEDIA_TYPE = 'application/vnd.pacto.workshop+json';
/** Largest file accepted, in bytes (64 MiB); a larger one is refused before it is parsed. */
export const PACTO_FILE_MAX_BYTES = 64 * 1024 * 1024;
/** How the Yjs state is encoded in the file. */
export const PACTO_FILE_DOCUMENT_ENCODING = 'yjs-update-v1';

/** What {@link encodePactoFile} writes. */
export interface PactoFileInput {
  workshopId: string;
  /** The workshop's Yjs state as one update (`Y.encodeStateAsUpdate(doc)`, update format v1). */
  yjsUpdate: Uint8Array;
  /** The JSON projection: `readWorkshop(doc)` of that same state. */
  content: WorkshopContent;
  /** Frozen versions (immutable rows, as stored). */
  versions: readonly AgreementVersion[];
  /** Signatures of those versions (immutable rows, as stored). */
  signatures: readonly Signature[];
  /** The workshop's audit chain, oldest first. */
  audit: readonly AuditEvent[];
  /** Version of Pacto writing the file, e.g. `0.1.0`. */
  appVersion: string;
  /** When the workshop was created, ISO 8601 instant. */
  createdAt: string;
  /** When the workshop was last changed, ISO 8601 instant. */
  modifiedAt: string;
  /** Layout version of the document in `yjsUpdate`; defaults to this build's `DOC_SCHEMA_VERSION`. */
  schemaVersion?: number;
}

/** A decoded, validated file. */
export interface PactoFile {
  format: typeof PACTO_FILE_FORMAT;
  formatVersion: number;
  /** Document layout the file was written with (older ones are migrated on decode). */
  schemaVersion: number;
  workshopId: string;
  createdAt: string;
  modifiedAt: string;
  appVersion: string;
  /** The Yjs state as stored in the file (update format v1, before migration). */
  yjsUpdate: Uint8Array;
  /** The workshop content read from the Yjs state after migration (the file's projection matches it). */
  content: WorkshopContent;
  versions: AgreementVersion[];
  signatures: Signature[];
  audit: AuditEvent[];
  /** Ids of the migration steps run to read it (`[]` for a file of the current layout). */
  migrated: string[];
}

/** Kinds of failure, translated in the UI (`renderer/i18n`, `pactoFile.errors.*`). */
export type PactoFileErrorCode = 'not-pacto' | 'too-new' | 'damaged' | 'migration-failed' | 'too-large';

/**
 * Which part of a damaged file is at fault: `file` (not readable as a whole:
 * cut short, bytes changed), `envelope` (the header fields), `document` (the
 * Yjs state), `content` (the readable projection), `versions`, `signatures`,
 * `audit`.
 */
export type PactoFilePart = 'file' | 'envelope' | 'document' | 'content' | 'versions' | 'signatures' | 'audit';

/**
 * For `not-pacto`: what the file is instead — `empty` (0 bytes), `pdf`, `zip`
 * (also Office documents), `image` (PNG, JPEG), `gzip`, `binary` (not UTF-8
 * text), `not-json` (text that is not JSON), `other-json` (JSON without
 * `"format": "pacto-workshop"`).
 */
export type NotPactoReason = 'empty' | 'pdf' | 'zip' | 'image' | 'gzip' | 'binary' | 'not-json' | 'other-json';

/** Why bytes are not an openable workshop. */
export interface PactoFileError {
  code: PactoFileErrorCode;
  /** For `damaged`: the part at fault. */
  part?: PactoFilePart;
  /** For `not-pacto`: what the file is instead (the UI translates it). */
  reason?: NotPactoReason;
  /** English: what is wrong and where (logs, the CLI; the UI translates by code and part). */
  message: string;
  /** For `too-new`: the format or layout version found, and which of the two. */
  version?: number;
  newer?: 'format' | 'schema';
  /** For `too-large`: the file's size and the limit, in bytes. */
  sizeBytes?: number;
  limitBytes?: number;
}

const hex64 = z.string().regex(FINGERPRINT_PATTERN);
/** An ISO 8601 instant (date and time, with `Z` or an offset). */
const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'instant' });

/** The envelope's header and the shape of its parts (each part is validated in depth afterwards). */
const envelopeSchema = z.object({
  format: z.literal(PACTO_FILE_FORMAT),
  formatVersion: z.number().int().min(1),
  schemaVersion: z.number().int().min(OLDEST_DOC_SCHEMA_VERSION),
  workshopId: z.string().min(1).max(200),
  createdAt: instant,
  modifiedAt: instant,
  appVersion: z.string().min(1).max(100),
  content: z.unknown(),
  versions: z.array(z.unknown()),
  signatures: z.array(z.unknown()),
  audit: z.array(z.unknown()),
  document: z.object({
    encoding: z.literal(PACTO_FILE_DOCUMENT_ENCODING),
    sha256: hex64,
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'base64' }),
  }),
});

/** A stored version row. */
export const versionRowSchema = z.object({
  id: z.string().min(1),
  workshopId: z.string().min(1),
  number: z.number().int().min(1),
  frozenAt: z.string().min(1),
  snapshotJson: z.string().min(2),
  fingerprint: hex64,
});

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Writes a workshop as `.pacto` bytes (UTF-8 JSON, keys in a fixed order:
 * header, content, versions, signatures, audit, document). Pure; does not
 * validate its input (it comes from the database) — {@link decodePactoFile}
 * of the result is the check.
 */
export function encodePactoFile(input: PactoFileInput): Uint8Array {
  const envelope = {
    format: PACTO_FILE_FORMAT,
    formatVersion: PACTO_FILE_FORMAT_VERSION,
    schemaVersion: input.schemaVersion ?? DOC_SCHEMA_VERSION,
    workshopId: input.workshopId,
    createdAt: input.createdAt,
    modifiedAt: input.modifiedAt,
    appVersion: input.appVersion,
    content: input.content,
    versions: input.versions.map(({ id, workshopId, number, frozenAt, snapshotJson, fingerprint }) => ({
      id,
      workshopId,
      number,
      frozenAt,
      snapshotJson,
      fingerprint,
    })),
    signatures: input.signatures,
    audit: input.audit,
    document: {
      encoding: PACTO_FILE_DOCUMENT_ENCODING,
      sha256: bytesToHex(sha256(input.yjsUpdate)),
      base64: bytesToBase64(input.yjsUpdate),
    },
  };
  return utf8ToBytes(`${JSON.stringify(envelope, null, 2)}\n`);
}

const damaged = (part: PactoFilePart, message: string): Result<never, PactoFileError> => err({ code: 'damaged', part, message });

const where = (issues: readonly { path: readonly PropertyKey[]; message: string }[]): string => {
  const issue = issues[0];
  if (!issue) return '';
  return `${issue.path.map(String).join('.') || '(value)'}: ${issue.message}`;
};

/** Recognises other kinds of file by their first bytes, to say what a file is instead. */
function sniffForeign(bytes: Uint8Array): { what: string; reason: NotPactoReason } | null {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { what: 'a PDF document', reason: 'pdf' };
  if (starts([0x50, 0x4b, 0x03, 0x04]) || starts([0x50, 0x4b, 0x05, 0x06])) return { what: 'a ZIP archive (or an Office document)', reason: 'zip' };
  if (starts([0x89, 0x50, 0x4e, 0x47])) return { what: 'a PNG image', reason: 'image' };
  if (starts([0xff, 0xd8, 0xff])) return { what: 'a JPEG image', reason: 'image' };
  if (starts([0x1f, 0x8b])) return { what: 'a gzip archive', reason: 'gzip' };
  return null;
}

/** True when the first bytes carry the Pacto format name: a damaged Pacto file rather than a foreign one. */
function looksLikePacto(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return /"format"\s*:\s*"pacto-workshop"/.test(head);
}

/**
 * Checks one stored version row against itself: the row's shape, that it is
 * version `number` of `workshopId` (its id), that its snapshot matches its
 * fingerprint and is a Pacto agreement of that number and time. `what` names
 * the row in the messages. Returns the row, or why not in words (what the
 * file reader and the room's records say).
 * Accepts untrusted input: never throws.
 */
export function checkVersionRow(value: unknown, workshopId: string, what = 'The version'): Result<AgreementVersion, string> {
  const parsed = versionRowSchema.safeParse(value);
  if (!parsed.success) return err(`${what} is not a valid version (${where(parsed.error.issues)}).`);
  const v = parsed.data;
  if (v.workshopId !== workshopId || v.id !== `${workshopId}:v${v.number}`) return err(`${what} does not belong to this workshop (id ${v.id}).`);
  if (sha256Hex(v.snapshotJson) !== v.fingerprint)
    return err(`Version ${v.number}'s content does not match its fingerprint: it was changed after it was frozen.`);
  let snapshot;
  try {
    snapshot = readSnapshot(v);
  } catch {
    return err(`Version ${v.number}'s frozen content is not a valid Pacto agreement.`);
  }
  if (snapshot.version !== v.number || snapshot.frozenAt !== v.frozenAt)
    return err(`Version ${v.number} does not match the number or time in its frozen content.`);
  return ok(v);
}

/** Validates the versions part; returns the rows or the first problem. */
function readVersions(raw: readonly unknown[], workshopId: string): Result<AgreementVersion[], PactoFileError> {
  const out: AgreementVersion[] = [];
  const seen = new Set<string>();
  for (const [i, value] of raw.entries()) {
    const checked = checkVersionRow(value, workshopId, `Version ${i + 1}`);
    if (!checked.ok) return damaged('versions', checked.error);
    const v = checked.value;
    if (seen.has(v.id)) return damaged('versions', `Version ${v.number} appears twice.`);
    seen.add(v.id);
    out.push(v);
  }
  return ok(out.sort((a, b) => a.number - b.number));
}

/** Validates the signatures part against the versions; returns the rows or the first problem. */
function readSignatures(raw: readonly unknown[], workshopId: string, versions: readonly AgreementVersion[]): Result<Signature[], PactoFileError> {
  const byId = new Map(versions.map((v) => [v.id, v]));
  const out: Signature[] = [];
  const seen = new Set<string>();
  for (const [i, value] of raw.entries()) {
    const parsed = signatureSchema.safeParse(value);
    if (!parsed.success) return damaged('signatures', `Signature ${i + 1} is not a valid signature (${where(parsed.error.issues)}).`);
    const s = parsed.data;
    if (seen.has(s.id)) return damaged('signatures', `Signature ${s.id} appears twice.`);
    seen.add(s.id);
    const version = byId.get(s.versionId);
    if (s.workshopId !== workshopId || !version) return damaged('signatures', `Signature ${i + 1} (${s.name}) is of a version this file does not hold.`);
    if (s.fingerprint !== version.fingerprint) {
      return damaged('signatures', `Signature ${i + 1} (${s.name}) is not bound to version ${version.number}'s fingerprint.`);
    }
    out.push(s);
  }
  return ok(out);
}

/** The Yjs part: decoded, checked against its hash, applied, migrated and read as a workshop. */
function readDocument(
  document: z.infer<typeof envelopeSchema>['document'],
  schemaVersion: number,
): Result<{ update: Uint8Array; content: WorkshopContent; migrated: string[] }, PactoFileError> {
  let update: Uint8Array;
  try {
    update = base64ToBytes(document.base64);
  } catch {
    return damaged('document', 'The workshop document is not valid base64.');
  }
  if (bytesToHex(sha256(update)) !== document.sha256) {
    return damaged('document', 'The workshop document does not match its checksum: the file was changed or cut short.');
  }
  const doc = new Y.Doc();
  try {
    try {
      Y.applyUpdate(doc, update);
    } catch (e) {
      return damaged('document', `The workshop document cannot be read (${e instanceof Error ? e.message : String(e)}).`);
    }
    // Yjs keeps what it cannot place yet (items whose dependencies are missing) as pending: a sign of a cut or forged update.
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) {
      return damaged('document', 'The workshop document is incomplete: parts of its history are missing.');
    }
    const check = checkDocSchema(doc);
    if (!check.ok) {
      if (check.code === 'too-new') return err({ code: 'too-new', newer: 'schema', version: check.version, message: check.message });
      return damaged('document', check.message);
    }
    if (check.version === null) return damaged('document', 'The workshop document is empty.');
    if (check.version !== schemaVersion) {
      return damaged('document', `The file says document layout ${schemaVersion}, but its document has layout ${check.version}.`);
    }
    const migrated = migrateDoc(doc);
    if (!migrated.ok) {
      const e = migrated.error;
      return e.code === 'migration-failed' ? err({ code: 'migration-failed', message: e.message }) : damaged('document', e.message);
    }
    let read: WorkshopContent;
    try {
      // A file is input from elsewhere: a document that reads only after repair is refused (the database copy is untouched).
      const checked = readWorkshopChecked(doc);
      if (checked.problems.length > 0) {
        const listed = checked.problems
          .slice(0, 5)
          .map((p) => `${p.path} ${p.action}`)
          .join(', ');
        return damaged('document', `The workshop document has damaged items (${listed}${checked.problems.length > 5 ? ', …' : ''}).`);
      }
      read = checked.content;
    } catch (e) {
      return damaged('document', `The workshop document does not read as a workshop (${e instanceof Error ? e.message : String(e)}).`);
    }
    const valid = workshopContentSchema.safeParse(read);
    if (!valid.success) return damaged('document', `The workshop document does not read as a valid workshop (${where(valid.error.issues)}).`);
    return ok({ update, content: read, migrated: migrated.value.applied });
  } finally {
    doc.destroy();
  }
}

function decodeChecked(bytes: Uint8Array): Result<PactoFile, PactoFileError> {
  if (bytes.length > PACTO_FILE_MAX_BYTES) {
    const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
    return err({
      code: 'too-large',
      sizeBytes: bytes.length,
      limitBytes: PACTO_FILE_MAX_BYTES,
      message: `The file is ${mb(bytes.length)}; a Pacto file is at most ${mb(PACTO_FILE_MAX_BYTES)}.`,
    });
  }
  if (bytes.length === 0) return err({ code: 'not-pacto', reason: 'empty', message: 'The file is empty.' });
  const foreign = sniffForeign(bytes);
  if (foreign) return err({ code: 'not-pacto', reason: foreign.reason, message: `This is ${foreign.what}, not a Pacto workshop file.` });
  const pactoHead = looksLikePacto(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return pactoHead
      ? damaged('file', 'The file has bytes that are not text: it was changed or cut short.')
      : err({ code: 'not-pacto', reason: 'binary', message: 'This is not a Pacto workshop file (it is not text).' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return pactoHead
      ? damaged('file', `The file is not complete JSON: it was changed or cut short (${e instanceof Error ? e.message : String(e)}).`)
      : err({ code: 'not-pacto', reason: 'not-json', message: 'This is not a Pacto workshop file (it is text, not JSON).' });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== PACTO_FILE_FORMAT) {
    return err({ code: 'not-pacto', reason: 'other-json', message: 'This JSON file is not a Pacto workshop file (it has no "format": "pacto-workshop").' });
  }
  const formatVersion = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > PACTO_FILE_FORMAT_VERSION) {
    return err({
      code: 'too-new',
      newer: 'format',
      version: formatVersion,
      message: `This file was made by a newer Pacto (file format ${formatVersion}; this Pacto reads up to ${PACTO_FILE_FORMAT_VERSION}). Update Pacto to open it.`,
    });
  }
  const schemaVersion = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion > DOC_SCHEMA_VERSION) {
    return err({
      code: 'too-new',
      newer: 'schema',
      version: schemaVersion,
      message: `This file was made by a newer Pacto (document layout ${schemaVersion}; this Pacto reads up to ${DOC_SCHEMA_VERSION}). Update Pacto to open it.`,
    });
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return damaged('envelope', `The file's header is not valid (${where(envelope.error.issues)}).`);
  const e = envelope.data;

  // The immutable parts first (cheaper to check), then the document and its readable copy.
  const versions = readVersions(e.versions, e.workshopId);
  if (!versions.ok) return versions;
  const signatures = readSignatures(e.signatures, e.workshopId, versions.value);
  if (!signatures.ok) return signatures;
  const chain = verifyChain(e.audit);
  if (!chain.ok) return damaged('audit', `The audit trail is broken: ${chain.message}.`);

  const document = readDocument(e.document, e.schemaVersion);
  if (!document.ok) return document;
  const { content, update, migrated } = document.value;

  if (e.schemaVersion === DOC_SCHEMA_VERSION) {
    // The readable copy must say what the document says: a hand-edited projection would mislead people and the CLI.
    let same: boolean;
    try {
      same = canonicalJson(e.content) === canonicalJson(content);
    } catch {
      same = false;
    }
    if (!same) {
      const parsed = workshopContentSchema.safeParse(e.content);
      return damaged(
        'content',
        parsed.success
          ? 'The readable copy of the content does not match the workshop document.'
          : `The readable copy of the content is not valid (${where(parsed.error.issues)}).`,
      );
    }
  } else if (typeof e.content !== 'object' || e.content === null) {
    return damaged('content', 'The readable copy of the content is missing.');
  }

  return ok({
    format: PACTO_FILE_FORMAT,
    formatVersion: e.formatVersion,
    schemaVersion: e.schemaVersion,
    workshopId: e.workshopId,
    createdAt: e.createdAt,
    modifiedAt: e.modifiedAt,
    appVersion: e.appVersion,
    yjsUpdate: update,
    content,
    versions: versions.value,
    signatures: signatures.value,
    // verifyChain accepted every event, so each parses (extra fields are dropped).
    audit: e.audit.map((event) => auditEventSchema.parse(event)),
    migrated,
  });
}

/** Prefix of the message of an unexpected failure (a bug, never a user's fault); tests look for it. */
export const UNEXPECTED_DECODE_FAILURE = 'Unexpected failure reading the file';

/**
 * Reads `.pacto` bytes: a validated {@link PactoFile}, or a typed
 * {@link PactoFileError} saying what is wrong and where (`too-large` before
 * anything is parsed; `not-pacto` for empty, foreign or other-app files;
 * `too-new` for a newer format or layout; `damaged` with the part;
 * `migration-failed`). Never throws.
 */
export function decodePactoFile(bytes: Uint8Array): Result<PactoFile, PactoFileError> {
  try {
    return decodeChecked(bytes);
  } catch (e) {
    return damaged('file', `${UNEXPECTED_DECODE_FAILURE}: ${e instanceof Error ? e.message : String(e)}.`);
  }
}
