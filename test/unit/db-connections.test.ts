/**
 * The database's two connections (renderer/data/schema.ts): the home
 * screen's, without y-dexie, and the documents', with it. Whichever opens
 * first, the other finds the schema it declares: same version, same stores
 * and indexes, and no upgrade that would close the first one under it
 * (a `versionchange`). A write through one reaches the other's live query.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { Dexie, liveQuery } from 'dexie';
import yDexie from 'y-dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type PactoDb } from '../../renderer/data/db';
import { createHomeDb, type HomeDb } from '../../renderer/data/schema';
import { createWorkshop, openWorkshop } from '../../renderer/data/workshops';
import { sampleDue } from '../../renderer/data/first-run';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

const opened: Dexie[] = [];
afterEach(async () => {
  const names = new Set(opened.map((db) => db.name));
  opened.splice(0).forEach((db) => db.close());
  for (const name of names) await Dexie.delete(name);
});

/** Both connections to database `name`, each recording the version changes it is asked for. */
function connections(name: string): { home: HomeDb; documents: PactoDb; versionChanges: string[] } {
  const versionChanges: string[] = [];
  const home = createHomeDb(name);
  const documents = createDb(name);
  home.on('versionchange', () => void versionChanges.push('home'));
  documents.on('versionchange', () => void versionChanges.push('documents'));
  opened.push(home, documents);
  return { home, documents, versionChanges };
}

/** Each store of the open connection as IndexedDB holds it: name, key path, auto-increment, and its indexes. */
function nativeSchema(db: Dexie): Record<string, unknown> {
  const idb = db.backendDB();
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  return Object.fromEntries(
    [...idb.objectStoreNames].map((store) => {
      const s = tx.objectStore(store);
      const indexes = [...s.indexNames].map((i) => [i, s.index(i).keyPath, s.index(i).unique, s.index(i).multiEntry]);
      return [store, { keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes }];
    }),
  );
}

/** The next value `query` emits that satisfies `pass` (waits for it; the live query is closed after). */
function nextMatching<T>(query: () => Promise<T>, pass: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        if (!pass(value)) return;
        subscription.unsubscribe();
        resolve(value);
      },
      error: reject,
    });
  });
}

describe('the home and the documents connections', () => {
  it('on a new database, the home connection creates what the documents connection declares: neither upgrades under the other', async () => {
    const { home, documents, versionChanges } = connections('connections-new');
    await home.open(); // as at start: renderer/data/open-early.ts
    await documents.open();
    expect(documents.backendDB().version).toBe(home.backendDB().version);
    expect(nativeSchema(documents)).toEqual(nativeSchema(home));
    expect(Object.keys(nativeSchema(home))).toContain('$workshops.doc_updates');
    expect(versionChanges).toEqual([]);
    expect(home.isOpen()).toBe(true);
  });

  it('opened the other way round, too', async () => {
    const { home, documents, versionChanges } = connections('connections-documents-first');
    await documents.open();
    await home.open();
    expect(home.backendDB().version).toBe(documents.backendDB().version);
    expect(nativeSchema(home)).toEqual(nativeSchema(documents));
    expect(versionChanges).toEqual([]);
  });

  it('a database of schema version 1 is upgraded by the home connection, and the documents connection then reads its workshop', async () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/db-v1.json', import.meta.url), 'utf8')) as {
      schemaVersion: number;
      stores: Record<string, string>;
      tables: { workshops: { id: string }[] };
    };
    const old = new Dexie('connections-v1', { addons: [yDexie] });
    old.version(fixture.schemaVersion).stores(fixture.stores);
    await old.open();
    old.close();
    const { home, documents, versionChanges } = connections('connections-v1');
    await home.open();
    expect(home.tables.map((t) => t.name)).toContain('audit');
    const content = sampleWorkshop('2026-12-08');
    const id = await createWorkshop(documents, content);
    expect(readWorkshop((await openWorkshop(documents, id)).doc).meta.title).toBe(content.meta.title);
    expect((await home.workshops.get(id))?.title).toBe(content.meta.title);
    expect(versionChanges).toEqual([]);
  });

  it("a workshop the documents connection writes reaches the home connection's live list, and a setting written at home reads through the other", async () => {
    const { home, documents } = connections('connections-live');
    await home.open();
    expect(await sampleDue(home)).toBe(true);
    const listed = nextMatching(
      () => home.workshops.orderBy('updatedAt').reverse().toArray(),
      (rows) => rows.length === 1,
    );
    const content = sampleWorkshop('2026-12-08');
    const id = await createWorkshop(documents, content);
    const rows = await listed;
    expect(rows.map((r) => [r.id, r.title])).toEqual([[id, content.meta.title]]);
    expect('doc' in rows[0]!).toBe(false); // the home connection reads no document
    await home.settings.put({ key: 'language', value: 'en' });
    expect(await documents.settings.get('language')).toEqual({ key: 'language', value: 'en' });
  });
});
