/** Participants: name, title, team, and whether they sign; and the company logo for the agreement's cover. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LOGO_CHARS } from '../../../shared/domain/bounds';
import { TEAMS, type Participant } from '../../../shared/domain/workshop';
import { addParticipant, editParticipant, removeParticipant, setCompanyLogo } from './actions';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { CheckField, SelectField, TextField, firstError } from '../../ui/fields';
import { FilePicker } from '../../ui/FilePicker';

/** Reads `file` as a `data:` URL, or says why it cannot be the logo (not a PNG or JPEG, too large). */
async function readLogo(file: File): Promise<{ ok: true; url: string } | { ok: false; error: 'logoType' | 'logoSize' }> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return { ok: false, error: 'logoType' };
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
  return url.length > MAX_LOGO_CHARS ? { ok: false, error: 'logoSize' } : { ok: true, url };
}

/** The company logo printed on the agreement's cover: choose a PNG or JPEG, see it, remove it. */
function LogoField() {
  const { t } = useTranslation();
  const logo = useAppStore((s) => s.session!.content.meta.logo);
  const company = useAppStore((s) => s.session!.content.meta.company);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="card logo-field" data-testid="logo-field">
      <div>
        <label htmlFor="logo-file" className="field__label">
          {t('participants.logo')}
        </label>
        <p className="muted small">{t('participants.logoHelp')}</p>
        <FilePicker
          id="logo-file"
          label={t('participants.logoChoose')}
          accept="image/png,image/jpeg"
          testId="logo-file"
          describedBy={error ? 'logo-error' : undefined}
          onFile={async (file) => {
            const read = await readLogo(file).catch(() => ({ ok: false as const, error: 'logoType' as const }));
            if (!read.ok) {
              setError(t(`participants.${read.error}`, { name: file.name }));
              return;
            }
            const refused = setCompanyLogo(read.url);
            setError(refused ? t('participants.logoType', { name: file.name }) : null);
          }}
        />
        {error ? (
          <p className="field__error" role="alert" id="logo-error">
            {error}
          </p>
        ) : null}
      </div>
      {logo ? (
        <div className="logo-field__preview">
          <img src={logo} alt={t('participants.logoAlt', { company })} />
          <button type="button" onClick={() => setCompanyLogo(null)}>
            {t('participants.logoRemove')}
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Participants() {
  const { t } = useTranslation();
  const participants = useAppStore((s) => s.session!.content.participants);
  const update =
    <K extends keyof Participant>(id: string, field: K) =>
    (value: Participant[K]) =>
      firstError(editParticipant(id, { [field]: value }));
  // The participant just added: once its row is there, its name field takes the focus.
  const [addedId, setAddedId] = useState<string | null>(null);
  const rows = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!addedId) return;
    const name = rows.current?.querySelector<HTMLInputElement>(`[data-participant-id="${addedId}"] input`);
    if (!name) return;
    name.focus();
    name.select();
    setAddedId(null);
  }, [addedId, participants]);
  return (
    <div>
      <p className="intro">{t('participants.intro')}</p>
      <LogoField />
      {participants.length === 0 ? <p className="empty">{t('participants.none')}</p> : null}
      <table className="grid-table">
        <thead>
          <tr>
            <th>{t('participants.name')}</th>
            <th>{t('participants.jobTitle')}</th>
            <th>{t('participants.team')}</th>
            <th>{t('participants.signatory')}</th>
            <th>
              <span className="sr-only">{t('participants.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody ref={rows}>
          {participants.map((p) => (
            <tr key={p.id} data-testid="participant-row" data-participant-id={p.id}>
              <td>
                <TextField label={t('participants.name')} hideLabel value={p.name} onCommit={update(p.id, 'name')} />
              </td>
              <td>
                <TextField className="participants__title" label={t('participants.jobTitle')} hideLabel value={p.title} onCommit={update(p.id, 'title')} />
              </td>
              <td>
                <SelectField
                  label={t('participants.team')}
                  hideLabel
                  value={p.team}
                  options={TEAMS.map((team) => ({ value: team, label: t(`teams.${team}`) }))}
                  onCommit={update(p.id, 'team')}
                />
              </td>
              <td>
                <CheckField label={t('participants.signatory')} hideLabel value={p.signatory} onCommit={update(p.id, 'signatory')} />
              </td>
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
        data-testid="participant-add"
        onClick={() => {
          const id = newId();
          if (!addParticipant({ id, name: t('participants.newName'), title: '', team: 'marketing', signatory: false })) setAddedId(id);
        }}
      >
        + {t('participants.add')}
      </button>
    </div>
  );
}
