/**
 * Compiles a cluster and its policies once, so that every later question (one connection, or a
 * whole matrix) reuses the same work: policies sorted and indexed by namespace, pod selection
 * pre-evaluated per direction, CIDRs and addresses parsed to bytes, and every peer given a stable
 * id shared by identical peers across policies.
 */
import ipaddr from 'ipaddr.js';
import { canonicalIp, isValidIp, parseCidr } from './ip.ts';
import { policySelects } from './match.ts';
import type { CompiledCidr, CompiledIpBlock } from './match.ts';
import { NAMESPACE_NAME_LABEL } from './types.ts';
import type {
  Cluster,
  Direction,
  Endpoint,
  IPBlock,
  LabelSelector,
  Labels,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Pod,
  PolicyRef,
} from './types.ts';

/** One peer of a rule. `id` is shared by every identical peer in the model (used by the matrix). */
export interface CompiledPeer {
  readonly id: number;
  readonly peerIndex: number;
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: CompiledIpBlock;
}

/** One rule. `peers`/`ports` are `undefined` when the list was absent or empty: both mean "every". */
export interface CompiledRule {
  readonly ruleIndex: number;
  readonly peers: readonly CompiledPeer[] | undefined;
  readonly ports: readonly NetworkPolicyPort[] | undefined;
}

/** One policy, with the rules of only the directions its effective policyTypes include. */
export interface CompiledPolicy {
  /** Position in the sorted policy list (namespace, then name). */
  readonly order: number;
  readonly ref: PolicyRef;
  readonly namespace: string;
  readonly podSelector: LabelSelector;
  readonly isolatesIngress: boolean;
  readonly isolatesEgress: boolean;
  readonly ingress: readonly CompiledRule[];
  readonly egress: readonly CompiledRule[];
}

/** The policies that select one pod, per direction, in policy order. */
export interface PodSelection {
  readonly ingress: readonly CompiledPolicy[];
  readonly egress: readonly CompiledPolicy[];
}

/**
 * Everything the evaluator and the matrix need, computed once. Treat it as opaque outside the engine:
 * its fields may change between versions.
 */
export interface CompiledModel {
  readonly cluster: Cluster;
  /** Sorted by namespace, then name. */
  readonly policies: readonly CompiledPolicy[];
  readonly policiesByNamespace: ReadonlyMap<string, readonly CompiledPolicy[]>;
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  /** Pods sorted by namespace, then name. */
  readonly pods: readonly Pod[];
  /** The matrix order: sorted pods, then externals in cluster order. */
  readonly endpoints: readonly Endpoint[];
  /** Pre-evaluated selection of each cluster pod (by object identity). */
  readonly selections: ReadonlyMap<Pod, PodSelection>;
  /** Parsed addresses of every pod and external (canonical text → bytes). */
  readonly addresses: ReadonlyMap<string, Uint8Array | undefined>;
  /** How many distinct peers the model has (ids run 0 … peerCount-1). */
  readonly peerCount: number;
}

/** Code-unit order, the order the matrix and every listing promise. */
export function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Parses an address to its bytes (IPv4-mapped IPv6 becomes IPv4, as ip.ts does). */
export function parseAddressBytes(text: string): Uint8Array | undefined {
  if (!isValidIp(text)) return undefined;
  return Uint8Array.from(ipaddr.parse(canonicalIp(text)).toByteArray());
}

/** Parses an ipBlock's CIDR and excepts to bytes, once. */
export function compileIpBlock(block: IPBlock): CompiledIpBlock {
  return { cidr: compileCidr(block.cidr), except: block.except.map(compileCidr) };
}

/** Parses a CIDR to its network bytes; mapped IPv6 networks stay IPv6, as in ip.ts. */
export function compileCidr(text: string): CompiledCidr {
  const parsed = parseCidr(text);
  if (parsed === undefined) return { text, bytes: undefined, prefixLength: 0 };
  const address =
    parsed.family === 'ipv4' ? ipaddr.IPv4.parse(parsed.network) : ipaddr.IPv6.parse(parsed.network);
  return { text, bytes: Uint8Array.from(address.toByteArray()), prefixLength: parsed.prefixLength };
}

/** The labels of a namespace; one nobody declared still carries its automatic name label. */
export function labelsOfNamespace(model: CompiledModel, namespace: string): Labels {
  return model.namespaceLabels.get(namespace) ?? { [NAMESPACE_NAME_LABEL]: namespace };
}

/** The bytes of an address, from the model's cache when it is a known one. */
export function addressOf(model: CompiledModel, text: string): Uint8Array | undefined {
  return model.addresses.has(text) ? model.addresses.get(text) : parseAddressBytes(text);
}

/** The policies selecting a pod for a direction, pre-evaluated for cluster pods. */
export function selectingPolicies(
  model: CompiledModel,
  pod: Pod,
  direction: Direction,
): readonly CompiledPolicy[] {
  const selection = model.selections.get(pod) ?? selectionOf(model.policiesByNamespace, pod);
  return direction === 'Ingress' ? selection.ingress : selection.egress;
}

function selectionOf(byNamespace: ReadonlyMap<string, readonly CompiledPolicy[]>, pod: Pod): PodSelection {
  const ingress: CompiledPolicy[] = [];
  const egress: CompiledPolicy[] = [];
  for (const policy of byNamespace.get(pod.namespace) ?? []) {
    if (!policySelects(policy.namespace, policy.podSelector, pod)) continue;
    if (policy.isolatesIngress) ingress.push(policy);
    if (policy.isolatesEgress) egress.push(policy);
  }
  return { ingress, egress };
}

/** A text key equal for selectors that match the same objects by construction (order-insensitive). */
export function selectorKey(selector: LabelSelector): string {
  const labels = Object.entries(selector.matchLabels).sort((left, right) => compareText(left[0], right[0]));
  const expressions = selector.matchExpressions
    .map((requirement) => [requirement.key, requirement.operator, [...requirement.values].sort()])
    .sort((left, right) => compareText(JSON.stringify(left), JSON.stringify(right)));
  return JSON.stringify([labels, expressions]);
}

function ipBlockKey(block: IPBlock): string {
  return `${block.cidr}|${[...block.except].sort().join(',')}`;
}

/** Peers that behave identically share an id (a podSelector alone depends on its policy's namespace). */
function peerKey(peer: NetworkPolicyPeer, namespace: string): string {
  if (peer.ipBlock !== undefined) return `ip:${ipBlockKey(peer.ipBlock)}`;
  const pods = peer.podSelector === undefined ? '' : selectorKey(peer.podSelector);
  if (peer.namespaceSelector === undefined) return `pod:${namespace}:${pods}`;
  return `ns:${selectorKey(peer.namespaceSelector)}:${pods}`;
}

class PeerInterner {
  readonly ids = new Map<string, number>();

  compile(peer: NetworkPolicyPeer, peerIndex: number, namespace: string): CompiledPeer {
    const key = peerKey(peer, namespace);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return {
      id,
      peerIndex,
      ...(peer.podSelector === undefined ? {} : { podSelector: peer.podSelector }),
      ...(peer.namespaceSelector === undefined ? {} : { namespaceSelector: peer.namespaceSelector }),
      ...(peer.ipBlock === undefined
        ? {}
        : {
            ipBlock: compileIpBlock(peer.ipBlock),
          }),
    };
  }
}

function compileRules(
  rules: readonly NetworkPolicyRule[],
  namespace: string,
  peers: PeerInterner,
): CompiledRule[] {
  return rules.map((rule, ruleIndex) => ({
    ruleIndex,
    peers:
      rule.peers === undefined || rule.peers.length === 0
        ? undefined
        : rule.peers.map((peer, peerIndex) => peers.compile(peer, peerIndex, namespace)),
    ports: rule.ports === undefined || rule.ports.length === 0 ? undefined : rule.ports,
  }));
}

/**
 * Compiles a cluster and its (validated, normalised) policies for evaluation. Pure: the inputs are
 * not changed and are referenced, not copied.
 */
export function compileModel(cluster: Cluster, policies: readonly NetworkPolicy[]): CompiledModel {
  const peers = new PeerInterner();
  const sorted = [...policies].sort(
    (left, right) => compareText(left.namespace, right.namespace) || compareText(left.name, right.name),
  );
  const compiled: CompiledPolicy[] = sorted.map((policy, order) => {
    const isolatesIngress = policy.policyTypes.includes('Ingress');
    const isolatesEgress = policy.policyTypes.includes('Egress');
    return {
      order,
      ref: { namespace: policy.namespace, name: policy.name },
      namespace: policy.namespace,
      podSelector: policy.podSelector,
      isolatesIngress,
      isolatesEgress,
      // Rules of a direction outside policyTypes are ignored, so they are not compiled at all.
      ingress: isolatesIngress ? compileRules(policy.ingress, policy.namespace, peers) : [],
      egress: isolatesEgress ? compileRules(policy.egress, policy.namespace, peers) : [],
    };
  });
  const policiesByNamespace = new Map<string, CompiledPolicy[]>();
  for (const policy of compiled) {
    const list = policiesByNamespace.get(policy.namespace);
    if (list === undefined) policiesByNamespace.set(policy.namespace, [policy]);
    else list.push(policy);
  }
  const namespaceLabels = new Map<string, Labels>();
  for (const namespace of cluster.namespaces) {
    // The automatic name label is always there, even if a fixture forgot it.
    namespaceLabels.set(namespace.name, { ...namespace.labels, [NAMESPACE_NAME_LABEL]: namespace.name });
  }
  const pods = [...cluster.pods].sort(
    (left, right) => compareText(left.namespace, right.namespace) || compareText(left.name, right.name),
  );
  const selections = new Map<Pod, PodSelection>();
  const addresses = new Map<string, Uint8Array | undefined>();
  for (const pod of pods) {
    selections.set(pod, selectionOf(policiesByNamespace, pod));
    for (const ip of pod.ips) addresses.set(ip, parseAddressBytes(ip));
  }
  for (const external of cluster.externals) addresses.set(external.ip, parseAddressBytes(external.ip));
  const endpoints: Endpoint[] = [
    ...pods.map((pod): Endpoint => ({ kind: 'pod', pod })),
    ...cluster.externals.map((external): Endpoint => ({ kind: 'ip', ip: external.ip, name: external.name })),
  ];
  return {
    cluster,
    policies: compiled,
    policiesByNamespace,
    namespaceLabels,
    pods,
    endpoints,
    selections,
    addresses,
    peerCount: peers.ids.size,
  };
}
