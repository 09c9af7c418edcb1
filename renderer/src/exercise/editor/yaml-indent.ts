/**
 * Where the next line of block YAML should start, read from the line above: one level deeper after a
 * key that opens a mapping or list (`metadata:`, `- from:`), at the item's content after a list item
 * (`- port: 53`), otherwise level with the line above. Pure text rules, so they also hold for the
 * half-written documents a learner is typing, where the parser has no tree to offer.
 */

/** The column (0-based) of a line's first non-space character, or of its end when it is blank. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The line without a trailing comment (a `#` after white space, outside quotes) and spaces. */
export function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let index = 0; index < line.length; index++) {
    const character = line[index];
    if (quote !== null) {
      if (character === quote) quote = null;
    } else if (character === '"' || character === "'") {
      quote = character;
    } else if (character === '#' && (index === 0 || /\s/.test(line[index - 1] ?? ''))) {
      return line.slice(0, index).trimEnd();
    }
  }
  return line.trimEnd();
}

/**
 * The indentation for a new line that follows `above` (the nearest non-blank line before it), in
 * columns, with `unit` columns per level.
 */
export function indentAfter(above: string, unit: number): number {
  const text = withoutComment(above);
  if (text.trim() === '') return indentOf(above);
  // `- ` markers (possibly several: `- - a`) put the content further right than the dash.
  const item = /^(\s*)((?:-\s+)+)/.exec(text);
  const contentColumn = item ? (item[1]?.length ?? 0) + (item[2]?.length ?? 0) : indentOf(text);
  const rest = text.slice(contentColumn);
  if (/^-$/.test(rest.trim())) return contentColumn + unit;
  // A key with nothing after the colon opens a nested block; a block scalar (`|`, `>-`) does too.
  if (/^[^\s#][^#]*?:$/.test(rest) || /:\s+[|>][-+0-9]*$/.test(rest)) return contentColumn + unit;
  // An open flow collection (`ports: [`) continues one level deeper than its key.
  if (/[[{]$/.test(rest)) return contentColumn + unit;
  return contentColumn;
}
