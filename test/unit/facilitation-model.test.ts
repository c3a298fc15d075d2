/**
 * The facilitation model's rules and its part of the workshop document
 * (shared/facilitation/*): private-draft visibility before and after the
 * reveal, vote tallies by team, the facilitator rule, locks and the one
 * check that refuses writes to a locked section, the decisions and
 * follow-ups an agreement freezes, and the Y.Doc layout (syncs, undoes where
 * it should, reads damaged items safely).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LOCAL_ORIGIN, InvalidEditError, NotFoundError, addTerm, readWorkshop, updateTargets, updateTerm, updateStage } from '../../shared/domain/workshop-doc';
import { updatePlanSettings } from '../../shared/domain/scenarios-doc';
import { freshCopyOfDoc } from '../../shared/domain/doc-copy';
import { decodePactoFile, encodePactoFile } from '../../shared/file/pacto-file';
import { freezeVersion, readSnapshot } from '../../shared/agreement/version';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import {
  canCompareFunnels,
  canSeeDraft,
  canSeeTeamFunnel,
  draftId,
  draftProgress,
  draftsSideBySide,
  termVariants,
  visibleDrafts,
} from '../../shared/facilitation/drafting';
import {
  addDecision,
  addParkingItem,
  castBallot,
  closeVote,
  EMPTY_FACILITATION,
  FACILITATION_ORIGIN,
  lockSectionInDoc,
  openVote,
  readFacilitation,
  readFacilitationChecked,
  revealRound,
  startRound,
  unlockSectionInDoc,
  updateParkingItem,
  writeAgenda,
  writeDraft,
  writeRun,
} from '../../shared/facilitation/facilitation-doc';
import { sectionOfPart, SECTION_PARTS } from '../../shared/facilitation/locks';
import { lockedEdits, lockedSectionTouched } from '../../shared/facilitation/locked-edits';
import { agreementRecord } from '../../shared/facilitation/record';
import { canFacilitate } from '../../shared/facilitation/roles';
import { startTimer } from '../../shared/facilitation/timer';
import { LOCKABLE_SECTIONS, type PrivateDraft, type PrivateRound, type Vote } from '../../shared/facilitation/types';
import { ballotErrors, dotsLeft, tallyVote } from '../../shared/facilitation/votes';
import { sampleDoc } from '../support/workshop';

const round = (status: PrivateRound['status'], more: Partial<PrivateRound> = {}): PrivateRound => ({
  blockId: 'b2',
  step: 'glossary',
  status,
  hideAuthors: false,
  startedAt: 1,
  revealedAt: status === 'revealed' ? 2 : null,
  parties: ['marketing', 'sales'],
  ...more,
});
const draft = (party: 'marketing' | 'sales', termId: string, text: string, more: Partial<PrivateDraft> = {}): PrivateDraft => {
  const target = { kind: 'term' as const, id: termId, label: termId.toUpperCase() };
  return {
    id: draftId('b2', party, target),
    blockId: 'b2',
    step: 'glossary',
    party,
    target,
    text,
    value: null,
    authorId: `${party}-1`,
    authorName: `Ana (${party})`,
    updatedAt: 10,
    ...more,
  };
};

describe('private drafting visibility', () => {
  const drafts = [draft('marketing', 'mql', 'Fit + engagement ≥ 60'), draft('sales', 'mql', 'Budget and a project'), draft('sales', 'sql', 'Meeting held')];

  it('while drafting, each team sees only its own drafts; leadership and the projector see none', () => {
    const r = round('drafting');
    expect(visibleDrafts(drafts, r, { team: 'marketing' }).map((d) => d.text)).toEqual(['Fit + engagement ≥ 60']);
    expect(visibleDrafts(drafts, r, { team: 'sales' }).map((d) => d.target.id)).toEqual(['mql', 'sql']);
    expect(visibleDrafts(drafts, r, { team: 'leadership' })).toEqual([]);
    expect(visibleDrafts(drafts, r, { team: null })).toEqual([]);
    expect(canSeeDraft(drafts[1]!, r, { team: 'marketing' })).toBe(false);
    // Progress is for everyone: counts, no content.
    expect(draftProgress(drafts, r)).toEqual({ marketing: 1, sales: 2 });
  });

  it('after the reveal, everyone sees every draft side by side', () => {
    const r = round('revealed');
    const pairs = draftsSideBySide(drafts, r, { team: null });
    expect(pairs.map((p) => [p.target.id, p.byParty.marketing?.text ?? null, p.byParty.sales?.text ?? null])).toEqual([
      ['mql', 'Fit + engagement ≥ 60', 'Budget and a project'],
      ['sql', null, 'Meeting held'],
    ]);
    expect(
      termVariants(drafts, r, { team: 'leadership' }, 'mql')
        .map((d) => d.party)
        .sort(),
    ).toEqual(['marketing', 'sales']);
    expect(visibleDrafts(drafts, r, { team: 'sales' })[0]!.authorName).toBe('Ana (marketing)');
  });

  it('hides the authors on reveal when the facilitator asks', () => {
    const shown = visibleDrafts(drafts, round('revealed', { hideAuthors: true }), { team: 'marketing' });
    expect(shown).toHaveLength(3);
    expect(shown.every((d) => d.authorName === null && d.authorId === null)).toBe(true);
  });

  it('drafts of an earlier, revealed round stay visible while a new round drafts', () => {
    const old = draft('sales', 'sal', 'Accepted in 48 h', { blockId: 'b1', id: 'b1:sales:term:sal' });
    expect(visibleDrafts([old, ...drafts], round('drafting'), { team: 'marketing' }).map((d) => d.target.id)).toEqual(['sal', 'mql']);
  });

  it('during private funnel drafting, a team sees its own and the agreed funnel, and Compare waits for the reveal', () => {
    const r = round('drafting', { step: 'funnel' });
    expect(canSeeTeamFunnel('marketing', r, { team: 'marketing' })).toBe(true);
    expect(canSeeTeamFunnel('sales', r, { team: 'marketing' })).toBe(false);
    expect(canSeeTeamFunnel('agreed', r, { team: 'leadership' })).toBe(true);
    expect(canSeeTeamFunnel('sales', r, { team: 'leadership' })).toBe(false);
    expect(canCompareFunnels(r)).toBe(false);
    expect(canCompareFunnels(round('revealed', { step: 'funnel' }))).toBe(true);
    expect(canSeeTeamFunnel('sales', round('revealed', { step: 'funnel' }), { team: 'marketing' })).toBe(true);
    // A glossary round does not hide funnels.
    expect(canSeeTeamFunnel('sales', round('drafting'), { team: 'marketing' })).toBe(true);
  });
});

const vote = (kind: Vote['kind'], ballots: Vote['ballots'] = {}, status: Vote['status'] = 'open'): Vote => ({
  id: 'v1',
  kind,
  question: 'Which gap first?',
  targets: [
    { kind: 'gap', id: 'g1', label: 'SAL missing' },
    { kind: 'gap', id: 'g2', label: 'MQL rate' },
  ],
  dotsPerVoter: 3,
  status,
  openedAt: 1,
  closedAt: null,
  ballots,
});

describe('votes', () => {
  it('tallies dots by team, most dots first', () => {
    const t = tallyVote(
      vote('dots', {
        p1: { team: 'marketing', name: 'A', dots: { g1: 1, g2: 2 } },
        p2: { team: 'sales', name: 'B', dots: { g2: 3 } },
        p3: { team: 'sales', name: 'C', dots: { g1: 2 } },
        p4: { team: 'leadership', name: 'D', dots: { g1: 1 } },
      }),
    );
    expect(t.voters).toBe(4);
    expect(t.votersByTeam).toEqual({ marketing: 1, sales: 2, leadership: 1 });
    expect(t.dots).toEqual([
      { targetId: 'g2', total: 5, byTeam: { marketing: 2, sales: 3, leadership: 0 } },
      { targetId: 'g1', total: 4, byTeam: { marketing: 1, sales: 2, leadership: 1 } },
    ]);
    expect(t.outcome).toBeNull();
  });

  it('tallies a consent check by team: one "no" is an objection', () => {
    const yes = tallyVote(vote('consent', { a: { team: 'marketing', name: 'A', consent: 'yes' }, b: { team: 'sales', name: 'B', consent: 'live-with' } }));
    expect(yes.outcome).toBe('consent');
    expect(yes.consent['live-with']).toEqual({ marketing: 0, sales: 1, leadership: 0 });
    const no = tallyVote(vote('consent', { a: { team: 'marketing', name: 'A', consent: 'yes' }, b: { team: 'sales', name: 'B', consent: 'no' } }));
    expect(no.outcome).toBe('objection');
    expect(no.consent.no.sales).toBe(1);
    expect(tallyVote(vote('consent')).outcome).toBe('none');
  });

  it('checks ballots: open vote, known options, no more dots than given', () => {
    expect(ballotErrors(vote('dots'), { team: 'sales', name: 'B', dots: { g1: 2, g2: 1 } })).toBeNull();
    expect(ballotErrors(vote('dots'), { team: 'sales', name: 'B', dots: { g1: 4 } })).toEqual({ dots: 'tooManyDots' });
    expect(ballotErrors(vote('dots'), { team: 'sales', name: 'B', dots: { nope: 1 } })).toEqual({ 'dots.nope': 'choice' });
    expect(ballotErrors(vote('dots'), { team: 'sales', name: 'B', dots: {} })).toEqual({ dots: 'required' });
    expect(ballotErrors(vote('dots', {}, 'closed'), { team: 'sales', name: 'B', dots: { g1: 1 } })).toEqual({ '': 'voteClosed' });
    expect(ballotErrors(vote('consent'), { team: 'sales', name: 'B' })).toEqual({ consent: 'required' });
    expect(dotsLeft(vote('dots', { p: { team: 'sales', name: 'B', dots: { g1: 2 } } }), 'p')).toBe(1);
  });
});

describe('who facilitates', () => {
  it('outside a room everyone at the laptop; in a room the host or the named participant; never a projector', () => {
    expect(canFacilitate({ inRoom: false, role: 'participant', identity: null }, null)).toBe(true);
    expect(canFacilitate({ inRoom: true, role: 'facilitator', identity: { participantId: 'x' } }, null)).toBe(true);
    expect(canFacilitate({ inRoom: true, role: 'participant', identity: { participantId: 'p7' } }, null)).toBe(false);
    expect(canFacilitate({ inRoom: true, role: 'participant', identity: { participantId: 'p7' } }, 'p7')).toBe(true);
    expect(canFacilitate({ inRoom: true, role: 'participant', identity: { participantId: null } }, 'p7')).toBe(false);
    expect(canFacilitate({ inRoom: true, role: 'projector', identity: { participantId: 'p7' } }, 'p7')).toBe(false);
  });
});

describe('facilitation in the workshop document', () => {
  it('an older document without the part reads as empty, and reading writes nothing', () => {
    const doc = sampleDoc();
    const before = Y.encodeStateVector(doc);
    expect(readFacilitation(doc)).toEqual(EMPTY_FACILITATION);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('syncs between two laptops, ballots from both kept', () => {
    const a = sampleDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    openVote(a, vote('dots'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    castBallot(a, 'v1', 'p1', { team: 'marketing', name: 'A', dots: { g1: 3 } });
    castBallot(b, 'v1', 'p2', { team: 'sales', name: 'B', dots: { g2: 2 } });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readFacilitation(a)).toEqual(readFacilitation(b));
    expect(tallyVote(readFacilitation(a).votes[0]!).votersByTeam).toEqual({ marketing: 1, sales: 1, leadership: 0 });
    closeVote(b, 'v1', 99);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(() => castBallot(a, 'v1', 'p3', { team: 'sales', name: 'C', dots: { g1: 1 } })).toThrow(InvalidEditError);
  });

  it('agenda edits, decisions and the parking lot undo; the timer, votes and locks do not', () => {
    const doc = sampleDoc();
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    writeAgenda(doc, [{ id: 'b1', title: 'Intro', step: 'intro', durationMinutes: 10, privateDrafting: false }]);
    undo.stopCapturing();
    writeRun(doc, { currentBlockId: 'b1', timer: startTimer('b1', 600_000, 1000, 0) });
    lockSectionInDoc(doc, 'glossary', 'Ana', 5);
    undo.stopCapturing();
    addDecision(doc, { id: 'd1', what: 'SAL is a stage', why: 'Sales accepts', decidedBy: ['marketing', 'sales'], links: [], decidedAt: 3 });
    undo.undo();
    expect(readFacilitation(doc).decisions).toEqual([]);
    undo.undo();
    const s = readFacilitation(doc);
    expect(s.agenda).toEqual([]);
    expect(s.timer?.blockId).toBe('b1');
    expect(s.locks.glossary).toEqual({ lockedAt: 5, by: 'Ana' });
  });

  it('refuses bad input with field errors and writes nothing', () => {
    const doc = sampleDoc();
    const sv = Y.encodeStateVector(doc);
    expect(() => writeAgenda(doc, [{ id: 'b1', title: 'x', step: 'intro', durationMinutes: 0, privateDrafting: false }])).toThrow(InvalidEditError);
    expect(() => writeRun(doc, { currentBlockId: 'nope', timer: null })).toThrow(NotFoundError);
    expect(() => addParkingItem(doc, { id: 'q', question: '', ownerId: null, due: null, status: 'open', createdAt: 1 })).toThrow(InvalidEditError);
    expect(() => addParkingItem(doc, { id: 'q', question: 'Who owns SAL?', ownerId: null, due: '31/12/2026', status: 'open', createdAt: 1 })).toThrow(
      InvalidEditError,
    );
    expect(() => writeDraft(doc, draft('sales', 'mql', 'x'))).toThrow(InvalidEditError);
    expect(() => revealRound(doc, false, 1)).toThrow(InvalidEditError);
    expect(() => unlockSectionInDoc(doc, 'sla')).toThrow(InvalidEditError);
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    try {
      writeAgenda(doc, [{ id: 'b1', title: 'x', step: 'intro', durationMinutes: 0, privateDrafting: false }]);
    } catch (e) {
      expect((e as InvalidEditError).errors).toEqual({ '0.durationMinutes': 'blockMinutes' });
    }
  });

  it('a private round: only one drafts at a time, drafts only in it, and the reveal ends it', () => {
    const doc = sampleDoc();
    startRound(doc, round('drafting'));
    expect(() => startRound(doc, round('drafting', { blockId: 'b3' }))).toThrow(InvalidEditError);
    writeDraft(doc, draft('marketing', 'mql', 'Fit'));
    writeDraft(doc, draft('sales', 'mql', 'Budget'));
    writeDraft(doc, draft('sales', 'mql', 'Budget and timing', { updatedAt: 11 }));
    const s = readFacilitation(doc);
    expect(s.drafts.map((d) => [d.party, d.text])).toEqual([
      ['marketing', 'Fit'],
      ['sales', 'Budget and timing'],
    ]);
    expect(visibleDrafts(s.drafts, s.privateRound, { team: 'marketing' })).toHaveLength(1);
    revealRound(doc, true, 50);
    const after = readFacilitation(doc);
    expect(after.privateRound).toMatchObject({ status: 'revealed', hideAuthors: true, revealedAt: 50 });
    expect(visibleDrafts(after.drafts, after.privateRound, { team: 'marketing' })).toHaveLength(2);
    expect(() => writeDraft(doc, draft('sales', 'sql', 'late'))).toThrow(InvalidEditError);
    startRound(doc, round('drafting', { blockId: 'b3' }));
  });

  it('reads damaged items as absent and says where', () => {
    const doc = sampleDoc();
    addParkingItem(doc, { id: 'q1', question: 'Who owns SAL?', ownerId: null, due: null, status: 'open', createdAt: 1 });
    doc.transact(() => {
      const p = doc.getMap<unknown>('facilitation');
      p.set('timer', { blockId: 'b1', startedAt: 'soon' });
      p.set('agenda', [
        { id: 'ok', title: 'Intro', step: 'intro', durationMinutes: 10, privateDrafting: false },
        { id: 'bad', durationMinutes: -1 },
      ]);
      (p.get('parkingLot') as Y.Map<unknown>).set('q2', { id: 'q2', question: 42 });
      p.set('locks', 'all');
    });
    const { state, problems } = readFacilitationChecked(doc);
    expect(state.timer).toBeNull();
    expect(state.agenda.map((b) => b.id)).toEqual(['ok']);
    expect(state.parkingLot.map((q) => q.id)).toEqual(['q1']);
    expect(state.locks).toEqual({});
    expect(problems.map((p) => p.path).sort()).toEqual(['facilitation.agenda.1', 'facilitation.parkingLot.q2', 'facilitation.timer']);
  });

  it('saves in a .pacto file and comes back whole', () => {
    const doc = sampleDoc();
    writeAgenda(doc, [{ id: 'b1', title: 'Intro', step: 'intro', durationMinutes: 10, privateDrafting: false }]);
    writeRun(doc, { currentBlockId: 'b1', timer: startTimer('b1', 600_000, 1000, 250) });
    addDecision(doc, { id: 'd1', what: 'SAL is a stage', why: '', decidedBy: ['sales'], links: [], decidedAt: 3 });
    lockSectionInDoc(doc, 'sla', 'Ana', 4);
    const bytes = encodePactoFile({
      workshopId: 'w1',
      yjsUpdate: Y.encodeStateAsUpdate(doc),
      content: readWorkshop(doc),
      versions: [],
      signatures: [],
      audit: [],
      appVersion: '0.1.0',
      createdAt: '2026-12-02T09:00:00Z',
      modifiedAt: '2026-12-02T10:00:00Z',
    });
    const decoded = decodePactoFile(bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const back = new Y.Doc();
    Y.applyUpdate(back, decoded.value.yjsUpdate);
    expect(readFacilitation(back)).toEqual(readFacilitation(doc));
  });

  it('a separate copy keeps the facilitation state', () => {
    const doc = sampleDoc();
    addDecision(doc, { id: 'd1', what: 'SAL is a stage', why: '', decidedBy: ['sales'], links: [], decidedAt: 3 });
    openVote(doc, vote('dots'));
    castBallot(doc, 'v1', 'p1', { team: 'sales', name: 'B', dots: { g1: 1 } });
    expect(readFacilitation(freshCopyOfDoc(doc))).toEqual(readFacilitation(doc));
  });
});

describe('locks', () => {
  it('every lockable section maps to the document parts that hold it', () => {
    for (const section of LOCKABLE_SECTIONS) for (const p of SECTION_PARTS[section]) expect(sectionOfPart(p)).toBe(section);
    expect(sectionOfPart('meta')).toBeNull();
    expect(sectionOfPart('facilitation')).toBeNull();
  });

  it('finds the locked section an edit would change, without changing the document', () => {
    const doc = sampleDoc();
    const content = readWorkshop(doc);
    const term = content.terms[0]!;
    const stage = content.funnels.agreed.stages[0]!;
    expect(lockedSectionTouched(doc, (d) => updateTerm(d, term.id, { name: 'X' }))).toBeNull();
    lockSectionInDoc(doc, 'glossary', 'Ana', 1);
    const sv = Y.encodeStateVector(doc);
    expect(lockedSectionTouched(doc, (d) => updateTerm(d, term.id, { name: 'X' }))).toBe('glossary');
    expect(lockedSectionTouched(doc, (d) => updateTerm(d, term.id, { definition: 'New words' }))).toBe('glossary');
    expect(lockedSectionTouched(doc, (d) => addTerm(d, { ...term, id: 'new-term' }))).toBe('glossary');
    // Other sections and facilitation itself stay editable.
    expect(lockedSectionTouched(doc, (d) => updateStage(d, 'agreed', stage.id, { name: 'Y' }))).toBeNull();
    expect(lockedSectionTouched(doc, (d) => addParkingItem(d, { id: 'q', question: 'Q?', ownerId: null, due: null, status: 'open', createdAt: 1 }))).toBeNull();
    // An edit that throws is not blamed on the lock: the real run reports its own error.
    expect(lockedSectionTouched(doc, (d) => updateTerm(d, 'missing', { name: 'X' }))).toBeNull();
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    expect(readWorkshop(doc).terms[0]!.name).toBe(term.name);

    lockSectionInDoc(doc, 'targets', 'Ana', 2);
    expect(lockedSectionTouched(doc, (d) => updateTargets(d, { revenueTarget: 2_000_000 }))).toBe('targets');
    expect(lockedSectionTouched(doc, (d) => updatePlanSettings(d, { salesReps: 4 }))).toBe('targets');
    unlockSectionInDoc(doc, 'glossary');
    expect(lockedSectionTouched(doc, (d) => updateTerm(d, term.id, { name: 'X' }))).toBeNull();
    expect(() => lockSectionInDoc(doc, 'targets', 'Ana', 3)).toThrow(InvalidEditError);
  });

  it('catches a write nested deep inside a section (a rich-text fragment of a term)', () => {
    const doc = sampleDoc();
    lockSectionInDoc(doc, 'glossary', 'Ana', 1);
    const write = (d: Y.Doc) => {
      const terms = d.getArray<Y.Map<unknown>>('terms');
      const fragment = terms.get(0).get('definition') as Y.XmlFragment;
      d.transact(() => fragment.insert(0, [new Y.XmlText('x')]), LOCAL_ORIGIN);
    };
    expect(lockedSectionTouched(doc, write)).toBe('glossary');
  });
});

describe('the lock check of the edit path', () => {
  /** One edit through the lock check, as `edit()` runs it: the locked section, or null once written. */
  function run(edits: ReturnType<typeof lockedEdits>, write: (d: Y.Doc) => void, origin: unknown = LOCAL_ORIGIN) {
    const prepared = edits.prepare(write, origin);
    if (prepared.locked) return prepared.locked;
    prepared.commit();
    return null;
  }

  it('writes an allowed edit under a lock once, as one undoable transaction, without changing the document’s client id', () => {
    const doc = sampleDoc();
    lockSectionInDoc(doc, 'glossary', 'Ana', 1);
    const edits = lockedEdits(doc);
    const undo = new Y.UndoManager(doc, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const clientID = doc.clientID;
    const stage = readWorkshop(doc).funnels.agreed.stages[0]!;
    const transactions: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => transactions.push(tr.origin));
    expect(run(edits, (d) => updateStage(d, 'agreed', stage.id, { name: 'Lead (agreed)' }))).toBeNull();
    expect(transactions).toEqual([LOCAL_ORIGIN]);
    expect(readWorkshop(doc).funnels.agreed.stages[0]!.name).toBe('Lead (agreed)');
    expect(doc.clientID).toBe(clientID);
    undo.undo();
    expect(readWorkshop(doc).funnels.agreed.stages[0]!.name).toBe(stage.name);
    edits.destroy();
  });

  it('refuses an edit of the locked section and writes nothing; the next edits (and what arrives meanwhile) go on as before', () => {
    const doc = sampleDoc();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    lockSectionInDoc(doc, 'glossary', 'Ana', 1);
    const edits = lockedEdits(doc);
    const term = readWorkshop(doc).terms[0]!;
    const stage = readWorkshop(doc).funnels.agreed.stages[0]!;
    const sv = Y.encodeStateVector(doc);
    expect(run(edits, (d) => updateTerm(d, term.id, { name: 'X' }))).toBe('glossary');
    expect(Y.encodeStateVector(doc)).toEqual(sv);
    // Another laptop's change arrives; the next edit builds on it.
    updateStage(other, 'agreed', stage.id, { name: 'Lead (theirs)' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    expect(run(edits, (d) => updateStage(d, 'agreed', stage.id, { ownerTeam: 'sales' }))).toBeNull();
    expect(run(edits, (d) => updateStage(d, 'agreed', stage.id, { name: `${readWorkshop(d).funnels.agreed.stages[0]!.name}!` }))).toBeNull();
    expect(readWorkshop(doc).funnels.agreed.stages[0]).toMatchObject({ name: 'Lead (theirs)!', ownerTeam: 'sales' });
    expect(readWorkshop(doc).terms[0]).toEqual(term);
    // Everything written under the lock reaches another copy whole (nothing pending).
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)));
    expect(readWorkshop(other)).toEqual(readWorkshop(doc));
    expect(other.store.pendingStructs).toBeNull();
    // Unlocked: edits run on the document itself again.
    unlockSectionInDoc(doc, 'glossary');
    expect(run(edits, (d) => updateTerm(d, term.id, { name: 'MQL (agreed)' }))).toBeNull();
    expect(readWorkshop(doc).terms[0]!.name).toBe('MQL (agreed)');
    edits.destroy();
  });

  it('an edit that throws under a lock writes what it wrote before throwing, then throws, as it does without a lock', () => {
    const doc = sampleDoc();
    lockSectionInDoc(doc, 'glossary', 'Ana', 1);
    const edits = lockedEdits(doc);
    const stage = readWorkshop(doc).funnels.agreed.stages[0]!;
    expect(() =>
      run(edits, (d) => {
        updateStage(d, 'agreed', stage.id, { name: 'Half done' });
        updateStage(d, 'agreed', 'missing', { name: 'Y' });
      }),
    ).toThrow(NotFoundError);
    expect(readWorkshop(doc).funnels.agreed.stages[0]!.name).toBe('Half done');
    // A cancelled edit is dropped.
    const prepared = edits.prepare((d) => updateStage(d, 'agreed', stage.id, { name: 'Never' }), LOCAL_ORIGIN);
    if (prepared.locked) throw new Error('not locked');
    prepared.cancel();
    expect(run(edits, (d) => updateStage(d, 'agreed', stage.id, { ownerTeam: 'sales' }))).toBeNull();
    expect(readWorkshop(doc).funnels.agreed.stages[0]).toMatchObject({ name: 'Half done', ownerTeam: 'sales' });
    edits.destroy();
  });
});

describe('what the agreement records', () => {
  it('decisions oldest first and open questions by due date, owners named; done questions left out', () => {
    const doc = sampleDoc();
    const people = readWorkshop(doc).participants;
    addDecision(doc, {
      id: 'd2',
      what: 'MQL needs a fit score of 60',
      why: 'Sales rejected 40 %',
      decidedBy: ['marketing', 'sales'],
      links: [{ kind: 'term', id: 'mql', label: 'MQL' }],
      decidedAt: 20,
    });
    addDecision(doc, {
      id: 'd1',
      what: 'SAL is a stage',
      why: '',
      decidedBy: ['sales'],
      links: [{ kind: 'gap', id: 'g1', label: 'SAL missing' }],
      decidedAt: 10,
    });
    addParkingItem(doc, { id: 'q1', question: 'Who calls inbound leads at night?', ownerId: people[0]!.id, due: '2027-01-15', status: 'open', createdAt: 1 });
    addParkingItem(doc, { id: 'q2', question: 'Which CRM field holds the fit score?', ownerId: null, due: null, status: 'open', createdAt: 2 });
    addParkingItem(doc, { id: 'q3', question: 'Answered already', ownerId: null, due: '2026-12-10', status: 'open', createdAt: 3 });
    addParkingItem(doc, { id: 'q4', question: 'Due first', ownerId: 'gone', due: '2026-12-20', status: 'open', createdAt: 4 });
    updateParkingItem(doc, 'q3', { status: 'done' });
    const record = agreementRecord(readFacilitation(doc), people)!;
    expect(record.decisions.map((d) => d.id)).toEqual(['d1', 'd2']);
    expect(record.followUps.map((f) => [f.id, f.ownerName])).toEqual([
      ['q4', null],
      ['q1', people[0]!.name],
      ['q2', null],
    ]);
    expect(agreementRecord(EMPTY_FACILITATION, people)).toBeNull();
  });

  it('freezes with the version (covered by the fingerprint); without any, the snapshot is as before', () => {
    const content = sampleWorkshop('2026-11-30');
    const now = new Date('2026-12-02T10:00:00Z');
    const plain = freezeVersion('w1', 1, content, now);
    expect(readSnapshot(plain).facilitation).toBeUndefined();
    expect(plain.snapshotJson).not.toContain('facilitation');
    const record = { decisions: [{ id: 'd1', what: 'SAL is a stage', why: '', decidedBy: ['sales' as const], links: [], decidedAt: 10 }], followUps: [] };
    const withRecord = freezeVersion('w1', 1, content, now, undefined, record);
    expect(readSnapshot(withRecord).facilitation).toEqual(record);
    expect(withRecord.fingerprint).not.toBe(plain.fingerprint);
  });
});

void FACILITATION_ORIGIN;
