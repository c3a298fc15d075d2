/**
 * Agreement records in the workshop's Yjs document, so they travel through a
 * room: three append-only top-level Y.Maps (absent = none published yet).
 * - `versions`: key `<version id>#<fingerprint>` → a frozen version, with its
 *   `frozen` audit event and the laptop it was frozen on;
 * - `signatures`: key signature id → a signature, with its `signed` event and laptop;
 * - `acts`: key `<event hash>` → another person's act recorded in the audit
 *   trail (an approval, its withdrawal) and the laptop it was recorded on.
 *
 * Each laptop's Dexie stays the record of what it accepted (versions and
 * signatures are immutable there, the audit trail a hash chain); these maps
 * only carry entries between laptops (`renderer/features/agreement/room-records.ts`
 * copies them in). An entry is never replaced or removed once written: keys
 * are made of ids and hashes, so two laptops never write the same key with
 * different values, and two laptops that froze the same number offline both
 * keep their version in the document (see {@link versionCollisions}).
 *
 * Everything read from here came from the network: each entry is parsed with
 * zod and checked against itself (fingerprint of the snapshot, version id and
 * number, the event about the record it carries). A bad entry is reported with
 * its key and reason, never thrown on. Writes use {@link AGREEMENT_ORIGIN},
 * which the undo manager does not track: a signature is not undoable.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { auditActorSchema, type AuditEvent } from '../agreement/audit';
import { FINGERPRINT_PATTERN } from '../agreement/fingerprint';
import { signatureSchema, type AgreementVersion, type Signature } from '../agreement/version';
import { ZONED_ISO_PATTERN } from '../agreement/zoned-time';
import { checkVersionRow } from '../file/pacto-file';
import { deviceIdSchema } from '../room/contract';
import { AGREEMENT_ORIGIN } from './doc-edit';

/** Names of the three top-level maps (also in `doc-copy.ts`'s `WORKSHOP_DOC_ROOTS`). */
export const AGREEMENT_PARTS = { versions: 'versions', signatures: 'signatures', acts: 'acts' } as const;

/** Audit event types an `acts` entry may carry: people's acts other than freezing and signing. */
export const SHARED_ACT_TYPES = ['approved', 'approval-withdrawn'] as const;

/** The laptop an entry was recorded on: its device id, the OS's name for it, and who sat at it (null outside a room). */
export const recordedFromSchema = z
  .object({
    deviceId: deviceIdSchema,
    deviceName: z.string().max(80),
    seat: z.string().max(80).nullable(),
  })
  .strict();
/** Where an entry of the agreement maps was recorded. */
export type RecordedFrom = z.infer<typeof recordedFromSchema>;

const hex64 = z.string().regex(FINGERPRINT_PATTERN);

/**
 * An audit event as the laptop that recorded it recorded it: its words
 * (type, time in its zone, actor, details) and its hash in that laptop's
 * chain (`hash`, which other laptops use to recognise it). Not its place in
 * the chain: each laptop appends it to its own.
 */
export const sharedEventSchema = z
  .object({
    type: z.enum(['frozen', 'signed', ...SHARED_ACT_TYPES]),
    at: z.string().regex(ZONED_ISO_PATTERN),
    timeZone: z.string().min(1).max(64),
    actor: auditActorSchema,
    details: z.record(z.string(), z.unknown()),
    hash: hex64,
  })
  .strict();
/** An audit event carried by an entry (see {@link sharedEventSchema}). */
export type SharedEvent = z.infer<typeof sharedEventSchema>;

const versionEntrySchema = z.object({ version: z.unknown(), event: sharedEventSchema, from: recordedFromSchema }).strict();
const signatureEntrySchema = z.object({ signature: signatureSchema, event: sharedEventSchema, from: recordedFromSchema }).strict();
const actEntrySchema = z.object({ workshopId: z.string().min(1), event: sharedEventSchema, from: recordedFromSchema }).strict();

/** A frozen version as published: the version row, its `frozen` event, the laptop. */
export interface VersionEntry {
  key: string;
  version: AgreementVersion;
  event: SharedEvent;
  from: RecordedFrom;
}
/** A signature as published: the signature, its `signed` event, the laptop. */
export interface SignatureEntry {
  key: string;
  signature: Signature;
  event: SharedEvent;
  from: RecordedFrom;
}
/** An approval or its withdrawal as published: its audit event and the laptop. */
export interface ActEntry {
  key: string;
  workshopId: string;
  event: SharedEvent;
  from: RecordedFrom;
}

/** An entry that was set aside: which map and key, and why (in words for a log). */
export interface RejectedEntry {
  part: keyof typeof AGREEMENT_PARTS;
  key: string;
  reason: string;
}

/** What `details.copiedFrom` of an event copied from another laptop holds. */
export interface CopiedFrom extends RecordedFrom {
  /** The event's hash in the trail of the laptop it came from. */
  hash: string;
}

/** The laptop an event was copied from, or null for an event recorded here. */
export function copiedFromOf(event: Pick<AuditEvent, 'details'>): CopiedFrom | null {
  const c = event.details['copiedFrom'] as Partial<CopiedFrom> | undefined;
  return c && typeof c === 'object' && typeof c.hash === 'string' && typeof c.deviceId === 'string'
    ? { deviceId: c.deviceId, deviceName: typeof c.deviceName === 'string' ? c.deviceName : '', seat: typeof c.seat === 'string' ? c.seat : null, hash: c.hash }
    : null;
}

/** What the agreement maps of a document hold for one workshop: the valid entries (oldest number / time first) and the rejected ones. */
export interface AgreementEntries {
  versions: VersionEntry[];
  signatures: SignatureEntry[];
  acts: ActEntry[];
  rejected: RejectedEntry[];
}

/** The key of `version` in the `versions` map. */
export function versionKey(version: Pick<AgreementVersion, 'id' | 'fingerprint'>): string {
  return `${version.id}#${version.fingerprint}`;
}

/** The shared form of a local audit event (what {@link sharedEventSchema} holds). */
export function sharedEventOf(event: AuditEvent): SharedEvent {
  const { type, at, timeZone, actor, details, hash } = event;
  return sharedEventSchema.parse({ type, at, timeZone, actor, details, hash });
}

function where(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  return first ? `${first.path.map(String).join('.') || '(entry)'}: ${first.message}` : '(entry)';
}

function mapOf(doc: Y.Doc, part: keyof typeof AGREEMENT_PARTS): Y.Map<unknown> | null {
  return doc.share.has(AGREEMENT_PARTS[part]) ? doc.getMap<unknown>(AGREEMENT_PARTS[part]) : null;
}

/**
 * Reads the agreement maps of `doc` for workshop `workshopId`. Each entry is
 * parsed and checked; an entry that fails (malformed, of another workshop,
 * a version whose snapshot does not match its fingerprint, a key that does not
 * name its record, an event about another record) is listed in `rejected`
 * with its reason. Never throws.
 */
export function readAgreementEntries(doc: Y.Doc, workshopId: string): AgreementEntries {
  const out: AgreementEntries = { versions: [], signatures: [], acts: [], rejected: [] };
  const reject = (part: RejectedEntry['part'], key: string, reason: string) => out.rejected.push({ part, key, reason });
  const sortedEntries = (map: Y.Map<unknown> | null) => (map ? [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : []);

  for (const [key, raw] of sortedEntries(mapOf(doc, 'versions'))) {
    const parsed = versionEntrySchema.safeParse(raw);
    if (!parsed.success) {
      reject('versions', key, `not a version entry (${where(parsed.error.issues)})`);
      continue;
    }
    const checked = checkVersionRow(parsed.data.version, workshopId, 'The entry');
    if (!checked.ok) {
      reject('versions', key, checked.error);
      continue;
    }
    const version = checked.value;
    const { event, from } = parsed.data;
    if (key !== versionKey(version)) reject('versions', key, `its key does not name version ${version.number} (${version.fingerprint.slice(0, 12)}…)`);
    else if (event.type !== 'frozen' || event.details['fingerprint'] !== version.fingerprint || event.details['version'] !== version.number)
      reject('versions', key, `its audit event is not the freezing of version ${version.number}`);
    else out.versions.push({ key, version, event, from });
  }

  for (const [key, raw] of sortedEntries(mapOf(doc, 'signatures'))) {
    const parsed = signatureEntrySchema.safeParse(raw);
    if (!parsed.success) {
      reject('signatures', key, `not a signature entry (${where(parsed.error.issues)})`);
      continue;
    }
    const { signature, event, from } = parsed.data;
    if (signature.workshopId !== workshopId) reject('signatures', key, `it is a signature of another workshop (${signature.workshopId})`);
    else if (key !== signature.id) reject('signatures', key, `its key is not its signature's id (${signature.id})`);
    else if (event.type !== 'signed' || event.details['fingerprint'] !== signature.fingerprint || event.actor.participantId !== signature.participantId)
      reject('signatures', key, `its audit event is not ${signature.name}'s signature`);
    else out.signatures.push({ key, signature, event, from });
  }

  for (const [key, raw] of sortedEntries(mapOf(doc, 'acts'))) {
    const parsed = actEntrySchema.safeParse(raw);
    if (!parsed.success) {
      reject('acts', key, `not an audit entry (${where(parsed.error.issues)})`);
      continue;
    }
    const { event, from } = parsed.data;
    if (parsed.data.workshopId !== workshopId) reject('acts', key, `it is an event of another workshop (${parsed.data.workshopId})`);
    else if (key !== event.hash) reject('acts', key, 'its key is not its event hash');
    else if (!(SHARED_ACT_TYPES as readonly string[]).includes(event.type)) reject('acts', key, `a ${event.type} event does not travel as an act`);
    else out.acts.push({ key, workshopId, event, from });
  }

  out.versions.sort((a, b) => a.version.number - b.version.number || compareFrozen(a.version, b.version));
  return out;
}

/** Earlier frozen first; the same instant, the smaller fingerprint first: the order that decides a collision. */
function compareFrozen(a: AgreementVersion, b: AgreementVersion): number {
  const ta = Date.parse(a.frozenAt);
  const tb = Date.parse(b.frozenAt);
  if (ta !== tb) return ta - tb;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}

/**
 * Version numbers frozen more than once with different content (two laptops
 * froze "version 2" while apart): number → the versions, the one that keeps
 * the number first. The rule is the same on every laptop: the version frozen
 * earlier keeps the number (the same instant: the smaller fingerprint).
 */
export function versionCollisions(versions: readonly VersionEntry[]): Map<number, VersionEntry[]> {
  const byNumber = new Map<number, VersionEntry[]>();
  for (const v of versions) byNumber.set(v.version.number, [...(byNumber.get(v.version.number) ?? []), v]);
  for (const [n, list] of byNumber) {
    if (list.length < 2) byNumber.delete(n);
    else list.sort((a, b) => compareFrozen(a.version, b.version));
  }
  return byNumber;
}

/** The highest version number published in `doc` for `workshopId` (0 when none): a new freeze takes the next one. */
export function highestPublishedVersion(doc: Y.Doc, workshopId: string): number {
  return readAgreementEntries(doc, workshopId).versions.reduce((max, v) => Math.max(max, v.version.number), 0);
}

/** What a publication adds; entries whose key the document already has are left as they are (append-only). */
export interface Publication {
  versions?: readonly Omit<VersionEntry, 'key'>[];
  signatures?: readonly Omit<SignatureEntry, 'key'>[];
  acts?: readonly Omit<ActEntry, 'key'>[];
}

/**
 * Adds the entries of `publication` to `doc` in one transaction with
 * {@link AGREEMENT_ORIGIN} (call it inside an `edit()` with that origin, which
 * makes it that transaction). Keys already present are never overwritten.
 * Returns how many entries were added.
 */
export function publishAgreementEntries(doc: Y.Doc, publication: Publication): number {
  let added = 0;
  doc.transact(() => {
    const put = (part: keyof typeof AGREEMENT_PARTS, key: string, value: unknown) => {
      const map = doc.getMap<unknown>(AGREEMENT_PARTS[part]);
      if (map.has(key)) return;
      map.set(key, value);
      added++;
    };
    for (const v of publication.versions ?? []) put('versions', versionKey(v.version), { version: { ...v.version }, event: v.event, from: v.from });
    for (const s of publication.signatures ?? []) put('signatures', s.signature.id, { signature: { ...s.signature }, event: s.event, from: s.from });
    for (const a of publication.acts ?? []) put('acts', a.event.hash, { workshopId: a.workshopId, event: a.event, from: a.from });
  }, AGREEMENT_ORIGIN);
  return added;
}
