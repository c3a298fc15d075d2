/** The glossary in the printed agreement: each term with its owner, definition, entry and exit criteria. */
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import { RichTextView } from '../../../ui/RichTextView';

export function GlossarySection({ snapshot, t }: PrintSectionProps) {
  const { content } = snapshot;
  return (
    <Section title={t('pdf.glossary')} id="glossary">
      {content.terms.map((term) => (
        <div key={term.id} className="print-term">
          <h3>
            {term.acronym && term.acronym !== term.name ? <><span className="print-term__acronym">{term.acronym}</span> — </> : null}
            {term.name} <span className={`print-owner print-owner--${term.ownerTeam}`}>{t(`teams.${term.ownerTeam}`)}</span>
          </h3>
          <RichTextView value={term.definition} />
          <dl className="print-criteria">
            <dt>{t('pdf.entry')}</dt><dd><RichTextView value={term.entryCriteria} /></dd>
            <dt>{t('pdf.exit')}</dt><dd><RichTextView value={term.exitCriteria} /></dd>
          </dl>
        </div>
      ))}
    </Section>
  );
}
