/**
 * The open workshop session: every `edit()` is its own undo step, however
 * soon it follows the one before (the capture window never merges two user
 * actions, so Ctrl+Z does not depend on the machine's speed), the edits of an
 * undo group are one step; each edit is exactly one transaction (one
 * update) whatever it writes, with its origin; opening the same workshop twice at once opens it
 * once, and a superseded open gives back what it loaded.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { updateStage, updateTransition } from '../../shared/domain/workshop-doc';
import { APPROVALS_ORIGIN, LOCAL_ORIGIN } from '../../shared/domain/doc-edit';
import { approveInDoc, readApprovals } from '../../shared/domain/approvals-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { createDb } from '../../renderer/data/db';
import { activeDoc, beginUndoGroup, closeSession, edit, openSession, redo, undo } from '../../renderer/data/session';
import { setSeat } from '../../renderer/data/seat';
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

afterEach(() => {
  closeSession();
  setSeat({ inRoom: false, role: 'facilitator', identity: null });
});

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

  it('leaves a read-only seat\u2019s copy as it is on Ctrl+Z and Ctrl+Y (the projector of a room)', async () => {
    await openFresh();
    edit((doc) => updateTransition(doc, 'sales', 'tr-lead-mql', { conversionRate: 0.4 }));
    const identity = {
      deviceId: 'projector-0001',
      deviceName: '',
      name: 'Proyector',
      team: 'leadership' as const,
      participantId: null,
      role: 'projector' as const,
    };
    setSeat({ inRoom: true, role: 'projector', identity });
    undo();
    expect(rate()).toBe(0.4);
    setSeat({ inRoom: false, role: 'facilitator', identity: null });
    undo();
    expect(rate()).not.toBe(0.4);
    setSeat({ inRoom: true, role: 'projector', identity });
    redo();
    expect(rate()).not.toBe(0.4);
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

  it('wraps each edit in exactly one transaction: one update (one write, one sync message) and one undo step for two mutations', async () => {
    await openFresh();
    const before = { rate: rate(), owner: owner() };
    const doc = activeDoc()!;
    const origins: unknown[] = [];
    const onUpdate = (_update: Uint8Array, origin: unknown) => origins.push(origin);
    doc.on('update', onUpdate);
    const errors = edit((d) => {
      updateTransition(d, 'sales', 'tr-lead-mql', { conversionRate: 0.4 });
      updateStage(d, 'sales', 'stage-sal', { ownerTeam: 'marketing' });
    });
    doc.off('update', onUpdate);
    expect(errors).toBeNull();
    expect(origins).toEqual([LOCAL_ORIGIN]);
    undo();
    expect([rate(), owner()]).toEqual([before.rate, before.owner]);
  });

  it('writes approvals and comments with their own origin, outside the undo history', async () => {
    await openFresh();
    const doc = activeDoc()!;
    const content = useAppStore.getState().session!.content;
    const marketer = content.participants.find((p) => p.team === 'marketing')!;
    const origins: unknown[] = [];
    doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
    edit((d) => updateTransition(d, 'sales', 'tr-lead-mql', { conversionRate: 0.4 }));
    expect(edit((d) => void approveInDoc(d, content, { kind: 'term', id: 'term-mql' }, marketer, new Date(), 'Europe/Madrid'), APPROVALS_ORIGIN)).toBeNull();
    expect(origins).toEqual([LOCAL_ORIGIN, APPROVALS_ORIGIN]);
    undo();
    expect(rate()).not.toBe(0.4);
    expect(readApprovals(doc)).toHaveLength(1);
  });

  it('returns the field errors of a refused edit, and `id: notFound` for an item that is gone, writing nothing', async () => {
    await openFresh();
    const doc = activeDoc()!;
    let updates = 0;
    doc.on('update', () => updates++);
    expect(edit((d) => updateTransition(d, 'sales', 'tr-lead-mql', { conversionRate: 2 }))).toEqual({ conversionRate: 'rate' });
    expect(edit((d) => updateStage(d, 'sales', 'stage-gone', { name: 'X' }))).toEqual({ id: 'notFound' });
    expect(updates).toBe(0);
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
