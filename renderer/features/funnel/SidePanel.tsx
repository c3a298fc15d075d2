/**
 * The canvas' side panel: details of the selected stage (name, description,
 * owner, linked term with its entry and exit criteria, the arrows leaving it,
 * a keyboard "connect to…") or of the selected arrow (rate, days, recycle
 * loop, where its starting value came from). Rates are typed as percentages
 * ("35,5", "35.5 %"); anything else is refused at the field, nothing saved.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTIES, type Funnel, type FunnelId, type FunnelTransition, type Party } from '../../../shared/domain/workshop';
import type { Result } from '../../../shared/domain/result';
import { richTextToPlain } from '../../../shared/domain/rich-text';
import { formatRateInput, parseDaysInput, parseRateInput } from '../../../shared/funnel/input';
import { defaultSources } from '../../../shared/funnel/templates';
import { formatSource } from '../../../shared/funnel/benchmark-sources';
import { useAppStore } from '../../store';
import { DecimalDraftInput, FieldFrame, SelectField, TextField, firstError, useFieldDraft } from '../../ui/fields';
import { connectStages, editStage, editTransition, removeArrow, removeItems } from './actions';
import { issuesByTarget, termLabel } from './decorations';
import type { Selection } from './FunnelCanvas';

/** A field whose text is parsed (rate, days) before it is saved; the error shows at the field. */
function ParsedField(props: {
  label: string;
  value: number;
  format(value: number): string;
  parse(text: string): Result<number, string>;
  onCommit(value: number): string | null;
  testId: string;
  hint?: string;
}) {
  const id = useId();
  const field = useFieldDraft({
    saved: props.format(props.value),
    commit: (text) => {
      const parsed = props.parse(text);
      if (!parsed.ok) return parsed.error;
      return parsed.value === props.value ? null : props.onCommit(parsed.value);
    },
    echoes: (saved, text) => {
      const parsed = props.parse(text);
      return parsed.ok && props.format(parsed.value) === saved;
    },
  });
  return (
    <FieldFrame label={props.label} hint={props.hint} error={field.error} id={id}>
      <DecimalDraftInput id={id} field={field} testId={props.testId} />
    </FieldFrame>
  );
}

/** Rate, days and recycle flag of one arrow. */
function TransitionFields({ funnelId, funnel, transition }: { funnelId: FunnelId; funnel: Funnel; transition: FunnelTransition }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const terms = useAppStore((s) => s.session!.content.terms);
  const sources = defaultSources(transition, funnel, terms);
  const update = (patch: Partial<FunnelTransition>) => firstError(editTransition(funnelId, transition.id, patch));
  const sourceHint = (m: typeof sources.conversionRate) =>
    m ? t('funnel.panel.source', { source: `${formatSource(m.source, language)} — ${m.basis[language]}` }) : undefined;
  return (
    <div className="transition-fields">
      <ParsedField
        label={t('funnel.panel.rate')}
        value={transition.conversionRate}
        format={(rate) => (transition.rateMissing ? '' : formatRateInput(rate, language))}
        parse={parseRateInput}
        onCommit={(conversionRate) => update({ conversionRate })}
        testId={`rate-${transition.id}`}
        hint={sourceHint(sources.conversionRate)}
      />
      <ParsedField
        label={t('funnel.panel.days')}
        value={transition.averageDays}
        format={(days) => String(days).replace('.', language === 'es' ? ',' : '.')}
        parse={parseDaysInput}
        onCommit={(averageDays) => update({ averageDays })}
        testId={`days-${transition.id}`}
        hint={sourceHint(sources.averageDays)}
      />
      <label className="check">
        <input type="checkbox" checked={transition.recycle} onChange={(e) => update({ recycle: e.target.checked })} data-testid={`recycle-${transition.id}`} />{' '}
        {t('funnel.recycle')}
      </label>
    </div>
  );
}

export function SidePanel({
  funnelId,
  funnel,
  selection,
  onSelectionChange,
}: {
  funnelId: FunnelId;
  funnel: Funnel;
  selection: Selection;
  onSelectionChange(s: Selection): void;
}) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const terms = useAppStore((s) => s.session!.content.terms);
  const navigate = useAppStore((s) => s.navigate);
  const route = useAppStore((s) => s.route);
  const count = selection.stages.length + selection.transitions.length;
  const stage = selection.stages.length === 1 ? funnel.stages.find((s) => s.id === selection.stages[0]) : undefined;
  const transition = !stage && selection.transitions.length === 1 ? funnel.transitions.find((x) => x.id === selection.transitions[0]) : undefined;
  const nameOf = (id: string) => funnel.stages.find((s) => s.id === id)?.name ?? id;
  const issues = issuesByTarget(funnel, t, language);

  let body: React.ReactNode;
  if (stage) {
    const term = stage.termId ? terms.find((x) => x.id === stage.termId) : undefined;
    const outgoing = funnel.transitions.filter((x) => x.source === stage.id);
    const targets = funnel.stages.filter((s) => s.id !== stage.id && !outgoing.some((x) => x.target === s.id));
    const update = (patch: Parameters<typeof editStage>[2]) => firstError(editStage(funnelId, stage.id, patch));
    body = (
      <div data-testid="stage-panel">
        <TextField key={`n-${stage.id}`} label={t('funnel.panel.name')} value={stage.name} onCommit={(name) => update({ name })} testId="stage-name" />
        <TextField
          key={`d-${stage.id}`}
          label={t('funnel.panel.description')}
          value={stage.description ?? ''}
          multiline
          rows={2}
          onCommit={(description) => update({ description })}
          testId="stage-description"
        />
        <SelectField
          label={t('funnel.owner')}
          value={stage.ownerTeam}
          options={PARTIES.map((p) => ({ value: p, label: t(`teams.${p}`) }))}
          onCommit={(ownerTeam: Party) => update({ ownerTeam })}
        />
        <SelectField
          label={t('funnel.term')}
          value={stage.termId ?? ''}
          options={[{ value: '', label: t('funnel.noTerm') }, ...terms.map((x) => ({ value: x.id, label: termLabel(x) }))]}
          onCommit={(termId) => update({ termId: termId || null })}
        />
        {term ? (
          <dl className="criteria">
            <dt>{t('funnel.panel.entry')}</dt>
            <dd>{richTextToPlain(term.entryCriteria) || '—'}</dd>
            <dt>{t('funnel.panel.exit')}</dt>
            <dd>{richTextToPlain(term.exitCriteria) || '—'}</dd>
            <dd>
              <button className="link" onClick={() => route.screen === 'workshop' && navigate({ ...route, step: 'glossary' })}>
                {t('funnel.panel.openTerm')}
              </button>
            </dd>
          </dl>
        ) : (
          <p className="muted small">{t('funnel.panel.noCriteria')}</p>
        )}
        {issues.stages.get(stage.id) ? (
          <ul className="panel-issues" aria-label={t('funnel.panel.issues')}>
            {issues.stages.get(stage.id)!.messages.map((m) => (
              <li key={m}>⚠ {m}</li>
            ))}
          </ul>
        ) : null}
        <h3>{t('funnel.panel.outgoing')}</h3>
        {outgoing.length === 0 ? <p className="muted small">{t('funnel.panel.noOutgoing')}</p> : null}
        {outgoing.map((x) => (
          <fieldset key={x.id} className="outgoing">
            <legend>→ {nameOf(x.target)}</legend>
            <TransitionFields funnelId={funnelId} funnel={funnel} transition={x} />
            <button className="link danger" onClick={() => removeArrow(funnelId, x.id)}>
              {t('funnel.panel.removeArrow')}
            </button>
          </fieldset>
        ))}
        {targets.length > 0 ? (
          <label className="field">
            <span className="field__label">{t('funnel.panel.connectTo')}</span>
            <select
              value=""
              data-testid="connect-to"
              onChange={(e) => {
                if (!e.target.value) return;
                const id = connectStages(funnelId, funnel, stage.id, e.target.value);
                onSelectionChange({ stages: [], transitions: [id] });
              }}
            >
              <option value="">{t('funnel.panel.connectPick')}</option>
              {targets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button
          className="danger"
          onClick={() => {
            removeItems(funnelId, funnel, [stage.id], []);
            onSelectionChange({ stages: [], transitions: [] });
          }}
        >
          {t('funnel.panel.removeStage')}
        </button>
      </div>
    );
  } else if (transition) {
    body = (
      <div data-testid="transition-panel">
        <p className="transition-title">
          {nameOf(transition.source)} → {nameOf(transition.target)}
        </p>
        <TransitionFields funnelId={funnelId} funnel={funnel} transition={transition} />
        {issues.transitions.get(transition.id) ? (
          <ul className="panel-issues" aria-label={t('funnel.panel.issues')}>
            {issues.transitions.get(transition.id)!.messages.map((m) => (
              <li key={m}>⚠ {m}</li>
            ))}
          </ul>
        ) : null}
        <button
          className="danger"
          onClick={() => {
            removeItems(funnelId, funnel, [], [transition.id]);
            onSelectionChange({ stages: [], transitions: [] });
          }}
        >
          {t('funnel.panel.removeArrow')}
        </button>
      </div>
    );
  } else {
    body = <p className="muted">{count > 1 ? t('funnel.panel.many', { count }) : t('funnel.panel.none')}</p>;
  }
  return (
    <aside className="side-panel" aria-label={t('funnel.panel.title')}>
      <h2>{t('funnel.panel.title')}</h2>
      {body}
    </aside>
  );
}
