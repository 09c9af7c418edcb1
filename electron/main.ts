/**
 * The Electron main process: one instance, one window, the lab backend behind IPC. Everything
 * security-related is set up before the first page loads.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, protocol, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { MENU_COMMAND_CHANNEL } from '../core/lab-api/index.ts';
import { createLabBackend, examMinuteMsFromEnvironment } from '../backend/lab-api/index.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import { reloadOnChange } from './dev-reload.ts';
import { registerLabIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { resolveLabPaths } from './paths.ts';
import type { LabPaths } from './paths.ts';
import { guardAllWebContents, secureSession } from './security.ts';
import { dropTestOnlyVariables } from './test-environment.ts';
import { createLabWindow } from './window.ts';

// A packaged app ignores the variables that exist for tests and development (see test-environment.ts).
const droppedVariables = dropTestOnlyVariables(process.env, app.isPackaged);
if (droppedVariables.length > 0) console.warn(`Ignored in a packaged app: ${droppedVariables.join(', ')}`);

// Tests point the app at a throwaway profile; it must be set before `ready`, when Electron opens it.
const userDataOverride = process.env['NETPOL_LAB_USER_DATA'];
if (userDataOverride !== undefined && userDataOverride !== '') {
  app.setPath('userData', path.resolve(userDataOverride));
}

// Every renderer is sandboxed, whatever its web preferences say.
app.enableSandbox();

// The page is served from the app's own scheme; privileges can only be granted before `ready`.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

let labWindow: BrowserWindow | null = null;

function currentWindow(): BrowserWindow | null {
  return labWindow !== null && !labWindow.isDestroyed() ? labWindow : null;
}

function focusWindow(): void {
  const window = currentWindow();
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function openWindow(paths: LabPaths): void {
  const window = createLabWindow(paths);
  window.on('closed', () => {
    if (labWindow === window) labWindow = null;
  });
  labWindow = window;
}

async function start(): Promise<void> {
  const paths = resolveLabPaths({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    userDataPath: app.getPath('userData'),
  });
  if (!existsSync(paths.rendererIndexFile)) {
    throw new Error(`The user interface is missing (${paths.rendererIndexFile}). Run "npm run build" first.`);
  }
  secureSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererRoot));
  guardAllWebContents(paths.rendererIndexUrl);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        isDevelopment: !app.isPackaged,
        appName: app.name,
        send: (command) => currentWindow()?.webContents.send(MENU_COMMAND_CHANNEL, command),
      }),
    ),
  );
  app.setAboutPanelOptions({ applicationName: 'NetPol Lab', applicationVersion: app.getVersion() });

  const backend = await createLabBackend({
    exercisesRoot: paths.exercisesRoot,
    databaseFile: paths.databaseFile,
    host: 'electron',
    // Test-only: end-to-end tests shorten an exam minute (a packaged app has dropped the variable).
    examMinuteMs: examMinuteMsFromEnvironment(process.env),
    appVersion: app.getVersion(),
  });
  const unregisterIpc = registerLabIpc({
    api: backend.api,
    currentWindow,
    rendererIndexUrl: paths.rendererIndexUrl,
  });
  const stopReloading =
    !app.isPackaged && process.env['NETPOL_LAB_DEV_RELOAD'] === '1'
      ? reloadOnChange(paths.rendererRoot, currentWindow)
      : () => {};
  app.once('will-quit', () => {
    stopReloading();
    unregisterIpc();
    backend.close();
  });

  openWindow(paths);
  app.on('activate', () => {
    // macOS keeps the app running with no window; clicking the dock icon opens one again.
    if (currentWindow() === null) openWindow(paths);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database; it is asked to come to the front instead.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error('NetPol Lab could not start:', error);
      dialog.showErrorBox('NetPol Lab could not start', message);
      app.exit(1);
    });
}
