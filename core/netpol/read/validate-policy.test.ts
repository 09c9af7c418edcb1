import { describe, it, expect } from 'vitest';
import { parseManifests } from './manifests.ts';
import { checkLabelKey, checkPortName, describeObject } from './object-names.ts';

function policyOf(spec: string, metadata = '{name: p, namespace: prod}') {
  const result = parseManifests(
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: ${metadata}\nspec:\n${spec}`,
  );
  return result;
}

describe('validateNetworkPolicy: normalisation', () => {
  it('normalises selectors, rules and ports with positions', () => {
    const result = policyOf(`  podSelector:
    matchLabels: {role: db}
  ingress:
    - from:
        - podSelector: {matchExpressions: [{key: role, operator: In, values: [api]}]}
          namespaceSelector: {}
      ports:
        - port: 5432
        - port: pg
          protocol: UDP
        - port: 8000
          endPort: 8080
`);
    expect(result.diagnostics).toEqual([]);
    const policy = result.policies[0];
    expect(policy).toMatchObject({
      namespace: 'prod',
      name: 'p',
      podSelector: { matchLabels: { role: 'db' }, matchExpressions: [] },
      policyTypes: ['Ingress'],
      policyTypesExplicit: false,
      egress: [],
      position: { line: 1, column: 1 },
      source: 'input',
    });
    expect(policy?.namespaceDefaulted).toBeUndefined();
    const rule = policy?.ingress[0];
    expect(rule?.position).toEqual({ line: 8, column: 7 });
    expect(rule?.peers).toEqual([
      {
        podSelector: {
          matchLabels: {},
          matchExpressions: [{ key: 'role', operator: 'In', values: ['api'] }],
        },
        namespaceSelector: { matchLabels: {}, matchExpressions: [] },
        position: { line: 9, column: 11 },
      },
    ]);
    expect(rule?.ports).toEqual([
      { protocol: 'TCP', port: 5432, position: { line: 12, column: 11 } },
      { protocol: 'UDP', port: 'pg', position: { line: 13, column: 11 } },
      { protocol: 'TCP', port: 8000, endPort: 8080, position: { line: 15, column: 11 } },
    ]);
  });

  it('keeps absent peers/ports undefined and empty ones []', () => {
    const result = policyOf(`  podSelector: {}
  ingress:
    - {}
    - from: []
      ports: []
`);
    const [absent, empty] = result.policies[0]?.ingress ?? [];
    expect(absent?.peers).toBeUndefined();
    expect(absent?.ports).toBeUndefined();
    expect(empty?.peers).toEqual([]);
    expect(empty?.ports).toEqual([]);
  });

  it('defaults policyTypes: Egress only when spec.egress has a rule', () => {
    expect(policyOf('  podSelector: {}\n  egress: []\n').policies[0]?.policyTypes).toEqual(['Ingress']);
    expect(policyOf('  podSelector: {}\n  egress: [{}]\n').policies[0]?.policyTypes).toEqual([
      'Ingress',
      'Egress',
    ]);
    const written = policyOf('  podSelector: {}\n  policyTypes: [Egress]\n').policies[0];
    expect(written?.policyTypes).toEqual(['Egress']);
    expect(written?.policyTypesExplicit).toBe(true);
    expect(policyOf('  podSelector: {}\n  policyTypes: []\n').policies[0]?.policyTypesExplicit).toBe(false);
  });

  it('puts a policy without a namespace in default and says it was defaulted', () => {
    const policy = policyOf('  podSelector: {}\n', '{name: p}').policies[0];
    expect(policy?.namespace).toBe('default');
    expect(policy?.namespaceDefaulted).toBe(true);
  });

  it('accepts IPv6 ipBlocks with narrower excepts', () => {
    const result = policyOf(`  podSelector: {}
  egress:
    - to: [{ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:1::/48"]}}]
`);
    expect(result.diagnostics).toEqual([]);
    expect(result.policies[0]?.egress[0]?.peers?.[0]?.ipBlock).toEqual({
      cidr: '2001:db8::/32',
      except: ['2001:db8:1::/48'],
    });
  });
});

describe('name syntax helpers', () => {
  it('checks label keys and port names', () => {
    expect(checkLabelKey('app.kubernetes.io/name')).toEqual([]);
    expect(checkLabelKey('-bad')).not.toEqual([]);
    expect(checkPortName('http-alt')).toEqual([]);
    expect(checkPortName('a--b')).toContain("a port name must not contain '--'");
    expect(checkPortName('1234')).toContain('a port name needs at least one letter');
  });

  it('describes objects the way diagnostics name them', () => {
    expect(describeObject('NetworkPolicy', 'prod', 'db')).toBe('NetworkPolicy prod/db');
    expect(describeObject('Namespace', undefined, 'prod')).toBe('Namespace prod');
  });
});
