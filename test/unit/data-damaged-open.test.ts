/**
 * Opening a workshop whose stored updates include undecodable rows (issue 12,
 * part 3), on the real Dexie + y-dexie stack over fake-indexeddb: the rows are
 * set aside (kept in settings), counted, and the rest opens.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../renderer/data/db';
import { damagedUpdatesKey, DOC_UPDATES_TABLE, type DamagedUpdate } from '../../renderer/data/damaged-updates';
import { createWorkshop, openWorkshop } from '../../renderer/data/workshops';
import { readWorkshop } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

describe('opening a workshop with damaged stored updates', () => {
  it('sets undecodable rows aside, says how many, and opens the rest', async () => {
    const db = createDb(`damaged-${Math.random()}`);
    const id = await createWorkshop(db, sampleWorkshop('2027-01-15'));
    const rows = (await db.table(DOC_UPDATES_TABLE).where('k').equals(id).toArray()) as { u: Uint8Array }[];
    const main = rows[0]!.u;
    await db.table(DOC_UPDATES_TABLE).add({ k: id, u: main.slice(0, Math.floor(main.length / 3)), f: 1 });
    await db.table(DOC_UPDATES_TABLE).add({ k: id, u: new Uint8Array([255, 255, 255, 255, 255, 255, 255, 1]), f: 1 });

    const open = await openWorkshop(db, id);
    try {
      expect(open.skippedUpdates).toBe(2);
      expect(readWorkshop(open.doc).meta.title).toBe('Acuerdo Marketing–Ventas 2027');
    } finally {
      open.close();
    }
    const kept = (await db.settings.get(damagedUpdatesKey(id)))?.value as DamagedUpdate[];
    expect(kept).toHaveLength(2);
    expect(kept[1]!.row.u).toEqual(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 1]));

    const again = await openWorkshop(db, id);
    expect(again.skippedUpdates).toBe(0);
    again.close();
    db.close();
  });
});
