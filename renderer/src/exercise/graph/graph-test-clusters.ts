/** Clusters of any size for the graph's tests: replicas of a few apps in each of several namespaces. */
import {
  compileModel,
  computeMatrix,
  parseManifests,
  type Cluster,
  type Matrix,
  type Pod,
  type PortProtocol,
} from '../../../../core/netpol/index.ts';

export interface TestClusterShape {
  readonly namespaces: number;
  readonly apps: readonly string[];
  readonly replicas: number;
  readonly externals?: number;
}

/** `ns-0/web-0`, `ns-0/web-1`, … with `app` labels, and `outside-N` addresses. */
export function testCluster(shape: TestClusterShape): Cluster {
  const pods: Pod[] = [];
  let address = 1;
  for (let namespace = 0; namespace < shape.namespaces; namespace++) {
    for (const app of shape.apps) {
      for (let replica = 0; replica < shape.replicas; replica++) {
        pods.push({
          namespace: `ns-${namespace}`,
          name: `${app}-${replica}`,
          labels: { app },
          ips: [`10.${namespace}.${Math.floor(address / 250)}.${(address % 250) + 1}`],
          ports: [],
        });
        address++;
      }
    }
  }
  const namespaces = Array.from({ length: shape.namespaces }, (_, index) => ({
    name: `ns-${index}`,
    labels: { 'kubernetes.io/metadata.name': `ns-${index}` },
  }));
  const externals = Array.from({ length: shape.externals ?? 0 }, (_, index) => ({
    name: `outside-${index}`,
    ip: `203.0.113.${index + 1}`,
  }));
  return { namespaces, pods, externals };
}

/** The engine's matrix of `cluster` under the policies in `yaml`. */
export function testMatrix(cluster: Cluster, yaml: string, ports: readonly PortProtocol[]): Matrix {
  const parsed = parseManifests([{ text: yaml, source: 'test' }]);
  if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    throw new Error(JSON.stringify(parsed.diagnostics));
  }
  return computeMatrix(compileModel(cluster, parsed.policies), ports);
}

/** Lets only `app=api` pods reach `app=db` pods in every listed namespace. */
export function dbFromApiOnly(namespaces: number): string {
  return Array.from(
    { length: namespaces },
    (_, index) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: ns-${index} }
spec:
  podSelector: { matchLabels: { app: db } }
  policyTypes: [Ingress]
  ingress:
    - from: [{ podSelector: { matchLabels: { app: api } } }]
`,
  ).join('---\n');
}
