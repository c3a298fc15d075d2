/**
 * i18next set-up and locale formatting. Every UI string lives in `es.ts` /
 * `en.ts`; numbers, money, percentages and dates go through the formatters
 * here, which follow the language given (the UI's, or the workshop's for the PDF).
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../shared/domain/vocabulary';
import { formatDaysNumber, formatPercent } from '../../shared/funnel/input';
import { es } from './es';
import { en } from './en';
import type { FeatureStrings } from './feature-strings';

export const i18n: I18n = i18next.createInstance();

/** Picks Spanish or English from the system's preferred languages (Spanish for any `es-*`). */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'es') return 'es';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/**
 * Strings a feature keeps beside its code, in `renderer/features/<feature>/strings.ts`
 * (declared with `featureStrings`, which checks es/en parity). They are
 * merged under their namespace key (`t('funnel.addStage')`), so each feature
 * owns its own file.
 */
export type { FeatureStrings } from './feature-strings';

/** The features whose strings the home screen shows: part of the start, the other features' load with the workshop layer. */
const homeModules = import.meta.glob<{ strings: FeatureStrings }>('../features/{workshops,files}/strings.ts', { eager: true });
const laterModules = import.meta.glob<{ strings: FeatureStrings }>(['../features/*/strings.ts', '!../features/{workshops,files}/strings.ts']);

/** Adds each module's strings to `into` under its namespace, for `language`. Throws if two features claim one namespace. */
function mergeFeatures(into: Record<string, unknown>, modules: [string, { strings: FeatureStrings }][], language: Language): Record<string, unknown> {
  for (const [path, mod] of modules) {
    const { namespace } = mod.strings;
    if (namespace in into) throw new Error(`i18n namespace "${namespace}" of ${path} is already taken`);
    into[namespace] = mod.strings[language];
  }
  return into;
}

let laterLoaded: Promise<[string, { strings: FeatureStrings }][]> | null = null;

/** The strings modules of the features beyond the home screen, loaded once. */
function laterFeatures(): Promise<[string, { strings: FeatureStrings }][]> {
  laterLoaded ??= Promise.all(Object.entries(laterModules).map(async ([path, load]) => [path, await load()] as [string, { strings: FeatureStrings }]));
  return laterLoaded;
}

/** Core strings plus the home screen's features', for one language (what the start has). */
function homeResources(language: Language): Record<string, unknown> {
  return mergeFeatures({ ...(language === 'es' ? es : en) }, Object.entries(homeModules), language);
}

/** Core strings plus every feature's, for one language. Throws if two features claim one namespace. */
export async function resourcesFor(language: Language): Promise<Record<string, unknown>> {
  return mergeFeatures(homeResources(language), await laterFeatures(), language);
}

/**
 * Adds the strings of the features beyond the home screen to i18next, in
 * both languages; resolves when they are in (the modules load once; a
 * later call adds them again, e.g. after a new `initI18n`). The workshop
 * layer waits for it before any of its screens.
 */
export async function loadFeatureStrings(): Promise<void> {
  const later = await laterFeatures();
  for (const language of LANGUAGES) i18n.addResourceBundle(language, 'translation', mergeFeatures({}, later, language), true, true);
}

/**
 * Initialises i18next in `language`; resolves when ready. With every
 * feature's strings, unless `homeOnly` (the app's start): then only the
 * core strings and the home screen's features, and the rest come with
 * {@link loadFeatureStrings}.
 */
export async function initI18n(language: Language, { homeOnly = false }: { homeOnly?: boolean } = {}): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { es: { translation: homeResources('es') }, en: { translation: homeResources('en') } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (!homeOnly) await loadFeatureStrings();
}

/** A translate function fixed to `language`, for the print view of a workshop in its own language. */
export function fixedT(language: Language): TFunction {
  return i18n.getFixedT(language);
}

const localeOf = (language: Language) => (language === 'es' ? 'es-ES' : 'en-US');

/** Memoizes `make(key)` per key: Intl formatters are costly to create (locale data), cheap to reuse. */
function cachedBy<K, V>(make: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}

/** One formatter made on first use, then reused. */
function once<V>(make: () => V): () => V {
  let value: V | undefined;
  return () => (value ??= make());
}

function makeFormatters(language: Language) {
  const locale = localeOf(language);
  const number = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }));
  const integer = once(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
  const money = cachedBy((currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }));
  const day = once(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }));
  const zoned = cachedBy(
    (timeZone: string | undefined) =>
      new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }),
  );
  const clockIn = cachedBy(
    (timeZone: string | undefined) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }),
  );
  const dayKeyIn = cachedBy(
    (timeZone: string | undefined) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }),
  );
  // The save status shows the time on every edit: both shapes are made once.
  const clock = once(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));
  const dayAndClock = once(() => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }));
  return {
    /** The language these formatters are for. */
    language,
    number: (n: number) => number().format(n),
    integer: (n: number) => integer().format(n),
    /** `rate` is a fraction 0..1, with up to two decimals: "1,11 %"; the same shape as {@link formatPercent} (one percent format per language). */
    percent: (rate: number) => formatPercent(rate, language, 2),
    money: (amount: number, currency: string) => money(currency).format(amount),
    /**
     * A conversion rate (fraction 0..1) as the funnel diagrams print it, at most one decimal: "35,5 %".
     * The printed agreement uses it for every rate, so a rate reads the same in each place it appears.
     */
    rate: (rate: number) => formatPercent(rate, language),
    /** Days with at most one decimal, as the funnel diagrams print them without the unit: "2,5". */
    days: (days: number) => formatDaysNumber(days, language),
    /** Records (a volume): whole, rounded up, grouped: 416.67 → "417". */
    records: (volume: number) => integer().format(Math.max(0, Math.ceil(volume - 1e-9))),
    /** `iso` is `YYYY-MM-DD` (a calendar day, no zone shift). */
    date: (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number);
      // setUTCFullYear: Date.UTC reads the years 0–99 as 1900–1999 (0001 would print as 1901).
      const at = new Date(Date.UTC(2000, m! - 1, d!));
      at.setUTCFullYear(y!);
      return day().format(at);
    },
    /** An instant as hours and minutes in local time ("14:32"), with the day before it when it is not `today`. */
    time: (instant: string | Date, today: Date = new Date()) => {
      const at = new Date(instant);
      const sameDay = at.toDateString() === today.toDateString();
      return (sameDay ? clock() : dayAndClock()).format(at);
    },
    /** An instant's time of day in `timeZone` with the zone's name, e.g. "18:04 CET". */
    clockIn: (instant: string | Date, timeZone?: string) => clockIn(timeZone).format(new Date(instant)),
    /** The calendar day of an instant in `timeZone`, `YYYY-MM-DD` (for grouping; show it with `date`). */
    dayIn: (instant: string | Date, timeZone?: string) => dayKeyIn(timeZone).format(new Date(instant)),
    /** An instant, shown in `timeZone` with the zone's name, e.g. "30 nov 2026, 18:04 CET". */
    dateTime: (instant: string | Date, timeZone?: string) => zoned(timeZone).format(new Date(instant)),
  };
}

const formattersOf = cachedBy(makeFormatters);

/**
 * Locale formatters for one language. Rates are fractions 0..1; money is in
 * `currency` (ISO 4217). The same object for every call with one language;
 * each Intl formatter in it is made on first use (a screen that shows only
 * dates makes no number formatter).
 *
 * @throws RangeError from `money` for a currency code Intl does not know, and from `dateTime` for an unknown time zone
 */
export function formatters(language: Language): ReturnType<typeof makeFormatters> {
  return formattersOf(language);
}
export type Formatters = ReturnType<typeof formatters>;
