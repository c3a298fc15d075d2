/** Presenter mode's minimum type sizes: a module of its own so the e2e test can read them without the React screen. */

/**
 * Minimum type sizes of presenter mode in CSS px at a 1280×720 window
 * (they grow with the window, never shrink below these). 28 px on a 720 px
 * high projected image is ~4 % of the screen height, about what projection
 * guidance asks for body text seen from the back of a room (24–32 pt on a
 * 10-inch-high slide); the block title and the timer are larger still.
 */
export const PRESENTER_TYPE_PX = {
  /** Any text on the presenter screen (labels, the next block, notes). */
  minText: 28,
  /** The current block's title and the item under discussion. */
  heading: 56,
  /** The timer's digits. */
  timer: 144,
} as const;
