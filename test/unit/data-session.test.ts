/**
 * The open workshop session: every `edit()` is its own undo step, however
 * soon it follows the one before (the capture window never merges two user
 * actions, so Ctrl+Z does not depend on the machine's speed), the edits of an
 * undo group are one step; opening the same workshop twice at once opens it
 * once, and a superseded open gives back what it loaded.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { updateStage, updateTransition } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { createDb } from '../../renderer/data/db';
import { activeDoc, beginUndoGroup, closeSession, edit, openSession, undo } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { useAppStore } from '../../renderer/store';

let n = 0;
async function openFresh(): Promise<void> {
  const db = createDb(`session-test-${++n}`);
  await openSession(db, await createWorkshop(db, sampleWorkshop('2026-11-30')));
}
const sales = () => useAppStore.getState().session!.content.funnels.sales;
const rate = () => sales().transitions.find((t) => t.id === 'tr-lead-mql')!.conversionRate;
const owner = () => sales().stages.find((s) => s.id === 'stage-sal')!.ownerTeam;

afterEach(() => closeSession());

describe('edit() and the undo history', () => {
  it('makes two edits in quick succession two undo steps', async () => {
    await openFresh();
    const before = { rate: rate(), owner: owner() };
    edit((doc) => updateTransition(doc, 'sales', 'tr-lead-mql', { conversionRate: 0.4 }));
    edit((doc) => updateStage(doc, 'sales', 'stage-sal', { ownerTeam: 'marketing' }));
    expect([rate(), owner()]).toEqual([0.4, 'marketing']);
    undo();
    expect([rate(), owner()]).toEqual([0.4, before.owner]);
    undo();
    expect([rate(), owner()]).toEqual([before.rate, before.owner]);
  });

  it('keeps the edits of an undo group one step, and the edits after it steps of their own', async () => {
    await openFresh();
    const before = { rate: rate(), owner: owner() };
    const end = beginUndoGroup();
    edit((doc) => updateTransition(doc, 'sales', 'tr-lead-mql', { conversionRate: 0.3 }));
    edit((doc) => updateTransition(doc, 'sales', 'tr-lead-mql', { conversionRate: 0.35 }));
    end();
    edit((doc) => updateTransition(doc, 'sales', 'tr-lead-mql', { conversionRate: 0.45 }));
    edit((doc) => updateStage(doc, 'sales', 'stage-sal', { ownerTeam: 'marketing' }));
    undo();
    expect([rate(), owner()]).toEqual([0.45, before.owner]);
    undo();
    expect(rate()).toBe(0.35);
    undo();
    expect(rate()).toBe(before.rate);
  });
});

describe('openSession', () => {
  const released = (doc: Y.Doc) => new Promise<void>((resolve) => doc.once('destroy', () => resolve()));

  it('opens a workshop once when asked twice at the same time (one undo history, released on close)', async () => {
    const db = createDb(`session-test-${++n}`);
    const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
    await Promise.all([openSession(db, id), openSession(db, id)]);
    const doc = activeDoc()!;
    edit((d) => updateTransition(d, 'sales', 'tr-lead-mql', { conversionRate: 0.4 }));
    undo();
    expect(useAppStore.getState().session!.canUndo).toBe(false);
    const gone = released(doc);
    closeSession();
    await gone;
  });

  it('gives back what a superseded open loaded, and keeps the later one', async () => {
    const db = createDb(`session-test-${++n}`);
    const first = await createWorkshop(db, sampleWorkshop('2026-11-30'));
    const second = await createWorkshop(db, { ...sampleWorkshop('2026-11-30'), meta: { ...sampleWorkshop('2026-11-30').meta, title: 'Segundo' } });
    const firstDoc = (await db.workshops.get(first))!.doc;
    const firstGone = released(firstDoc);
    const a = openSession(db, first);
    const b = openSession(db, second);
    await Promise.all([a, b]);
    expect(useAppStore.getState().session!.id).toBe(second);
    expect(activeDoc()).not.toBe(firstDoc);
    await firstGone;
    closeSession();
    // Opening the first again works: nothing of the superseded open is left behind.
    await openSession(db, first);
    expect(useAppStore.getState().session!.content.meta.title).toBe(sampleWorkshop('2026-11-30').meta.title);
  });
});
