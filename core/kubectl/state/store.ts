/**
 * Reading and writing objects of the state by kind, namespace and name, immutably: every write
 * returns a new state with the next resourceVersion. Collections stay sorted by namespace, then
 * name, which is the order the API server lists them in.
 */
import { stableHash } from '../../netpol/read/pod-identity.ts';
import type { Labels } from '../../netpol/types.ts';
import type {
  ClusterState,
  NamespaceObject,
  NetworkPolicyObject,
  ObjectMeta,
  PodObject,
  ServiceObject,
  WorkloadObject,
} from '../types.ts';

export type StoredObject = NamespaceObject | PodObject | WorkloadObject | ServiceObject | NetworkPolicyObject;
export type StoredKind = StoredObject['kind'];

type Collection = 'namespaces' | 'pods' | 'workloads' | 'services' | 'networkPolicies';

function collectionOf(kind: StoredKind): Collection {
  switch (kind) {
    case 'Namespace':
      return 'namespaces';
    case 'Pod':
      return 'pods';
    case 'Service':
      return 'services';
    case 'NetworkPolicy':
      return 'networkPolicies';
    default:
      return 'workloads';
  }
}

function compareMeta(left: StoredObject, right: StoredObject): number {
  const a = `${left.metadata.namespace ?? ''}/${left.metadata.name}`;
  const b = `${right.metadata.namespace ?? ''}/${right.metadata.name}`;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every stored object of a kind (workload kinds share a collection, so they are filtered). */
export function objectsOf(state: ClusterState, kind: StoredKind): readonly StoredObject[] {
  const all = state[collectionOf(kind)] as readonly StoredObject[];
  return collectionOf(kind) === 'workloads' ? all.filter((object) => object.kind === kind) : all;
}

/** One object, or `undefined`. `namespace` is ignored for Namespaces. */
export function findObject(
  state: ClusterState,
  kind: StoredKind,
  namespace: string | undefined,
  name: string,
): StoredObject | undefined {
  return objectsOf(state, kind).find(
    (object) =>
      object.metadata.name === name && (kind === 'Namespace' || object.metadata.namespace === namespace),
  );
}

/** Hexadecimal digits derived from a seed (a chained FNV hash), for ids that look random but repeat. */
export function hexDigest(seed: string, length: number): string {
  let hex = '';
  let hash = stableHash(seed);
  while (hex.length < length) {
    hash = stableHash(`${hash}:${seed}:${hex.length}`);
    hex += hash.toString(16).padStart(8, '0');
  }
  return hex.slice(0, length);
}

/** A uid in the API's 8-4-4-4-12 form, derived from a seed so it is reproducible. */
export function uidFor(seed: string): string {
  const hex = hexDigest(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Metadata for a new object with the next resourceVersion. */
export function newMeta(
  state: ClusterState,
  kind: StoredKind,
  fields: { name: string; namespace?: string; labels?: Labels; annotations?: Labels },
  now: number,
): ObjectMeta {
  const resourceVersion = state.resourceVersion + 1;
  return {
    name: fields.name,
    ...(fields.namespace === undefined ? {} : { namespace: fields.namespace }),
    labels: fields.labels ?? {},
    annotations: fields.annotations ?? {},
    uid: uidFor(`${kind}/${fields.namespace ?? ''}/${fields.name}/${resourceVersion}`),
    resourceVersion,
    generation: 1,
    createdAt: now,
  };
}

/** Inserts or replaces the object (same kind, namespace, name), stamping the next resourceVersion. */
export function putObject(state: ClusterState, object: StoredObject): ClusterState {
  const resourceVersion = state.resourceVersion + 1;
  const stamped = { ...object, metadata: { ...object.metadata, resourceVersion } } as StoredObject;
  const collection = collectionOf(object.kind);
  const others = (state[collection] as readonly StoredObject[]).filter(
    (existing) =>
      !(
        existing.kind === object.kind &&
        existing.metadata.name === object.metadata.name &&
        existing.metadata.namespace === object.metadata.namespace
      ),
  );
  return {
    ...state,
    resourceVersion,
    [collection]: [...others, stamped].sort(compareMeta),
  };
}

/** Removes the object; the state is returned unchanged when it was not there. */
export function removeObject(
  state: ClusterState,
  kind: StoredKind,
  namespace: string | undefined,
  name: string,
): ClusterState {
  const collection = collectionOf(kind);
  const list = state[collection] as readonly StoredObject[];
  const kept = list.filter(
    (object) =>
      !(
        object.kind === kind &&
        object.metadata.name === name &&
        (kind === 'Namespace' || object.metadata.namespace === namespace)
      ),
  );
  if (kept.length === list.length) return state;
  return { ...state, resourceVersion: state.resourceVersion + 1, [collection]: kept };
}
