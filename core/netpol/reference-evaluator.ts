/**
 * A deliberately plain evaluator, written line by line from the semantics note and sharing nothing
 * with the compiled engine except label selector matching and the IP helpers. It is slow on purpose
 * (it re-reads everything for every connection) and exists to check the fast engine against.
 */
import { cidrContains } from './ip.ts';
import { selectorMatches } from './selector.ts';
import { NAMESPACE_NAME_LABEL } from './types.ts';
import type {
  Cluster,
  Connection,
  Direction,
  Endpoint,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Pod,
} from './types.ts';

/** Every namespace carries its name label, declared or not. */
function namespaceLabels(cluster: Cluster, namespace: string): Labels {
  const found = cluster.namespaces.find((candidate) => candidate.name === namespace);
  return { ...(found?.labels ?? {}), [NAMESPACE_NAME_LABEL]: namespace };
}

/** A peer item: ipBlock, or podSelector and/or namespaceSelector (ANDed when both are present). */
function peerMatches(
  cluster: Cluster,
  peer: NetworkPolicyPeer,
  policyNamespace: string,
  other: Endpoint,
): boolean {
  if (peer.ipBlock !== undefined) {
    const block = peer.ipBlock;
    const addresses = other.kind === 'pod' ? other.pod.ips : [other.ip];
    return addresses.some(
      (address) =>
        cidrContains(block.cidr, address) && !block.except.some((except) => cidrContains(except, address)),
    );
  }
  if (other.kind !== 'pod') return false;
  const pod = other.pod;
  let namespaceOk: boolean;
  if (peer.namespaceSelector === undefined) namespaceOk = pod.namespace === policyNamespace;
  else namespaceOk = selectorMatches(peer.namespaceSelector, namespaceLabels(cluster, pod.namespace));
  const podOk = peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels);
  return namespaceOk && podOk;
}

/** A port entry; a named port resolves against the destination pod only. */
function portMatches(entry: NetworkPolicyPort, connection: Connection): boolean {
  if (entry.protocol !== connection.protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') {
    const last = entry.endPort ?? entry.port;
    return connection.port >= entry.port && connection.port <= last;
  }
  const destination = connection.to;
  if (destination.kind !== 'pod') return false;
  return destination.pod.ports.some(
    (container) =>
      container.name === entry.port &&
      container.protocol === entry.protocol &&
      container.port === connection.port,
  );
}

function ruleMatches(
  cluster: Cluster,
  rule: NetworkPolicyRule,
  policyNamespace: string,
  other: Endpoint,
  connection: Connection,
): boolean {
  const peers = rule.peers ?? [];
  const ports = rule.ports ?? [];
  const peerOk =
    peers.length === 0 || peers.some((peer) => peerMatches(cluster, peer, policyNamespace, other));
  const portOk = ports.length === 0 || ports.some((entry) => portMatches(entry, connection));
  return peerOk && portOk;
}

/** Whether one side allows: egress at the source, ingress at the destination. */
function sideAllows(
  cluster: Cluster,
  policies: readonly NetworkPolicy[],
  subject: Endpoint,
  other: Endpoint,
  direction: Direction,
  connection: Connection,
): boolean {
  if (subject.kind !== 'pod') return true;
  const pod: Pod = subject.pod;
  const selecting = policies.filter(
    (policy) =>
      policy.namespace === pod.namespace &&
      policy.policyTypes.includes(direction) &&
      selectorMatches(policy.podSelector, pod.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) => {
    const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
    return rules.some((rule) => ruleMatches(cluster, rule, policy.namespace, other, connection));
  });
}

/**
 * The simple answer for one connection: a pod talking to itself is allowed; otherwise the source's
 * egress and the destination's ingress must both allow it.
 */
export function referenceAllowed(
  cluster: Cluster,
  policies: readonly NetworkPolicy[],
  connection: Connection,
): boolean {
  const { from, to } = connection;
  if (
    from.kind === 'pod' &&
    to.kind === 'pod' &&
    from.pod.namespace === to.pod.namespace &&
    from.pod.name === to.pod.name
  ) {
    return true;
  }
  return (
    sideAllows(cluster, policies, from, to, 'Egress', connection) &&
    sideAllows(cluster, policies, to, from, 'Ingress', connection)
  );
}
