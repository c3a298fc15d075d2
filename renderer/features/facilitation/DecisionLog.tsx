/**
 * The decision log (what was decided, why, which teams, what it changed:
 * a linked gap, term, stage, clause or scenario) and the parking lot (open
 * questions with an owner and a due date). Both go into the agreement PDF.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEAMS, type Team } from '../../../shared/domain/workshop';
import { useAppStore } from '../../store';
import { formatters } from '../../i18n';
import { deleteDecision, editParkedQuestion, parkQuestion, recordDecision, removeParkedQuestion } from './actions';
import { AddForm, LabelledField, ParticipantOptions, RemoveButton, useRefusalMessage } from './forms';
import { useCanFacilitate, useFacilitation } from './hooks';
import { byKind, targetKey, targetOptions } from './view';

export function DecisionsPanel() {
  const { t } = useTranslation();
  const state = useFacilitation();
  const canFacilitate = useCanFacilitate();
  const content = useAppStore((s) => s.session!.content);
  const language = useAppStore((s) => s.language);
  const options = useMemo(() => targetOptions(content, (s) => t(`facilitation.sections.${s}`)), [content, t]);
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const [who, setWho] = useState<Team[]>(['marketing', 'sales']);
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalMessage();
  const fmt = formatters(language);

  const submit = () => {
    if (!what.trim()) return setError(t('facilitation.decision.needWhat'));
    const linked = options.find((o) => targetKey(o) === link);
    const errors = recordDecision({ what: what.trim(), why: why.trim(), decidedBy: who, links: linked ? [linked] : [] });
    setError(refusal(errors));
    if (errors) return;
    setWhat('');
    setWhy('');
    setLink('');
  };

  return (
    <div className="facil-decisions">
      {canFacilitate ? (
        <AddForm
          label={t('facilitation.decision.add')}
          submitLabel={t('facilitation.decision.add')}
          submitTestId="decision-add"
          primary
          error={error}
          onSubmit={submit}
        >
          <LabelledField label={t('facilitation.decision.what')}>
            {(id) => <textarea id={id} rows={2} maxLength={2000} value={what} onChange={(e) => setWhat(e.target.value)} data-testid="decision-what" />}
          </LabelledField>
          <LabelledField label={t('facilitation.decision.why')}>
            {(id) => <textarea id={id} rows={2} maxLength={2000} value={why} onChange={(e) => setWhy(e.target.value)} data-testid="decision-why" />}
          </LabelledField>
          <fieldset className="plain">
            <legend className="field__label">{t('facilitation.decision.who')}</legend>
            {TEAMS.map((team) => (
              <label key={team} className="field--check">
                <input
                  type="checkbox"
                  checked={who.includes(team)}
                  onChange={(e) => setWho(e.target.checked ? [...who, team] : who.filter((x) => x !== team))}
                  data-testid={`decision-who-${team}`}
                />{' '}
                {t(`teams.${team}`)}
              </label>
            ))}
          </fieldset>
          <LabelledField label={t('facilitation.decision.link')}>
            {(id) => (
              <select id={id} value={link} onChange={(e) => setLink(e.target.value)} data-testid="decision-link">
                <option value="">{t('facilitation.decision.linkNone')}</option>
                {byKind(options).map(([kind, targets]) => (
                  <optgroup key={kind} label={t(`facilitation.vote.targetKinds.${kind}`)}>
                    {targets.map((o) => (
                      <option key={targetKey(o)} value={targetKey(o)}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </LabelledField>
        </AddForm>
      ) : null}
      {state.decisions.length === 0 ? <p className="empty">{t('facilitation.decision.none')}</p> : null}
      <ol className="facil-list" data-testid="decisions">
        {state.decisions.map((d) => (
          <li key={d.id} className="card facil-decision" data-testid="decision">
            <p className="strong">{d.what}</p>
            {d.why ? <p>{d.why}</p> : null}
            <p className="small muted">
              {d.decidedBy.map((team) => t(`teams.${team}`)).join(', ')} · {t('facilitation.decision.at', { time: fmt.time(new Date(d.decidedAt)) })}
            </p>
            {d.links.map((l) => (
              <p key={targetKey(l)} className="small">
                {t('facilitation.decision.linked', { label: `${t(`facilitation.vote.targetKinds.${l.kind}`)}: ${l.label}` })}
              </p>
            ))}
            {canFacilitate ? (
              <RemoveButton label={t('facilitation.decision.remove', { what: d.what.slice(0, 60) })} onClick={() => deleteDecision(d.id)} />
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function ParkingPanel() {
  const { t } = useTranslation();
  const state = useFacilitation();
  const participants = useAppStore((s) => s.session!.content.participants);
  const language = useAppStore((s) => s.language);
  const [question, setQuestion] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refusal = useRefusalMessage();
  const fmt = formatters(language);
  const nameOf = (id: string | null) => participants.find((p) => p.id === id)?.name ?? t('facilitation.parking.noOwner');

  const submit = () => {
    if (!question.trim()) return setError(t('facilitation.parking.needQuestion'));
    const errors = parkQuestion({ question: question.trim(), ownerId: ownerId || null, due: /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null });
    setError(refusal(errors));
    if (errors) return;
    setQuestion('');
    setOwnerId('');
    setDue('');
  };

  return (
    <div className="facil-parking">
      {/* Anyone may park a question: the parking lot is where the room puts what it cannot settle now. */}
      <AddForm label={t('facilitation.parking.add')} submitLabel={t('facilitation.parking.add')} submitTestId="parking-add" error={error} onSubmit={submit}>
        <LabelledField label={t('facilitation.parking.question')}>
          {(id) => <input id={id} type="text" maxLength={1000} value={question} onChange={(e) => setQuestion(e.target.value)} data-testid="parking-question" />}
        </LabelledField>
        <div className="facil-form__row">
          <LabelledField label={t('facilitation.parking.owner')}>
            {(id) => (
              <select id={id} value={ownerId} onChange={(e) => setOwnerId(e.target.value)} data-testid="parking-owner">
                <option value="">{t('facilitation.parking.noOwner')}</option>
                <ParticipantOptions participants={participants} />
              </select>
            )}
          </LabelledField>
          <LabelledField label={t('facilitation.parking.due')}>
            {(id) => <input id={id} type="date" value={due} onChange={(e) => setDue(e.target.value)} data-testid="parking-due" />}
          </LabelledField>
        </div>
      </AddForm>
      {state.parkingLot.length === 0 ? <p className="empty">{t('facilitation.parking.none')}</p> : null}
      <ul className="plain-list facil-list" data-testid="parking">
        {state.parkingLot.map((p) => (
          <li key={p.id} className={`card facil-parking-item ${p.status === 'done' ? 'is-done' : ''}`} data-testid="parking-item">
            <p className="strong">{p.question}</p>
            <p className="small muted">
              {t('facilitation.parking.owner')}: {nameOf(p.ownerId)}
              {p.due ? ` · ${t('facilitation.parking.due')}: ${fmt.date(p.due)}` : ''}
            </p>
            <label className="field--check">
              <input type="checkbox" checked={p.status === 'done'} onChange={(e) => editParkedQuestion(p.id, { status: e.target.checked ? 'done' : 'open' })} />{' '}
              {t('facilitation.parking.done')}
            </label>
            <RemoveButton label={t('facilitation.parking.remove', { question: p.question.slice(0, 60) })} onClick={() => removeParkedQuestion(p.id)} />
          </li>
        ))}
      </ul>
    </div>
  );
}
