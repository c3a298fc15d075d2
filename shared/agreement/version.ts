/**
 * Agreement versions and signatures: freezing the workshop content into an
 * immutable snapshot with a fingerprint, signing that exact version, and the
 * workshop's status derived from both.
 */
import { z } from 'zod';
import { workshopContentSchema, TEAMS, type WorkshopContent } from '../domain/workshop';
import { canonicalJson } from './canonical-json';
import { fingerprint, sha256Hex } from './fingerprint';
import { freezeOverrideSchema, type FreezeOverride } from './approvals';
import { agreementRecordSchema, type AgreementRecord } from '../facilitation/record';

/** Identifies a Pacto snapshot inside a PDF attachment or a file. */
export const SNAPSHOT_FORMAT = 'pacto-agreement';
export const SNAPSHOT_FORMAT_VERSION = 1;

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  workshopId: z.string().min(1),
  /** 1 for the first frozen version of a workshop, then 2, 3… */
  version: z.number().int().min(1),
  /** When it was frozen: ISO 8601 instant in UTC. */
  frozenAt: z.string().min(1),
  content: workshopContentSchema,
  /**
   * Present when the version was frozen with terms or clauses not agreed by
   * both teams: who decided, why, when, and which items were open. Covered
   * by the fingerprint and printed in the PDF. Absent for a normal freeze.
   */
  override: freezeOverrideSchema.optional(),
  /**
   * The workshop's decisions and open questions (follow-ups) when frozen,
   * printed as the "Decisions" and "Follow-ups" sections. Covered by the
   * fingerprint. Absent when there were none (and in versions frozen before
   * facilitation existed), so those snapshots are unchanged.
   */
  facilitation: agreementRecordSchema.optional(),
});
/** What a frozen version holds: the workshop content and where it comes from. */
export type AgreementSnapshot = z.infer<typeof snapshotSchema>;

/** A frozen version as stored: never updated after it is written. */
export interface AgreementVersion {
  /** `${workshopId}:v${number}`. */
  id: string;
  workshopId: string;
  number: number;
  frozenAt: string;
  /** Canonical JSON of the {@link AgreementSnapshot}: the bytes the fingerprint covers. */
  snapshotJson: string;
  /** SHA-256 hex of `snapshotJson`. */
  fingerprint: string;
}

export const signatureSchema = z.object({
  id: z.string().min(1),
  versionId: z.string().min(1),
  workshopId: z.string().min(1),
  participantId: z.string().min(1),
  name: z.string().trim().min(1, { message: 'required' }),
  title: z.string(),
  team: z.enum(TEAMS),
  /** Drawn with a pointer, or the name typed and rendered in a script face. */
  method: z.enum(['drawn', 'typed']),
  /** The signature as a PNG data URL (`data:image/png;base64,…`). */
  image: z.string().regex(/^data:image\/png;base64,/, { message: 'signature' }),
  /** ISO 8601 with the signer's UTC offset, e.g. `2026-11-30T18:04:05-06:00`. */
  signedAt: z.string().min(1),
  /** IANA zone of the signer, e.g. `America/Mexico_City`. */
  timeZone: z.string().min(1),
  /** Fingerprint of the version signed; binds the signature to those exact bytes. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * The consent statement the signer accepted, in the words shown (it says
   * this is a simple electronic signature of this version). Absent in
   * signatures made before it was recorded.
   */
  consent: z.string().min(1).optional(),
});
/** One signatory's simple electronic signature (eIDAS) of one version. */
export type Signature = z.infer<typeof signatureSchema>;

/**
 * Freezes `content` as version `number` of workshop `workshopId`; `override`
 * records a freeze with open items (see `overrideFreezeGate`); `facilitation`
 * the decisions and follow-ups (`agreementRecord` of `shared/facilitation/record.ts`).
 * The snapshot is validated first: throws a zod error if the content or the override is invalid.
 */
export function freezeVersion(
  workshopId: string,
  number: number,
  content: WorkshopContent,
  now: Date,
  override?: FreezeOverride,
  facilitation?: AgreementRecord,
): AgreementVersion {
  const snapshot: AgreementSnapshot = snapshotSchema.parse({
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    workshopId,
    version: number,
    frozenAt: now.toISOString(),
    content,
    ...(override ? { override } : {}),
    ...(facilitation ? { facilitation } : {}),
  });
  const snapshotJson = canonicalJson(snapshot);
  return {
    id: `${workshopId}:v${number}`,
    workshopId,
    number,
    frozenAt: snapshot.frozenAt,
    snapshotJson,
    fingerprint: sha256Hex(snapshotJson),
  };
}

/** Parses a stored version's snapshot. Throws if it is not a valid Pacto snapshot. */
export function readSnapshot(version: Pick<AgreementVersion, 'snapshotJson'>): AgreementSnapshot {
  return snapshotSchema.parse(JSON.parse(version.snapshotJson));
}

/** True when `content` is exactly the content frozen in `version` (same canonical form). */
export function contentMatchesVersion(content: WorkshopContent, version: AgreementVersion): boolean {
  return fingerprint(content) === fingerprint(readSnapshot(version).content);
}

/** The participants who must sign `snapshot`: its signatories, in list order. */
export function requiredSigners(snapshot: AgreementSnapshot) {
  return snapshot.content.participants.filter((p) => p.signatory);
}

/** `draft`: being edited; `ready`: frozen, awaiting signatures; `signed`: every signatory signed the current version. */
export type WorkshopStatus = 'draft' | 'ready' | 'signed';

/**
 * The workshop's status: draft unless the latest frozen version is exactly
 * the current content (an edit after freezing starts a new draft); then signed
 * when every signatory of that version has a signature bound to its
 * fingerprint, else ready to sign.
 */
export function workshopStatus(content: WorkshopContent, latest: AgreementVersion | undefined, signatures: readonly Signature[]): WorkshopStatus {
  if (!latest || !contentMatchesVersion(content, latest)) return 'draft';
  return isFullySigned(latest, signatures) ? 'signed' : 'ready';
}

/** True when every signatory of `version` signed it (signatures bound to its fingerprint). */
export function isFullySigned(version: AgreementVersion, signatures: readonly Signature[]): boolean {
  const signers = requiredSigners(readSnapshot(version));
  if (signers.length === 0) return false;
  const signed = new Set(signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint).map((s) => s.participantId));
  return signers.every((p) => signed.has(p.id));
}

/**
 * Where a frozen version stands in the history: `signed` (every signatory
 * signed it), `awaiting` (the latest version, still to be fully signed, and
 * the content has not changed since), `superseded` (not fully signed and a
 * newer version exists, or the draft changed since it was frozen).
 */
export type VersionStanding = 'signed' | 'awaiting' | 'superseded';

/** One row of the version history. */
export interface VersionHistoryEntry {
  version: AgreementVersion;
  standing: VersionStanding;
  /** Signatures bound to this version's fingerprint. */
  signatures: Signature[];
  /** How many signatories the version names. */
  required: number;
  /** True when the current draft is exactly this version's content. */
  matchesDraft: boolean;
}

/**
 * The version history, newest first, with each version's standing. `content`
 * is the current draft; `versions` in any order. A signed version stays
 * signed forever: later versions and edits never change its standing.
 */
export function versionHistory(versions: readonly AgreementVersion[], signatures: readonly Signature[], content: WorkshopContent): VersionHistoryEntry[] {
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  const draft = fingerprint(content);
  return sorted.map((version, i) => {
    const bound = signatures.filter((s) => s.versionId === version.id && s.fingerprint === version.fingerprint);
    const snapshot = readSnapshot(version);
    const matchesDraft = fingerprint(snapshot.content) === draft;
    const standing: VersionStanding = isFullySigned(version, bound) ? 'signed' : i === 0 && matchesDraft ? 'awaiting' : 'superseded';
    return { version, standing, signatures: bound, required: requiredSigners(snapshot).length, matchesDraft };
  });
}
