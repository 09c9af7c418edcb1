/**
 * Workloads and their pods: the pods a Deployment, StatefulSet, DaemonSet, ReplicaSet or Job runs
 * (names as Kubernetes generates them, deterministic here), kept in step whenever the workload is
 * applied, scaled, edited or deleted. New pods get an address that no other pod has.
 */
import { assignPodIps, replicaName } from '../../netpol/read/pod-identity.ts';
import type { ClusterState, PodObject, WorkloadObject } from '../types.ts';
import { podModel } from '../state/cluster-view.ts';
import { newMeta, putObject } from '../state/store.ts';
import { nodeFor } from './cluster-facts.ts';

/** The pod-template-hash of a Deployment (the middle part of its pods' names). */
export function templateHash(workload: WorkloadObject): string {
  const name = replicaName('Deployment', workload.metadata.namespace ?? 'default', workload.metadata.name, 0);
  return name.slice(workload.metadata.name.length + 1).split('-')[0] ?? '';
}

/** The name of the ReplicaSet a Deployment runs its pods through. */
export function replicaSetName(workload: WorkloadObject): string {
  return `${workload.metadata.name}-${templateHash(workload)}`;
}

function isOwnedBy(pod: PodObject, workload: WorkloadObject): boolean {
  if (pod.metadata.namespace !== workload.metadata.namespace || pod.owner === undefined) return false;
  return workload.kind === 'Deployment'
    ? pod.owner.kind === 'ReplicaSet' && pod.owner.name === replicaSetName(workload)
    : pod.owner.kind === workload.kind && pod.owner.name === workload.metadata.name;
}

/** The pods a workload owns. */
export function podsOf(state: ClusterState, workload: WorkloadObject): PodObject[] {
  return state.pods.filter((pod) => isOwnedBy(pod, workload));
}

/** Removes the pods a workload owns. */
export function withoutPodsOf(state: ClusterState, workload: WorkloadObject): ClusterState {
  const kept = state.pods.filter((pod) => !isOwnedBy(pod, workload));
  return kept.length === state.pods.length ? state : { ...state, pods: kept };
}

function podLabels(workload: WorkloadObject, name: string): Record<string, string> {
  if (workload.kind === 'Deployment')
    return { ...workload.template.labels, 'pod-template-hash': templateHash(workload) };
  if (workload.kind === 'StatefulSet')
    return { ...workload.template.labels, 'statefulset.kubernetes.io/pod-name': name };
  return { ...workload.template.labels };
}

/**
 * Replaces a workload's pods with `replicas` fresh ones from its template (a DaemonSet runs one,
 * the lab having one worker). Pods keep their address when their name stays the same.
 */
export function syncWorkloadPods(state: ClusterState, workload: WorkloadObject, now: number): ClusterState {
  const previous = new Map(podsOf(state, workload).map((pod) => [pod.metadata.name, pod]));
  let next = withoutPodsOf(state, workload);
  const namespace = workload.metadata.namespace ?? 'default';
  const count = workload.kind === 'DaemonSet' ? 1 : workload.replicas;
  const owner =
    workload.kind === 'Deployment'
      ? { kind: 'ReplicaSet' as const, name: replicaSetName(workload) }
      : { kind: workload.kind, name: workload.metadata.name };
  for (let index = 0; index < count; index++) {
    const name = replicaName(workload.kind, namespace, workload.metadata.name, index);
    const before = previous.get(name);
    const pod: PodObject = {
      kind: 'Pod',
      metadata: {
        ...newMeta(
          next,
          'Pod',
          { name, namespace, labels: podLabels(workload, name) },
          before?.metadata.createdAt ?? now,
        ),
      },
      containers: workload.template.containers,
      ips: before?.ips ?? [],
      nodeName: nodeFor(namespace).name,
      owner,
    };
    next = putObject(next, pod);
  }
  return withAddresses(next);
}

/** Gives every pod without an address one, deterministic and unique (the engine's own allocator). */
export function withAddresses(state: ClusterState): ClusterState {
  if (state.pods.every((pod) => pod.ips.length > 0)) return state;
  const models = assignPodIps(state.pods.map(podModel));
  return {
    ...state,
    pods: state.pods.map((pod, index) =>
      pod.ips.length > 0 ? pod : { ...pod, ips: models[index]?.ips ?? [] },
    ),
  };
}
