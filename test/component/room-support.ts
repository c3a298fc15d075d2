/**
 * What the room screens' component tests share: `<dialog>`'s modal methods
 * (jsdom has the element but not `showModal`/`close`) and the room layer
 * reset between tests (the accessibility check is in `./axe`).
 */
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

/** Back to no room: the seat outside a room. */
export function resetRoom(): void {
  setSeat({ inRoom: false, role: 'facilitator', identity: null });
}
