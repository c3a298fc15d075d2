/**
 * Where the audit trail starts: creating a workshop (the first-run sample,
 * a new one, a duplicate) records `created` with what it was created from.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/agreement/audit';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { readAudit } from '../../renderer/data/audit';
import { createDb } from '../../renderer/data/db';
import { createWorkshop, duplicateWorkshop, ensureSample } from '../../renderer/data/workshops';

let n = 0;
const fresh = () => createDb(`audit-events-test-${++n}`);

describe('created events', () => {
  it('the first-run sample starts its trail with created, marked as the sample', async () => {
    const db = fresh();
    const id = (await ensureSample(db))!;
    const trail = await readAudit(db, id);
    expect(trail.map((e) => [e.type, e.actor.name, e.details['sample']])).toEqual([['created', 'Pacto', true]]);
    expect(trail[0]!.details).toMatchObject({ company: 'Nubecom Soluciones' });
    expect(verifyChain(trail)).toMatchObject({ ok: true, length: 1 });
    db.close();
  });

  it('a new workshop and a duplicate each start their own trail; the duplicate names its source', async () => {
    const db = fresh();
    const id = await createWorkshop(db, sampleWorkshop('2026-11-30'));
    const copy = await duplicateWorkshop(db, id, 'Copia');
    expect((await readAudit(db, id)).map((e) => [e.type, e.details['sample'] ?? null])).toEqual([['created', null]]);
    const copied = await readAudit(db, copy);
    expect(copied.map((e) => [e.type, e.details['duplicateOf'], e.details['title']])).toEqual([['created', id, 'Copia']]);
    db.close();
  });
});
