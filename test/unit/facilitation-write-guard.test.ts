/**
 * The room host's write guard (shared/facilitation/write-guard.ts) on real
 * Y.Docs: a guest laptop's copy makes a change, its update is applied to
 * the room's copy through the guard, and everything the host then sends
 * back (the update and the restoring change) is applied to the guest's
 * copy, as the room does. What only the facilitator may change comes back
 * to the room's value on both copies; the rest of the same update stays.
 * The real sockets are in room-host.test.ts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readWorkshop, updateTerm, updateStage } from '../../shared/domain/workshop-doc';
import {
  addDecision,
  addParkingItem,
  castBallot,
  closeVote,
  lockSectionInDoc,
  openVote,
  readFacilitation,
  setFacilitator,
  startRound,
  unlockSectionInDoc,
  writeAgenda,
  writeDraft,
  writeRun,
} from '../../shared/facilitation/facilitation-doc';
import { startTimer } from '../../shared/facilitation/timer';
import { applyGuardedUpdate, parseRefusalReason, refusalReason, type UpdateWriter } from '../../shared/facilitation/write-guard';
import type { AgendaBlock, PrivateDraft, PrivateRound } from '../../shared/facilitation/types';
import { sampleDoc } from '../support/workshop';
import { GAP_RESOLUTIONS_PART, readGapResolutions, setGapResolution } from '../../shared/domain/gap-resolutions-doc';
import { gapResolution } from '../../shared/funnel/gap-resolutions';
import { findGaps } from '../../shared/funnel/gaps';

const jorge: UpdateWriter = { role: 'participant', participantId: 'p-jorge', deviceId: 'dev-jorge-0001', team: 'sales' };
const drafting: PrivateRound = {
  blockId: 'b2',
  step: 'glossary',
  status: 'drafting',
  hideAuthors: false,
  startedAt: 1,
  revealedAt: null,
  parties: ['marketing', 'sales'],
};
const agenda: AgendaBlock[] = [
  { id: 'b1', title: 'Intro', step: 'intro', durationMinutes: 10, privateDrafting: false },
  { id: 'b2', title: 'Glosario', step: 'glossary', durationMinutes: 30, privateDrafting: true },
];

/** The room's copy (facilitated: an agenda, a running timer) and a guest's copy synced from it. */
function room(): { host: Y.Doc; guest: Y.Doc } {
  const host = sampleDoc();
  writeAgenda(host, agenda);
  writeRun(host, { currentBlockId: 'b1', timer: startTimer('b1', 600_000, 1_000, 0) });
  const guest = new Y.Doc();
  Y.applyUpdate(guest, Y.encodeStateAsUpdate(host));
  return { host, guest };
}

/** The guest makes `change`; its update goes through the guard; what the host sends back reaches the guest. */
function send(host: Y.Doc, guest: Y.Doc, change: (doc: Y.Doc) => void, writer: UpdateWriter = jorge) {
  const before = Y.encodeStateVector(host);
  let update: Uint8Array | null = null;
  const grab = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
  guest.on('update', grab);
  change(guest);
  guest.off('update', grab);
  if (!update) throw new Error('the change wrote nothing');
  const refusal = applyGuardedUpdate(host, update, 'guest-conn', writer);
  Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
  // Converged: the guest holds exactly the room's state.
  expect(Y.encodeStateVector(guest)).toEqual(Y.encodeStateVector(host));
  expect(Y.encodeStateVector(host)).not.toEqual(before);
  return refusal;
}

const facilitation = (doc: Y.Doc) => readFacilitation(doc);

describe('the room host takes back what only the facilitator changes', () => {
  it('a guest moving the timer, editing the agenda or revealing: taken back on both copies and named', () => {
    const { host, guest } = room();
    const expected = facilitation(host);
    expect(send(host, guest, (d) => writeRun(d, { currentBlockId: 'b2', timer: startTimer('b2', 60_000, 5_000, 0) }))).toEqual({
      parts: ['timer'],
      sections: [],
    });
    expect(send(host, guest, (d) => writeAgenda(d, [...agenda].reverse()))).toEqual({ parts: ['agenda'], sections: [] });
    expect(send(host, guest, (d) => setFacilitator(d, 'p-jorge'))).toEqual({ parts: ['facilitator'], sections: [] });
    expect(send(host, guest, (d) => startRound(d, drafting))).toEqual({ parts: ['privateRound'], sections: [] });
    expect(send(host, guest, (d) => addDecision(d, { id: 'd1', what: 'SAL is a stage', why: '', decidedBy: ['sales'], links: [], decidedAt: 1 }))).toEqual({
      parts: ['decisions'],
      sections: [],
    });
    expect(send(host, guest, (d) => lockSectionInDoc(d, 'sla', 'Jorge', 1))).toEqual({ parts: ['locks'], sections: [] });
    for (const doc of [host, guest]) expect(facilitation(doc)).toEqual(expected);
  });

  it('the named facilitator’s laptop and the host’s window write freely', () => {
    const { host, guest } = room();
    setFacilitator(host, 'p-jorge');
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    expect(send(host, guest, (d) => writeRun(d, { currentBlockId: 'b2', timer: startTimer('b2', 60_000, 5_000, 0) }))).toBeNull();
    expect(facilitation(host).currentBlockId).toBe('b2');
    expect(send(host, guest, (d) => writeAgenda(d, [agenda[0]!]), null as unknown as UpdateWriter)).toBeNull();
    expect(facilitation(host).agenda).toHaveLength(1);
  });

  it('votes: the guest casts its own ballot in an open vote; someone else’s, a closed vote’s, or closing it is taken back', () => {
    const { host, guest } = room();
    const vote = {
      id: 'v1',
      kind: 'dots' as const,
      question: '¿Qué resolvemos primero?',
      targets: [{ kind: 'gap' as const, id: 'g1', label: 'SAL' }],
      dotsPerVoter: 3,
      status: 'open' as const,
      openedAt: 1,
      closedAt: null,
      ballots: {},
    };
    openVote(host, vote);
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    expect(send(host, guest, (d) => castBallot(d, 'v1', 'p-jorge', { team: 'sales', name: 'Jorge', dots: { g1: 2 } }))).toBeNull();
    expect(send(host, guest, (d) => castBallot(d, 'v1', 'p-lucia', { team: 'marketing', name: 'Lucía', dots: { g1: 3 } }))).toEqual({
      parts: ['ballots'],
      sections: [],
    });
    expect(send(host, guest, (d) => closeVote(d, 'v1', 9))).toEqual({ parts: ['votes'], sections: [] });
    for (const doc of [host, guest]) expect(facilitation(doc).votes[0]).toMatchObject({ status: 'open', ballots: { 'p-jorge': { dots: { g1: 2 } } } });
    // The facilitator closes the vote while the guest, not yet told, changes its ballot.
    closeVote(host, 'v1', 10);
    expect(send(host, guest, (d) => castBallot(d, 'v1', 'p-jorge', { team: 'sales', name: 'Jorge', dots: { g1: 1 } }))?.parts).toEqual(['ballots']);
    expect(facilitation(host).votes[0]!.ballots['p-jorge']!.dots).toEqual({ g1: 2 });
  });

  it('drafts: a team writes its own; the other team’s draft is taken back; parked questions are everyone’s', () => {
    const { host, guest } = room();
    startRound(host, drafting);
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    const draft = (party: PrivateDraft['party']): PrivateDraft => ({
      id: `b2:${party}:term:t1`,
      blockId: 'b2',
      step: 'glossary',
      party,
      target: { kind: 'term', id: 't1', label: 'MQL' },
      text: `${party} words`,
      value: null,
      authorId: 'p-jorge',
      authorName: 'Jorge',
      updatedAt: 2,
    });
    expect(send(host, guest, (d) => writeDraft(d, draft('sales')))).toBeNull();
    expect(send(host, guest, (d) => writeDraft(d, draft('marketing')))).toEqual({ parts: ['drafts'], sections: [] });
    expect(
      send(host, guest, (d) => addParkingItem(d, { id: 'q1', question: '¿Quién mide el NPS?', ownerId: null, due: null, status: 'open', createdAt: 3 })),
    ).toBeNull();
    for (const doc of [host, guest]) {
      expect(facilitation(doc).drafts.map((d) => d.party)).toEqual(['sales']);
      expect(facilitation(doc).parkingLot.map((q) => q.id)).toEqual(['q1']);
    }
  });

  it('keeps the rest of one update: a guest’s offline edits arriving with a forbidden change', () => {
    const { host, guest } = room();
    const stage = readWorkshop(host).funnels.agreed.stages[0]!;
    const refusal = send(host, guest, (d) =>
      d.transact(() => {
        updateStage(d, 'agreed', stage.id, { name: 'Lead (agreed)' });
        writeRun(d, { currentBlockId: null, timer: null });
        addParkingItem(d, { id: 'q2', question: '¿Y el churn?', ownerId: null, due: null, status: 'open', createdAt: 4 });
      }),
    );
    expect(refusal).toEqual({ parts: ['timer'], sections: [] });
    for (const doc of [host, guest]) {
      expect(readWorkshop(doc).funnels.agreed.stages[0]!.name).toBe('Lead (agreed)');
      expect(facilitation(doc).currentBlockId).toBe('b1');
      expect(facilitation(doc).parkingLot.map((q) => q.id)).toEqual(['q2']);
    }
  });

  it('a facilitator’s decision made meanwhile stays when a guest’s decision is taken back', () => {
    const { host, guest } = room();
    addDecision(host, { id: 'd-host', what: 'MQL needs 60 points', why: '', decidedBy: ['marketing', 'sales'], links: [], decidedAt: 1 });
    // The guest has not seen the host's decision yet: its own goes into the same map, concurrently.
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    expect(
      send(host, guest, (d) => addDecision(d, { id: 'd-guest', what: 'SQL needs budget', why: '', decidedBy: ['sales'], links: [], decidedAt: 2 }))?.parts,
    ).toEqual(['decisions']);
    for (const doc of [host, guest]) expect(facilitation(doc).decisions.map((d) => d.id)).toEqual(['d-host']);
  });
});

describe('the room host takes back changes of a locked section', () => {
  it('a guest’s edit of the locked glossary (a name, a rich-text definition) comes back to the room’s words', () => {
    const { host, guest } = room();
    lockSectionInDoc(host, 'glossary', 'Lucía', 1);
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    const term = readWorkshop(host).terms[0]!;
    expect(send(host, guest, (d) => updateTerm(d, term.id, { name: 'MQL (changed)', definition: 'Other words' }))).toEqual({
      parts: [],
      sections: ['glossary'],
    });
    for (const doc of [host, guest]) expect(readWorkshop(doc).terms[0]).toEqual(term);
    // Other sections stay open.
    const stage = readWorkshop(host).funnels.agreed.stages[0]!;
    expect(send(host, guest, (d) => updateStage(d, 'agreed', stage.id, { name: 'Lead (agreed)' }))).toBeNull();
  });

  it('a guest settling a Compare gap under a funnel lock is taken back, even as the first gap anyone settles', () => {
    const { host, guest } = room();
    lockSectionInDoc(host, 'funnel', 'Lucía', 1);
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    expect(host.share.has(GAP_RESOLUTIONS_PART)).toBe(false);
    const gap = findGaps(readWorkshop(host).funnels.marketing, readWorkshop(host).funnels.sales)[0]!;
    expect(send(host, guest, (d) => setGapResolution(d, gapResolution(gap, 'glossary', 'Jorge', new Date(2))))).toEqual({ parts: [], sections: ['funnel'] });
    for (const doc of [host, guest]) expect(readGapResolutions(doc)).toEqual([]);
  });

  it('even the facilitator must unlock first; an update that unlocks and edits stands', () => {
    const { host, guest } = room();
    setFacilitator(host, 'p-jorge');
    lockSectionInDoc(host, 'glossary', 'Lucía', 1);
    Y.applyUpdate(guest, Y.encodeStateAsUpdate(host, Y.encodeStateVector(guest)));
    const term = readWorkshop(host).terms[0]!;
    expect(send(host, guest, (d) => updateTerm(d, term.id, { name: 'MQL (changed)' }))).toEqual({ parts: [], sections: ['glossary'] });
    expect(readWorkshop(host).terms[0]!.name).toBe(term.name);
    expect(
      send(host, guest, (d) =>
        d.transact(() => {
          unlockSectionInDoc(d, 'glossary');
          updateTerm(d, term.id, { name: 'MQL (agreed)' });
        }),
      ),
    ).toBeNull();
    expect(readWorkshop(host).terms[0]!.name).toBe('MQL (agreed)');
  });
});

describe('the refusal’s reason on the wire', () => {
  it('round-trips, and anything else from the network reads as no refusal', () => {
    const refusal = { parts: ['timer' as const, 'votes' as const], sections: ['glossary' as const] };
    expect(parseRefusalReason(refusalReason(refusal))).toEqual(refusal);
    for (const bad of [
      '',
      'Permission denied',
      '{"pacto":"refused"}',
      '{"pacto":"refused","parts":["rm -rf"],"sections":[]}',
      '{"pacto":"refused","parts":[],"sections":[]}',
      'null',
    ])
      expect(parseRefusalReason(bad)).toBeNull();
  });
});
