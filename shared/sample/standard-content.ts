/**
 * Standard content a workshop starts from, in Spanish and English: the
 * glossary terms of the demand waterfall, the agreed funnel with benchmark
 * rates, SLA commitments from the clause catalogue, and the sample workshop
 * shown on first run. Sources: docs/domain.md (stage models, benchmark ranges,
 * worked example, SLA clause catalogue). Every number is an editable default.
 */
import type {
  Commitment,
  Funnel,
  FunnelStage,
  FunnelTransition,
  Language,
  Participant,
  Targets,
  Term,
  WorkshopContent,
  WorkshopMeta,
} from '../domain/workshop';
import { EMPTY_SCENARIO_SET } from '../domain/workshop';

import { COMMITMENT_DETAILS, standardSlaSections, TERM_EXAMPLES } from '../sla/templates';
import { STAGE_OWNERS, standardStageName, type Bilingual, type StandardStageKey } from '../funnel/standard-stages';

export type { Bilingual } from '../funnel/standard-stages';
export { standardStageName } from '../funnel/standard-stages';

export interface StandardTerm {
  key: StandardStageKey;
  acronym: string;
  owner: 'marketing' | 'sales';
  name: Bilingual;
  definition: Bilingual;
  entry: Bilingual;
  exit: Bilingual;
}

/** The six standard stages, in funnel order (Forrester demand waterfall with opportunity, as HubSpot and Salesforce use). */
export const STANDARD_TERMS: readonly StandardTerm[] = [
  {
    key: 'lead',
    acronym: 'Lead',
    owner: STAGE_OWNERS.lead,
    name: { es: 'Lead', en: 'Lead' },
    definition: {
      es: 'Persona o cuenta que mostró interés en nuestra oferta y de la que tenemos datos de contacto válidos.',
      en: 'A person or account that showed interest in our offer and whose contact details we hold.',
    },
    entry: {
      es: 'Completa un formulario, se registra en un evento o descarga un contenido con correo corporativo.',
      en: 'Fills in a form, registers for an event or downloads content with a business email.',
    },
    exit: {
      es: 'Alcanza la puntuación de MQL, o se descarta por datos falsos o competidor.',
      en: 'Reaches the MQL score, or is discarded as fake data or a competitor.',
    },
  },
  {
    key: 'mql',
    acronym: 'MQL',
    owner: STAGE_OWNERS.mql,
    name: { es: 'Lead calificado por marketing', en: 'Marketing qualified lead' },
    definition: {
      es: 'Lead que cumple los criterios acordados de perfil (empresa, cargo, sector) y de interacción (puntuación).',
      en: 'A lead that meets the agreed fit criteria (company, role, industry) and engagement criteria (score).',
    },
    entry: {
      es: 'Perfil de cliente ideal y puntuación de 60 o más, o solicitud de demostración.',
      en: 'Ideal customer profile and a score of 60 or more, or a demo request.',
    },
    exit: {
      es: 'Ventas lo acepta (SAL) o lo rechaza con un motivo de la lista acordada.',
      en: 'Sales accepts it (SAL) or rejects it with a reason from the agreed list.',
    },
  },
  {
    key: 'sal',
    acronym: 'SAL',
    owner: STAGE_OWNERS.sal,
    name: { es: 'Lead aceptado por ventas', en: 'Sales accepted lead' },
    definition: {
      es: 'MQL que ventas revisó y aceptó trabajar dentro de la ventana acordada.',
      en: 'An MQL that sales reviewed and accepted to work within the agreed window.',
    },
    entry: {
      es: 'Un ejecutivo de ventas lo acepta en el CRM, o vence la ventana de aceptación sin respuesta.',
      en: 'A sales rep accepts it in the CRM, or the acceptance window expires without an answer.',
    },
    exit: {
      es: 'Tras el contacto se califica como SQL, o vuelve a nutrición con un motivo.',
      en: 'After contact it qualifies as an SQL, or goes back to nurturing with a reason.',
    },
  },
  {
    key: 'sql',
    acronym: 'SQL',
    owner: STAGE_OWNERS.sql,
    name: { es: 'Lead calificado por ventas', en: 'Sales qualified lead' },
    definition: {
      es: 'Prospecto con necesidad, presupuesto, autoridad y plazo confirmados en una conversación con ventas.',
      en: 'A prospect whose need, budget, authority and timing were confirmed in a conversation with sales.',
    },
    entry: {
      es: 'Llamada de descubrimiento realizada y criterios BANT confirmados.',
      en: 'Discovery call held and BANT criteria confirmed.',
    },
    exit: {
      es: 'Se crea una oportunidad con importe y fecha de cierre, o se descalifica.',
      en: 'An opportunity is created with amount and close date, or it is disqualified.',
    },
  },
  {
    key: 'opportunity',
    acronym: 'SQO',
    owner: STAGE_OWNERS.opportunity,
    name: { es: 'Oportunidad', en: 'Opportunity' },
    definition: {
      es: 'Negocio calificado en el pipeline, con importe estimado y fecha probable de cierre.',
      en: 'A qualified deal in the pipeline, with an estimated amount and a likely close date.',
    },
    entry: {
      es: 'Propuesta solicitada por el cliente; importe y fecha de cierre registrados en el CRM.',
      en: 'The customer asked for a proposal; amount and close date recorded in the CRM.',
    },
    exit: {
      es: 'Cerrada ganada (contrato firmado) o cerrada perdida con motivo.',
      en: 'Closed won (contract signed) or closed lost with a reason.',
    },
  },
  {
    key: 'customer',
    acronym: '',
    owner: STAGE_OWNERS.customer,
    name: { es: 'Cliente', en: 'Customer' },
    definition: {
      es: 'Cuenta que firmó contrato; pasa a éxito del cliente, que mide su fidelización (NPS, retención).',
      en: 'An account that signed a contract; it moves to customer success, which measures its loyalty (NPS, retention).',
    },
    entry: { es: 'Contrato firmado y primera factura emitida.', en: 'Contract signed and first invoice issued.' },
    exit: {
      es: 'Renueva, amplía o se da de baja (churn) al final del contrato.',
      en: 'Renews, expands or churns at the end of the contract.',
    },
  },
];

/**
 * Agreed-funnel defaults between consecutive standard stages: rate (fraction
 * 0..1) and average days. They reproduce the worked example of docs/domain.md
 * (lead→MQL 25 %, MQL→SQL 40 % as MQL→SAL 80 % × SAL→SQL 50 %, SQL→opportunity
 * 50 %, win rate 25 %), inside the 2024 compilation ranges of HubSpot and
 * Salesforce figures; days fit a mid-market cycle (60–90 days).
 */
export const STANDARD_TRANSITIONS: readonly { from: StandardTerm['key']; to: StandardTerm['key']; conversionRate: number; averageDays: number }[] = [
  { from: 'lead', to: 'mql', conversionRate: 0.25, averageDays: 14 },
  { from: 'mql', to: 'sal', conversionRate: 0.8, averageDays: 2 },
  { from: 'sal', to: 'sql', conversionRate: 0.5, averageDays: 7 },
  { from: 'sql', to: 'opportunity', conversionRate: 0.5, averageDays: 10 },
  { from: 'opportunity', to: 'customer', conversionRate: 0.25, averageDays: 60 },
];

/** Glossary of the six standard terms in `language`; ids are `term-<key>`. */
export function standardTerms(language: Language): Term[] {
  return STANDARD_TERMS.map((t) => ({
    id: `term-${t.key}`,
    name: t.name[language],
    acronym: t.acronym,
    definition: t.definition[language],
    entryCriteria: t.entry[language],
    exitCriteria: t.exit[language],
    ownerTeam: t.owner,
    examples: TERM_EXAMPLES[t.key][language],
  }));
}

/** The standard funnel, stages linked to the standard terms, laid out left to right. */
export function standardFunnel(language: Language): Funnel {
  const stages: FunnelStage[] = STANDARD_TERMS.map((t, i) => ({
    id: `stage-${t.key}`,
    name: standardStageName(t.key, language),
    ownerTeam: t.owner,
    termId: `term-${t.key}`,
    x: i * 220,
    y: 0,
  }));
  const transitions: FunnelTransition[] = STANDARD_TRANSITIONS.map((t) => ({
    id: `tr-${t.from}-${t.to}`,
    source: `stage-${t.from}`,
    target: `stage-${t.to}`,
    conversionRate: t.conversionRate,
    averageDays: t.averageDays,
    recycle: false,
  }));
  return { stages, transitions };
}

const SLA_INTRO: Bilingual = {
  es:
    'Este acuerdo de nivel de servicio (SLA) alinea a Marketing y Ventas en torno al cliente: usamos las mismas definiciones, ' +
    'nos comprometemos con metas medibles y revisamos juntos los resultados.\n\n' +
    'Alcance: todos los leads de los mercados de México y España durante el periodo del plan. ' +
    'Se revisa cada semana en el tablero compartido y se actualiza cada trimestre.',
  en:
    'This service level agreement (SLA) aligns Marketing and Sales around the customer: we use the same definitions, ' +
    'commit to measurable targets and review the results together.\n\n' +
    'Scope: every lead from our markets during the plan period. ' +
    'Reviewed weekly on the shared dashboard and revised every quarter.',
};

/** SLA commitments from the clause catalogue of docs/domain.md (items 2–7, 9, 10). */
export function standardCommitments(language: Language, mqlsPerMonth: number): Commitment[] {
  const es = language === 'es';
  const withDetails = (list: Commitment[]): Commitment[] =>
    list.map((c) => {
      const d = COMMITMENT_DETAILS[c.id];
      return d ? { ...c, measurement: d.measurement[language], whenMissed: d.whenMissed[language] } : c;
    });
  return withDetails([
    {
      id: 'c-mql-volume',
      party: 'marketing',
      commitment: es ? 'Entregar MQL que cumplan la definición acordada' : 'Deliver MQLs that meet the agreed definition',
      metric: es ? 'MQL entregados' : 'MQLs delivered',
      target: mqlsPerMonth,
      unit: 'MQL',
      period: 'month',
      // Linked to the targets model: the SLA screen shows when the plan needs another figure.
      source: 'model-mqls',
    },
    {
      id: 'c-first-response',
      party: 'sales',
      commitment: es ? 'Contactar cada MQL tras recibirlo' : 'Contact every MQL after receiving it',
      metric: es ? 'Tiempo de primera respuesta' : 'First response time',
      target: 4,
      unit: es ? 'horas hábiles' : 'business hours',
      period: 'lead',
    },
    {
      id: 'c-attempts',
      party: 'sales',
      commitment: es ? 'Intentos de contacto antes de cerrar un lead sin respuesta' : 'Contact attempts before closing out an unresponsive lead',
      metric: es ? 'Intentos en 14 días' : 'Attempts within 14 days',
      target: 6,
      unit: es ? 'intentos' : 'attempts',
      period: 'lead',
    },
    {
      id: 'c-accept-window',
      party: 'sales',
      commitment: es
        ? 'Aceptar o rechazar cada MQL con un motivo de la lista; pasado el plazo cuenta como aceptado'
        : 'Accept or reject every MQL with a reason from the list; past the window it counts as accepted',
      metric: es ? 'Ventana de aceptación' : 'Acceptance window',
      target: 2,
      unit: es ? 'días hábiles' : 'business days',
      period: 'lead',
    },
    {
      id: 'c-recycling',
      party: 'marketing',
      commitment: es
        ? 'Devolver a nutrición los leads rechazados o estancados y volver a puntuarlos'
        : 'Return rejected or stalled leads to nurturing and re-score them',
      metric: es ? 'Intervalo de nueva puntuación' : 'Re-scoring interval',
      target: 90,
      unit: es ? 'días' : 'days',
      period: 'lead',
    },
    {
      id: 'c-nps',
      party: 'sales',
      commitment: es
        ? 'Traspasar cada cliente nuevo a éxito del cliente con su plan de adopción'
        : 'Hand every new customer to customer success with an adoption plan',
      metric: 'NPS',
      target: 40,
      unit: es ? 'puntos' : 'points',
      period: 'quarter',
    },
  ]);
}

/** Content of a new workshop: standard glossary, funnels and SLA in its language, no participants yet. */
export function newWorkshopContent(meta: WorkshopMeta, targets?: Targets): WorkshopContent {
  const t: Targets = targets ?? { revenueTarget: 1_200_000, averageDealSize: 20_000, periodMonths: 12 };
  const funnel = standardFunnel(meta.language);
  return {
    meta,
    participants: [],
    terms: standardTerms(meta.language),
    funnels: { agreed: funnel, marketing: structuredCloneFunnel(funnel), sales: structuredCloneFunnel(funnel) },
    sla: { intro: SLA_INTRO[meta.language], commitments: standardCommitments(meta.language, 100), sections: standardSlaSections(meta.language) },
    targets: t,
  };
}

/**
 * Content of a blank workshop: empty funnels, no terms, no SLA commitments or
 * written sections, no participants, and no revenue target or deal size
 * (null: the Targets step asks for them; the plan waits until they are
 * entered). The period starts at 12 months, a length rather than a figure
 * anyone agreed.
 */
export function blankWorkshopContent(meta: WorkshopMeta): WorkshopContent {
  const empty = (): Funnel => ({ stages: [], transitions: [] });
  return {
    meta,
    participants: [],
    terms: [],
    funnels: { agreed: empty(), marketing: empty(), sales: empty() },
    sla: { intro: '', commitments: [], sections: {} },
    targets: { revenueTarget: null, averageDealSize: null, periodMonths: 12 },
  };
}

/**
 * Content of a workshop started from another one (`source`): its participants,
 * glossary, funnels, SLA, targets and scenarios under new details `meta`.
 * Approvals, versions, signatures and the audit trail are not copied: the copy
 * is a new draft nobody has approved yet.
 */
export function copiedWorkshopContent(meta: WorkshopMeta, source: WorkshopContent): WorkshopContent {
  const copy = structuredClone(source);
  return { ...copy, meta };
}

function structuredCloneFunnel(f: Funnel): Funnel {
  return { stages: f.stages.map((s) => ({ ...s })), transitions: f.transitions.map((t) => ({ ...t })) };
}

/** Invented people of the sample workshop: both teams and leadership; one signatory per team. */
const SAMPLE_PARTICIPANTS: Participant[] = [
  { id: 'p-lucia', name: 'Lucía Fernández Ortega', title: 'Directora de Marketing', team: 'marketing', signatory: true },
  { id: 'p-jorge', name: 'Jorge Ibáñez Muñoz', title: 'Director Comercial', team: 'sales', signatory: true },
  { id: 'p-carmen', name: 'Carmen Peña Ruiz', title: 'Directora General', team: 'leadership', signatory: false },
  { id: 'p-diego', name: 'Diego Salgado Núñez', title: 'Responsable de Generación de Demanda', team: 'marketing', signatory: false },
  { id: 'p-sofia', name: 'Sofía Castañeda Vidal', title: 'Gerente de Desarrollo de Negocio (SDR)', team: 'sales', signatory: false },
];

/**
 * The sample's two team funnels, each as that team draws the process, so
 * Compare has a few realistic gaps to talk through (the agreed funnel stays
 * the standard one): Marketing hands MQLs straight to its SDRs, who sit in
 * Marketing, so its funnel has no SAL stage, an MQL → SQL arrow at 50 % and
 * SQL owned by Marketing; Sales accepts each MQL first (SAL) and counts a
 * lower win rate (18 %) and a longer close (75 days) from its CRM. Each team
 * describes the MQL in its own words. Spanish (the sample's language).
 */
export function sampleTeamFunnels(): { marketing: Funnel; sales: Funnel } {
  const standard = standardFunnel('es');
  const marketingStages = standard.stages
    .filter((st) => st.id !== 'stage-sal')
    .map((st, i) => ({
      ...st,
      x: i * 220,
      ...(st.id === 'stage-sql' ? { ownerTeam: 'marketing' as const } : {}),
      ...(st.id === 'stage-mql' ? { description: 'Lead con puntuación de 60 o más (perfil e interacción): pasa a nuestro equipo de SDR.' } : {}),
    }));
  const marketingTransitions: FunnelTransition[] = [
    ...standard.transitions.filter((t) => t.source !== 'stage-mql' && t.source !== 'stage-sal'),
    { id: 'tr-mql-sql', source: 'stage-mql', target: 'stage-sql', conversionRate: 0.5, averageDays: 9, recycle: false },
  ].sort((a, b) => marketingStages.findIndex((st) => st.id === a.source) - marketingStages.findIndex((st) => st.id === b.source));
  const sales: Funnel = {
    stages: standard.stages.map((st) =>
      st.id === 'stage-mql' ? { ...st, description: 'Lead que Marketing nos envía y que aceptamos o rechazamos, con motivo, en 2 días hábiles.' } : { ...st },
    ),
    transitions: standard.transitions.map((t) => (t.id === 'tr-opportunity-customer' ? { ...t, conversionRate: 0.18, averageDays: 75 } : { ...t })),
  };
  return { marketing: { stages: marketingStages, transitions: marketingTransitions }, sales };
}

/**
 * The sample workshop shown on first run, in Spanish: a B2B software
 * company's alignment workshop. Its targets reproduce the worked example
 * (1,200,000 at 20,000 a deal → 60 customers … 4,800 leads), and marketing's
 * volume commitment is the monthly share of the 1,200 MQLs. Marketing's and
 * Sales' funnels differ from the agreed one and each other
 * ({@link sampleTeamFunnels}).
 */
export function sampleWorkshop(date: string): WorkshopContent {
  const meta: WorkshopMeta = {
    title: 'Acuerdo Marketing–Ventas 2027',
    company: 'Nubecom Soluciones',
    date,
    currency: 'EUR',
    language: 'es',
    pageSize: 'A4',
  };
  const content = newWorkshopContent(meta, { revenueTarget: 1_200_000, averageDealSize: 20_000, periodMonths: 12 });
  content.participants = SAMPLE_PARTICIPANTS.map((p) => ({ ...p }));
  content.funnels = { agreed: content.funnels.agreed, ...sampleTeamFunnels() };
  content.sla.commitments = standardCommitments('es', 100);
  // Plan inputs every scenario shares: a 240,000 budget gives 50 a lead and a 4,000 CAC; 4 reps × 8 opportunities a month.
  content.scenarios = { ...EMPTY_SCENARIO_SET, startMonth: '2027-01', budget: 240_000, salesReps: 4, opportunitiesPerRepPerMonth: 8 };
  return content;
}
