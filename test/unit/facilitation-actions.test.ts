/**
 * Facilitation's named intents (renderer/features/facilitation/actions.ts)
 * on an open workshop session: facilitator-only intents refused for other
 * seats, the agenda and its timer driven from the actions, "add five
 * minutes" both ways, private drafting by seat, votes, decisions and the
 * parking lot, and locks made real: every feature's edit of a locked section
 * is refused by the edit path (nothing written, a notice naming the section),
 * and the audit trail records the lock and the unlock.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { readAudit } from '../../renderer/data/audit';
import { db } from '../../renderer/data/instance';
import { setSeat } from '../../renderer/data/seat';
import { activeDoc, closeSession, freeze, openSession, undo } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { useAppStore } from '../../renderer/store';
import { editTerm } from '../../renderer/features/glossary/actions';
import { editCommitment } from '../../renderer/features/sla/actions';
import { editParticipant } from '../../renderer/features/participants/actions';
import { readSnapshot } from '../../shared/agreement/version';
import { readFacilitation } from '../../shared/facilitation/facilitation-doc';
import { timerView } from '../../shared/facilitation/timer';
import { visibleDrafts } from '../../shared/facilitation/drafting';
import { tallyVote } from '../../shared/facilitation/votes';
import * as actions from '../../renderer/features/facilitation/actions';
import { setRoomClockOffset } from '../../renderer/features/facilitation/hooks';

const state = () => readFacilitation(activeDoc()!);
const content = () => useAppStore.getState().session!.content;

const guest = (team: 'marketing' | 'sales' | 'leadership', participantId: string | null, role: 'participant' | 'projector' = 'participant') =>
  setSeat({ inRoom: true, role, identity: { deviceId: `dev-${team}-0001`, deviceName: '', name: `Guest ${team}`, team, participantId, role } });
const host = () =>
  setSeat({
    inRoom: true,
    role: 'facilitator',
    identity: { deviceId: 'dev-host-0001', deviceName: '', name: 'Host', team: 'leadership', participantId: null, role: 'facilitator' },
  });
const alone = () => setSeat({ inRoom: false, role: 'facilitator', identity: null });

beforeEach(async () => {
  alone();
  setRoomClockOffset(0);
  await openSession(db, await createWorkshop(db, sampleWorkshop('2026-11-30')));
});
afterEach(() => {
  closeSession();
  alone();
});

describe('the agenda and the timer', () => {
  it('runs the sample workshop from a template: start, five more minutes keeping the end, next block, end', () => {
    expect(actions.startWorkshop()).toEqual({ '': 'emptyAgenda' });
    expect(actions.applyAgendaTemplate('standard-3h')).toBeNull();
    const agenda = state().agenda;
    expect(agenda[0]!.title).toBe('Bienvenida, objetivos y participantes');
    expect(actions.startWorkshop()).toBeNull();
    let s = state();
    expect(s.currentBlockId).toBe(agenda[0]!.id);
    expect(s.timer).toMatchObject({ blockId: agenda[0]!.id, durationMs: 10 * 60_000, pausedAt: null });
    const end = s.agenda.reduce((n, b) => n + b.durationMinutes, 0);

    expect(actions.addFiveMinutes('keep-end')).toBeNull();
    s = state();
    expect(s.agenda[0]!.durationMinutes).toBe(15);
    expect(s.timer!.durationMs).toBe(15 * 60_000);
    expect(s.agenda.reduce((n, b) => n + b.durationMinutes, 0)).toBe(end);

    expect(actions.addFiveMinutes('move-end')).toBeNull();
    expect(state().agenda.reduce((n, b) => n + b.durationMinutes, 0)).toBe(end + 5);

    // The timer is not undone: Ctrl+Z after adding time leaves the timer alone.
    undo();
    expect(state().timer!.durationMs).toBe(20 * 60_000);

    expect(actions.nextBlock()).toBeNull();
    expect(state().currentBlockId).toBe(agenda[1]!.id);
    expect(actions.pauseTimer()).toBeNull();
    expect(state().timer!.pausedAt).not.toBeNull();
    expect(actions.resumeTimer()).toBeNull();
    expect(actions.endWorkshop()).toBeNull();
    expect(state()).toMatchObject({ currentBlockId: null, timer: null });
  });

  it('a timer written on a laptop with a skewed clock reads right on the host', () => {
    actions.applyAgendaTemplate('compact-2h');
    // This laptop's clock is 3 minutes behind the host's.
    setRoomClockOffset(180_000);
    actions.startWorkshop();
    const timer = state().timer!;
    expect(timer.clockOffsetMs).toBe(180_000);
    const onHost = timerView(timer, Date.now() + 180_000, 0);
    expect(onHost.remainingMs).toBeGreaterThan(4 * 60_000);
    expect(onHost.remainingMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('moves a block and keeps its duration; agenda edits undo', () => {
    actions.applyAgendaTemplate('standard-3h');
    const before = state().agenda;
    expect(actions.moveAgendaBlock(before[7]!.id, 0)).toBeNull();
    expect(state().agenda[0]).toEqual(before[7]);
    undo();
    expect(state().agenda).toEqual(before);
    expect(actions.editAgendaBlock(before[1]!.id, { durationMinutes: 0 })).toEqual({ '1.durationMinutes': 'blockMinutes' });
  });
});

describe('the facilitator rule', () => {
  it('a participant cannot run the workshop, end private mode, close votes or unlock; the host and the named participant can', () => {
    actions.applyAgendaTemplate('standard-3h');
    actions.openVote({ id: 'v1', kind: 'consent', question: 'Can you live with SAL?', targets: [{ kind: 'stage', id: 'stage-sal', label: 'SAL' }] });
    actions.startPrivateDrafting(state().agenda[1]!.id);
    actions.lockSection('sla');
    const someone = content().participants.find((p) => p.team === 'sales')!;
    guest('sales', someone.id);
    expect(actions.startWorkshop()).toEqual(actions.FACILITATOR_ONLY);
    expect(actions.revealDrafts(false)).toEqual(actions.FACILITATOR_ONLY);
    expect(actions.closeVote('v1')).toEqual(actions.FACILITATOR_ONLY);
    expect(actions.unlockSection('sla')).toEqual(actions.FACILITATOR_ONLY);
    expect(actions.recordDecision({ what: 'x', why: '', decidedBy: [], links: [] })).toEqual(actions.FACILITATOR_ONLY);
    expect(state().privateRound!.status).toBe('drafting');
    // But they vote and park questions.
    expect(actions.castVote('v1', { consent: 'live-with' })).toBeNull();
    expect(actions.parkQuestion({ question: 'Who owns SAL?', ownerId: someone.id, due: '2027-01-10' })).toBeNull();

    host();
    expect(actions.nameFacilitator(someone.id)).toBeNull();
    guest('sales', someone.id);
    expect(actions.revealDrafts(true)).toBeNull();
    expect(actions.closeVote('v1')).toBeNull();
    expect(actions.unlockSection('sla')).toBeNull();

    guest('marketing', null, 'projector');
    expect(actions.parkQuestion({ question: 'x?', ownerId: null, due: null })).toEqual({ '': 'readOnlySeat' });
  });
});

describe('private drafting by seat', () => {
  it('each team drafts as its seat; the other team and the projector see nothing until the reveal', () => {
    actions.applyAgendaTemplate('extended-4h');
    const glossaryDraft = state().agenda.find((b) => b.step === 'glossary' && b.privateDrafting)!;
    actions.goToBlock(glossaryDraft.id);
    expect(actions.startPrivateDrafting()).toBeNull();
    const mql = { kind: 'term' as const, id: content().terms[1]!.id, label: content().terms[1]!.name };
    guest('marketing', null);
    expect(actions.saveDraft(mql, { text: 'Fit ≥ 60 and two engagements' })).toBeNull();
    guest('sales', null);
    expect(actions.saveDraft(mql, { text: 'Budget, authority and a project' })).toBeNull();
    guest('leadership', null);
    expect(actions.saveDraft(mql, { text: 'x' })).toEqual({ '': 'noParty' });
    const s = state();
    expect(visibleDrafts(s.drafts, s.privateRound, { team: 'marketing' }).map((d) => d.text)).toEqual(['Fit ≥ 60 and two engagements']);
    expect(visibleDrafts(s.drafts, s.privateRound, { team: null })).toEqual([]);
    alone();
    expect(actions.adoptDraft(s.drafts[0]!.id)).toEqual({ privateRound: 'roundOpen' });
    expect(actions.revealDrafts(true)).toBeNull();
    const after = state();
    expect(visibleDrafts(after.drafts, after.privateRound, { team: null }).map((d) => [d.party, d.authorName])).toEqual([
      ['marketing', null],
      ['sales', null],
    ]);
    const sales = after.drafts.find((d) => d.party === 'sales')!;
    expect(actions.adoptDraft(sales.id)).toBeNull();
    expect(content().terms[1]!.definition).toContain('Budget, authority and a project');
  });
});

describe('votes, decisions and the parking lot', () => {
  it('a dot vote tallied by team, a decision linked to a gap, questions frozen as follow-ups', async () => {
    actions.openVote({
      id: 'v1',
      kind: 'dots',
      question: 'Which gap first?',
      dotsPerVoter: 3,
      targets: [
        { kind: 'gap', id: 'g1', label: 'SAL' },
        { kind: 'gap', id: 'g2', label: 'MQL → SQL rate' },
      ],
    });
    guest('marketing', null);
    expect(actions.castVote('v1', { dots: { g1: 2, g2: 1 } })).toBeNull();
    guest('sales', null);
    expect(actions.castVote('v1', { dots: { g2: 4 } })).toEqual({ dots: 'tooManyDots' });
    expect(actions.castVote('v1', { dots: { g2: 3 } })).toBeNull();
    alone();
    expect(actions.castVote('v1', { dots: { g1: 1 } }, { id: 'p-lead', name: 'Dir', team: 'leadership' })).toBeNull();
    expect(actions.closeVote('v1')).toBeNull();
    expect(actions.castVote('v1', { dots: { g1: 1 } }, { id: 'p-late', name: 'Late', team: 'sales' })).toEqual({ '': 'voteClosed' });
    const tally = tallyVote(state().votes[0]!);
    expect(tally.dots.map((d) => [d.targetId, d.total, d.byTeam.sales])).toEqual([
      ['g2', 4, 3],
      ['g1', 3, 0],
    ]);

    expect(actions.recordDecision({ what: '', why: '', decidedBy: [], links: [] })).toEqual({ what: 'required' });
    expect(
      actions.recordDecision({
        what: 'SAL becomes a stage of the agreed funnel',
        why: 'Sales accepts leads before qualifying',
        decidedBy: ['marketing', 'sales'],
        links: [{ kind: 'gap', id: 'g1', label: 'SAL' }],
      }),
    ).toBeNull();
    const owner = content().participants[0]!;
    expect(actions.parkQuestion({ question: 'Which CRM field holds the fit score?', ownerId: owner.id, due: '2027-01-15' })).toBeNull();
    expect(actions.parkQuestion({ question: 'Already answered', ownerId: null, due: null })).toBeNull();
    expect(actions.editParkedQuestion(state().parkingLot.find((q) => q.question === 'Already answered')!.id, { status: 'done' })).toBeNull();
    expect(actions.parkQuestion({ question: 'Bad date', ownerId: null, due: '15/01/2027' })).toHaveProperty('due');

    const number = await freeze(db);
    const version = (await db.versions.where('workshopId').equals(useAppStore.getState().session!.id).toArray()).find((v) => v.number === number)!;
    const record = readSnapshot(version).facilitation!;
    expect(record.decisions.map((d) => d.what)).toEqual(['SAL becomes a stage of the agreed funnel']);
    expect(record.followUps).toEqual([expect.objectContaining({ question: 'Which CRM field holds the fit score?', ownerName: owner.name, due: '2027-01-15' })]);
  });
});

describe('locks on the edit path', () => {
  it('refuses every feature’s edit of a locked section, writes nothing, says which section; the trail records lock and unlock', async () => {
    const term = content().terms[0]!;
    const commitment = content().sla.commitments[0]!;
    expect(actions.lockSection('glossary')).toBeNull();
    expect(actions.lockSection('glossary')).toEqual({ section: 'alreadyLocked' });
    expect(editTerm(term.id, { name: 'Changed' })).toEqual({ '': 'locked' });
    expect(content().terms[0]!.name).toBe(term.name);
    expect(useAppStore.getState().notice).toMatchObject({ kind: 'error', key: 'facilitation.lockedNotice.glossary' });
    // Other sections stay editable.
    expect(editCommitment(commitment.id, { target: commitment.target + 1 })).toBeNull();
    actions.lockSection('participants');
    expect(editParticipant(content().participants[0]!.id, { title: 'CMO' })).toEqual({ '': 'locked' });
    // Unlocked, the same edit goes through.
    expect(actions.unlockSection('glossary')).toBeNull();
    expect(editTerm(term.id, { name: 'Changed' })).toBeNull();
    expect(content().terms[0]!.name).toBe('Changed');
    // Undo does not unlock.
    undo();
    undo();
    expect(state().locks.participants).toBeDefined();

    const id = useAppStore.getState().session!.id;
    await expect
      .poll(async () => (await readAudit(db, id)).filter((e) => e.type === 'locked' || e.type === 'unlocked').map((e) => [e.type, e.details['section']]))
      .toEqual([
        ['locked', 'glossary'],
        ['locked', 'participants'],
        ['unlocked', 'glossary'],
      ]);
  });
});
