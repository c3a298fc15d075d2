/**
 * The open workshop's save status, undo groups and pending-edit flush
 * (renderer/data/save-status.ts, session.ts), on IndexedDB (fake-indexeddb)
 * with the real y-dexie: "saved" only after the writes have committed, a
 * failed write (full disk) is "not saved" until a full write succeeds; an
 * undo group is one step however long it lasts, and never merges with its
 * neighbours.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createDb } from '../../renderer/data/db';
import { createWorkshop, openWorkshop } from '../../renderer/data/workshops';
import { CAPTURE_TIMEOUT_MS, beginUndoGroup, closeSession, edit, openSession, retrySave, setPendingEdit, undo } from '../../renderer/data/session';
import { trackSaves, type SaveStatus } from '../../renderer/data/save-status';
import { readWorkshop, updateParticipant } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { useAppStore } from '../../renderer/store';

let n = 0;
const dbName = () => `save-status-test-${++n}`;
const save = () => useAppStore.getState().save;
const name = () => useAppStore.getState().session!.content.participants[0]!.name;
const setName = (value: string) => expect(edit((doc) => updateParticipant(doc, 'p-lucia', { name: value }))).toBeNull();

async function openSample(name = dbName()) {
  const db = createDb(name);
  const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, id);
  return { db, id, name };
}

/** The document as stored, read through a second connection to the same database. */
async function stored(name: string, id: string) {
  const other = createDb(name);
  const open = await openWorkshop(other, id);
  try {
    return readWorkshop(open.doc);
  } finally {
    open.close();
    other.close();
  }
}

afterEach(() => closeSession());

describe('trackSaves', () => {
  /** A document and a barrier the test resolves by hand. */
  function rig() {
    const doc = new Y.Doc();
    const provider = { on: vi.fn(), off: vi.fn() };
    const barriers: (() => void)[] = [];
    const statuses: SaveStatus[] = [];
    const tracker = trackSaves({
      doc,
      provider,
      barrier: () => new Promise<void>((resolve) => barriers.push(resolve)),
      lastSaved: '2026-11-30T10:00:00.000Z',
      onChange: (s) => statuses.push(s),
      now: () => new Date('2026-11-30T17:04:00.000Z'),
    });
    const type = (text: string) => doc.getText('t').insert(0, text);
    const errorHandler = () => provider.on.mock.calls.find(([event]) => event === 'error')![1] as (e: unknown) => void;
    return { doc, provider, barriers, statuses, tracker, type, errorHandler };
  }

  it('starts saved at the last write, says saving on an edit, and saved only once the barrier after it has completed', async () => {
    const { barriers, statuses, type } = rig();
    expect(statuses).toEqual([{ kind: 'saved', at: '2026-11-30T10:00:00.000Z' }]);
    type('a');
    expect(statuses.at(-1)).toEqual({ kind: 'saving' });
    await vi.waitFor(() => expect(barriers).toHaveLength(1));
    // A second edit while the first barrier is under way: the first barrier does not cover it.
    type('b');
    barriers[0]!();
    await vi.waitFor(() => expect(barriers).toHaveLength(2));
    await Promise.resolve();
    expect(statuses.at(-1)).toEqual({ kind: 'saving' });
    barriers[1]!();
    await vi.waitFor(() => expect(statuses.at(-1)).toEqual({ kind: 'saved', at: '2026-11-30T17:04:00.000Z' }));
  });

  it('ignores updates read from the database (the provider is their origin)', async () => {
    const { doc, provider, statuses, barriers } = rig();
    Y.transact(doc, () => doc.getText('t').insert(0, 'from another window'), provider);
    await Promise.resolve();
    expect(statuses).toHaveLength(1);
    expect(barriers).toHaveLength(0);
  });

  it('stays "not saved" after a failed write, through later edits, until a full write succeeds', async () => {
    const { barriers, statuses, type, errorHandler, tracker } = rig();
    type('a');
    errorHandler()(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed', reason: 'full' });
    await vi.waitFor(() => expect(barriers).toHaveLength(1));
    barriers[0]!();
    type('b');
    await vi.waitFor(() => expect(barriers).toHaveLength(2));
    barriers[1]!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed', reason: 'full' });
    expect(statuses.some((s, i) => i > 0 && s.kind === 'saved')).toBe(false);
    tracker.markSaved();
    expect(statuses.at(-1)).toEqual({ kind: 'saved', at: '2026-11-30T17:04:00.000Z' });
  });
});

describe('the open workshop on IndexedDB', () => {
  it('says saved once the edit is in the database', async () => {
    const { id, name: db } = await openSample();
    expect(save()).toMatchObject({ kind: 'saved' });
    setName('Lucía F.');
    expect(save()).toEqual({ kind: 'saving' });
    await vi.waitFor(() => expect(save()?.kind).toBe('saved'));
    expect((await stored(db, id)).participants[0]!.name).toBe('Lucía F.');
  });

  it('on a full disk says not saved (the edit stays in memory), and after Retry saved with every edit stored', async () => {
    const { db, id, name: dbName_ } = await openSample();
    const realAdd = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      setName('Escrito con el disco lleno');
      await vi.waitFor(() => expect(save()).toMatchObject({ kind: 'failed', reason: 'full' }));
    } finally {
      IDBObjectStore.prototype.add = realAdd;
    }
    // Space is back, but the failed update is not stored (later edits do not hold it): Retry writes the whole document.
    expect(edit((doc) => updateParticipant(doc, 'p-jorge', { title: 'Director de Ventas' }))).toBeNull();
    await retrySave(db);
    expect(save()?.kind).toBe('saved');
    const content = await stored(dbName_, id);
    expect(content.participants.find((p) => p.id === 'p-lucia')!.name).toBe('Escrito con el disco lleno');
    expect(content.participants.find((p) => p.id === 'p-jorge')!.title).toBe('Director de Ventas');
  });
});

describe('undo groups', () => {
  it('make a field edit one undo step, however long the pauses in it', async () => {
    await openSample();
    const original = name();
    const end = beginUndoGroup();
    setName('Lucía');
    // Longer than the capture timeout: without the group these would be two undo steps.
    // (A gap in real time: Yjs reads Date.now, which fake timers do not reach.)
    await new Promise((resolve) => setTimeout(resolve, CAPTURE_TIMEOUT_MS + 100));
    setName('Lucía F.');
    end();
    undo();
    expect(name()).toBe(original);
    expect(useAppStore.getState().session!.canUndo).toBe(false);
  });

  it('never merge with the edit just before or after, however close', async () => {
    await openSample();
    const original = name();
    const first = beginUndoGroup();
    setName('Uno');
    first();
    const second = beginUndoGroup();
    setName('Dos');
    second();
    expect(edit((doc) => updateParticipant(doc, 'p-lucia', { title: 'Tres' }))).toBeNull();
    undo();
    expect(name()).toBe('Dos');
    undo();
    expect(name()).toBe('Uno');
    undo();
    expect(name()).toBe(original);
  });
});

it('commits pending typing before the workshop closes', async () => {
  await openSample();
  const field = {};
  const flush = vi.fn(() => {
    setName('Tecleado justo antes de cerrar');
    setPendingEdit(field, null);
  });
  setPendingEdit(field, flush);
  expect(useAppStore.getState().typing).toBe(true);
  closeSession();
  expect(flush).toHaveBeenCalledOnce();
  expect(useAppStore.getState().typing).toBe(false);
});
