/**
 * Private drafting, then reveal: during a block marked "private drafting"
 * each team drafts its numbers or wording (the funnel's rates, the
 * glossary's definitions, the SLA's numbers, the target rates) without
 * seeing the other team's; only the facilitator reveals, optionally hiding
 * the authors' names, and the drafts then show side by side. Visibility is
 * the model's rule (`visibleDrafts`); this screen only shows what it allows.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTIES, type Party } from '../../../shared/domain/workshop';
import { useAppStore } from '../../store';
import { useSeat } from '../../data/seat';
import { formatters } from '../../i18n';
import type { ShownDraft } from '../../../shared/facilitation/drafting';
import { adoptDraft, revealDrafts, saveDraft, startPrivateDrafting } from './actions';
import {
  setDraftingParty,
  useCanFacilitate,
  useDraftPairs,
  useDraftProgress,
  useDraftViewer,
  useFacilitation,
  useLocalDraftingParty,
  useVisibleDrafts,
} from './hooks';
import { draftItems } from './view';
import { FormError, useRefusalMessage } from './forms';

/** A draft's number as typed (a rate as a percentage, other numbers as they are). */
function shownValue(value: number | null, unit: string, language: 'es' | 'en'): string {
  if (value === null) return '';
  const n = unit === '%' ? value * 100 : value;
  return new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 2, useGrouping: false }).format(n);
}

/** One item's draft field: wording or a number, saved on blur or Enter. */
function DraftField({
  label,
  wants,
  unit,
  draft,
  onSave,
}: {
  label: string;
  wants: 'text' | 'value';
  unit: string;
  draft: ShownDraft | undefined;
  onSave: (text: string, value: number | null) => string | null;
}) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const id = useId();
  const saved = wants === 'text' ? (draft?.text ?? '') : shownValue(draft?.value ?? null, unit, language);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text === null || text === saved) return setText(null);
    if (wants === 'text') setError(onSave(text, null));
    else {
      const normal = text
        .trim()
        .replace(/\s/g, '')
        .replace(language === 'es' ? /\./g : /,/g, '')
        .replace(',', '.');
      const n = normal === '' ? null : Number(normal);
      if (n !== null && !Number.isFinite(n)) return setError(t('errors.number'));
      setError(onSave('', n === null ? null : unit === '%' ? n / 100 : n));
    }
    setText(null);
  };
  const common = {
    id,
    value: text ?? saved,
    'aria-invalid': error ? true : undefined,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
  };
  return (
    <div className={`field ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {wants === 'text' ? (
        <textarea {...common} rows={2} maxLength={4000} data-testid="draft-text" />
      ) : (
        <span className="number-input">
          <input
            {...common}
            type="text"
            inputMode="decimal"
            data-testid="draft-value"
            onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).blur()}
          />
          {unit ? <span className="number-input__suffix">{unit}</span> : null}
        </span>
      )}
      {error ? (
        <div className="field__error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

export function PrivateDraftingPanel() {
  const { t } = useTranslation();
  const state = useFacilitation();
  const canFacilitate = useCanFacilitate();
  const content = useAppStore((s) => s.session!.content);
  const language = useAppStore((s) => s.language);
  const seat = useSeat();
  const round = state.privateRound;
  const viewer = useDraftViewer();
  const localParty = useLocalDraftingParty();
  const visible = useVisibleDrafts();
  const pairs = useDraftPairs(round?.blockId);
  const progress = useDraftProgress();
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalMessage();
  const report = (errors: Record<string, string> | null) => setError(refusal(errors));
  const [hideAuthors, setHideAuthors] = useState(false);
  const [blockId, setBlockId] = useState<string>('');
  const blockSelect = useId();
  const draftAsId = useId();
  const fmt = formatters(language);
  const party = viewer.team === 'marketing' || viewer.team === 'sales' ? viewer.team : null;
  const errorLine = <FormError message={error} />;

  if (!round) {
    // Blocks planned for private drafting first; any block can draft privately.
    const candidates = [...state.agenda.filter((b) => b.privateDrafting), ...state.agenda.filter((b) => !b.privateDrafting)];
    const chosen = blockId || (state.agenda.find((b) => b.id === state.currentBlockId && b.privateDrafting)?.id ?? candidates[0]?.id ?? '');
    return (
      <div className="facil-private">
        <p className="intro">{t('facilitation.private.intro')}</p>
        {!canFacilitate ? <p className="empty">{t('facilitation.private.none')}</p> : null}
        {canFacilitate && candidates.length === 0 ? <p className="empty">{t('facilitation.private.noBlock')}</p> : null}
        {canFacilitate && candidates.length > 0 ? (
          <div className="facil-form">
            <div className="field">
              <label htmlFor={blockSelect} className="field__label">
                {t('facilitation.private.block')}
              </label>
              <select id={blockSelect} value={chosen} onChange={(e) => setBlockId(e.target.value)} data-testid="private-block">
                {candidates.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="primary" onClick={() => chosen && report(startPrivateDrafting(chosen, false))} data-testid="private-start">
              {t('facilitation.private.start')}
            </button>
          </div>
        ) : null}
        {errorLine}
      </div>
    );
  }

  const block = state.agenda.find((b) => b.id === round.blockId);
  const items = draftItems(round.step, content);

  if (round.status === 'drafting') {
    const mine = party ? visible.filter((d) => d.blockId === round.blockId && d.party === party) : [];
    const other = PARTIES.find((p) => p !== party);
    return (
      <div className="facil-private" data-testid="private-drafting">
        <p className="notice notice--info" role="status">
          {t('facilitation.private.drafting')}
        </p>
        <p className="small">{block ? t('facilitation.private.forBlock', { title: block.title }) : null}</p>
        <ul className="plain-list facil-progress" aria-label={t('facilitation.private.progress')}>
          {PARTIES.map((p) => (
            <li key={p} data-testid={`facil-progress-${p}`}>
              <span className={`owner owner--${p}`}>{t(`teams.${p}`)}</span> {t('facilitation.private.drafted', { count: progress[p] })}
            </li>
          ))}
        </ul>
        {!seat.inRoom ? (
          <div className="field facil-narrow">
            <label htmlFor={draftAsId} className="field__label">
              {t('facilitation.private.draftAs')}
            </label>
            <select id={draftAsId} value={localParty ?? ''} onChange={(e) => setDraftingParty((e.target.value || null) as Party | null)} data-testid="draft-as">
              <option value="">{t('facilitation.private.draftAsNobody')}</option>
              {PARTIES.map((p) => (
                <option key={p} value={p}>
                  {t(`teams.${p}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {party ? (
          <section aria-labelledby="my-draft" className="card facil-draft" data-testid="my-draft">
            <h3 id="my-draft">{t('facilitation.private.draft', { team: t(`teams.${party}`) })}</h3>
            <p className="small">{t('facilitation.private.yourTeam', { team: t(`teams.${party}`) })}</p>
            <p className="small muted">{t('facilitation.private.draftHint')}</p>
            {items.length === 0 ? <p className="empty">{t('facilitation.private.nothingToDraft')}</p> : null}
            {items.map((item) => (
              <DraftField
                key={`${party}:${item.target.kind}:${item.target.id}`}
                label={item.target.label}
                wants={item.wants}
                unit={item.unit}
                draft={mine.find((d) => d.target.kind === item.target.kind && d.target.id === item.target.id)}
                onSave={(text, value) => {
                  const errors = item.wants === 'text' ? saveDraft(item.target, { text }) : saveDraft(item.target, { value });
                  return refusal(errors);
                }}
              />
            ))}
            {other ? <p className="small muted">{t('facilitation.private.hidden', { team: t(`teams.${other}`) })}</p> : null}
          </section>
        ) : null}
        {canFacilitate ? (
          <div className="facil-form">
            <label className="field--check">
              <input type="checkbox" checked={hideAuthors} onChange={(e) => setHideAuthors(e.target.checked)} data-testid="private-hide-authors" />{' '}
              {t('facilitation.private.hideAuthors')}
            </label>
            <p className="small muted">{t('facilitation.private.confirmReveal')}</p>
            <button type="button" className="primary" onClick={() => report(revealDrafts(hideAuthors))} data-testid="private-reveal">
              {t('facilitation.private.reveal')}
            </button>
          </div>
        ) : (
          <p className="small muted">{t('facilitation.private.onlyFacilitator')}</p>
        )}
        {errorLine}
      </div>
    );
  }

  const unitOf = new Map(items.map((i) => [`${i.target.kind}:${i.target.id}`, i.unit]));
  const show = (d: ShownDraft | undefined, unit: string) => {
    if (!d) return <span className="muted">—</span>;
    const value = d.value === null ? '' : `${shownValue(d.value, unit, language)}${unit ? ` ${unit}` : ''}`;
    return (
      <>
        {d.text ? <span>{d.text}</span> : null}
        {value ? <span className="num strong"> {value}</span> : null}
        <span className="small muted facil-author">
          {d.authorName ? t('facilitation.private.by', { names: d.authorName }) : t('facilitation.private.anonymous')}
        </span>
        {canFacilitate && (d.target.kind === 'term' || d.target.kind === 'sla-item') ? (
          <button type="button" className="small" onClick={() => report(adoptDraft(d.id))} data-testid="draft-adopt">
            {t('facilitation.private.adopt')}
          </button>
        ) : null}
      </>
    );
  };
  return (
    <div className="facil-private" data-testid="private-revealed">
      <p className="notice notice--success" role="status">
        {t('facilitation.private.revealed', { time: fmt.time(new Date(round.revealedAt ?? round.startedAt)) })}{' '}
        {t('facilitation.private.revealedTo', {
          where: t(`facilitation.private.where.${round.step === 'compare' ? 'compare' : round.step}`, {
            defaultValue: t('facilitation.private.where.compare'),
          }),
        })}
      </p>
      <table className="grid-table facil-side-by-side" data-testid="drafts-side-by-side">
        <thead>
          <tr>
            <th scope="col">{t('facilitation.private.item')}</th>
            {PARTIES.map((p) => (
              <th scope="col" key={p}>
                {t(`teams.${p}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pairs.map((pair) => (
            <tr key={`${pair.target.kind}:${pair.target.id}`}>
              <th scope="row">{pair.target.label}</th>
              {PARTIES.map((p) => (
                <td key={p}>{show(pair.byParty[p], unitOf.get(`${pair.target.kind}:${pair.target.id}`) ?? '')}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {errorLine}
    </div>
  );
}
