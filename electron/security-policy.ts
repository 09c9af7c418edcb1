/**
 * The security rules of the desktop shell as plain data and pure functions: the page's Content
 * Security Policy on every response, which URLs may leave the app for the system browser.
 * `security.ts` wires them into Electron.
 */
import { CONTENT_SECURITY_POLICY } from '../core/lab-api/index.ts';

/** Response headers as Electron's `webRequest` hands them over and takes them back. */
export type ResponseHeaders = Record<string, string | string[]>;

/**
 * The headers with our policy as the only Content-Security-Policy: the same policy the local HTTP
 * host sends in browser mode, so only the app's own files run. Any policy already present is
 * dropped (whatever its letter case) so a looser one can never be combined with ours.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = values;
  }
  return { ...result, 'Content-Security-Policy': CONTENT_SECURITY_POLICY };
}

/**
 * True for a well-formed `https:` URL with a host and no credentials: the only kind of link the
 * app hands to the system browser. Everything else (file:, javascript:, custom schemes) could run
 * something locally.
 */
export function isOpenableExternally(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  );
}
