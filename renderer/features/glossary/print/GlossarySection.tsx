/**
 * The glossary in the printed agreement: each term with its owner team, the
 * agreed-funnel stage it defines, its formatted definition, entry and exit
 * criteria, examples, and the SLA clauses that use it, in the workshop's
 * language. Comments and approvals are not printed.
 */
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import { RichTextView } from '../../../ui/RichTextView';
import { isRichTextBlank } from '../../../../shared/domain/rich-text';
import { clausesUsingTerm } from '../../../../shared/sla/term-usage';
import './glossary-print.css';

export function GlossarySection({ snapshot, t }: PrintSectionProps) {
  const { content } = snapshot;
  return (
    <Section title={t('pdf.glossary')} id="glossary">
      {content.terms.map((term) => {
        const stage = content.funnels.agreed.stages.find((s) => s.termId === term.id);
        const uses = clausesUsingTerm(content, term);
        return (
          <div key={term.id} className="print-term">
            <h3>
              {term.acronym && term.acronym !== term.name ? (
                <>
                  <span className="print-term__acronym">{term.acronym}</span> —{' '}
                </>
              ) : null}
              {term.name} <span className={`print-owner print-owner--${term.ownerTeam}`}>{t(`teams.${term.ownerTeam}`)}</span>
            </h3>
            <RichTextView value={term.definition} className="print-rich" />
            <dl className="print-criteria">
              {/* An empty field is left out, not printed as a label with nothing beside it. */}
              {!isRichTextBlank(term.entryCriteria) ? (
                <>
                  <dt>{t('pdf.entry')}</dt>
                  <dd>
                    <RichTextView value={term.entryCriteria} className="print-rich" />
                  </dd>
                </>
              ) : null}
              {!isRichTextBlank(term.exitCriteria) ? (
                <>
                  <dt>{t('pdf.exit')}</dt>
                  <dd>
                    <RichTextView value={term.exitCriteria} className="print-rich" />
                  </dd>
                </>
              ) : null}
              {term.examples !== undefined && !isRichTextBlank(term.examples) ? (
                <>
                  <dt>{t('glossary.examples')}</dt>
                  <dd>
                    <RichTextView value={term.examples} className="print-rich" />
                  </dd>
                </>
              ) : null}
              {stage ? (
                <>
                  <dt>{t('glossary.stage')}</dt>
                  <dd>{stage.name}</dd>
                </>
              ) : null}
              {uses.length > 0 ? (
                <>
                  <dt>{t('glossary.usedBy')}</dt>
                  <dd>{uses.map((u) => (u.kind === 'section' ? t(`glossary.section.${u.key}`) : u.label)).join(' · ')}</dd>
                </>
              ) : null}
            </dl>
          </div>
        );
      })}
    </Section>
  );
}
