/**
 * The database opens data written by schema version 1, from a frozen
 * fixture (test/fixtures/db-v1.json, written once by Pacto 0.1 and never
 * regenerated): the index, the workshop document, versions and signatures
 * survive the upgrade path and read back as the same agreement.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import yDexie from 'y-dexie';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../renderer/data/db';
import { ImmutableRecordError } from '../../renderer/data/schema';
import { openWorkshop, syncIndex } from '../../renderer/data/workshops';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { contentMatchesVersion, readSnapshot } from '../../shared/agreement/version';
import { sha256Hex } from '../../shared/agreement/fingerprint';

interface Fixture {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/db-v1.json', import.meta.url), 'utf8')) as Fixture;

function revive(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v && typeof v === 'object' && '$bytes' in v ? new Uint8Array(Buffer.from((v as { $bytes: string }).$bytes, 'base64')) : v;
  }
  return out;
}

/** Writes the fixture into a database with the v1 schema only, as Pacto 0.1 left it. */
async function restoreV1(name: string): Promise<void> {
  const old = new Dexie(name, { addons: [yDexie] });
  old.version(fixture.schemaVersion).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) {
    await old.table(table).bulkAdd(rows.map(revive));
  }
  old.close();
}

describe('database schema v1 fixture', () => {
  it('opens with the current schema and reads the workshop, its document, version and signature', async () => {
    await restoreV1('migration-v1');
    const db = createDb('migration-v1');
    const rows = await db.workshops.toArray();
    expect(rows.map((r) => r.title)).toEqual(['Acuerdo Marketing–Ventas 2027']);

    const open = await openWorkshop(db, 'ws-fixture-v1');
    const content = readWorkshop(open.doc);
    expect(content.participants.map((p) => p.name)).toContain('Jorge Ibáñez Muñoz');
    expect(content.terms.find((t) => t.acronym === 'MQL')?.name).toBe('Lead calificado por marketing');

    const [version] = await db.versions.toArray();
    expect(version!.fingerprint).toBe(sha256Hex(version!.snapshotJson));
    expect(readSnapshot(version!).content.meta.company).toBe('Nubecom Soluciones');
    expect(contentMatchesVersion(content, version!)).toBe(true);
    const signatures = await db.signatures.toArray();
    expect(signatures).toHaveLength(1);

    // Only Lucía of two signatories signed: the derived status is "ready", not "signed".
    await syncIndex(db, 'ws-fixture-v1', open.doc);
    expect((await db.workshops.get('ws-fixture-v1'))!.status).toBe('ready');
    open.close();
    db.close();
  });

  it('refuses to change a frozen version or a signature', async () => {
    const db = createDb('migration-v1');
    const [version] = await db.versions.toArray();
    await expect(db.versions.update(version!.id, { fingerprint: '0'.repeat(64) })).rejects.toBeInstanceOf(ImmutableRecordError);
    await expect(db.signatures.update('sig-1', { name: 'Otra persona' })).rejects.toBeInstanceOf(ImmutableRecordError);
    expect((await db.versions.get(version!.id))!.fingerprint).toBe(version!.fingerprint);
    db.close();
  });
});
