import { describe, expect, it } from 'vitest';
import { readYamlDocuments } from './yaml-source.ts';

function errors(text: string) {
  return readYamlDocuments(text, 'answer.yaml').diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error',
  );
}

describe("YAML syntax errors in a learner's words", () => {
  it('points at the line indented too deep, not the line the parser stopped on', () => {
    const [error, ...rest] = errors('metadata:\n  name: a\n    namespace: b\n');
    expect(rest).toEqual([]);
    expect(error?.position).toEqual({ line: 3, column: 5 });
    expect(error?.message).toContain('this line is indented deeper than the key above it');
    expect(error?.message).toContain('the parser says: Nested mappings are not allowed');
  });

  it('names misaligned keys at their first character', () => {
    const [error] = errors('spec:\n    podSelector: {}\n  policyTypes: [Ingress]\n');
    expect(error?.position).toEqual({ line: 3, column: 3 });
    expect(error?.message).toContain('does not line up with the keys above it');
  });

  it('explains an unquoted ": " inside a value, an unclosed bracket and a list on its key\'s line', () => {
    expect(errors('metadata:\n  name: a: b\n')[0]?.message).toContain('put the value in quotes');
    expect(errors('spec:\n  podSelector: {matchLabels: {app: web}\n')[0]?.message).toContain(
      'add the missing "}"',
    );
    const list = errors('a: - b\n');
    expect(list).toHaveLength(1);
    expect(list[0]?.message).toContain('a list cannot start on the same line as its key');
  });

  it('says when a key repeats or a quote never closes', () => {
    expect(errors('metadata:\n  name: a\n  name: b\n')[0]?.message).toContain('appears twice');
    expect(errors('metadata:\n  name: "web\n')[0]?.message).toContain('never closed');
  });
});
