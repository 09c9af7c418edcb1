/**
 * Name lookups from inside a pod. A lookup is itself a connection — UDP port 53 from the pod to the
 * kube-dns Service, that is to one CoreDNS pod — so it fails when a policy denies it, whatever the
 * name. Names resolve as the cluster DNS resolves them with the pod's search path
 * (`<ns>.svc.cluster.local svc.cluster.local cluster.local`): `svc`, `svc.ns`, `svc.ns.svc`,
 * `svc.ns.svc.cluster.local`, pod names like `10-0-0-5.ns.pod.cluster.local`, and the names of the
 * exercise's external endpoints.
 *
 * A cluster without any kube-dns pod has no DNS server for policies to decide about: lookups then
 * succeed without a policy decision, and the result says so (`decided: false`).
 */
import { HEADLESS, serviceSelectedPods } from '../../netpol/services.ts';
import { canonicalIp, isValidIp } from '../../netpol/ip.ts';
import type { Pod, Service } from '../../netpol/types.ts';
import { CLUSTER_DOMAIN, KUBE_DNS_LABEL } from '../objects/cluster-facts.ts';
import { clusterOf } from '../state/cluster-view.ts';
import type { ClusterState, ProbeEffect } from '../types.ts';
import { connect } from './connect.ts';

/** The address pods send lookups to when the cluster has no kube-dns Service. */
export const DEFAULT_NAMESERVER = '10.96.0.10';

export type LookupResult =
  | {
      readonly status: 'answer';
      readonly ip: string;
      readonly fqdn: string;
      readonly dns: NonNullable<ProbeEffect['dns']>;
    }
  | {
      readonly status: 'nxdomain';
      readonly dns: NonNullable<ProbeEffect['dns']>;
      readonly explanation: readonly string[];
    }
  | {
      readonly status: 'timed-out';
      readonly dns: NonNullable<ProbeEffect['dns']>;
      readonly explanation: readonly string[];
    };

/** The nameserver a pod's resolv.conf names: the kube-dns Service, or a CoreDNS pod, or the default address. */
export function nameserverOf(state: ClusterState): { ip: string; service?: Service; pods: readonly Pod[] } {
  const cluster = clusterOf(state);
  const service = (cluster.services ?? []).find(
    (candidate) => candidate.namespace === 'kube-system' && candidate.name === 'kube-dns',
  );
  if (service !== undefined)
    return { ip: service.clusterIP, service, pods: serviceSelectedPods(cluster, service) };
  const pods = cluster.pods
    .filter((pod) => pod.labels[KUBE_DNS_LABEL.key] === KUBE_DNS_LABEL.value)
    .sort(
      (left, right) => Number(right.namespace === 'kube-system') - Number(left.namespace === 'kube-system'),
    );
  return { ip: pods[0]?.ips[0] ?? DEFAULT_NAMESERVER, pods };
}

function serviceAddress(state: ClusterState, service: Service): string | undefined {
  if (service.clusterIP !== HEADLESS) return service.clusterIP === '' ? undefined : service.clusterIP;
  return serviceSelectedPods(clusterOf(state), service)[0]?.ips[0];
}

/** The record for one fully qualified name, or undefined (NXDOMAIN). */
function record(state: ClusterState, fqdn: string): string | undefined {
  const cluster = clusterOf(state);
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(suffix)) {
    const parts = fqdn.slice(0, -suffix.length).split('.');
    if (parts.length !== 2) return undefined;
    const [name, namespace] = parts;
    const service = (cluster.services ?? []).find(
      (candidate) => candidate.namespace === namespace && candidate.name === name,
    );
    return service === undefined ? undefined : serviceAddress(state, service);
  }
  const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(podSuffix)) {
    const parts = fqdn.slice(0, -podSuffix.length).split('.');
    const dotted = (parts[0] ?? '').replaceAll('-', '.');
    return parts.length === 2 && isValidIp(dotted) ? canonicalIp(dotted) : undefined;
  }
  return cluster.externals.find((external) => external.name === fqdn)?.ip;
}

/** The names the resolver tries, in order (ndots:5 puts the search path first). */
export function candidates(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const expanded = search.map((domain) => `${name}.${domain}`);
  return name.split('.').length - 1 >= 5 ? [name, ...expanded] : [...expanded, name];
}

/** Resolves `name` from `source`, deciding the DNS connection with the engine first. */
export function lookup(state: ClusterState, source: Pod, name: string): LookupResult {
  const wanted = name.toLowerCase();
  const server = nameserverOf(state);
  const base = { name: wanted };
  let dns: NonNullable<ProbeEffect['dns']> = { ...base, decided: false, allowed: true };
  if (server.pods.length > 0 || server.service !== undefined) {
    const attempt = connect(state, source, server.ip, 53, 'UDP');
    const pod = attempt.target.pod;
    dns = {
      ...base,
      decided: true,
      allowed: attempt.outcome === 'connected',
      ...(pod === undefined ? {} : { server: { namespace: pod.namespace, pod: pod.name, ip: server.ip } }),
      ...(attempt.verdict === undefined ? {} : { verdict: attempt.verdict }),
    };
    if (attempt.outcome !== 'connected') {
      const why =
        attempt.outcome === 'refused'
          ? 'the DNS server does not answer on 53/UDP'
          : `the lookup is a UDP connection to port 53 of ${pod === undefined ? server.ip : `${pod.namespace}/${pod.name}`}, and it is not allowed`;
      return {
        status: 'timed-out',
        dns,
        explanation: [`DNS lookup of ${wanted} timed out: ${why}`, ...attempt.explanation],
      };
    }
  }
  for (const fqdn of candidates(wanted, source.namespace)) {
    const ip = record(state, fqdn);
    if (ip !== undefined) return { status: 'answer', ip, fqdn, dns: { ...dns, answer: ip } };
  }
  return {
    status: 'nxdomain',
    dns,
    explanation: [
      `DNS has no record for ${wanted}: it is not a Service (svc, svc.namespace, svc.namespace.svc.${CLUSTER_DOMAIN}) or a known name`,
    ],
  };
}
