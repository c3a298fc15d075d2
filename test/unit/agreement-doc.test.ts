/**
 * The agreement records in the workshop document (`shared/domain/agreement-doc.ts`):
 * what is published reads back, entries are never overwritten, every entry
 * read is checked (malformed, forged, of another workshop, under a wrong key:
 * set aside with a reason, never thrown), the collision rule is the same
 * whichever order entries arrive in, the undo manager never takes a
 * publication back, and a copy of the document keeps the maps.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { appendAuditEvent, type AuditEvent } from '../../shared/agreement/audit';
import { freezeVersion, type AgreementVersion } from '../../shared/agreement/version';
import {
  AGREEMENT_PARTS,
  highestPublishedVersion,
  publishAgreementEntries,
  readAgreementEntries,
  sharedEventOf,
  versionCollisions,
  versionKey,
  type RecordedFrom,
} from '../../shared/domain/agreement-doc';
import { freshCopyOfDoc, WORKSHOP_DOC_ROOTS } from '../../shared/domain/doc-copy';
import { AGREEMENT_ORIGIN, LOCAL_ORIGIN } from '../../shared/domain/doc-edit';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { signatureOf } from '../support/pacto-workshop';

const WS = 'w-room';
const from: RecordedFrom = { deviceId: 'laptop-ana-01', deviceName: 'MacBook de Ana', seat: 'Ana' };

function frozen(number: number, at: string, title = 'Acuerdo'): { version: AgreementVersion; event: AuditEvent } {
  const content = sampleWorkshop('2026-11-30');
  const version = freezeVersion(WS, number, { ...content, meta: { ...content.meta, title } }, new Date(at));
  const [event] = appendAuditEvent([], {
    type: 'frozen',
    at: new Date(at),
    timeZone: 'Europe/Madrid',
    actor: { participantId: null, name: 'Pacto', team: null },
    details: { version: number, fingerprint: version.fingerprint },
  });
  return { version, event: event! };
}

function signedEvent(version: AgreementVersion, participantId: string): AuditEvent {
  const s = signatureOf(version, participantId);
  return appendAuditEvent([], {
    type: 'signed',
    at: new Date('2026-11-30T17:10:00Z'),
    timeZone: 'Europe/Madrid',
    actor: { participantId, name: s.name, team: s.team },
    details: { version: version.number, fingerprint: version.fingerprint, method: 'typed' },
  })[0]!;
}

describe('publishing and reading agreement records', () => {
  it('reads back what was published: versions, signatures and acts, with the laptop', () => {
    const doc = new Y.Doc();
    const { version, event } = frozen(1, '2026-11-30T17:00:00Z');
    const signature = signatureOf(version, 'p-jorge');
    const approved = appendAuditEvent([], {
      type: 'approved',
      at: new Date('2026-11-30T16:00:00Z'),
      timeZone: 'Europe/Madrid',
      actor: { participantId: 'p-jorge', name: 'Jorge', team: 'sales' },
      details: { kind: 'term', itemId: 't-mql', team: 'sales' },
    })[0]!;
    const added = publishAgreementEntries(doc, {
      versions: [{ version, event: sharedEventOf(event), from }],
      signatures: [{ signature, event: sharedEventOf(signedEvent(version, 'p-jorge')), from }],
      acts: [{ workshopId: WS, event: sharedEventOf(approved), from }],
    });
    expect(added).toBe(3);
    const read = readAgreementEntries(doc, WS);
    expect(read.rejected).toEqual([]);
    expect(read.versions.map((v) => [v.key, v.version.fingerprint, v.from])).toEqual([[versionKey(version), version.fingerprint, from]]);
    expect(read.versions[0]!.version).toStrictEqual(version);
    expect(read.signatures.map((s) => s.signature)).toEqual([signature]);
    expect(read.acts.map((a) => a.event.hash)).toEqual([approved.hash]);
    expect(highestPublishedVersion(doc, WS)).toBe(1);
  });

  it('never overwrites an entry: publishing the same key again adds nothing', () => {
    const doc = new Y.Doc();
    const { version, event } = frozen(1, '2026-11-30T17:00:00Z');
    publishAgreementEntries(doc, { versions: [{ version, event: sharedEventOf(event), from }] });
    const other = { deviceId: 'laptop-bea-02', deviceName: 'Bea', seat: null };
    expect(publishAgreementEntries(doc, { versions: [{ version, event: sharedEventOf(event), from: other }] })).toBe(0);
    expect(readAgreementEntries(doc, WS).versions[0]!.from).toEqual(from);
  });

  it('sets aside malformed, forged, foreign and misfiled entries with a reason, and keeps the good ones', () => {
    const doc = new Y.Doc();
    const { version, event } = frozen(1, '2026-11-30T17:00:00Z');
    publishAgreementEntries(doc, { versions: [{ version, event: sharedEventOf(event), from }] });
    const second = frozen(2, '2026-11-30T17:30:00Z');
    const tampered = { ...second.version, snapshotJson: second.version.snapshotJson.replace('Acuerdo', 'Acuerdx') };
    const signature = signatureOf(version, 'p-jorge');
    doc.transact(() => {
      const versions = doc.getMap(AGREEMENT_PARTS.versions);
      versions.set('garbage', 42);
      versions.set(versionKey(tampered), { version: tampered, event: sharedEventOf(second.event), from });
      const foreign = frozen(1, '2026-11-30T17:00:00Z');
      const elsewhere = { ...foreign.version, workshopId: 'w-other', id: 'w-other:v1' };
      versions.set(versionKey(elsewhere), { version: elsewhere, event: sharedEventOf(foreign.event), from });
      const signatures = doc.getMap(AGREEMENT_PARTS.signatures);
      signatures.set('not-its-id', { signature, event: sharedEventOf(signedEvent(version, 'p-jorge')), from });
      // The event claims another signer than the signature.
      signatures.set(signature.id, { signature, event: sharedEventOf(signedEvent(version, 'p-lucia')), from });
      doc.getMap(AGREEMENT_PARTS.acts).set('x', { workshopId: WS, event: { type: 'approved' }, from });
    }, AGREEMENT_ORIGIN);
    const read = readAgreementEntries(doc, WS);
    expect(read.versions.map((v) => v.version.fingerprint)).toEqual([version.fingerprint]);
    expect(read.signatures).toEqual([]);
    const reasons = Object.fromEntries(read.rejected.map((r) => [`${r.part}:${r.key.slice(0, 12)}`, r.reason]));
    expect(reasons['versions:garbage']).toMatch(/not a version entry/);
    expect(read.rejected.find((r) => r.key === versionKey(tampered))?.reason).toMatch(/does not match its fingerprint/);
    expect(read.rejected.find((r) => r.key.startsWith('w-other'))?.reason).toMatch(/does not belong to this workshop/);
    expect(reasons['signatures:not-its-id']).toMatch(/key is not its signature's id/);
    expect(read.rejected.find((r) => r.key === signature.id)?.reason).toMatch(/not Jorge.*signature/);
    expect(reasons['acts:x']).toMatch(/not an audit entry \(event\./);
  });

  it('decides a version number frozen twice the same way whichever order the entries came in', () => {
    const early = frozen(2, '2026-11-30T17:00:00Z', 'Acuerdo de Ana');
    const late = frozen(2, '2026-11-30T17:05:00Z', 'Acuerdo de Bea');
    const one = new Y.Doc();
    const two = new Y.Doc();
    publishAgreementEntries(one, { versions: [early, late].map((v) => ({ version: v.version, event: sharedEventOf(v.event), from })) });
    publishAgreementEntries(two, { versions: [late, early].map((v) => ({ version: v.version, event: sharedEventOf(v.event), from })) });
    for (const doc of [one, two]) {
      const collisions = versionCollisions(readAgreementEntries(doc, WS).versions);
      expect([...collisions.keys()]).toEqual([2]);
      expect(collisions.get(2)!.map((e) => e.version.fingerprint)).toEqual([early.version.fingerprint, late.version.fingerprint]);
    }
    // Both stay in the document: neither laptop's version (nor its signatures) is lost.
    expect(readAgreementEntries(one, WS).versions).toHaveLength(2);
  });

  it('is outside the undo history: Ctrl+Z after a publication takes back only the user\u2019s edit', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    doc.transact(() => doc.getMap('meta').set('title', 'Nuevo'), LOCAL_ORIGIN);
    const { version, event } = frozen(1, '2026-11-30T17:00:00Z');
    publishAgreementEntries(doc, { versions: [{ version, event: sharedEventOf(event), from }] });
    undo.undo();
    undo.undo();
    expect(doc.getMap('meta').get('title')).toBeUndefined();
    expect(readAgreementEntries(doc, WS).versions).toHaveLength(1);
  });

  it('is copied with the document: the maps are workshop roots, and a copy reads the same entries', () => {
    expect(WORKSHOP_DOC_ROOTS).toMatchObject({ versions: 'map', signatures: 'map', acts: 'map' });
    const doc = new Y.Doc();
    const { version, event } = frozen(1, '2026-11-30T17:00:00Z');
    publishAgreementEntries(doc, { versions: [{ version, event: sharedEventOf(event), from }] });
    expect(readAgreementEntries(freshCopyOfDoc(doc), WS).versions.map((v) => v.version.fingerprint)).toEqual([version.fingerprint]);
  });
});
