/**
 * The database dump the bad-input and fuzz tests compare before and after a
 * refused file: y-dexie's background compaction of a workshop's update rows
 * (10 s after the database opens) changes the rows but not the document, and
 * must not read as a change; a real edit must.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { compressYDocs } from 'y-dexie';
import { DOC_UPDATES_TABLE } from '../../renderer/data/workshops';
import { dumpDb, editStored, freshDb, signedWorkshop } from '../support/pacto-workshop';

describe('dumpDb', () => {
  it('reads the same before and after the update rows are compacted, and differs after an edit', async () => {
    const db = freshDb('dump-db');
    const id = await signedWorkshop(db);
    await editStored(db, id, (doc) => doc.getMap('meta').set('company', 'Nubecom Soluciones SL'));
    await editStored(db, id, (doc) => doc.getMap('meta').set('company', 'Nubecom'));
    const rowsBefore = await db.table(DOC_UPDATES_TABLE).count();
    const before = await dumpDb(db);
    await compressYDocs(db);
    expect(await db.table(DOC_UPDATES_TABLE).count()).toBeLessThan(rowsBefore);
    expect(await dumpDb(db)).toBe(before);
    await editStored(db, id, (doc) => doc.getMap('meta').set('company', 'Otra'));
    expect(await dumpDb(db)).not.toBe(before);
  });
});
