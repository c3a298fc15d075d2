/** The SLA in the printed agreement: purpose and scope, then each party's commitments. */
import { PARTIES } from '../../../../shared/domain/workshop';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import { RichTextView } from '../../../ui/RichTextView';

export function SlaSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { content } = snapshot;
  return (
    <Section title={t('pdf.sla')} id="sla">
      <RichTextView value={content.sla.intro} />
      {PARTIES.map((party) => {
        const list = content.sla.commitments.filter((c) => c.party === party);
        if (list.length === 0) return null;
        return (
          <div key={party} className="print-commitments">
            <h3>{t('pdf.commitmentsOf', { team: t(`teams.${party}`) })}</h3>
            <table className="print-table">
              <thead><tr><th>{t('sla.commitment')}</th><th>{t('sla.metric')}</th><th className="num">{t('sla.target')}</th><th>{t('sla.period')}</th></tr></thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <td>{c.commitment}</td>
                    <td>{c.metric}</td>
                    <td className="num">{fmt.number(c.target)} {c.unit}</td>
                    <td>{t(`periods.${c.period}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </Section>
  );
}
