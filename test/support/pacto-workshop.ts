/**
 * Test helpers for `.pacto` files: a signed workshop in a fake-indexeddb
 * database (created, frozen as version 1, signed by both signatories, with
 * the audit events the app records), and a snapshot of a database's rows
 * to prove an operation left it unchanged.
 */
import type * as Y from 'yjs';
import { applyUpdateV2, Doc as YDoc, encodeStateAsUpdateV2 } from 'yjs';
import { createDb, type PactoDb } from '../../renderer/data/db';
import { recordAudit } from '../../renderer/data/audit';
import { createWorkshop, DOC_UPDATES_TABLE, openWorkshop, syncIndex, flushDoc } from '../../renderer/data/workshops';
import { freezeVersion, readSnapshot, type AgreementVersion, type Signature } from '../../shared/agreement/version';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

let counter = 0;
/** A fresh, empty database with a unique name. */
export const freshDb = (prefix = 'pacto-file'): PactoDb => createDb(`${prefix}-${++counter}`);

export const FROZEN_AT = new Date('2026-11-30T17:00:00Z');

/** A typed signature of `version` by participant `participantId`, with `extra` fields replaced. */
export function signatureOf(version: AgreementVersion, participantId: string, extra: Partial<Signature> = {}): Signature {
  const p = readSnapshot(version).content.participants.find((x) => x.id === participantId)!;
  return {
    id: `sig-${version.number}-${participantId}`,
    versionId: version.id,
    workshopId: version.workshopId,
    participantId,
    name: p.name,
    title: p.title,
    team: p.team,
    method: 'typed',
    image: 'data:image/png;base64,iVBORw0KGgo=',
    signedAt: '2026-11-30T18:04:05+01:00',
    timeZone: 'Europe/Madrid',
    fingerprint: version.fingerprint,
    ...extra,
  };
}

/** Freezes workshop `id`'s current content as its next version (number given) and records the event. */
export async function freezeNow(db: PactoDb, id: string, number: number, at = FROZEN_AT): Promise<AgreementVersion> {
  const open = await openWorkshop(db, id);
  const content = readWorkshop(open.doc);
  open.close();
  const version = freezeVersion(id, number, content, at);
  await db.versions.add(version);
  await recordAudit(db, id, {
    type: 'frozen',
    actor: { participantId: null, name: 'Pacto', team: null },
    details: { version: number, fingerprint: version.fingerprint },
    at,
    timeZone: 'Europe/Madrid',
  });
  return version;
}

/** Signs `version` by the sample's two signatories (Lucía and Jorge), with audit events. */
export async function signBoth(db: PactoDb, version: AgreementVersion): Promise<Signature[]> {
  const sigs = ['p-lucia', 'p-jorge'].map((p) => signatureOf(version, p));
  for (const s of sigs) {
    await db.signatures.add(s);
    await recordAudit(db, version.workshopId, {
      type: 'signed',
      actor: { participantId: s.participantId, name: s.name, team: s.team },
      details: { version: version.number, method: 'typed' },
      at: FROZEN_AT,
      timeZone: 'Europe/Madrid',
    });
  }
  return sigs;
}

/** The sample workshop, frozen as version 1 and signed by both signatories. Returns its id. */
export async function signedWorkshop(db: PactoDb): Promise<string> {
  const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  const v1 = await freezeNow(db, id, 1);
  await signBoth(db, v1);
  const open = await openWorkshop(db, id);
  await syncIndex(db, id, open.doc);
  open.close();
  return id;
}

/** Runs `fn` on workshop `id`'s open document and waits until its updates are stored. */
export async function editStored(db: PactoDb, id: string, fn: (doc: Y.Doc) => void): Promise<void> {
  const open = await openWorkshop(db, id);
  try {
    fn(open.doc);
    await flushDoc(db);
    await syncIndex(db, id, open.doc);
  } finally {
    open.close();
  }
}

/**
 * Every row of every table, to compare before and after a failed operation.
 * A workshop's document is compared by what it holds, not by its update
 * rows: y-dexie compacts those rows in the background (10 s after the
 * database opens, then every 5 minutes), which changes the rows but not the
 * document, so a slow run would otherwise see a change nobody made.
 */
export async function dumpDb(db: PactoDb): Promise<string> {
  const out: Record<string, unknown[]> = {};
  const json = (r: unknown) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Array.from(v).join(',') : v));
  for (const table of [db.workshops, db.versions, db.signatures, db.audit, db.settings]) {
    out[table.name] = (await table.toArray()).map(json);
  }
  const updates = (await db.table(DOC_UPDATES_TABLE).toArray()) as { i?: number; k?: unknown; u?: unknown }[];
  const byDoc = new Map<string, Uint8Array[]>();
  // y-dexie's own bookkeeping row (no document key, the time of its last compaction) changes with compaction alone.
  for (const row of updates) {
    if (row.k === undefined || !(row.u instanceof Uint8Array)) continue;
    const key = json(row.k);
    const rows = byDoc.get(key);
    if (rows) rows.push(row.u);
    else byDoc.set(key, [row.u]);
  }
  out[DOC_UPDATES_TABLE] = [...byDoc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, rows]) => {
      const doc = new YDoc();
      try {
        for (const u of rows) applyUpdateV2(doc, u);
        return `${key}:${Array.from(encodeStateAsUpdateV2(doc)).join(',')}`;
      } catch {
        // A damaged row stays visible as itself: the comparison must still see it change.
        return `${key}:${rows.map((u) => Array.from(u).join(',')).join('|')}`;
      } finally {
        doc.destroy();
      }
    });
  return JSON.stringify(out);
}
