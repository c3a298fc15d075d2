/**
 * What the room screens' component tests share: `<dialog>`'s modal methods
 * (jsdom has the element but not `showModal`/`close`), an accessibility
 * check with axe-core (every rule jsdom can evaluate; colour contrast needs
 * layout and is checked in Chromium by the e2e screenshots), and the room
 * layer reset between tests.
 */
import axe from 'axe-core';
import { expect } from 'vitest';
import { setSeat } from '../../renderer/data/seat';

/** Gives jsdom's `<dialog>` the modal methods browsers have (open attribute and the close event). */
export function installDialogMethods(): void {
  const proto = HTMLDialogElement.prototype as HTMLDialogElement & { showModal?: () => void };
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

/** Fails with the violations' ids, help and nodes when axe finds any in `root`. */
export async function expectAxeClean(root: Element = document.body): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
}

/** Back to no room: the seat outside a room. */
export function resetRoom(): void {
  setSeat({ inRoom: false, role: 'facilitator', identity: null });
}
