/**
 * Fixed facts of the simulated cluster: its nodes, versions and names, and the default image of
 * pods an exercise declares without one. Chosen to look like a small exam cluster.
 */

export interface NodeFact {
  readonly name: string;
  readonly ip: string;
  readonly roles: string;
}

/** A control plane and one worker, as on a small CKA/CKAD practice cluster. */
export const NODES: readonly NodeFact[] = [
  { name: 'controlplane', ip: '172.30.1.2', roles: 'control-plane' },
  { name: 'node01', ip: '172.30.2.2', roles: '<none>' },
];

/** The node that system pods (kube-system) run on; every other pod runs on the worker. */
export function nodeFor(namespace: string): NodeFact {
  return (namespace === 'kube-system' ? NODES[0] : NODES[1]) as NodeFact;
}

export const SERVER_VERSION = 'v1.31.4';
export const CLIENT_VERSION = 'v1.31.4';
export const KUSTOMIZE_VERSION = 'v5.4.2';
export const CONTEXT_NAME = 'kubernetes-admin@kubernetes';
export const CLUSTER_NAME = 'kubernetes';
export const USER_NAME = 'kubernetes-admin';
export const API_SERVER_URL = 'https://172.30.1.2:6443';
/** The cluster DNS domain in names like `db.prod.svc.cluster.local`. */
export const CLUSTER_DOMAIN = 'cluster.local';

/** Namespaces every cluster has, added when the exercise does not declare them. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** The label kube-dns (CoreDNS) pods carry, by which DNS finds them. */
export const KUBE_DNS_LABEL = { key: 'k8s-app', value: 'kube-dns' } as const;

/** The image shown for a pod the exercise declared without one. */
export function defaultImage(labels: Readonly<Record<string, string>>): string {
  return labels[KUBE_DNS_LABEL.key] === KUBE_DNS_LABEL.value
    ? 'registry.k8s.io/coredns/coredns:v1.11.3'
    : 'nginx:1.27';
}
