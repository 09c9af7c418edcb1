import { describe, it, expect } from 'vitest';
import {
  compileCidr,
  compileModel,
  labelsOfNamespace,
  parseAddressBytes,
  selectingPolicies,
} from './compile.ts';
import { cidrHolds } from './match.ts';
import type { Cluster, NetworkPolicy, Pod } from './types.ts';

const db: Pod = { namespace: 'prod', name: 'db', labels: { role: 'db' }, ips: ['10.0.0.2'], ports: [] };
const web: Pod = { namespace: 'prod', name: 'web', labels: { role: 'web' }, ips: ['10.0.0.1'], ports: [] };
const cluster: Cluster = {
  namespaces: [{ name: 'prod', labels: { team: 'shop' } }],
  pods: [web, db],
  externals: [{ name: 'dns', ip: '8.8.8.8' }],
};

function policy(
  namespace: string,
  name: string,
  role: string | undefined,
  types: ('Ingress' | 'Egress')[],
): NetworkPolicy {
  return {
    namespace,
    name,
    podSelector: { matchLabels: role === undefined ? {} : { role }, matchExpressions: [] },
    policyTypes: types,
    policyTypesExplicit: true,
    ingress: [{ peers: [{ podSelector: { matchLabels: { role: 'web' }, matchExpressions: [] } }] }],
    egress: [{ peers: [{ podSelector: { matchLabels: { role: 'web' }, matchExpressions: [] } }] }],
  };
}

describe('compileModel', () => {
  const policies = [
    policy('prod', 'zeta', 'db', ['Ingress']),
    policy('dev', 'alpha', undefined, ['Ingress', 'Egress']),
    policy('prod', 'alpha', undefined, ['Egress']),
  ];
  const model = compileModel(cluster, policies);

  it('sorts policies by namespace, then name', () => {
    expect(model.policies.map((compiled) => `${compiled.ref.namespace}/${compiled.ref.name}`)).toEqual([
      'dev/alpha',
      'prod/alpha',
      'prod/zeta',
    ]);
    expect(model.policies.map((compiled) => compiled.order)).toEqual([0, 1, 2]);
  });

  it('pre-evaluates selection per direction, only in the policy namespace', () => {
    expect(selectingPolicies(model, db, 'Ingress').map((compiled) => compiled.ref.name)).toEqual(['zeta']);
    expect(selectingPolicies(model, db, 'Egress').map((compiled) => compiled.ref.name)).toEqual(['alpha']);
    expect(selectingPolicies(model, web, 'Ingress')).toEqual([]);
  });

  it('drops the rules of directions outside policyTypes and shares ids between identical peers', () => {
    const zeta = model.policies[2];
    expect(zeta?.egress).toEqual([]);
    const ids = model.policies.flatMap((compiled) =>
      [...compiled.ingress, ...compiled.egress].flatMap((rule) => (rule.peers ?? []).map((peer) => peer.id)),
    );
    // The same podSelector in dev and in prod selects different pods, so two ids, not one.
    expect(new Set(ids).size).toBe(2);
    expect(model.peerCount).toBe(2);
  });

  it('adds the automatic name label to namespaces, declared or not', () => {
    expect(labelsOfNamespace(model, 'prod')).toEqual({ team: 'shop', 'kubernetes.io/metadata.name': 'prod' });
    expect(labelsOfNamespace(model, 'ghost')).toEqual({ 'kubernetes.io/metadata.name': 'ghost' });
  });

  it('lists endpoints as sorted pods then externals', () => {
    expect(
      model.endpoints.map((endpoint) => (endpoint.kind === 'pod' ? endpoint.pod.name : endpoint.name)),
    ).toEqual(['db', 'web', 'dns']);
  });
});

describe('address helpers', () => {
  it('parses addresses and CIDRs to bytes and tests containment per family', () => {
    const block = compileCidr('10.1.0.0/16');
    expect(cidrHolds(block, parseAddressBytes('10.1.200.3') as Uint8Array)).toBe(true);
    expect(cidrHolds(block, parseAddressBytes('10.2.0.1') as Uint8Array)).toBe(false);
    expect(cidrHolds(compileCidr('::/0'), parseAddressBytes('10.1.0.1') as Uint8Array)).toBe(false);
    expect(cidrHolds(compileCidr('fd00::/120'), parseAddressBytes('fd00::ff') as Uint8Array)).toBe(true);
    expect(cidrHolds(compileCidr('fd00::/121'), parseAddressBytes('fd00::ff') as Uint8Array)).toBe(false);
    expect(parseAddressBytes('::ffff:10.0.0.1')).toEqual(Uint8Array.from([10, 0, 0, 1]));
    expect(parseAddressBytes('not-an-ip')).toBeUndefined();
    expect(cidrHolds(compileCidr('garbage'), Uint8Array.from([1, 2, 3, 4]))).toBe(false);
  });
});
