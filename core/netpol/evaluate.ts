/**
 * Evaluates one connection against a compiled model and records why: for each side, the policies
 * that isolate it and every rule's outcome, with the first reason a rule did not match.
 */
import { addressOf, labelsOfNamespace, selectingPolicies } from './compile.ts';
import type { CompiledModel, CompiledPeer, CompiledRule } from './compile.ts';
import { describeEndpoint } from './explain.ts';
import { ipBlockFit, namedPortsOf, portEntryMatches, selectorPeerMatches } from './match.ts';
import type { CompiledIpBlock, NamedPortNumbers } from './match.ts';
import { explainSelectorMismatch } from './selector.ts';
import type {
  Connection,
  Direction,
  Endpoint,
  NetworkPolicyPort,
  PeerMiss,
  PolicyOutcome,
  PortMiss,
  RuleOutcome,
  SideVerdict,
  Verdict,
} from './types.ts';

/** True for a pod talking to itself (same namespace and name). */
export function isSelfConnection(connection: Connection): boolean {
  const { from, to } = connection;
  return (
    from.kind === 'pod' &&
    to.kind === 'pod' &&
    from.pod.namespace === to.pod.namespace &&
    from.pod.name === to.pod.name
  );
}

type PeerCheck = { readonly matched: true } | { readonly matched: false; readonly miss: PeerMiss };

function ipBlockMiss(
  model: CompiledModel,
  block: CompiledIpBlock,
  ips: readonly string[],
  peerIndex: number,
): PeerMiss | undefined {
  const reasons: { code: 'ip-outside-cidr' | 'ip-in-except'; message: string }[] = [];
  for (const ip of ips) {
    const address = addressOf(model, ip);
    const fit = address === undefined ? { inside: false as const } : ipBlockFit(block, address);
    if (fit.inside) return undefined;
    reasons.push(
      fit.except === undefined
        ? { code: 'ip-outside-cidr', message: `${ip} is outside ${block.cidr.text}` }
        : { code: 'ip-in-except', message: `${ip} is inside except ${fit.except.text}` },
    );
  }
  const first = reasons[0];
  if (first === undefined) return undefined;
  return { peerIndex, code: first.code, message: reasons.map((reason) => reason.message).join('; ') };
}

/** Whether `peer` (a peer of a rule in `namespace`) matches the endpoint at the other end. */
function checkPeer(model: CompiledModel, peer: CompiledPeer, namespace: string, other: Endpoint): PeerCheck {
  const { peerIndex } = peer;
  if (peer.ipBlock !== undefined) {
    if (other.kind === 'pod' && other.pod.ips.length === 0) {
      const message = `pod ${describeEndpoint(other)} has no IP, so an ipBlock cannot match it`;
      return { matched: false, miss: { peerIndex, code: 'pod-has-no-ip', message } };
    }
    const ips = other.kind === 'pod' ? other.pod.ips : [other.ip];
    const miss = ipBlockMiss(model, peer.ipBlock, ips, peerIndex);
    return miss === undefined ? { matched: true } : { matched: false, miss };
  }
  if (other.kind !== 'pod') {
    const selector = peer.namespaceSelector === undefined ? 'podSelector' : 'namespaceSelector';
    const message = `${describeEndpoint(other)} is not a pod, and a ${selector} only selects pods`;
    return { matched: false, miss: { peerIndex, code: 'not-a-pod', message } };
  }
  const pod = other.pod;
  const namespaceLabels = labelsOfNamespace(model, pod.namespace);
  if (selectorPeerMatches(peer, namespace, pod, namespaceLabels)) return { matched: true };
  // The shared matcher said no; say which selector refused the pod.
  if (peer.namespaceSelector === undefined) {
    if (pod.namespace !== namespace) {
      const message = `pod is in namespace ${pod.namespace}, a podSelector alone only selects pods in ${namespace}`;
      return { matched: false, miss: { peerIndex, code: 'other-namespace', message } };
    }
  } else {
    const why = explainSelectorMismatch(peer.namespaceSelector, namespaceLabels);
    if (why !== undefined) {
      const message = `namespace ${pod.namespace} does not match namespaceSelector: ${why}`;
      return { matched: false, miss: { peerIndex, code: 'namespace-selector', message } };
    }
  }
  if (peer.podSelector !== undefined) {
    const why = explainSelectorMismatch(peer.podSelector, pod.labels);
    if (why !== undefined) {
      return { matched: false, miss: { peerIndex, code: 'pod-selector', message: `podSelector ${why}` } };
    }
  }
  // Not reached while the explanations agree with the matcher; the matcher's answer stands.
  return {
    matched: false,
    miss: { peerIndex, code: 'pod-selector', message: 'the peer does not match the pod' },
  };
}

const NOT_A_POD: NamedPortNumbers = () => undefined;

/** The numbers of a named port at the connection's destination (none when it is not a pod). */
function destinationPorts(connection: Connection): NamedPortNumbers {
  return connection.to.kind === 'pod' ? namedPortsOf([connection.to.pod]) : NOT_A_POD;
}

/**
 * Why a port entry does not match the connection, or `undefined` when it does. The decision is the
 * shared matcher's; what follows only says why it said no.
 */
function portMiss(entry: NetworkPolicyPort, portIndex: number, connection: Connection): PortMiss | undefined {
  const named = destinationPorts(connection);
  if (portEntryMatches(entry, connection.port, connection.protocol, named)) return undefined;
  const port = connection.port;
  if (entry.protocol !== connection.protocol) {
    const message = `protocol is ${connection.protocol}, entry allows ${entry.protocol}`;
    return { portIndex, code: 'protocol', message };
  }
  if (typeof entry.port === 'number') {
    if (entry.endPort !== undefined) {
      const message = `port ${port} is outside ${entry.port}-${entry.endPort}`;
      return { portIndex, code: 'port-range', message };
    }
    return { portIndex, code: 'port-number', message: `port ${port} is not ${entry.port}` };
  }
  // A named port always resolves against the destination, for ingress and egress rules alike.
  const destination = connection.to;
  const name = entry.port ?? '';
  if (destination.kind !== 'pod') {
    const message = `destination ${describeEndpoint(destination)} is not a pod, so named port "${name}" cannot match`;
    return { portIndex, code: 'named-port-not-a-pod', message };
  }
  const numbers = named(name, entry.protocol) ?? [];
  if (numbers.length === 0) {
    const message = `destination ${describeEndpoint(destination)} has no ${entry.protocol} port named "${name}"`;
    return { portIndex, code: 'named-port-not-on-destination', message };
  }
  const message = `named port "${name}" on ${describeEndpoint(destination)} is ${numbers.join(' and ')}, not ${port}`;
  return { portIndex, code: 'named-port-other-number', message };
}

function evaluateRule(
  model: CompiledModel,
  rule: CompiledRule,
  namespace: string,
  other: Endpoint,
  connection: Connection,
): RuleOutcome {
  const { ruleIndex } = rule;
  let peerIndex: number | undefined;
  if (rule.peers !== undefined) {
    const misses: PeerMiss[] = [];
    for (const peer of rule.peers) {
      const check = checkPeer(model, peer, namespace, other);
      if (check.matched) {
        peerIndex = peer.peerIndex;
        break;
      }
      misses.push(check.miss);
    }
    if (peerIndex === undefined) return { ruleIndex, matched: false, failed: 'peer', peers: misses };
  }
  let portIndex: number | undefined;
  if (rule.ports !== undefined) {
    const misses: PortMiss[] = [];
    for (let index = 0; index < rule.ports.length; index++) {
      const miss = portMiss(rule.ports[index] as NetworkPolicyPort, index, connection);
      if (miss === undefined) {
        portIndex = index;
        break;
      }
      misses.push(miss);
    }
    if (portIndex === undefined) return { ruleIndex, matched: false, failed: 'port', ports: misses };
  }
  return {
    ruleIndex,
    matched: true,
    ...(peerIndex === undefined ? {} : { peerIndex }),
    ...(portIndex === undefined ? {} : { portIndex }),
  };
}

/** One side: egress at the source (peer = destination) or ingress at the destination (peer = source). */
function evaluateSide(model: CompiledModel, direction: Direction, connection: Connection): SideVerdict {
  const subject = direction === 'Egress' ? connection.from : connection.to;
  const other = direction === 'Egress' ? connection.to : connection.from;
  if (subject.kind !== 'pod') return { direction, allowed: true, reason: 'not-a-pod', policies: [] };
  const isolating = selectingPolicies(model, subject.pod, direction);
  if (isolating.length === 0) return { direction, allowed: true, reason: 'not-isolated', policies: [] };
  const policies: PolicyOutcome[] = [];
  let allowedBy: SideVerdict['allowedBy'];
  for (const policy of isolating) {
    const rules = direction === 'Egress' ? policy.egress : policy.ingress;
    const outcomes = rules.map((rule) => evaluateRule(model, rule, policy.namespace, other, connection));
    if (allowedBy === undefined) {
      const first = outcomes.find((outcome) => outcome.matched);
      if (first !== undefined && first.matched) {
        allowedBy = {
          policy: policy.ref,
          ruleIndex: first.ruleIndex,
          ...(first.peerIndex === undefined ? {} : { peerIndex: first.peerIndex }),
          ...(first.portIndex === undefined ? {} : { portIndex: first.portIndex }),
        };
      }
    }
    policies.push({ policy: policy.ref, rules: outcomes });
  }
  if (allowedBy === undefined) return { direction, allowed: false, reason: 'no-rule-matched', policies };
  return { direction, allowed: true, reason: 'allowed', policies, allowedBy };
}

/**
 * Decides one connection: allowed iff the source's egress and the destination's ingress both allow it
 * (a pod talking to itself is always allowed). Both sides are always evaluated, so the verdict can
 * explain each of them; it never throws.
 */
export function evaluateConnection(model: CompiledModel, connection: Connection): Verdict {
  const selfConnection = isSelfConnection(connection);
  const egress = evaluateSide(model, 'Egress', connection);
  const ingress = evaluateSide(model, 'Ingress', connection);
  return { allowed: selfConnection || (egress.allowed && ingress.allowed), selfConnection, egress, ingress };
}
