/**
 * A last backup before Pacto closes. Closing the window (or quitting) is
 * held once: the renderer is asked to back up the workshops that changed
 * and answers `quitReady`; then the close goes on. If it does not answer in
 * {@link CLOSE_TIMEOUT_MS} (a hung page), the close goes on anyway, so Pacto
 * can always be closed. The timer and the request are injected.
 */

/** How long a close waits for the renderer's backup, ms. */
export const CLOSE_TIMEOUT_MS = 10_000;

/** Collaborators of {@link createCloseGuard}. */
export interface CloseGuardDeps {
  /** Asks the renderer to back up (sends `QUIT_REQUESTED_CHANNEL`); false when there is no renderer to ask. */
  request(): boolean;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** The guard: call {@link CloseGuard.intercept} from `close` / `before-quit`, {@link CloseGuard.ready} from `quitReady`. */
export interface CloseGuard {
  /**
   * Whether to hold this close (then call `event.preventDefault()`); `proceed`
   * is called once the renderer is done, to close or quit again.
   */
  intercept(proceed: () => void): boolean;
  /** The renderer has backed up. */
  ready(): void;
  /** Holds the next close again (a new window was opened, e.g. from the macOS Dock). */
  rearm(): void;
}

/** A close guard over `deps`. Once the backup is done (or timed out), every later close passes. */
export function createCloseGuard(deps: CloseGuardDeps, timeoutMs = CLOSE_TIMEOUT_MS): CloseGuard {
  let state: 'idle' | 'waiting' | 'done' = 'idle';
  let proceeds: (() => void)[] = [];
  let timer: unknown = null;
  const finish = () => {
    if (state === 'done') return;
    state = 'done';
    if (timer !== null) deps.clearTimer(timer);
    const run = proceeds;
    proceeds = [];
    for (const proceed of run) proceed();
  };
  return {
    intercept(proceed) {
      if (state === 'done') return false;
      if (state === 'idle') {
        if (!deps.request()) {
          state = 'done';
          return false;
        }
        state = 'waiting';
        timer = deps.setTimer(finish, timeoutMs);
      }
      proceeds.push(proceed);
      return true;
    },
    ready: () => {
      if (state === 'waiting') finish();
    },
    rearm: () => {
      if (state === 'done') state = 'idle';
    },
  };
}
