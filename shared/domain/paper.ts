/**
 * The paper a workshop's agreement prints on by default, from the user's
 * locale: US Letter where Letter is the paper in use (the regions CLDR's
 * `paperSize` data lists as US-Letter: the United States, Canada, Mexico,
 * Puerto Rico, the Philippines and several Latin American countries), A4
 * everywhere else. The Export step can still choose the other.
 */
import type { PageSize } from './workshop';

/** Regions (ISO 3166-1 alpha-2) whose default paper is US Letter, after CLDR supplemental data (paperSize). */
export const LETTER_REGIONS: ReadonlySet<string> = new Set(['US', 'CA', 'MX', 'PR', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'SV', 'NI', 'BZ']);

/**
 * The default paper for the first locale tag that names a region (`en-US` →
 * Letter, `es-ES` → A4, `es-MX` → Letter); a bare `en` counts as the United
 * States (`en-US`, the likely region of English), any other bare language or
 * no tag at all gives A4.
 * @param tags BCP 47 tags, most preferred first (e.g. `navigator.languages`)
 */
export function paperForLocale(tags: readonly string[]): PageSize {
  for (const tag of tags) {
    const parts = tag.split(/[-_]/);
    const region = parts
      .slice(1)
      .find((p) => /^[A-Za-z]{2}$/.test(p))
      ?.toUpperCase();
    if (region) return LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
    if (parts[0]?.toLowerCase() === 'en') return 'Letter';
  }
  return 'A4';
}
