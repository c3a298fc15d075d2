/**
 * How the one edit path asks before the first edit of a signed agreement:
 * a confirmation in the UI's language naming the signed version, which stays
 * as it is (see `edit()` in `renderer/data/session.ts`).
 */
import { setSignedEditConfirm } from '../../data/session';
import { i18n } from '../../i18n';

/** Makes `edit()` ask "This agreement is signed…" (once per draft) before it changes a signed agreement. */
export function installSignedEditConfirm(): void {
  setSignedEditConfirm((number) => window.confirm(i18n.t('agreement.signedEdit', { number })));
}
