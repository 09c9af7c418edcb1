/**
 * What `kubectl get` lists for each resource type: the objects (stored ones, plus the ReplicaSets
 * behind Deployments and the fixed nodes), each with its API form and its table cells in the
 * columns kubectl's printers use.
 */
import type { Labels } from '../../netpol/types.ts';
import { formatLabelSelector, formatLabels } from '../text/labels-text.ts';
import { age } from '../text/time-format.ts';
import type { JsonObject } from '../text/object-output.ts';
import type { ClusterState, WorkloadObject } from '../types.ts';
import type { ResourceType } from '../command-line/resources.ts';
import { typeOf } from '../command-line/resources.ts';
import { objectsOf } from '../state/store.ts';
import type { StoredKind, StoredObject } from '../state/store.ts';
import { apiObject } from './api-objects.ts';
import { NODES, SERVER_VERSION } from './cluster-facts.ts';
import { replicaSetName } from './workload-pods.ts';

/** One row `kubectl get` can show. */
export interface Listed {
  readonly type: ResourceType;
  readonly namespace?: string;
  readonly name: string;
  readonly labels: Labels;
  /** The object as the API serves it (`-o yaml`). */
  readonly api: JsonObject;
  /** Cells of the normal table, in {@link headersOf} order. */
  readonly cells: readonly string[];
  /** Extra cells for `-o wide`. */
  readonly wideCells: readonly string[];
  /** The stored object, when the row is one (ReplicaSets and nodes are derived). */
  readonly stored?: StoredObject;
}

/** Column headers of a type's table, then the extra ones of `-o wide`. */
export function headersOf(type: ResourceType): {
  readonly normal: readonly string[];
  readonly wide: readonly string[];
} {
  switch (type.kind) {
    case 'Pod':
      return {
        normal: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
      };
    case 'Namespace':
      return { normal: ['NAME', 'STATUS', 'AGE'], wide: [] };
    case 'NetworkPolicy':
      return { normal: ['NAME', 'POD-SELECTOR', 'AGE'], wide: [] };
    case 'Deployment':
      return {
        normal: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
        wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
      };
    case 'ReplicaSet':
      return {
        normal: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
        wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
      };
    case 'StatefulSet':
      return { normal: ['NAME', 'READY', 'AGE'], wide: ['CONTAINERS', 'IMAGES'] };
    case 'DaemonSet':
      return {
        normal: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
        wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
      };
    case 'Job':
      return {
        normal: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
        wide: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
      };
    case 'Service':
      return { normal: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'], wide: ['SELECTOR'] };
    case 'Node':
      return {
        normal: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
        wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
      };
  }
}

function containersCells(workload: WorkloadObject, withSelector: boolean): string[] {
  const containers = workload.template.containers;
  const cells = [
    containers.map((container) => container.name).join(','),
    containers.map((container) => container.image).join(','),
  ];
  if (withSelector) cells.push(formatLabelSelector({ matchLabels: workload.selector, matchExpressions: [] }));
  return cells;
}

function storedRow(state: ClusterState, object: StoredObject, now: number): Listed {
  const type = typeOf(object.kind);
  const created = age(object.metadata.createdAt, now);
  const base = {
    type,
    ...(object.metadata.namespace === undefined ? {} : { namespace: object.metadata.namespace }),
    name: object.metadata.name,
    labels: object.metadata.labels,
    api: apiObject(state, object),
    stored: object,
  };
  switch (object.kind) {
    case 'Pod': {
      const count = object.containers.length;
      return {
        ...base,
        cells: [object.metadata.name, `${count}/${count}`, 'Running', '0', created],
        wideCells: [object.ips[0] ?? '<none>', object.nodeName, '<none>', '<none>'],
      };
    }
    case 'Namespace':
      return { ...base, cells: [object.metadata.name, 'Active', created], wideCells: [] };
    case 'NetworkPolicy':
      return {
        ...base,
        cells: [object.metadata.name, formatLabelSelector(object.policy.podSelector), created],
        wideCells: [],
      };
    case 'Service': {
      const ports = object.ports.map((port) => `${port.port}/${port.protocol}`).join(',');
      return {
        ...base,
        cells: [
          object.metadata.name,
          object.type,
          object.clusterIP,
          '<none>',
          ports === '' ? '<none>' : ports,
          created,
        ],
        wideCells: [object.selector === undefined ? '<none>' : formatLabels(object.selector)],
      };
    }
    default: {
      const replicas = object.kind === 'DaemonSet' ? 1 : object.replicas;
      const ready = `${replicas}/${replicas}`;
      const count = String(replicas);
      switch (object.kind) {
        case 'Deployment':
          return {
            ...base,
            cells: [object.metadata.name, ready, count, count, created],
            wideCells: containersCells(object, true),
          };
        case 'StatefulSet':
          return {
            ...base,
            cells: [object.metadata.name, ready, created],
            wideCells: containersCells(object, false),
          };
        case 'DaemonSet':
          return {
            ...base,
            cells: [object.metadata.name, count, count, count, count, count, '<none>', created],
            wideCells: containersCells(object, true),
          };
        case 'Job':
          return {
            ...base,
            cells: [object.metadata.name, 'Complete', ready, '5s', created],
            wideCells: containersCells(object, true),
          };
        default:
          return {
            ...base,
            cells: [object.metadata.name, count, count, count, created],
            wideCells: containersCells(object, true),
          };
      }
    }
  }
}

function replicaSetRow(state: ClusterState, deployment: WorkloadObject, now: number): Listed {
  const type = typeOf('ReplicaSet');
  const name = replicaSetName(deployment);
  const count = String(deployment.replicas);
  const labels = {
    ...deployment.template.labels,
    'pod-template-hash': name.slice(deployment.metadata.name.length + 1),
  };
  const deploymentJson = apiObject(state, deployment) as { spec: { template: JsonObject } };
  const api: JsonObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      ...((apiObject(state, deployment).metadata as JsonObject) ?? {}),
      labels,
      name,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'Deployment',
          name: deployment.metadata.name,
          uid: deployment.metadata.uid,
        },
      ],
    },
    spec: {
      replicas: deployment.replicas,
      selector: { matchLabels: labels },
      template: deploymentJson.spec.template,
    },
    status: {
      availableReplicas: deployment.replicas,
      readyReplicas: deployment.replicas,
      replicas: deployment.replicas,
    },
  };
  return {
    type,
    namespace: deployment.metadata.namespace ?? 'default',
    name,
    labels,
    api,
    cells: [name, count, count, count, age(deployment.metadata.createdAt, now)],
    wideCells: containersCells({ ...deployment, selector: labels }, true),
  };
}

function nodeRows(state: ClusterState, now: number): Listed[] {
  const created = Math.min(now, ...state.namespaces.map((namespace) => namespace.metadata.createdAt));
  return NODES.map((node) => ({
    type: typeOf('Node'),
    name: node.name,
    labels: { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux' },
    api: {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        labels: { 'kubernetes.io/hostname': node.name, 'kubernetes.io/os': 'linux' },
        name: node.name,
      },
      status: {
        addresses: [
          { address: node.ip, type: 'InternalIP' },
          { address: node.name, type: 'Hostname' },
        ],
      },
    },
    cells: [node.name, 'Ready', node.roles, age(created, now), SERVER_VERSION],
    wideCells: [node.ip, '<none>', 'Ubuntu 24.04 LTS', '6.8.0-45-generic', 'containerd://1.7.22'],
  }));
}

/** Every object of a type, in namespace/name order; `namespace` undefined means all namespaces. */
export function listObjects(
  state: ClusterState,
  type: ResourceType,
  namespace: string | undefined,
  now: number,
): Listed[] {
  const inScope = (objectNamespace: string | undefined): boolean =>
    !type.namespaced || namespace === undefined || objectNamespace === namespace;
  if (type.kind === 'Node') return nodeRows(state, now);
  if (type.kind === 'ReplicaSet') {
    return objectsOf(state, 'Deployment')
      .filter((object) => inScope(object.metadata.namespace))
      .map((object) => replicaSetRow(state, object as WorkloadObject, now));
  }
  return objectsOf(state, type.kind as StoredKind)
    .filter((object) => inScope(object.metadata.namespace))
    .map((object) => storedRow(state, object, now));
}
