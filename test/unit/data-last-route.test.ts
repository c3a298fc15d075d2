/**
 * Where a reload or restart returns (renderer/data/last-route.ts): this
 * window's place first, else the last one saved in the database, else home;
 * home when the workshop is gone or what was stored is not a place.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../renderer/data/db';
import { rememberRoute, restoreRoute } from '../../renderer/data/last-route';
import { createWorkshop, deleteWorkshop } from '../../renderer/data/workshops';
import { sampleWorkshop } from '../../shared/sample/standard-content';

let n = 0;
/** A Storage backed by a Map, as one window's sessionStorage. */
function windowStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

async function setup() {
  const db = createDb(`last-route-test-${++n}`);
  const a = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  const b = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  return { db, a, b };
}

/** Waits until the setting written without waiting (rememberRoute never blocks) is there. */
async function settled(db: ReturnType<typeof createDb>) {
  await db.transaction('rw', db.settings, () => db.settings.count());
}

describe('rememberRoute / restoreRoute', () => {
  it("a reload returns to the window's own workshop and step; a restart (no window storage) to the last place saved", async () => {
    const { db, a, b } = await setup();
    const first = windowStorage();
    const second = windowStorage();
    rememberRoute(db, { screen: 'workshop', id: a, step: 'glossary', focus: 'term-mql' }, first);
    rememberRoute(db, { screen: 'workshop', id: b, step: 'targets' }, second);
    await settled(db);
    // The item a step was opened on is not kept.
    await expect(restoreRoute(db, first)).resolves.toEqual({ screen: 'workshop', id: a, step: 'glossary' });
    await expect(restoreRoute(db, second)).resolves.toEqual({ screen: 'workshop', id: b, step: 'targets' });
    await expect(restoreRoute(db, windowStorage())).resolves.toEqual({ screen: 'workshop', id: b, step: 'targets' });
    await expect(restoreRoute(db, undefined)).resolves.toEqual({ screen: 'workshop', id: b, step: 'targets' });
  });

  it('gives home for a deleted workshop, for nothing remembered, and for what is not a place', async () => {
    const { db, a } = await setup();
    await expect(restoreRoute(db, windowStorage())).resolves.toEqual({ screen: 'home' });
    const storage = windowStorage();
    rememberRoute(db, { screen: 'workshop', id: a, step: 'sla' }, storage);
    await settled(db);
    await deleteWorkshop(db, a);
    await expect(restoreRoute(db, storage)).resolves.toEqual({ screen: 'home' });
    storage.setItem('pacto.route', '{"screen":"workshop","id":"x","step":"nowhere"}');
    await db.settings.put({ key: 'lastRoute', value: 'garbage' });
    await expect(restoreRoute(db, storage)).resolves.toEqual({ screen: 'home' });
    storage.setItem('pacto.route', 'not json');
    await expect(restoreRoute(db, storage)).resolves.toEqual({ screen: 'home' });
  });

  it('reads a place only when it is one: a workshop needs a non-empty id and one of the steps', async () => {
    const { db, a } = await setup();
    const storage = windowStorage();
    const notPlaces = [
      { screen: 'workshop', id: '', step: 'sla' },
      { screen: 'workshop', id: a },
      { screen: 'workshop', id: 7, step: 'sla' },
      { screen: 'backups', id: a },
      [{ screen: 'home' }],
      null,
      'home',
    ];
    for (const value of notPlaces) {
      storage.setItem('pacto.route', JSON.stringify(value));
      await db.settings.put({ key: 'lastRoute', value });
      await expect(restoreRoute(db, storage), JSON.stringify(value)).resolves.toEqual({ screen: 'home' });
    }
    // A place with more than a place holds: the place alone.
    storage.setItem('pacto.route', JSON.stringify({ screen: 'workshop', id: a, step: 'glossary', item: 'mql', extra: true }));
    await expect(restoreRoute(db, storage)).resolves.toEqual({ screen: 'workshop', id: a, step: 'glossary' });
  });

  it('remembers the home screen too', async () => {
    const { db, a } = await setup();
    const storage = windowStorage();
    rememberRoute(db, { screen: 'workshop', id: a, step: 'sla' }, storage);
    rememberRoute(db, { screen: 'home' }, storage);
    await settled(db);
    await expect(restoreRoute(db, storage)).resolves.toEqual({ screen: 'home' });
    await expect(restoreRoute(db, windowStorage())).resolves.toEqual({ screen: 'home' });
  });
});
