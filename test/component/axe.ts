/**
 * The component tests' accessibility check: axe-core on a rendered part, with
 * every rule jsdom can evaluate (colour contrast needs layout jsdom lacks; the
 * e2e suite checks it in Chromium).
 */
import axe from 'axe-core';
import { expect } from 'vitest';

/** Fails with the violations' ids, help and nodes when axe finds any in `root`. */
export async function expectAxeClean(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
}
