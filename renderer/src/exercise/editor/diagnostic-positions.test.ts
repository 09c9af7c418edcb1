import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { diagnosticRange, positionToOffset, toEditorDiagnostics } from './diagnostic-positions.ts';

const doc = Text.of(['kind: NetworkPolicy', 'metadata:', '  name: x', '']);

describe('positionToOffset', () => {
  it('maps 1-based line:column to an offset', () => {
    expect(positionToOffset(doc, { line: 1, column: 1 })).toBe(0);
    expect(positionToOffset(doc, { line: 3, column: 3 })).toBe(doc.line(3).from + 2);
  });

  it('clamps positions outside the text', () => {
    expect(positionToOffset(doc, { line: 99, column: 5 })).toBe(doc.length);
    expect(positionToOffset(doc, { line: 2, column: 200 })).toBe(doc.line(2).to);
    expect(positionToOffset(doc, { line: 0, column: 0 })).toBe(0);
  });
});

describe('diagnosticRange', () => {
  it('underlines the word that starts at the position', () => {
    const range = diagnosticRange(doc, { line: 3, column: 3 });
    expect(doc.sliceString(range.from, range.to)).toBe('name');
  });

  it('underlines the last character when the position is at the end of a line', () => {
    const range = diagnosticRange(doc, { line: 2, column: 10 });
    expect(doc.sliceString(range.from, range.to)).toBe(':');
  });

  it('marks the first line when there is no position', () => {
    expect(diagnosticRange(doc, undefined)).toEqual({ from: 0, to: doc.line(1).to });
  });

  it('gives an empty range on an empty line', () => {
    const range = diagnosticRange(doc, { line: 4, column: 1 });
    expect(range.from).toBe(range.to);
  });
});

describe('toEditorDiagnostics', () => {
  it('keeps severity and message and names the id as source', () => {
    const [mapped] = toEditorDiagnostics(doc, [
      { id: 'policy.x', severity: 'warning', message: 'careful', position: { line: 1, column: 7 } },
    ]);
    expect(mapped).toEqual({ from: 6, to: 19, severity: 'warning', message: 'careful', source: 'policy.x' });
  });
});
