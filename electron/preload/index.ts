/**
 * The preload: exposes the bridge to the renderer as `window.pacto`, one
 * method per channel, checked against the shared contract with
 * `satisfies PactoBridge`. `ipcRenderer` itself is never exposed.
 *
 * It runs sandboxed, as CommonJS, and may require only `electron`: the
 * contract module builds zod schemas at load time, so its channel names are
 * repeated here and the compiler checks they match it exactly (values
 * included), while payload parsing stays in the main process.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  CHANNELS as CONTRACT_CHANNELS,
  MENU_COMMAND_CHANNEL as CONTRACT_MENU_COMMAND_CHANNEL,
  MenuCommand,
  PactoBridge,
} from '../../shared/bridge/contract';
import type { Result } from '../../shared/domain/result';

const CHANNELS: typeof CONTRACT_CHANNELS = {
  exportPdf: 'pacto:pdf:export',
  appInfo: 'pacto:app:info',
  setLanguage: 'pacto:app:set-language',
  paginatePdf: 'pacto:pdf:paginate',
  verifyPdf: 'pacto:pdf:verify',
  openExternal: 'pacto:shell:open-external',
  saveFile: 'pacto:file:save',
};
const MENU_COMMAND_CHANNEL: typeof CONTRACT_MENU_COMMAND_CHANNEL = 'pacto:menu:command';

/** `ipcRenderer.invoke` that always resolves: a failed invocation (no handler, closed window) becomes `{ ok: false }`. */
async function invoke<T>(channel: string, ...args: unknown[]): Promise<Result<T>> {
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<T>;
  } catch (error) {
    return { ok: false, error: { code: 'ipc', message: `${channel}: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

const api = {
  exportPdf: (request) => invoke(CHANNELS.exportPdf, request),
  appInfo: () => invoke(CHANNELS.appInfo),
  setLanguage: (language) => invoke(CHANNELS.setLanguage, language),
  paginatePdf: (print) => invoke(CHANNELS.paginatePdf, print),
  verifyPdf: (request) => invoke(CHANNELS.verifyPdf, request),
  saveFile: (request) => invoke(CHANNELS.saveFile, request),
  openExternal: (url) => invoke(CHANNELS.openExternal, url),
  onMenuCommand: (listener) => {
    // The renderer's listener never sees the IPC event (it carries `sender`, i.e. ipcRenderer).
    const forward = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, forward);
    };
  },
} satisfies PactoBridge;

contextBridge.exposeInMainWorld('pacto', api);
