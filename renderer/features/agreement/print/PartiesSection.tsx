/** The parties: every participant with title, team and whether they sign; and a freeze override, if any. */
import { inconsistencyText, itemLabel, overrideSummary } from '../audit-text';
import type { PrintSectionProps } from './types';
import { Section } from './Section';

export function PartiesSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { content, override } = snapshot;
  return (
    <Section title={t('agreement.pdf.parties')} id="parties">
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('participants.name')}</th>
            <th>{t('participants.jobTitle')}</th>
            <th>{t('pdf.team')}</th>
            <th>{t('pdf.signs')}</th>
          </tr>
        </thead>
        <tbody>
          {content.participants.map((p) => (
            <tr key={p.id}>
              <td>{p.name}</td>
              <td>{p.title}</td>
              <td>{t(`teams.${p.team}`)}</td>
              <td>{p.signatory ? t('pdf.yes') : t('pdf.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {override ? (
        <div className="print-override" data-testid="print-override">
          <h3>{t('agreement.pdf.override')}</h3>
          <p>{overrideSummary(override, t, fmt)}</p>
          <p>{t('agreement.pdf.overrideItems')}</p>
          <ul>
            {(override.inconsistencies ?? []).map((item) => (
              <li key={item.id}>{inconsistencyText(item, t, fmt)}</li>
            ))}
            {override.openItems.map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                {itemLabel(item, t)} — {t(`agreement.gate.${item.status}`)}
                {item.changedSinceApproval ? `, ${t('agreement.gate.changed')}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Section>
  );
}
