/**
 * The facilitation screens on a real open workshop (fake IndexedDB, the
 * sample workshop, this laptop the facilitator's seat as outside a room):
 * the agenda (template, start times, keyboard reorder, start), the timer bar
 * (+5 min keeping or moving the end, the time-up signal), presenter mode,
 * following the facilitator, votes with results by team, decisions and the
 * parking lot, private drafting then reveal, and locks. Each part is also
 * checked with axe (jsdom cannot judge colour contrast: the e2e test does).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectAxeClean } from './axe';
import { sampleWorkshop } from '../../shared/sample/standard-content';
import { readFacilitation, writeRun } from '../../shared/facilitation/facilitation-doc';
import { startTimer } from '../../shared/facilitation/timer';
import { totalMinutes } from '../../shared/facilitation/agenda';
import { db } from '../../renderer/data/instance';
import { activeDoc, closeSession, edit, openSession } from '../../renderer/data/session';
import { createWorkshop } from '../../renderer/data/workshops';
import { initI18n } from '../../renderer/i18n';
import { useAppStore } from '../../renderer/store';
import { AgendaScreen } from '../../renderer/features/facilitation/AgendaScreen';
import { TimerBar } from '../../renderer/features/facilitation/TimerBar';
import { PRESENTER_TYPE_PX, PresenterMode } from '../../renderer/features/facilitation/PresenterMode';
import { VotesPanel } from '../../renderer/features/facilitation/VotesPanel';
import { DecisionsPanel, ParkingPanel } from '../../renderer/features/facilitation/DecisionLog';
import { PrivateDraftingPanel } from '../../renderer/features/facilitation/PrivateDrafting';
import { LockedSection, LocksPanel } from '../../renderer/features/facilitation/Locks';
import { FacilitationPanel } from '../../renderer/features/facilitation/FacilitationPanel';
import { applyAgendaTemplate, bringEveryoneHere, startWorkshop } from '../../renderer/features/facilitation/actions';
import { setDraftingParty } from '../../renderer/features/facilitation/hooks';
import { useFacilitationUi } from '../../renderer/features/facilitation/view';

beforeAll(async () => {
  await initI18n('es');
});

let workshopId = '';
beforeEach(async () => {
  useAppStore.getState().setLanguage('es');
  useFacilitationUi.setState({ following: null, voteAsId: null, presenter: false, panel: null, lastStep: null });
  setDraftingParty(null);
  workshopId = await createWorkshop(db, sampleWorkshop('2026-11-30'));
  await openSession(db, workshopId);
  useAppStore.getState().navigate({ screen: 'workshop', id: workshopId, step: 'agenda' });
});

afterEach(() => {
  cleanup();
  closeSession();
});

const facilitation = () => readFacilitation(activeDoc()!);

describe('Agenda step', () => {
  it('applies a template, times each block from the one before, reorders with Alt+↓ (focus kept, announced) and starts the workshop', async () => {
    const user = userEvent.setup();
    const { container } = render(<AgendaScreen />);
    expect(screen.getByText(/La agenda está vacía/)).toBeTruthy();
    await user.selectOptions(screen.getByTestId('agenda-template'), 'standard-3h');
    await user.click(screen.getByTestId('agenda-apply-template'));
    const blocks = await screen.findAllByTestId('agenda-block');
    const agenda = facilitation().agenda;
    expect(blocks).toHaveLength(agenda.length);
    expect(agenda.length).toBeGreaterThan(5);

    // Start times: 09:00 planned, each block starts when the one before ends.
    const start = screen.getByTestId('agenda-start') as HTMLInputElement;
    await user.clear(start);
    await user.type(start, '09:00');
    await waitFor(() => expect(screen.getAllByTestId('agenda-block-start')[0]!.textContent).toMatch(/09:00/));
    const second = 9 * 60 + agenda[0]!.durationMinutes;
    const hhmm = `${String(Math.floor(second / 60)).padStart(2, '0')}:${String(second % 60).padStart(2, '0')}`;
    expect(screen.getAllByTestId('agenda-block-start')[1]!.textContent).toContain(hhmm);

    // Keyboard: Alt+↓ on the first block's handle moves it down one; focus stays on its handle.
    const [first, next] = [agenda[0]!, agenda[1]!];
    const handle = screen.getAllByTestId('agenda-handle')[0]!;
    handle.focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() =>
      expect(
        facilitation()
          .agenda.slice(0, 2)
          .map((b) => b.id),
      ).toEqual([next.id, first.id]),
    );
    expect(document.activeElement).toBe(screen.getAllByTestId('agenda-handle')[1]);
    expect(screen.getByTestId('agenda-announce').textContent).toBe(`«${first.title}» movido a la posición 2 de ${agenda.length}.`);
    // Reordering keeps the total (durations travel with their blocks).
    expect(totalMinutes(facilitation().agenda)).toBe(totalMinutes(agenda));

    await expectAxeClean(container);

    await user.click(screen.getByTestId('agenda-start-workshop'));
    await waitFor(() => expect(facilitation().currentBlockId).toBe(next.id));
    expect(facilitation().timer?.blockId).toBe(next.id);
    expect(screen.getAllByTestId('agenda-block')[0]!.getAttribute('aria-current')).toBe('step');
  });

  it('opens each block’s step: Compare opens the funnel step on its Compare tab', async () => {
    const user = userEvent.setup();
    expect(applyAgendaTemplate('standard-3h')).toBeNull();
    render(<AgendaScreen />);
    const index = facilitation().agenda.findIndex((b) => b.step === 'compare');
    await user.click(screen.getAllByTestId('agenda-block-open')[index]!);
    expect(useAppStore.getState().route).toEqual({ screen: 'workshop', id: workshopId, step: 'funnel', focus: 'compare' });
  });
});

describe('Timer bar', () => {
  it('shows the current block and its time on every step; +5 min keeps the end (the rest shrinks) or moves it', async () => {
    const user = userEvent.setup();
    applyAgendaTemplate('standard-3h');
    startWorkshop();
    const { container } = render(<TimerBar />);
    const current = facilitation().agenda[0]!;
    expect(screen.getByTestId('timer').textContent).toContain(current.title);
    expect(screen.getByTestId('timer-digits').textContent).toMatch(/^\d+:\d\d$/);
    expect(screen.getByRole('timer').getAttribute('aria-label')).toMatch(new RegExp(`Quedan \\d+:\\d\\d de «${current.title}»`));
    const total = totalMinutes(facilitation().agenda);

    await user.click(screen.getByTestId('timer-add-five'));
    const choice = screen.getByTestId('extend-choice');
    expect(document.activeElement).toBe(within(choice).getByTestId('extend-keep-end'));
    await expectAxeClean(container);
    await user.click(within(choice).getByTestId('extend-keep-end'));
    await waitFor(() => expect(facilitation().agenda[0]!.durationMinutes).toBe(current.durationMinutes + 5));
    expect(totalMinutes(facilitation().agenda)).toBe(total);
    expect(facilitation().timer!.durationMs).toBe((current.durationMinutes + 5) * 60_000);

    await user.click(screen.getByTestId('timer-add-five'));
    await user.click(screen.getByTestId('extend-move-end'));
    await waitFor(() => expect(totalMinutes(facilitation().agenda)).toBe(total + 5));
    expect(screen.queryByTestId('extend-choice')).toBeNull();

    // Escape closes the choice without adding anything.
    await user.click(screen.getByTestId('timer-add-five'));
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('extend-choice')).toBeNull();
    expect(totalMinutes(facilitation().agenda)).toBe(total + 5);
  });

  it('signals gently when time is up: the timer changes look and a polite live region says it', async () => {
    applyAgendaTemplate('standard-3h');
    const block = facilitation().agenda[0]!;
    render(<TimerBar />);
    expect(screen.getByTestId('time-up').getAttribute('aria-live')).toBe('polite');
    expect(screen.getByTestId('time-up').textContent).toBe('');
    // The block started two minutes ago for one minute: over time.
    act(() => {
      edit((doc) => writeRun(doc, { currentBlockId: block.id, timer: startTimer(block.id, 60_000, Date.now() - 120_000, 0) }));
    });
    await waitFor(() => expect(screen.getByTestId('timer').getAttribute('data-over')).toBe('true'));
    expect(screen.getByTestId('timer').className).toContain('timer--over');
    expect(screen.getByTestId('time-up').textContent).toBe(`Se acabó el tiempo de «${block.title}».`);
    expect(screen.getByTestId('timer-digits').textContent).toMatch(/^\+/);
  });

  it('pauses and resumes (facilitator), and the next block follows', async () => {
    const user = userEvent.setup();
    applyAgendaTemplate('standard-3h');
    startWorkshop();
    render(<TimerBar />);
    await user.click(screen.getByTestId('timer-pause'));
    await waitFor(() => expect(facilitation().timer!.pausedAt).not.toBeNull());
    expect(screen.getByTestId('timer').textContent).toContain('En pausa');
    await user.click(screen.getByTestId('timer-resume'));
    await waitFor(() => expect(facilitation().timer!.pausedAt).toBeNull());
    const second = facilitation().agenda[1]!;
    await user.click(screen.getByTestId('timer-next'));
    await waitFor(() => expect(facilitation().currentBlockId).toBe(second.id));
  });
});

describe('Follow the facilitator', () => {
  it('a screen that follows goes where the facilitator brought everyone; one that does not stays', async () => {
    applyAgendaTemplate('standard-3h');
    useAppStore.getState().navigate({ screen: 'workshop', id: workshopId, step: 'glossary' });
    render(<TimerBar />);
    // This facilitator's screen does not follow by default: it leads.
    act(() => {
      bringEveryoneHere('sla', null);
    });
    await screen.findByTestId('follow-toggle');
    expect(useAppStore.getState().route).toMatchObject({ step: 'glossary' });
    // Following on (a projector window of the same laptop): it goes to the facilitator's step.
    await userEvent.click(screen.getByTestId('follow-toggle'));
    await waitFor(() => expect(useAppStore.getState().route).toMatchObject({ step: 'sla' }));
    act(() => {
      bringEveryoneHere('compare', null);
    });
    await waitFor(() => expect(useAppStore.getState().route).toMatchObject({ step: 'funnel', focus: 'compare' }));
  });
});

describe('Presenter mode', () => {
  it('shows the current block, its timer, what is next and the item under discussion; Escape leaves it', async () => {
    const user = userEvent.setup();
    applyAgendaTemplate('standard-3h');
    startWorkshop();
    const term = useAppStore.getState().session!.content.terms[1]!;
    bringEveryoneHere('glossary', term.id);
    render(
      <>
        <TimerBar />
        <PresenterMode />
      </>,
    );
    const [first, second] = facilitation().agenda;
    await user.click(screen.getByTestId('presenter-open'));
    const dialog = screen.getByRole('dialog', { name: first!.title });
    expect(within(dialog).getByTestId('presenter-block').textContent).toBe(first!.title);
    expect(within(dialog).getByTestId('timer-digits').textContent).toMatch(/^\d+:\d\d$/);
    expect(within(dialog).getByTestId('presenter-item').textContent).toContain(term.name);
    expect(dialog.textContent).toContain(`Después: ${second!.title}`);
    // The minimum sizes are the stated constants, given to the CSS.
    expect(dialog.style.getPropertyValue('--presenter-min')).toBe(`${PRESENTER_TYPE_PX.minText}px`);
    expect(PRESENTER_TYPE_PX.minText).toBeGreaterThanOrEqual(24);
    expect(document.activeElement).toBe(within(dialog).getByTestId('presenter-close'));
    await expectAxeClean(dialog);
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('presenter')).toBeNull();
    expect(document.activeElement).toBe(screen.getByTestId('presenter-open'));
  });
});

describe('Votes', () => {
  it('opens a dot vote on two terms, records ballots for people of each team at the shared screen, tallies by team and closes', async () => {
    const user = userEvent.setup();
    const { container } = render(<VotesPanel />);
    const terms = useAppStore.getState().session!.content.terms;
    await user.type(screen.getByTestId('vote-question'), '¿Qué definición discutimos primero?');
    const options = screen.getAllByTestId('vote-target');
    const termLabel = (i: number) => (terms[i]!.acronym ? `${terms[i]!.acronym} — ${terms[i]!.name}` : terms[i]!.name);
    await user.click(screen.getByLabelText(termLabel(1)));
    await user.click(screen.getByLabelText(termLabel(2)));
    expect(options.length).toBeGreaterThan(2);
    await user.click(screen.getByTestId('vote-open'));
    const vote = await screen.findByTestId('vote');
    expect(within(vote).getByText('Abierta')).toBeTruthy();

    await user.selectOptions(screen.getByTestId('vote-as'), 'p-lucia');
    await user.click(within(vote).getByRole('button', { name: `Poner un punto en «${termLabel(1)}»` }));
    await user.click(within(vote).getByRole('button', { name: `Poner un punto en «${termLabel(1)}»` }));
    await waitFor(() => expect(within(vote).getByTestId('dots-left').textContent).toBe('Te quedan 1 de 3 puntos'));
    await user.selectOptions(screen.getByTestId('vote-as'), 'p-jorge');
    await user.click(within(vote).getByRole('button', { name: `Poner un punto en «${termLabel(2)}»` }));
    await waitFor(() => expect(within(vote).getByText(/2 votos/)).toBeTruthy());

    const rows = within(within(vote).getByTestId('vote-results')).getAllByRole('row');
    const cells = (name: string) =>
      within(rows.find((r) => within(r).queryByRole('rowheader', { name }))!)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    // Marketing, Sales, Leadership, total.
    expect(cells(termLabel(1))).toEqual(['2', '0', '0', '2']);
    expect(cells(termLabel(2))).toEqual(['0', '1', '0', '1']);
    await expectAxeClean(container);

    await user.click(within(vote).getByTestId('vote-close'));
    await waitFor(() => expect(within(screen.getByTestId('vote')).getByText('Cerrada')).toBeTruthy());
    expect(within(screen.getByTestId('vote')).queryByTestId('dots-left')).toBeNull();
  });

  it('runs a consent check ("can you live with this?") on one item with answers by team', async () => {
    const user = userEvent.setup();
    render(<VotesPanel />);
    await user.click(screen.getByTestId('vote-kind-consent'));
    await user.type(screen.getByTestId('vote-question'), '¿Adoptamos la definición de MQL?');
    await user.click(screen.getAllByTestId('vote-target')[0]!);
    await user.click(screen.getByTestId('vote-open'));
    await user.selectOptions(screen.getByTestId('vote-as'), 'p-lucia');
    await user.click(await screen.findByTestId('consent-yes'));
    await user.selectOptions(screen.getByTestId('vote-as'), 'p-jorge');
    await user.click(screen.getByTestId('consent-live-with'));
    await waitFor(() => expect(screen.getByTestId('vote-outcome').textContent).toBe('Consentimiento: nadie dijo que no.'));
    await user.click(screen.getByTestId('consent-no'));
    await waitFor(() => expect(screen.getByTestId('vote-outcome').textContent).toBe('Hay objeciones: alguien dijo que no.'));
  });
});

describe('Decision log and parking lot', () => {
  it('records a decision with why, who and the item it changed; parks a question with an owner and a due date', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <>
        <DecisionsPanel />
        <ParkingPanel />
      </>,
    );
    const term = useAppStore.getState().session!.content.terms[1]!;
    await user.click(screen.getByTestId('decision-add'));
    expect(screen.getByRole('alert').textContent).toBe('Escribe qué se decidió.');
    await user.type(screen.getByTestId('decision-what'), 'Un MQL exige 60 puntos de scoring');
    await user.type(screen.getByTestId('decision-why'), 'Ventas rechazaba un 40 % de los MQL');
    await user.selectOptions(screen.getByTestId('decision-link'), `term:${term.id}`);
    await user.click(screen.getByTestId('decision-add'));
    await waitFor(() => expect(facilitation().decisions).toHaveLength(1));
    expect(facilitation().decisions[0]).toMatchObject({
      what: 'Un MQL exige 60 puntos de scoring',
      decidedBy: ['marketing', 'sales'],
      links: [{ kind: 'term', id: term.id }],
    });
    expect(screen.getByTestId('decision').textContent).toContain('Vinculado a: Término:');

    await user.type(screen.getByTestId('parking-question'), '¿Quién mide el NPS?');
    await user.selectOptions(screen.getByTestId('parking-owner'), 'p-carmen');
    await user.type(screen.getByTestId('parking-due'), '2027-01-15');
    await user.click(screen.getByTestId('parking-add'));
    await waitFor(() => expect(facilitation().parkingLot).toHaveLength(1));
    expect(facilitation().parkingLot[0]).toMatchObject({ question: '¿Quién mide el NPS?', ownerId: 'p-carmen', due: '2027-01-15', status: 'open' });
    expect(screen.getByTestId('parking-item').textContent).toContain('Carmen Peña Ruiz');
    await expectAxeClean(container);
  });
});

describe('Private drafting', () => {
  it('each team sees only its own draft until the facilitator reveals; names can be hidden on reveal', async () => {
    const user = userEvent.setup();
    applyAgendaTemplate('standard-3h');
    const glossaryBlock = facilitation().agenda.find((b) => b.step === 'glossary')!;
    const { container } = render(<PrivateDraftingPanel />);
    await user.selectOptions(screen.getByTestId('private-block'), glossaryBlock.id);
    await user.click(screen.getByTestId('private-start'));
    await screen.findByTestId('private-drafting');

    // Marketing drafts the first term's definition.
    await user.selectOptions(screen.getByTestId('draft-as'), 'marketing');
    const field = screen.getAllByTestId('draft-text')[0] as HTMLTextAreaElement;
    await user.type(field, 'Definición de Marketing');
    await user.tab();
    await waitFor(() => expect(facilitation().drafts).toHaveLength(1));
    await expectAxeClean(container);
    // Sales does not see it; nor does the shared screen with nobody drafting.
    await user.selectOptions(screen.getByTestId('draft-as'), 'sales');
    expect((screen.getAllByTestId('draft-text')[0] as HTMLTextAreaElement).value).toBe('');
    expect(container.textContent).not.toContain('Definición de Marketing');
    await user.type(screen.getAllByTestId('draft-text')[0]!, 'Definición de Ventas');
    await user.tab();
    await waitFor(() => expect(facilitation().drafts).toHaveLength(2));
    await user.selectOptions(screen.getByTestId('draft-as'), '');
    expect(screen.queryByTestId('my-draft')).toBeNull();
    expect(container.textContent).not.toContain('Definición de');

    await user.click(screen.getByTestId('private-hide-authors'));
    await user.click(screen.getByTestId('private-reveal'));
    const table = await screen.findByTestId('drafts-side-by-side');
    expect(table.textContent).toContain('Definición de Marketing');
    expect(table.textContent).toContain('Definición de Ventas');
    expect(within(table).getAllByText('Autor oculto')).toHaveLength(2);
    await expectAxeClean(container);
  });
});

describe('Locks', () => {
  it('the facilitator locks a section: its screen reads only under a note; unlock makes it editable again', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <>
        <LocksPanel />
        <LockedSection step="glossary">
          <label>
            Campo del glosario <input data-testid="inner-field" />
          </label>
        </LockedSection>
      </>,
    );
    expect((screen.getByTestId('inner-field') as HTMLInputElement).disabled).toBe(false);
    await user.click(screen.getByTestId('lock-glossary'));
    await screen.findByTestId('lock-note');
    expect(screen.getByTestId('lock-note').textContent).toContain('Glosario está bloqueado');
    expect((screen.getByTestId('inner-field') as HTMLInputElement).matches(':disabled')).toBe(true);
    expect(facilitation().locks.glossary).toBeTruthy();
    await expectAxeClean(container);
    await user.click(within(screen.getByTestId('lock-note')).getByTestId('unlock-glossary'));
    await waitFor(() => expect(screen.queryByTestId('lock-note')).toBeNull());
    expect((screen.getByTestId('inner-field') as HTMLInputElement).matches(':disabled')).toBe(false);
  });
});

describe('Facilitation panel', () => {
  it('is a tablist: arrow keys move between votes, decisions, parking lot, private drafting and locks', async () => {
    const user = userEvent.setup();
    useFacilitationUi.setState({ panel: 'votes' });
    render(<FacilitationPanel />);
    screen.getByRole('tab', { name: 'Votaciones' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Decisiones' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Decisiones' }));
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Bloqueos' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('Glosario');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('facilitation-panel')).toBeNull();
  });
});
