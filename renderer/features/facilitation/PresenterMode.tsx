/**
 * Presenter mode, for the projector (1280×720 and up): the whole window
 * shows the current block, its timer, what comes next and the item under
 * discussion (what the facilitator brought everyone to, or the open vote),
 * in type readable from the back of a room. The minimum sizes are
 * {@link PRESENTER_TYPE_PX}, applied as CSS custom properties and checked by
 * the e2e test on a 1280×720 screenshot. Escape or the button leaves it.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopContent } from '../../../shared/domain/workshop';
import { useAppStore } from '../../store';
import type { FacilitationState } from '../../../shared/facilitation/types';
import { useClockOffset, useFacilitation } from './hooks';
import { currentTiming, TimerReadout } from './TimerBar';
import { targetOptions, useFacilitationUi, useNow } from './view';
import { PRESENTER_TYPE_PX } from './presenter-type';
import './facilitation.css';

export { PRESENTER_TYPE_PX };

/** The label of the item under discussion: what everyone was brought to, else the open vote's question; null for none. */
export function itemUnderDiscussion(
  state: FacilitationState,
  content: WorkshopContent,
  sectionLabel: (s: string) => string,
): { kind: 'item' | 'vote'; label: string } | null {
  const itemId = state.follow?.itemId;
  if (itemId) {
    const found = targetOptions(content, sectionLabel).find((x) => x.id === itemId);
    if (found) return { kind: 'item', label: found.label };
  }
  const vote = state.votes.find((v) => v.status === 'open');
  if (vote) return { kind: 'vote', label: vote.question };
  return null;
}

export function PresenterMode() {
  const { t } = useTranslation();
  const open = useFacilitationUi((s) => s.presenter);
  const content = useAppStore((s) => s.session?.content);
  const state = useFacilitation();
  const now = useNow(1000);
  const closeRef = useRef<HTMLButtonElement>(null);
  const back = useRef<HTMLElement | null>(null);
  const offset = useClockOffset();

  useEffect(() => {
    if (!open) return;
    back.current = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useFacilitationUi.setState({ presenter: false });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      back.current?.focus?.();
    };
  }, [open]);

  if (!open || !content) return null;
  const timing = currentTiming(state, now, offset);
  const item = itemUnderDiscussion(state, content, (s) => t(`facilitation.sections.${s}`));
  const style = {
    '--presenter-min': `${PRESENTER_TYPE_PX.minText}px`,
    '--presenter-heading': `${PRESENTER_TYPE_PX.heading}px`,
    '--presenter-timer': `${PRESENTER_TYPE_PX.timer}px`,
  } as CSSProperties;
  return (
    <div className="presenter" role="dialog" aria-modal="true" aria-labelledby="presenter-title" style={style} data-testid="presenter">
      <div className="presenter__head">
        <span className="presenter__workshop">{content.meta.title}</span>
        <button
          ref={closeRef}
          type="button"
          className="presenter__close"
          onClick={() => useFacilitationUi.setState({ presenter: false })}
          data-testid="presenter-close"
        >
          ✕ {t('facilitation.presenter.close')}
        </button>
      </div>
      <div className="presenter__body">
        <p className="presenter__label">{t('facilitation.presenter.now')}</p>
        <h2 id="presenter-title" className="presenter__block" data-testid="presenter-block">
          {timing ? timing.block.title : t('facilitation.presenter.notStarted')}
        </h2>
        {timing ? <TimerReadout state={state} now={now} className="presenter__timer" /> : null}
        {state.privateRound?.status === 'drafting' ? <p className="presenter__note">{t('facilitation.presenter.privateRound')}</p> : null}
        <section className="presenter__item" aria-labelledby="presenter-item">
          <p id="presenter-item" className="presenter__label">
            {t('facilitation.presenter.discussing')}
          </p>
          <p className={`presenter__item-text ${item ? '' : 'presenter__item-text--none'}`} data-testid="presenter-item">
            {item ? (item.kind === 'vote' ? t('facilitation.presenter.vote', { question: item.label }) : item.label) : t('facilitation.presenter.nothing')}
          </p>
        </section>
        {timing?.next ? <p className="presenter__next">{t('facilitation.presenter.next', { title: timing.next.title })}</p> : null}
      </div>
    </div>
  );
}
