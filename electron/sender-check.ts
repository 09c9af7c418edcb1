/**
 * Who may call the lab over IPC: only the main frame of our own window, while it shows our own
 * renderer page. Pure functions over plain facts so the rules are tested without Electron.
 */
import type { LabApiResult } from '../core/lab-api/index.ts';

/** What main reads off `event.senderFrame`. */
export interface FrameFacts {
  readonly processId: number;
  /** Unique per frame for its lifetime; identifies the frame better than an object reference. */
  readonly frameToken: string;
  readonly url: string;
  /** True when the frame has no parent. */
  readonly isMainFrame: boolean;
}

/** The sender of one IPC call and the window it should come from. */
export interface SenderCheckInput {
  /** `null` when the frame navigated away or was destroyed before the call was handled. */
  readonly senderFrame: FrameFacts | null;
  /** `event.sender.id`. */
  readonly senderWebContentsId: number;
  /** Our window's contents, or `null` when no window is open. */
  readonly window: {
    readonly webContentsId: number;
    readonly mainFrame: Pick<FrameFacts, 'processId' | 'frameToken'>;
  } | null;
  /** The URL of the lab page (`app://lab/index.html`). */
  readonly expectedUrl: string;
}

export type SenderVerdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * True when `actual` is the page `expected` names. The fragment is ignored because the renderer
 * routes with it (`#/exercise/…`); everything else must match exactly.
 */
export function isSameDocument(actual: string, expected: string): boolean {
  const actualUrl = parseUrl(actual);
  const expectedUrl = parseUrl(expected);
  if (actualUrl === null || expectedUrl === null) return false;
  return (
    actualUrl.protocol === expectedUrl.protocol &&
    actualUrl.host === expectedUrl.host &&
    actualUrl.pathname === expectedUrl.pathname &&
    actualUrl.search === expectedUrl.search &&
    actualUrl.username === '' &&
    actualUrl.password === ''
  );
}

/** Decides whether an IPC call may reach the lab, and says why not when it may not. */
export function checkSender(input: SenderCheckInput): SenderVerdict {
  const { senderFrame, window } = input;
  if (senderFrame === null) return { trusted: false, reason: 'the sending frame is gone' };
  if (window === null) return { trusted: false, reason: 'no lab window is open' };
  if (input.senderWebContentsId !== window.webContentsId) {
    return { trusted: false, reason: 'the call came from another web contents' };
  }
  const isWindowMainFrame =
    senderFrame.isMainFrame &&
    senderFrame.processId === window.mainFrame.processId &&
    senderFrame.frameToken === window.mainFrame.frameToken;
  if (!isWindowMainFrame)
    return { trusted: false, reason: 'the call came from a frame other than the main frame' };
  if (!isSameDocument(senderFrame.url, input.expectedUrl)) {
    return { trusted: false, reason: 'the call came from a page other than the lab' };
  }
  return { trusted: true };
}

/** The answer an untrusted caller gets; the same envelope every handler returns. */
export function untrustedSenderResult(verdict: { readonly reason: string }): LabApiResult<never> {
  return {
    ok: false,
    error: { code: 'invalid-argument', message: `Request refused: ${verdict.reason}.` },
  };
}
