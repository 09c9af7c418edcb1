/**
 * Markdown for exercise text: rendered by marked, then sanitized by DOMPurify so nothing an author
 * (or a tampered file) writes can run script, restyle the app or submit forms.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const FORBIDDEN_TAGS = [
  'style',
  'script',
  'iframe',
  'form',
  'input',
  'button',
  'object',
  'embed',
  'link',
  'meta',
  'base',
];
const SAFE_URL = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('uponSanitizeAttribute', (_node, data) => {
    // Event handlers never survive, whatever their spelling.
    if (data.attrName.toLowerCase().startsWith('on')) data.keepAttr = false;
    if ((data.attrName === 'href' || data.attrName === 'src') && !SAFE_URL.test(data.attrValue.trim())) {
      data.keepAttr = false;
    }
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A' || !node.hasAttribute('href')) return;
    node.setAttribute('rel', 'noopener noreferrer');
    const href = node.getAttribute('href') ?? '';
    if (/^https?:/i.test(href)) node.setAttribute('target', '_blank');
    else node.removeAttribute('target');
  });
}

/** Markdown as sanitized HTML, safe for `{@html}`. */
export function renderMarkdown(text: string): string {
  installHooks();
  const html = marked.parse(text) as string;
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'action'],
    ALLOW_DATA_ATTR: false,
    ADD_ATTR: ['target'],
  });
}
