/**
 * Proposes reach checks from what the reference solution does: the full matrix of the cluster with no
 * learner policies is compared with the matrix under the solution (the cluster's own policies count
 * in both), and every connection whose verdict changes becomes a check, plus a few that must stay open
 * so an over-eager "deny everything" answer fails too.
 */
import type { Exercise } from '../exercise/index.ts';
import type { ProposedCheck } from '../lab-api/contract.ts';
import { compileModel, computeMatrix, isAllowed, parseManifests } from '../netpol/index.ts';
import type { Diagnostic, Endpoint, NetworkPolicy, Pod, PortProtocol } from '../netpol/index.ts';

/** At most this many proposals in all; an author keeps the ones that matter. */
export const MAX_PROPOSALS = 40;
/** At most this many "stays open" proposals. */
export const MAX_STAYS_OPEN = 5;

/** What the proposal needs: the cluster, its own policies and the reference solution's text. */
export type ProposalInput = Pick<Exercise, 'cluster' | 'clusterPolicies' | 'solution'>;

export interface CheckProposal {
  readonly checks: readonly ProposedCheck[];
  /** Problems reading the solution; when there are errors no checks are proposed. */
  readonly diagnostics: readonly Diagnostic[];
}

interface Candidate {
  readonly from: number;
  readonly to: number;
  readonly portIndex: number;
  readonly allowed: boolean;
}

const DNS_PORT = 53;

/** A pod that answers DNS: the kube-dns label, or a pod declaring port 53. */
function isDnsPod(pod: Pod): boolean {
  return pod.labels['k8s-app'] === 'kube-dns' || pod.ports.some((port) => port.port === DNS_PORT);
}

function portKey(port: PortProtocol): string {
  return `${port.port}/${port.protocol}`;
}

/** Every port a pod defines, plus 53 over UDP and TCP when the cluster has DNS pods. */
function clusterPorts(pods: readonly Pod[]): PortProtocol[] {
  const ports = new Map<string, PortProtocol>();
  for (const pod of pods) {
    for (const { port, protocol } of pod.ports) ports.set(portKey({ port, protocol }), { port, protocol });
  }
  if (pods.some(isDnsPod)) {
    for (const protocol of ['UDP', 'TCP'] as const) {
      ports.set(portKey({ port: DNS_PORT, protocol }), { port: DNS_PORT, protocol });
    }
  }
  return [...ports.values()].sort(
    (left, right) => left.port - right.port || left.protocol.localeCompare(right.protocol),
  );
}

/** Whether a connection to `endpoint` on `port` is worth checking: a pod's own port, DNS, or an external. */
function listens(endpoint: Endpoint, port: PortProtocol): boolean {
  if (endpoint.kind === 'ip') return true;
  const { pod } = endpoint;
  if (pod.ports.some((own) => own.port === port.port && own.protocol === port.protocol)) return true;
  return port.port === DNS_PORT && port.protocol !== 'SCTP' && isDnsPod(pod);
}

/** How a check names an endpoint: `namespace/pod`, an external's name, or its IP. */
function endpointText(endpoint: Endpoint): string {
  if (endpoint.kind === 'pod') return `${endpoint.pod.namespace}/${endpoint.pod.name}`;
  return endpoint.name ?? endpoint.ip;
}

function slug(text: string): string {
  const kebab = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return kebab === '' ? 'endpoint' : kebab;
}

function shortName(endpoint: Endpoint): string {
  return endpoint.kind === 'pod' ? endpoint.pod.name : (endpoint.name ?? endpoint.ip);
}

/** `<from-pod>-to-<to-pod>-<port>`, with the protocol when it is not TCP, made unique with `-2`…. */
function checkId(from: Endpoint, to: Endpoint, port: PortProtocol, used: Set<string>): string {
  const protocol = port.protocol === 'TCP' ? '' : `-${port.protocol.toLowerCase()}`;
  const base = `${slug(shortName(from))}-to-${slug(shortName(to))}-${port.port}${protocol}`.slice(0, 90);
  let id = base.replace(/-+$/, '');
  for (let suffix = 2; used.has(id); suffix += 1) id = `${base}-${suffix}`;
  used.add(id);
  return id;
}

/** The learner's policies replace cluster policies of the same name, as the grader does. */
function combined(cluster: readonly NetworkPolicy[], solution: readonly NetworkPolicy[]): NetworkPolicy[] {
  const key = (policy: NetworkPolicy): string => `${policy.namespace}/${policy.name}`;
  const replaced = new Set(solution.map(key));
  return [...cluster.filter((policy) => !replaced.has(key(policy))), ...solution];
}

/**
 * "Stays open" picks: prefer connections touching an endpoint whose verdicts changed (they guard
 * against over-isolating it), one per endpoint pair, in matrix order; deterministic for one input.
 */
function pickStaysOpen(
  open: readonly Candidate[],
  changed: readonly Candidate[],
  limit: number,
): Candidate[] {
  const touched = new Set(changed.flatMap((candidate) => [candidate.from, candidate.to]));
  const relevance = (candidate: Candidate): number =>
    (touched.has(candidate.to) ? 2 : 0) + (touched.has(candidate.from) ? 1 : 0);
  const ranked = [...open].sort((left, right) => relevance(right) - relevance(left));
  const picked: Candidate[] = [];
  const pairs = new Set<string>();
  for (const candidate of ranked) {
    if (picked.length >= limit) break;
    if (changed.length > 0 && relevance(candidate) === 0) break;
    const pair = `${candidate.from}>${candidate.to}`;
    if (pairs.has(pair)) continue;
    pairs.add(pair);
    picked.push(candidate);
  }
  return picked;
}

/**
 * Proposes checks for an exercise from its reference solution. Pure and deterministic: the same
 * cluster and solution always give the same proposals, in matrix order (changed ones first).
 */
export function proposeChecks(input: ProposalInput): CheckProposal {
  const parsed = parseManifests([{ text: input.solution, source: 'solution.yaml' }]);
  if (parsed.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { checks: [], diagnostics: parsed.diagnostics };
  }
  const ports = clusterPorts(input.cluster.pods);
  const before = computeMatrix(compileModel(input.cluster, input.clusterPolicies), ports);
  const after = computeMatrix(
    compileModel(input.cluster, combined(input.clusterPolicies, parsed.policies)),
    ports,
  );
  const endpoints = after.endpoints;
  const changed: Candidate[] = [];
  const open: Candidate[] = [];
  ports.forEach((port, portIndex) => {
    endpoints.forEach((source, from) => {
      endpoints.forEach((destination, to) => {
        if (from === to || (source.kind === 'ip' && destination.kind === 'ip')) return;
        if (!listens(destination, port)) return;
        const allowed = isAllowed(after, portIndex, from, to);
        const candidate = { from, to, portIndex, allowed };
        if (allowed !== isAllowed(before, portIndex, from, to)) changed.push(candidate);
        else if (allowed && source.kind === 'pod' && destination.kind === 'pod') open.push(candidate);
      });
    });
  });
  const byPosition = (left: Candidate, right: Candidate): number =>
    left.from - right.from || left.to - right.to || left.portIndex - right.portIndex;
  changed.sort(byPosition);
  open.sort(byPosition);
  const staysOpen = pickStaysOpen(open, changed, MAX_STAYS_OPEN);
  const keptChanged = changed.slice(0, MAX_PROPOSALS - staysOpen.length);
  const used = new Set<string>();
  const toCheck = (candidate: Candidate, reason: ProposedCheck['reason']): ProposedCheck => {
    const source = endpoints[candidate.from] as Endpoint;
    const destination = endpoints[candidate.to] as Endpoint;
    const port = ports[candidate.portIndex] as PortProtocol;
    return {
      id: checkId(source, destination, port, used),
      from: endpointText(source),
      to: endpointText(destination),
      port: port.port,
      protocol: port.protocol,
      expect: candidate.allowed ? 'allow' : 'deny',
      reason,
    };
  };
  return {
    checks: [
      ...keptChanged.map((candidate) => toCheck(candidate, 'changed')),
      ...staysOpen.map((candidate) => toCheck(candidate, 'stays-open')),
    ],
    diagnostics: parsed.diagnostics,
  };
}
