/**
 * Where the app was, so that a reload or a restart comes back to it: the
 * open workshop and its step (or the home screen). A reload of one window
 * returns to that window's place (kept in the state of its current history
 * entry, which a reload keeps: unlike `sessionStorage`, reading it at start
 * costs no round trip to the browser process); a restart,
 * or a window opened later, to the last place of any window (the
 * `lastRoute` setting in the database). A workshop that no longer exists
 * gives the home screen.
 */
import { STEPS, type Route, type Step } from '../store';
import type { IndexTables } from './schema';

const SESSION_KEY = 'pacto.route';
const SETTING_KEY = 'lastRoute';

/** The part of `route` worth coming back to (an item the step was opened on is not). */
function remembered(route: Route): Route {
  return route.screen === 'workshop' ? { screen: 'workshop', id: route.id, step: route.step } : { screen: 'home' };
}

/**
 * The place `value` names, or null when it names none: the home screen, or a
 * workshop (a non-empty id) at one of the steps. Checked by hand rather than
 * with a zod schema: this runs before the home screen's first paint, and the
 * start does not load the validation library (see `renderer/start.ts`).
 */
function parse(value: unknown): Route | null {
  if (typeof value !== 'object' || value === null) return null;
  const { screen, id, step } = value as Record<string, unknown>;
  if (screen === 'home') return { screen: 'home' };
  if (screen === 'workshop' && typeof id === 'string' && id.length > 0 && (STEPS as readonly unknown[]).includes(step)) {
    return { screen: 'workshop', id, step: step as Step };
  }
  return null;
}

/** Where one window keeps its place: a string per key, kept across reloads of that window only. */
export type WindowPlace = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The window's place kept in `history.state` (under its key, beside anything
 * else there), written with `history.replaceState` (same URL, no navigation).
 */
export const historyPlace: WindowPlace | undefined =
  typeof history === 'undefined'
    ? undefined
    : {
        getItem: (key) => {
          const state: unknown = history.state;
          const value = state !== null && typeof state === 'object' ? (state as Record<string, unknown>)[key] : undefined;
          return typeof value === 'string' ? value : null;
        },
        setItem: (key, value) => {
          const state: unknown = history.state;
          history.replaceState({ ...(state !== null && typeof state === 'object' ? state : {}), [key]: value }, '');
        },
      };

function fromSession(storage: WindowPlace | undefined): Route | null {
  try {
    const raw = storage?.getItem(SESSION_KEY);
    return raw ? parse(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** Remembers `route` for this window's reloads and for the next start. Never throws (a full disk only loses the place). */
export function rememberRoute(db: IndexTables, route: Route, storage: WindowPlace | undefined = historyPlace): void {
  const value = remembered(route);
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(value));
  } catch {
    // Storage refused (full, or disabled): only the place is lost.
  }
  void db.settings.put({ key: SETTING_KEY, value }).catch(() => undefined);
}

/** The route to start on: this window's last place, else the last one saved, else home; home when its workshop is gone. */
export async function restoreRoute(db: IndexTables, storage: WindowPlace | undefined = historyPlace): Promise<Route> {
  const saved = fromSession(storage) ?? parse((await db.settings.get(SETTING_KEY).catch(() => undefined))?.value);
  if (!saved || saved.screen === 'home') return { screen: 'home' };
  const exists = await db.workshops.get(saved.id).catch(() => undefined);
  return exists ? saved : { screen: 'home' };
}
