// Restoring a backup as forward edits (shared/backup/revert.ts): the content
// comes back exactly, every part of the document included, and a later merge
// of a copy that still has the newer history does not undo the restore.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { revertDoc, revertUpdate } from '../../shared/backup/revert';
import {
  addTerm,
  initWorkshopDoc,
  LOCAL_ORIGIN,
  readWorkshop,
  removeStage,
  removeTerm,
  termFragment,
  updateMeta,
  updateTerm,
} from '../../shared/domain/workshop-doc';
import { readApprovals } from '../../shared/domain/approvals-doc';
import { AGREEMENT_PARTS } from '../../shared/domain/agreement-doc';
import { addComment, readComments } from '../../shared/domain/comments-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';

function everything(doc: Y.Doc) {
  return { content: readWorkshop(doc), approvals: readApprovals(doc), comments: readComments(doc) };
}

const author = { id: 'p-lucia', name: 'Lucía', team: 'marketing' as const };

function editedAfterBackup(): { doc: Y.Doc; backup: Uint8Array; before: ReturnType<typeof everything> } {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
  addComment(
    doc,
    { id: 'c1', kind: 'term', itemId: 'term-mql', parentId: null, text: 'Before the backup' },
    author,
    new Date('2026-11-30T10:00:00Z'),
    'Europe/Madrid',
  );
  const backup = Y.encodeStateAsUpdate(doc);
  const before = everything(doc);
  doc.transact(() => {
    updateMeta(doc, { title: 'Renamed after the backup' });
    updateTerm(doc, 'term-sql', { name: 'SQL (new)' });
    removeTerm(doc, 'term-sal');
    addTerm(doc, { ...before.content.terms[0]!, id: 'term-extra', name: 'Extra' });
    removeStage(doc, 'agreed', before.content.funnels.agreed.stages[1]!.id);
    const fragment = termFragment(doc, 'term-mql', 'definition');
    fragment.delete(0, fragment.length);
  }, LOCAL_ORIGIN);
  addComment(
    doc,
    { id: 'c2', kind: 'term', itemId: 'term-mql', parentId: null, text: 'After the backup' },
    author,
    new Date('2026-12-01T10:00:00Z'),
    'Europe/Madrid',
  );
  return { doc, backup, before };
}

describe('restoring a backup', () => {
  it('brings back exactly the backed-up content, comments included', () => {
    const { doc, backup, before } = editedAfterBackup();
    expect(everything(doc)).not.toEqual(before);
    revertDoc(doc, backup);
    expect(everything(doc)).toEqual(before);
  });

  it('is a forward edit: the restored document contains the whole newer history', () => {
    const { doc, backup } = editedAfterBackup();
    const newer = Y.encodeStateVector(doc);
    revertDoc(doc, backup);
    // Nothing of the newer state is missing: its state vector is covered.
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(doc));
    const covered = Y.decodeStateVector(Y.encodeStateVector(probe));
    for (const [client, clock] of Y.decodeStateVector(newer)) expect(covered.get(client) ?? 0).toBeGreaterThanOrEqual(clock);
  });

  it('is not undone by a later merge of a copy saved before the restore', () => {
    const { doc, backup, before } = editedAfterBackup();
    const staleCopy = Y.encodeStateAsUpdate(doc);
    revertDoc(doc, backup);
    Y.applyUpdate(doc, staleCopy);
    expect(everything(doc)).toEqual(before);
    // And the other way round: the stale copy takes the restore when it merges.
    const other = new Y.Doc();
    Y.applyUpdate(other, staleCopy);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(everything(other)).toEqual(before);
  });

  it('keeps edits made after the restore when an old copy merges in', () => {
    const { doc, backup, before } = editedAfterBackup();
    const staleCopy = Y.encodeStateAsUpdate(doc);
    revertDoc(doc, backup);
    updateMeta(doc, { title: 'After the restore' });
    Y.applyUpdate(doc, staleCopy);
    expect(readWorkshop(doc).meta.title).toBe('After the restore');
    expect(readWorkshop(doc).terms).toEqual(before.content.terms);
  });

  it('changes nothing when the document is still at the backup', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
    const backup = Y.encodeStateAsUpdate(doc);
    const before = everything(doc);
    revertDoc(doc, backup);
    expect(everything(doc)).toEqual(before);
  });

  it('does not change the current document when computing the update', () => {
    const { doc, backup } = editedAfterBackup();
    const state = everything(doc);
    revertUpdate(doc, backup);
    expect(everything(doc)).toEqual(state);
  });

  it('throws on a damaged backup state and leaves the document as it was', () => {
    const { doc } = editedAfterBackup();
    const state = everything(doc);
    expect(() => revertDoc(doc, new Uint8Array([1, 2, 3, 250, 250, 250]))).toThrow();
    expect(everything(doc)).toEqual(state);
  });
});

describe('the agreement records published for a room', () => {
  it('survive a restore: append-only, they are not content a backup takes back', () => {
    const doc = new Y.Doc();
    initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
    const backup = Y.encodeStateAsUpdate(doc);
    const title = readWorkshop(doc).meta.title;
    doc.transact(() => {
      updateMeta(doc, { title: 'Después de la copia' });
      doc.getMap(AGREEMENT_PARTS.signatures).set('sig-1', { signature: 'kept as it is' });
    }, LOCAL_ORIGIN);
    revertDoc(doc, backup);
    expect(readWorkshop(doc).meta.title).toBe(title);
    expect(doc.getMap(AGREEMENT_PARTS.signatures).toJSON()).toEqual({ 'sig-1': { signature: 'kept as it is' } });
  });
});
