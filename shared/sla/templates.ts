/**
 * Template texts for the SLA's written sections, the structured details of
 * the standard commitments, and glossary examples, in Spanish and English.
 * Sources: docs/domain.md (SLA clause catalogue items 5–10, formulas of NPS,
 * churn, retention, net revenue retention and customer lifetime value).
 * Every number is an editable default.
 */
import type { RichDoc, RichNode } from '../domain/rich-text';
import type { Language, SlaSectionKey } from '../domain/workshop';
import type { StandardStageKey } from '../funnel/standard-stages';

type Bi = Record<Language, string>;

const text = (s: string): RichNode[] => (s ? [{ type: 'text', text: s }] : []);
const p = (s: string): RichNode => ({ type: 'paragraph', content: text(s) });
const h = (s: string): RichNode => ({ type: 'heading', attrs: { level: 3 }, content: text(s) });
const li = (s: string): RichNode => ({ type: 'listItem', content: [p(s)] });
const ul = (items: string[]): RichNode => ({ type: 'bulletList', content: items.map(li) });
const ol = (items: string[]): RichNode => ({ type: 'orderedList', attrs: { start: 1 }, content: items.map(li) });
const cell = (type: 'tableHeader' | 'tableCell', s: string): RichNode => ({ type, attrs: { colspan: 1, rowspan: 1 }, content: [p(s)] });
const table = (head: string[], rows: string[][]): RichNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: head.map((s) => cell('tableHeader', s)) },
    ...rows.map((r): RichNode => ({ type: 'tableRow', content: r.map((s) => cell('tableCell', s)) })),
  ],
});
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });

/** Rejection reasons from the clause catalogue (item 6). */
export const REJECTION_REASONS: Record<Language, string[]> = {
  es: ['No se logra contactar (tras los intentos acordados)', 'Datos incorrectos', 'Sin necesidad', 'Sin presupuesto', 'No encaja con el perfil de cliente'],
  en: ['Unable to reach (after the agreed attempts)', 'Inaccurate data', 'No need', 'No budget', 'No fit'],
};

/** Template of each written SLA section in `language`. */
export function slaSectionTemplate(key: SlaSectionKey, language: Language): RichDoc {
  const es = language === 'es';
  switch (key) {
    case 'handoff':
      return doc(
        p(
          es
            ? 'Marketing entrega cada MQL a Ventas en el CRM con su origen, su puntuación y su historial de interacciones.'
            : 'Marketing hands every MQL to Sales in the CRM with its source, score and interaction history.',
        ),
        h(es ? 'Ventana de aceptación' : 'Acceptance window'),
        p(
          es
            ? 'Ventas acepta o rechaza cada MQL en un máximo de 2 días hábiles; pasado ese plazo, el lead cuenta como aceptado (SAL).'
            : 'Sales accepts or rejects every MQL within 2 business days; past that window the lead counts as accepted (SAL).',
        ),
        h(es ? 'Motivos de rechazo' : 'Rejection reasons'),
        p(es ? 'Un lead solo se rechaza con uno de estos motivos:' : 'A lead is rejected only with one of these reasons:'),
        ul(REJECTION_REASONS[language]),
      );
    case 'recycling':
      return doc(
        p(
          es
            ? 'Los leads rechazados o estancados vuelven a nutrición de marketing con su motivo; se vuelven a puntuar cada 90 días.'
            : 'Rejected or stalled leads go back to marketing nurturing with their reason; they are re-scored every 90 days.',
        ),
        ul(
          es
            ? ['SAL sin actividad durante 30 días: vuelve a nutrición.', 'Oportunidad perdida por momento inadecuado: se recicla a los 6 meses.']
            : ['SAL with no activity for 30 days: back to nurturing.', 'Opportunity lost on bad timing: recycled after 6 months.'],
        ),
      );
    case 'escalation':
      return doc(
        p(es ? 'Cuando se incumple un compromiso:' : 'When a commitment is missed:'),
        ol(
          es
            ? [
                'Alerta automática al responsable en el tablero compartido.',
                'Revisión con los gerentes de ambos equipos en 5 días hábiles.',
                'Reasignación de los leads no contactados en 24 horas.',
              ]
            : [
                'Automatic alert to the owner on the shared dashboard.',
                'Review with both teams’ managers within 5 business days.',
                'Reassignment of leads not contacted within 24 hours.',
              ],
        ),
      );
    case 'loyalty':
      return doc(
        p(
          es
            ? 'El cliente está en el centro: medimos su fidelización junto con los ingresos.'
            : 'The customer is at the centre: we measure loyalty next to revenue.',
        ),
        table(
          es ? ['Métrica', 'Definición', 'Cálculo'] : ['Metric', 'Definition', 'Formula'],
          es
            ? [
                ['NPS', 'Disposición a recomendarnos (Reichheld, HBR 2003)', '% promotores (9–10) − % detractores (0–6); de −100 a +100'],
                ['Tasa de retención', 'Clientes que siguen con nosotros', '1 − tasa de abandono'],
                ['Tasa de abandono (churn)', 'Clientes (o ingresos recurrentes) perdidos en el periodo', 'perdidos ÷ clientes al inicio del periodo'],
                [
                  'Retención neta de ingresos (NRR)',
                  'Ingresos de los clientes existentes, con ampliaciones y bajas',
                  '(MRR inicial + ampliación − reducción − bajas) ÷ MRR inicial',
                ],
                [
                  'Valor de vida del cliente (LTV)',
                  'Margen que deja un cliente en toda su relación',
                  'ingreso medio por cuenta × margen bruto ÷ tasa de abandono',
                ],
              ]
            : [
                ['NPS', 'Willingness to recommend us (Reichheld, HBR 2003)', '% promoters (9–10) − % detractors (0–6); −100 to +100'],
                ['Retention rate', 'Customers who stay with us', '1 − churn rate'],
                ['Churn rate', 'Customers (or recurring revenue) lost in the period', 'lost ÷ customers at period start'],
                [
                  'Net revenue retention (NRR)',
                  'Revenue from existing customers, with expansion and churn',
                  '(start MRR + expansion − contraction − churn) ÷ start MRR',
                ],
                [
                  'Customer lifetime value (LTV)',
                  'Margin a customer leaves over the whole relationship',
                  'average revenue per account × gross margin ÷ churn rate',
                ],
              ],
        ),
      );
    case 'reporting':
      return doc(
        ul(
          es
            ? [
                'Cada semana: revisión conjunta del tablero compartido (volúmenes, tasas de conversión por etapa, tiempos de respuesta).',
                'Cada mes: reunión de Marketing y Ventas sobre compromisos cumplidos e incumplidos.',
                'Cada trimestre: revisión del SLA y de las tasas de conversión acordadas.',
              ]
            : [
                'Weekly: joint look at the shared dashboard (volumes, conversion rates per stage, response times).',
                'Monthly: Marketing and Sales meet on commitments kept and missed.',
                'Quarterly: revision of the SLA and the agreed conversion rates.',
              ],
        ),
      );
  }
}

/** Every written section's template in `language`. */
export function standardSlaSections(language: Language): Record<SlaSectionKey, RichDoc> {
  return {
    handoff: slaSectionTemplate('handoff', language),
    recycling: slaSectionTemplate('recycling', language),
    escalation: slaSectionTemplate('escalation', language),
    loyalty: slaSectionTemplate('loyalty', language),
    reporting: slaSectionTemplate('reporting', language),
  };
}

/** How each standard commitment (by id) is measured and what happens when it is missed. */
export const COMMITMENT_DETAILS: Record<string, { measurement: Bi; whenMissed: Bi }> = {
  'c-mql-volume': {
    measurement: { es: 'Informe mensual de MQL creados en el CRM', en: 'Monthly report of MQLs created in the CRM' },
    whenMissed: { es: 'Plan de recuperación de demanda en la revisión mensual', en: 'Demand recovery plan at the monthly review' },
  },
  'c-first-response': {
    measurement: { es: 'Hora de asignación a primera actividad registrada en el CRM', en: 'Assignment time to first logged CRM activity' },
    whenMissed: { es: 'Alerta al gerente; reasignación pasadas 24 horas', en: 'Alert to the manager; reassigned after 24 hours' },
  },
  'c-attempts': {
    measurement: { es: 'Actividades registradas por lead', en: 'Activities logged per lead' },
    whenMissed: { es: 'El lead no puede cerrarse como «no contactado»', en: 'The lead cannot be closed as “unable to reach”' },
  },
  'c-accept-window': {
    measurement: { es: 'Cambio de estado del lead en el CRM', en: 'Lead status change in the CRM' },
    whenMissed: { es: 'El lead cuenta como aceptado (SAL)', en: 'The lead counts as accepted (SAL)' },
  },
  'c-recycling': {
    measurement: { es: 'Fecha de la última puntuación', en: 'Date of the last score' },
    whenMissed: { es: 'Revisión en la reunión trimestral', en: 'Reviewed at the quarterly meeting' },
  },
  'c-nps': {
    measurement: { es: 'Encuesta NPS trimestral a clientes', en: 'Quarterly customer NPS survey' },
    whenMissed: { es: 'Plan de acción con éxito del cliente', en: 'Action plan with customer success' },
  },
};

/** Examples for the standard glossary terms (by key): what is and what is not one. */
export const TERM_EXAMPLES: Record<StandardStageKey, Bi> = {
  lead: {
    es: 'Sí: quien descarga una guía con su correo de empresa. No: un estudiante que escribe por una beca.',
    en: 'Yes: someone who downloads a guide with a business email. No: a student asking about a grant.',
  },
  mql: {
    es: 'Sí: directora de TI de una empresa de 200 personas que visitó precios dos veces. No: un lead con puntuación 40.',
    en: 'Yes: an IT director at a 200-person company who visited pricing twice. No: a lead scoring 40.',
  },
  sal: {
    es: 'Sí: un MQL que el ejecutivo aceptó en el CRM para llamarlo esta semana.',
    en: 'Yes: an MQL the rep accepted in the CRM to call this week.',
  },
  sql: {
    es: 'Sí: presupuesto aprobado para el próximo trimestre y decisor identificado. No: “solo estamos mirando”.',
    en: 'Yes: budget approved for next quarter and the decision maker identified. No: “we are just looking”.',
  },
  opportunity: {
    es: 'Sí: propuesta pedida por 25.000 con cierre previsto en marzo.',
    en: 'Yes: a proposal requested for 25,000 with a March close date.',
  },
  customer: {
    es: 'Sí: contrato anual firmado y primera factura emitida.',
    en: 'Yes: annual contract signed and first invoice issued.',
  },
};
