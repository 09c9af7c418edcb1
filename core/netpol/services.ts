/**
 * Services in the cluster model: which pods a Service selects, and what a connection to a Service's
 * cluster IP and port really is — a connection to one selected pod on the resolved target port,
 * which is all that policies ever see. Deterministic: the backend chosen is always the same.
 */
import type { Cluster, Pod, Protocol, Service, ServicePort } from './types.ts';
import { canonicalIp, isValidIp } from './ip.ts';
import { stableHash } from './read/pod-identity.ts';

/** The network Services without a written `clusterIP` get an address from (Kubernetes' default). */
export const SERVICE_NETWORK = '10.96.0.0/16';

/** The `clusterIP` of a headless Service: its name resolves to the pods themselves. */
export const HEADLESS = 'None';

/** Pods a Service selects: same namespace, every selector label equal. Sorted by name. */
export function serviceSelectedPods(cluster: Cluster, service: Service): Pod[] {
  const selector = service.selector;
  if (selector === undefined) return [];
  const entries = Object.entries(selector);
  return cluster.pods
    .filter(
      (pod) =>
        pod.namespace === service.namespace &&
        entries.every(([key, value]) => Object.hasOwn(pod.labels, key) && pod.labels[key] === value),
    )
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}

/** The container port number a Service port's target is on this pod, or `undefined` (named port missing). */
export function targetPortOn(servicePort: ServicePort, pod: Pod): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  return pod.ports.find((port) => port.name === target && port.protocol === servicePort.protocol)?.port;
}

/** What a connection to a Service's port resolves to. */
export type ServiceResolution =
  | {
      readonly ok: true;
      readonly pod: Pod;
      readonly targetPort: number;
      readonly servicePort: ServicePort;
      /** Every pod that could have answered (the chosen one is the first). */
      readonly endpoints: readonly Pod[];
    }
  | {
      readonly ok: false;
      /**
       * - `no-such-port`: the Service has no port with this number and protocol.
       * - `no-endpoints`: no selected pod (or none with the named target port), so nothing answers.
       */
      readonly reason: 'no-such-port' | 'no-endpoints';
      readonly message: string;
    };

/**
 * Resolves a connection to `service` on `port`/`protocol`: the Service port, then the selected
 * pods on which its target port resolves (a named target port skips pods without that name), and
 * the first of those by name as the backend, so the answer is reproducible.
 */
export function resolveServiceConnection(
  cluster: Cluster,
  service: Service,
  port: number,
  protocol: Protocol,
): ServiceResolution {
  const servicePort = service.ports.find(
    (candidate) => candidate.port === port && candidate.protocol === protocol,
  );
  const label = `service ${service.namespace}/${service.name}`;
  if (servicePort === undefined) {
    const known = service.ports.map((candidate) => `${candidate.port}/${candidate.protocol}`).join(', ');
    return {
      ok: false,
      reason: 'no-such-port',
      message: `${label} has no port ${port}/${protocol}${known === '' ? '' : ` (its ports: ${known})`}`,
    };
  }
  const endpoints = serviceSelectedPods(cluster, service).filter(
    (pod) => targetPortOn(servicePort, pod) !== undefined && pod.ips.length > 0,
  );
  const first = endpoints[0];
  if (first === undefined) {
    const why =
      service.selector === undefined
        ? 'it has no selector'
        : typeof servicePort.targetPort === 'string'
          ? `no selected pod has a ${servicePort.protocol} port named "${servicePort.targetPort}"`
          : 'its selector matches no pod';
    return { ok: false, reason: 'no-endpoints', message: `${label} has no endpoints: ${why}` };
  }
  return {
    ok: true,
    pod: first,
    targetPort: targetPortOn(servicePort, first) as number,
    servicePort,
    endpoints,
  };
}

/** The Service whose cluster IP this is, if any. */
export function serviceByClusterIp(cluster: Cluster, ip: string): Service | undefined {
  if (!isValidIp(ip)) return undefined;
  const wanted = canonicalIp(ip);
  return (cluster.services ?? []).find((service) => service.clusterIP === wanted);
}

/**
 * Gives each Service whose `clusterIP` is empty an address from 10.96.0.0/16, chosen by a hash of
 * `namespace/name` (stable as other objects come and go) and never one in `taken` or already used
 * by another Service. Hosts ending in .0 or .255 are skipped.
 */
export function assignServiceIps(services: readonly Service[], taken: Iterable<string> = []): Service[] {
  const used = new Set<string>(taken);
  for (const service of services) if (service.clusterIP !== '') used.add(service.clusterIP);
  const size = 256 * 256;
  return services.map((service) => {
    if (service.clusterIP !== '') return service;
    let offset = stableHash(`service ${service.namespace}/${service.name}`) % size;
    for (let tries = 0; tries < size; tries++, offset = (offset + 1) % size) {
      const host = offset % 256;
      const ip = `10.96.${Math.floor(offset / 256)}.${host}`;
      if (host === 0 || host === 255 || used.has(ip)) continue;
      used.add(ip);
      return { ...service, clusterIP: ip };
    }
    return service;
  });
}
