/**
 * A new connection from a pod to an address and port, decided by the engine: a Service's cluster IP
 * becomes one selected pod on the resolved target port (policies never see Services), then the
 * source's egress and the destination's ingress must both allow it. Denied traffic is dropped, so
 * the client times out; allowed traffic to a port nothing listens on is refused.
 */
import { evaluateConnection } from '../../netpol/evaluate.ts';
import { explainVerdict } from '../../netpol/explain.ts';
import { resolveEndpoint } from '../../netpol/endpoints.ts';
import { HEADLESS, resolveServiceConnection, serviceByClusterIp } from '../../netpol/services.ts';
import type { Connection, Endpoint, Pod, Protocol, Verdict } from '../../netpol/types.ts';
import { NODES } from '../objects/cluster-facts.ts';
import { clusterOf, modelOf } from '../state/cluster-view.ts';
import type { ClusterState, ProbeEffect } from '../types.ts';

/** How a connection attempt ended. */
export interface ConnectResult {
  readonly outcome: 'connected' | 'refused' | 'timed-out';
  readonly target: NonNullable<ProbeEffect['target']>;
  /** Who answered: a pod, the API server, or an address outside the cluster. */
  readonly answeredBy?: Endpoint;
  readonly verdict?: Verdict;
  readonly explanation: readonly string[];
}

/** The API server sits behind the `kubernetes` Service, outside every pod. */
const API_SERVER = { ip: NODES[0]?.ip ?? '172.30.1.2', port: 6443 };

function listens(endpoint: Endpoint, port: number, protocol: Protocol): boolean {
  if (endpoint.kind !== 'pod') return true;
  // A pod that declares no ports is taken to answer on any port; one that declares some answers on those.
  const ports = endpoint.pod.ports;
  return (
    ports.length === 0 ||
    ports.some((candidate) => candidate.port === port && candidate.protocol === protocol)
  );
}

function decide(state: ClusterState, source: Pod, destination: Endpoint, port: number, protocol: Protocol) {
  const connection: Connection = { from: { kind: 'pod', pod: source }, to: destination, port, protocol };
  const verdict = evaluateConnection(modelOf(state), connection);
  return { verdict, explanation: explainVerdict(verdict, connection) };
}

/** Opens a TCP, UDP or SCTP connection from `source` to `ip`:`port`. */
export function connect(
  state: ClusterState,
  source: Pod,
  ip: string,
  port: number,
  protocol: Protocol,
): ConnectResult {
  const cluster = clusterOf(state);
  const service = serviceByClusterIp(cluster, ip);
  let destination: Endpoint;
  let targetPort = port;
  let serviceRef: NonNullable<ProbeEffect['target']>['service'];
  if (service !== undefined && service.clusterIP !== HEADLESS) {
    serviceRef = { namespace: service.namespace, name: service.name, port };
    const base = { ip, port, protocol, service: serviceRef };
    if (
      service.namespace === 'default' &&
      service.name === 'kubernetes' &&
      port === 443 &&
      protocol === 'TCP'
    ) {
      destination = { kind: 'ip', ip: API_SERVER.ip, name: 'kube-apiserver' };
      targetPort = API_SERVER.port;
    } else {
      const resolution = resolveServiceConnection(cluster, service, port, protocol);
      if (!resolution.ok) {
        return resolution.reason === 'no-such-port'
          ? {
              outcome: 'timed-out',
              target: base,
              explanation: [
                `${resolution.message}: nothing forwards this port of the cluster IP, so the packets are dropped`,
              ],
            }
          : {
              outcome: 'refused',
              target: base,
              explanation: [`${resolution.message}, so the connection is rejected`],
            };
      }
      destination = { kind: 'pod', pod: resolution.pod };
      targetPort = resolution.targetPort;
    }
  } else {
    const resolved = resolveEndpoint(cluster, ip);
    destination = resolved.ok ? resolved.endpoint : { kind: 'ip', ip };
  }
  const { verdict, explanation } = decide(state, source, destination, targetPort, protocol);
  const target = {
    ip,
    port,
    protocol,
    ...(serviceRef === undefined ? {} : { service: serviceRef }),
    ...(destination.kind === 'pod'
      ? { pod: { namespace: destination.pod.namespace, name: destination.pod.name } }
      : {}),
    targetPort,
  };
  const via =
    serviceRef === undefined
      ? []
      : [
          `${serviceRef.namespace}/${serviceRef.name}:${port} is a Service: the connection goes to ${destination.kind === 'pod' ? `${destination.pod.namespace}/${destination.pod.name}` : destination.ip} on port ${targetPort}, and that is what policies decide`,
        ];
  if (!verdict.allowed)
    return { outcome: 'timed-out', target, verdict, explanation: [...via, ...explanation] };
  if (!listens(destination, targetPort, protocol)) {
    return {
      outcome: 'refused',
      target,
      verdict,
      explanation: [
        ...via,
        ...explanation,
        `Policies allow it, but the pod has no container port ${targetPort}/${protocol}, so nothing answers: connection refused`,
      ],
    };
  }
  return {
    outcome: 'connected',
    target,
    answeredBy: destination,
    verdict,
    explanation: [...via, ...explanation],
  };
}

/**
 * ICMP (ping). NetworkPolicy has no ICMP protocol, so this follows what common network plugins do:
 * a side that no policy isolates lets it through; an isolated side lets it through only when a rule
 * without ports (all protocols) matches the peer. A Service's cluster IP never answers pings.
 */
export function ping(state: ClusterState, source: Pod, ip: string): ConnectResult {
  const cluster = clusterOf(state);
  const target = { ip, port: 0, protocol: 'ICMP' as const };
  const service = serviceByClusterIp(cluster, ip);
  if (service !== undefined && service.clusterIP !== HEADLESS) {
    return {
      outcome: 'timed-out',
      target: { ...target, service: { namespace: service.namespace, name: service.name, port: 0 } },
      explanation: ['A Service cluster IP is virtual: it forwards its ports, and nothing answers pings'],
    };
  }
  const resolved = resolveEndpoint(cluster, ip);
  const destination: Endpoint = resolved.ok ? resolved.endpoint : { kind: 'ip', ip };
  // Evaluated on an arbitrary port: a rule with ports never allows ICMP, a rule without them does.
  const { verdict, explanation } = decide(state, source, destination, 1, 'SCTP');
  const sideAllows = (side: Verdict['egress']): boolean => {
    if (side.reason === 'not-a-pod' || side.reason === 'not-isolated') return true;
    return side.policies.some((outcome) => {
      const policy = state.networkPolicies.find(
        (object) =>
          object.policy.namespace === outcome.policy.namespace && object.policy.name === outcome.policy.name,
      )?.policy;
      const rules = side.direction === 'Egress' ? policy?.egress : policy?.ingress;
      return outcome.rules.some(
        (rule) => rule.matched && (rules?.[rule.ruleIndex]?.ports ?? []).length === 0,
      );
    });
  };
  const allowed = verdict.selfConnection || (sideAllows(verdict.egress) && sideAllows(verdict.ingress));
  const full = {
    ...target,
    ...(destination.kind === 'pod'
      ? { pod: { namespace: destination.pod.namespace, name: destination.pod.name } }
      : {}),
  };
  const note =
    'ICMP is not a NetworkPolicy protocol: an isolated side passes it only through a rule without ports';
  return allowed
    ? { outcome: 'connected', target: full, answeredBy: destination, verdict, explanation: [note] }
    : { outcome: 'timed-out', target: full, verdict, explanation: [note, ...explanation.slice(1)] };
}
