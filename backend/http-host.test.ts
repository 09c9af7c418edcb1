import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/lab-api/index.ts';
import { MAX_BODY_BYTES, startHttpHost } from './http-host.ts';
import type { HttpHost } from './http-host.ts';
import { createLabBackend } from './lab-api/index.ts';
import type { LabBackend } from './lab-api/index.ts';

/** The one policy (core/lab-api/content-security-policy.ts), sent with every answer. */
const CSP = CONTENT_SECURITY_POLICY;

let folder: string;
let staticRoot: string;
let backend: LabBackend;
let host: HttpHost;
let port: number;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'netpol-http-'));
  staticRoot = join(folder, 'site');
  mkdirSync(join(staticRoot, 'assets'), { recursive: true });
  writeFileSync(join(staticRoot, 'index.html'), '<!doctype html><title>NetPol Lab</title>');
  writeFileSync(join(staticRoot, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(staticRoot, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(staticRoot, '.env'), 'SECRET=1');
  writeFileSync(join(folder, 'outside.txt'), 'outside the static root');
  symlinkSync(join(folder, 'outside.txt'), join(staticRoot, 'escape.txt'));
  backend = await createLabBackend({
    exercisesRoot: resolve(import.meta.dirname, '../exercises'),
    databaseFile: join(folder, 'progress.sqlite'),
    host: 'browser',
    appVersion: '0.0.1',
  });
  host = await startHttpHost({ backend, staticRoot, port: 0 });
  port = Number(new URL(host.url).port);
});

afterAll(async () => {
  await host.close();
  backend.close();
  rmSync(folder, { recursive: true, force: true });
});

interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A request exactly as written: fetch would normalise the path and refuse to set Host or Origin. */
function raw(options: {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          done({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', fail);
    outgoing.end(options.body);
  });
}

function callApi(method: string, args: unknown[]): Promise<Response> {
  return fetch(`${host.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ args }),
  });
}

describe('startHttpHost', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(port).toBeGreaterThan(0);
  });

  it('answers API calls with the envelope', async () => {
    const response = await callApi('getStartupInfo', []);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.json()).toEqual({
      ok: true,
      value: { appVersion: '0.0.1', host: 'browser', databaseRecovered: null, databaseWarning: null },
    });
    const catalog = (await (await callApi('getCatalog', [])).json()) as { value: { exercises: unknown[] } };
    // Every bundled exercise crosses the host: one per `exercise.yaml` under a track folder.
    const bundled = readdirSync(resolve(import.meta.dirname, '../exercises'), {
      recursive: true,
      encoding: 'utf8',
    }).filter((file) => file.endsWith('/exercise.yaml') && !file.startsWith('lessons/')).length;
    expect(bundled).toBeGreaterThan(0);
    expect(catalog.value.exercises).toHaveLength(bundled);
  });

  it('passes argument errors and not-found through the envelope', async () => {
    const bad = await callApi('getExercise', [7]);
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const missing = await callApi('getExercise', ['nope']);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('accepts its own origin under either host name', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const response = await raw({
        path: '/api/getSettings',
        method: 'POST',
        headers: {
          Host: `${name}:${port}`,
          Origin: `http://${name}:${port}`,
          'Content-Type': 'application/json; charset=utf-8',
        },
        body: '{"args":[]}',
      });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({
        ok: true,
        value: { theme: 'system', fontSize: 15, editorKeys: 'standard', tabSize: 2, workspace: 'editor' },
      });
    }
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    for (const badHost of [
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${port}`,
    ]) {
      const response = await raw({ path: '/', headers: { Host: badHost } });
      expect(response.status).toBe(403);
      expect(response.headers['content-security-policy']).toBe(CSP);
    }
  });

  it('refuses a foreign Origin header (cross-site calls)', async () => {
    for (const origin of ['http://evil.example', `https://127.0.0.1:${port}`, 'null', `http://127.0.0.1:1`]) {
      const response = await raw({
        path: '/api/resetProgress',
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        body: '{"args":["reset"]}',
      });
      expect(response.status).toBe(403);
    }
  });

  it('serves index.html with the security headers and no caching', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>NetPol Lab</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });

  it('serves assets with their content types', async () => {
    const script = await fetch(`${host.url}assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
    const style = await fetch(`${host.url}assets/style.css?v=2`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const head = await raw({ path: '/assets/app.js', method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('never serves a file outside the static root', async () => {
    const attempts = [
      '/../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2e%2e/package.json',
      '/assets/..%2f..%2foutside.txt',
      '/..%5coutside.txt',
      '/escape.txt',
      '/.env',
      '/assets/%00app.js',
      '/%E0%A4%A',
      '/assets',
    ];
    for (const path of attempts) {
      const response = await raw({ path });
      expect([400, 403, 404]).toContain(response.status);
      expect(response.body).not.toContain('outside the static root');
      expect(response.body).not.toContain('"name": "netpol-lab"');
      expect(response.body).not.toContain('SECRET');
    }
  });

  it('answers 404 for unknown paths and methods', async () => {
    expect((await fetch(`${host.url}missing.js`)).status).toBe(404);
    expect((await callApi('dropTables', [])).status).toBe(404);
    expect((await fetch(`${host.url}api/getCatalog/extra`, { method: 'POST' })).status).toBe(404);
  });

  it('answers 405 for the wrong HTTP method', async () => {
    expect((await fetch(`${host.url}api/getCatalog`)).status).toBe(405);
    const put = await fetch(host.url, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(host.url, { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses bodies that are not JSON, not JSON-typed or too large', async () => {
    const notJson = await fetch(`${host.url}api/getCatalog`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{args: [',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const noArgs = await fetch(`${host.url}api/getCatalog`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"arguments": []}',
    });
    expect(noArgs.status).toBe(400);
    const plain = await fetch(`${host.url}api/getCatalog`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: '{"args": []}',
    });
    expect(plain.status).toBe(415);
    const big = await callApi('saveDraft', [
      'internal-egress-payroll-mysql',
      'a'.repeat(MAX_BODY_BYTES + 10),
    ]);
    expect(big.status).toBe(413);
    // The connection is still usable afterwards.
    expect((await callApi('getSettings', [])).status).toBe(200);
  });
});

describe('startHttpHost and repeated headers', () => {
  it('answers 400 to a request with a second Host header', async () => {
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((done, fail) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
        );
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
  });
});
