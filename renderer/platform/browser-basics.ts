/**
 * The parts of the browser {@link PactoBridge} that need neither the
 * bridge's schemas nor any storage: the app's version and the system's
 * languages, the menu and file-open events (a browser has neither), the
 * quit handshake, and file paths (a browser's files have none). The start
 * reads them before the home screen's first paint; the rest of the browser
 * implementation (`browser.ts`) loads on first use (`index.ts`).
 */
import { ok } from '../../shared/domain/result';
import type { MenuCommand, OpenedFile, PactoBridge } from '../../shared/bridge/contract';

const menuListeners = new Set<(command: MenuCommand) => void>();
const openListeners = new Set<(file: OpenedFile) => void>();

/** The methods above, as the browser implements them. */
export const browserBasics = {
  async appInfo() {
    return ok({ version: import.meta.env.PACTO_VERSION ?? '0.1.0', runtime: 'browser' as const, systemLanguages: [...navigator.languages] });
  },
  async setLanguage() {
    return ok(undefined);
  },
  onMenuCommand(listener) {
    menuListeners.add(listener);
    return () => menuListeners.delete(listener);
  },
  async pendingFiles() {
    return ok([]);
  },
  onOpenFile(listener) {
    openListeners.add(listener);
    return () => openListeners.delete(listener);
  },
  pathForFile() {
    return null;
  },
  onQuitRequested() {
    // A browser tab closes without asking: backups are taken on the timer and when leaving a workshop.
    return () => undefined;
  },
  async quitReady() {
    return ok(undefined);
  },
} satisfies Partial<PactoBridge>;
