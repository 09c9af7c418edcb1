import { describe, expect, it } from 'vitest';
import { cluster, lintFor, namespace, pod, policy, rule, selector } from './test-fixtures.ts';

const ID = 'lint.selector-matches-nothing';
const pods = [
  pod('prod', 'web', { app: 'web' }),
  pod('prod', 'db', { app: 'db' }),
  pod('dev', 'tool', { app: 'tool' }),
];
const world = cluster(pods, [namespace('prod', { team: 'shop' }), namespace('dev', { team: 'lab' })]);

describe(ID, () => {
  it('warns when spec.podSelector selects no pod, naming the namespace', () => {
    const findings = lintFor(ID, world, [policy({ podSelector: selector({ app: 'dbb' }) })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      object: 'NetworkPolicy prod/test',
      path: 'spec.podSelector',
      position: { line: 1, column: 1 },
      source: 'policy.yaml',
    });
    expect(findings[0]?.message).toContain('none of the 2 pods in namespace prod has labels app=dbb');
  });

  it('suggests the label value one or two edits away, for pods and for namespaces', () => {
    const own = lintFor(ID, world, [policy({ podSelector: selector({ app: 'dbb' }) })]);
    expect(own[0]?.message).toContain('did you mean app: db?');
    const peer = lintFor(ID, world, [
      policy({ ingress: [rule([{ podSelector: selector({ app: 'wbe' }) }])] }),
    ]);
    expect(peer[0]?.message).toContain('did you mean app: web?');
    const byName = lintFor(ID, world, [
      policy({
        ingress: [rule([{ namespaceSelector: selector({ 'kubernetes.io/metadata.name': 'prd' }) }])],
      }),
    ]);
    expect(byName[0]?.message).toContain('did you mean kubernetes.io/metadata.name: prod?');
    const key = lintFor(ID, world, [
      policy({ ingress: [rule([{ namespaceSelector: selector({ teem: 'lab' }) }])] }),
    ]);
    expect(key[0]?.message).toContain('did you mean team: lab?');
  });

  it('suggests a namespace name one or two edits from one that has pods', () => {
    const typo = lintFor(ID, world, [policy({ namespace: 'prdo', podSelector: selector({ app: 'web' }) })]);
    expect(typo[0]?.message).toContain('namespace prdo has no pods; did you mean namespace "prod"?');
    const far = lintFor(ID, world, [
      policy({ namespace: 'payments', podSelector: selector({ app: 'web' }) }),
    ]);
    expect(far[0]?.message).toContain('namespace payments has no pods');
    expect(far[0]?.message).not.toContain('did you mean');
  });

  it('guesses nothing when no label is close', () => {
    const findings = lintFor(ID, world, [policy({ podSelector: selector({ app: 'payments' }) })]);
    expect(findings[0]?.message).not.toContain('did you mean');
  });

  it('stays quiet when the podSelector selects a pod', () => {
    expect(lintFor(ID, world, [policy({ podSelector: selector({ app: 'db' }) })])).toEqual([]);
  });

  it('stays quiet for a cluster without pods (a policy-only exercise)', () => {
    expect(lintFor(ID, cluster([]), [policy({ podSelector: selector({ app: 'db' }) })])).toEqual([]);
  });

  it('warns about a podSelector peer that only exists in another namespace', () => {
    const peer = { podSelector: selector({ app: 'tool' }), position: { line: 9, column: 11 } };
    const findings = lintFor(ID, world, [policy({ ingress: [rule([peer])] })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'spec.ingress[0].from[0]', position: { line: 9, column: 11 } });
    expect(findings[0]?.message).toContain("only looks in the policy's own namespace");
  });

  it('warns about a namespaceSelector that matches no namespace, and not about one that does', () => {
    const findings = lintFor(ID, world, [
      policy({
        policyTypes: ['Egress'],
        egress: [
          rule([
            { namespaceSelector: selector({ team: 'labs' }) },
            { namespaceSelector: selector({ team: 'lab' }) },
          ]),
        ],
      }),
    ]);
    expect(findings.map((finding) => finding.path)).toEqual(['spec.egress[0].to[0]']);
    expect(findings[0]?.message).toContain('namespaceSelector team=labs matches no namespace');
  });

  it('warns when both selectors together match no pod, but not when they match one', () => {
    const missing = { namespaceSelector: selector({ team: 'lab' }), podSelector: selector({ app: 'web' }) };
    const present = { namespaceSelector: selector({ team: 'lab' }), podSelector: selector({ app: 'tool' }) };
    const findings = lintFor(ID, world, [policy({ ingress: [rule([missing, present])] })]);
    expect(findings.map((finding) => finding.path)).toEqual(['spec.ingress[0].from[0]']);
    expect(findings[0]?.message).toContain(
      'no pod labelled app=web lives in the namespaces matching team=lab',
    );
  });

  it('ignores ipBlock peers', () => {
    const peer = { ipBlock: { cidr: '192.0.2.0/24', except: [] } };
    expect(lintFor(ID, world, [policy({ ingress: [rule([peer])] })])).toEqual([]);
  });
});
