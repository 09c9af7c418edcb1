import { describe, expect, it } from 'vitest';
import { CompletionContext } from '@codemirror/autocomplete';
import type { CompletionResult } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { policyCompletionSource } from './completion-source.ts';
import { writeExercise } from '../test-fixtures.ts';

const source = policyCompletionSource(writeExercise().cluster);

/** Completion at the end of `text`, as Ctrl+Space (explicit) or typing would ask for it. */
function complete(text: string, explicit = false): CompletionResult | null {
  const state = EditorState.create({ doc: text, extensions: [yaml()] });
  return source(new CompletionContext(state, text.length, explicit)) as CompletionResult | null;
}

function labels(text: string, explicit = false): string[] {
  return complete(text, explicit)?.options.map((option) => option.label) ?? [];
}

const HEAD = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n';

describe('policyCompletionSource', () => {
  it('offers nothing once a value is typed out in full, so Enter stays a new line', () => {
    expect(complete('apiVersion: networking.k8s.io/v1')).toBeNull();
    expect(complete('kind: NetworkPolicy')).toBeNull();
    expect(complete(`${HEAD}  policyTypes:\n    - Ingress`)).toBeNull();
    expect(complete(`${HEAD}  egress:\n    - ports:\n        - protocol: TCP`)).toBeNull();
    expect(complete(`${HEAD}  egress:\n    - ports:\n        - port: 5432`)).toBeNull();
  });

  it('stops offering an option when the typed text becomes exactly that option', () => {
    const partial = complete('kind: Network');
    expect(partial?.options.map((option) => option.label)).toEqual(['NetworkPolicy']);
    const validFor = partial?.validFor;
    expect(typeof validFor === 'function' && validFor('NetworkPol', 0, 0, {} as never)).toBe(true);
    expect(typeof validFor === 'function' && validFor('NetworkPolicy', 0, 0, {} as never)).toBe(false);
  });

  it('answers Ctrl+Space on an empty line with the fields of that level and, at the top, snippets', () => {
    expect(labels('', true)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'deny all ingress',
      'deny all egress',
      'allow DNS',
      'allow from a namespace',
    ]);
    expect(labels(`${HEAD}  `, true)).toEqual(['podSelector', 'policyTypes', 'ingress', 'egress']);
    expect(labels(`${HEAD}  ingress:\n    - from:\n        - `, true)).toEqual([
      'podSelector',
      'namespaceSelector',
      'ipBlock',
    ]);
  });

  it('stays quiet on a fresh line until asked, and never trips over property-like keys', () => {
    expect(complete(`${HEAD}  `)).toBeNull();
    expect(labels('constructor:\n  ', true)).toEqual([]);
    expect(labels('__proto__:\n  ', true)).toEqual([]);
    expect(labels('toString:\n  ', true)).toEqual([]);
  });
});
