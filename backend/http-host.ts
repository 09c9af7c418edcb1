/**
 * The lab in a browser: a local HTTP server on 127.0.0.1 that serves the built renderer and answers
 * `POST /api/<method>` with the same {@link LabApiResult} envelope Electron's IPC gives. Anything on
 * the machine can reach a loopback port, and any web page can try to, so requests must name this
 * server in `Host` (defeats DNS rebinding) and, when they carry an `Origin`, come from this server
 * (defeats cross-site calls).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { LabApiResult } from '../core/lab-api/index.ts';
import { CONTENT_SECURITY_POLICY, isLabApiMethod } from '../core/lab-api/index.ts';
import { dispatchLabApi } from './lab-api/index.ts';
import type { LabBackend } from './lab-api/index.ts';

export interface HttpHostOptions {
  readonly backend: LabBackend;
  /** The built renderer (`dist/renderer`), holding `index.html`. */
  readonly staticRoot: string;
  /** 0 picks any free port. */
  readonly port: number;
}

export interface HttpHost {
  /** `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** Stops listening and drops open connections; the backend stays open. */
  close(): Promise<void>;
}

/** Largest API request body: a 5 MB pack, JSON-escaped (up to twice its size), with room to spare. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;
/** Past this a client still sending is cut off instead of drained. */
const MAX_DRAINED_BYTES = 8 * MAX_BODY_BYTES;

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}

function sendEnvelope(response: ServerResponse, status: number, envelope: LabApiResult<unknown>): void {
  send(response, status, JSON.stringify(envelope), { 'Content-Type': 'application/json; charset=utf-8' });
}

function sendApiError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  send(response, status, JSON.stringify({ ok: false, error: { code: 'invalid-argument', message } }), {
    'Content-Type': 'application/json; charset=utf-8',
    ...headers,
  });
}

/**
 * Reads the body up to the limit; `undefined` when it was too large. An oversized body is still
 * drained (up to a bound) so the client reads the 413 instead of a reset connection.
 */
function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_DRAINED_BYTES) request.destroy();
      else if (received <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(received > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    // After 'end' this is a no-op; before it, the client went away or was cut off.
    request.on('close', () => resolve(undefined));
    request.on('error', reject);
  });
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  backend: LabBackend,
  method: string,
) {
  if (!isLabApiMethod(method)) {
    request.resume();
    sendEnvelope(response, 404, {
      ok: false,
      error: {
        code: 'not-found',
        message: `There is no LabApi method ${JSON.stringify(method.slice(0, 60))}.`,
      },
    });
    return;
  }
  if (request.method !== 'POST') {
    request.resume();
    sendApiError(response, 405, 'API calls use POST.', { Allow: 'POST' });
    return;
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    request.resume();
    sendApiError(response, 415, 'API calls need Content-Type: application/json.');
    return;
  }
  if (Number(request.headers['content-length'] ?? 0) > MAX_DRAINED_BYTES) {
    // Far too big to be worth reading: answer at once and drop the connection.
    sendApiError(response, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`, {
      Connection: 'close',
    });
    response.on('finish', () => request.destroy());
    return;
  }
  const body = await readBody(request);
  if (body === undefined) {
    sendApiError(response, 413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    sendApiError(response, 400, 'The request body is not valid JSON.');
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { args?: unknown }).args)) {
    sendApiError(response, 400, 'The request body must be {"args": [...]}.');
    return;
  }
  sendEnvelope(
    response,
    200,
    await dispatchLabApi(backend.api, method, (parsed as { args: unknown[] }).args),
  );
}

/**
 * Maps a request path to a file under `root`, or undefined when the path is malformed, climbs out,
 * names a hidden file, or resolves (through symlinks) outside `root`.
 */
async function resolveStatic(root: string, pathname: string): Promise<string | undefined> {
  const segments: string[] = [];
  for (const raw of pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' && raw === '') continue;
    if (segment.startsWith('.') || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  const wanted = segments.length === 0 ? 'index.html' : path.join(...segments);
  const candidate = path.resolve(root, wanted);
  if (!candidate.startsWith(root + path.sep)) return undefined;
  try {
    const real = await realpath(candidate);
    if (!real.startsWith(root + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function handleStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  pathname: string,
) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed.\n', { Allow: 'GET, HEAD' });
    return;
  }
  const file = await resolveStatic(root, pathname);
  if (file === undefined) {
    send(response, 404, 'Not found.\n');
    return;
  }
  const size = (await stat(file)).size;
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(size),
    // The page must always be fresh so it never points at assets from an older build.
    'Cache-Control': path.basename(file) === 'index.html' ? 'no-store' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/** Open connections at once; one browser opens about six per origin. */
export const MAX_CONNECTIONS = 64;

/** Starts the host on 127.0.0.1 only; resolves once it is listening. */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const root = await realpath(path.resolve(options.staticRoot));
  let port = options.port;
  const allowedHosts = (): readonly string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = (): readonly string[] => allowedHosts().map((host) => `http://${host}`);

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    // Node keeps the first of repeated Host headers; a request naming two hosts is malformed (RFC 9112 §3.2).
    const hostLines = request.rawHeaders.filter(
      (_, index) => index % 2 === 0 && /^host$/i.test(request.rawHeaders[index] ?? ''),
    );
    if (hostLines.length !== 1) {
      request.resume();
      send(response, 400, 'Bad request: exactly one Host header.\n');
      return;
    }
    const host = (request.headers.host ?? '').toLowerCase();
    const origin = request.headers.origin;
    if (!allowedHosts().includes(host) || (origin !== undefined && !allowedOrigins().includes(origin))) {
      request.resume();
      send(response, 403, 'Forbidden: this server only answers its own pages.\n');
      return;
    }
    const target = request.url ?? '/';
    if (!target.startsWith('/')) {
      send(response, 400, 'Bad request.\n');
      return;
    }
    const pathname = target.split(/[?#]/, 1)[0] ?? '/';
    const api = /^\/api\/([^/]*)$/.exec(pathname);
    const handled = api
      ? handleApi(request, response, options.backend, decodeURIComponentSafe(api[1] ?? ''))
      : pathname.startsWith('/api/') || pathname === '/api'
        ? Promise.resolve(send(response, 404, 'Not found.\n'))
        : handleStatic(request, response, root, pathname);
    handled.catch((error: unknown) => {
      console.error('HTTP host request failed:', error);
      if (!response.headersSent) send(response, 500, 'Internal error.\n');
      else response.destroy();
    });
  });

  // A local host serves one learner: few connections, and a slow body is dropped early.
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
