/**
 * axe-core in the e2e suite's Chromium pages: the library is evaluated
 * through the driver (the page's own Content-Security-Policy stays on) once
 * per document, then run on a part of the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's impact levels, least to most severe. */
export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

/**
 * axe-core's violations (every rule, colour contrast included) inside the
 * first element matching `within` (default the body), one `id: target` line
 * per offending node; with `impacts`, only the violations of those levels.
 * A selector that matches nothing is reported as a violation line, so a
 * check never passes on an absent screen.
 */
export async function axeViolations(page: Page, options: { within?: string; impacts?: readonly AxeImpact[] } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ within, impacts }) => {
      type Result = { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
      const axe = (window as unknown as { axe: { run: (el: Element, opts: object) => Promise<Result> } }).axe;
      const root = document.querySelector(within);
      if (!root) return [`nothing matches ${within}`];
      const results = await axe.run(root, { resultTypes: ['violations'] });
      return results.violations
        .filter((v) => impacts === null || (v.impact !== null && (impacts as string[]).includes(v.impact)))
        .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    },
    { within: options.within ?? 'body', impacts: options.impacts ? [...options.impacts] : null },
  );
}
