import type { Cluster, Endpoint, Pod } from './types.ts';
import { canonicalIp, isValidIp } from './ip.ts';

/** The result of resolving an endpoint reference typed by a person. */
export type EndpointResolution =
  | { readonly ok: true; readonly endpoint: Endpoint; readonly note?: string }
  | { readonly ok: false; readonly error: string };

/** `namespace/name` of a pod. */
export function podKey(pod: Pod): string {
  return `${pod.namespace}/${pod.name}`;
}

/**
 * Resolves `namespace/pod`, the name of an external endpoint, or an IP address. An IP that belongs to a
 * pod resolves to that pod, because traffic from or to a pod's IP is that pod's traffic.
 */
export function resolveEndpoint(cluster: Cluster, reference: string): EndpointResolution {
  const text = reference.trim();
  if (text === '')
    return { ok: false, error: 'an endpoint is empty: write namespace/pod, an external name, or an IP' };
  if (isValidIp(text)) {
    const ip = canonicalIp(text);
    const owner = cluster.pods.find((pod) => pod.ips.some((podIp) => canonicalIp(podIp) === ip));
    if (owner)
      return {
        ok: true,
        endpoint: { kind: 'pod', pod: owner },
        note: `${text} is the IP of pod ${podKey(owner)}`,
      };
    const external = cluster.externals.find((candidate) => canonicalIp(candidate.ip) === ip);
    return { ok: true, endpoint: external ? { kind: 'ip', ip, name: external.name } : { kind: 'ip', ip } };
  }
  const external = cluster.externals.find((candidate) => candidate.name === text);
  if (external)
    return { ok: true, endpoint: { kind: 'ip', ip: canonicalIp(external.ip), name: external.name } };
  const slash = text.indexOf('/');
  const namespace = slash === -1 ? 'default' : text.slice(0, slash);
  const name = slash === -1 ? text : text.slice(slash + 1);
  const pod = cluster.pods.find((candidate) => candidate.namespace === namespace && candidate.name === name);
  if (pod) return { ok: true, endpoint: { kind: 'pod', pod } };
  const sameName = cluster.pods.filter((candidate) => candidate.name === name).map(podKey);
  const suggestion = sameName.length > 0 ? ` Did you mean ${sameName.join(' or ')}?` : '';
  return {
    ok: false,
    error: `no pod "${namespace}/${name}" and no external endpoint "${text}" in the cluster.${suggestion}`,
  };
}
