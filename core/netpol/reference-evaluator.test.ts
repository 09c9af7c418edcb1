import { describe, it, expect } from 'vitest';
import { referenceAllowed } from './reference-evaluator.ts';
import type { Cluster, Connection, Endpoint, NetworkPolicy, Pod } from './types.ts';

const api: Pod = {
  namespace: 'prod',
  name: 'api',
  labels: { role: 'api' },
  ips: ['10.0.0.2'],
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
};
const tool: Pod = { namespace: 'dev', name: 'tool', labels: { role: 'tool' }, ips: ['10.9.0.1'], ports: [] };
const cluster: Cluster = {
  namespaces: [{ name: 'dev', labels: { env: 'dev' } }],
  pods: [api, tool],
  externals: [],
};
const at = (pod: Pod): Endpoint => ({ kind: 'pod', pod });
const connect = (from: Endpoint, to: Endpoint, port = 8080): Connection => ({
  from,
  to,
  port,
  protocol: 'TCP',
});

const fromDevOnHttp: NetworkPolicy = {
  namespace: 'prod',
  name: 'from-dev',
  podSelector: { matchLabels: {}, matchExpressions: [] },
  policyTypes: ['Ingress'],
  policyTypesExplicit: false,
  ingress: [
    {
      peers: [{ namespaceSelector: { matchLabels: { env: 'dev' }, matchExpressions: [] } }],
      ports: [{ protocol: 'TCP', port: 'http' }],
    },
  ],
  egress: [],
};

describe('referenceAllowed', () => {
  it('allows everything without policies and a pod to itself always', () => {
    expect(referenceAllowed(cluster, [], connect(at(tool), at(api)))).toBe(true);
    expect(referenceAllowed(cluster, [fromDevOnHttp], connect(at(api), at(api), 1))).toBe(true);
  });

  it('follows namespace selectors and named ports on the destination', () => {
    expect(referenceAllowed(cluster, [fromDevOnHttp], connect(at(tool), at(api)))).toBe(true);
    expect(referenceAllowed(cluster, [fromDevOnHttp], connect(at(tool), at(api), 80))).toBe(false);
    const external: Endpoint = { kind: 'ip', ip: '10.9.0.1' };
    expect(referenceAllowed(cluster, [fromDevOnHttp], connect(external, at(api)))).toBe(false);
  });

  it('matches ipBlocks against pod IPs and leaves IP endpoints unpoliced', () => {
    const denyAllButBlock: NetworkPolicy = {
      ...fromDevOnHttp,
      name: 'block',
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ peers: [{ ipBlock: { cidr: '10.9.0.0/16', except: ['10.9.0.0/24'] } }] }],
      egress: [{ peers: [{ ipBlock: { cidr: '10.9.0.0/16', except: [] } }] }],
    };
    expect(referenceAllowed(cluster, [denyAllButBlock], connect(at(tool), at(api)))).toBe(false);
    expect(
      referenceAllowed(cluster, [denyAllButBlock], connect({ kind: 'ip', ip: '10.9.1.1' }, at(api))),
    ).toBe(true);
    expect(referenceAllowed(cluster, [denyAllButBlock], connect(at(api), at(tool)))).toBe(true);
    expect(
      referenceAllowed(cluster, [denyAllButBlock], connect(at(api), { kind: 'ip', ip: '8.8.8.8' })),
    ).toBe(false);
  });
});
