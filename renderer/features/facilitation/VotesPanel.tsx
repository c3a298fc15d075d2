/**
 * Votes: the facilitator opens a dot vote or a consent check ("can you live
 * with this?") on gaps, definition variants, clauses or other items, and
 * closes it; each person votes as themselves (their room seat, or at a
 * shared screen the participant picked); results show by team.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_ANSWERS, type FacilitationTarget, type Vote, type VoteKind } from '../../../shared/facilitation/types';
import { TEAMS } from '../../../shared/domain/workshop';
import { useAppStore } from '../../store';
import { useSeat } from '../../data/seat';
import { dotsLeft, type VoteTally } from '../../../shared/facilitation/votes';
import { castVote, closeVote, openVote } from './actions';
import { AddForm, FormError, LabelledField, ParticipantOptions, useRefusalMessage } from './forms';
import { useCanFacilitate, useVotes } from './hooks';
import { byKind, targetKey, targetOptions, useFacilitationUi, voterOf, type Voter } from './view';

/** Picks who votes at a shared screen (outside a room); in a room the seat's identity votes. */
function VoteAs() {
  const { t } = useTranslation();
  const seat = useSeat();
  const participants = useAppStore((s) => s.session!.content.participants);
  const voteAsId = useFacilitationUi((s) => s.voteAsId);
  if (seat.inRoom && seat.identity)
    return <p className="small muted">{t('facilitation.vote.voteAs', { name: seat.identity.name, team: t(`teams.${seat.identity.team}`) })}</p>;
  return (
    <LabelledField label={t('facilitation.vote.voteAsPick')}>
      {(id) => (
        <select id={id} value={voteAsId ?? ''} onChange={(e) => useFacilitationUi.setState({ voteAsId: e.target.value || null })} data-testid="vote-as">
          <option value="">{t('facilitation.vote.voteAsNobody')}</option>
          <ParticipantOptions participants={participants} />
        </select>
      )}
    </LabelledField>
  );
}

function NewVote({ options }: { options: FacilitationTarget[] }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<VoteKind>('dots');
  const [question, setQuestion] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [dots, setDots] = useState(3);
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalMessage();
  const submit = () => {
    const targets = options.filter((o) => picked.includes(targetKey(o)));
    if (!question.trim()) return setError(t('facilitation.vote.needQuestion'));
    if (targets.length === 0) return setError(t('facilitation.vote.needTarget'));
    const errors = openVote({ kind, question: question.trim(), targets, dotsPerVoter: dots });
    setError(refusal(errors));
    if (errors) return;
    setQuestion('');
    setPicked([]);
  };
  return (
    <AddForm label={t('facilitation.vote.new')} submitLabel={t('facilitation.vote.open')} submitTestId="vote-open" primary error={error} onSubmit={submit}>
      <fieldset className="plain">
        <legend className="field__label">{t('facilitation.vote.kind')}</legend>
        {(['dots', 'consent'] as const).map((k) => (
          <label key={k} className="field--check">
            <input type="radio" name="vote-kind" value={k} checked={kind === k} onChange={() => setKind(k)} data-testid={`vote-kind-${k}`} />{' '}
            {t(`facilitation.vote.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <LabelledField label={t('facilitation.vote.question')}>
        {(id) => <input id={id} type="text" maxLength={300} value={question} onChange={(e) => setQuestion(e.target.value)} data-testid="vote-question" />}
      </LabelledField>
      <fieldset className="plain facil-options">
        <legend className="field__label">{kind === 'consent' ? t('facilitation.vote.on') : t('facilitation.vote.options')}</legend>
        {byKind(options).map(([k, targets]) => (
          <div key={k} className="facil-options__group">
            <p className="small strong">{t(`facilitation.vote.targetKinds.${k}`)}</p>
            {targets.map((o) => {
              const key = targetKey(o);
              const on = picked.includes(key);
              return (
                <label key={key} className="field--check">
                  <input
                    type={kind === 'consent' ? 'radio' : 'checkbox'}
                    name="vote-target"
                    checked={on}
                    onChange={() => setPicked(kind === 'consent' ? [key] : on ? picked.filter((x) => x !== key) : [...picked, key])}
                    data-testid="vote-target"
                  />{' '}
                  {o.label}
                </label>
              );
            })}
          </div>
        ))}
      </fieldset>
      {kind === 'dots' ? (
        <LabelledField label={t('facilitation.vote.dotsPerVoter')} className="facil-narrow">
          {(id) => (
            <input
              id={id}
              type="number"
              min={1}
              max={10}
              value={dots}
              onChange={(e) => setDots(Math.max(1, Math.min(10, Math.round(Number(e.target.value) || 1))))}
            />
          )}
        </LabelledField>
      ) : null}
    </AddForm>
  );
}

/** Results by team: one row per option (dots) or answer (consent), one column per team. */
function Results({ vote, tally }: { vote: Vote; tally: VoteTally }) {
  const { t } = useTranslation();
  const labelOf = new Map(vote.targets.map((x) => [x.id, x.label]));
  const rows: { key: string; label: string; byTeam: Record<string, number> }[] =
    vote.kind === 'dots'
      ? tally.dots.map((d) => ({ key: d.targetId, label: labelOf.get(d.targetId) ?? d.targetId, byTeam: d.byTeam }))
      : CONSENT_ANSWERS.map((a) => ({ key: a, label: t(`facilitation.vote.consent.${a}`), byTeam: tally.consent[a] }));
  return (
    <table className="grid-table facil-results" data-testid="vote-results">
      <caption className="small strong">{t('facilitation.vote.results')}</caption>
      <thead>
        <tr>
          <th scope="col">{vote.kind === 'dots' ? t('facilitation.vote.option') : t('facilitation.vote.answer')}</th>
          {TEAMS.map((team) => (
            <th key={team} scope="col" className="num">
              {t(`teams.${team}`)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('facilitation.vote.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { byTeam } = row;
          const total = TEAMS.reduce((sum, team) => sum + (byTeam[team] ?? 0), 0);
          return (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {TEAMS.map((team) => (
                <td key={team} className="num">
                  {byTeam[team] ?? 0}
                </td>
              ))}
              <td className="num strong">{total}</td>
            </tr>
          );
        })}
      </tbody>
      {tally.outcome ? (
        <tfoot>
          <tr>
            <td colSpan={TEAMS.length + 2} className="small strong" data-testid="vote-outcome">
              {t(`facilitation.vote.outcome.${tally.outcome}`)}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** One voter's ballot on an open vote: dots with +/− per option, or the three consent answers. */
function Ballot({ vote, voter, onCast }: { vote: Vote; voter: Voter & { asOther: boolean }; onCast: (errors: Record<string, string> | null) => void }) {
  const { t } = useTranslation();
  const mine = vote.ballots[voter.id];
  if (vote.kind === 'consent') {
    return (
      <fieldset className="plain ballot">
        <legend className="strong">{t('facilitation.vote.consentQuestion')}</legend>
        {CONSENT_ANSWERS.map((a) => (
          <label key={a} className="field--check">
            <input
              type="radio"
              name={`consent-${vote.id}`}
              checked={mine?.consent === a}
              onChange={() => onCast(castVote(vote.id, { consent: a }, voter.asOther ? voter : undefined))}
              data-testid={`consent-${a}`}
            />{' '}
            {t(`facilitation.vote.consent.${a}`)}
          </label>
        ))}
      </fieldset>
    );
  }
  const dots = mine?.dots ?? {};
  const left = dotsLeft(vote, voter.id);
  const put = (targetId: string, delta: number) =>
    onCast(castVote(vote.id, { dots: { ...dots, [targetId]: Math.max(0, (dots[targetId] ?? 0) + delta) } }, voter.asOther ? voter : undefined));
  return (
    <div className="ballot">
      <p className="small" aria-live="polite" data-testid="dots-left">
        {t('facilitation.vote.yourDots', { left, total: vote.dotsPerVoter })}
      </p>
      <ul className="plain-list">
        {vote.targets.map((x) => (
          <li key={x.id} className="ballot__row">
            <span>{x.label}</span>
            <span className="ballot__dots" aria-hidden>
              {'●'.repeat(dots[x.id] ?? 0)}
            </span>
            <button
              type="button"
              className="icon"
              disabled={!(dots[x.id] ?? 0)}
              aria-label={t('facilitation.vote.removeDot', { label: x.label })}
              onClick={() => put(x.id, -1)}
            >
              −
            </button>
            <button
              type="button"
              className="icon"
              disabled={left <= 0}
              aria-label={t('facilitation.vote.addDot', { label: x.label })}
              onClick={() => put(x.id, 1)}
              data-testid="dot-add"
            >
              +
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function VotesPanel() {
  const { t } = useTranslation();
  const canFacilitate = useCanFacilitate();
  const content = useAppStore((s) => s.session!.content);
  const seat = useSeat();
  const voteAsId = useFacilitationUi((s) => s.voteAsId);
  const found = voterOf(seat, content, voteAsId);
  // At a shared screen the facilitator records each person's ballot in turn (the model's `voter`); in a room each seat votes as itself.
  const voter = found ? { ...found, asOther: !(seat.inRoom && seat.identity) } : null;
  const options = useMemo(() => targetOptions(content, (s) => t(`facilitation.sections.${s}`)), [content, t]);
  const votes = [...useVotes()].reverse();
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalMessage();
  const onCast = (errors: Record<string, string> | null) => setError(refusal(errors));
  return (
    <div className="facil-votes">
      {canFacilitate ? <NewVote options={options} /> : null}
      <VoteAs />
      <FormError message={error} />
      {votes.length === 0 ? <p className="empty">{t('facilitation.vote.none')}</p> : null}
      <ul className="plain-list facil-list">
        {votes.map(({ vote, tally }) => (
          <li key={vote.id} className="card facil-vote" data-testid="vote">
            <div className="row-between">
              <h3>{vote.question}</h3>
              <span className={`badge ${vote.status === 'open' ? 'badge--ready' : 'badge--draft'}`}>{t(`facilitation.vote.status.${vote.status}`)}</span>
            </div>
            <p className="small muted">
              {t(`facilitation.vote.kinds.${vote.kind}`)} · {t('facilitation.vote.ballots', { count: Object.keys(vote.ballots).length })}
            </p>
            {vote.status === 'open' && voter ? <Ballot vote={vote} voter={voter} onCast={onCast} /> : null}
            <Results vote={vote} tally={tally} />
            {canFacilitate && vote.status === 'open' ? (
              <button type="button" onClick={() => closeVote(vote.id)} data-testid="vote-close">
                {t('facilitation.vote.close')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
