/**
 * The matching rules of NetworkPolicy, written once: which pods a policy selects, which pods a
 * selector peer matches, which addresses an ipBlock holds, and which ports a port entry admits. The evaluator, the matrix, lint and
 * grading all decide with these; they differ only in how they look up what they pass in (a
 * namespace's labels, a destination's named ports) and in what they explain. The reference
 * evaluator keeps its own plain version on purpose, so the differential tests compare two.
 */
import { selectorMatches } from './selector.ts';
import type { LabelSelector, Labels, NetworkPolicyPort, Pod, Protocol } from './types.ts';

/** A CIDR parsed to the bytes of its network (4 for IPv4, 16 for IPv6); `undefined` bytes if invalid. */
export interface CompiledCidr {
  readonly text: string;
  readonly bytes: Uint8Array | undefined;
  readonly prefixLength: number;
}

/** An ipBlock with its CIDRs parsed. */
export interface CompiledIpBlock {
  readonly cidr: CompiledCidr;
  readonly except: readonly CompiledCidr[];
}

/** True when the address bytes lie inside the CIDR; families never mix. */
export function cidrHolds(cidr: CompiledCidr, address: Uint8Array): boolean {
  const network = cidr.bytes;
  if (network === undefined || network.length !== address.length) return false;
  let bits = cidr.prefixLength;
  for (let index = 0; bits > 0; index++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((network[index] as number) & mask) !== ((address[index] as number) & mask)) return false;
  }
  return true;
}

/** How one address relates to an ipBlock. */
export type IpBlockFit =
  { readonly inside: true } | { readonly inside: false; readonly except?: CompiledCidr };

/** Whether an address is inside the block's CIDR and outside every except (and which except). */
export function ipBlockFit(block: CompiledIpBlock, address: Uint8Array): IpBlockFit {
  if (!cidrHolds(block.cidr, address)) return { inside: false };
  for (const except of block.except) {
    if (cidrHolds(except, address)) return { inside: false, except };
  }
  return { inside: true };
}

/** What the selector part of a peer holds (a peer with an ipBlock is matched by address instead). */
export interface SelectorPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
}

/** The pod as the selectors see it: its namespace and labels. */
export interface SelectedPod {
  readonly namespace: string;
  readonly labels: Labels;
}

/** Whether a policy in `policyNamespace` with `podSelector` selects the pod: same namespace only. */
export function policySelects(
  policyNamespace: string,
  podSelector: LabelSelector,
  pod: SelectedPod,
): boolean {
  return pod.namespace === policyNamespace && selectorMatches(podSelector, pod.labels);
}

/**
 * Whether a selector peer of a rule in `policyNamespace` matches the pod. Without a
 * namespaceSelector only pods of the policy's own namespace can match; with one, the pod's namespace
 * labels (`namespaceLabels`) must match it. A podSelector, when present, must match the pod's labels:
 * both selectors of one peer must hold (AND).
 */
export function selectorPeerMatches(
  peer: SelectorPeer,
  policyNamespace: string,
  pod: SelectedPod,
  namespaceLabels: Labels,
): boolean {
  if (peer.namespaceSelector === undefined) {
    if (pod.namespace !== policyNamespace) return false;
  } else if (!selectorMatches(peer.namespaceSelector, namespaceLabels)) return false;
  return peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels);
}

/**
 * The numbers a named port has at the destination for a protocol; `undefined` when the destination
 * is not a pod (a named port never matches an outside address).
 */
export type NamedPortNumbers = (name: string, protocol: Protocol) => readonly number[] | undefined;

/** The named-port lookup over some pods: every number any of them gives the name for the protocol. */
export function namedPortsOf(pods: readonly Pod[]): NamedPortNumbers {
  return (name, protocol) =>
    pods.flatMap((pod) =>
      pod.ports
        .filter((defined) => defined.name === name && defined.protocol === protocol)
        .map((defined) => defined.port),
    );
}

/**
 * Whether a port entry admits `port`/`protocol`: the protocol must be the entry's; no port means
 * every port of it; a number with `endPort` is an inclusive range; a name resolves on the
 * destination, for ingress and egress rules alike.
 */
export function portEntryMatches(
  entry: NetworkPolicyPort,
  port: number,
  protocol: Protocol,
  namedPort: NamedPortNumbers,
): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') return port >= entry.port && port <= (entry.endPort ?? entry.port);
  return namedPort(entry.port, entry.protocol)?.includes(port) === true;
}

/** Whether a rule's `ports` admit the port: an absent or empty list admits every port. */
export function rulePortsMatch(
  ports: readonly NetworkPolicyPort[] | undefined,
  port: number,
  protocol: Protocol,
  namedPort: NamedPortNumbers,
): boolean {
  return (
    ports === undefined ||
    ports.length === 0 ||
    ports.some((entry) => portEntryMatches(entry, port, protocol, namedPort))
  );
}
