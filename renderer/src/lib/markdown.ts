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
/**
 * Links may go to the web, a mail address, an anchor or a path of the page's own origin. A URL that
 * starts with two slashes in any spelling (`//host`, `\\host`, `/\host`) names another host and
 * is refused; browsers drop tabs and newlines inside URLs and read a backslash as a slash, so the
 * test runs on the URL as the browser will see it.
 */
const SAFE_LINK = /^(?:https?:|mailto:|#|[^:]*$)/i;
const OTHER_HOST = /^[/\\]{2}/;
/**
 * Images come only from the text itself (`data:image/…`) or the app's own scheme (`app://lab/`, see
 * electron/app-protocol.ts): anything else would make merely showing a task fetch from elsewhere,
 * which on Windows (`//host/share/x.png`) is an SMB request carrying the user's NTLM hash.
 */
const SAFE_IMAGE = /^(?:data:image\/[a-z0-9.+-]+[;,]|app:\/\/lab\/)/i;
/** Attributes that make the browser fetch as the page renders; only images may use them. */
const FETCHING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'poster',
  'background',
  'data',
  'xlink:href',
  'lowsrc',
  'dynsrc',
]);

/** The URL as the browser's parser sees it: no surrounding space, no tab or newline, `\` as `/`. */
function asBrowserSees(url: string): string {
  return url.replace(/[\t\n\r]/g, '').trim();
}

/** True when a link may stay. */
export function isSafeLink(url: string): boolean {
  const seen = asBrowserSees(url);
  return SAFE_LINK.test(seen) && !OTHER_HOST.test(seen);
}

/** True when an image source may stay. */
export function isSafeImageSource(url: string): boolean {
  return SAFE_IMAGE.test(asBrowserSees(url));
}

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    // Event handlers never survive, whatever their spelling.
    if (data.attrName.toLowerCase().startsWith('on')) data.keepAttr = false;
    const name = data.attrName.toLowerCase();
    // `href` is a link on <a>; elsewhere (SVG <use>, <image>) it fetches like a source.
    const isLink = name === 'href' && node.nodeName.toLowerCase() === 'a';
    const fetches = FETCHING_ATTRIBUTES.has(name) || (name === 'href' && !isLink);
    if (isLink && !isSafeLink(data.attrValue)) data.keepAttr = false;
    if (fetches && !isSafeImageSource(data.attrValue)) data.keepAttr = false;
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    // An image left without a source is dropped, so no broken-image icon marks where it was.
    if (node.tagName === 'IMG' && !node.hasAttribute('src')) {
      node.remove();
      return;
    }
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
    // DOMPurify's own URL test, widened only by the app scheme; the hooks above decide the rest.
    ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|app):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
    ADD_ATTR: ['target'],
  });
}
