/**
 * Which nodes the reachability graph draws. A small cluster gets one node per pod; beyond what the
 * picture holds, pods that no policy tells apart (the engine's equivalence classes) share a node
 * within their namespace, and beyond that each namespace is one node. Addresses outside the cluster
 * stay one node each unless there are many.
 */
import type { Endpoint, Labels } from '../../../../core/netpol/index.ts';
import { endpointKey } from '../live/live-matrix.ts';

/** How far the graph groups endpoints. */
export type GraphLevel = 'pod' | 'alike' | 'namespace';

/** The group every address outside the cluster belongs to. */
export const OUTSIDE_GROUP = 'outside';

export interface NodeSpec {
  /** Unique among the graph's nodes. */
  readonly key: string;
  /** Short text drawn beside the node. */
  readonly label: string;
  /** Full text: what the node stands for. */
  readonly title: string;
  /** Short name for sentences, e.g. `prod/web` or `app=web ×20 in prod`. */
  readonly name: string;
  /** A namespace, or `outside`. */
  readonly group: string;
  readonly kind: 'pod' | 'pods' | 'outside';
  /** Indices of the endpoints (matrix order) the node stands for. */
  readonly members: readonly number[];
}

export interface NodePlan {
  readonly level: GraphLevel;
  readonly nodes: readonly NodeSpec[];
  /** For each endpoint, the index of its node. */
  readonly nodeOf: Int32Array;
  /** Whether namespace names take slots of their own (not when each namespace is one node). */
  readonly groupSlots: boolean;
}

/** The bucket of the namespaces that did not get a node of their own. */
const MERGED_KEY = 'ns:*';

/** Addresses outside the cluster drawn one by one, at most. */
const OUTSIDE_LIMIT = 4;

function podsWord(count: number): string {
  return count === 1 ? '1 pod' : `${count} pods`;
}

/** The labels every one of `labels` carries with the same value. */
export function sharedLabels(labels: readonly Labels[]): string[] {
  const [first, ...rest] = labels;
  if (first === undefined) return [];
  return Object.keys(first)
    .sort()
    .filter((key) => rest.every((other) => other[key] === first[key]))
    .map((key) => `${key}=${first[key]}`);
}

interface Bucket {
  readonly key: string;
  readonly group: string;
  readonly members: number[];
  /** For the merged bucket: how many namespaces it holds. */
  readonly mergedNamespaces?: number;
}

function bucketBy(
  endpoints: readonly Endpoint[],
  keyOf: (endpoint: Endpoint, index: number) => string,
): Bucket[] {
  const buckets = new Map<string, Bucket>();
  endpoints.forEach((endpoint, index) => {
    const key = keyOf(endpoint, index);
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      const group = endpoint.kind === 'pod' ? endpoint.pod.namespace : OUTSIDE_GROUP;
      bucket = { key, group, members: [] };
      buckets.set(key, bucket);
    }
    bucket.members.push(index);
  });
  return [...buckets.values()];
}

function podOf(endpoints: readonly Endpoint[], index: number): Endpoint {
  return endpoints[index] as Endpoint;
}

function describeBucket(endpoints: readonly Endpoint[], bucket: Bucket, level: GraphLevel): NodeSpec {
  const first = podOf(endpoints, bucket.members[0] as number);
  const count = bucket.members.length;
  const members = bucket.members;
  const group = bucket.group;
  if (first.kind === 'ip') {
    if (count === 1) {
      const key = endpointKey(first);
      const title = first.name === undefined ? first.ip : `${first.name} (${first.ip})`;
      return { key, label: key, title, name: key, group, kind: 'outside', members };
    }
    const label = `${count} addresses`;
    const title = `${count} addresses outside the cluster`;
    return { key: bucket.key, label, title, name: title, group, kind: 'outside', members };
  }
  if (level === 'namespace') {
    if (bucket.key === MERGED_KEY) {
      const name = `${bucket.mergedNamespaces ?? 0} other namespaces`;
      const label = `${bucket.mergedNamespaces ?? 0} other ns`;
      return {
        key: bucket.key,
        label,
        title: `${name}: ${podsWord(count)}`,
        name,
        group,
        kind: 'pods',
        members,
      };
    }
    const name = `namespace ${group}`;
    return {
      key: bucket.key,
      label: group,
      title: `${name}: ${podsWord(count)}`,
      name,
      group,
      kind: 'pods',
      members,
    };
  }
  if (count === 1) {
    const key = endpointKey(first);
    return { key, label: first.pod.name, title: key, name: key, group, kind: 'pod', members };
  }
  const labels = members.map((index) => {
    const endpoint = podOf(endpoints, index);
    return endpoint.kind === 'pod' ? endpoint.pod.labels : {};
  });
  const shared = sharedLabels(labels);
  const what = shared.length > 0 ? shared.join(', ') : `${first.pod.name} and others`;
  const label = shared[0] === undefined ? podsWord(count) : `${shared[0]} ×${count}`;
  return {
    key: bucket.key,
    label,
    title: `${podsWord(count)} in ${group} that policies treat alike (${what})`,
    name: `${label} in ${group}`,
    group,
    kind: 'pods',
    members,
  };
}

function slotsNeeded(buckets: readonly Bucket[], groupSlots: boolean): number {
  return buckets.length + (groupSlots ? new Set(buckets.map((bucket) => bucket.group)).size : 0);
}

/**
 * Groups `endpoints` (the matrix's order: pods sorted by namespace and name, then addresses) into at
 * most `slots` slots, at the finest level that fits. `classOf` is the engine's equivalence class of
 * each endpoint.
 */
export function planNodes(endpoints: readonly Endpoint[], classOf: Int32Array, slots: number): NodePlan {
  const outsideCount = endpoints.filter((endpoint) => endpoint.kind === 'ip').length;
  const outsideKey = (endpoint: Endpoint, index: number): string =>
    outsideCount <= OUTSIDE_LIMIT && endpoint.kind === 'ip'
      ? `ip:${endpointKey(endpoint)}`
      : `ip:${classOf[index]}`;
  const levels: {
    level: GraphLevel;
    key: (endpoint: Endpoint, index: number) => string;
    groupSlots: boolean;
  }[] = [
    {
      level: 'pod',
      key: (endpoint, index) =>
        endpoint.kind === 'pod' ? `pod:${endpointKey(endpoint)}` : outsideKey(endpoint, index),
      groupSlots: true,
    },
    {
      level: 'alike',
      key: (endpoint, index) =>
        endpoint.kind === 'pod'
          ? `alike:${endpoint.pod.namespace}:${classOf[index]}`
          : outsideKey(endpoint, index),
      groupSlots: true,
    },
    {
      level: 'namespace',
      key: (endpoint, index) =>
        endpoint.kind === 'pod' ? `ns:${endpoint.pod.namespace}` : outsideKey(endpoint, index),
      groupSlots: false,
    },
  ];
  let chosen = levels[levels.length - 1] as (typeof levels)[number];
  let buckets: Bucket[] = [];
  for (const candidate of levels) {
    buckets = bucketBy(endpoints, candidate.key);
    chosen = candidate;
    if (slotsNeeded(buckets, candidate.groupSlots) <= slots) break;
  }
  if (chosen.level === 'namespace' && buckets.length > slots) buckets = mergeSmallest(buckets, slots);
  const nodes = buckets.map((bucket) => describeBucket(endpoints, bucket, chosen.level));
  const nodeOf = new Int32Array(endpoints.length);
  nodes.forEach((node, nodeIndex) => {
    for (const member of node.members) nodeOf[member] = nodeIndex;
  });
  return { level: chosen.level, nodes, nodeOf, groupSlots: chosen.groupSlots };
}

/** Keeps the largest namespaces and merges the rest into one "other namespaces" bucket. */
function mergeSmallest(buckets: readonly Bucket[], slots: number): Bucket[] {
  const outside = buckets.filter((bucket) => bucket.group === OUTSIDE_GROUP);
  const namespaces = buckets
    .filter((bucket) => bucket.group !== OUTSIDE_GROUP)
    .sort((left, right) => right.members.length - left.members.length);
  const kept = namespaces.slice(0, Math.max(1, slots - outside.length - 1));
  const rest = namespaces.slice(kept.length);
  kept.sort((left, right) => (left.group < right.group ? -1 : left.group > right.group ? 1 : 0));
  const merged: Bucket = {
    key: MERGED_KEY,
    group: 'other namespaces',
    mergedNamespaces: rest.length,
    members: rest.flatMap((bucket) => bucket.members).sort((left, right) => left - right),
  };
  return [...kept, ...(rest.length > 0 ? [merged] : []), ...outside];
}
