/**
 * The one bilingual table of benchmark sources: where every default number
 * of a funnel template and every range the targets model checks against
 * comes from (docs/domain.md ("Benchmark ranges" and the sales
 * cycle lengths), restated with their year, so the canvas can show each
 * default's source next to it. Benchmarks are editable defaults, never
 * truths: most of their spread comes from companies defining "MQL" differently.
 */
import type { Language } from '../domain/workshop';
import type { Bilingual } from './standard-stages';

/** Identifiers of the sources defaults are taken from. */
export const BENCHMARK_SOURCE_IDS = [
  'marketingsherpa-2009',
  'demand-waterfall-ranges',
  'hubspot-salesforce-2024',
  'hubspot-reps-2026',
  'sales-cycle-segments',
  'sla-recycling',
  'pacto-placeholder',
] as const;
export type BenchmarkSourceId = (typeof BENCHMARK_SOURCE_IDS)[number];

/** A published source of benchmark figures. */
export interface BenchmarkSource {
  id: BenchmarkSourceId;
  /** Who published it and what it is, per language. */
  name: Bilingual;
  /** Year of publication, or `null` where the source is undated. */
  year: number | null;
  /** Whether the figures are reported second-hand (a compilation of others' figures). */
  secondHand: boolean;
}

/** The sources of docs/domain.md, by id. */
export const BENCHMARK_SOURCES: Readonly<Record<BenchmarkSourceId, BenchmarkSource>> = {
  'marketingsherpa-2009': {
    id: 'marketingsherpa-2009',
    name: { es: 'Encuesta B2B de MarketingSherpa', en: 'MarketingSherpa B2B survey' },
    year: 2009,
    secondHand: false,
  },
  'demand-waterfall-ranges': {
    id: 'demand-waterfall-ranges',
    name: {
      es: 'Rangos empresariales de la Demand Waterfall (artículo de un profesional)',
      en: 'Demand Waterfall enterprise ranges (practitioner write-up)',
    },
    year: null,
    secondHand: false,
  },
  'hubspot-salesforce-2024': {
    id: 'hubspot-salesforce-2024',
    name: { es: 'Recopilaciones de cifras de HubSpot y Salesforce', en: 'Compilations of HubSpot and Salesforce figures' },
    year: 2024,
    secondHand: true,
  },
  'hubspot-reps-2026': {
    id: 'hubspot-reps-2026',
    name: { es: 'Encuesta de HubSpot a más de 1.000 vendedores', en: 'HubSpot survey of 1,000+ sales reps' },
    year: 2026,
    secondHand: false,
  },
  'sales-cycle-segments': {
    id: 'sales-cycle-segments',
    name: {
      es: 'Duración del ciclo de venta por segmento (pyme 30–60 días, mediana empresa 60–90, gran empresa 6–12 meses)',
      en: 'Sales cycle length by segment (SMB 30–60 days, mid-market 60–90, enterprise 6–12 months)',
    },
    year: null,
    secondHand: false,
  },
  'sla-recycling': {
    id: 'sla-recycling',
    name: {
      es: 'Catálogo de cláusulas SLA, reciclaje: los leads reciclados vuelven a nutrición y se vuelven a puntuar',
      en: 'SLA clause catalogue, recycling: recycled leads go back to nurturing and are re-scored',
    },
    year: null,
    secondHand: false,
  },
  'pacto-placeholder': {
    id: 'pacto-placeholder',
    name: {
      es: 'Sin referencia: valor provisional de Pacto para sustituir por el suyo',
      en: 'No benchmark: Pacto’s placeholder, to replace with your own',
    },
    year: null,
    secondHand: false,
  },
};

/**
 * One default number of a template (a transition's rate or days) with where it comes from.
 * `value` is in the unit of the field: a fraction 0..1 for a rate, days for a duration.
 */
export interface SourcedDefault {
  value: number;
  source: BenchmarkSource;
  /** The range the source gives for this figure, in the same unit as `value`; `null` for a single figure. */
  range: { min: number; max: number } | null;
  /** How `value` was taken from the source ("midpoint of the range", "the rest of SAL: 1 − SAL→SQL"). */
  basis: Bilingual;
}

/** Builds a {@link SourcedDefault}; `range` in the unit of `value`. */
export function sourced(value: number, sourceId: BenchmarkSourceId, range: readonly [number, number] | null, basis: Bilingual): SourcedDefault {
  return { value, source: BENCHMARK_SOURCES[sourceId], range: range ? { min: range[0], max: range[1] } : null, basis };
}

/**
 * The source as a citation line in `language`: `"MarketingSherpa B2B survey, 2009"`,
 * `"Compilations of HubSpot and Salesforce figures, 2024 (second-hand)"`,
 * `"Demand Waterfall enterprise ranges (practitioner write-up), undated"`; the
 * placeholder (no benchmark) is named without a year.
 */
export function formatSource(source: BenchmarkSource, language: Language): string {
  if (source.id === 'pacto-placeholder') return source.name[language];
  const year = source.year ?? (language === 'es' ? 'sin fecha' : 'undated');
  const secondHand = source.secondHand ? (language === 'es' ? ' (de segunda mano)' : ' (second-hand)') : '';
  return `${source.name[language]}, ${year}${secondHand}`;
}
