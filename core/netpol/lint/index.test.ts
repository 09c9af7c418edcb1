import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINT_IDS, lintPolicies } from './index.ts';
import { cluster, ids, pod, policy, rule, selector } from './test-fixtures.ts';

describe('lintPolicies', () => {
  it('has unique lint.* ids', () => {
    expect(new Set(LINT_IDS).size).toBe(LINT_IDS.length);
    for (const id of LINT_IDS) expect(id).toMatch(/^lint\.[a-z-]+$/);
  });

  it('orders findings by source position, then id', () => {
    const world = cluster([pod('prod', 'web', { app: 'web' })]);
    const later = policy({
      name: 'later',
      position: { line: 30, column: 1 },
      podSelector: selector({ app: 'nope' }),
      policyTypesExplicit: false,
    });
    const earlier = policy({
      name: 'earlier',
      position: { line: 1, column: 1 },
      ingress: [{ ...rule([{ podSelector: selector({ app: 'gone' }) }]), position: { line: 5, column: 3 } }],
    });
    const findings = lintPolicies(world, [later, earlier]);
    expect(findings.map((finding) => [finding.position?.line, finding.id])).toEqual([
      [5, 'lint.selector-matches-nothing'],
      [30, 'lint.missing-policy-types'],
      [30, 'lint.selector-matches-nothing'],
    ]);
    expect(lintPolicies(world, [earlier, later])).toEqual(findings);
  });

  it('returns nothing for a clean, explicit policy set', () => {
    const world = cluster([pod('prod', 'web', { app: 'web' })]);
    const clean = policy({ ingress: [rule([{ podSelector: selector({ app: 'web' }) }])] });
    expect(ids(lintPolicies(world, [clean]))).toEqual([]);
  });

  it('never produces errors, even for empty input', () => {
    expect(lintPolicies(cluster([]), [])).toEqual([]);
  });
});

describe('lintPolicies on arbitrary valid models', () => {
  const labels = fc.dictionary(
    fc.constantFrom('app', 'team', 'k8s-app'),
    fc.constantFrom('web', 'db', 'kube-dns'),
  );
  const labelSelector = labels.map((matchLabels) => selector(matchLabels));
  const peer = fc.oneof(
    fc.record({ podSelector: labelSelector }),
    fc.record({ namespaceSelector: labelSelector }),
    fc.record({ podSelector: labelSelector, namespaceSelector: labelSelector }),
    fc
      .constantFrom('10.244.0.0/16', '0.0.0.0/0', 'fd00::/8')
      .map((cidr) => ({ ipBlock: { cidr, except: [] } })),
  );
  const portEntry = fc.record({
    protocol: fc.constantFrom('TCP' as const, 'UDP' as const),
    port: fc.oneof(fc.constant(undefined), fc.constant(53), fc.constantFrom('dns', 'http')),
  });
  const ruleArbitrary = fc.record({
    peers: fc.option(fc.array(peer, { maxLength: 3 }), { nil: undefined }),
    ports: fc.option(fc.array(portEntry, { maxLength: 2 }), { nil: undefined }),
  });
  const policyArbitrary = fc.record({
    namespace: fc.constantFrom('prod', 'default', 'kube-system'),
    name: fc.constantFrom('a', 'b'),
    podSelector: labelSelector,
    types: fc.subarray(['Ingress', 'Egress'] as const),
    ingress: fc.array(ruleArbitrary, { maxLength: 2 }),
    egress: fc.array(ruleArbitrary, { maxLength: 2 }),
    namespaceDefaulted: fc.boolean(),
  });
  const podArbitrary = fc.record({
    namespace: fc.constantFrom('prod', 'default', 'kube-system'),
    name: fc.constantFrom('p1', 'p2', 'p3'),
    labels,
    named: fc.boolean(),
  });

  it('never throws and only returns lint.* warnings and infos, the same on every run', () => {
    fc.assert(
      fc.property(
        fc.array(podArbitrary, { maxLength: 5 }),
        fc.array(policyArbitrary, { maxLength: 4 }),
        (pods, drafts) => {
          const world = cluster(
            pods.map((draft) =>
              pod(draft.namespace, draft.name, draft.labels, {
                ports: draft.named ? [{ name: 'dns', port: 53, protocol: 'UDP' }] : [],
              }),
            ),
          );
          const policies = drafts.map((draft) =>
            policy({
              namespace: draft.namespace,
              name: draft.name,
              podSelector: draft.podSelector,
              policyTypesExplicit: draft.types.length > 0,
              policyTypes:
                draft.types.length > 0
                  ? draft.types
                  : draft.egress.length > 0
                    ? ['Ingress', 'Egress']
                    : ['Ingress'],
              ingress: draft.ingress,
              egress: draft.egress,
              namespaceDefaulted: draft.namespaceDefaulted,
            }),
          );
          const findings = lintPolicies(world, policies);
          for (const finding of findings) {
            expect(LINT_IDS).toContain(finding.id);
            expect(finding.severity).not.toBe('error');
            expect(finding.message).not.toContain('\n');
          }
          expect(lintPolicies(world, policies)).toEqual(findings);
        },
      ),
      { numRuns: 200 },
    );
  });
});
