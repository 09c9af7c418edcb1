/**
 * The resource types the simulated API server serves, with every name kubectl accepts for them
 * (plural, singular, short names, `plural.group`, the kind in any case) and how it prints them.
 */

export type ResourceKind =
  | 'Pod'
  | 'Namespace'
  | 'NetworkPolicy'
  | 'Deployment'
  | 'ReplicaSet'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'Service'
  | 'Node';

export interface ResourceType {
  readonly kind: ResourceKind;
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  /** API group; '' for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  /** Verbs for `api-resources -o wide`. */
  readonly verbs: readonly string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** In the order `kubectl api-resources` lists them (core group first, then by group). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  {
    kind: 'Namespace',
    plural: 'namespaces',
    singular: 'namespace',
    shortNames: ['ns'],
    group: '',
    version: 'v1',
    namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  },
  {
    kind: 'Node',
    plural: 'nodes',
    singular: 'node',
    shortNames: ['no'],
    group: '',
    version: 'v1',
    namespaced: false,
    verbs: ['get', 'list', 'watch'],
  },
  {
    kind: 'Pod',
    plural: 'pods',
    singular: 'pod',
    shortNames: ['po'],
    group: '',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Service',
    plural: 'services',
    singular: 'service',
    shortNames: ['svc'],
    group: '',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'DaemonSet',
    plural: 'daemonsets',
    singular: 'daemonset',
    shortNames: ['ds'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Deployment',
    plural: 'deployments',
    singular: 'deployment',
    shortNames: ['deploy'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'ReplicaSet',
    plural: 'replicasets',
    singular: 'replicaset',
    shortNames: ['rs'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'StatefulSet',
    plural: 'statefulsets',
    singular: 'statefulset',
    shortNames: ['sts'],
    group: 'apps',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'Job',
    plural: 'jobs',
    singular: 'job',
    shortNames: [],
    group: 'batch',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
  {
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    singular: 'networkpolicy',
    shortNames: ['netpol'],
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
    verbs: ALL_VERBS,
  },
];

/** The type of a kind. */
export function typeOf(kind: ResourceKind): ResourceType {
  return RESOURCE_TYPES.find((type) => type.kind === kind) as ResourceType;
}

/** `networkpolicies.networking.k8s.io`, `pods`: how the API server names a resource in errors. */
export function qualifiedPlural(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** `networkpolicy.networking.k8s.io`, `pod`: the prefix of `-o name` and of apply's messages. */
export function qualifiedSingular(type: ResourceType): string {
  return type.group === '' ? type.singular : `${type.singular}.${type.group}`;
}

/** `apps/v1`, `v1`. */
export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/**
 * The type a resource argument names: `pods`, `pod`, `po`, `Pod`, `networkpolicies.networking.k8s.io`,
 * `deployment.apps`, `netpol`. Case-insensitive, as kubectl is.
 */
export function findResourceType(argument: string): ResourceType | undefined {
  const text = argument.toLowerCase();
  return RESOURCE_TYPES.find((type) => {
    const names = [type.plural, type.singular, ...type.shortNames, type.kind.toLowerCase()];
    if (names.includes(text)) return true;
    if (type.group === '') return false;
    return [type.plural, type.singular].some(
      (name) => text === `${name}.${type.group}` || text === `${name}.${type.version}.${type.group}`,
    );
  });
}

/** The type of a manifest's kind and apiVersion, exactly as the API server would map it. */
export function typeForManifest(apiVersion: string, kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((type) => type.kind === kind && apiVersionOf(type) === apiVersion);
}

/** Kinds a real cluster serves that the lab does not model (applying them says so plainly). */
export const UNMODELLED_KINDS: readonly string[] = [
  'ConfigMap',
  'Secret',
  'ServiceAccount',
  'Ingress',
  'IngressClass',
  'Role',
  'RoleBinding',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CronJob',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'LimitRange',
  'ResourceQuota',
  'Endpoints',
  'EndpointSlice',
  'CustomResourceDefinition',
];
