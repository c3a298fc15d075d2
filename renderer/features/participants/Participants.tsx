/** Participants: name, title, team, and whether they sign. */
import { useTranslation } from 'react-i18next';
import { TEAMS, type Participant } from '../../../shared/domain/workshop';
import { addParticipant, editParticipant, removeParticipant } from './actions';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { CheckField, SelectField, TextField, firstError } from '../../ui/fields';

export function Participants() {
  const { t } = useTranslation();
  const participants = useAppStore((s) => s.session!.content.participants);
  const update = <K extends keyof Participant>(id: string, field: K) => (value: Participant[K]) =>
    firstError(editParticipant(id, { [field]: value }));
  return (
    <div>
      <p className="intro">{t('participants.intro')}</p>
      {participants.length === 0 ? <p className="empty">{t('participants.none')}</p> : null}
      <table className="grid-table">
        <thead>
          <tr>
            <th>{t('participants.name')}</th>
            <th>{t('participants.jobTitle')}</th>
            <th>{t('participants.team')}</th>
            <th>{t('participants.signatory')}</th>
            <th><span className="sr-only">{t('participants.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {participants.map((p) => (
            <tr key={p.id} data-testid="participant-row">
              <td><TextField label={t('participants.name')} hideLabel value={p.name} onCommit={update(p.id, 'name')} /></td>
              <td><TextField label={t('participants.jobTitle')} hideLabel value={p.title} onCommit={update(p.id, 'title')} /></td>
              <td>
                <SelectField
                  label={t('participants.team')}
                  hideLabel
                  value={p.team}
                  options={TEAMS.map((team) => ({ value: team, label: t(`teams.${team}`) }))}
                  onCommit={update(p.id, 'team')}
                />
              </td>
              <td><CheckField label={t('participants.signatory')} hideLabel value={p.signatory} onCommit={update(p.id, 'signatory')} /></td>
              <td>
                <button className="icon danger" onClick={() => removeParticipant(p.id)} aria-label={`${t('participants.remove')} ${p.name}`}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        onClick={() =>
          addParticipant({ id: newId(), name: t('participants.newName'), title: '', team: 'marketing', signatory: false })
        }
      >
        + {t('participants.add')}
      </button>
    </div>
  );
}
