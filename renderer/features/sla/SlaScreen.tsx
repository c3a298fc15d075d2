/** SLA: purpose and scope, and the commitments of each party. */
import { useTranslation } from 'react-i18next';
import { addCommitment, removeCommitment, setSlaIntro, updateCommitment } from '../../../shared/domain/workshop-doc';
import { PARTIES, PERIODS, type Commitment } from '../../../shared/domain/workshop';
import { richTextToPlain } from '../../../shared/domain/rich-text';
import { edit } from '../../data/session';
import { newId } from '../../data/workshops';
import { useAppStore } from '../../store';
import { NumberField, SelectField, TextField, firstError } from '../../ui/fields';

export function SlaScreen() {
  const { t } = useTranslation();
  const sla = useAppStore((s) => s.session!.content.sla);
  const update = <K extends keyof Commitment>(id: string, field: K) => (value: Commitment[K]) =>
    firstError(edit((doc) => updateCommitment(doc, id, { [field]: value })));
  return (
    <div>
      <TextField
        label={t('sla.intro')}
        hint={t('sla.introHelp')}
        multiline
        rows={5}
        value={richTextToPlain(sla.intro)}
        onCommit={(intro) => firstError(edit((doc) => setSlaIntro(doc, intro)))}
        testId="sla-intro"
      />
      <h2>{t('sla.commitments')}</h2>
      <table className="grid-table commitments">
        <thead>
          <tr>
            <th>{t('sla.party')}</th>
            <th>{t('sla.commitment')}</th>
            <th>{t('sla.metric')}</th>
            <th>{t('sla.target')}</th>
            <th>{t('sla.unit')}</th>
            <th>{t('sla.period')}</th>
            <th><span className="sr-only">{t('sla.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {sla.commitments.map((c) => (
            <tr key={c.id} data-testid="commitment-row">
              <td>
                <SelectField label={t('sla.party')} hideLabel value={c.party} options={PARTIES.map((p) => ({ value: p, label: t(`teams.${p}`) }))} onCommit={update(c.id, 'party')} />
              </td>
              <td><TextField label={t('sla.commitment')} hideLabel multiline rows={2} value={c.commitment} onCommit={update(c.id, 'commitment')} /></td>
              <td><TextField label={t('sla.metric')} hideLabel value={c.metric} onCommit={update(c.id, 'metric')} /></td>
              <td><NumberField label={t('sla.target')} hideLabel kind="number" value={c.target} onCommit={update(c.id, 'target')} /></td>
              <td><TextField label={t('sla.unit')} hideLabel value={c.unit} onCommit={update(c.id, 'unit')} /></td>
              <td>
                <SelectField label={t('sla.period')} hideLabel value={c.period} options={PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))} onCommit={update(c.id, 'period')} />
              </td>
              <td>
                <button className="icon danger" onClick={() => edit((doc) => removeCommitment(doc, c.id))} aria-label={`${t('sla.remove')}: ${c.commitment}`}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        onClick={() =>
          edit((doc) =>
            addCommitment(doc, { id: newId(), party: 'marketing', commitment: t('sla.newCommitment'), metric: t('sla.newMetric'), target: 0, unit: '', period: 'month' }),
          )
        }
      >
        + {t('sla.add')}
      </button>
    </div>
  );
}
