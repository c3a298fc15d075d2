/**
 * What a new workshop starts from: blank (empty funnels, no terms, no SLA
 * items), a template (Pacto's standard glossary and SLA with a funnel
 * template as the agreed funnel; Marketing's and Sales' funnels start empty
 * so each team draws its own), or a copy of another workshop.
 */
import type { WorkshopContent, WorkshopMeta } from '../../../shared/domain/workshop';
import { blankWorkshopContent, copiedWorkshopContent, newWorkshopContent } from '../../../shared/sample/standard-content';
import { instantiateTemplate, TEMPLATE_IDS, type TemplateId } from '../../../shared/funnel/templates';
import { withLayout } from '../../../shared/funnel/layout';
import { NODE_HEIGHT, NODE_WIDTH } from '../funnel/canvas-model';

/** The templates offered: Pacto's standard funnel (six stages) and the funnel templates. */
export const START_TEMPLATES = ['standard', ...TEMPLATE_IDS] as const;
/** One of {@link START_TEMPLATES}. */
export type StartTemplate = (typeof START_TEMPLATES)[number];

/** What the user chose to start from. */
export type WorkshopStart = { kind: 'blank' } | { kind: 'template'; template: StartTemplate } | { kind: 'copy'; source: WorkshopContent };

/** The content of a new workshop with details `meta` started as `start` says. */
export function startContent(meta: WorkshopMeta, start: WorkshopStart): WorkshopContent {
  if (start.kind === 'blank') return blankWorkshopContent(meta);
  if (start.kind === 'copy') return copiedWorkshopContent(meta, start.source);
  const content = newWorkshopContent(meta);
  const agreed =
    start.template === 'standard'
      ? content.funnels.agreed
      : withLayout(instantiateTemplate(start.template as TemplateId, meta.language, content.terms), {
          nodeWidth: NODE_WIDTH,
          nodeHeight: NODE_HEIGHT,
          rankGap: 110,
          nodeGap: 56,
        });
  return { ...content, funnels: { agreed, marketing: { stages: [], transitions: [] }, sales: { stages: [], transitions: [] } } };
}
