/**
 * The application menu in Spanish and English, built by a pure function so
 * it is tested without Electron. Commands the renderer owns (new workshop,
 * open, save, save as, export a copy, import, restore from backup, export
 * PDF, undo and redo through Y.UndoManager, about) are sent to it as
 * a {@link MenuCommand}; File ▸ Open Recent lists Pacto's own recent files
 * (main opens the one clicked); clipboard, zoom, full screen and quit use
 * Electron's roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge/contract';
import { LANGUAGES, type Language } from '../../shared/domain/workshop';

/** Every label the main process shows (menu and save dialog). */
export interface MainLabels {
  file: string;
  newWorkshop: string;
  open: string;
  openRecent: string;
  /** Open Recent when the list is empty. */
  noRecent: string;
  clearRecent: string;
  save: string;
  saveAs: string;
  exportCopy: string;
  import: string;
  restoreBackup: string;
  /** Name of the `.pacto` filter in the open and save dialogs. */
  pactoFilter: string;
  openDialogTitle: string;
  saveDialogTitle: string;
  exportCopyDialogTitle: string;
  exportPdf: string;
  /** Title of the native save dialog of the PDF export. */
  exportPdfDialogTitle: string;
  /** Name of the PDF filter in the save dialog. */
  pdfFilter: string;
  /** Title of the native save dialog of a funnel export (SVG, PNG). */
  saveImageDialogTitle: string;
  /** Name of the image filter in that dialog. */
  imageFilter: string;
  /** Title and filter name of the save dialog for other files (the CRM hand-back files). */
  saveFileDialogTitle: string;
  fileFilter: string;
  quit: string;
  /** macOS app menu: quit with the app's name. */
  quitApp: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  zoomIn: string;
  zoomOut: string;
  resetZoom: string;
  fullScreen: string;
  developerTools: string;
  window: string;
  minimize: string;
  /** macOS Window → Zoom (maximize), not the page zoom. */
  zoomWindow: string;
  bringAllToFront: string;
  help: string;
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
}

const LABELS: Readonly<Record<Language, MainLabels>> = {
  es: {
    file: 'Archivo',
    newWorkshop: 'Nuevo taller',
    open: 'Abrir…',
    openRecent: 'Abrir reciente',
    noRecent: 'Ningún archivo reciente',
    clearRecent: 'Borrar la lista',
    save: 'Guardar',
    saveAs: 'Guardar como…',
    exportCopy: 'Exportar una copia…',
    import: 'Importar…',
    restoreBackup: 'Restaurar desde una copia de seguridad…',
    pactoFilter: 'Taller de Pacto',
    openDialogTitle: 'Abrir un taller',
    saveDialogTitle: 'Guardar el taller',
    exportCopyDialogTitle: 'Exportar una copia del taller',
    exportPdf: 'Exportar PDF…',
    exportPdfDialogTitle: 'Exportar el acuerdo en PDF',
    pdfFilter: 'Documento PDF',
    saveImageDialogTitle: 'Exportar el embudo',
    imageFilter: 'Imagen',
    saveFileDialogTitle: 'Guardar el archivo para el CRM',
    fileFilter: 'Archivo',
    quit: 'Salir',
    quitApp: 'Salir de Pacto',
    edit: 'Edición',
    undo: 'Deshacer',
    redo: 'Rehacer',
    cut: 'Cortar',
    copy: 'Copiar',
    paste: 'Pegar',
    selectAll: 'Seleccionar todo',
    view: 'Ver',
    zoomIn: 'Ampliar',
    zoomOut: 'Reducir',
    resetZoom: 'Tamaño real',
    fullScreen: 'Pantalla completa',
    developerTools: 'Herramientas de desarrollo',
    window: 'Ventana',
    minimize: 'Minimizar',
    zoomWindow: 'Zoom',
    bringAllToFront: 'Traer todo al frente',
    help: 'Ayuda',
    about: 'Acerca de Pacto',
    hide: 'Ocultar Pacto',
    hideOthers: 'Ocultar otras',
    showAll: 'Mostrar todo',
  },
  en: {
    file: 'File',
    newWorkshop: 'New Workshop',
    open: 'Open…',
    openRecent: 'Open Recent',
    noRecent: 'No Recent Files',
    clearRecent: 'Clear Menu',
    save: 'Save',
    saveAs: 'Save As…',
    exportCopy: 'Export a Copy…',
    import: 'Import…',
    restoreBackup: 'Restore from Backup…',
    pactoFilter: 'Pacto workshop',
    openDialogTitle: 'Open a workshop',
    saveDialogTitle: 'Save the workshop',
    exportCopyDialogTitle: 'Export a copy of the workshop',
    exportPdf: 'Export PDF…',
    exportPdfDialogTitle: 'Export the agreement as PDF',
    pdfFilter: 'PDF document',
    saveImageDialogTitle: 'Export the funnel',
    imageFilter: 'Image',
    saveFileDialogTitle: 'Save the file for the CRM',
    fileFilter: 'File',
    quit: 'Quit',
    quitApp: 'Quit Pacto',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Toggle Full Screen',
    developerTools: 'Toggle Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    zoomWindow: 'Zoom',
    bringAllToFront: 'Bring All to Front',
    help: 'Help',
    about: 'About Pacto',
    hide: 'Hide Pacto',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
  },
};

/** The main process's labels in `language`. */
export function mainLabels(language: Language): MainLabels {
  return LABELS[language];
}

/**
 * The app's starting language from the system's: the first preferred
 * language whose primary subtag Pacto supports (`es-419` → `es`,
 * `en-GB` → `en`), else the locale's, else English.
 *
 * @param preferred `app.getPreferredSystemLanguages()`, most preferred first (BCP 47)
 * @param locale `app.getLocale()`
 */
export function pickLanguage(preferred: readonly string[], locale: string): Language {
  for (const tag of [...preferred, locale]) {
    const primary = tag.split(/[-_]/)[0]?.toLowerCase();
    const match = LANGUAGES.find((language) => language === primary);
    if (match !== undefined) return match;
  }
  return 'en';
}

/** Platform facts the menu depends on. */
export interface MenuOptions {
  /** `process.platform`: macOS gets the app menu and no Quit under File. */
  platform: NodeJS.Platform;
  /** Adds View → developer tools (unpackaged builds only). */
  developerTools: boolean;
  /** File ▸ Open Recent, newest first (Pacto's own list); empty or absent: a disabled "No Recent Files". */
  recentFiles?: readonly { path: string; name: string }[];
  /** Opens a recent file (main reads it and hands it to the renderer). */
  openRecent?: (path: string) => void;
  /** Empties the recent list. */
  clearRecent?: () => void;
}

/**
 * The application menu for `Menu.buildFromTemplate`.
 *
 * @param language the menu's language
 * @param send delivers a command to the renderer (over `MENU_COMMAND_CHANNEL`)
 */
export function menuTemplate(language: Language, send: (command: MenuCommand) => void, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = LABELS[language];
  const mac = options.platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => send(name),
  });
  const about = command(t.about, 'about');

  const appMenu: MenuItemConstructorOptions = {
    label: 'Pacto',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.showAll },
      { type: 'separator' },
      { role: 'quit', label: t.quitApp },
    ],
  };
  const recent = options.recentFiles ?? [];
  const openRecent: MenuItemConstructorOptions = {
    label: t.openRecent,
    submenu:
      recent.length === 0
        ? [{ label: t.noRecent, enabled: false }]
        : [
            // The folder in the tooltip would be nicer, but menus have none on every system: the name, then the path.
            ...recent.map((file): MenuItemConstructorOptions => ({ label: `${file.name} — ${file.path}`, click: () => options.openRecent?.(file.path) })),
            { type: 'separator' },
            { label: t.clearRecent, click: () => options.clearRecent?.() },
          ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newWorkshop, 'new-workshop', 'CmdOrCtrl+N'),
      command(t.open, 'open-file', 'CmdOrCtrl+O'),
      openRecent,
      { type: 'separator' },
      command(t.save, 'save-file', 'CmdOrCtrl+S'),
      command(t.saveAs, 'save-file-as', 'Shift+CmdOrCtrl+S'),
      command(t.exportCopy, 'export-copy'),
      command(t.import, 'import-file'),
      { type: 'separator' },
      command(t.restoreBackup, 'restore-backup'),
      { type: 'separator' },
      command(t.exportPdf, 'export-pdf', 'CmdOrCtrl+P'),
      ...(mac ? [] : ([{ type: 'separator' }, { role: 'quit', label: t.quit }] satisfies MenuItemConstructorOptions[])),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      command(t.undo, 'undo', 'CmdOrCtrl+Z'),
      command(t.redo, 'redo', mac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y'),
      { type: 'separator' },
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      { role: 'resetZoom', label: t.resetZoom },
      { type: 'separator' },
      { role: 'togglefullscreen', label: t.fullScreen },
      ...(options.developerTools ? ([{ type: 'separator' }, { role: 'toggleDevTools', label: t.developerTools }] satisfies MenuItemConstructorOptions[]) : []),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    label: t.window,
    role: 'window',
    submenu: [
      { role: 'minimize', label: t.minimize },
      { role: 'zoom', label: t.zoomWindow },
      { type: 'separator' },
      { role: 'front', label: t.bringAllToFront },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: t.help,
    role: 'help',
    submenu: mac ? [] : [about],
  };
  return mac ? [appMenu, fileMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, helpMenu];
}
