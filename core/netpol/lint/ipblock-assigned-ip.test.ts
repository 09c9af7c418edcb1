import { describe, expect, it } from 'vitest';
import { parseManifests } from '../read/manifests.ts';
import { lintPolicies } from '../lint.ts';
import { cluster, lintFor, pod, policy, rule } from './test-fixtures.ts';

const ID = 'lint.ipblock-assigned-ip';
const assigned = { ...pod('prod', 'db', {}, { ips: ['10.244.7.9'] }), ipAssigned: true };
const written = pod('prod', 'web', {}, { ips: ['10.244.1.5'] });
const world = cluster([assigned, written]);

function withBlock(cidr: string, except: string[] = []) {
  return policy({ ingress: [rule([{ ipBlock: { cidr, except }, position: { line: 7, column: 9 } }])] });
}

describe(ID, () => {
  it('warns when a block covers an address the lab chose, naming the pod and the address', () => {
    const findings = lintFor(ID, world, [withBlock('10.244.0.0/16')]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', path: 'spec.ingress[0].from[0].ipBlock' });
    expect(findings[0]?.message).toContain('prod/db no IP');
    expect(findings[0]?.message).toContain('10.244.7.9, which the lab chose');
  });

  it('warns when only an except range decides, even under a /0 block', () => {
    expect(lintFor(ID, world, [withBlock('0.0.0.0/0', ['10.244.7.0/24'])])).toHaveLength(1);
  });

  it('stays quiet for written IPs, blocks that miss, and /0 blocks without a deciding except', () => {
    expect(lintFor(ID, world, [withBlock('10.244.1.0/24')])).toEqual([]);
    expect(lintFor(ID, world, [withBlock('192.0.2.0/24')])).toEqual([]);
    expect(lintFor(ID, world, [withBlock('0.0.0.0/0')])).toEqual([]);
  });

  it('fires on pods the manifest reader gave an address', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: db, namespace: prod, labels: {app: db}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: prod}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
    - from:
        - ipBlock: {cidr: 10.244.0.0/16}
`;
    const parsed = parseManifests(text);
    expect(parsed.cluster.pods[0]?.ipAssigned).toBe(true);
    const ids = lintPolicies(parsed.cluster, parsed.policies).map((finding) => finding.id);
    expect(ids).toContain(ID);
  });
});
