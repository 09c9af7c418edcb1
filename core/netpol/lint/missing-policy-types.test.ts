import { describe, expect, it } from 'vitest';
import { cluster, lintFor, policy, port, rule } from './test-fixtures.ts';

const ID = 'lint.missing-policy-types';
const world = cluster([]);

describe(ID, () => {
  it('warns when egress rules without policyTypes also isolate ingress', () => {
    const findings = lintFor(ID, world, [
      policy({
        policyTypesExplicit: false,
        policyTypes: ['Ingress', 'Egress'],
        egress: [rule(undefined, [port('TCP', 443)])],
      }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', path: 'spec.policyTypes' });
    expect(findings[0]?.message).toContain('defaulted to [Ingress, Egress]');
    expect(findings[0]?.message).toContain('policyTypes: [Egress]');
  });

  it('notes that an ingress-only default leaves egress open', () => {
    const findings = lintFor(ID, world, [policy({ policyTypesExplicit: false })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('info');
    expect(findings[0]?.message).toContain('defaulted to [Ingress]');
    expect(findings[0]?.message).toContain('egress is NOT restricted');
  });

  it('is only info when both directions have rules', () => {
    const findings = lintFor(ID, world, [
      policy({
        policyTypesExplicit: false,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [rule(undefined, [port('TCP', 80)])],
        egress: [rule(undefined, [port('TCP', 443)])],
      }),
    ]);
    expect(findings.map((finding) => finding.severity)).toEqual(['info']);
  });

  it('stays quiet when policyTypes was written', () => {
    expect(lintFor(ID, world, [policy({ policyTypes: ['Ingress'] })])).toEqual([]);
  });
});
