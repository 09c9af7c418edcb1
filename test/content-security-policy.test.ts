/**
 * The page carries the lab's one Content Security Policy: the renderer's Vite config writes it into
 * index.html (the source file holds none) at the top of <head>, before anything loads. The e2e
 * suite (xss.spec.ts) checks the built page and the host's header against the same constant.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../core/lab-api/index.ts';
import { contentSecurityPolicyMeta } from '../renderer/content-security-policy-plugin.ts';

const rendererRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const sourceHtml = readFileSync(path.join(rendererRoot, 'index.html'), 'utf8');

let server: ViteDevServer;

beforeAll(async () => {
  server = await createServer({
    configFile: path.join(rendererRoot, 'vite.config.ts'),
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
});

afterAll(async () => {
  await server.close();
});

type Element = DefaultTreeAdapterMap['element'];

/** The elements of the page's <head>, as a browser parses the page. */
function headOf(html: string): Element[] {
  const root = parse(html).childNodes.find((node): node is Element => node.nodeName === 'html');
  const head = root?.childNodes.find((node): node is Element => node.nodeName === 'head');
  return (head?.childNodes ?? []).filter((node): node is Element => 'tagName' in node);
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((entry) => entry.name === name)?.value;
}

const isPolicy = (element: Element): boolean =>
  attribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy';

describe('the renderer page', () => {
  it('holds no policy of its own in the source', () => {
    expect(sourceHtml).not.toMatch(/content-security-policy/i);
  });

  it('gets the one policy as the first tag of <head> from the Vite config', async () => {
    const html = await server.transformIndexHtml('/index.html', sourceHtml);
    const head = headOf(html);
    expect(head.filter(isPolicy).map((element) => attribute(element, 'content'))).toEqual([
      META_CONTENT_SECURITY_POLICY,
    ]);
    // Nothing but the dev server's own client (absent from a build) comes before it.
    const before = head.slice(0, head.findIndex(isPolicy));
    expect(before.map((element) => attribute(element, 'src'))).toEqual(before.map(() => '/@vite/client'));
  });

  it('refuses to build a page that brings a second policy', async () => {
    const withCopy = sourceHtml.replace(
      '<head>',
      `<head><meta http-equiv="Content-Security-Policy" content="default-src *">`,
    );
    await expect(server.transformIndexHtml('/index.html', withCopy)).rejects.toThrow(
      /must not carry its own Content-Security-Policy/,
    );
    expect(contentSecurityPolicyMeta().name).toBe('netpol-lab-content-security-policy');
  });
});
