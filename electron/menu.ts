/**
 * The native menu, built from Electron's standard roles so shortcuts and labels follow each
 * platform's conventions. Reload and developer tools exist only in development.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  /** `process.platform === 'darwin'`: adds the app menu and the macOS window roles. */
  readonly isMac: boolean;
  /** `!app.isPackaged`. */
  readonly isDevelopment: boolean;
  readonly appName: string;
}

function separator(): MenuItemConstructorOptions {
  return { type: 'separator' };
}

function macAppMenu(appName: string): MenuItemConstructorOptions {
  return {
    label: appName,
    submenu: [
      { role: 'about' },
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

/** The menu template for the platform; `Menu.buildFromTemplate` turns it into the menu. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { isMac } = options;
  return [
    ...(isMac ? [macAppMenu(options.appName)] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
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
    {
      label: 'Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, separator(), { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    { role: 'help', submenu: [{ role: 'about' }] },
  ];
}
