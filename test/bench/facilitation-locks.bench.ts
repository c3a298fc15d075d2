// The one lock check on the edit path (shared/facilitation/locked-edits.ts lockedEdits): free while nothing is
// locked; while a section is locked an edit runs on the document's mirror and is written from there, so it
// costs about what the edit costs; a refused edit drops the mirror, and the next edit copies the document again.
// Goal: well under a frame (16 ms) per edit on the sample workshop, so typing stays smooth.
// Run: npx vitest bench --config test/vitest.config.ts --run test/bench/facilitation-locks.bench.ts
import { bench, describe } from 'vitest';
import * as Y from 'yjs';
import { initWorkshopDoc, readWorkshop, updateStage, updateTerm } from '../../shared/domain/workshop-doc';
import { addDecision, lockSectionInDoc, writeAgenda } from '../../shared/facilitation/facilitation-doc';
import { lockedEdits } from '../../shared/facilitation/locked-edits';
import { agendaTemplate } from '../../shared/facilitation/agenda';
import { sampleWorkshop } from '../../shared/sample/standard-content';

function sample(): Y.Doc {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2026-12-02'));
  return doc;
}

const open = sample();
// A workshop that uses facilitation (an agenda, a decision) but has nothing locked.
writeAgenda(
  open,
  agendaTemplate(
    'standard-3h',
    'es',
    (() => {
      let n = 0;
      return () => `b${++n}`;
    })(),
  ),
);
addDecision(open, { id: 'd1', what: 'SAL is a stage', why: '', decidedBy: ['sales'], links: [], decidedAt: 1 });
const locked = sample();
lockSectionInDoc(locked, 'glossary', 'Ana', 1);
const termId = readWorkshop(open).terms[0]!.id;
const stageId = readWorkshop(locked).funnels.agreed.stages[0]!.id;
const renameTerm = (doc: Y.Doc) => updateTerm(doc, termId, { name: 'MQL (agreed)' });
let renames = 0;
const renameStage = (doc: Y.Doc) => updateStage(doc, 'agreed', stageId, { name: `Lead ${++renames}` });
const openEdits = lockedEdits(open);
const lockedDocEdits = lockedEdits(locked);

describe('lock check per edit', () => {
  bench('facilitation in use, no section locked (the common case)', () => {
    const prepared = openEdits.prepare(renameTerm, null);
    if (!prepared.locked) prepared.cancel();
  });
  bench('glossary locked, an edit of the funnel (allowed, written from the mirror)', () => {
    const prepared = lockedDocEdits.prepare(renameStage, null);
    if (!prepared.locked) prepared.commit();
  });
  bench('glossary locked, an edit of the glossary (refused: the next edit copies the document)', () => {
    lockedDocEdits.prepare(renameTerm, null);
  });
});
