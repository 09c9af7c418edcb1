import { describe, expect, it } from 'vitest';
import { cluster, lintFor, namespace, pod, policy, port, rule, selector } from './test-fixtures.ts';

const ID = 'lint.egress-blocks-dns';
const dns = pod(
  'kube-system',
  'coredns',
  { 'k8s-app': 'kube-dns' },
  {
    ports: [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    ],
  },
);
const web = pod('prod', 'web', { app: 'web' });
const api = pod('prod', 'api', { app: 'api' });
const world = cluster([dns, web, api], [namespace('kube-system')]);
const toDns = {
  namespaceSelector: selector({ 'kubernetes.io/metadata.name': 'kube-system' }),
  podSelector: selector({ 'k8s-app': 'kube-dns' }),
};
const denyEgress = policy({ name: 'deny-egress', policyTypes: ['Egress'] });

describe(ID, () => {
  it('warns once per namespace when isolated pods cannot reach kube-dns, listing them', () => {
    const findings = lintFor(ID, world, [denyEgress, policy({ name: 'also-deny', policyTypes: ['Egress'] })]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      object: 'NetworkPolicy prod/deny-egress',
      path: 'spec.egress',
    });
    expect(findings[0]?.message).toContain('pods web, api are egress-isolated');
    expect(findings[0]?.message).toContain('UDP 53 and TCP 53 to kube-dns');
  });

  it('says which protocol is missing when only UDP is allowed', () => {
    const udpOnly = policy({
      name: 'dns',
      policyTypes: ['Egress'],
      egress: [rule([toDns], [port('UDP', 53)])],
    });
    const findings = lintFor(ID, world, [denyEgress, udpOnly]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('no egress rule allows TCP 53 to kube-dns');
  });

  it('accepts DNS allowed by another policy selecting the same pods, named ports included', () => {
    const allowDns = policy({
      name: 'allow-dns',
      policyTypes: ['Egress'],
      egress: [rule([toDns], [port('UDP', 'dns'), port('TCP', 'dns-tcp')])],
    });
    expect(lintFor(ID, world, [denyEgress, allowDns])).toEqual([]);
  });

  it('does not count DNS allowed to pods that are not kube-dns', () => {
    const wrongPeer = policy({
      policyTypes: ['Egress'],
      egress: [rule([{ podSelector: selector({ app: 'api' }) }], [port('UDP', 53), port('TCP', 53)])],
    });
    expect(lintFor(ID, world, [wrongPeer])).toHaveLength(1);
  });

  it('stays quiet for ingress-only policies and for policies that isolate no pod', () => {
    const nobody = policy({ policyTypes: ['Egress'], podSelector: selector({ app: 'none' }) });
    expect(lintFor(ID, world, [policy(), nobody])).toEqual([]);
  });

  it('without kube-dns, accepts port 53 to any destination', () => {
    const noDns = cluster([web]);
    const anywhere = policy({
      policyTypes: ['Egress'],
      egress: [rule(undefined, [port('UDP', 53), port('TCP', 53)])],
    });
    expect(lintFor(ID, noDns, [anywhere])).toEqual([]);
    const findings = lintFor(ID, noDns, [denyEgress]);
    // DNS is not modelled in this cluster, so the finding is only a reminder.
    expect(findings.map((finding) => finding.severity)).toEqual(['info']);
  });

  it('without any pods, judges each namespace by its egress rules', () => {
    const findings = lintFor(ID, cluster([]), [denyEgress]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('any DNS server');
  });
});
