/**
 * Compare: Marketing's and Sales' funnels side by side, their stages lined
 * up (by linked term, else by name with the usual synonyms), the list of
 * gaps at a tolerance the team sets, each gap highlighted on both canvases,
 * and its actions: adopt Marketing's or Sales' side into the agreed funnel,
 * settle it in the glossary, or add a draft SLA commitment. Each action
 * records the gap as resolved (how, by whom, when) in the workshop document
 * with the change it makes, one undo step (`adoptGapSide`, `settleGapInSla`,
 * `settleGapInGlossary` in `./actions.ts`); the list counts open and
 * resolved gaps. The agreed funnel can also be built wholesale from either side.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commitment, Party } from '../../../shared/domain/workshop';
import { DEFAULT_TOLERANCE, findGaps, gapTermId, highlightIds, type Gap, type GapAction, type GapTolerance } from '../../../shared/funnel/gaps';
import { lineUpStages } from '../../../shared/funnel/lineup';
import { agreedFromSide, applyGapResolution } from '../../../shared/funnel/merge';
import { formatDays, formatPercent } from '../../../shared/funnel/input';
import { uniqueId } from '../../../shared/funnel/stages';
import { gapCounts, gapStatuses } from '../../../shared/funnel/gap-resolutions';
import { formatters } from '../../i18n';
import { useAppStore } from '../../store';
import { useGapResolutions } from '../approvals/review-data';
import { FunnelCanvas, type Selection } from './FunnelCanvas';
import { adoptGapSide, reopenGap, setFunnel, settleGapInGlossary, settleGapInSla } from './actions';
import { termLabel } from './decorations';

const NONE: Selection = { stages: [], transitions: [] };

export function Compare() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const content = useAppStore((s) => s.session!.content);
  const navigate = useAppStore((s) => s.navigate);
  const route = useAppStore((s) => s.route);
  const { marketing, sales, agreed } = content.funnels;
  const [tolerance, setTolerance] = useState<GapTolerance>({ ...DEFAULT_TOLERANCE });
  const [toleranceText, setToleranceText] = useState({ ratePoints: String(DEFAULT_TOLERANCE.ratePoints), days: String(DEFAULT_TOLERANCE.days) });
  const [toleranceError, setToleranceError] = useState<Partial<Record<keyof GapTolerance, string>>>({});
  const [selectedGap, setSelectedGap] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const gaps = useMemo(() => findGaps(marketing, sales, tolerance, content.terms), [marketing, sales, tolerance, content.terms]);
  const resolutions = useGapResolutions();
  const statuses = useMemo(() => gapStatuses(gaps, resolutions), [gaps, resolutions]);
  const counts = gapCounts(statuses);
  const fmt = formatters(language);
  const lineUp = useMemo(() => lineUpStages(marketing, sales, content.terms), [marketing, sales, content.terms]);
  // The canvases highlight the gap pointed at, else every gap still open (what is left to settle).
  const shown = useMemo(
    () => statuses.filter((s) => (selectedGap ? s.gap.id === selectedGap : s.resolution === null)).map((s) => s.gap),
    [statuses, selectedGap],
  );
  const highlights = useMemo(() => ({ marketing: highlightIds(shown, 'marketing'), sales: highlightIds(shown, 'sales') }), [shown]);

  const setTol = (field: keyof GapTolerance, text: string) => {
    setToleranceText((x) => ({ ...x, [field]: text }));
    const value = Number(text.replace(',', '.').trim());
    if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
      setToleranceError((x) => ({ ...x, [field]: text.trim() === '' ? 'required' : 'number' }));
      return;
    }
    setToleranceError((x) => ({ ...x, [field]: undefined }));
    setTolerance((x) => ({ ...x, [field]: value }));
  };

  const termName = (id: string | null) => {
    const term = id ? content.terms.find((x) => x.id === id) : undefined;
    return term ? termLabel(term) : t('funnel.noTerm');
  };
  const valueText = (gap: Gap, side: Party): string => {
    const v = gap[side].value;
    switch (gap.kind) {
      case 'stage-missing':
        return (v as string | null) ?? t('funnel.compare.missing');
      case 'owner':
        return t(`teams.${v as Party}`);
      case 'term':
        return termName(v as string | null);
      case 'transition-missing':
        return v === null ? t('funnel.compare.missing') : formatPercent(v as number, language);
      case 'rate':
        return formatPercent(v as number, language);
      case 'days':
        return formatDays(v as number, language);
      case 'recycle':
        return t(v ? 'funnel.compare.yes' : 'funnel.compare.no');
    }
  };

  const adopt = (gap: Gap, side: Party) => {
    const result = applyGapResolution(agreed, gap, side, { marketing, sales }, content.terms);
    if (!result.ok) {
      setMessage({ kind: 'error', text: t('funnel.compare.adoptFailed', { message: result.error.message }) });
      return;
    }
    if (adoptGapSide(gap, side, result.value)) return;
    setMessage({ kind: 'info', text: t('funnel.compare.adopted') });
  };

  const openSla = (gap: Gap) => {
    const commitments = content.sla.commitments;
    const party: Party = gap.kind === 'owner' ? 'sales' : gap.kind === 'rate' || gap.kind === 'days' ? 'sales' : 'marketing';
    const number = gap.kind === 'rate' ? Math.round((gap.marketing.value as number) * 1000) / 10 : gap.kind === 'days' ? (gap.marketing.value as number) : 0;
    const commitment: Commitment = {
      id: uniqueId('c-gap', new Set(commitments.map((c) => c.id))),
      party,
      commitment: t('funnel.compare.slaDraft', { subject: gap.subject }),
      metric: t(`funnel.compare.kinds.${gap.kind}`),
      target: number,
      unit: gap.kind === 'rate' ? '%' : gap.kind === 'days' ? (language === 'es' ? 'días' : 'days') : '',
      period: 'month',
    };
    if (settleGapInSla(gap, commitment)) return;
    useAppStore.getState().setNotice({ kind: 'info', key: 'funnel.compare.slaAdded' });
    if (route.screen === 'workshop') navigate({ ...route, step: 'sla' });
  };

  const act = (gap: Gap, action: GapAction) => {
    if (action === 'adopt-marketing') adopt(gap, 'marketing');
    else if (action === 'adopt-sales') adopt(gap, 'sales');
    else if (action === 'open-glossary-item') {
      if (settleGapInGlossary(gap)) return;
      if (route.screen === 'workshop') navigate({ ...route, step: 'glossary', focus: gapTermId(gap, { marketing, sales }) });
    } else openSla(gap);
  };
  const actionLabel: Record<GapAction, string> = {
    'adopt-marketing': t('funnel.compare.adoptMarketing'),
    'adopt-sales': t('funnel.compare.adoptSales'),
    'open-glossary-item': t('funnel.compare.openGlossary'),
    'open-sla-item': t('funnel.compare.openSla'),
  };

  return (
    <div className="compare" data-testid="compare">
      <p className="intro">{t('funnel.compare.intro')}</p>
      <div className="compare__controls">
        {(['ratePoints', 'days'] as const).map((field) => (
          <label key={field} className={`field field--inline ${toleranceError[field] ? 'field--invalid' : ''}`}>
            <span className="field__label">{t(field === 'ratePoints' ? 'funnel.compare.tolerance' : 'funnel.compare.toleranceDays')}</span>
            <input
              type="text"
              inputMode="decimal"
              value={toleranceText[field]}
              onChange={(e) => setTol(field, e.target.value)}
              data-testid={`tolerance-${field}`}
              aria-invalid={toleranceError[field] ? true : undefined}
            />
            {toleranceError[field] ? (
              <span className="field__error" role="alert">
                {t(`errors.${toleranceError[field]}`)}
              </span>
            ) : null}
          </label>
        ))}
        <span className="compare__build">
          <strong>{t('funnel.compare.build')}:</strong>{' '}
          <button onClick={() => setFunnel('agreed', agreedFromSide({ marketing, sales }, 'marketing'))} data-testid="agreed-from-marketing">
            {t('funnel.compare.fromMarketing')}
          </button>{' '}
          <button onClick={() => setFunnel('agreed', agreedFromSide({ marketing, sales }, 'sales'))} data-testid="agreed-from-sales">
            {t('funnel.compare.fromSales')}
          </button>
        </span>
      </div>
      {message ? (
        <p className={`canvas-message canvas-message--${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <div className="compare__canvases">
        {(['marketing', 'sales'] as const).map((side) => (
          <section key={side} aria-label={t(`funnel.funnelName.${side}`)}>
            <h3 className={`compare__title compare__title--${side}`}>{t(`funnel.funnelName.${side}`)}</h3>
            <FunnelCanvas
              funnelId={side}
              funnel={content.funnels[side]}
              editable={false}
              selection={NONE}
              onSelectionChange={() => undefined}
              highlightStages={highlights[side].stageIds}
              highlightTransitions={highlights[side].transitionIds}
              label={t('funnel.canvasLabel', { funnel: t(`funnel.funnelName.${side}`) })}
              testId={`compare-${side}`}
            />
          </section>
        ))}
      </div>
      <div className="compare__lists">
        <section className="gap-list" aria-labelledby="gap-list-title">
          <h3 id="gap-list-title">{t('funnel.compare.gaps', { count: gaps.length })}</h3>
          {gaps.length > 0 ? (
            <p className="gap-counts" data-testid="gap-counts">
              <span className="gap-counts__open">{t('funnel.compare.countOpen', { count: counts.open })}</span>
              <span className="gap-counts__resolved">{t('funnel.compare.countResolved', { count: counts.resolved })}</span>
            </p>
          ) : null}
          {gaps.length === 0 ? <p className="muted">{t('funnel.compare.noGaps')}</p> : null}
          <ol>
            {statuses.map(({ gap, resolution, outdated }) => (
              <li
                key={gap.id}
                className={`gap ${resolution ? 'gap--resolved' : ''} ${selectedGap === gap.id ? 'is-selected' : ''}`}
                data-testid="gap"
                data-kind={gap.kind}
                data-status={resolution ? 'resolved' : 'open'}
                onMouseEnter={() => setSelectedGap(gap.id)}
                onMouseLeave={() => setSelectedGap(null)}
                onFocus={() => setSelectedGap(gap.id)}
              >
                <div className="gap__head">
                  <span className="gap__kind">{t(`funnel.compare.kinds.${gap.kind}`)}</span> <strong className="gap__subject">{gap.subject}</strong>
                </div>
                <div className="gap__values">
                  <span className="tag tag--marketing">
                    {t('teams.marketing')}: {valueText(gap, 'marketing')}
                  </span>
                  <span className="tag tag--sales">
                    {t('teams.sales')}: {valueText(gap, 'sales')}
                  </span>
                </div>
                {resolution ? (
                  <p className="gap__resolution" data-testid="gap-resolution">
                    <strong>{t(`funnel.compare.resolved.${resolution.way}`)}</strong>{' '}
                    <span className="muted">
                      {resolution.by
                        ? t('funnel.compare.resolvedBy', { name: resolution.by, time: fmt.time(resolution.at) })
                        : t('funnel.compare.resolvedHere', { time: fmt.time(resolution.at) })}
                    </span>
                  </p>
                ) : outdated ? (
                  <p className="gap__resolution gap__resolution--outdated" data-testid="gap-outdated">
                    {t('funnel.compare.outdated', { how: t(`funnel.compare.resolved.${outdated.way}`) })}
                  </p>
                ) : null}
                <div className="gap__actions">
                  {resolution ? (
                    <button onClick={() => reopenGap(gap.id)} data-testid="gap-reopen">
                      {t('funnel.compare.reopen')}
                    </button>
                  ) : (
                    gap.actions.map((a) => (
                      <button key={a} onClick={() => act(gap, a)} data-testid={`gap-${a}`}>
                        {actionLabel[a]}
                      </button>
                    ))
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
        <section className="lineup" aria-labelledby="lineup-title">
          <h3 id="lineup-title">{t('funnel.compare.lineup')}</h3>
          <table className="lineup__table">
            <thead>
              <tr>
                <th>{t('teams.marketing')}</th>
                <th>{t('teams.sales')}</th>
              </tr>
            </thead>
            <tbody>
              {lineUp.map((row, i) => (
                <tr key={i} className={row.marketing && row.sales ? '' : 'is-only'}>
                  <td>{row.marketing?.name ?? <span className="muted">{t('funnel.compare.only')}</span>}</td>
                  <td>{row.sales?.name ?? <span className="muted">{t('funnel.compare.only')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
