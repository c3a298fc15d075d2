/**
 * Start-up: UI language (saved setting, else the system's), persistent
 * storage request, the first-run sample workshop, the place the app was at
 * (workshop and step, see `data/last-route.ts`), and the home list kept live
 * from the database, all through the home screen's connection
 * (`data/home-db.ts`, no Yjs). The workshop code (documents, rooms, agreement) is not
 * part of it: it loads after the home screen's first paint
 * ({@link startWorkshopLayer}), or first when the app starts on a workshop.
 */
import { liveQuery } from 'dexie';
import { LANGUAGES, type Language } from '../shared/domain/vocabulary';
import { homeDb } from './data/home-db';
import { sampleDue } from './data/first-run';
import { formatters, initI18n, i18n, systemLanguage } from './i18n';
import { platform } from './platform';
import { useAppStore } from './store';
import { isQuotaError } from './data/schema';
import { rememberRoute, restoreRoute } from './data/last-route';

let workshopLayer: Promise<void> | null = null;
let layerStarted: () => void = () => undefined;
const started = new Promise<void>((resolve) => (layerStarted = resolve));

/**
 * Loads and starts, once, what open workshops and rooms rely on
 * (`workshop-layer.ts`: the signed-edit question, the audit of voided
 * signatures, the room's records, a room kept across a reload). Resolves
 * when it runs; a workshop's screen waits for it.
 */
export function startWorkshopLayer(): Promise<void> {
  workshopLayer ??= import('./workshop-layer').then((layer) => layer.startServices()).then(layerStarted);
  return workshopLayer;
}

/** Resolves once the workshop layer has started, whoever started it ({@link startWorkshopLayer}); starts nothing itself. */
export function workshopLayerStarted(): Promise<void> {
  return started;
}

/** Switches the UI language and remembers it. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  useAppStore.getState().setLanguage(language);
  await platform().setLanguage(language);
  await homeDb.settings.put({ key: 'language', value: language });
}

export async function startApp(): Promise<void> {
  // The home list first: its query runs while the language and strings load (a first run's sample
  // workshop, created below, arrives through the same query).
  liveQuery(() => homeDb.workshops.orderBy('updatedAt').reverse().toArray()).subscribe({
    next: (rows) => useAppStore.getState().setWorkshops(rows),
    error: (e) => useAppStore.getState().setNotice({ kind: 'error', key: 'app.storageError', values: { message: String(e) } }),
  });
  const reading = Promise.all([homeDb.settings.get('language').catch(() => undefined), platform().appInfo()]);
  // Meanwhile, too: a first run writes the sample workshop (the workshop code loads for it, then only),
  // and the place to start on is read (it never fails).
  const seeding = sampleDue(homeDb).then(async (due) => {
    if (!due) return;
    const [{ ensureSample }, { db }] = await Promise.all([import('./data/workshops'), import('./data/instance')]);
    await ensureSample(db);
  });
  seeding.catch(() => undefined); // reported below, once awaited
  const place = restoreRoute(homeDb);
  // While IndexedDB answers: the home list's date and time formatters, whose first use loads the
  // locale's date data (~20 ms of main thread each), in the likely language.
  const likely = formatters(systemLanguage(navigator.languages));
  likely.date('2000-01-01');
  likely.time(new Date());
  likely.time(new Date(0));
  const [setting, info] = await reading;
  const saved = setting?.value;
  const language: Language =
    typeof saved === 'string' && (LANGUAGES as readonly string[]).includes(saved)
      ? (saved as Language)
      : systemLanguage(info.ok ? info.value.systemLanguages : navigator.languages);
  await initI18n(language, { homeOnly: true });
  document.documentElement.lang = language;
  useAppStore.getState().setLanguage(language);
  void platform().setLanguage(language);
  // Ask the browser not to evict our data under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
  try {
    await seeding;
  } catch (e) {
    useAppStore.getState().setNotice({ kind: 'error', key: isQuotaError(e) ? 'app.storageFull' : 'app.storageError', values: { message: String(e) } });
  }
  useAppStore.getState().navigate(await place);
  useAppStore.subscribe((state, prev) => {
    if (state.route !== prev.route) rememberRoute(homeDb, state.route);
  });
}
