/**
 * Says a YAML syntax error the way a learner thinks about it ("this line is indented deeper than the
 * key above it"), at the place the learner must change, next to the parser's own words. The parser
 * reports where it got confused; for indentation mistakes that is often the line before the one to
 * fix, so the place moves to that line when the text shows it.
 */
import type { SourcePosition } from '../types.ts';
import { quoteText } from './shown-text.ts';

/** A learner-worded reading of one parser error. */
export interface ExplainedYamlError {
  readonly message: string;
  readonly position: SourcePosition;
}

interface Line {
  readonly number: number;
  readonly text: string;
  readonly indent: number;
}

function lineAt(lines: readonly string[], number: number): Line | undefined {
  const text = lines[number - 1];
  if (text === undefined) return undefined;
  return { number, text, indent: text.length - text.trimStart().length };
}

/** The next line after `number` that holds something other than a comment. */
function nextContentLine(lines: readonly string[], number: number): Line | undefined {
  for (let next = number + 1; next <= lines.length; next++) {
    const line = lineAt(lines, next);
    if (line !== undefined && !/^\s*(#.*)?$/.test(line.text)) return line;
  }
  return undefined;
}

/** `key: value` on a line (after any `- ` markers): the key, its column, and the value text. */
function keyWithValue(text: string): { key: string; column: number; value: string } | undefined {
  const match = /^(\s*(?:-\s+)*)([^\s:#][^:#]*?):\s+(.*?)\s*(#.*)?$/.exec(text);
  if (!match) return undefined;
  return { key: match[2] ?? '', column: (match[1]?.length ?? 0) + 1, value: match[3] ?? '' };
}

function nestedUnderValue(lines: readonly string[], at: SourcePosition): ExplainedYamlError | undefined {
  const line = lineAt(lines, at.line);
  const entry = line === undefined ? undefined : keyWithValue(line.text);
  if (line === undefined || entry === undefined) return undefined;
  if (/:\s/.test(entry.value) && !/^["'{[]/.test(entry.value)) {
    return {
      message: `the value of ${quoteText(entry.key)} contains ": ", which YAML reads as another key; put the value in quotes`,
      position: at,
    };
  }
  const next = nextContentLine(lines, line.number);
  if (next === undefined || next.indent < entry.column || /^[|>]/.test(entry.value)) return undefined;
  const key = quoteText(entry.key);
  return {
    message:
      `this line is indented deeper than the key above it, but ${key} on line ${line.number} ` +
      `already has a value, so nothing can nest under it: line this key up with ${key}, or ` +
      `leave ${key} without a value to nest under it`,
    position: { line: next.number, column: next.indent + 1 },
  };
}

/**
 * The learner's reading of a parser error `code` (the `yaml` package's error codes) with the
 * parser's `message`, or `undefined` when there is nothing clearer to say than the parser's words.
 */
export function explainYamlError(
  code: string,
  message: string,
  lines: readonly string[],
  at: SourcePosition,
): ExplainedYamlError | undefined {
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence/i.test(message)) {
        return {
          message:
            'a list item ("- …") sits among the keys of a mapping: indent the list items under the key ' +
            'they belong to, or write them as keys',
          position: at,
        };
      }
      return nestedUnderValue(lines, at);
    case 'MULTILINE_IMPLICIT_KEY':
      return nestedUnderValue(lines, at);
    case 'BAD_INDENT':
      if (/end with a ([}\]])/.test(message)) {
        const closer = /end with a ([}\]])/.exec(message)?.[1] ?? '}';
        return {
          message: `a "${closer === '}' ? '{' : '['}" opened before this point is never closed: add the missing "${closer}"`,
          position: at,
        };
      }
      return {
        message:
          'this line does not line up with the keys above it: keys of one mapping start in the same column',
        position: { line: at.line, column: (lineAt(lines, at.line)?.indent ?? at.column - 1) + 1 },
      };
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) {
        return { message: 'a quote opens here but is never closed: add the closing quote', position: at };
      }
      if (/followed by map values/i.test(message)) {
        return { message: 'a key here has no ":" after it: write "key: value"', position: at };
      }
      return undefined;
    case 'DUPLICATE_KEY':
      return {
        message: 'this key appears twice in the same mapping: keep one of them',
        position: at,
      };
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line/.test(message)) {
        return {
          message: 'a list cannot start on the same line as its key: move "- …" to the next line, indented',
          position: at,
        };
      }
      return undefined;
    default:
      return undefined;
  }
}
