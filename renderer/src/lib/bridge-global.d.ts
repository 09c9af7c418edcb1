/** What Electron's preload puts on `window`; absent in browser mode, where the HTTP host answers. */
import type { LabBridge, LabShell } from '../../../core/lab-api/index.ts';

declare global {
  interface Window {
    labBridge?: LabBridge;
    labShell?: LabShell;
  }
}

export {};
