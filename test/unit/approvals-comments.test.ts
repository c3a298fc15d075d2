/** Comments on terms and clauses in the workshop document: threads, replies, resolve, bad input, not in the snapshot. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refusal } from '../support/workshop';
import { addComment, openThreadCounts, readComments, setThreadResolved, threadsOf, MAX_COMMENT_LENGTH } from '../../shared/domain/comments-doc';
import { initWorkshopDoc, LOCAL_ORIGIN, readWorkshop, updateTerm } from '../../shared/domain/workshop-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { fingerprint } from '../../shared/agreement/fingerprint';

const zone = 'Europe/Madrid';
const t0 = new Date('2026-11-30T10:00:00Z');
const t1 = new Date('2026-11-30T10:05:00Z');

function setup() {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2026-11-30'));
  const people = readWorkshop(doc).participants;
  return { doc, ana: people.find((p) => p.team === 'marketing')!, bea: people.find((p) => p.team === 'sales')! };
}

describe('comments', () => {
  it('threads with replies, author and zoned time; resolve and reopen', () => {
    const { doc, ana, bea } = setup();
    const root = addComment(doc, { id: 'c1', kind: 'term', itemId: 'term-mql', parentId: null, text: '  ¿60 puntos o 70? ' }, ana, t0, zone);
    expect(root).toMatchObject({ text: '¿60 puntos o 70?', authorName: ana.name, at: '2026-11-30T11:00:00+01:00', resolved: false });
    addComment(doc, { id: 'c2', kind: 'term', itemId: 'term-mql', parentId: 'c1', text: '70' }, bea, t1, zone);
    addComment(doc, { id: 'c3', kind: 'clause', itemId: 'c-nps', parentId: null, text: 'NPS trimestral' }, bea, t1, zone);

    const threads = threadsOf(readComments(doc), 'term', 'term-mql');
    expect(threads).toHaveLength(1);
    expect(threads[0]!.replies.map((r) => r.text)).toEqual(['70']);
    expect(openThreadCounts(readComments(doc)).get('term:term-mql')).toBe(1);

    expect(setThreadResolved(doc, 'c1', true, bea, t1, zone)).toMatchObject({ resolved: true, resolvedBy: bea.name });
    expect(openThreadCounts(readComments(doc)).get('term:term-mql')).toBeUndefined();
    expect(setThreadResolved(doc, 'c1', false, bea, t1, zone)).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('refuses blank, too long, orphan replies, replies to replies and unknown zones, writing nothing', () => {
    const { doc, ana } = setup();
    const base = { kind: 'term' as const, itemId: 'term-mql', parentId: null };
    expect(refusal(() => addComment(doc, { ...base, id: 'x1', text: '   ' }, ana, t0, zone))).toEqual({ text: 'required' });
    expect(refusal(() => addComment(doc, { ...base, id: 'x2', text: 'a'.repeat(MAX_COMMENT_LENGTH + 1) }, ana, t0, zone))).toEqual({ text: 'too-long' });
    expect(refusal(() => addComment(doc, { ...base, id: 'x3', parentId: 'nope', text: 'hola' }, ana, t0, zone))).toEqual({ parentId: 'no-thread' });
    expect(refusal(() => addComment(doc, { ...base, id: 'x4', text: 'hola' }, ana, t0, 'Nowhere/City'))).toEqual({ timeZone: 'time-zone' });
    expect(readComments(doc)).toEqual([]);
    addComment(doc, { ...base, id: 'r', text: 'raíz' }, ana, t0, zone);
    addComment(doc, { ...base, id: 'r1', parentId: 'r', text: 'respuesta' }, ana, t0, zone);
    expect(refusal(() => addComment(doc, { ...base, id: 'r2', parentId: 'r1', text: 'x' }, ana, t0, zone))).toEqual({ parentId: 'no-thread' });
    expect(refusal(() => addComment(doc, { ...base, itemId: 'term-sql', id: 'r3', parentId: 'r', text: 'x' }, ana, t0, zone))).toEqual({
      parentId: 'no-thread',
    });
    expect(refusal(() => setThreadResolved(doc, 'r1', true, ana, t0, zone))).toEqual({ threadId: 'no-thread' });
  });

  it('are not part of the snapshot or its fingerprint, and text undo leaves them', () => {
    const { doc, ana } = setup();
    const before = fingerprint(readWorkshop(doc));
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    updateTerm(doc, 'term-mql', { acronym: 'MQL*' });
    undo.stopCapturing();
    addComment(doc, { id: 'c1', kind: 'term', itemId: 'term-mql', parentId: null, text: 'nota' }, ana, t0, zone);
    undo.undo();
    expect(fingerprint(readWorkshop(doc))).toBe(before);
    expect(readComments(doc)).toHaveLength(1);
    expect(JSON.stringify(readWorkshop(doc))).not.toContain('nota');
  });
});
