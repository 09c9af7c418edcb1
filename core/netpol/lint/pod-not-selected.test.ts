import { describe, expect, it } from 'vitest';
import { cluster, lintFor, pod, policy, selector } from './test-fixtures.ts';

const ID = 'lint.pod-not-selected';
const world = cluster([
  pod('prod', 'web', { app: 'web' }, { line: 3 }),
  pod('prod', 'db', { app: 'db' }, { line: 9 }),
  pod('prod', 'cache', { app: 'cache' }, { line: 15 }),
  pod('dev', 'tool', { app: 'tool' }),
]);

describe(ID, () => {
  it('lists, once per namespace, the pods no policy selects', () => {
    const findings = lintFor(ID, world, [policy({ podSelector: selector({ app: 'web' }) })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'info',
      object: 'Namespace prod',
      position: { line: 9, column: 1 },
      source: 'pods.yaml',
    });
    expect(findings[0]?.message).toContain('pods db, cache are selected by no NetworkPolicy');
  });

  it('says "its" for a single pod', () => {
    const findings = lintFor(ID, world, [
      policy({ podSelector: selector({ app: 'web' }), namespace: 'dev' }),
    ]);
    expect(findings[0]?.message).toContain('pod tool is selected by no NetworkPolicy, so all its ingress');
  });

  it('stays quiet when every pod of the namespace is selected, and for namespaces without policies', () => {
    expect(lintFor(ID, world, [policy()])).toEqual([]);
  });
});
