/**
 * A light check of a cluster state read back from storage (a saved terminal session), so a
 * damaged or outdated draft is refused instead of breaking the terminal.
 */
import type { ClusterState } from '../types.ts';

const LISTS = ['namespaces', 'pods', 'workloads', 'services', 'networkPolicies', 'externals'] as const;

function hasMetadata(item: unknown): boolean {
  if (item === null || typeof item !== 'object') return false;
  const metadata = (item as { metadata?: unknown }).metadata;
  return (
    metadata !== null &&
    typeof metadata === 'object' &&
    typeof (metadata as { name?: unknown }).name === 'string' &&
    typeof (metadata as { labels?: unknown }).labels === 'object'
  );
}

/** True when `value` has the shape of a {@link ClusterState} of this version. */
export function isClusterState(value: unknown): value is ClusterState {
  if (value === null || typeof value !== 'object') return false;
  const state = value as Record<string, unknown>;
  if (
    state.version !== 1 ||
    typeof state.resourceVersion !== 'number' ||
    typeof state.currentNamespace !== 'string'
  )
    return false;
  if (state.baseline === null || typeof state.baseline !== 'object') return false;
  for (const list of LISTS) if (!Array.isArray(state[list])) return false;
  return LISTS.filter((list) => list !== 'externals').every((list) =>
    (state[list] as unknown[]).every(hasMetadata),
  );
}
