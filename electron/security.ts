/**
 * Electron's security checklist applied to the session and to every web contents the app ever
 * creates: a strict CSP, every permission denied, no navigation away from the lab page, no new
 * windows, no webviews.
 */
import { app, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { isOpenableExternally, withContentSecurityPolicy } from './security-policy.ts';
import { isSameDocument } from './sender-check.ts';

/** Adds the CSP to every response and refuses every permission (camera, notifications, clipboard…). */
export function secureSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hands an https link to the system browser; anything else is dropped. */
function openInSystemBrowser(url: string): void {
  if (!isOpenableExternally(url)) return;
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Could not open ${url} in the system browser:`, error);
  });
}

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** Keeps one web contents on the lab page: navigations elsewhere and new windows are refused. */
export function guardWebContents(contents: WebContents, rendererIndexUrl: string): void {
  // A link clicked in the page (say, in an exercise's Markdown) becomes a will-navigate; it opens in
  // the system browser instead. Sub-frame navigations and redirects are only refused.
  const refuseForeignNavigation = (event: NavigationEvent, openExternally: boolean): void => {
    if (isSameDocument(event.url, rendererIndexUrl)) return;
    event.preventDefault();
    if (openExternally) openInSystemBrowser(event.url);
  };
  contents.on('will-navigate', (event) => refuseForeignNavigation(event, true));
  contents.on('will-frame-navigate', (event) => refuseForeignNavigation(event, false));
  contents.on('will-redirect', (event) => refuseForeignNavigation(event, false));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url);
    return { action: 'deny' };
  });
}

/** Applies {@link guardWebContents} to every web contents created from now on, including devtools. */
export function guardAllWebContents(rendererIndexUrl: string): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, rendererIndexUrl));
}
