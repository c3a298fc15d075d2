/**
 * How a feature declares its strings, with es/en parity checked by the
 * compiler: `export const strings = featureStrings({ namespace, es: {…}, en: {…} })`
 * in `renderer/features/<feature>/strings.ts` fails to typecheck when a key
 * is in one language and not the other, and the error names the key paths.
 * (Which keys the code uses is checked by `test/unit/i18n-keys.test.ts`.)
 */

/** A feature's strings: a namespace (`t('<namespace>.…')`) and the same tree of strings in each language. */
export interface FeatureStrings {
  namespace: string;
  es: Record<string, unknown>;
  en: Record<string, unknown>;
}

/** Every key path of a strings tree (`"agreement.export.done"`). */
export type KeyPaths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${KeyPaths<T[K]>}` }[keyof T & string];

/** `unknown` when `E` and `N` hold the same key paths; otherwise an object type naming the paths one of them lacks. */
export type SameKeys<E, N> = [Exclude<KeyPaths<E>, KeyPaths<N>> | Exclude<KeyPaths<N>, KeyPaths<E>>] extends [never]
  ? unknown
  : { 'missing in en': Exclude<KeyPaths<E>, KeyPaths<N>>; 'missing in es': Exclude<KeyPaths<N>, KeyPaths<E>> };

/** Declares a feature's strings; a compile error when es and en differ in their keys. */
export function featureStrings<E extends Record<string, unknown>, N extends Record<string, unknown>>(
  strings: { namespace: string; es: E; en: N } & SameKeys<E, N>,
): { namespace: string; es: E; en: N } {
  return { namespace: strings.namespace, es: strings.es, en: strings.en };
}
