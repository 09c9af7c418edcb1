import { describe, expect, it } from 'vitest';
import { cluster, lintFor, pod, policy, selector } from './test-fixtures.ts';

const ID = 'lint.namespace-defaulted';
const world = cluster([pod('prod', 'db', { app: 'db' }), pod('default', 'box', { app: 'box' })]);

describe(ID, () => {
  it('warns when the defaulted policy selects nothing in default but matches pods elsewhere', () => {
    const findings = lintFor(ID, world, [
      policy({ namespace: 'default', namespaceDefaulted: true, podSelector: selector({ app: 'db' }) }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      path: 'metadata.namespace',
      object: 'NetworkPolicy default/test',
    });
    expect(findings[0]?.message).toContain('live in prod');
  });

  it('warns when the selector also describes pods in another namespace', () => {
    const mixed = cluster([pod('prod', 'db', { app: 'db' }), pod('default', 'old-db', { app: 'db' })]);
    const findings = lintFor(ID, mixed, [
      policy({ namespace: 'default', namespaceDefaulted: true, podSelector: selector({ app: 'db' }) }),
    ]);
    expect(findings.map((finding) => finding.severity)).toEqual(['warning']);
    expect(findings[0]?.message).toContain(
      'applies in default (to old-db); pods labelled app=db also live in prod',
    );
  });

  it('is only info for podSelector {} in default', () => {
    const findings = lintFor(ID, world, [policy({ namespace: 'default', namespaceDefaulted: true })]);
    expect(findings.map((finding) => finding.severity)).toEqual(['info']);
  });

  it('is info when the selected pods are in default', () => {
    const findings = lintFor(ID, world, [
      policy({ namespace: 'default', namespaceDefaulted: true, podSelector: selector({ app: 'box' }) }),
    ]);
    expect(findings.map((finding) => finding.severity)).toEqual(['info']);
  });

  it('stays quiet when metadata.namespace was written', () => {
    expect(
      lintFor(ID, world, [policy({ namespace: 'default', podSelector: selector({ app: 'db' }) })]),
    ).toEqual([]);
  });
});
