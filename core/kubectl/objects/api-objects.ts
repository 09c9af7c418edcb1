/**
 * Stored objects as the API server serves them to `-o yaml|json|jsonpath` and `edit`: the fields a
 * real cluster shows for such an object, with defaults filled in, timestamps in RFC 3339 and
 * numbers like resourceVersion as strings.
 */
import type { Labels } from '../../netpol/types.ts';
import { rfc3339 } from '../text/time-format.ts';
import type { Json, JsonObject } from '../text/object-output.ts';
import type {
  ClusterState,
  Container,
  NamespaceObject,
  NetworkPolicyObject,
  ObjectMeta,
  PodObject,
  ServiceObject,
  WorkloadObject,
} from '../types.ts';
import type { StoredObject } from '../state/store.ts';
import { apiVersionOf, typeOf } from '../command-line/resources.ts';
import { NODES } from './cluster-facts.ts';
import { replicaSetName } from './workload-pods.ts';

function metadataJson(meta: ObjectMeta, extra: Record<string, Json> = {}): JsonObject {
  return {
    ...(Object.keys(meta.annotations).length === 0 ? {} : { annotations: { ...meta.annotations } }),
    creationTimestamp: rfc3339(meta.createdAt),
    ...(Object.keys(meta.labels).length === 0 ? {} : { labels: { ...meta.labels } }),
    name: meta.name,
    ...(meta.namespace === undefined ? {} : { namespace: meta.namespace }),
    resourceVersion: String(meta.resourceVersion),
    uid: meta.uid,
    ...extra,
  };
}

/** A container as stored, with the defaults the API server adds. */
export function containerJson(container: Container): JsonObject {
  return {
    image: container.image,
    imagePullPolicy:
      container.image.includes(':') && !container.image.endsWith(':latest') ? 'IfNotPresent' : 'Always',
    name: container.name,
    ...(container.ports.length === 0
      ? {}
      : {
          ports: container.ports.map((port) => ({
            containerPort: port.port,
            ...(port.name === undefined ? {} : { name: port.name }),
            protocol: port.protocol,
          })),
        }),
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
  };
}

function podSpecJson(containers: readonly Container[], nodeName?: string): JsonObject {
  return {
    containers: containers.map(containerJson),
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    ...(nodeName === undefined ? {} : { nodeName }),
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccount: 'default',
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30,
  };
}

function ownerReference(state: ClusterState, pod: PodObject): Json[] {
  const owner = pod.owner;
  if (owner === undefined) return [];
  const workload = state.workloads.find(
    (candidate) =>
      candidate.metadata.namespace === pod.metadata.namespace &&
      (owner.kind === 'ReplicaSet'
        ? replicaSetName(candidate) === owner.name
        : candidate.metadata.name === owner.name),
  );
  return [
    {
      apiVersion: owner.kind === 'Job' ? 'batch/v1' : 'apps/v1',
      blockOwnerDeletion: true,
      controller: true,
      kind: owner.kind,
      name: owner.name,
      uid: workload?.metadata.uid ?? '',
    },
  ];
}

function podJson(state: ClusterState, pod: PodObject): JsonObject {
  const owners = ownerReference(state, pod);
  const node = NODES.find((candidate) => candidate.name === pod.nodeName);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: metadataJson(pod.metadata, owners.length === 0 ? {} : { ownerReferences: owners }),
    spec: podSpecJson(pod.containers, pod.nodeName),
    status: {
      ...(node === undefined ? {} : { hostIP: node.ip, hostIPs: [{ ip: node.ip }] }),
      phase: 'Running',
      ...(pod.ips[0] === undefined ? {} : { podIP: pod.ips[0] }),
      podIPs: pod.ips.map((ip) => ({ ip })),
      qosClass: 'BestEffort',
      startTime: rfc3339(pod.metadata.createdAt),
    },
  };
}

function namespaceJson(namespace: NamespaceObject): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: metadataJson(namespace.metadata),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function selectorLabelsJson(labels: Labels): JsonObject {
  return { matchLabels: { ...labels } };
}

function workloadJson(workload: WorkloadObject): JsonObject {
  const template = {
    metadata: { labels: { ...workload.template.labels } },
    spec: podSpecJson(workload.template.containers),
  };
  const ready = {
    availableReplicas: workload.replicas,
    readyReplicas: workload.replicas,
    replicas: workload.replicas,
  };
  const base = {
    apiVersion: apiVersionOf(typeOf(workload.kind)),
    kind: workload.kind,
    metadata: metadataJson(workload.metadata, { generation: workload.metadata.generation }),
  };
  if (workload.kind === 'Deployment') {
    return {
      ...base,
      spec: {
        progressDeadlineSeconds: 600,
        replicas: workload.replicas,
        revisionHistoryLimit: 10,
        selector: selectorLabelsJson(workload.selector),
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template,
      },
      status: {
        ...ready,
        observedGeneration: workload.metadata.generation,
        updatedReplicas: workload.replicas,
      },
    };
  }
  return {
    ...base,
    spec: { replicas: workload.replicas, selector: selectorLabelsJson(workload.selector), template },
    status: ready,
  };
}

function serviceJson(service: ServiceObject): JsonObject {
  const headless = service.clusterIP === 'None';
  const family = service.clusterIP.includes(':') ? 'IPv6' : 'IPv4';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataJson(service.metadata),
    spec: {
      clusterIP: service.clusterIP,
      clusterIPs: [service.clusterIP],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: [headless ? 'IPv4' : family],
      ipFamilyPolicy: 'SingleStack',
      ports: service.ports.map((port) => ({
        ...(port.name === undefined ? {} : { name: port.name }),
        port: port.port,
        protocol: port.protocol,
        targetPort: port.targetPort,
      })),
      ...(service.selector === undefined ? {} : { selector: { ...service.selector } }),
      sessionAffinity: 'None',
      type: service.type,
    },
    status: { loadBalancer: {} },
  };
}

function policyJson(policy: NetworkPolicyObject): JsonObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadataJson(policy.metadata, { generation: policy.metadata.generation }),
    spec: policy.spec,
  };
}

/** The object as `kubectl get -o yaml` shows it. */
export function apiObject(state: ClusterState, object: StoredObject): JsonObject {
  switch (object.kind) {
    case 'Pod':
      return podJson(state, object);
    case 'Namespace':
      return namespaceJson(object);
    case 'Service':
      return serviceJson(object);
    case 'NetworkPolicy':
      return policyJson(object);
    default:
      return workloadJson(object);
  }
}
