/**
 * Document layout 1 → 2 (rich text): the workshop document of the frozen v1
 * fixture (test/fixtures/db-v1.json) migrates to fragments, reads back as
 * exactly the agreement that was frozen and signed in v1, and edits with
 * formatting afterwards.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DOC_SCHEMA_VERSION,
  INIT_ORIGIN,
  LOCAL_ORIGIN,
  readWorkshop,
  setSlaSection,
  slaFragment,
  termFragment,
  updateTerm,
} from '../../shared/domain/workshop-doc';
import { migrateWorkshopDoc } from '../../shared/domain/migrations';
import { contentMatchesVersion, readSnapshot, type AgreementVersion } from '../../shared/agreement/version';
import { diffContent } from '../../shared/agreement/diff';
import { isRichDoc } from '../../shared/domain/rich-text';

interface FixtureRow {
  u?: { $bytes: string };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/db-v1.json', import.meta.url), 'utf8')) as {
  tables: Record<string, FixtureRow[]>;
};

/** The v1 workshop document, rebuilt from its stored y-dexie updates. */
function v1Doc(): Y.Doc {
  const doc = new Y.Doc();
  for (const row of fixture.tables['$workshops.doc_updates']!) {
    Y.applyUpdateV2(doc, new Uint8Array(Buffer.from(row.u!.$bytes, 'base64')));
  }
  return doc;
}
const v1Version = fixture.tables.versions![0] as unknown as AgreementVersion;

describe('workshop document layout 1 → 2', () => {
  it('the fixture is layout 1 with plain-string texts', () => {
    const doc = v1Doc();
    expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
    expect(typeof doc.getArray<Y.Map<unknown>>('terms').get(0).get('definition')).toBe('string');
  });

  it('turns every term text and the SLA intro into fragments, not undoable, and reads back the signed agreement', () => {
    const doc = v1Doc();
    const before = readWorkshop(doc);
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    migrateWorkshopDoc(doc);
    expect(origins).toEqual([INIT_ORIGIN]);
    expect(undo.canUndo()).toBe(false);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(DOC_SCHEMA_VERSION);
    for (const term of doc.getArray<Y.Map<unknown>>('terms').toArray()) {
      for (const field of ['definition', 'entryCriteria', 'exitCriteria']) expect(term.get(field)).toBeInstanceOf(Y.XmlFragment);
    }
    expect(doc.getMap('sla').get('intro')).toBeInstanceOf(Y.XmlFragment);

    const after = readWorkshop(doc);
    expect(diffContent(before, after).sections).toEqual([]);
    expect(after.terms).toEqual(before.terms);
    expect(after.sla.intro).toBe(before.sla.intro);
    // Parts added by later layouts (e.g. scenarios) read as their defaults; the v1 agreement itself is unchanged.
    const { scenarios: _later, ...v1Parts } = after as typeof after & { scenarios?: unknown };
    expect(contentMatchesVersion(v1Parts as typeof after, v1Version)).toBe(true);
    expect(readSnapshot(v1Version).content.terms).toEqual(after.terms);
  });

  it('runs once: a second migration changes nothing', () => {
    const doc = v1Doc();
    migrateWorkshopDoc(doc);
    const fragment = termFragment(doc, 'term-mql', 'definition');
    let updates = 0;
    doc.on('update', () => updates++);
    migrateWorkshopDoc(doc);
    expect(updates).toBe(0);
    expect(termFragment(doc, 'term-mql', 'definition')).toBe(fragment);
    expect(slaFragment(doc, 'intro')).toBe(doc.getMap('sla').get('intro'));
  });

  it('opening editors on fields the v1 document lacks (examples, SLA sections) changes nothing that was signed', () => {
    const doc = v1Doc();
    migrateWorkshopDoc(doc);
    const before = readWorkshop(doc);
    termFragment(doc, 'term-mql', 'examples');
    for (const key of ['handoff', 'escalation'] as const) slaFragment(doc, key);
    const after = readWorkshop(doc);
    expect(after).toEqual(before);
    const { scenarios: _later, ...v1Parts } = after as typeof after & { scenarios?: unknown };
    expect(contentMatchesVersion(v1Parts as typeof after, v1Version)).toBe(true);
    // Once text is written there, it is part of the agreement.
    setSlaSection(doc, 'escalation', 'Aviso al gerente.');
    expect(readWorkshop(doc).sla.sections).toEqual({ escalation: 'Aviso al gerente.' });
  });

  it('after migrating, formatted edits are stored as rich text', () => {
    const doc = v1Doc();
    migrateWorkshopDoc(doc);
    updateTerm(doc, 'term-mql', {
      definition: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nuevo', marks: [{ type: 'bold' }] }] }] },
    });
    const definition = readWorkshop(doc).terms.find((t) => t.id === 'term-mql')!.definition;
    expect(isRichDoc(definition)).toBe(true);
  });

  it('refuses a document newer than this build', () => {
    const doc = v1Doc();
    doc.getMap('meta').set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    expect(() => migrateWorkshopDoc(doc)).toThrow(/made by a newer Pacto/);
  });
});
