/**
 * The funnels in the printed agreement: the agreed funnel as a vector
 * diagram (`funnelToSvg`) scaled to the page's width, with its table of
 * rates and durations along the main path; then each team's funnel as drawn
 * in the workshop (issue 5 asks for the three funnels in the PDF). Text in
 * the diagrams stays text, so the PDF is searchable and sharp at any zoom.
 */
import type { Funnel, FunnelId, Party } from '../../../../shared/domain/workshop';
import { mainPath } from '../../../../shared/funnel/graph';
import { funnelToSvg } from '../../../../shared/funnel/svg';
import type { PrintSectionProps } from '../../agreement/print/types';
import { Section } from '../../agreement/print/Section';
import './funnel-print.css';

/** Width the diagrams are drawn at, CSS px: the A4/Letter text width (~175 mm); CSS scales them to the column. */
const PRINT_WIDTH = 660;

function FunnelDiagram({ funnel, funnelId, title, ownerLabels, language }: { funnel: Funnel; funnelId: FunnelId; title: string; ownerLabels: Record<Party, string>; language: 'es' | 'en' }) {
  if (funnel.stages.length === 0) return null;
  const svg = funnelToSvg(funnel, { width: PRINT_WIDTH, language, title, ownerLabels, idPrefix: `pdf-${funnelId}` });
  // The SVG is built by funnelToSvg, which escapes every text it writes (no markup from the user gets through).
  return <figure className={`print-funnel-svg print-funnel-svg--${funnelId}`} role="img" aria-label={title} dangerouslySetInnerHTML={{ __html: svg }} />;
}

export function FunnelSection({ snapshot, t, fmt }: PrintSectionProps) {
  const { funnels, meta } = snapshot.content;
  const path = mainPath(funnels.agreed);
  const ownerLabels: Record<Party, string> = { marketing: t('teams.marketing'), sales: t('teams.sales') };
  const diagram = (id: FunnelId) => <FunnelDiagram funnel={funnels[id]} funnelId={id} title={t(`funnel.funnelName.${id}`)} ownerLabels={ownerLabels} language={meta.language} />;
  return (
    <Section title={t('pdf.funnel')} id="funnel">
      {diagram('agreed')}
      <table className="print-table">
        <thead><tr><th>{t('pdf.stage')}</th><th>{t('pdf.owner')}</th><th className="num">{t('pdf.rate')}</th><th className="num">{t('pdf.days')}</th></tr></thead>
        <tbody>
          {path.map(({ stage, next }) => (
            <tr key={stage.id}>
              <td>{stage.name}</td>
              <td>{t(`teams.${stage.ownerTeam}`)}</td>
              <td className="num">{next ? fmt.percent(next.conversionRate) : '—'}</td>
              <td className="num">{next ? fmt.integer(next.averageDays) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(['marketing', 'sales'] as const).map((id) =>
        funnels[id].stages.length > 0 ? (
          <div key={id} className="print-funnel-team">
            <h3>{t(`funnel.funnelName.${id}`)}</h3>
            {diagram(id)}
          </div>
        ) : null,
      )}
    </Section>
  );
}
