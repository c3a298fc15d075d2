/** Glossary: the list of terms and an editor for the selected one. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTerm, removeTerm, updateTerm } from '../../../shared/domain/workshop-doc';
import { PARTIES, type Term } from '../../../shared/domain/workshop';
import { richTextToPlain } from '../../../shared/domain/rich-text';
import { edit } from '../../data/session';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { SelectField, TextField, firstError } from '../../ui/fields';

export function Glossary() {
  const { t } = useTranslation();
  const terms = useAppStore((s) => s.session!.content.terms);
  const [selectedId, setSelectedId] = useState<string | null>(terms[0]?.id ?? null);
  const term = terms.find((x) => x.id === selectedId) ?? null;
  const update = (field: keyof Term) => (value: string) => firstError(edit((doc) => updateTerm(doc, term!.id, { [field]: value })));
  return (
    <div>
      <p className="intro">{t('glossary.intro')}</p>
      <div className="master-detail">
        <div className="master">
          <ul className="term-list" aria-label={t('steps.glossary')}>
            {terms.map((x) => (
              <li key={x.id}>
                <button className={x.id === selectedId ? 'term-item term-item--current' : 'term-item'} aria-current={x.id === selectedId || undefined} onClick={() => setSelectedId(x.id)} data-testid="term-item">
                  <strong>{x.acronym || x.name}</strong>
                  {x.acronym ? <span className="muted"> {x.name}</span> : null}
                  <span className={`owner owner--${x.ownerTeam}`}>{t(`teams.${x.ownerTeam}`)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button
            onClick={() => {
              const id = newId();
              edit((doc) => addTerm(doc, { id, name: t('glossary.newTerm'), acronym: '', definition: '', entryCriteria: '', exitCriteria: '', ownerTeam: 'marketing' }));
              setSelectedId(id);
            }}
          >
            + {t('glossary.add')}
          </button>
        </div>
        <div className="detail card">
          {term ? (
            <div key={term.id} className="form-grid" data-testid="term-editor">
              <TextField label={t('glossary.name')} value={term.name} onCommit={update('name')} testId="term-name" />
              <TextField label={t('glossary.acronym')} value={term.acronym} onCommit={update('acronym')} testId="term-acronym" />
              <SelectField
                label={t('glossary.owner')}
                value={term.ownerTeam}
                options={PARTIES.map((p) => ({ value: p, label: t(`teams.${p}`) }))}
                onCommit={(ownerTeam) => firstError(edit((doc) => updateTerm(doc, term.id, { ownerTeam })))}
              />
              <TextField className="span-2" label={t('glossary.definition')} multiline rows={3} value={richTextToPlain(term.definition)} onCommit={update('definition')} testId="term-definition" />
              <TextField className="span-2" label={t('glossary.entry')} multiline rows={2} value={richTextToPlain(term.entryCriteria)} onCommit={update('entryCriteria')} />
              <TextField className="span-2" label={t('glossary.exit')} multiline rows={2} value={richTextToPlain(term.exitCriteria)} onCommit={update('exitCriteria')} />
              <div className="form-actions span-2">
                <button
                  className="danger"
                  onClick={() => {
                    edit((doc) => removeTerm(doc, term.id));
                    setSelectedId(terms.find((x) => x.id !== term.id)?.id ?? null);
                  }}
                >
                  {t('glossary.remove')}
                </button>
              </div>
            </div>
          ) : (
            <p className="empty">{t('glossary.select')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
