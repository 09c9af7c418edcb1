/**
 * The lab page's Content Security Policy, written once. Both hosts send it as a response header
 * (electron/app-protocol.ts for `app://lab`, backend/http-host.ts in browser mode) and the renderer
 * build writes it into `index.html` as a `<meta>` tag, so the page carries it however it is opened.
 */

/** Each directive with its sources, in the order they are written. */
const DIRECTIVES: readonly (readonly [name: string, sources: string])[] = [
  // Only the app's own files run, fetch or load; the live analysis worker is one of those files.
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['worker-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  // Images in task text come from the exercise itself (data: URLs) or from the app.
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a browser ignores when the policy comes from a `<meta>` tag rather than a header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function written(directives: typeof DIRECTIVES): string {
  return directives.map(([name, sources]) => `${name} ${sources}`).join('; ');
}

/** The policy as both hosts send it in the `Content-Security-Policy` header. */
export const CONTENT_SECURITY_POLICY = written(DIRECTIVES);

/** The same policy without the directives a `<meta>` tag cannot carry: what `index.html` holds. */
export const META_CONTENT_SECURITY_POLICY = written(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
