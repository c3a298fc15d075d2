/**
 * Fields whose text does not fit them, on a page of the real renderer (issue
 * 11, "fields do not clip their text"): a text input whose value scrolls
 * sideways, a wrapping textarea (TextField `wrap`) showing fewer lines than
 * its text has, a select narrower than its chosen option. Only fields that
 * are shown count (a collapsed panel's are not).
 */
import type { Page } from 'playwright-core';

/**
 * Each clipped field inside `within` (a CSS selector, default the whole
 * page) as "<label or name>: <its text>", in document order; [] when every
 * field shows all of its text.
 */
export function clippedFields(page: Page, within = 'body'): Promise<string[]> {
  return page.locator(within).evaluate((root) => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const shown = (el: HTMLElement) => el.offsetParent !== null && el.getClientRects().length > 0;
    const nameOf = (el: HTMLElement) =>
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ?? el.getAttribute('aria-label') ?? el.tagName.toLowerCase();
    const selectFits = (el: HTMLSelectElement) => {
      const style = getComputedStyle(el);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = el.selectedOptions[0]?.textContent ?? '';
      // The option's text, the padding and the drop-down arrow (about 16 px in Chromium) must fit.
      const needed = canvas.measureText(text).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 16;
      return { text, fits: needed <= el.clientWidth + 1 };
    };
    const fieldFits = (el: HTMLInputElement | HTMLTextAreaElement) => ({
      text: el.value,
      fits: el.scrollWidth <= el.clientWidth + 1 && !(el instanceof HTMLTextAreaElement && el.scrollHeight > el.clientHeight + 1),
    });
    const found: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('input[type="text"], input:not([type]), textarea.field__wrap, select')) {
      if (!shown(el)) continue;
      const measured = el instanceof HTMLSelectElement ? selectFits(el) : fieldFits(el as HTMLInputElement | HTMLTextAreaElement);
      if (!measured.fits) found.push(`${(nameOf(el) ?? '').trim()}: ${measured.text}`);
    }
    return found;
  });
}
