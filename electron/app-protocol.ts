/**
 * The app's own scheme, `app://lab/…`, that serves the built renderer in place of `file:`. Under
 * `file:` the policy's `'self'` is the whole file system (and on Windows `//host/x` is an SMB
 * request); under this scheme `'self'` is the renderer folder and nothing else. The handler answers
 * only regular files inside that folder whose type it knows; every other request gets a 404.
 * Kept free of Electron imports so the rules are tested with plain `Request` objects.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/lab-api/index.ts';

/** The scheme the lab page is served from. */
export const APP_SCHEME = 'app';
/** The one host under the scheme; any other host is refused. */
export const APP_HOST = 'lab';
/** The page the window opens and the only document navigation and IPC accept. */
export const RENDERER_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * What the scheme may do, for `protocol.registerSchemesAsPrivileged`. Standard (relative URLs,
 * an origin of its own) and secure (no mixed-content downgrade); module scripts need fetch and CORS
 * support. It does not bypass the content security policy and registers no service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
} as const;

/** The file types the renderer build contains; a file of any other type is not served. */
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.gif', 'image/gif'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.ttf', 'font/ttf'],
  ['.wasm', 'application/wasm'],
]);

/** The content type served for a file name, or `undefined` when the type is not served at all. */
export function contentTypeOf(fileName: string): string | undefined {
  return CONTENT_TYPES.get(path.extname(fileName).toLowerCase());
}

/**
 * The path segments a request names, decoded, or `null` when the URL is not one this scheme serves:
 * another scheme, host, port or credentials, an empty or dot segment, a segment that decodes to a
 * separator, a drive letter or a NUL. The query and fragment are ignored.
 */
export function requestedSegments(url: string): string[] | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[/\\:\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : null;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The real path of the file a request names inside `rendererRoot`, or `null` when there is none to
 * serve: outside the folder (also through a symlink), not a regular file, or of an unknown type.
 */
export async function resolveRendererFile(rendererRoot: string, url: string): Promise<string | null> {
  const segments = requestedSegments(url);
  if (segments === null) return null;
  const root = path.resolve(rendererRoot);
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return null;
    if (!(await stat(realFile)).isFile()) return null;
    return contentTypeOf(realFile) === undefined ? null : realFile;
  } catch {
    return null;
  }
}

function baseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: baseHeaders('text/plain; charset=utf-8') });
}

/** The `protocol.handle` handler for {@link APP_SCHEME}: files of `rendererRoot` and nothing else. */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = await resolveRendererFile(rendererRoot, request.url);
    if (file === null) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    const headers = baseHeaders(contentTypeOf(file) ?? 'application/octet-stream');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
