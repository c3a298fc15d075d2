/**
 * Funnel templates a team starts its canvas from, in Spanish and English:
 * the Forrester (SiriusDecisions) Demand Waterfall, HubSpot's lifecycle
 * stages, and a simple B2B funnel (Pacto's standard funnel). Their rates and
 * days are editable defaults, each carrying its source and year
 * (docs/domain.md, "Stage models" and "Benchmark ranges").
 */
import type { Funnel, FunnelStage, FunnelTransition, Language, Term } from '../domain/workshop';
import { STANDARD_TRANSITIONS } from '../sample/standard-content';
import { sourced, type BenchmarkSource, type SourcedDefault } from './benchmark-sources';
import { withLayout } from './layout';
import { STANDARD_STAGE_KEYS, type StageKind } from './standard-stages';
import { STANDARD_STAGES, stageKindOf, termForKind, type Bilingual } from './stages';

/** The templates a team can start its funnel from, in the order the picker shows them. */
export const TEMPLATE_IDS = ['demand-waterfall', 'hubspot-lifecycle', 'simple-b2b'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** A transition of a template, between two stage kinds, with sourced defaults. */
export interface TemplateTransition {
  from: StageKind;
  to: StageKind;
  /** Default conversion rate, a fraction 0..1. */
  conversionRate: SourcedDefault;
  /** Default average days from entering `from` to entering `to`. */
  averageDays: SourcedDefault;
  recycle: boolean;
}

/** A funnel template: stage kinds in order (names may differ from the palette's) and transitions. */
export interface FunnelTemplate {
  id: TemplateId;
  name: Bilingual;
  description: Bilingual;
  stages: readonly { kind: StageKind; name?: Bilingual }[];
  transitions: readonly TemplateTransition[];
}

const MID_MARKET: Bilingual = {
  es: 'Parte de un ciclo de venta de mediana empresa (60–90 días)',
  en: 'Part of a mid-market sales cycle (60–90 days)',
};
const MIDPOINT: Bilingual = { es: 'Punto medio del rango', en: 'Midpoint of the range' };
const WORKED_EXAMPLE: Bilingual = {
  es: 'Valor del ejemplo resuelto de referencia, dentro del rango',
  en: 'Value of the reference worked example, within the range',
};
const MQL_SQL_SPLIT: Bilingual = {
  es: 'MQL→SQL 40 % (ejemplo resuelto, dentro de 25–50 %) repartido como MQL→SAL 80 % × SAL→SQL 50 %',
  en: 'MQL→SQL 40 % (worked example, within 25–50 %) split as MQL→SAL 80 % × SAL→SQL 50 %',
};
const NO_BENCHMARK: Bilingual = {
  es: 'Sin referencia publicada: sustitúyalo por su propia cifra',
  en: 'No published benchmark: replace it with your own figure',
};
const days = (value: number, basis: Bilingual = MID_MARKET): SourcedDefault => sourced(value, 'sales-cycle-segments', null, basis);

const DEMAND_WATERFALL: FunnelTemplate = {
  id: 'demand-waterfall',
  name: { es: 'Demand Waterfall (Forrester)', en: 'Demand Waterfall (Forrester)' },
  description: {
    es: 'El modelo de SiriusDecisions (hoy Forrester), desde 2002: Consulta → MQL → SAL → SQL → Cerrado ganado; los leads que ventas no califica vuelven a nutrición.',
    en: 'The SiriusDecisions (now Forrester) model, since 2002: Inquiry → MQL → SAL → SQL → Closed won; leads sales does not qualify go back to nurturing.',
  },
  stages: [
    { kind: 'lead', name: { es: 'Consulta', en: 'Inquiry' } },
    { kind: 'mql' },
    { kind: 'sal' },
    { kind: 'sql' },
    { kind: 'customer', name: { es: 'Cerrado ganado', en: 'Closed won' } },
    { kind: 'recycled' },
  ],
  transitions: [
    { from: 'lead', to: 'mql', conversionRate: sourced(0.175, 'demand-waterfall-ranges', [0.1, 0.25], MIDPOINT), averageDays: days(14), recycle: false },
    { from: 'mql', to: 'sal', conversionRate: sourced(0.5, 'demand-waterfall-ranges', [0.4, 0.6], MIDPOINT), averageDays: days(2), recycle: false },
    { from: 'sal', to: 'sql', conversionRate: sourced(0.6, 'demand-waterfall-ranges', [0.5, 0.7], MIDPOINT), averageDays: days(7), recycle: false },
    { from: 'sql', to: 'customer', conversionRate: sourced(0.25, 'demand-waterfall-ranges', [0.2, 0.3], MIDPOINT), averageDays: days(70), recycle: false },
    {
      from: 'sal',
      to: 'recycled',
      conversionRate: sourced(0.4, 'demand-waterfall-ranges', null, {
        es: 'El resto de los SAL: 1 − SAL→SQL',
        en: 'The rest of the SALs: 1 − SAL→SQL',
      }),
      averageDays: days(7, { es: 'Se decide tras el contacto, como SAL→SQL', en: 'Decided after contact, like SAL→SQL' }),
      recycle: false,
    },
    {
      from: 'recycled',
      to: 'lead',
      conversionRate: sourced(1, 'sla-recycling', null, {
        es: 'Todo lead reciclado vuelve a nutrición',
        en: 'Every recycled lead goes back to nurturing',
      }),
      averageDays: sourced(90, 'sla-recycling', null, {
        es: 'Intervalo de nueva puntuación del SLA estándar',
        en: 'Re-scoring interval of the standard SLA',
      }),
      recycle: true,
    },
  ],
};

const HUBSPOT_LIFECYCLE: FunnelTemplate = {
  id: 'hubspot-lifecycle',
  name: { es: 'Etapas del ciclo de vida de HubSpot', en: 'HubSpot lifecycle stages' },
  description: {
    es: 'Las etapas por defecto de HubSpot: Suscriptor, Lead, MQL, SQL, Oportunidad, Cliente (Evangelista y Otro quedan fuera del embudo).',
    en: 'HubSpot’s default stages: Subscriber, Lead, MQL, SQL, Opportunity, Customer (Evangelist and Other sit outside the funnel).',
  },
  stages: [
    { kind: 'subscriber' },
    { kind: 'lead' },
    { kind: 'mql', name: { es: 'Lead calificado para marketing', en: 'Marketing qualified lead' } },
    { kind: 'sql', name: { es: 'Lead calificado para ventas', en: 'Sales qualified lead' } },
    { kind: 'opportunity' },
    { kind: 'customer' },
  ],
  transitions: [
    {
      from: 'subscriber',
      to: 'lead',
      conversionRate: sourced(0.1, 'pacto-placeholder', null, NO_BENCHMARK),
      averageDays: sourced(30, 'pacto-placeholder', null, NO_BENCHMARK),
      recycle: false,
    },
    { from: 'lead', to: 'mql', conversionRate: sourced(0.2, 'hubspot-salesforce-2024', [0.1, 0.3], MIDPOINT), averageDays: days(14), recycle: false },
    { from: 'mql', to: 'sql', conversionRate: sourced(0.375, 'hubspot-salesforce-2024', [0.25, 0.5], MIDPOINT), averageDays: days(9), recycle: false },
    { from: 'sql', to: 'opportunity', conversionRate: sourced(0.4, 'hubspot-salesforce-2024', [0.3, 0.5], MIDPOINT), averageDays: days(10), recycle: false },
    {
      from: 'opportunity',
      to: 'customer',
      conversionRate: sourced(0.21, 'hubspot-reps-2026', null, { es: 'Tasa de cierre del ~21 % declarada', en: 'Reported win rate of ~21 %' }),
      averageDays: days(60),
      recycle: false,
    },
  ],
};

/** How each standard transition's value (STANDARD_TRANSITIONS) relates to its source. */
const SIMPLE_B2B_SOURCES: Record<string, { range: [number, number] | null; basis: Bilingual }> = {
  'lead-mql': { range: [0.1, 0.3], basis: WORKED_EXAMPLE },
  'mql-sal': { range: null, basis: MQL_SQL_SPLIT },
  'sal-sql': { range: null, basis: MQL_SQL_SPLIT },
  'sql-opportunity': { range: [0.3, 0.5], basis: WORKED_EXAMPLE },
  'opportunity-customer': { range: [0.2, 0.4], basis: WORKED_EXAMPLE },
};

/** Pacto's standard funnel (what a new workshop starts with) with the sources of its defaults. */
const SIMPLE_B2B: FunnelTemplate = {
  id: 'simple-b2b',
  name: { es: 'Embudo B2B sencillo', en: 'Simple B2B funnel' },
  description: {
    es: 'Lead → MQL → SAL → SQL → Oportunidad → Cliente, con las tasas del ejemplo resuelto (de 4.800 leads a 60 clientes).',
    en: 'Lead → MQL → SAL → SQL → Opportunity → Customer, with the rates of the worked example (4,800 leads to 60 customers).',
  },
  stages: STANDARD_STAGE_KEYS.map((kind) => ({ kind })),
  transitions: STANDARD_TRANSITIONS.map((t) => {
    const how = SIMPLE_B2B_SOURCES[`${t.from}-${t.to}`]!;
    return {
      from: t.from,
      to: t.to,
      conversionRate: sourced(t.conversionRate, 'hubspot-salesforce-2024', how.range, how.basis),
      averageDays: days(t.averageDays),
      recycle: false,
    };
  }),
};

/** The templates, by id. */
export const FUNNEL_TEMPLATES: Readonly<Record<TemplateId, FunnelTemplate>> = {
  'demand-waterfall': DEMAND_WATERFALL,
  'hubspot-lifecycle': HUBSPOT_LIFECYCLE,
  'simple-b2b': SIMPLE_B2B,
};

/** The id a template's transition gets in a funnel: `tr-<from>-<to>` (as `standardFunnel`'s). */
function transitionId(t: { from: StageKind; to: StageKind }): string {
  return `tr-${t.from}-${t.to}`;
}

/**
 * A new funnel from template `id` in `language`: stages with standard ids
 * (`stage-<kind>`), names and owners, each linked to the glossary's term for
 * its kind when `terms` has one (see `termForKind`), laid out left to right;
 * transitions `tr-<from>-<to>` with the template's default rates and days.
 */
export function instantiateTemplate(id: TemplateId, language: Language, terms: readonly Term[]): Funnel {
  const template = FUNNEL_TEMPLATES[id];
  const stages: FunnelStage[] = template.stages.map(({ kind, name }) => ({
    id: STANDARD_STAGES[kind].id,
    name: (name ?? STANDARD_STAGES[kind].name)[language],
    ownerTeam: STANDARD_STAGES[kind].ownerTeam,
    termId: termForKind(kind, terms)?.id ?? null,
    x: 0,
    y: 0,
  }));
  const transitions: FunnelTransition[] = template.transitions.map((t) => ({
    id: transitionId(t),
    source: STANDARD_STAGES[t.from].id,
    target: STANDARD_STAGES[t.to].id,
    conversionRate: t.conversionRate.value,
    averageDays: t.averageDays.value,
    recycle: t.recycle,
  }));
  return withLayout({ stages, transitions });
}

/** The default behind one field of a transition, as {@link defaultSources} finds it. */
export interface DefaultSourceMatch {
  template: TemplateId;
  value: number;
  source: BenchmarkSource;
  range: { min: number; max: number } | null;
  basis: Bilingual;
}

/**
 * The sources to show beside `transition` of `funnel`: for its rate and for
 * its days, the template default it still equals, or `null` once the team
 * has changed the value (an edited number is theirs, not a benchmark's).
 * The transition's ends are read as stage kinds by name or linked term
 * (`stageKindOf`); templates are searched in {@link TEMPLATE_IDS} order for a
 * transition between the same kinds whose default equals the current value.
 */
export function defaultSources(
  transition: FunnelTransition,
  funnel: Funnel,
  terms: readonly Term[],
): { conversionRate: DefaultSourceMatch | null; averageDays: DefaultSourceMatch | null } {
  const kindOf = (stageId: string): StageKind | null => {
    const stage = funnel.stages.find((s) => s.id === stageId);
    return stage ? stageKindOf(stage, terms) : null;
  };
  const from = kindOf(transition.source);
  const to = kindOf(transition.target);
  const find = (field: 'conversionRate' | 'averageDays'): DefaultSourceMatch | null => {
    if (!from || !to) return null;
    for (const id of TEMPLATE_IDS) {
      const t = FUNNEL_TEMPLATES[id].transitions.find((x) => x.from === from && x.to === to);
      const d = t?.[field];
      if (d && Math.abs(d.value - transition[field]) < 1e-9) return { template: id, ...d };
    }
    return null;
  };
  return { conversionRate: find('conversionRate'), averageDays: find('averageDays') };
}
