/**
 * Moves diagnostics about an embedded YAML text (`cluster.policies: |`) to where that text sits in
 * `exercise.yaml`, so an author's editor jumps to the right line.
 */
import type { Diagnostic, SourcePosition } from '../netpol/types.ts';
import { formatPosition } from '../netpol/read/yaml-source.ts';

/**
 * The line and indentation where a literal block scalar's content starts, or `undefined` when the
 * value is not a `|` block (quoted or folded text does not map line for line).
 */
function blockStart(text: string, indicator: SourcePosition): { line: number; indent: number } | undefined {
  const lines = text.split(/\r?\n/);
  const indicatorLine = lines[indicator.line - 1];
  if (indicatorLine?.[indicator.column - 1] !== '|') return undefined;
  for (let index = indicator.line; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line.trim() === '') continue;
    return { line: index, indent: line.length - line.trimStart().length };
  }
  return undefined;
}

/**
 * Rewrites positions (and the `(line, column)` ending of messages) from the embedded text's
 * coordinates to the outer file's. Diagnostics keep their ids; `source` becomes the outer file.
 */
export function relocateDiagnostics(
  diagnostics: readonly Diagnostic[],
  outerText: string,
  indicator: SourcePosition,
  outerSource: string,
): Diagnostic[] {
  const start = blockStart(outerText, indicator);
  return diagnostics.map((diagnostic) => {
    if (start === undefined || diagnostic.position === undefined)
      return { ...diagnostic, source: outerSource };
    const position = {
      line: start.line + diagnostic.position.line,
      column: start.indent + diagnostic.position.column,
    };
    const old = formatPosition(diagnostic.position);
    const message = diagnostic.message.endsWith(old)
      ? `${diagnostic.message.slice(0, -old.length)}${formatPosition(position)}`
      : diagnostic.message;
    return { ...diagnostic, message, position, source: outerSource };
  });
}
