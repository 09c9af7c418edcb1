/**
 * Development only: reloads the lab window when the renderer build changes, so `npm run dev` shows
 * UI edits without restarting Electron. `electron/dev.mjs` turns it on with NETPOL_LAB_DEV_RELOAD=1.
 */
import { watch } from 'node:fs';
import type { BrowserWindow } from 'electron';

/** Watches `directory` and reloads the current window shortly after the last change; returns a stop function. */
export function reloadOnChange(directory: string, currentWindow: () => BrowserWindow | null): () => void {
  let timer: NodeJS.Timeout | undefined;
  // vite writes several files per rebuild; wait for the burst to settle before reloading once.
  const watcher = watch(directory, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const window = currentWindow();
      if (window !== null && !window.isDestroyed()) window.webContents.reloadIgnoringCache();
    }, 200);
  });
  watcher.on('error', (error) => console.warn(`Stopped watching ${directory}:`, error));
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
