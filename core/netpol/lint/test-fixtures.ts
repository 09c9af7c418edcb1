/**
 * Plain-object builders for lint tests: a cluster and policies as the parser would produce them,
 * without going through YAML.
 */
import { NAMESPACE_NAME_LABEL } from '../types.ts';
import { lintPolicies } from './index.ts';
import type {
  Cluster,
  Diagnostic,
  ContainerPort,
  Labels,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  Pod,
} from '../types.ts';

/** `{ matchLabels }` with no expressions; `selector()` is `{}`. */
export function selector(matchLabels: Record<string, string> = {}): LabelSelector {
  return { matchLabels, matchExpressions: [] };
}

export function namespace(name: string, labels: Labels = {}): Namespace {
  return { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name } };
}

let nextIp = 1;

export function pod(
  namespaceName: string,
  name: string,
  labels: Labels,
  options: { ips?: string[]; ports?: ContainerPort[]; line?: number } = {},
): Pod {
  return {
    namespace: namespaceName,
    name,
    labels,
    ips: options.ips ?? [`10.244.0.${nextIp++}`],
    ports: options.ports ?? [],
    ...(options.line === undefined
      ? {}
      : { position: { line: options.line, column: 1 }, source: 'pods.yaml' }),
  };
}

/** A cluster with the given pods; namespaces are declared for every pod's namespace and `default`. */
export function cluster(pods: Pod[], namespaces: Namespace[] = []): Cluster {
  const declared = new Set(namespaces.map((item) => item.name));
  const all = [...namespaces];
  for (const name of ['default', ...pods.map((item) => item.namespace)]) {
    if (declared.has(name)) continue;
    declared.add(name);
    all.push(namespace(name));
  }
  return { namespaces: all, pods, externals: [] };
}

/** A policy in `prod` selecting everything, ingress-only with no rules, unless overridden. */
export function policy(overrides: Partial<NetworkPolicy> = {}): NetworkPolicy {
  const ingress = overrides.ingress ?? [];
  const egress = overrides.egress ?? [];
  return {
    namespace: 'prod',
    name: 'test',
    podSelector: selector(),
    policyTypes: ['Ingress'],
    policyTypesExplicit: true,
    position: { line: 1, column: 1 },
    source: 'policy.yaml',
    ...overrides,
    ingress,
    egress,
  };
}

export function rule(peers?: NetworkPolicyPeer[], ports?: NetworkPolicyPort[]): NetworkPolicyRule {
  return { ...(peers === undefined ? {} : { peers }), ...(ports === undefined ? {} : { ports }) };
}

export function port(protocol: 'TCP' | 'UDP', number?: number | string): NetworkPolicyPort {
  return { protocol, ...(number === undefined ? {} : { port: number }) };
}

/** The ids of the findings, for compact assertions. */
export function ids(findings: readonly { id: string }[]): string[] {
  return findings.map((finding) => finding.id);
}

/** The findings of one lint id for the given cluster and policies. */
export function lintFor(id: string, input: Cluster, policies: readonly NetworkPolicy[]): Diagnostic[] {
  return lintPolicies(input, policies).filter((finding) => finding.id === id);
}
