/**
 * The funnels in the printed agreement: the agreed funnel as a vector
 * diagram (`funnelToSvg`) across the page's width, with the table of every
 * arrow it draws (main path, branches and recycle loops: none is left out);
 * then each team's funnel as drawn in the workshop (issue 5 asks for the
 * three funnels in the PDF). Rates and days are printed with the formatters
 * the diagram uses (`fmt.rate`, `fmt.days`), so a figure reads the same in
 * the diagram, the table and the targets. A long funnel is laid out top to
 * bottom so its text stays legible at 100 %. Text in the diagrams stays
 * text, so the PDF is searchable and sharp at any zoom.
 */
import { useId } from 'react';
import type { Funnel, FunnelId, Party } from '../../../../shared/domain/workshop';
import { mainPath } from '../../../../shared/funnel/graph';
import { funnelToSvg } from '../../../../shared/funnel/svg';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import { funnelArrows } from '../../agreement/print/funnel-arrows';
import './funnel-print.css';

/** Width the diagrams are drawn at, CSS px: the A4/Letter text width (~175 mm); CSS scales them to the column. */
const PRINT_WIDTH = 660;
/** A main path longer than this many stages is laid out top to bottom: left to right it would shrink its text below ~7 pt. */
const MAX_STAGES_ACROSS = 4;

function FunnelDiagram({
  funnel,
  funnelId,
  title,
  ownerLabels,
  language,
}: {
  funnel: Funnel;
  funnelId: FunnelId;
  title: string;
  ownerLabels: Record<Party, string>;
  language: 'es' | 'en';
}) {
  // Each team's funnel takes half the width (the two side by side): drawn at half the width, its text stays as large.
  const width = funnelId === 'agreed' ? PRINT_WIDTH : PRINT_WIDTH / 2;
  // Ids unique per mounted diagram: the preview and the print copy are both in the page, and a marker
  // referenced from the print copy must not resolve to the hidden preview's (it would print no arrowheads).
  const uid = useId().replace(/[^A-Za-z0-9_-]/g, '');
  if (funnel.stages.length === 0) return null;
  const vertical = mainPath(funnel).length > MAX_STAGES_ACROSS;
  const svg = funnelToSvg(funnel, { width, language, title, ownerLabels, idPrefix: `pdf-${funnelId}-${uid}`, layout: vertical ? 'auto-vertical' : 'auto' });
  // The SVG is built by funnelToSvg, which escapes every text it writes (no markup from the user gets through).
  return (
    <figure
      className={`print-funnel-svg print-funnel-svg--${funnelId}${vertical ? ' print-funnel-svg--vertical' : ''}`}
      role="img"
      aria-label={title}
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

export function FunnelSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { funnels, meta } = snapshot.content;
  const ownerLabels: Record<Party, string> = { marketing: t('teams.marketing'), sales: t('teams.sales') };
  const diagram = (id: FunnelId) => (
    <FunnelDiagram funnel={funnels[id]} funnelId={id} title={t(`funnel.funnelName.${id}`)} ownerLabels={ownerLabels} language={meta.language} />
  );
  const arrows = funnelArrows(funnels.agreed);
  const teams = (['marketing', 'sales'] as const).filter((id) => funnels[id].stages.length > 0);
  return (
    <Section title={t('pdf.funnel')} id="funnel">
      {diagram('agreed')}
      {arrows.length > 0 ? (
        <div className="print-keep">
          <h3>{t('agreement.pdf.arrows')}</h3>
          <table className="print-table" data-testid="print-arrows">
            <thead>
              <tr>
                <th>{t('agreement.pdf.from')}</th>
                <th>{t('agreement.pdf.to')}</th>
                <th>{t('agreement.pdf.kind')}</th>
                <th className="num">{t('pdf.rate')}</th>
                <th className="num">{t('pdf.days')}</th>
              </tr>
            </thead>
            <tbody>
              {arrows.map(({ transition, from, to, kind }) => (
                <tr key={transition.id}>
                  <td>{from}</td>
                  <td>{to}</td>
                  <td>{t(`agreement.pdf.kinds.${kind}`)}</td>
                  <td className="num">{fmt.rate(transition.conversionRate)}</td>
                  <td className="num">{fmt.days(transition.averageDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {teams.length > 0 ? (
        <div className="print-funnel-teams">
          <h3 className="print-funnel-teams__title">{t('agreement.pdf.teamFunnels')}</h3>
          {teams.map((id) => (
            <div key={id} className="print-funnel-team">
              <h3>{t(`funnel.funnelName.${id}`)}</h3>
              {diagram(id)}
            </div>
          ))}
        </div>
      ) : null}
    </Section>
  );
}
