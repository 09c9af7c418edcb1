/**
 * When Enter does not run the line yet: bash prints its secondary prompt (`> `) while a
 * here-document, a quote or a compound command is still open, or the line ends with a pipe, `&&`,
 * `||` or a backslash. The shell's own parser reports the open constructs; this reads its verdict.
 */

const OPEN_CONSTRUCT = [
  /unterminated here-document/i,
  /unexpected EOF while looking for matching/i,
  /got EOF/i,
  /unexpected end of (file|input)/i,
  /near unexpected token `(fi|done|esac|\})'/,
];

/**
 * True when `text` needs another line. `parseError` is the message the shell's parser gave for
 * the text (undefined when it parsed).
 */
export function needsMoreInput(text: string, parseError: string | undefined): boolean {
  const trimmed = text.replace(/[ \t]+$/, '');
  if (trimmed.endsWith('\\') && !trimmed.endsWith('\\\\')) return true;
  if (/(\|\||&&|\|)$/.test(trimmed)) return true;
  if (parseError === undefined) return false;
  return OPEN_CONSTRUCT.some((pattern) => pattern.test(parseError));
}
