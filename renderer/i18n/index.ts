/**
 * i18next set-up and locale formatting. Every UI string lives in `es.ts` /
 * `en.ts`; numbers, money, percentages and dates go through the formatters
 * here, which follow the language given (the UI's, or the workshop's for the PDF).
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/workshop';
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

const featureModules = import.meta.glob<{ strings: FeatureStrings }>('../features/*/strings.ts', { eager: true });

/** Core strings plus every feature's, for one language. Throws if two features claim one namespace. */
export function resourcesFor(language: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...(language === 'es' ? es : en) };
  for (const [path, mod] of Object.entries(featureModules)) {
    const { namespace } = mod.strings;
    if (namespace in merged) throw new Error(`i18n namespace "${namespace}" of ${path} is already taken`);
    merged[namespace] = mod.strings[language];
  }
  return merged;
}

/** Initialises i18next in `language`; resolves when ready. */
export async function initI18n(language: Language): Promise<void> {
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { es: { translation: resourcesFor('es') }, en: { translation: resourcesFor('en') } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
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
      return day().format(new Date(Date.UTC(y!, m! - 1, d!)));
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
