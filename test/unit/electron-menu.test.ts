import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { mainLabels, menuTemplate, pickLanguage, type MenuOptions } from '../../electron/main/menu';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/bridge/contract';
import { LANGUAGES } from '../../shared/domain/workshop';

const LINUX: MenuOptions = { platform: 'linux', developerTools: false };
const MAC: MenuOptions = { platform: 'darwin', developerTools: false };

/** Every item of a template, depth first. */
function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function submenuOf(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (menu === undefined || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu;
}

function itemLabelled(template: readonly MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.label === label);
  if (found === undefined) throw new Error(`no item ${label}`);
  return found;
}

/** Clicks an item the way Electron would (the template's click ignores its arguments). */
function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

describe('pickLanguage', () => {
  it.each([
    [['es-ES', 'en-US'], 'en-US', 'es'],
    [['es-419'], 'en-US', 'es'],
    [['ES_mx'], 'en', 'es'],
    [['en-GB', 'es-ES'], 'es-ES', 'en'],
    [['fr-FR', 'es-MX'], 'fr-FR', 'es'],
    [['de-DE', 'pt-BR'], 'es-AR', 'es'],
    [[], 'es', 'es'],
    [[], 'en-US', 'en'],
    [['pt-BR'], 'pt-BR', 'en'],
    [[], '', 'en'],
  ] as const)('%j with locale %s → %s', (preferred, locale, expected) => {
    expect(pickLanguage(preferred, locale)).toBe(expected);
  });
});

describe('menuTemplate on Windows and Linux', () => {
  it('has File, Edit, View and Help in Spanish', () => {
    const template = menuTemplate('es', () => undefined, LINUX);
    expect(template.map((menu) => menu.label)).toEqual(['Archivo', 'Edición', 'Ver', 'Ayuda']);
    expect(submenuOf(template, 'Archivo').map((item) => item.label ?? item.type)).toEqual([
      'Nuevo taller',
      'Abrir…',
      'Abrir reciente',
      'separator',
      'Guardar',
      'Guardar como…',
      'Exportar una copia…',
      'Importar…',
      'separator',
      'Restaurar desde una copia de seguridad…',
      'separator',
      'Exportar PDF…',
      'separator',
      'Salir',
    ]);
    expect(submenuOf(template, 'Edición').map((item) => item.label ?? item.type)).toEqual([
      'Deshacer',
      'Rehacer',
      'separator',
      'Cortar',
      'Copiar',
      'Pegar',
      'Seleccionar todo',
    ]);
    expect(submenuOf(template, 'Ayuda').map((item) => item.label)).toEqual(['Acerca de Pacto']);
  });

  it('has the same menus in English', () => {
    const template = menuTemplate('en', () => undefined, LINUX);
    expect(template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(submenuOf(template, 'File').map((item) => item.label ?? item.type)).toEqual([
      'New Workshop',
      'Open…',
      'Open Recent',
      'separator',
      'Save',
      'Save As…',
      'Export a Copy…',
      'Import…',
      'separator',
      'Restore from Backup…',
      'separator',
      'Export PDF…',
      'separator',
      'Quit',
    ]);
  });

  it('gives the file commands the usual shortcuts', () => {
    const template = menuTemplate('en', () => undefined, LINUX);
    expect(itemLabelled(template, 'New Workshop').accelerator).toBe('CmdOrCtrl+N');
    expect(itemLabelled(template, 'Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(itemLabelled(template, 'Save').accelerator).toBe('CmdOrCtrl+S');
    expect(itemLabelled(template, 'Save As…').accelerator).toBe('Shift+CmdOrCtrl+S');
  });

  it('lists the recent files under Open Recent; clicking one opens it, and Clear Menu empties the list', () => {
    const openRecent = vi.fn<(path: string) => void>();
    const clearRecent = vi.fn();
    const recentFiles = [
      { path: '/home/ana/Acuerdo 2027.pacto', name: 'Acuerdo 2027.pacto' },
      { path: 'C:\\Users\\jorge\\Ventas.pacto', name: 'Ventas.pacto' },
    ];
    const template = menuTemplate('es', () => undefined, { ...LINUX, recentFiles, openRecent, clearRecent });
    const submenu = itemLabelled(template, 'Abrir reciente').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label ?? item.type)).toEqual([
      'Acuerdo 2027.pacto — /home/ana/Acuerdo 2027.pacto',
      'Ventas.pacto — C:\\Users\\jorge\\Ventas.pacto',
      'separator',
      'Borrar la lista',
    ]);
    click(submenu[1]!);
    expect(openRecent).toHaveBeenCalledWith('C:\\Users\\jorge\\Ventas.pacto');
    click(submenu[3]!);
    expect(clearRecent).toHaveBeenCalledOnce();
  });

  it('shows a disabled "No Recent Files" when the list is empty', () => {
    const submenu = itemLabelled(
      menuTemplate('en', () => undefined, LINUX),
      'Open Recent',
    ).submenu as MenuItemConstructorOptions[];
    expect(submenu).toEqual([{ label: 'No Recent Files', enabled: false }]);
  });

  it.each([
    ['Nuevo taller', 'new-workshop'],
    ['Abrir…', 'open-file'],
    ['Guardar', 'save-file'],
    ['Guardar como…', 'save-file-as'],
    ['Exportar una copia…', 'export-copy'],
    ['Importar…', 'import-file'],
    ['Restaurar desde una copia de seguridad…', 'restore-backup'],
    ['Exportar PDF…', 'export-pdf'],
    ['Deshacer', 'undo'],
    ['Rehacer', 'redo'],
    ['Acerca de Pacto', 'about'],
  ] as const)('%s sends %s to the renderer and nothing else', (label, command) => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const template = menuTemplate('es', send, LINUX);
    const item = itemLabelled(template, label);
    expect(item.role).toBeUndefined();
    click(item);
    expect(send.mock.calls).toEqual([[command]]);
  });

  it('reaches every menu command of the contract', () => {
    const sent = new Set<MenuCommand>();
    for (const platform of [LINUX, MAC]) {
      for (const item of items(menuTemplate('en', (command) => sent.add(command), platform))) {
        if (item.click !== undefined) click(item);
      }
    }
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('leaves clipboard, zoom, full screen and quit to Electron roles', () => {
    const template = menuTemplate('es', () => undefined, LINUX);
    const roles = items(template).flatMap((item) => (item.role === undefined ? [] : [[item.role, item.label]]));
    expect(roles).toEqual([
      ['quit', 'Salir'],
      ['cut', 'Cortar'],
      ['copy', 'Copiar'],
      ['paste', 'Pegar'],
      ['selectAll', 'Seleccionar todo'],
      ['zoomIn', 'Ampliar'],
      ['zoomOut', 'Reducir'],
      ['resetZoom', 'Tamaño real'],
      ['togglefullscreen', 'Pantalla completa'],
      ['help', 'Ayuda'],
    ]);
  });

  it('uses Ctrl+Y for redo and no accelerator twice', () => {
    const template = menuTemplate('en', () => undefined, LINUX);
    expect(itemLabelled(template, 'Redo').accelerator).toBe('CmdOrCtrl+Y');
    const accelerators = items(template).flatMap((item) => (item.accelerator === undefined ? [] : [item.accelerator]));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('offers developer tools only when asked', () => {
    const roleList = (options: MenuOptions): unknown[] => items(menuTemplate('en', () => undefined, options)).map((item) => item.role);
    expect(roleList(LINUX)).not.toContain('toggleDevTools');
    expect(roleList({ ...LINUX, developerTools: true })).toContain('toggleDevTools');
  });
});

describe('menuTemplate on macOS', () => {
  it('puts About and Quit in the app menu, adds Window, and keeps File free of Quit', () => {
    const template = menuTemplate('es', () => undefined, MAC);
    expect(template.map((menu) => menu.label)).toEqual(['Pacto', 'Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda']);
    const appMenu = submenuOf(template, 'Pacto');
    expect(appMenu[0]?.label).toBe('Acerca de Pacto');
    expect(appMenu.at(-1)).toMatchObject({ role: 'quit', label: 'Salir de Pacto' });
    expect(submenuOf(template, 'Archivo').map((item) => item.role)).not.toContain('quit');
    expect(items(template).filter((item) => item.role === 'quit')).toHaveLength(1);
    expect(items(template).filter((item) => item.label === 'Acerca de Pacto')).toHaveLength(1);
  });

  it('uses Shift+Cmd+Z for redo', () => {
    expect(
      itemLabelled(
        menuTemplate('en', () => undefined, MAC),
        'Redo',
      ).accelerator,
    ).toBe('Shift+CmdOrCtrl+Z');
  });
});

describe('mainLabels', () => {
  it('translates every label, and no Spanish label is left in English', () => {
    const en = mainLabels('en');
    for (const language of LANGUAGES) {
      const labels = mainLabels(language);
      expect(Object.keys(labels).sort()).toEqual(Object.keys(en).sort());
      for (const [key, label] of Object.entries(labels)) expect(label.trim(), `${language}.${key}`).not.toBe('');
    }
    const es = mainLabels('es');
    const sameInBoth = Object.keys(en).filter((key) => es[key as keyof typeof es] === en[key as keyof typeof en]);
    expect(sameInBoth).toEqual(['zoomWindow']);
  });
});
