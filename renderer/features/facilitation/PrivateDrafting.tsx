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
import {
  draftProgress,
  draftsSideBySide,
  endPrivateRound,
  revealPrivateRound,
  saveDraft,
  startPrivateRound,
  useCanFacilitate,
  useFacilitation,
  visibleDrafts,
  type ShownDraft,
} from './api';
import { draftItems, draftingParty, useFacilitationUi, voterOf } from './view';

/** A draft's number as typed (a rate as a percentage, other numbers as they are). */
function shownValue(value: number | null, unit: string, language: 'es' | 'en'): string {
  if (value === null) return '';
  const n = unit === '%' ? value * 100 : value;
  return new Intl.NumberFormat(language === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 2, useGrouping: false }).format(n);
}

/** One item's draft field: wording or a number, saved on blur or Enter. */
function DraftField({ label, wants, unit, draft, onSave }: { label: string; wants: 'text' | 'value'; unit: string; draft: ShownDraft | undefined; onSave: (text: string, value: number | null) => string | null }) {
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
      const normal = text.trim().replace(/\s/g, '').replace(language === 'es' ? /\./g : /,/g, '').replace(',', '.');
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
          <input {...common} type="text" inputMode="decimal" data-testid="draft-value" onKeyDown={(e) => e.key === 'Enter' && (e.target as HTMLElement).blur()} />
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
  const ui = useFacilitationUi();
  const round = state.privateRound;
  const [hideAuthors, setHideAuthors] = useState(false);
  const [blockId, setBlockId] = useState<string>('');
  const blockSelect = useId();
  const draftAsId = useId();
  const fmt = formatters(language);
  const party = draftingParty(seat, ui.draftAs);
  const voter = voterOf(seat, content, ui.voteAsId);

  if (!round) {
    const candidates = state.agenda.filter((b) => b.privateDrafting);
    const chosen = blockId || (candidates.find((b) => b.id === state.currentBlockId)?.id ?? candidates[0]?.id ?? '');
    return (
      <div className="facil-private">
        <p className="intro">{t('facil.private.intro')}</p>
        {!canFacilitate ? <p className="empty">{t('facil.private.none')}</p> : null}
        {canFacilitate && candidates.length === 0 ? <p className="empty">{t('facil.private.noBlock')}</p> : null}
        {canFacilitate && candidates.length > 0 ? (
          <div className="facil-form">
            <div className="field">
              <label htmlFor={blockSelect} className="field__label">
                {t('facil.private.block')}
              </label>
              <select id={blockSelect} value={chosen} onChange={(e) => setBlockId(e.target.value)} data-testid="private-block">
                {candidates.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="primary" onClick={() => chosen && startPrivateRound(chosen, false, Date.now())} data-testid="private-start">
              {t('facil.private.start')}
            </button>
          </div>
        ) : null}
      </div>
    );
  }

  const block = state.agenda.find((b) => b.id === round.blockId);
  const items = draftItems(round.step, content);
  const progress = draftProgress(state.drafts, round);

  if (round.status === 'drafting') {
    const mine = party ? visibleDrafts(state.drafts, round, { team: party }).filter((d) => d.blockId === round.blockId) : [];
    const other = PARTIES.find((p) => p !== party);
    return (
      <div className="facil-private" data-testid="private-drafting">
        <p className="notice notice--info" role="status">
          {t('facil.private.drafting')}
        </p>
        <p className="small">{block ? t('facil.private.forBlock', { title: block.title }) : null}</p>
        <ul className="plain-list facil-progress" aria-label={t('facil.private.progress')}>
          {PARTIES.map((p) => (
            <li key={p}>
              <span className={`owner owner--${p}`}>{t(`teams.${p}`)}</span> {t('facil.private.drafted', { count: progress[p] })}
            </li>
          ))}
        </ul>
        {!seat.inRoom ? (
          <div className="field facil-narrow">
            <label htmlFor={draftAsId} className="field__label">
              {t('facil.private.draftAs')}
            </label>
            <select id={draftAsId} value={ui.draftAs} onChange={(e) => useFacilitationUi.setState({ draftAs: e.target.value as Party })} data-testid="draft-as">
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
            <h3 id="my-draft">{t('facil.private.draft', { team: t(`teams.${party}`) })}</h3>
            <p className="small">{t('facil.private.yourTeam', { team: t(`teams.${party}`) })}</p>
            <p className="small muted">{t('facil.private.draftHint')}</p>
            {items.length === 0 ? <p className="empty">{t('facil.private.nothingToDraft')}</p> : null}
            {items.map((item) => (
              <DraftField
                key={`${party}:${item.target.kind}:${item.target.id}`}
                label={item.target.label}
                wants={item.wants}
                unit={item.unit}
                draft={mine.find((d) => d.target.kind === item.target.kind && d.target.id === item.target.id)}
                onSave={(text, value) => {
                  const errors = saveDraft({ party, target: item.target, text, value, authorId: voter?.id ?? seat.deviceId, authorName: voter?.name ?? '' }, Date.now());
                  return errors ? t('facil.error', { message: Object.values(errors)[0] }) : null;
                }}
              />
            ))}
            {other ? <p className="small muted">{t('facil.private.hidden', { team: t(`teams.${other}`) })}</p> : null}
          </section>
        ) : null}
        {canFacilitate ? (
          <div className="facil-form">
            <label className="field--check">
              <input type="checkbox" checked={hideAuthors} onChange={(e) => setHideAuthors(e.target.checked)} data-testid="private-hide-authors" /> {t('facil.private.hideAuthors')}
            </label>
            <p className="small muted">{t('facil.private.confirmReveal')}</p>
            <button type="button" className="primary" onClick={() => revealPrivateRound(hideAuthors, Date.now())} data-testid="private-reveal">
              {t('facil.private.reveal')}
            </button>
          </div>
        ) : (
          <p className="small muted">{t('facil.private.onlyFacilitator')}</p>
        )}
      </div>
    );
  }

  const pairs = draftsSideBySide(state.drafts, round, { team: party }, round.blockId);
  const unitOf = new Map(items.map((i) => [`${i.target.kind}:${i.target.id}`, i.unit]));
  const show = (d: ShownDraft | undefined, unit: string) => {
    if (!d) return <span className="muted">—</span>;
    const value = d.value === null ? '' : `${shownValue(d.value, unit, language)}${unit ? ` ${unit}` : ''}`;
    return (
      <>
        {d.text ? <span>{d.text}</span> : null}
        {value ? <span className="num strong"> {value}</span> : null}
        <span className="small muted facil-author">{d.authorName ? t('facil.private.by', { names: d.authorName }) : t('facil.private.anonymous')}</span>
      </>
    );
  };
  return (
    <div className="facil-private" data-testid="private-revealed">
      <p className="notice notice--success" role="status">
        {t('facil.private.revealed', { time: fmt.time(new Date(round.revealedAt ?? round.startedAt)) })}{' '}
        {t('facil.private.revealedTo', { where: t(`facil.private.where.${round.step === 'compare' ? 'compare' : round.step}`, { defaultValue: t('facil.private.where.compare') }) })}
      </p>
      <table className="grid-table facil-side-by-side" data-testid="drafts-side-by-side">
        <thead>
          <tr>
            <th scope="col">{t('facil.private.item')}</th>
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
      {canFacilitate ? (
        <button type="button" onClick={() => endPrivateRound()} data-testid="private-end">
          {t('facil.private.end')}
        </button>
      ) : null}
    </div>
  );
}
