/**
 * The stored audit trail: events append in order with a valid hash chain,
 * per workshop, are never updated, and go away with their workshop.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../renderer/data/db';
import { ImmutableRecordError } from '../../renderer/data/schema';
import { readAudit, recordAudit } from '../../renderer/data/audit';
import { createWorkshop, deleteWorkshop } from '../../renderer/data/workshops';
import { verifyChain } from '../../shared/agreement/audit';
import { sampleWorkshop } from '../../shared/sample/standard-content';

const actor = { participantId: 'p-lucia', name: 'Lucía Ortega', team: 'marketing' as const };
let n = 0;
const fresh = () => createDb(`audit-test-${++n}`);

describe('recordAudit / readAudit', () => {
  it('appends events in order, each linked to the one before', async () => {
    const db = fresh();
    await recordAudit(db, 'w1', { type: 'created', actor, details: {} });
    await recordAudit(db, 'w1', { type: 'frozen', actor, details: { version: 1 }, at: new Date('2026-11-30T17:04:05Z'), timeZone: 'Europe/Madrid' });
    const chain = await readAudit(db, 'w1');
    expect(chain.map((e) => [e.seq, e.type])).toEqual([
      [0, 'created'],
      [1, 'frozen'],
    ]);
    expect(chain[1]!.at).toBe('2026-11-30T18:04:05+01:00');
    expect(chain[1]!.prevHash).toBe(chain[0]!.hash);
    expect(verifyChain(chain)).toMatchObject({ ok: true });
  });

  it('keeps one chain per workshop, and concurrent appends never share a place', async () => {
    const db = fresh();
    await Promise.all([1, 2, 3, 4].map((i) => recordAudit(db, 'w1', { type: 'approved', actor, details: { i } })));
    await recordAudit(db, 'w2', { type: 'created', actor, details: {} });
    const w1 = await readAudit(db, 'w1');
    expect(w1.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(verifyChain(w1)).toMatchObject({ ok: true });
    expect((await readAudit(db, 'w2')).map((e) => e.seq)).toEqual([0]);
  });

  it('refuses to change a stored event', async () => {
    const db = fresh();
    await recordAudit(db, 'w1', { type: 'created', actor, details: {} });
    await expect(db.audit.update(['w1', 0], { type: 'signed' })).rejects.toBeInstanceOf(ImmutableRecordError);
    expect((await readAudit(db, 'w1'))[0]!.type).toBe('created');
  });

  it('refuses an unknown time zone and stores nothing', async () => {
    const db = fresh();
    await expect(recordAudit(db, 'w1', { type: 'created', actor, details: {}, timeZone: 'Mars/Olympus' })).rejects.toThrow();
    expect(await readAudit(db, 'w1')).toEqual([]);
  });

  it('is deleted with its workshop', async () => {
    const db = fresh();
    const id = await createWorkshop(db, sampleWorkshop('2026-12-01'));
    await recordAudit(db, id, { type: 'created', actor, details: {} });
    await deleteWorkshop(db, id);
    expect(await readAudit(db, id)).toEqual([]);
  });
});
