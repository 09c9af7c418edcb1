/**
 * The IPC transport of the LabApi: one `ipcMain.handle` per method. A call is answered only when it
 * comes from the main frame of the lab window showing the lab page; its arguments are then
 * validated by `dispatchLabApi`, which never throws.
 */
import { ipcMain } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { dispatchLabApi } from '../backend/lab-api/index.ts';
import { LAB_API_METHODS, ipcChannel } from '../core/lab-api/index.ts';
import type { LabApi, LabApiResult } from '../core/lab-api/index.ts';
import { checkSender, untrustedSenderResult } from './sender-check.ts';
import type { FrameFacts, SenderCheckInput } from './sender-check.ts';

function frameFacts(frame: WebFrameMain | null): FrameFacts | null {
  if (frame === null || frame.isDestroyed()) return null;
  return {
    processId: frame.processId,
    frameToken: frame.frameToken,
    url: frame.url,
    isMainFrame: frame.parent === null,
  };
}

function windowFacts(window: BrowserWindow | null): SenderCheckInput['window'] {
  if (window === null || window.isDestroyed() || window.webContents.isDestroyed()) return null;
  const { mainFrame } = window.webContents;
  return {
    webContentsId: window.webContents.id,
    mainFrame: { processId: mainFrame.processId, frameToken: mainFrame.frameToken },
  };
}

export interface LabIpcOptions {
  readonly api: LabApi;
  /** The lab window right now (it may be closed and reopened on macOS). */
  readonly currentWindow: () => BrowserWindow | null;
  /** The URL of the renderer page under the app's scheme. */
  readonly rendererIndexUrl: string;
}

/** Registers a handler for every LabApi method; returns a function that removes them again. */
export function registerLabIpc(options: LabIpcOptions): () => void {
  const answer = (
    method: (typeof LAB_API_METHODS)[number],
    event: IpcMainInvokeEvent,
    args: unknown[],
  ): Promise<LabApiResult<unknown>> => {
    const verdict = checkSender({
      senderFrame: frameFacts(event.senderFrame),
      senderWebContentsId: event.sender.id,
      window: windowFacts(options.currentWindow()),
      expectedUrl: options.rendererIndexUrl,
    });
    if (!verdict.trusted) {
      console.warn(`Refused IPC call ${method}: ${verdict.reason}`);
      return Promise.resolve(untrustedSenderResult(verdict));
    }
    return dispatchLabApi(options.api, method, args);
  };
  for (const method of LAB_API_METHODS) {
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => answer(method, event, args));
  }
  return () => {
    for (const method of LAB_API_METHODS) ipcMain.removeHandler(ipcChannel(method));
  };
}
