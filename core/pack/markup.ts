/**
 * Defence in depth for Markdown that arrives in a pack. The renderer sanitizes Markdown anyway; a pack
 * that carries script-like HTML is refused outright so it never reaches a learner's library at all.
 */

const FORBIDDEN: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /<\s*script\b/i, what: 'a <script> tag' },
  { pattern: /<\s*iframe\b/i, what: 'an <iframe> tag' },
  { pattern: /<\s*object\b/i, what: 'an <object> tag' },
  { pattern: /<\s*embed\b/i, what: 'an <embed> tag' },
  { pattern: /javascript\s*:/i, what: 'a javascript: link' },
  { pattern: /vbscript\s*:/i, what: 'a vbscript: link' },
];

/** What forbidden markup a text holds, with the offending snippet; empty when the text is fine. */
export function forbiddenMarkup(text: string): { what: string; snippet: string }[] {
  const found: { what: string; snippet: string }[] = [];
  for (const { pattern, what } of FORBIDDEN) {
    const match = pattern.exec(text);
    if (match !== null) found.push({ what, snippet: match[0] });
  }
  return found;
}
