import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addTransition,
  initWorkshopDoc,
  InvalidEditError,
  LOCAL_ORIGIN,
  readWorkshop,
  removeStage,
  removeTerm,
  updateMeta,
  updateTargets,
  updateTerm,
  updateTransition,
} from '../../shared/domain/workshop-doc';
import { MAX_TITLE_CHARS } from '../../shared/domain/bounds';
import { mainPath } from '../../shared/funnel/graph';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { sampleDoc } from '../support/workshop';

describe('workshop document', () => {
  it('reads back exactly what was written', () => {
    const content = sampleWorkshop('2026-11-30');
    const doc = new Y.Doc();
    initWorkshopDoc(doc, content);
    expect(readWorkshop(doc)).toEqual(content);
  });

  it('refuses invalid edits with field errors and leaves the document as it was', () => {
    const doc = sampleDoc();
    const before = readWorkshop(doc);
    expect(() => updateTerm(doc, 'term-mql', { name: '  ' })).toThrow(InvalidEditError);
    expect(() => updateTransition(doc, 'agreed', 'tr-lead-mql', { conversionRate: 1.2 })).toThrow(
      expect.objectContaining({ errors: { conversionRate: 'rate' } }),
    );
    expect(() => updateTransition(doc, 'agreed', 'tr-lead-mql', { averageDays: -1 })).toThrow(expect.objectContaining({ errors: { averageDays: 'days' } }));
    expect(() => updateTargets(doc, { revenueTarget: 0 })).toThrow(expect.objectContaining({ errors: { revenueTarget: 'money' } }));
    expect(() => updateTargets(doc, { averageDealSize: -5 })).toThrow(InvalidEditError);
    expect(readWorkshop(doc)).toEqual(before);
  });

  it('refuses a title or company past the length bound when typed, but still reads one written before it', () => {
    const doc = sampleDoc();
    const atBound = 'é'.repeat(MAX_TITLE_CHARS);
    updateMeta(doc, { title: atBound });
    expect(readWorkshop(doc).meta.title).toBe(atBound);
    expect(() => updateMeta(doc, { title: `${atBound}x`, company: `${atBound}x` })).toThrow(
      expect.objectContaining({ errors: { title: 'titleLength', company: 'titleLength' } }),
    );
    expect(readWorkshop(doc).meta.title).toBe(atBound);
    // A document written before the bound (or by another app) keeps its longer title.
    doc.getMap('meta').set('title', 'x'.repeat(MAX_TITLE_CHARS * 5));
    expect(readWorkshop(doc).meta.title).toHaveLength(MAX_TITLE_CHARS * 5);
  });

  it('undoes and redoes user edits through Y.UndoManager, not document creation', () => {
    const doc = sampleDoc();
    const undo = new Y.UndoManager([doc.getArray('terms'), doc.getMap('targets')], { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    expect(undo.canUndo()).toBe(false);
    updateTerm(doc, 'term-mql', { definition: 'Nueva definición' });
    undo.stopCapturing();
    updateTargets(doc, { revenueTarget: 2_000_000 });
    undo.undo();
    expect(readWorkshop(doc).targets.revenueTarget).toBe(1_200_000);
    undo.undo();
    expect(readWorkshop(doc).terms[1]!.definition).not.toBe('Nueva definición');
    undo.redo();
    expect(readWorkshop(doc).terms[1]!.definition).toBe('Nueva definición');
  });

  it('removing a term unlinks it from stages; removing a stage removes its transitions', () => {
    const doc = sampleDoc();
    removeTerm(doc, 'term-sal');
    expect(readWorkshop(doc).funnels.agreed.stages.find((s) => s.id === 'stage-sal')!.termId).toBeNull();
    removeStage(doc, 'agreed', 'stage-sal');
    const funnel = readWorkshop(doc).funnels.agreed;
    expect(funnel.transitions.some((t) => t.source === 'stage-sal' || t.target === 'stage-sal')).toBe(false);
  });

  it('follows the main path past branches and recycle loops', () => {
    const doc = sampleDoc();
    // A disqualified branch with a lower rate and a recycle loop back to lead.
    const funnel = readWorkshop(doc).funnels.agreed;
    addTransition(doc, 'agreed', { id: 'tr-loop', source: 'stage-sql', target: 'stage-lead', conversionRate: 0.2, averageDays: 90, recycle: true });
    const path = mainPath(readWorkshop(doc).funnels.agreed).map((p) => p.stage.id);
    expect(path).toEqual(funnel.stages.map((s) => s.id));
  });
});
