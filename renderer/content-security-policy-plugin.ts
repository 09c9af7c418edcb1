/**
 * A Vite plugin that writes the lab's one Content Security Policy into `index.html` as the first tag
 * of `<head>`, in the dev server and the build alike, so the page never holds a copy of its own.
 */
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../core/lab-api/index.ts';

export function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'netpol-lab-content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (/http-equiv=["']?content-security-policy/i.test(html)) {
          throw new Error(
            'index.html must not carry its own Content-Security-Policy: the build writes the one from core/lab-api.',
          );
        }
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}
