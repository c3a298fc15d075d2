/**
 * The bridge's IPC channel names, in a module of their own with no imports:
 * the sandboxed preload (which may load nothing but `electron` and what is
 * bundled into it) takes them from here, and `contract.ts` re-exports them,
 * so a channel is declared once.
 */

/** Invoke channels (renderer → main, with a reply). */
export const CHANNELS = {
  exportPdf: 'pacto:pdf:export',
  appInfo: 'pacto:app:info',
  setLanguage: 'pacto:app:set-language',
  paginatePdf: 'pacto:pdf:paginate',
  verifyPdf: 'pacto:pdf:verify',
  openExternal: 'pacto:shell:open-external',
  saveFile: 'pacto:file:save',
  openWorkshopFile: 'pacto:file:open-workshop',
  saveWorkshopFile: 'pacto:file:save-workshop',
  recentFiles: 'pacto:file:recent',
  forgetRecentFile: 'pacto:file:forget-recent',
  pendingFiles: 'pacto:file:pending',
  setDocumentState: 'pacto:window:document-state',
  writeBackup: 'pacto:backup:write',
  listBackups: 'pacto:backup:list',
  readBackup: 'pacto:backup:read',
  quitReady: 'pacto:app:quit-ready',
} as const;

/** Event channel main → renderer carrying a `MenuCommand`. */
export const MENU_COMMAND_CHANNEL = 'pacto:menu:command';

/** Event channel main → renderer carrying an `OpenedFile` the system asked Pacto to open (double-click, command line, drop, Open Recent). */
export const FILE_OPENED_CHANNEL = 'pacto:file:opened';

/** Event channel main → renderer: the app is closing; back up, then call `quitReady`. */
export const QUIT_REQUESTED_CHANNEL = 'pacto:app:quit-requested';
