/**
 * The native menu, built from Electron's standard roles so shortcuts and labels follow each
 * platform's conventions. Reload and developer tools exist only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/lab-api/index.ts';

export interface MenuOptions {
  /** `process.platform === 'darwin'`: adds the app menu and the macOS window roles. */
  readonly isMac: boolean;
  /** `!app.isPackaged`. */
  readonly isDevelopment: boolean;
  readonly appName: string;
  /** Sends a command to the page (main wires it to the window's web contents). */
  readonly send: (command: MenuCommand) => void;
}

function separator(): MenuItemConstructorOptions {
  return { type: 'separator' };
}

function macAppMenu(appName: string, send: MenuOptions['send']): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
      separator(),
      command('Settings…', 'Cmd+,', 'open-settings', send),
      separator(),
      { role: 'services' },
      separator(),
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator(),
      { role: 'quit' },
    ],
  };
}

function viewMenu(isDevelopment: boolean): MenuItemConstructorOptions {
  const developerItems: MenuItemConstructorOptions[] = isDevelopment
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator()]
    : [];
  return {
    label: 'View',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator(),
      { role: 'togglefullscreen' },
    ],
  };
}

function command(
  label: string,
  accelerator: string,
  name: MenuCommand,
  send: MenuOptions['send'],
): MenuItemConstructorOptions {
  return { label, accelerator, click: () => send(name) };
}

function fileMenu(options: MenuOptions): MenuItemConstructorOptions {
  const { send, isMac } = options;
  return {
    label: 'File',
    submenu: [
      command('New Exercise', 'CmdOrCtrl+N', 'new-exercise', send),
      command('Import Exercise Pack…', 'CmdOrCtrl+O', 'import-pack', send),
      separator(),
      ...(isMac ? [] : [command('Settings…', 'CmdOrCtrl+,', 'open-settings', send), separator()]),
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function goMenu(send: MenuOptions['send']): MenuItemConstructorOptions {
  return {
    label: 'Go',
    submenu: [
      command('Catalog', 'CmdOrCtrl+1', 'go-catalog', send),
      command('Progress', 'CmdOrCtrl+2', 'go-progress', send),
      command('Exams', 'CmdOrCtrl+3', 'go-exams', send),
      command('My Exercises', 'CmdOrCtrl+4', 'go-authoring', send),
    ],
  };
}

/** The menu template for the platform; `Menu.buildFromTemplate` turns it into the menu. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac } = options;
  return [
    ...(isMac ? [macAppMenu(options.appName, options.send)] : []),
    fileMenu(options),
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator(),
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        separator(),
        { role: 'selectAll' },
      ],
    },
    viewMenu(options.isDevelopment),
    goMenu(options.send),
    {
      label: 'Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, separator(), { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    {
      role: 'help',
      submenu: [command('Keyboard Shortcuts', 'F1', 'show-shortcuts', options.send), { role: 'about' }],
    },
  ];
}
