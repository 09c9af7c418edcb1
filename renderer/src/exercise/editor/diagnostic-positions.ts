/**
 * Turns the engine's 1-based line:column positions into editor offsets and underline ranges.
 * Works on CodeMirror's `Text`, or anything with the same line access.
 */
import type { Diagnostic as EngineDiagnostic, SourcePosition } from '../../../../core/netpol/index.ts';

/** The part of CodeMirror's `Text` the mapping reads. */
export interface LineAccess {
  readonly lines: number;
  readonly length: number;
  line(number: number): { readonly from: number; readonly to: number; readonly text: string };
}

export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** The offset of a line:column, clamped into the document. */
export function positionToOffset(doc: LineAccess, position: SourcePosition): number {
  const lineNumber = Math.min(Math.max(1, Math.trunc(position.line) || 1), doc.lines);
  const line = doc.line(lineNumber);
  const column = Math.max(1, Math.trunc(position.column) || 1);
  return Math.min(line.from + column - 1, line.to);
}

const TOKEN_END = /[\s,:{}[\]#]/;

/**
 * The range to underline for a position: the word or value that starts there, or the last character
 * of the line when the position is at its end. Diagnostics without a position mark the first line.
 */
export function diagnosticRange(doc: LineAccess, position: SourcePosition | undefined): TextRange {
  if (position === undefined) {
    const first = doc.line(1);
    return { from: first.from, to: first.to };
  }
  const from = positionToOffset(doc, position);
  const line = doc.line(Math.min(Math.max(1, Math.trunc(position.line) || 1), doc.lines));
  let to = from;
  const text = line.text;
  while (to < line.to && !TOKEN_END.test(text[to - line.from] ?? ' ')) to++;
  if (to > from) return { from, to };
  if (from < line.to) return { from, to: from + 1 };
  if (line.to > line.from) return { from: line.to - 1, to: line.to };
  return { from, to: from };
}

export type EditorSeverity = 'error' | 'warning' | 'info';

/** The editor form of an engine diagnostic (CodeMirror's lint `Diagnostic` shape). */
export interface EditorDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: EditorSeverity;
  readonly message: string;
  readonly source: string;
}

/** Maps engine diagnostics (and lint findings) onto the document. */
export function toEditorDiagnostics(
  doc: LineAccess,
  diagnostics: readonly EngineDiagnostic[],
): EditorDiagnostic[] {
  return diagnostics.map((diagnostic) => {
    const range = diagnosticRange(doc, diagnostic.position);
    return {
      ...range,
      severity: diagnostic.severity,
      message: diagnostic.message,
      source: diagnostic.id,
    };
  });
}
