/**
 * The facilitation bar under the header, on every step of an open workshop:
 * the current block and its timer (visible always), the facilitator's timer
 * controls (pause, +5 min with "keep the end time" or "move the end", next
 * block), "bring everyone here" / "follow the facilitator", presenter mode
 * and the facilitation panel. When a block's time is up the timer changes
 * colour and pulses gently (no motion with reduced motion) and a polite
 * live region says so once.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaBlock, FacilitationState } from '../../../shared/facilitation/types';
import { formatTimer, timerView } from '../../../shared/facilitation/timer';
import { useAppStore } from '../../store';
import { addFiveMinutes, bringEveryoneHere, nextBlock, pauseTimer, releaseEveryone, resumeTimer } from './actions';
import { useCanFacilitate, useClockOffset, useFacilitation } from './hooks';
import { agendaStepOfRoute, isFollowing, routeOfAgendaStep, useFacilitationUi, useNow } from './view';
import './facilitation.css';

/** The current block and the remaining time (ms, negative once over) at `now`; null before the workshop starts. */
export function currentTiming(
  state: FacilitationState,
  now: number,
  offsetMs: number,
): { block: AgendaBlock; remainingMs: number; paused: boolean; running: boolean; next: AgendaBlock | null } | null {
  const { timer } = state;
  const blockId = timer?.blockId ?? state.currentBlockId;
  const index = state.agenda.findIndex((b) => b.id === blockId);
  const block = state.agenda[index];
  if (!block) return null;
  const view = timer ? timerView(timer, now, offsetMs) : null;
  return {
    block,
    remainingMs: view ? view.remainingMs : block.durationMinutes * 60_000,
    paused: view?.paused ?? false,
    running: view !== null,
    next: state.agenda[index + 1] ?? null,
  };
}

/** The countdown of the current block, as the bar and presenter mode show it. */
export function TimerReadout({ state, now, className = '' }: { state: FacilitationState; now: number; className?: string }) {
  const { t } = useTranslation();
  const offset = useClockOffset();
  const timing = currentTiming(state, now, offset);
  if (!timing) return <span className={`timer timer--idle ${className}`}>{t('facilitation.timer.notStarted')}</span>;
  const over = timing.running && timing.remainingMs <= 0;
  const label = over
    ? t('facilitation.timer.over', { title: timing.block.title })
    : t('facilitation.timer.remaining', { time: formatTimer(Math.abs(timing.remainingMs)), title: timing.block.title });
  return (
    <span
      className={`timer ${over ? 'timer--over' : ''} ${timing.paused ? 'timer--paused' : ''} ${className}`}
      data-testid="timer"
      data-over={over ? 'true' : 'false'}
    >
      <span className="timer__block" title={timing.block.title}>
        {timing.block.title}
      </span>
      {/* The visible digits tick every second; their accessible name is the sentence (read on demand, never announced). */}
      <span className="timer__digits num" role="timer" aria-label={label} data-testid="timer-digits">
        {over ? t('facilitation.timer.overBy', { time: formatTimer(Math.abs(timing.remainingMs)) }) : formatTimer(Math.abs(timing.remainingMs))}
      </span>
      {timing.paused ? <span className="timer__state">{t('facilitation.timer.paused')}</span> : null}
    </span>
  );
}

/** "+5 min": asks whether the remaining blocks shrink to keep the end time, or the end moves. */
function ExtendChoice({ title, onClose }: { title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const choose = (mode: 'keep-end' | 'move-end') => {
    addFiveMinutes(mode);
    onClose();
  };
  return (
    <div
      className="popover"
      role="dialog"
      aria-label={t('facilitation.timer.addFiveTitle', { title })}
      data-testid="extend-choice"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <button ref={first} type="button" className="popover__choice" onClick={() => choose('keep-end')} data-testid="extend-keep-end">
        <span className="strong">{t('facilitation.timer.keepEnd')}</span>
        <span className="small">{t('facilitation.timer.keepEndHint')}</span>
      </button>
      <button type="button" className="popover__choice" onClick={() => choose('move-end')} data-testid="extend-move-end">
        <span className="strong">{t('facilitation.timer.moveEnd')}</span>
        <span className="small">{t('facilitation.timer.moveEndHint')}</span>
      </button>
      <button type="button" onClick={onClose}>
        {t('facilitation.timer.cancel')}
      </button>
    </div>
  );
}

/**
 * The time-up sentence while the current block is over time, else empty: in
 * a polite live region it is said once when it appears (a screen opened on
 * an expired timer shows it without announcing it) and cleared by the next block.
 */
function timeUpMessage(
  state: FacilitationState,
  timing: ReturnType<typeof currentTiming>,
  t: (key: string, values?: Record<string, string>) => string,
): string {
  return timing && state.timer && timing.running && timing.remainingMs <= 0 ? t('facilitation.timer.timeUp', { title: timing.block.title }) : '';
}

/**
 * Keeps this screen on the facilitator's step while "bring everyone here" is
 * on and this screen follows; a facilitator's screen that does not follow
 * (the one leading) moves the step everyone follows as it moves.
 */
function useFollow(state: FacilitationState, following: boolean, canFacilitate: boolean): void {
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const follow = state.follow;
  const here = route.screen === 'workshop' ? agendaStepOfRoute(route.step, route.focus) : null;
  useEffect(() => {
    // Kept in the UI store, not a ref: the step screen (and this bar with it) mounts anew on each step.
    const before = useFacilitationUi.getState().lastStep;
    const moved = before !== null && before !== here;
    if (before !== here) useFacilitationUi.setState({ lastStep: here });
    if (!follow || route.screen !== 'workshop' || !here) return;
    if (following) {
      // Compare the app's steps (several agenda steps open one app step), so following never loops.
      const target = routeOfAgendaStep(follow.step);
      const focus = target.focus ?? follow.itemId ?? undefined;
      if (route.step !== target.step || (target.focus !== undefined && route.focus !== target.focus))
        navigate({ screen: 'workshop', id: route.id, step: target.step, ...(focus ? { focus } : {}) });
      return;
    }
    // The leading facilitator moved on (a move of this screen, not a change of the follow itself): everyone follows.
    if (canFacilitate && moved && routeOfAgendaStep(here).step !== routeOfAgendaStep(follow.step).step) bringEveryoneHere(here, route.focus ?? null);
  }, [follow, following, canFacilitate, here, route, navigate]);
}

export function TimerBar() {
  const { t } = useTranslation();
  const state = useFacilitation();
  const canFacilitate = useCanFacilitate();
  const now = useNow(1000);
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const ui = useFacilitationUi();
  const [extending, setExtending] = useState(false);
  const offset = useClockOffset();
  const following = isFollowing(ui.following, canFacilitate);
  useFollow(state, following, canFacilitate);
  const timing = currentTiming(state, now, offset);
  const timeUp = timeUpMessage(state, timing, t);
  const here = route.screen === 'workshop' ? agendaStepOfRoute(route.step, route.focus) : null;

  return (
    <div className="facilbar" role="region" aria-label={t('facilitation.timer.label')} data-testid="facilbar">
      <TimerReadout state={state} now={now} />
      <div className="sr-only" aria-live="polite" data-testid="time-up">
        {timeUp}
      </div>
      {canFacilitate && state.timer ? (
        <span className="facilbar__group">
          {state.timer.pausedAt === null ? (
            <button type="button" onClick={() => pauseTimer()} data-testid="timer-pause">
              ❚❚ {t('facilitation.timer.pause')}
            </button>
          ) : (
            <button type="button" onClick={() => resumeTimer()} data-testid="timer-resume">
              ▶ {t('facilitation.timer.resume')}
            </button>
          )}
          <span className="popover-anchor">
            <button
              type="button"
              aria-expanded={extending}
              title={timing ? t('facilitation.timer.addFiveTitle', { title: timing.block.title }) : undefined}
              onClick={() => setExtending((v) => !v)}
              data-testid="timer-add-five"
            >
              {t('facilitation.timer.addFive')}
            </button>
            {extending && timing ? <ExtendChoice title={timing.block.title} onClose={() => setExtending(false)} /> : null}
          </span>
          <button
            type="button"
            onClick={() => {
              const next = timing?.next;
              if (nextBlock() === null && next && route.screen === 'workshop') navigate({ screen: 'workshop', id: route.id, ...routeOfAgendaStep(next.step) });
            }}
            data-testid="timer-next"
          >
            {timing?.next ? `${t('facilitation.timer.next')} →` : t('facilitation.timer.end')}
          </button>
        </span>
      ) : null}
      <span className="facilbar__group facilbar__end">
        {canFacilitate && here && !following ? (
          <button
            type="button"
            aria-pressed={state.follow !== null}
            title={t('facilitation.follow.bringTitle')}
            onClick={() => (state.follow ? releaseEveryone() : bringEveryoneHere(here, route.screen === 'workshop' ? (route.focus ?? null) : null))}
            data-testid="bring-everyone"
          >
            {state.follow ? t('facilitation.follow.stop') : t('facilitation.follow.bring')}
          </button>
        ) : null}
        {!canFacilitate || state.follow ? (
          <label className="field--check facilbar__follow">
            <input
              type="checkbox"
              checked={following}
              onChange={(e) => useFacilitationUi.setState({ following: e.target.checked })}
              data-testid="follow-toggle"
            />
            {t('facilitation.follow.following')}
          </label>
        ) : null}
        {!canFacilitate && state.follow && !following && here !== state.follow.step ? (
          <span className="facilbar__summoned" data-testid="summoned">
            {t('facilitation.follow.summoned', { step: t(`facilitation.steps.${state.follow.step}`) })}{' '}
            <button type="button" onClick={() => useFacilitationUi.setState({ following: true })}>
              {t('facilitation.follow.go')}
            </button>
          </span>
        ) : null}
        <button type="button" onClick={() => useFacilitationUi.setState({ presenter: true })} data-testid="presenter-open">
          {t('facilitation.presenter.open')}
        </button>
        <button
          type="button"
          aria-expanded={ui.panel !== null}
          aria-controls="facilitation-panel"
          onClick={() => useFacilitationUi.setState({ panel: ui.panel ? null : 'votes' })}
          data-testid="panel-toggle"
        >
          {ui.panel ? t('facilitation.panel.close') : t('facilitation.panel.open')}
        </button>
      </span>
    </div>
  );
}
