/**
 * Images a pack's Markdown would fetch from elsewhere. The renderer drops them anyway; a pack that
 * carries one is refused so the learner never imports text that points at a share or a tracker
 * (on Windows `//host/share/x.png` is an SMB request that hands over the user's NTLM hash).
 */

/** Image sources a lab text may use: embedded data, or a file of the app itself. */
const LOCAL_IMAGE = /^(?:data:image\/[a-z0-9.+-]+[;,]|app:\/\/lab\/)/i;

/** Inline Markdown images: `![alt](url "title")`, the URL possibly in angle brackets. */
const INLINE_IMAGE = /!\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]*)/g;
/** Reference images `![alt][label]`, `![label][]` and `![label]`. */
const REFERENCE_IMAGE = /!\[((?:[^\]\\]|\\.)*)\](?:\[((?:[^\]\\]|\\.)*)\])?/g;
/** Link reference definitions: `[label]: url`. */
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:\s*<?([^\s>]+)/gm;
/** Raw HTML start tags. */
const HTML_TAG = /<\s*[a-z][a-z0-9-]*\b[^>]*>/gi;
/** Attributes of a tag that make the browser fetch something as the page loads. */
const FETCHING_ATTRIBUTE =
  /\s(src|srcset|poster|background|data|xlink:href)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function unquote(value: string): string {
  return /^["']/.test(value) ? value.slice(1, -1) : value;
}

/**
 * The URLs of a `srcset`, read as browsers do: a URL is a run of non-space characters (so a data
 * URL keeps its commas), a comma ending it or following its descriptors starts the next candidate.
 */
function srcsetUrls(value: string): string[] {
  const urls: string[] = [];
  let rest = value;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') return urls;
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(url.length);
    if (url.endsWith(',')) {
      urls.push(url.replace(/,+$/, ''));
      continue;
    }
    urls.push(url);
    const comma = rest.indexOf(',');
    if (comma === -1) return urls;
    rest = rest.slice(comma + 1);
  }
}

/** True when `url` would make the page fetch from outside the lab (the empty URL fetches nothing). */
function isRemote(url: string): boolean {
  const cleaned = url.replace(/[\t\n\r]/g, '').trim();
  return cleaned !== '' && !LOCAL_IMAGE.test(cleaned);
}

/** The remote image sources a Markdown text holds, each as the snippet that names it; empty when none. */
export function remoteImages(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(INLINE_IMAGE)) {
    if (isRemote(match[1] ?? '')) found.push(match[0]);
  }
  const imageLabels = new Set<string>();
  for (const match of text.matchAll(REFERENCE_IMAGE)) {
    const label = match[2] !== undefined && match[2] !== '' ? match[2] : (match[1] ?? '');
    imageLabels.add(normalizeLabel(label));
  }
  for (const match of text.matchAll(DEFINITION)) {
    if (imageLabels.has(normalizeLabel(match[1] ?? '')) && isRemote(match[2] ?? ''))
      found.push(match[0].trim());
  }
  for (const tag of text.matchAll(HTML_TAG)) {
    for (const attribute of tag[0].matchAll(FETCHING_ATTRIBUTE)) {
      const name = (attribute[1] ?? '').toLowerCase();
      const value = unquote(attribute[2] ?? '');
      // Every candidate of a srcset is checked, not just the first.
      const urls = name === 'srcset' ? srcsetUrls(value) : [value];
      if (urls.some(isRemote)) found.push(attribute[0].trim());
    }
  }
  return found;
}
