/**
 * What open workshops and rooms rely on, started once, after the home
 * screen's first paint or before a workshop's screen when that comes first
 * (`startWorkshopLayer` in ./start.ts): the home screen starts without it.
 */
import { db } from './data/instance';
import { useAppStore } from './store';
import { installSignedEditConfirm } from './features/agreement/signed-edit';
import { watchSignatureVoiding } from './features/agreement/actions';
import { watchAgreementRecords } from './features/agreement/room-records';
import { startRoomLayer } from './data/room';
import { loadFeatureStrings } from './i18n';

/** Adds the workshop screens' strings and starts the services below; resolves when the strings are in. Call once (./start.ts does). */
export async function startServices(): Promise<void> {
  await loadFeatureStrings();
  const storageError = (e: unknown) => useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: String(e) } });
  // The first edit of a signed agreement asks before it starts a new draft.
  installSignedEditConfirm();
  // An edit after signing started voids the new draft's signatures: record it in the audit trail.
  watchSignatureVoiding(db, storageError);
  // Versions, signatures and approvals from the room's other laptops come into this laptop's records, and its own go out.
  watchAgreementRecords(db, storageError);
  // A room this window was in before a reload goes on (main keeps it open).
  void startRoomLayer().catch(() => undefined);
}
