/**
 * A small cluster and helpers for the kubectl tests: namespaces prod and dev, a web/api/db app in
 * prod with a Service in front of db (named target port), CoreDNS in kube-system, and a shell
 * whose files the tests hand in.
 */
import type { Cluster } from '../netpol/types.ts';
import { createClusterState } from './state/create-state.ts';
import { runKubectl } from './run-kubectl.ts';
import type { ClusterState, KubectlResult } from './types.ts';

/** 2026-05-01 10:00:00 UTC: when the test cluster was created. */
export const START = Date.UTC(2026, 4, 1, 10, 0, 0);
/** Five minutes and three seconds later: AGE reads `5m3s`. */
export const LATER = START + 5 * 60_000 + 3_000;

export const TEST_CLUSTER: Cluster = {
  namespaces: [
    { name: 'prod', labels: { env: 'prod', 'kubernetes.io/metadata.name': 'prod' } },
    { name: 'dev', labels: { env: 'dev', 'kubernetes.io/metadata.name': 'dev' } },
    { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } },
  ],
  pods: [
    {
      namespace: 'prod',
      name: 'web',
      labels: { app: 'web', tier: 'frontend' },
      ips: ['10.1.0.10'],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
    {
      namespace: 'prod',
      name: 'api',
      labels: { app: 'api' },
      ips: ['10.1.0.11'],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    },
    {
      namespace: 'prod',
      name: 'db',
      labels: { app: 'db' },
      ips: ['10.1.0.12'],
      ports: [{ name: 'mysql', port: 3306, protocol: 'TCP' }],
    },
    { namespace: 'dev', name: 'tool', labels: { app: 'tool' }, ips: ['10.2.0.5'], ports: [] },
    {
      namespace: 'kube-system',
      name: 'coredns',
      labels: { 'k8s-app': 'kube-dns' },
      ips: ['10.0.0.53'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      ],
    },
  ],
  externals: [{ name: 'backup', ip: '192.168.99.10' }],
  services: [
    {
      namespace: 'prod',
      name: 'db',
      labels: { app: 'db' },
      selector: { app: 'db' },
      ports: [{ name: 'sql', port: 3306, protocol: 'TCP', targetPort: 'mysql' }],
      clusterIP: '10.96.1.12',
    },
    {
      namespace: 'prod',
      name: 'api',
      labels: {},
      selector: { app: 'api' },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }],
      clusterIP: '10.96.1.11',
    },
  ],
};

/** A fresh state of the test cluster. */
export function testState(cluster: Cluster = TEST_CLUSTER): ClusterState {
  return createClusterState({ cluster }, { now: START });
}

/** Runs one command line (split at spaces) with the given files, at {@link LATER}. */
export function kubectl(
  state: ClusterState,
  line: string | readonly string[],
  files: Readonly<Record<string, string>> = {},
  stdin?: string,
): KubectlResult {
  const args = typeof line === 'string' ? line.split(' ').filter((word) => word !== '') : line;
  return runKubectl(state, args, {
    now: LATER,
    readFile: (path) => files[path],
    ...(stdin === undefined ? {} : { stdin }),
  });
}

/** Runs several command lines in turn and returns the last result. */
export function session(
  state: ClusterState,
  lines: readonly string[],
  files: Readonly<Record<string, string>> = {},
): KubectlResult {
  let result: KubectlResult | undefined;
  let current = state;
  for (const line of lines) {
    result = kubectl(current, line, files);
    current = result.state;
  }
  return result as KubectlResult;
}

export const DENY_ALL_PROD = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: prod
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

export const ALLOW_DNS_PROD = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-dns
  namespace: prod
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels: { kubernetes.io/metadata.name: kube-system }
          podSelector:
            matchLabels: { k8s-app: kube-dns }
      ports:
        - { protocol: UDP, port: 53 }
        - { protocol: TCP, port: 53 }
`;
