import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, fileWindowStateStore, MIN_SIZE, placeWindow, WINDOW_STATE_FILE, type Rect, type WindowState } from '../../electron/main/window-state';

const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const LEFT_MONITOR: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
const PROJECTOR: Rect = { x: 1440, y: 0, width: 1024, height: 768 };

function saved(bounds: Rect, maximized = false): WindowState {
  return { bounds, maximized };
}

describe('placeWindow', () => {
  it('opens a first window at the default size, centred', () => {
    expect(placeWindow(null, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('restores bounds that are on the primary display', () => {
    const bounds = { x: 100, y: 80, width: 1200, height: 760 };
    expect(placeWindow(saved(bounds), [LAPTOP])).toEqual({ ...bounds, maximized: false });
  });

  it('restores bounds on a secondary display, also at negative coordinates', () => {
    const onLeft = { x: -1800, y: 40, width: 1400, height: 900 };
    expect(placeWindow(saved(onLeft, true), [LAPTOP, LEFT_MONITOR])).toEqual({ ...onLeft, maximized: true });
    const onProjector = { x: 1500, y: 10, width: 960, height: 700 };
    expect(placeWindow(saved(onProjector), [LAPTOP, PROJECTOR])).toEqual({ ...onProjector, maximized: false });
  });

  it('centres the window when its display was unplugged, keeping its size and maximized flag', () => {
    const onProjector = { x: 1500, y: 10, width: 960, height: 700 };
    expect(placeWindow(saved(onProjector, true), [LAPTOP])).toEqual({ width: 960, height: 700, maximized: true });
  });

  it('does not restore a window of which only a sliver is visible', () => {
    const sliver = { x: 1440 - 100, y: 100, width: 1000, height: 700 };
    expect(placeWindow(saved(sliver), [LAPTOP])).toEqual({ width: 1000, height: 700, maximized: false });
    const justEnough = { ...sliver, x: 1440 - 160 };
    expect(placeWindow(saved(justEnough), [LAPTOP])).toMatchObject({ x: 1280, y: 100 });
  });

  it('shrinks an off-screen window that is larger than the primary display', () => {
    const huge = { x: 5000, y: 0, width: 3840, height: 2100 };
    expect(placeWindow(saved(huge), [LAPTOP])).toEqual({ width: LAPTOP.width, height: LAPTOP.height, maximized: false });
  });

  it('never goes below the minimum size, and rounds fractional pixels', () => {
    expect(placeWindow(saved({ x: 10, y: 30, width: 300, height: 200 }), [LAPTOP])).toEqual({
      x: 10,
      y: 30,
      ...MIN_SIZE,
      maximized: false,
    });
    expect(placeWindow(saved({ x: 10.4, y: 30.6, width: 1000.5, height: 700.2 }), [LAPTOP])).toEqual({
      x: 10,
      y: 31,
      width: 1001,
      height: 700,
      maximized: false,
    });
  });

  it.each([
    ['text', 'hello'],
    ['an array', [1, 2, 3]],
    ['missing bounds', { maximized: true }],
    ['a string coordinate', { bounds: { x: '10', y: 10, width: 1000, height: 700 }, maximized: false }],
    ['a zero width', { bounds: { x: 10, y: 10, width: 0, height: 700 }, maximized: false }],
    ['a negative height', { bounds: { x: 10, y: 10, width: 1000, height: -5 }, maximized: false }],
    ['infinity', { bounds: { x: Infinity, y: 10, width: 1000, height: 700 }, maximized: false }],
    ['a missing maximized flag', { bounds: { x: 10, y: 10, width: 1000, height: 700 } }],
  ])('ignores a saved state with %s', (_what, state) => {
    expect(placeWindow(state, [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('works with no display information at all', () => {
    const bounds = { x: 100, y: 80, width: 1200, height: 760 };
    expect(placeWindow(saved(bounds), [])).toEqual({ width: 1200, height: 760, maximized: false });
  });
});

describe('fileWindowStateStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(join(tmpdir(), 'pacto-user-data-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads nothing before the first write, then what was written', () => {
    const store = fileWindowStateStore(dir);
    expect(store.read()).toBeNull();
    const state = saved({ x: -1800, y: 40, width: 1400, height: 900 }, true);
    store.write(state);
    expect(store.read()).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
    expect(placeWindow(fileWindowStateStore(dir).read(), [LAPTOP, LEFT_MONITOR])).toEqual({ ...state.bounds, maximized: true });
  });

  it('reads a corrupted file as no state', () => {
    fs.writeFileSync(join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": 1');
    const store = fileWindowStateStore(dir);
    expect(store.read()).toBeNull();
    expect(placeWindow(store.read(), [LAPTOP])).toEqual({ ...DEFAULT_SIZE, maximized: false });
  });

  it('reports a failed write and keeps the previous state', () => {
    const store = fileWindowStateStore(dir);
    const previous = saved({ x: 1, y: 2, width: 1000, height: 700 });
    store.write(previous);
    const failing = fileWindowStateStore(dir, fs, () => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    });
    expect(() => failing.write(saved({ x: 5, y: 5, width: 1100, height: 800 }))).toThrow(/EROFS/);
    expect(store.read()).toEqual(previous);
  });

  it('reads through the injected file system', () => {
    const store = fileWindowStateStore('/nowhere', {
      readFileSync: (path) => {
        expect(path).toBe(join('/nowhere', WINDOW_STATE_FILE));
        return JSON.stringify(saved({ x: 3, y: 4, width: 1000, height: 700 }));
      },
    });
    expect(store.read()).toEqual(saved({ x: 3, y: 4, width: 1000, height: 700 }));
  });
});
