/**
 * What Tab completes, the way readline decides it: the words of the command the cursor is in
 * (after the last `|`, `&&`, `||`, `;`, `(` or newline), split at blanks with quotes kept
 * together, and whether the word under the cursor is the command name or one of its arguments.
 * This is only the word splitting readline does for completion; the shell language itself is the
 * simulated shell's business.
 */

/** The word being completed and its command. */
export interface CompletionWords {
  /** Offset in the text where the word under the cursor starts. */
  readonly from: number;
  /** The word under the cursor as typed (quotes removed). */
  readonly word: string;
  /** Words of the command so far, the word under the cursor last (`''` after a blank). */
  readonly words: readonly string[];
  /** True when the word under the cursor names the command. */
  readonly isCommand: boolean;
}

const BREAKS = new Set(['|', '&', ';', '(', ')', '\n']);

/** Splits the text before the cursor into the words of its last command. */
export function completionWords(beforeCursor: string): CompletionWords {
  let words: string[] = [];
  let current = '';
  let start = 0;
  let inWord = false;
  let quote: string | undefined;
  for (let index = 0; index < beforeCursor.length; index++) {
    const char = beforeCursor[index] as string;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      if (!inWord) start = index;
      inWord = true;
      quote = char;
      continue;
    }
    if (char === '\\' && index + 1 < beforeCursor.length) {
      if (!inWord) start = index;
      inWord = true;
      current += beforeCursor[index + 1] as string;
      index++;
      continue;
    }
    if (BREAKS.has(char)) {
      words = [];
      current = '';
      inWord = false;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '<' || char === '>') {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
      continue;
    }
    if (!inWord) start = index;
    inWord = true;
    current += char;
  }
  const from = inWord ? start : beforeCursor.length;
  // Leading assignments (`FOO=1 kubectl …`) are not the command.
  const all = [...words, inWord ? current : ''];
  let first = 0;
  while (first < all.length - 1 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(all[first] as string)) first++;
  const commandWords = all.slice(first);
  return { from, word: inWord ? current : '', words: commandWords, isCommand: commandWords.length === 1 };
}

/** The longest prefix every candidate shares. */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] as string;
  for (const candidate of candidates) {
    while (!candidate.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/** Quotes a completed word for the shell when it holds characters the shell would split on. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./~-]*$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Candidates listed as readline lists them: in columns across the terminal's width, CRLF-ended rows. */
export function inColumns(values: readonly string[], cols: number): string {
  const width = Math.max(0, ...values.map((value) => value.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  let listing = '';
  values.forEach((value, index) => {
    listing += value.padEnd(width);
    if ((index + 1) % perRow === 0 || index === values.length - 1) listing = `${listing.trimEnd()}\r\n`;
  });
  return listing;
}
