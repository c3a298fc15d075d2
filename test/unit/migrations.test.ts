/**
 * The document's migration sequence (shared/domain/migrations.ts): a named
 * list of steps, each tested from a frozen fixture of the layout it reads
 * (written once by the Pacto of that layout, never regenerated):
 * - layout 1 → `doc-002-rich-text`: test/fixtures/db-v1.json (the database
 *   of Pacto 0.1) and test/fixtures/workshop-layout-1.pacto (the same
 *   workshop, version and signature in a `.pacto` envelope of layout 1).
 * Also frozen: test/fixtures/workshop-format-1.pacto, a file of the current
 * format and layout, which every later Pacto must open.
 *
 * Opening from the database and opening a file go through the one path
 * (`migrateDoc`) and give the same content. A newer layout is refused with
 * "made by a newer Pacto"; a failing step leaves the document unchanged.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import yDexie from 'y-dexie';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDocSchema, DOC_MIGRATIONS, DocMigrationError, migrateDoc, OLDEST_DOC_SCHEMA_VERSION, type DocMigration } from '../../shared/domain/migrations';
import { DOC_SCHEMA_VERSION, readWorkshop } from '../../shared/domain/workshop-doc';
import { canonicalJson } from '../../shared/agreement/canonical-json';
import { contentMatchesVersion, isFullySigned, type AgreementVersion } from '../../shared/agreement/version';
import { decodePactoFile, encodePactoFile, type PactoFile } from '../../shared/file/pacto-file';
import { createDb, type PactoDb } from '../../renderer/data/db';
import { DOC_UPDATES_TABLE, openWorkshop } from '../../renderer/data/workshops';
import { importWorkshopFile } from '../../renderer/data/pacto-file';

interface DbFixture {
  schemaVersion: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}
const dbV1 = JSON.parse(readFileSync(new URL('../fixtures/db-v1.json', import.meta.url), 'utf8')) as DbFixture;
const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const v1Version = dbV1.tables.versions![0] as unknown as AgreementVersion;

function revive(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v && typeof v === 'object' && '$bytes' in v ? new Uint8Array(Buffer.from((v as { $bytes: string }).$bytes, 'base64')) : v;
  }
  return out;
}

let n = 0;
/** The v1 database fixture restored under the v1 schema, then opened with the current one. */
async function restoredV1(): Promise<PactoDb> {
  const name = `migrations-v1-${++n}`;
  const old = new Dexie(name, { addons: [yDexie] });
  old.version(dbV1.schemaVersion).stores(dbV1.stores);
  await old.open();
  for (const [table, rows] of Object.entries(dbV1.tables)) await old.table(table).bulkAdd(rows.map(revive));
  old.close();
  return createDb(name);
}

function v1Doc(): Y.Doc {
  const doc = new Y.Doc();
  for (const row of dbV1.tables['$workshops.doc_updates']!) Y.applyUpdateV2(doc, revive(row).u as Uint8Array);
  return doc;
}

function decoded(bytes: Uint8Array): PactoFile {
  const result = decodePactoFile(bytes);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** One frozen-fixture test per migration step: its id → what it checks. */
const STEP_FIXTURES: Record<string, () => Promise<void>> = {
  'doc-002-rich-text': async () => {
    // Database path: the workshop of db-v1.json opens migrated, as the agreement that was frozen and signed.
    const db = await restoredV1();
    const open = await openWorkshop(db, 'ws-fixture-v1');
    expect(checkDocSchema(open.doc)).toEqual({ ok: true, version: 2, needsMigration: false });
    const fromDb = readWorkshop(open.doc);
    open.close();
    const { scenarios: _s, ...v1Parts } = fromDb;
    expect(contentMatchesVersion(v1Parts, v1Version)).toBe(true);

    // File path: the same workshop in a layout-1 envelope.
    const file = decoded(fixtureBytes('workshop-layout-1.pacto'));
    expect(file.schemaVersion).toBe(1);
    expect(file.migrated).toEqual(['doc-002-rich-text']);
    expect(canonicalJson(file.content)).toBe(canonicalJson(fromDb));
    expect(file.versions[0]!.fingerprint).toBe(v1Version.fingerprint);

    // Imported into an empty database it opens as the same workshop; only Lucía of two signatories signed.
    const fresh = createDb(`migrations-import-${++n}`);
    await importWorkshopFile(fresh, file, 'new');
    const reopened = await openWorkshop(fresh, 'ws-fixture-v1');
    expect(canonicalJson(readWorkshop(reopened.doc))).toBe(canonicalJson(fromDb));
    reopened.close();
    expect((await fresh.workshops.get('ws-fixture-v1'))!.status).toBe('ready');
  },
};

describe('the migration sequence', () => {
  it('is a chain of named steps from the oldest layout to the current one', () => {
    expect(new Set(DOC_MIGRATIONS.map((m) => m.id)).size).toBe(DOC_MIGRATIONS.length);
    DOC_MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      expect(m.from).toBe(i === 0 ? OLDEST_DOC_SCHEMA_VERSION : DOC_MIGRATIONS[i - 1]!.to);
    });
    expect(DOC_MIGRATIONS.at(-1)!.to).toBe(DOC_SCHEMA_VERSION);
  });

  it('has a frozen-fixture test for every step', () => {
    expect(Object.keys(STEP_FIXTURES).sort()).toEqual(DOC_MIGRATIONS.map((m) => m.id).sort());
  });

  for (const step of DOC_MIGRATIONS) {
    it(`${step.id} (layout ${step.from} → ${step.to}) from its frozen fixture`, async () => {
      await STEP_FIXTURES[step.id]!();
    });
  }

  it('opens the frozen file of the current format: signed version intact, nothing to migrate', () => {
    const file = decoded(fixtureBytes('workshop-format-1.pacto'));
    expect(file).toMatchObject({ formatVersion: 1, schemaVersion: DOC_SCHEMA_VERSION, migrated: [] });
    expect(isFullySigned(file.versions[0]!, file.signatures)).toBe(true);
    expect(file.audit.map((e) => e.type)).toEqual(['created', 'frozen', 'signed', 'signed']);
  });
});

describe('a newer layout', () => {
  it('is refused with "made by a newer Pacto" and the document is not touched', () => {
    const doc = v1Doc();
    doc.getMap('meta').set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(doc);
    const check = checkDocSchema(doc);
    expect(check).toMatchObject({ ok: false, code: 'too-new', version: DOC_SCHEMA_VERSION + 1 });
    if (!check.ok) expect(check.message).toMatch(/made by a newer Pacto/);
    expect(migrateDoc(doc)).toMatchObject({ ok: false, error: { code: 'too-new' } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('in the database: opening the workshop rejects with a DocMigrationError too-new', async () => {
    const db = await restoredV1();
    const doc = v1Doc();
    doc.getMap('meta').set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    await db.table(DOC_UPDATES_TABLE).add({ k: 'ws-fixture-v1', u: Y.encodeStateAsUpdateV2(doc), f: 1 });
    const opened = openWorkshop(db, 'ws-fixture-v1');
    await expect(opened).rejects.toBeInstanceOf(DocMigrationError);
    await expect(opened).rejects.toMatchObject({ code: 'too-new', message: expect.stringMatching(/made by a newer Pacto/) });
  });

  it('in a file: refused as too-new, by the envelope or by the document inside', () => {
    const file = decoded(fixtureBytes('workshop-format-1.pacto'));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, file.yjsUpdate);
    doc.getMap('meta').set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    const inner = decodePactoFile(encodePactoFile({ ...file, yjsUpdate: Y.encodeStateAsUpdate(doc), schemaVersion: DOC_SCHEMA_VERSION }));
    expect(inner).toMatchObject({ ok: false, error: { code: 'too-new', newer: 'schema' } });
    const outer = decodePactoFile(encodePactoFile({ ...file, schemaVersion: DOC_SCHEMA_VERSION + 1 }));
    expect(outer).toMatchObject({ ok: false, error: { code: 'too-new', newer: 'schema', version: DOC_SCHEMA_VERSION + 1 } });
  });
});

describe('a failing step', () => {
  it('reports migration-failed with the step and leaves the document exactly as it was', () => {
    const doc = v1Doc();
    const before = Y.encodeStateAsUpdate(doc);
    const failing: DocMigration = {
      id: 'test-fails-midway',
      from: 1,
      to: 2,
      description: 'writes, then fails',
      up(d) {
        d.getArray('terms').delete(0, 1);
        throw new Error('boom');
      },
    };
    const result = migrateDoc(doc, [failing]);
    expect(result).toMatchObject({ ok: false, error: { code: 'migration-failed', step: 'test-fails-midway' } });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('a layout-1 file whose terms are not maps fails to migrate: typed error, nothing imported', async () => {
    const file = decoded(fixtureBytes('workshop-layout-1.pacto'));
    const doc = v1Doc();
    doc.getArray('terms').push([42]);
    const bytes = encodePactoFile({ ...file, yjsUpdate: Y.encodeStateAsUpdate(doc), schemaVersion: 1 });
    expect(decodePactoFile(bytes)).toMatchObject({ ok: false, error: { code: 'migration-failed' } });
  });
});
