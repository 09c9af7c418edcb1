import { describe, expect, it } from 'vitest';
import { indentAfter, withoutComment } from './yaml-indent.ts';

describe('indentAfter', () => {
  it('goes one level deeper after a key that opens a block', () => {
    expect(indentAfter('metadata:', 2)).toBe(2);
    expect(indentAfter('  podSelector:', 2)).toBe(4);
    expect(indentAfter('spec:   # the policy', 2)).toBe(2);
    expect(indentAfter('  task: |', 2)).toBe(4);
  });

  it('lines up with the content of a list item, deeper when the item opens a block', () => {
    expect(indentAfter('    - port: 53', 2)).toBe(6);
    expect(indentAfter('    - from:', 2)).toBe(8);
    expect(indentAfter('  - - a', 2)).toBe(6);
    expect(indentAfter('  -', 2)).toBe(4);
  });

  it('stays level after a key with a value, and honours the tab size', () => {
    expect(indentAfter('  name: web', 2)).toBe(2);
    expect(indentAfter('kind: NetworkPolicy', 4)).toBe(0);
    expect(indentAfter('spec:', 4)).toBe(4);
    expect(indentAfter('  policyTypes: [', 2)).toBe(4);
  });

  it('does not read a colon inside quotes or a comment as opening a block', () => {
    expect(indentAfter('  name: "a:"', 2)).toBe(2);
    expect(indentAfter('  name: web # owner:', 2)).toBe(2);
    expect(withoutComment("  key: 'a # b' # note")).toBe("  key: 'a # b'");
  });
});
