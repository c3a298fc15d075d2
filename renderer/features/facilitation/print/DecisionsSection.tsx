/**
 * The decision log in the printed agreement, in the workshop's language:
 * each decision frozen with the version (`snapshot.facilitation`), with why,
 * who decided it by team, when, and what it changed (the term, stage,
 * clause, scenario or gap, by the name it had). Left out when the version
 * records no decision.
 */
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import './facilitation-print.css';

export function DecisionsSection({ snapshot, t, fmt }: PrintSectionProps) {
  const decisions = snapshot.facilitation?.decisions ?? [];
  if (decisions.length === 0) return <></>;
  return (
    <Section title={t('facilitation.pdf.decisions')} id="decisions">
      <p className="print-facilitation-note">{t('facilitation.pdf.decisionsIntro')}</p>
      <ol className="print-decisions" data-testid="print-decisions">
        {decisions.map((d) => (
          <li key={d.id} className="print-decision">
            <p className="print-decision__what">{d.what}</p>
            <dl className="print-decision__facts">
              {d.why.trim() !== '' ? (
                <div>
                  <dt>{t('facilitation.pdf.why')}</dt>
                  <dd>{d.why}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('facilitation.pdf.decidedBy')}</dt>
                <dd>{d.decidedBy.length > 0 ? d.decidedBy.map((team) => t(`teams.${team}`)).join(', ') : t('facilitation.pdf.nobody')}</dd>
              </div>
              <div>
                <dt>{t('facilitation.pdf.when')}</dt>
                <dd>{fmt.dateTime(new Date(d.decidedAt))}</dd>
              </div>
              {d.links.length > 0 ? (
                <div>
                  <dt>{t('facilitation.pdf.changed')}</dt>
                  <dd>{d.links.map((l) => `${t(`facilitation.pdf.link.${l.kind}`)}: ${l.label}`).join('; ')}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
    </Section>
  );
}
