import { describe, expect, it } from 'vitest';
import { completionPlace, parentPath } from './completion-context.ts';
import { clusterVocabulary, completionOptions } from './policy-completion.ts';
import { writeExercise } from '../test-fixtures.ts';

const vocabulary = clusterVocabulary(writeExercise().cluster);

function labels(textBefore: string): string[] {
  const place = completionPlace(textBefore);
  return place === null ? [] : completionOptions(place, vocabulary).map((option) => option.label);
}

const HEAD = 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nspec:\n';

describe('completionPlace', () => {
  it('finds top-level keys', () => {
    expect(completionPlace('ap')).toEqual({ kind: 'key', path: [], prefix: 'ap' });
  });

  it('reads parents through list items', () => {
    const text = `${HEAD}  egress:\n    - to:\n        - podSelector:\n            matchLabels:\n              `;
    expect(completionPlace(text)).toEqual({
      kind: 'key',
      path: ['spec', 'egress', 'to', 'podSelector', 'matchLabels'],
      prefix: '',
    });
  });

  it('treats a sibling of a list item key as part of the same item', () => {
    const lines = ['spec:', '  ingress:', '    - from:', '        - podSelector: {}', '      '];
    expect(parentPath(lines.slice(0, -1), 6)).toEqual(['spec', 'ingress']);
  });

  it('finds values, in block and flow style', () => {
    expect(completionPlace(`${HEAD}  policyTypes: [Ingress, E`)).toEqual({
      kind: 'value',
      path: ['spec'],
      key: 'policyTypes',
      prefix: 'E',
    });
    expect(completionPlace(`${HEAD}  podSelector:\n    matchLabels: {app: w`)).toEqual({
      kind: 'value',
      path: ['spec', 'podSelector', 'matchLabels'],
      key: 'app',
      prefix: 'w',
    });
  });

  it('offers nothing inside comments', () => {
    expect(completionPlace('# spec')).toBeNull();
  });
});

describe('completionOptions', () => {
  it('offers the fields of each level', () => {
    expect(labels('')).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(labels(`${HEAD}  `)).toEqual(['podSelector', 'policyTypes', 'ingress', 'egress']);
    expect(labels(`${HEAD}  ingress:\n    - `)).toEqual(['from', 'ports']);
    expect(labels(`${HEAD}  egress:\n    - to:\n        - `)).toEqual([
      'podSelector',
      'namespaceSelector',
      'ipBlock',
    ]);
    expect(labels(`${HEAD}  egress:\n    - to:\n        - ipBlock:\n            `)).toEqual([
      'cidr',
      'except',
    ]);
    expect(labels(`${HEAD}  egress:\n    - ports:\n        - `)).toEqual(['protocol', 'port', 'endPort']);
  });

  it('offers fixed values', () => {
    expect(labels(`${HEAD}  policyTypes:\n    - `)).toEqual(['Ingress', 'Egress']);
    expect(labels(`${HEAD}  egress:\n    - ports:\n        - protocol: `)).toEqual(['TCP', 'UDP', 'SCTP']);
    expect(labels('apiVersion: ')).toEqual(['networking.k8s.io/v1']);
    expect(labels(`${HEAD}  podSelector:\n    matchExpressions:\n      - operator: `)).toEqual([
      'In',
      'NotIn',
      'Exists',
      'DoesNotExist',
    ]);
  });

  it("offers the cluster's labels, namespaces and named ports", () => {
    expect(labels(`${HEAD}  podSelector:\n    matchLabels:\n      `)).toEqual(['app']);
    expect(labels(`${HEAD}  podSelector:\n    matchLabels:\n      app: `)).toEqual(['batch', 'db', 'web']);
    const namespaceKeys = labels(
      `${HEAD}  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels:\n              `,
    );
    expect(namespaceKeys).toEqual(['kubernetes.io/metadata.name', 'team']);
    expect(labels('metadata:\n  namespace: ')).toEqual(['default', 'prod']);
    expect(labels(`${HEAD}  ingress:\n    - ports:\n        - port: `)).toEqual(['postgres', '5432']);
  });

  it('filters by what was typed', () => {
    expect(labels(`${HEAD}  po`)).toEqual(['podSelector', 'policyTypes']);
  });
});
