/**
 * Remembers the window's size and position between runs in a small JSON
 * file in `app.getPath('userData')`, written atomically. A saved position is
 * used only while enough of the window still falls on a connected display
 * (a monitor may have been unplugged); otherwise the window keeps its size,
 * shrunk to fit, and is centred.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomicSync } from './atomic-write';

/** A rectangle in screen coordinates (device-independent pixels). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is saved: the window's normal (not maximized) bounds and whether it was maximized. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Where and how large to open the window; without `x`/`y` it is centred. */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** Name of the file in the user-data folder. */
export const WINDOW_STATE_FILE = 'window-state.json';

/** First-run size, and the smallest the window may be. */
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 900, height: 600 } as const;

/** How much of the window must overlap a display's work area for the saved position to be kept. */
export const MIN_VISIBLE = { width: 160, height: 80 } as const;

const finite = z.number().finite();
const windowStateSchema = z.object({
  bounds: z.object({ x: finite, y: finite, width: finite.positive(), height: finite.positive() }),
  maximized: z.boolean(),
});

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window.
 *
 * @param saved whatever the state file held (parsed JSON, or `null` when there was none); anything malformed is ignored
 * @param workAreas work areas of the connected displays (`screen.getAllDisplays().map(d => d.workArea)`), primary first
 * @returns the saved bounds when at least {@link MIN_VISIBLE} of the window lies on one display;
 *   else the saved (or default) size, no larger than the primary work area and no smaller than {@link MIN_SIZE}, centred
 */
export function placeWindow(saved: unknown, workAreas: readonly Rect[]): WindowPlacement {
  const parsed = windowStateSchema.safeParse(saved);
  const state = parsed.success ? parsed.data : null;
  const size = state?.bounds ?? DEFAULT_SIZE;
  const width = Math.max(MIN_SIZE.width, Math.round(size.width));
  const height = Math.max(MIN_SIZE.height, Math.round(size.height));
  const maximized = state?.maximized ?? false;
  if (state !== null) {
    const bounds = { x: Math.round(state.bounds.x), y: Math.round(state.bounds.y), width, height };
    const visible = workAreas.some((area) => {
      const shared = overlap(bounds, area);
      return shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height;
    });
    if (visible) return { ...bounds, maximized };
  }
  const primary = workAreas[0];
  return {
    width: primary === undefined ? width : Math.max(MIN_SIZE.width, Math.min(width, primary.width)),
    height: primary === undefined ? height : Math.max(MIN_SIZE.height, Math.min(height, primary.height)),
    maximized,
  };
}

/** Reads and writes the state file. */
export interface WindowStateStore {
  /** The file's parsed JSON, or `null` when it is missing or not JSON. Never throws. */
  read(): unknown;
  /** Writes the state atomically. Throws the file system's error. */
  write(state: WindowState): void;
}

/** The part of `node:fs` the store reads with (injectable for tests). */
export interface ReadFs {
  readFileSync(path: string, encoding: 'utf8'): string;
}

/**
 * A {@link WindowStateStore} on `<userDataDir>/window-state.json`.
 *
 * @param write the atomic writer (tests inject a failing one)
 */
export function fileWindowStateStore(
  userDataDir: string,
  readFs: ReadFs = fs,
  write: (path: string, data: string) => void = writeFileAtomicSync,
): WindowStateStore {
  const path = join(userDataDir, WINDOW_STATE_FILE);
  return {
    read() {
      try {
        return JSON.parse(readFs.readFileSync(path, 'utf8')) as unknown;
      } catch {
        return null;
      }
    },
    write(state) {
      write(path, `${JSON.stringify(state, null, 2)}\n`);
    },
  };
}
