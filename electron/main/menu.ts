/**
 * The application menu in Spanish and English, built by a pure function so
 * it is tested without Electron. Commands the renderer owns (new workshop,
 * export PDF, undo and redo through Y.UndoManager, about) are sent to it as
 * a {@link MenuCommand}; clipboard, zoom, full screen and quit use Electron's
 * roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/bridge/contract';
import { LANGUAGES, type Language } from '../../shared/domain/workshop';

/** Every label the main process shows (menu and save dialog). */
export interface MainLabels {
  file: string;
  newWorkshop: string;
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
}

/**
 * The application menu for `Menu.buildFromTemplate`.
 *
 * @param language the menu's language
 * @param send delivers a command to the renderer (over `MENU_COMMAND_CHANNEL`)
 */
export function menuTemplate(
  language: Language,
  send: (command: MenuCommand) => void,
  options: MenuOptions,
): MenuItemConstructorOptions[] {
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
  const fileMenu: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command(t.newWorkshop, 'new-workshop', 'CmdOrCtrl+N'),
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
      ...(options.developerTools
        ? ([{ type: 'separator' }, { role: 'toggleDevTools', label: t.developerTools }] satisfies MenuItemConstructorOptions[])
        : []),
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
