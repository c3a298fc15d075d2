/**
 * Start-up: UI language (saved setting, else the system's), persistent
 * storage request, the first-run sample workshop, the place the app was at
 * (workshop and step, see `data/last-route.ts`), and the home list kept live
 * from the database.
 */
import { liveQuery } from 'dexie';
import { LANGUAGES, type Language } from '../shared/domain/workshop';
import { db } from './data/instance';
import { ensureSample } from './data/workshops';
import { formatters, initI18n, i18n, systemLanguage } from './i18n';
import { installSignedEditConfirm } from './features/agreement/signed-edit';
import { platform } from './platform';
import { useAppStore } from './store';
import { isQuotaError } from './data/db';
import { watchSignatureVoiding } from './features/agreement/actions';
import { watchAgreementRecords } from './features/agreement/room-records';
import { rememberRoute, restoreRoute } from './data/last-route';
import { startRoomLayer } from './data/room';

/** Switches the UI language and remembers it. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  useAppStore.getState().setLanguage(language);
  await platform().setLanguage(language);
  await db.settings.put({ key: 'language', value: language });
}

export async function startApp(): Promise<void> {
  // The home list first: its query runs while the language and strings load (a first run's sample
  // workshop, created below, arrives through the same query).
  liveQuery(() => db.workshops.orderBy('updatedAt').reverse().toArray()).subscribe({
    next: (rows) => useAppStore.getState().setWorkshops(rows),
    error: (e) => useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: String(e) } }),
  });
  const reading = Promise.all([db.settings.get('language').catch(() => undefined), platform().appInfo()]);
  // While IndexedDB answers: the home list's date formatter, whose first use loads the locale's
  // date data (~20 ms of main thread), in the likely language.
  formatters(systemLanguage(navigator.languages)).date('2000-01-01');
  const [setting, info] = await reading;
  const saved = setting?.value;
  const language: Language =
    typeof saved === 'string' && (LANGUAGES as readonly string[]).includes(saved)
      ? (saved as Language)
      : systemLanguage(info.ok ? info.value.systemLanguages : navigator.languages);
  await initI18n(language);
  document.documentElement.lang = language;
  useAppStore.getState().setLanguage(language);
  void platform().setLanguage(language);
  // The first edit of a signed agreement asks before it starts a new draft.
  installSignedEditConfirm();
  // An edit after signing started voids the new draft's signatures: record it in the audit trail.
  watchSignatureVoiding(db, (e) => useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: String(e) } }));
  // Versions, signatures and approvals from the room's other laptops come into this laptop's records, and its own go out.
  watchAgreementRecords(db, (e) => useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: String(e) } }));
  // Ask the browser not to evict our data under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
  try {
    await ensureSample(db);
  } catch (e) {
    useAppStore.getState().setNotice({ kind: 'error', key: isQuotaError(e) ? 'app.storageFull' : 'app.storageError', values: { message: String(e) } });
  }
  useAppStore.getState().navigate(await restoreRoute(db));
  // A room this window was in before a reload goes on (main keeps it open).
  void startRoomLayer().catch(() => undefined);
  useAppStore.subscribe((state, prev) => {
    if (state.route !== prev.route) rememberRoute(db, state.route);
  });
}
