/**
 * The Agenda step: the workshop's plan as blocks (title, step, minutes,
 * private drafting), start times that follow from the block before, reorder
 * by drag, by the ↑/↓ buttons or with Alt+↑/Alt+↓ on a focused block; each
 * block opens its step. The facilitator picks a template, edits and starts
 * the workshop; everyone else reads it.
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENDA_STEPS, type AgendaBlock } from '../../../shared/facilitation/types';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { CheckField, NumberField, SelectField, TextField, firstError } from '../../ui/fields';
import { AGENDA_TEMPLATE_IDS, type AgendaTemplateId } from '../../../shared/facilitation/agenda';
import { addAgendaBlock, applyAgendaTemplate, editAgendaBlock, goToBlock, moveAgendaBlock, planAgendaStart, removeAgendaBlock, startWorkshop } from './actions';
import { agendaTemplateLabelKey, useCanFacilitate, useClockOffset, useFacilitation, useSchedule } from './hooks';
import { FormError, RemoveButton, useRefusalMessage } from './forms';
import { routeOfAgendaStep } from './view';
import './facilitation.css';

/** "2 h 35 min" or "35 min". */
export function useDurationText(): (minutes: number) => string {
  const { t } = useTranslation();
  return (minutes) =>
    minutes >= 60 ? t('facilitation.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }) : t('facilitation.minutes', { count: minutes });
}

/** `HH:MM` of epoch ms `at` in local time (for a time input). */
function clockValue(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** Today (or the day of `base`) at `HH:MM` local time, as epoch ms; null for an empty or malformed value. */
function atClock(value: string, base: number | null): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const d = base === null ? new Date() : new Date(base);
  d.setHours(Number(m[1]), Number(m[2]), 0, 0);
  return d.getTime();
}

export function AgendaScreen() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const facilitation = useFacilitation();
  const canFacilitate = useCanFacilitate();
  const offset = useClockOffset();
  const duration = useDurationText();
  const fmt = formatters(language);
  const [template, setTemplate] = useState<AgendaTemplateId | ''>('');
  const [announce, setAnnounce] = useState('');
  const [error, setError] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  const dragging = useRef<string | null>(null);

  const { agenda, startsAt, currentBlockId } = facilitation;
  const plannedStart = startsAt ?? null;
  const schedule = useSchedule();
  const total = schedule.totalMinutes;
  const running = facilitation.timer !== null || currentBlockId !== null;

  useEffect(() => {
    // After a keyboard move, focus stays on the moved block's handle.
    if (refocus.current) handles.current.get(refocus.current)?.focus();
    refocus.current = null;
  });

  const refusal = useRefusalMessage();
  /** Shows why an intent refused (or clears the message); returns the first error key, null when applied. */
  const report = (errors: Record<string, string> | null) => {
    setError(refusal(errors));
    return firstError(errors);
  };

  const move = (block: AgendaBlock, to: number, viaKeyboard: boolean) => {
    if (to < 0 || to >= agenda.length) return;
    if (viaKeyboard) refocus.current = block.id;
    if (report(moveAgendaBlock(block.id, to)) === null)
      setAnnounce(t('facilitation.block.moved', { title: block.title, position: to + 1, count: agenda.length }));
  };

  const onRowKey = (e: KeyboardEvent, block: AgendaBlock, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(block, e.key === 'ArrowUp' ? index - 1 : index + 1, true);
  };

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const id = dragging.current ?? e.dataTransfer.getData('text/plain');
    const block = agenda.find((b) => b.id === id);
    dragging.current = null;
    if (block) move(block, index, false);
  };

  const openBlock = (block: AgendaBlock) => {
    if (route.screen === 'workshop') navigate({ screen: 'workshop', id: route.id, ...routeOfAgendaStep(block.step) });
  };

  const stepOptions = AGENDA_STEPS.map((s) => ({ value: s, label: t(`facilitation.steps.${s}`) }));

  return (
    <div className="agenda">
      <p className="intro">{t('facilitation.intro')}</p>
      {!canFacilitate ? <p className="muted">{t('facilitation.facilitatorOnly')}</p> : null}
      <FormError message={error} />
      {canFacilitate ? (
        <div className="agenda__controls">
          <div className="field">
            <label className="field__label" htmlFor="agenda-template">
              {t('facilitation.template.label')}
            </label>
            <div className="agenda__inline">
              <select
                id="agenda-template"
                value={template}
                onChange={(e) => setTemplate(e.target.value as AgendaTemplateId | '')}
                data-testid="agenda-template"
              >
                <option value="">{t('facilitation.template.pick')}</option>
                {AGENDA_TEMPLATE_IDS.map((x) => (
                  <option key={x} value={x}>
                    {t(agendaTemplateLabelKey(x))}
                  </option>
                ))}
              </select>
              <button
                type="button"
                disabled={!template}
                data-testid="agenda-apply-template"
                onClick={() => {
                  if (template) report(applyAgendaTemplate(template));
                }}
              >
                {t('facilitation.template.apply')}
              </button>
            </div>
            <span className="field__hint">{t('facilitation.template.replaceNote')}</span>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="agenda-start">
              {t('facilitation.startsAt')}
            </label>
            <input
              id="agenda-start"
              type="time"
              className="agenda__time"
              value={plannedStart === null ? '' : clockValue(plannedStart)}
              onChange={(e) => {
                const at = atClock(e.target.value, plannedStart);
                report(planAgendaStart(at));
              }}
              data-testid="agenda-start"
            />
          </div>
          <div className="agenda__start">
            <button
              type="button"
              className="primary big"
              disabled={agenda.length === 0}
              data-testid="agenda-start-workshop"
              onClick={() => {
                if (report(startWorkshop()) === null && agenda[0]) openBlock(agenda[0]);
              }}
            >
              ▶ {running ? t('facilitation.restart') : t('facilitation.start')}
            </button>
          </div>
        </div>
      ) : null}

      {running && startsAt !== null ? <p className="notice notice--info">{t('facilitation.started', { time: fmt.time(new Date(startsAt)) })}</p> : null}
      {agenda.length === 0 ? <p className="empty">{t('facilitation.empty')}</p> : null}
      {canFacilitate && agenda.length > 1 ? <p className="small muted">{t('facilitation.block.reorderHint')}</p> : null}
      <div className="sr-only" aria-live="polite" data-testid="agenda-announce">
        {announce}
      </div>
      <ol className="agenda__blocks" data-testid="agenda-blocks" aria-label={t('facilitation.step')}>
        {agenda.map((block, index) => {
          const current = block.id === currentBlockId;
          return (
            <li
              key={block.id}
              className={`agenda-block ${current ? 'agenda-block--current' : ''} ${canFacilitate ? '' : 'agenda-block--read'}`}
              data-testid="agenda-block"
              aria-current={current ? 'step' : undefined}
              onKeyDown={canFacilitate ? (e) => onRowKey(e, block, index) : undefined}
              onDragOver={canFacilitate ? (e) => e.preventDefault() : undefined}
              onDrop={canFacilitate ? (e) => onDrop(e, index) : undefined}
            >
              {canFacilitate ? (
                <button
                  type="button"
                  className="icon agenda-block__handle"
                  draggable
                  aria-label={t('facilitation.block.handle', { title: block.title })}
                  title={t('facilitation.block.handle', { title: block.title })}
                  ref={(el) => {
                    if (el) handles.current.set(block.id, el);
                    else handles.current.delete(block.id);
                  }}
                  onDragStart={(e) => {
                    dragging.current = block.id;
                    e.dataTransfer.setData('text/plain', block.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  data-testid="agenda-handle"
                >
                  ⠿
                </button>
              ) : (
                <span aria-hidden className="agenda-block__handle" />
              )}
              <span className="agenda-block__time num" data-testid="agenda-block-start">
                <span className="sr-only">{t('facilitation.block.start')} </span>
                {fmt.time(new Date((schedule.blocks[index]?.startsAt ?? 0) - offset))}
              </span>
              {canFacilitate ? (
                <>
                  <TextField
                    label={t('facilitation.block.title')}
                    hideLabel
                    value={block.title}
                    onCommit={(title) => firstError(editAgendaBlock(block.id, { title }))}
                    className="agenda-block__title"
                    testId="agenda-block-title"
                  />
                  <SelectField
                    label={t('facilitation.block.step')}
                    hideLabel
                    value={block.step}
                    options={stepOptions}
                    onCommit={(step) => firstError(editAgendaBlock(block.id, { step }))}
                    className="agenda-block__step"
                    testId="agenda-block-step"
                  />
                  <NumberField
                    label={t('facilitation.block.minutes')}
                    hideLabel
                    kind="integer"
                    suffix="min"
                    value={block.durationMinutes}
                    onCommit={(durationMinutes) => firstError(editAgendaBlock(block.id, { durationMinutes }))}
                    className="agenda-block__minutes"
                    testId="agenda-block-minutes"
                  />
                  <CheckField
                    label={t('facilitation.block.private')}
                    value={block.privateDrafting}
                    onCommit={(privateDrafting) => firstError(editAgendaBlock(block.id, { privateDrafting }))}
                    className="agenda-block__private"
                    testId="agenda-block-private"
                  />
                </>
              ) : (
                <>
                  <span className="agenda-block__title strong">{block.title}</span>
                  <span className="agenda-block__step">{t(`facilitation.steps.${block.step}`)}</span>
                  <span className="agenda-block__minutes num">{duration(block.durationMinutes)}</span>
                  <span className="agenda-block__private">{block.privateDrafting ? t('facilitation.block.private') : ''}</span>
                </>
              )}
              <span className="agenda-block__actions">
                {current ? <span className="badge badge--ready">{t('facilitation.block.current')}</span> : null}
                {canFacilitate ? (
                  <>
                    <button
                      type="button"
                      className="icon"
                      disabled={index === 0}
                      aria-label={t('facilitation.block.up', { title: block.title })}
                      onClick={() => move(block, index - 1, false)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      disabled={index === agenda.length - 1}
                      aria-label={t('facilitation.block.down', { title: block.title })}
                      onClick={() => move(block, index + 1, false)}
                    >
                      ↓
                    </button>
                    <RemoveButton label={t('facilitation.block.remove', { title: block.title })} onClick={() => report(removeAgendaBlock(block.id))} />
                  </>
                ) : null}
                <button
                  type="button"
                  aria-label={t('facilitation.block.openStep', { title: block.title })}
                  onClick={() => {
                    if (canFacilitate && running && !current) report(goToBlock(block.id));
                    openBlock(block);
                  }}
                  data-testid="agenda-block-open"
                >
                  {t('facilitation.block.open')} →
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {canFacilitate ? (
        <button
          type="button"
          data-testid="agenda-add"
          onClick={() => report(addAgendaBlock({ title: t('facilitation.block.newTitle'), step: 'intro', durationMinutes: 15, privateDrafting: false }))}
        >
          + {t('facilitation.block.add')}
        </button>
      ) : null}
      <p className="agenda__total" data-testid="agenda-total">
        {schedule.endsAt !== null
          ? t('facilitation.total', { duration: duration(total), end: fmt.time(new Date(schedule.endsAt - offset)) })
          : t('facilitation.totalUnscheduled', { duration: duration(total) })}
      </p>
    </div>
  );
}
