/**
 * The engine's view of a terminal session's cluster: the `Cluster` model and the policies in
 * force, and the compiled model for deciding connections. Cached per state object (states are
 * immutable), so a run of probes compiles once.
 */
import { compileModel } from '../../netpol/compile.ts';
import type { CompiledModel } from '../../netpol/compile.ts';
import type { Cluster, NetworkPolicy, Pod, Service } from '../../netpol/types.ts';
import { NAMESPACE_NAME_LABEL } from '../../netpol/types.ts';
import type { ClusterState, PodObject, ServiceObject } from '../types.ts';

const clusters = new WeakMap<ClusterState, Cluster>();
const models = new WeakMap<ClusterState, CompiledModel>();

/** The engine's pod for a stored pod: labels, IPs and every container's ports. */
export function podModel(pod: PodObject): Pod {
  return {
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    labels: pod.metadata.labels,
    ips: pod.ips,
    ports: pod.containers.flatMap((container) => container.ports),
    ...(pod.owner === undefined
      ? {}
      : { owner: `${pod.owner.kind} ${pod.metadata.namespace ?? 'default'}/${pod.owner.name}` }),
  };
}

/** The engine's Service for a stored one. */
export function serviceModel(service: ServiceObject): Service {
  return {
    namespace: service.metadata.namespace ?? 'default',
    name: service.metadata.name,
    labels: service.metadata.labels,
    ...(service.selector === undefined ? {} : { selector: service.selector }),
    ports: service.ports,
    clusterIP: service.clusterIP,
  };
}

/** The cluster as the engine models it: namespaces (with their name label), pods, externals, Services. */
export function clusterOf(state: ClusterState): Cluster {
  const cached = clusters.get(state);
  if (cached !== undefined) return cached;
  const cluster: Cluster = {
    namespaces: state.namespaces.map((namespace) => ({
      name: namespace.metadata.name,
      labels: { ...namespace.metadata.labels, [NAMESPACE_NAME_LABEL]: namespace.metadata.name },
    })),
    pods: state.pods.map(podModel),
    externals: state.externals,
    services: state.services.map(serviceModel),
  };
  clusters.set(state, cluster);
  return cluster;
}

/** The policies in force, in namespace/name order. */
export function policiesOf(state: ClusterState): NetworkPolicy[] {
  return state.networkPolicies.map((object) => object.policy);
}

/** The compiled model of the cluster and its policies, for evaluating connections. */
export function modelOf(state: ClusterState): CompiledModel {
  const cached = models.get(state);
  if (cached !== undefined) return cached;
  const model = compileModel(clusterOf(state), policiesOf(state));
  models.set(state, model);
  return model;
}
