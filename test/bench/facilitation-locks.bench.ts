// The one lock check on the edit path (shared/facilitation/facilitation-doc.ts lockedSectionTouched):
// free while nothing is locked; while a section is locked every edit first runs on a scratch copy of the
// document. Goal: well under a frame (16 ms) per edit on the sample workshop, so typing stays smooth.
// Run: npx vitest bench --config test/vitest.config.ts --run test/bench/facilitation-locks.bench.ts
import { bench, describe } from 'vitest';
import * as Y from 'yjs';
import { initWorkshopDoc, readWorkshop, updateTerm } from '../../shared/domain/workshop-doc';
import { addDecision, lockedSectionTouched, lockSectionInDoc, writeAgenda } from '../../shared/facilitation/facilitation-doc';
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
const edit = (doc: Y.Doc) => updateTerm(doc, termId, { name: 'MQL (agreed)' });

describe('lock check per edit', () => {
  bench('facilitation in use, no section locked (the common case)', () => {
    lockedSectionTouched(open, edit);
  });
  bench('glossary locked, an edit of the glossary (refused)', () => {
    lockedSectionTouched(locked, edit);
  });
});
