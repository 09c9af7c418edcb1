/**
 * Whether one rule lets traffic through to a given destination on a given port: the small part of
 * the evaluator the lint rules need (named ports resolve on the destination pod, as upstream).
 */
import type { NetworkPolicy, NetworkPolicyPort, NetworkPolicyRule, Pod, Protocol } from '../types.ts';
import { namedPortsOf, portEntryMatches } from '../match.ts';
import type { LintContext } from './lint-context.ts';

/**
 * True when a port entry admits `port`/`protocol` at the destination pod. With no destination pod
 * (an unknown one), a named port counts when any pod of the cluster defines it with that number.
 */
export function portEntryAllows(
  context: LintContext,
  entry: NetworkPolicyPort,
  port: number,
  protocol: Protocol,
  destination: Pod | undefined,
): boolean {
  const candidates = destination === undefined ? context.cluster.pods : [destination];
  return portEntryMatches(entry, port, protocol, namedPortsOf(candidates));
}

/** True when the rule's `ports` admit the port (absent or empty `ports` admit everything). */
export function rulePortsAllow(
  context: LintContext,
  rule: NetworkPolicyRule,
  port: number,
  protocol: Protocol,
  destination: Pod | undefined,
): boolean {
  if (rule.ports === undefined || rule.ports.length === 0) return true;
  return rule.ports.some((entry) => portEntryAllows(context, entry, port, protocol, destination));
}

/** True when some peer of the rule matches the pod (absent or empty `from`/`to` match everything). */
export function rulePeersMatch(
  context: LintContext,
  policy: NetworkPolicy,
  rule: NetworkPolicyRule,
  pod: Pod,
): boolean {
  if (rule.peers === undefined || rule.peers.length === 0) return true;
  return rule.peers.some((peer) => context.peerPods(policy, peer).includes(pod));
}
