/**
 * The SLA in the printed agreement, in the workshop's language: purpose and
 * scope; definitions drawn from the glossary; each party's structured
 * commitments (metric, target with unit, period, how measured, what happens
 * when missed); then lead handoff, recycling, escalation, customer-loyalty
 * metrics and reporting cadence as formatted text. Sections absent from an
 * older snapshot are left out; comments and approvals are not printed.
 */
import { PARTIES, SLA_SECTION_KEYS } from '../../../../shared/domain/workshop';
import { isRichTextBlank, richTextToPlain } from '../../../../shared/domain/rich-text';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import { RichTextView } from '../../../ui/RichTextView';
import '../../glossary/print/glossary-print.css';

export function SlaSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { content } = snapshot;
  const sections = content.sla.sections ?? {};
  return (
    <Section title={t('pdf.sla')} id="sla">
      <h3>{t('sla.section.intro')}</h3>
      <RichTextView value={content.sla.intro} className="print-rich" />
      <h3>{t('sla.section.definitions')}</h3>
      <dl className="print-criteria print-sla-definitions">
        {content.terms.map((term) => (
          <div key={term.id} className="print-sla-definition">
            <dt>{term.acronym && term.acronym !== term.name ? `${term.acronym} — ${term.name}` : term.name}</dt>
            <dd>{richTextToPlain(term.definition).split('\n\n')[0]}</dd>
          </div>
        ))}
      </dl>
      {PARTIES.map((party) => {
        const list = content.sla.commitments.filter((c) => c.party === party);
        // A column nobody filled in is left out rather than printed empty.
        const measured = list.some((c) => (c.measurement ?? '').trim() !== '');
        const missed = list.some((c) => (c.whenMissed ?? '').trim() !== '');
        return (
          <div key={party} className="print-commitments">
            <h3>{t(`sla.section.${party}`)}</h3>
            {list.length === 0 ? (
              <p>—</p>
            ) : (
              <table className="print-table print-sla-table">
                <thead>
                  <tr>
                    <th>{t('sla.commitment')}</th>
                    <th>{t('sla.metric')}</th>
                    <th className="num">{t('sla.target')}</th>
                    <th>{t('sla.period')}</th>
                    {measured ? <th>{t('sla.measurement')}</th> : null}
                    {missed ? <th>{t('sla.whenMissed')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <td>{c.commitment}</td>
                      <td>{c.metric}</td>
                      <td className="num">
                        {fmt.number(c.target)} {c.unit}
                      </td>
                      <td>{t(`periods.${c.period}`)}</td>
                      {measured ? <td>{c.measurement ?? ''}</td> : null}
                      {missed ? <td>{c.whenMissed ?? ''}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      {SLA_SECTION_KEYS.map((key) => {
        const text = sections[key];
        if (text === undefined || isRichTextBlank(text)) return null;
        return (
          <div key={key} className="print-sla-part">
            <h3>{t(`sla.section.${key}`)}</h3>
            <RichTextView value={text} className="print-rich" />
          </div>
        );
      })}
    </Section>
  );
}
