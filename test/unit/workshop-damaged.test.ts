// A damaged workshop document still reads (issue 12, part 3): wrong types
// inside it are repaired or left out item by item with a list of problems;
// undecodable stored updates are found before y-dexie applies them; a newer
// layout is refused as made by a newer Pacto.
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { findUndecodableRows } from '../../renderer/data/damaged-updates';
import { fingerprint } from '../../shared/agreement/fingerprint';
import { workshopContentSchema } from '../../shared/domain/workshop';
import { DOC_SCHEMA_VERSION, initWorkshopDoc, readWorkshop, readWorkshopChecked, updateTransition } from '../../shared/domain/workshop-doc';
import { addScenario } from '../../shared/domain/scenarios-doc';
import { DocMigrationError, migrateWorkshopDoc } from '../../shared/domain/migrations';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { agreedScenarioPlan } from '../../shared/model/workshop-scenarios';

function sampleDoc(): Y.Doc {
  const doc = new Y.Doc();
  initWorkshopDoc(doc, sampleWorkshop('2027-01-15'));
  return doc;
}

const stagesOf = (doc: Y.Doc, fid = 'agreed') => (doc.getMap('funnels').get(fid) as Y.Map<unknown>).get('stages') as Y.Array<Y.Map<unknown>>;
const transitionsOf = (doc: Y.Doc, fid = 'agreed') => (doc.getMap('funnels').get(fid) as Y.Map<unknown>).get('transitions') as Y.Array<Y.Map<unknown>>;

describe('reading a damaged document', () => {
  it('reads an intact document exactly as before, with no problems (same fingerprint)', () => {
    const doc = sampleDoc();
    const { content, problems } = readWorkshopChecked(doc);
    expect(problems).toEqual([]);
    expect(content).toEqual(workshopContentSchema.parse(sampleWorkshop('2027-01-15')));
    expect(fingerprint(content)).toBe(fingerprint(readWorkshop(doc)));
  });

  it('repairs wrong types and out-of-bound values per item and lists them', () => {
    const doc = sampleDoc();
    doc.transact(() => {
      stagesOf(doc).get(0).set('name', 42);
      transitionsOf(doc).get(0).set('conversionRate', '0.3');
      transitionsOf(doc).get(1).set('averageDays', 1e9);
      transitionsOf(doc).get(2).set('conversionRate', 5e-324);
      doc.getArray('participants').push([7 as never]);
      doc.getMap('targets').set('periodMonths', 'doce');
    });
    const { content, problems } = readWorkshopChecked(doc);
    expect(workshopContentSchema.safeParse(content).success).toBe(true);
    expect(content.funnels.agreed.stages[0]!.name).toBe('42');
    expect(content.funnels.agreed.transitions[0]!.conversionRate).toBe(0.3);
    expect(content.funnels.agreed.transitions[1]!.averageDays).toBe(3650);
    expect(content.funnels.agreed.transitions[2]!.conversionRate).toBe(1e-6);
    expect(content.targets.periodMonths).toBe(12);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'funnels.agreed.stages.0.name', action: 'repaired' },
        { path: 'funnels.agreed.transitions.0.conversionRate', action: 'repaired' },
        { path: 'funnels.agreed.transitions.1.averageDays', action: 'repaired' },
        { path: `participants.${doc.getArray('participants').length - 1}`, action: 'dropped' },
        { path: 'targets.periodMonths', action: 'repaired' },
      ]),
    );
    // The plan of the repaired content is finite and computable.
    const plan = agreedScenarioPlan(content);
    expect(plan.ok ? plan.plan.deals : plan.message).toBeTruthy();
  });

  it('reads missing or wrong-typed maps as empty, leaving out arrows to lost stages', () => {
    const doc = sampleDoc();
    doc.transact(() => {
      (doc.getMap('funnels').get('marketing') as Y.Map<unknown>).set('stages', 'not a list');
      doc.getMap('funnels').set('sales', 'nothing' as never);
      doc.getMap('sla').set('commitments', 12);
      doc.getMap('targets').clear();
      doc.getMap('scenarios').set('items', new Y.Array());
      doc.getMap('scenarios').set('budget', -5);
    });
    const { content, problems } = readWorkshopChecked(doc);
    expect(workshopContentSchema.safeParse(content).success).toBe(true);
    expect(content.funnels.marketing.stages).toEqual([]);
    expect(content.funnels.marketing.transitions).toEqual([]);
    expect(content.funnels.sales).toEqual({ stages: [], transitions: [] });
    expect(content.sla.commitments).toEqual([]);
    expect(content.targets).toEqual({ revenueTarget: 1_000_000, averageDealSize: 10_000, periodMonths: 12 });
    expect(content.scenarios?.budget).toBe(0);
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['funnels.marketing.stages', 'funnels.sales', 'sla.commitments', 'targets.revenueTarget', 'scenarios.budget']),
    );
    expect(problems.filter((p) => p.path.startsWith('funnels.marketing.transitions.')).every((p) => p.action === 'dropped')).toBe(true);
  });

  it('repairs a scenario override of the wrong type without losing the others', () => {
    const doc = sampleDoc();
    addScenario(doc, [], { id: 'mine', name: 'Mine', kind: 'custom', stages: { 'stage-lead': { conversionRate: 0.3 }, 'stage-mql': { averageDays: 5 } } });
    doc.transact(() => {
      const items = doc.getMap('scenarios').get('items') as Y.Array<Y.Map<unknown>>;
      const mine = items.toArray().find((m) => m.get('id') === 'mine')!;
      ((mine.get('stages') as Y.Map<Y.Map<unknown>>).get('stage-lead') as Y.Map<unknown>).set('conversionRate', 'lots');
    });
    const { content, problems } = readWorkshopChecked(doc);
    const mine = content.scenarios!.items.find((s) => s.id === 'mine')!;
    expect(mine.stages).toEqual({ 'stage-lead': {}, 'stage-mql': { averageDays: 5 } });
    expect(problems).toContainEqual({ path: expect.stringMatching(/^scenarios\.items\.\d+\.stages\.stage-lead\.conversionRate$/), action: 'repaired' });
  });

  it('lets a field be edited next to a damaged one (the edit is checked against the repaired item)', () => {
    const doc = sampleDoc();
    const id = transitionsOf(doc).get(0).get('id') as string;
    doc.transact(() => transitionsOf(doc).get(0).set('averageDays', 1e9));
    updateTransition(doc, 'agreed', id, { conversionRate: 0.5 });
    expect(transitionsOf(doc).get(0).get('conversionRate')).toBe(0.5);
    updateTransition(doc, 'agreed', id, { averageDays: 30 });
    expect(readWorkshopChecked(doc).problems).toEqual([]);
  });
});

describe('undecodable stored updates', () => {
  const updateRows = () => {
    const doc = new Y.Doc();
    const rows: { i: number; k: string; u: Uint8Array }[] = [];
    doc.on('updateV2', (u: Uint8Array) => rows.push({ i: rows.length + 1, k: 'w', u }));
    initWorkshopDoc(doc, sampleWorkshop('2027-01-15'));
    doc.transact(() => doc.getMap('meta').set('title', 'Edited'));
    doc.transact(() => doc.getMap('meta').set('company', 'Other'));
    return rows;
  };

  it('finds none in an intact history, also when IndexedDB hands back bytes of another realm', () => {
    expect(findUndecodableRows(updateRows())).toEqual([]);
    const Foreign = runInNewContext('Uint8Array') as Uint8ArrayConstructor;
    const foreign = updateRows().map((r) => ({ ...r, u: new Foreign(r.u) }));
    expect(foreign[0]!.u instanceof Uint8Array).toBe(false);
    expect(findUndecodableRows(foreign)).toEqual([]);
  });

  it('finds a truncated main record and a row of random bytes, and the rest still applies', () => {
    const rows = updateRows();
    rows[1] = { ...rows[1]!, u: rows[1]!.u.slice(0, 3) };
    rows.push({ i: 9, k: 'w', u: new Uint8Array([255, 255, 255, 255, 255, 1, 2]) });
    const bad = findUndecodableRows(rows);
    expect(bad.map((b) => b.row.i)).toEqual([2, 9]);
    expect(bad[0]!.reason).toMatch(/\w/);
    const doc = new Y.Doc();
    for (const r of rows.filter((r) => !bad.some((b) => b.row.i === r.i))) Y.applyUpdateV2(doc, r.u);
    expect(doc.getMap('meta').get('title')).toBe('Acuerdo Marketing–Ventas 2027');
  });
});

describe('a document from a newer Pacto', () => {
  it('is refused as made by a newer Pacto, and nothing is written', () => {
    const doc = sampleDoc();
    doc.getMap('meta').set('schemaVersion', DOC_SCHEMA_VERSION + 1);
    let writes = 0;
    doc.on('update', () => writes++);
    expect(() => migrateWorkshopDoc(doc)).toThrow(DocMigrationError);
    expect(() => migrateWorkshopDoc(doc)).toThrow(/made by a newer Pacto/);
    expect(writes).toBe(0);
  });
});
