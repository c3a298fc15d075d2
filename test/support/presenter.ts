/**
 * The e2e check that presenter mode reads from the back of the room: every
 * visible text at least the presenter's minimum type size, the block's title
 * and the timer at their larger sizes, and nothing to scroll on the screen
 * the page is sized to (the 1280×720 projector in the tests).
 */
import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import { PRESENTER_TYPE_PX } from '../../renderer/features/facilitation/presenter-type';

/** Each visible text node inside `root`: its text, font size in CSS px, and the nearest enclosing `data-testid`. */
async function textSizes(root: Locator): Promise<{ text: string; px: number; testId: string | null }[]> {
  return root.evaluate((el) => {
    const out: { text: string; px: number; testId: string | null }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      const text = node.textContent!.trim();
      const box = parent.getBoundingClientRect();
      if (!text || box.width === 0 || box.height === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      out.push({ text, px: parseFloat(getComputedStyle(parent).fontSize), testId: parent.closest('[data-testid]')?.getAttribute('data-testid') ?? null });
    }
    return out;
  });
}

/** Fails unless the presenter view `presenter` (its `data-testid="presenter"` element) meets PRESENTER_TYPE_PX and fits without scrolling. */
export async function expectPresenterReadable(presenter: Locator): Promise<void> {
  const sizes = await textSizes(presenter);
  expect(sizes.length).toBeGreaterThan(4);
  for (const s of sizes) expect(s.px, s.text).toBeGreaterThanOrEqual(PRESENTER_TYPE_PX.minText);
  const sizeOf = (testId: string) => Math.min(...sizes.filter((s) => s.testId === testId).map((s) => s.px));
  expect(sizeOf('presenter-block')).toBeGreaterThanOrEqual(PRESENTER_TYPE_PX.heading);
  expect(sizeOf('timer-digits')).toBeGreaterThanOrEqual(PRESENTER_TYPE_PX.timer);
  expect(await presenter.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
}
