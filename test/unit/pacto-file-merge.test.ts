/**
 * Same workshop, two copies: a `.pacto` file of a workshop already in Pacto
 * merges into it (CRDT: every stage and term once, both copies' edits kept,
 * new versions and signatures added, the audit trails merged and valid), or
 * opens as a separate copy with its own id and CRDT identity whose signed
 * versions still verify. Failed imports leave the database unchanged.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodePactoFile, type PactoFile } from '../../shared/file/pacto-file';
import { addStage, addTerm, readWorkshop, updateMeta, updateTerm } from '../../shared/domain/workshop-doc';
import { sha256Hex } from '../../shared/agreement/fingerprint';
import { isFullySigned, readSnapshot, versionHistory } from '../../shared/agreement/version';
import { verifyChain } from '../../shared/agreement/audit';
import { mergedBranchOf } from '../../shared/agreement/audit-merge';
import { readAudit, recordAudit } from '../../renderer/data/audit';
import { exportWorkshopFile, importWorkshopFile } from '../../renderer/data/pacto-file';
import { DOC_UPDATES_TABLE, openWorkshop } from '../../renderer/data/workshops';
import type { PactoDb } from '../../renderer/data/db';
import { dumpDb, editStored, freezeNow, freshDb, signBoth, signedWorkshop } from '../support/pacto-workshop';
import { stage } from '../support/workshop';

const actor = (name: string) => ({ participantId: null, name, team: null });

async function fileOf(db: PactoDb, id: string): Promise<PactoFile> {
  const result = decodePactoFile(await exportWorkshopFile(db, id, '0.1.0'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function contentOf(db: PactoDb, id: string) {
  const open = await openWorkshop(db, id);
  try {
    return readWorkshop(open.doc);
  } finally {
    open.close();
  }
}

const term = (id: string, name: string) => ({
  id,
  name,
  acronym: '',
  definition: `${name}.`,
  entryCriteria: '',
  exitCriteria: '',
  ownerTeam: 'marketing' as const,
});
const salesStage = (id: string, name: string) => stage(id, name, { ownerTeam: 'sales', y: 300 });

/** Two databases holding one signed workshop, then each copy edited on its own. */
async function divergedCopies() {
  const a = freshDb('merge');
  const id = await signedWorkshop(a);
  const b = freshDb('merge');
  await importWorkshopFile(b, await fileOf(a, id), 'new');
  await editStored(a, id, (doc) => {
    addTerm(doc, term('term-a', 'Cuenta objetivo'));
    addStage(doc, 'agreed', salesStage('stage-a', 'Renovación'));
    updateTerm(doc, 'term-mql', { acronym: 'MQL*' });
  });
  await recordAudit(a, id, { type: 'approved', actor: actor('Ana'), details: { item: 'A' } });
  await editStored(b, id, (doc) => {
    addTerm(doc, term('term-b', 'Referido'));
    updateMeta(doc, { company: 'Nubecom Soluciones S.L.' });
  });
  await recordAudit(b, id, { type: 'approved', actor: actor('Bea'), details: { item: 'B' } });
  const v2 = await freezeNow(b, id, 2, new Date('2026-12-02T10:00:00Z'));
  await signBoth(b, v2);
  return { a, b, id };
}

describe('merge of two diverged copies', () => {
  it('keeps both copies’ edits, every stage and term once, adds the other copy’s version and signatures', async () => {
    const { a, b, id } = await divergedCopies();
    const before = await contentOf(a, id);
    await importWorkshopFile(a, await fileOf(b, id), 'merge');
    const merged = await contentOf(a, id);

    const ids = merged.terms.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['term-a', 'term-b', 'term-mql']));
    expect(merged.terms.length).toBe(before.terms.length + 1);
    const stageIds = merged.funnels.agreed.stages.map((s) => s.id);
    expect(new Set(stageIds).size).toBe(stageIds.length);
    expect(stageIds.length).toBe(before.funnels.agreed.stages.length);
    expect(merged.terms.find((t) => t.id === 'term-mql')!.acronym).toBe('MQL*');
    expect(merged.meta.company).toBe('Nubecom Soluciones S.L.');

    const versions = await a.versions.where('workshopId').equals(id).sortBy('number');
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const sigs = await a.signatures.where('workshopId').equals(id).toArray();
    for (const v of versions) {
      expect(sha256Hex(v.snapshotJson)).toBe(v.fingerprint);
      expect(isFullySigned(v, sigs)).toBe(true);
    }
    expect(versionHistory(versions, sigs, merged).map((h) => h.standing)).toEqual(['signed', 'signed']);

    const trail = await readAudit(a, id);
    expect(verifyChain(trail)).toMatchObject({ ok: true });
    const mergeEvent = trail.at(-1)!;
    expect(mergeEvent.type).toBe('merged');
    const branch = mergedBranchOf(mergeEvent)!;
    // The other copy's own events (its import, approval, freeze and signatures) are kept verbatim, with their hashes.
    expect(branch.events.map((e) => e.type)).toEqual(['imported', 'approved', 'frozen', 'signed', 'signed']);
    const bTrail = await readAudit(b, id);
    expect(branch.events).toEqual(bTrail.slice(bTrail.length - branch.events.length));
    expect(branch.head).toBe(bTrail.at(-1)!.hash);
  });

  it('merging the same file again changes nothing', async () => {
    const { a, b, id } = await divergedCopies();
    const file = await fileOf(b, id);
    await importWorkshopFile(a, file, 'merge');
    const once = await dumpDb(a);
    await importWorkshopFile(a, file, 'merge');
    expect(await dumpDb(a)).toBe(once);
  });

  it('fast-forwards a trail that only grew: the other copy’s events are appended verbatim, hashes unchanged', async () => {
    const a = freshDb('merge');
    const id = await signedWorkshop(a);
    const b = freshDb('merge');
    await importWorkshopFile(b, await fileOf(a, id), 'new');
    await recordAudit(b, id, { type: 'approved', actor: actor('Bea'), details: { item: 'B' } });
    await importWorkshopFile(a, await fileOf(b, id), 'merge');
    const aTrail = await readAudit(a, id);
    expect(aTrail).toEqual(await readAudit(b, id));
    expect(aTrail.slice(-2).map((e) => e.type)).toEqual(['imported', 'approved']);
    expect(verifyChain(aTrail)).toMatchObject({ ok: true });
  });

  it('merges back the other way: both databases end with the same content', async () => {
    const { a, b, id } = await divergedCopies();
    await importWorkshopFile(a, await fileOf(b, id), 'merge');
    await importWorkshopFile(b, await fileOf(a, id), 'merge');
    expect(await contentOf(b, id)).toEqual(await contentOf(a, id));
    const bTrail = await readAudit(b, id);
    expect(verifyChain(bTrail)).toMatchObject({ ok: true });
    // A's approval and A's merge event arrive in B as one branch; the events of B that A's merge event carries are known.
    expect(mergedBranchOf(bTrail.at(-1)!)!.events.map((e) => e.type)).toEqual(['approved', 'merged']);
  });

  it('refuses when both copies froze the same version number differently; nothing changes', async () => {
    const { a, b, id } = await divergedCopies();
    await freezeNow(a, id, 2, new Date('2026-12-03T10:00:00Z'));
    const before = await dumpDb(a);
    await expect(importWorkshopFile(a, await fileOf(b, id), 'merge')).rejects.toMatchObject({ code: 'version-conflict', version: 2 });
    expect(await dumpDb(a)).toBe(before);
  });

  it('is all or nothing: a failure at the last write leaves the database as it was', async () => {
    const { a, b, id } = await divergedCopies();
    const file = await fileOf(b, id);
    const before = await dumpDb(a);
    const fail = () => {
      throw new Error('disk failure');
    };
    a.audit.hook('creating', fail);
    await expect(importWorkshopFile(a, file, 'merge')).rejects.toThrow();
    a.audit.hook('creating').unsubscribe(fail);
    expect(await dumpDb(a)).toBe(before);
  });
});

describe('open as a separate copy', () => {
  it('gets a new id and CRDT identity; its signed version keeps its fingerprint and still verifies', async () => {
    const a = freshDb('copy');
    const id = await signedWorkshop(a);
    const file = await fileOf(a, id);
    const { workshopId: copyId } = await importWorkshopFile(a, file, 'copy');
    expect(copyId).not.toBe(id);

    const original = await contentOf(a, id);
    const copy = await contentOf(a, copyId);
    expect(copy).toEqual(original);

    const [v] = await a.versions.where('workshopId').equals(copyId).toArray();
    const [orig] = await a.versions.where('workshopId').equals(id).toArray();
    expect(v!.id).toBe(`${copyId}:v1`);
    expect(v!.fingerprint).toBe(orig!.fingerprint);
    expect(sha256Hex(v!.snapshotJson)).toBe(v!.fingerprint);
    // The snapshot is byte for byte the one signed: it names the workshop it was frozen in.
    expect(readSnapshot(v!).workshopId).toBe(id);
    const sigs = await a.signatures.where('workshopId').equals(copyId).toArray();
    expect(sigs).toHaveLength(2);
    expect(isFullySigned(v!, sigs)).toBe(true);
    expect((await a.workshops.get(copyId))!.status).toBe('signed');

    const trail = await readAudit(a, copyId);
    expect(verifyChain(trail)).toMatchObject({ ok: true });
    expect(trail.at(-1)).toMatchObject({ type: 'imported', details: { mode: 'copy', copyOf: id } });

    // No shared Yjs history: the copy's items are written by other clients than the original's.
    const updates = async (wid: string) => (await a.table(DOC_UPDATES_TABLE).where('k').equals(wid).toArray()) as { u: Uint8Array }[];
    const clients = (rows: { u: Uint8Array }[]) => {
      const doc = new Y.Doc();
      for (const r of rows) Y.applyUpdateV2(doc, r.u);
      return new Set(Y.decodeStateVector(Y.encodeStateVector(doc)).keys());
    };
    const originalClients = clients(await updates(id));
    for (const c of clients(await updates(copyId))) expect(originalClients.has(c)).toBe(false);
  });

  it('can be renamed on import; editing the copy leaves the original alone', async () => {
    const a = freshDb('copy');
    const id = await signedWorkshop(a);
    const { workshopId: copyId } = await importWorkshopFile(a, await fileOf(a, id), 'copy', { copyTitle: 'Copia de trabajo' });
    expect((await a.workshops.get(copyId))!.title).toBe('Copia de trabajo');
    await editStored(a, copyId, (doc) => addTerm(doc, term('term-c', 'Solo en la copia')));
    expect((await contentOf(a, id)).terms.some((t) => t.id === 'term-c')).toBe(false);
    expect((await a.workshops.get(id))!.title).not.toBe('Copia de trabajo');
  });
});
