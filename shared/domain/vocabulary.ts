/**
 * The workshop's fixed vocabulary (languages, teams, parties, paper sizes):
 * a module of its own, without the workshop's schemas, so that the app's
 * start reads it without loading the validation library.
 * `workshop.ts` re-exports all of it.
 */

/** The languages Pacto speaks (its interface, a workshop's agreement), Spanish first. */
export const LANGUAGES = ['es', 'en'] as const;
/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** The three groups in the room. */
export const TEAMS = ['marketing', 'sales', 'leadership'] as const;
export type Team = (typeof TEAMS)[number];

/** The two parties of the agreement: the teams that own stages and make commitments. */
export const PARTIES = ['marketing', 'sales'] as const;
export type Party = (typeof PARTIES)[number];

/**
 * The teams' names in each language: the one table behind the interface's
 * `teams.*` strings (renderer/i18n), the funnel diagram's owner legend and
 * the CRM hand-back files' words.
 */
export const TEAM_NAMES: Readonly<Record<Language, Readonly<Record<Team, string>>>> = {
  es: { marketing: 'Marketing', sales: 'Ventas', leadership: 'Dirección' },
  en: { marketing: 'Marketing', sales: 'Sales', leadership: 'Leadership' },
};

/** The paper sizes an agreement prints on. */
export const PAGE_SIZES = ['A4', 'Letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
