/**
 * The follow-ups in the printed agreement: the parking-lot questions still
 * open when the version was frozen, with their owner and due date, soonest
 * first. Left out when none was open.
 */
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import './facilitation-print.css';

export function FollowUpsSection({ snapshot, t, fmt }: PrintSectionProps) {
  const followUps = snapshot.facilitation?.followUps ?? [];
  if (followUps.length === 0) return <></>;
  return (
    <Section title={t('facilitation.pdf.followUps')} id="follow-ups">
      <p className="print-facilitation-note">{t('facilitation.pdf.followUpsIntro')}</p>
      <table className="print-table" data-testid="print-follow-ups">
        <thead>
          <tr>
            <th>{t('facilitation.pdf.question')}</th>
            <th>{t('facilitation.pdf.owner')}</th>
            <th>{t('facilitation.pdf.due')}</th>
          </tr>
        </thead>
        <tbody>
          {followUps.map((f) => (
            <tr key={f.id}>
              <td>{f.question}</td>
              <td>{f.ownerName ?? t('facilitation.pdf.unassigned')}</td>
              <td className="print-nowrap">{f.due ? fmt.date(f.due) : t('facilitation.pdf.noDue')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
