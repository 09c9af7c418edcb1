import { describe, it, expect } from 'vitest';
import { compileModel } from './compile.ts';
import { computeMatrix, isAllowed } from './matrix.ts';
import { describeEndpoint } from './explain.ts';
import type { Cluster, NetworkPolicy, Pod, PortProtocol } from './types.ts';

function pod(namespace: string, name: string, role: string, ip: string, httpPort?: number): Pod {
  return {
    namespace,
    name,
    labels: { role },
    ips: [ip],
    ports: httpPort === undefined ? [] : [{ name: 'http', port: httpPort, protocol: 'TCP' }],
  };
}

// Declared out of order on purpose: the matrix sorts pods by namespace, then name.
const cluster: Cluster = {
  namespaces: [],
  pods: [
    pod('prod', 'web-b', 'web', '10.0.0.3', 8080),
    pod('dev', 'tool', 'tool', '10.0.9.1'),
    pod('prod', 'web-a', 'web', '10.0.0.2', 80),
    pod('prod', 'client', 'client', '10.0.0.1'),
  ],
  externals: [{ name: 'backup', ip: '192.168.99.10' }],
};
const ports: PortProtocol[] = [
  { port: 80, protocol: 'TCP' },
  { port: 8080, protocol: 'TCP' },
];
const httpOnly: NetworkPolicy = {
  namespace: 'prod',
  name: 'web-http',
  podSelector: { matchLabels: { role: 'web' }, matchExpressions: [] },
  policyTypes: ['Ingress'],
  policyTypesExplicit: false,
  ingress: [
    {
      peers: [{ podSelector: { matchLabels: { role: 'client' }, matchExpressions: [] } }],
      ports: [{ protocol: 'TCP', port: 'http' }],
    },
  ],
  egress: [],
};

describe('computeMatrix', () => {
  const matrix = computeMatrix(compileModel(cluster, [httpOnly]), ports);
  const index = (label: string): number =>
    matrix.endpoints.findIndex((endpoint) => describeEndpoint(endpoint).startsWith(label));

  it('orders endpoints as sorted pods, then externals', () => {
    expect(matrix.endpoints.map(describeEndpoint)).toEqual([
      'dev/tool',
      'prod/client',
      'prod/web-a',
      'prod/web-b',
      '192.168.99.10 (backup)',
    ]);
    expect(matrix.ports).toEqual(ports);
    expect(matrix.cells.map((cells) => cells.length)).toEqual([25, 25]);
  });

  it('resolves the named port per destination, so look-alike pods differ', () => {
    const client = index('prod/client');
    expect(isAllowed(matrix, 0, client, index('prod/web-a'))).toBe(true);
    expect(isAllowed(matrix, 0, client, index('prod/web-b'))).toBe(false);
    expect(isAllowed(matrix, 1, client, index('prod/web-a'))).toBe(false);
    expect(isAllowed(matrix, 1, client, index('prod/web-b'))).toBe(true);
    expect(isAllowed(matrix, 0, index('dev/tool'), index('prod/web-a'))).toBe(false);
    expect(isAllowed(matrix, 0, index('192.168.99.10'), index('prod/web-a'))).toBe(false);
    expect(isAllowed(matrix, 0, index('prod/web-a'), index('192.168.99.10'))).toBe(true);
  });

  it('always allows a pod to itself, even when isolated', () => {
    for (let portIndex = 0; portIndex < ports.length; portIndex++) {
      for (let endpoint = 0; endpoint < matrix.endpoints.length; endpoint++) {
        expect(isAllowed(matrix, portIndex, endpoint, endpoint)).toBe(true);
      }
    }
    // web-a and web-b share a class, but their own diagonal cells do not leak to each other.
    expect(isAllowed(matrix, 0, index('prod/web-b'), index('prod/web-a'))).toBe(false);
  });

  it('puts endpoints no policy tells apart in one class, and others in their own', () => {
    const twins = computeMatrix(
      compileModel(
        {
          ...cluster,
          pods: [...cluster.pods, pod('prod', 'client-2', 'client', '10.0.0.4')],
          externals: [...cluster.externals, { name: 'internet', ip: '203.0.113.9' }],
        },
        [httpOnly],
      ),
      ports,
    );
    const classOf = (label: string): number | undefined =>
      twins.classOf[twins.endpoints.findIndex((endpoint) => describeEndpoint(endpoint).startsWith(label))];
    expect(twins.classOf).toHaveLength(twins.endpoints.length);
    expect(classOf('prod/client-2')).toBe(classOf('prod/client'));
    expect(classOf('192.168.99.10')).toBe(classOf('203.0.113.9'));
    // Their named port tells web-a and web-b apart; the policy tells client from tool.
    expect(classOf('prod/web-a')).not.toBe(classOf('prod/web-b'));
    expect(classOf('prod/client')).not.toBe(classOf('dev/tool'));
    expect(classOf('prod/web-a')).not.toBe(classOf('192.168.99.10'));
  });

  it('answers false outside the matrix', () => {
    expect(isAllowed(matrix, 5, 0, 0)).toBe(false);
    expect(isAllowed(matrix, 0, 99, 0)).toBe(false);
  });

  it('handles a cluster with nothing in it and no ports', () => {
    const empty = computeMatrix(compileModel({ namespaces: [], pods: [], externals: [] }, [httpOnly]), ports);
    expect(empty.endpoints).toEqual([]);
    expect(empty.cells.map((cells) => cells.length)).toEqual([0, 0]);
    expect(computeMatrix(compileModel(cluster, []), []).cells).toEqual([]);
  });
});
