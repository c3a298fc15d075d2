/**
 * Agreement records between laptops (`renderer/features/agreement/room-records.ts`):
 * each laptop has its own database and its own copy of the workshop
 * document, kept in step as a room keeps them (Yjs updates exchanged). A
 * version, a signature and an approval made on one laptop reach the others'
 * databases with an audit event that names the laptop; a signature whose
 * fingerprint does not match the local version is set aside; a second pass
 * adds nothing; a withdrawal travels like an approval; two laptops that froze the same number while apart each keep
 * theirs and a third takes the earlier one; a projector publishes nothing;
 * events from laptops with skewed clocks go in the same order everywhere.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { verifyChain, type AuditEvent } from '../../shared/agreement/audit';
import { freezeVersion, type AgreementVersion } from '../../shared/agreement/version';
import { AGREEMENT_PARTS, publishAgreementEntries, readAgreementEntries, sharedEventOf, copiedFromOf } from '../../shared/domain/agreement-doc';
import { AGREEMENT_ORIGIN } from '../../shared/domain/doc-edit';
import { approveInDoc, readApprovals, withdrawInDoc } from '../../shared/domain/approvals-doc';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { createDb, type PactoDb } from '../../renderer/data/db';
import { readAudit, recordAudit } from '../../renderer/data/audit';
import type { SeatView } from '../../renderer/data/seat';
import { syncAgreementRecords, watchAgreementRecords } from '../../renderer/features/agreement/room-records';
import { activeDoc, closeSession, openSession } from '../../renderer/data/session';
import { useAppStore } from '../../renderer/store';
import { createWorkshop, flushDoc, openWorkshop } from '../../renderer/data/workshops';
import { exportWorkshopFile, importWorkshopFile } from '../../renderer/data/pacto-file';
import { decodePactoFile } from '../../shared/file/pacto-file';
import { signatureOf } from '../support/pacto-workshop';

const WS = 'w-room';
let dbCount = 0;

interface Laptop {
  name: string;
  db: PactoDb;
  doc: Y.Doc;
  seat: SeatView;
}

function laptop(name: string, role: SeatView['role'] = 'participant'): Laptop {
  return {
    name,
    db: createDb(`room-records-${++dbCount}`),
    doc: new Y.Doc(),
    seat: {
      deviceId: `device-${name}-0001`,
      inRoom: true,
      role,
      identity: { deviceId: `device-${name}-0001`, deviceName: `Portátil de ${name}`, name, team: 'sales', participantId: null, role },
    },
  };
}

/** Brings every laptop's document up to date with the others' (what the room's sync does). */
function exchange(...laptops: Laptop[]): void {
  for (const a of laptops) for (const b of laptops) if (a !== b) Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
}

const sync = (l: Laptop) => syncAgreementRecords(l.db, l.doc, WS, { seat: l.seat, publish: (write) => l.doc.transact(() => write(l.doc), AGREEMENT_ORIGIN) });

function contentTitled(title: string) {
  const content = sampleWorkshop('2026-11-30');
  return { ...content, meta: { ...content.meta, title } };
}

/** What freezeAgreement stores on laptop `l`: the version and its `frozen` event. */
async function freezeOn(l: Laptop, number: number, at: string, title = 'Acuerdo'): Promise<AgreementVersion> {
  const version = freezeVersion(WS, number, contentTitled(title), new Date(at));
  await l.db.versions.add(version);
  await recordAudit(l.db, WS, {
    type: 'frozen',
    at: new Date(at),
    timeZone: 'Europe/Madrid',
    actor: { participantId: null, name: 'Pacto', team: null },
    details: { version: number, fingerprint: version.fingerprint, device: { id: l.seat.deviceId, name: `Portátil de ${l.name}` } },
  });
  return version;
}

/** What signAgreement stores on laptop `l`. */
async function signOn(l: Laptop, version: AgreementVersion, participantId: string, at = '2026-11-30T17:10:00Z') {
  const signature = signatureOf(version, participantId, { id: `sig-${l.name}-${participantId}-${version.number}` });
  await l.db.signatures.add(signature);
  await recordAudit(l.db, WS, {
    type: 'signed',
    at: new Date(at),
    timeZone: 'Europe/Madrid',
    actor: { participantId, name: signature.name, team: signature.team },
    details: { version: version.number, fingerprint: signature.fingerprint, method: 'typed', device: { id: l.seat.deviceId, name: `Portátil de ${l.name}` } },
  });
  return signature;
}

async function approveOn(l: Laptop, at: string, itemId = 't-mql'): Promise<AuditEvent> {
  return recordAudit(l.db, WS, {
    type: 'approved',
    at: new Date(at),
    timeZone: 'Europe/Madrid',
    actor: { participantId: 'p-jorge', name: 'Jorge', team: 'sales' },
    details: { kind: 'term', itemId, team: 'sales', device: { id: l.seat.deviceId, name: `Portátil de ${l.name}` } },
  });
}

/** The sample's content and Jorge (Sales), for approvals written straight into a laptop's document. */
const content = contentTitled('Acuerdo');
const jorgeP = { id: 'p-jorge', name: 'Jorge', team: 'sales' as const };

const trail = async (l: Laptop) => (await readAudit(l.db, WS)).map((e) => `${e.type}@${e.at}`);

describe('agreement records through the room', () => {
  it('copies another laptop\u2019s version, signature and approval in, naming the laptop, and sends its own out', async () => {
    const ana = laptop('Ana');
    const jorge = laptop('Jorge');
    await approveOn(ana, '2026-11-30T16:00:00Z');
    const v1 = await freezeOn(ana, 1, '2026-11-30T17:00:00Z');
    await signOn(ana, v1, 'p-lucia');
    expect((await sync(ana)).published).toBe(3);
    exchange(ana, jorge);

    const copied = await sync(jorge);
    expect(copied.rejected).toEqual([]);
    expect(copied.added.versions.map((v) => v.fingerprint)).toEqual([v1.fingerprint]);
    expect(copied.added.signatures.map((s) => s.participantId)).toEqual(['p-lucia']);
    expect(await jorge.db.versions.get(v1.id)).toStrictEqual(v1);
    const jorgeTrail = await readAudit(jorge.db, WS);
    expect(jorgeTrail.map((e) => e.type)).toEqual(['approved', 'frozen', 'signed']);
    expect(jorgeTrail.map((e) => copiedFromOf(e))).toEqual(
      (await readAudit(ana.db, WS)).map((e) => ({ deviceId: 'device-Ana-0001', deviceName: 'Portátil de Ana', seat: 'Ana', hash: e.hash })),
    );
    // The event as recorded where it happened: same time, zone, actor and details.
    expect(jorgeTrail.map((e) => [e.at, e.actor, e.details['device']])).toEqual((await readAudit(ana.db, WS)).map((e) => [e.at, e.actor, e.details['device']]));
    expect(verifyChain(jorgeTrail)).toMatchObject({ ok: true, length: 3 });
    // What Jorge copied in is not published again as his.
    expect(copied.published).toBe(0);

    // Jorge signs on his own laptop: Ana's laptop gets it.
    await signOn(jorge, v1, 'p-jorge');
    expect((await sync(jorge)).published).toBe(1);
    exchange(ana, jorge);
    const back = await sync(ana);
    expect(back.added.signatures.map((s) => s.participantId)).toEqual(['p-jorge']);
    expect((await readAudit(ana.db, WS)).at(-1)).toMatchObject({ type: 'signed', details: { copiedFrom: { deviceName: 'Portátil de Jorge', seat: 'Jorge' } } });
    expect((await ana.db.signatures.toArray()).map((s) => s.participantId).sort()).toEqual(['p-jorge', 'p-lucia']);
  });

  it('adds nothing the second time: duplicates are recognised by id and by the event\u2019s hash', async () => {
    const ana = laptop('Ana');
    const jorge = laptop('Jorge');
    const v1 = await freezeOn(ana, 1, '2026-11-30T17:00:00Z');
    await signOn(ana, v1, 'p-lucia');
    await sync(ana);
    exchange(ana, jorge);
    await sync(jorge);
    const before = await trail(jorge);
    const again = await sync(jorge);
    expect(again.added).toEqual({ versions: [], signatures: [], events: [] });
    expect(again.published).toBe(0);
    expect(await trail(jorge)).toEqual(before);
    expect(await jorge.db.signatures.count()).toBe(1);
  });

  it('sets aside a signature whose fingerprint is not the local version\u2019s, and garbage, with a clear reason', async () => {
    const ana = laptop('Ana');
    const jorge = laptop('Jorge');
    const v1 = await freezeOn(ana, 1, '2026-11-30T17:00:00Z');
    await sync(ana);
    exchange(ana, jorge);
    await sync(jorge);
    // A forged signature: bound to another fingerprint than version 1's, its event consistent with it.
    const forgedPrint = 'f'.repeat(64);
    const forged = signatureOf(v1, 'p-jorge', { id: 'sig-forged', fingerprint: forgedPrint });
    const event = await recordAudit(createDb(`scratch-${++dbCount}`), WS, {
      type: 'signed',
      actor: { participantId: 'p-jorge', name: forged.name, team: 'sales' },
      details: { version: 1, fingerprint: forgedPrint, method: 'typed' },
    });
    publishAgreementEntries(ana.doc, {
      signatures: [{ signature: forged, event: sharedEventOf(event), from: { deviceId: 'intruder-0001', deviceName: '', seat: null } }],
    });
    ana.doc.transact(() => ana.doc.getMap(AGREEMENT_PARTS.signatures).set('junk', { signature: 'nope' }), AGREEMENT_ORIGIN);
    exchange(ana, jorge);

    const before = await trail(jorge);
    const result = await sync(jorge);
    expect(result.added.signatures).toEqual([]);
    expect(result.rejected.find((r) => r.key === 'sig-forged')?.reason).toMatch(/bound to fingerprint ffffffffffff…, not to this laptop's version 1/);
    expect(result.rejected.find((r) => r.key === 'junk')?.reason).toMatch(/not a signature entry \(signature: /);
    expect(await jorge.db.signatures.count()).toBe(0);
    expect(await trail(jorge)).toEqual(before);
  });

  it('two laptops that froze version 2 while apart each keep theirs; a third takes the earlier one; no signature is lost', async () => {
    const ana = laptop('Ana');
    const bea = laptop('Bea');
    const carla = laptop('Carla');
    const v1 = await freezeOn(ana, 1, '2026-11-30T16:00:00Z');
    await sync(ana);
    exchange(ana, bea, carla);
    await sync(bea);
    await sync(carla);
    // Apart: each freezes "version 2" with other content and a signature on it.
    const anaV2 = await freezeOn(ana, 2, '2026-11-30T17:00:00Z', 'Acuerdo de Ana');
    const beaV2 = await freezeOn(bea, 2, '2026-11-30T17:03:00Z', 'Acuerdo de Bea');
    await signOn(ana, anaV2, 'p-lucia');
    await signOn(bea, beaV2, 'p-jorge');
    await sync(ana);
    await sync(bea);
    exchange(ana, bea, carla);

    const atAna = await sync(ana);
    const atBea = await sync(bea);
    const atCarla = await sync(carla);
    // Each keeps its own version 2 (a local record is never overwritten) and is told of the other.
    expect((await ana.db.versions.get(`${WS}:v2`))?.fingerprint).toBe(anaV2.fingerprint);
    expect((await bea.db.versions.get(`${WS}:v2`))?.fingerprint).toBe(beaV2.fingerprint);
    expect(atAna.collisions.map((c) => [c.number, c.others.map((o) => o.from.seat)])).toEqual([[2, ['Bea']]]);
    expect(atBea.collisions.map((c) => [c.number, c.others.map((o) => o.from.seat)])).toEqual([[2, ['Ana']]]);
    // The third laptop takes the one frozen first (Ana's), and only the signatures bound to it.
    expect((await carla.db.versions.get(`${WS}:v2`))?.fingerprint).toBe(anaV2.fingerprint);
    expect(atCarla.added.signatures.map((s) => s.participantId)).toEqual(['p-lucia']);
    expect(atCarla.rejected.some((r) => r.part === 'signatures' && /not to this laptop's version 2/.test(r.reason))).toBe(true);
    // Bea's signature on her version 2 is kept: in her database and in the room's document.
    expect((await bea.db.signatures.toArray()).map((s) => s.fingerprint)).toEqual([beaV2.fingerprint]);
    expect(
      readAgreementEntries(carla.doc, WS)
        .signatures.map((s) => s.signature.fingerprint)
        .sort(),
    ).toEqual([anaV2.fingerprint, beaV2.fingerprint].sort());
    expect(v1.number).toBe(1);
  });

  it('a withdrawal made on one laptop reaches the other: the approval leaves its document and its trail says who withdrew it, where', async () => {
    const ana = laptop('Ana');
    const jorge = laptop('Jorge');
    const ref = { kind: 'term' as const, id: 'term-mql' };
    const luciaP = { id: 'p-lucia', name: 'Lucía', team: 'marketing' as const };
    // Jorge approves for Sales and Lucía for Marketing, both on Ana's laptop.
    approveInDoc(ana.doc, content, ref, jorgeP, new Date('2026-11-30T16:00:00Z'), 'Europe/Madrid');
    approveInDoc(ana.doc, content, ref, luciaP, new Date('2026-11-30T16:01:00Z'), 'Europe/Madrid');
    await approveOn(ana, '2026-11-30T16:00:00Z', 'term-mql');
    await sync(ana);
    exchange(ana, jorge);
    await sync(jorge);
    expect(readApprovals(jorge.doc).map((a) => a.team)).toEqual(['marketing', 'sales']);

    // On his own laptop Jorge withdraws Sales' approval.
    expect(withdrawInDoc(jorge.doc, ref, 'sales')).toMatchObject({ team: 'sales', itemId: 'term-mql' });
    await recordAudit(jorge.db, WS, {
      type: 'approval-withdrawn',
      at: new Date('2026-11-30T16:20:00Z'),
      timeZone: 'Europe/Madrid',
      actor: { participantId: 'p-jorge', name: 'Jorge', team: 'sales' },
      details: { kind: 'term', itemId: 'term-mql', team: 'sales', device: { id: jorge.seat.deviceId, name: 'Portátil de Jorge' } },
    });
    expect((await sync(jorge)).published).toBe(1);
    exchange(ana, jorge);
    const atAna = await sync(ana);

    // Marketing's approval stays; Sales' is gone on both laptops.
    expect(readApprovals(ana.doc).map((a) => a.team)).toEqual(['marketing']);
    expect(readApprovals(jorge.doc)).toEqual(readApprovals(ana.doc));
    expect(atAna.added.events.map((e) => e.type)).toEqual(['approval-withdrawn']);
    const last = (await readAudit(ana.db, WS)).at(-1)!;
    expect(last).toMatchObject({
      type: 'approval-withdrawn',
      actor: { name: 'Jorge' },
      details: { team: 'sales', copiedFrom: { deviceName: 'Portátil de Jorge', seat: 'Jorge' } },
    });
    expect(await trail(ana)).toEqual(await trail(jorge));
    expect(verifyChain(await readAudit(ana.db, WS))).toMatchObject({ ok: true, length: 2 });
  });

  it('a withdrawal on one laptop and a new approval of the same item on another, made apart, both stand in the trail; the new approval stays', async () => {
    const ana = laptop('Ana');
    const jorge = laptop('Jorge');
    const ref = { kind: 'term' as const, id: 'term-sql' };
    approveInDoc(ana.doc, content, ref, jorgeP, new Date('2026-11-30T16:00:00Z'), 'Europe/Madrid');
    exchange(ana, jorge);
    // Apart: Ana's laptop withdraws it; Jorge approves it again on his.
    withdrawInDoc(ana.doc, ref, 'sales');
    const again = approveInDoc(jorge.doc, content, ref, jorgeP, new Date('2026-11-30T16:30:00Z'), 'Europe/Madrid');
    exchange(ana, jorge);
    expect(readApprovals(ana.doc)).toEqual([again]);
    expect(readApprovals(jorge.doc)).toEqual([again]);
  });

  it('a projector seat copies in but publishes nothing', async () => {
    const projector = laptop('Proyector', 'projector');
    await approveOn(projector, '2026-11-30T16:00:00Z');
    const result = await sync(projector);
    expect(result.published).toBe(0);
    expect(projector.doc.share.has(AGREEMENT_PARTS.acts) ? projector.doc.getMap(AGREEMENT_PARTS.acts).size : 0).toBe(0);
  });

  it('orders events from laptops with skewed clocks the same way on every laptop: by their own time, then hash', async () => {
    // Bea's clock runs 10 minutes ahead: her approval, made after Ana's, says 16:15; Ana's says 16:06.
    const ana = laptop('Ana');
    const bea = laptop('Bea');
    await approveOn(bea, '2026-11-30T16:15:00Z', 't-sql');
    await approveOn(ana, '2026-11-30T16:06:00Z', 't-mql');
    await sync(bea);
    await sync(ana);
    // Two laptops that receive both in one pass, from documents filled in opposite orders.
    const carla = laptop('Carla');
    const diego = laptop('Diego');
    exchange(bea, carla);
    exchange(ana, carla);
    exchange(ana, diego);
    exchange(bea, diego);
    await sync(carla);
    await sync(diego);
    const order = async (l: Laptop) => (await readAudit(l.db, WS)).map((e) => `${String(e.details['itemId'])}@${e.at}`);
    expect(await order(carla)).toEqual(['t-mql@2026-11-30T17:06:00+01:00', 't-sql@2026-11-30T17:15:00+01:00']);
    expect(await order(diego)).toEqual(await order(carla));
    // Each laptop's own event stays where it was recorded; the other's follows it.
    expect(await order(ana)).toEqual(['t-mql@2026-11-30T17:06:00+01:00']);
    exchange(ana, bea);
    await sync(ana);
    expect(await order(ana)).toEqual(['t-mql@2026-11-30T17:06:00+01:00', 't-sql@2026-11-30T17:15:00+01:00']);
  });

  it('round-trips through a .pacto file; a separate copy sets the original\u2019s entries aside and publishes its own', async () => {
    const ana = laptop('Ana');
    const id = await createWorkshop(ana.db, sampleWorkshop('2026-11-30'));
    const content = sampleWorkshop('2026-11-30');
    const version = freezeVersion(id, 1, content, new Date('2026-11-30T17:00:00Z'));
    await ana.db.versions.add(version);
    await recordAudit(ana.db, id, {
      type: 'frozen',
      actor: { participantId: null, name: 'Pacto', team: null },
      details: { version: 1, fingerprint: version.fingerprint },
    });
    const open = await openWorkshop(ana.db, id);
    const publish = (doc: Y.Doc) => (write: (d: Y.Doc) => void) => doc.transact(() => write(doc), AGREEMENT_ORIGIN);
    expect((await syncAgreementRecords(ana.db, open.doc, id, { seat: ana.seat, publish: publish(open.doc) })).published).toBe(1);
    await flushDoc(ana.db);
    open.close();
    const decoded = decodePactoFile(await exportWorkshopFile(ana.db, id, '0.1.0'));
    if (!decoded.ok) throw new Error(decoded.error.message);

    // Opened as the same workshop: the entries read as they were.
    const bea = laptop('Bea');
    await importWorkshopFile(bea.db, decoded.value, 'new');
    const same = await openWorkshop(bea.db, id);
    expect(readAgreementEntries(same.doc, id).versions.map((v) => v.version.fingerprint)).toEqual([version.fingerprint]);
    same.close();

    // A separate copy: another id, so the original's entries are not its records; it publishes its own.
    const { workshopId: copyId } = await importWorkshopFile(bea.db, decoded.value, 'copy');
    const copy = await openWorkshop(bea.db, copyId);
    const before = readAgreementEntries(copy.doc, copyId);
    expect(before.versions).toEqual([]);
    expect(before.rejected.map((r) => r.reason)).toEqual([expect.stringMatching(/does not belong to this workshop/)]);
    const synced = await syncAgreementRecords(bea.db, copy.doc, copyId, { seat: bea.seat, publish: publish(copy.doc) });
    expect(synced.added.versions).toEqual([]);
    expect(synced.published).toBe(1);
    expect(readAgreementEntries(copy.doc, copyId).versions.map((v) => [v.version.id, v.version.fingerprint])).toEqual([[`${copyId}:v1`, version.fingerprint]]);
    copy.close();
  });

  it('the watcher, on the open workshop: publishes what this laptop froze, and says once that another laptop froze the same number', async () => {
    const ana = laptop('Ana');
    const id = await createWorkshop(ana.db, sampleWorkshop('2026-11-30'));
    const mine = freezeVersion(id, 1, sampleWorkshop('2026-11-30'), new Date('2026-11-30T17:00:00Z'));
    await ana.db.versions.add(mine);
    await recordAudit(ana.db, id, {
      type: 'frozen',
      actor: { participantId: null, name: 'Pacto', team: null },
      details: { version: 1, fingerprint: mine.fingerprint },
    });
    await openSession(ana.db, id);
    const logged: string[] = [];
    const errors: unknown[] = [];
    const stop = watchAgreementRecords(
      ana.db,
      (e) => errors.push(e),
      (m) => logged.push(m),
    );
    try {
      // Bea's laptop froze its own version 1 while apart.
      const content = sampleWorkshop('2026-11-30');
      const theirs = freezeVersion(id, 1, { ...content, meta: { ...content.meta, title: 'Otro' } }, new Date('2026-11-30T17:02:00Z'));
      const event = await recordAudit(createDb(`scratch-${++dbCount}`), id, {
        type: 'frozen',
        actor: { participantId: null, name: 'Pacto', team: null },
        details: { version: 1, fingerprint: theirs.fingerprint },
      });
      const doc = activeDoc()!;
      publishAgreementEntries(doc, {
        versions: [{ version: theirs, event: sharedEventOf(event), from: { deviceId: 'device-Bea-0001', deviceName: 'Portátil de Bea', seat: 'Bea' } }],
      });
      await expect.poll(() => useAppStore.getState().notice?.key, { timeout: 10_000 }).toBe('agreement.room.versionCollision');
      expect(useAppStore.getState().notice?.values).toEqual({ number: 1, device: 'Portátil de Bea' });
      await expect
        .poll(
          () =>
            readAgreementEntries(doc, id)
              .versions.map((v) => v.version.fingerprint)
              .sort(),
          { timeout: 10_000 },
        )
        .toEqual([mine.fingerprint, theirs.fingerprint].sort());
      expect((await ana.db.versions.get(`${id}:v1`))?.fingerprint).toBe(mine.fingerprint);
      expect(logged.filter((m) => /version 1 was also frozen on Portátil de Bea/.test(m))).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      stop();
      closeSession();
      useAppStore.getState().setNotice(null);
    }
  });
});
