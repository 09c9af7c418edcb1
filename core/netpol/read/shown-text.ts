/**
 * How messages repeat what the learner wrote. A value is shown in full up to a limit; a longer one is
 * cut with an ellipsis and a note of its full length, so a 100 KB label value cannot flood a message.
 * Every message that echoes input (values, names, keys, kinds, field names) goes through here.
 */

/** Characters of a learner's text a message repeats before cutting it short. */
export const SHOWN_TEXT_LIMIT = 80;

/** Code points in `text` (a pair of surrogates is one character). */
function characterCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff || index === 0) count++;
    else {
      const before = text.charCodeAt(index - 1);
      if (before < 0xd800 || before > 0xdbff) count++;
    }
  }
  return count;
}

/** The longest start of `text` whose rendering (each character through `render`) fits `limit`. */
function head(text: string, limit: number, render: (character: string) => string): string | undefined {
  let shown = '';
  for (const character of text) {
    const piece = render(character);
    if (shown.length + piece.length > limit) return shown;
    shown += piece;
  }
  return undefined;
}

const escaped = (character: string): string => JSON.stringify(character).slice(1, -1);

/** `"text"` in JSON quotes, or `"the start…" (100000 characters)` when longer than the limit. */
export function quoteText(text: string, limit = SHOWN_TEXT_LIMIT): string {
  const start = head(text, limit, escaped);
  if (start === undefined) return JSON.stringify(text);
  return `"${start}…" (${characterCount(text)} characters)`;
}

/** The text as it is, or `the start… (100000 characters)` when longer than the limit. */
export function clipText(text: string, limit = SHOWN_TEXT_LIMIT): string {
  const start = head(text, limit, (character) => character);
  if (start === undefined) return text;
  return `${start}… (${characterCount(text)} characters)`;
}
