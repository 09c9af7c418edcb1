/**
 * The one lab window. Every web preference that matters for security is spelled out, even where it
 * is already Electron's default, so a future default change cannot loosen it silently.
 */
import { BrowserWindow, nativeTheme } from 'electron';
import type { LabPaths } from './paths.ts';

/** Matches `--color-bg` of the renderer's light and dark themes, so no white flash before paint. */
const BACKGROUND_COLORS = { light: '#f5f7fa', dark: '#0f1318' } as const;

/** The window background for the system's current colour scheme. */
export function windowBackgroundColor(): string {
  return nativeTheme.shouldUseDarkColors ? BACKGROUND_COLORS.dark : BACKGROUND_COLORS.light;
}

/** Opens the lab window on the renderer page under the app's scheme; it shows itself once the first paint is ready. */
export function createLabWindow(paths: Pick<LabPaths, 'preloadFile' | 'rendererIndexUrl'>): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'NetPol Lab',
    backgroundColor: windowBackgroundColor(),
    webPreferences: {
      preload: paths.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise ask for a new window; the open handler denies it, this stops it earlier.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  // Follow the system theme before the page paints its own background.
  const updateBackground = (): void => {
    if (!window.isDestroyed()) window.setBackgroundColor(windowBackgroundColor());
  };
  nativeTheme.on('updated', updateBackground);
  window.on('closed', () => nativeTheme.off('updated', updateBackground));
  // The app's own scheme, not file: (see app-protocol.ts).
  window.loadURL(paths.rendererIndexUrl).catch((error: unknown) => {
    console.error(`Could not load ${paths.rendererIndexUrl}:`, error);
  });
  return window;
}
