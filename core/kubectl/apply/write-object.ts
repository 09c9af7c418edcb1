/**
 * The second half of `apply`/`create`/`replace`/`edit`: storing a checked draft. Creates, or
 * updates the live object the way the API server would — `apply` merges labels and annotations
 * three ways through the last-applied annotation, fields the server forbids changing are
 * refused, a workload's pods follow its template — and says `created`, `configured`, `unchanged`.
 */
import type { Labels } from '../../netpol/types.ts';
import { NAMESPACE_NAME_LABEL } from '../../netpol/types.ts';
import { assignServiceIps } from '../../netpol/services.ts';
import { nodeFor } from '../objects/cluster-facts.ts';
import { syncWorkloadPods, withAddresses } from '../objects/workload-pods.ts';
import { findObject, newMeta, putObject } from '../state/store.ts';
import type { StoredObject } from '../state/store.ts';
import type { ClusterState, ObjectMeta, WorkloadObject } from '../types.ts';
import type { ResourceType } from '../command-line/resources.ts';
import { qualifiedPlural } from '../command-line/resources.ts';
import type { Draft } from './check-object.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export type WriteMode = 'apply' | 'create' | 'replace';

export type WriteResult =
  | {
      readonly ok: true;
      readonly state: ClusterState;
      readonly verb: 'created' | 'configured' | 'unchanged' | 'replaced';
      readonly warning?: string;
    }
  | { readonly ok: false; readonly message: string };

function bodyOf(object: StoredObject): unknown {
  switch (object.kind) {
    case 'Namespace':
      return {};
    case 'Pod':
      return { containers: object.containers };
    case 'Service':
      return {
        type: object.type,
        selector: object.selector,
        ports: object.ports,
        clusterIP: object.clusterIP,
      };
    case 'NetworkPolicy':
      return { spec: object.spec };
    default:
      return { replicas: object.replicas, selector: object.selector, template: object.template };
  }
}

function sameJson(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/** kubectl apply's three-way merge of a map: drop keys it applied before and no longer has, set the new ones. */
function mergeMap(live: Labels, desired: Labels, previous: Labels): Record<string, string> {
  const merged: Record<string, string> = { ...live };
  for (const key of Object.keys(previous)) if (!(key in desired)) delete merged[key];
  return { ...merged, ...desired };
}

function previousApplied(live: StoredObject): { labels: Labels; annotations: Labels } {
  const text = live.metadata.annotations[LAST_APPLIED];
  if (text === undefined) return { labels: {}, annotations: {} };
  try {
    const parsed = JSON.parse(text) as { metadata?: { labels?: Labels; annotations?: Labels } };
    return { labels: parsed.metadata?.labels ?? {}, annotations: parsed.metadata?.annotations ?? {} };
  } catch {
    return { labels: {}, annotations: {} };
  }
}

function buildObject(
  state: ClusterState,
  draft: Draft,
  metadata: ObjectMeta,
  live: StoredObject | undefined,
): StoredObject | string {
  const body = draft.body;
  const namespace = draft.namespace ?? 'default';
  switch (body.kind) {
    case 'Namespace':
      return {
        kind: 'Namespace',
        metadata: { ...metadata, labels: { ...metadata.labels, [NAMESPACE_NAME_LABEL]: draft.name } },
      };
    case 'Pod': {
      if (live?.kind === 'Pod') {
        const shape = (containers: typeof body.containers) =>
          containers.map((container) => ({ name: container.name, ports: container.ports }));
        if (!sameJson(shape(live.containers), shape(body.containers))) {
          return `spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`;
        }
        return { ...live, metadata, containers: body.containers };
      }
      return {
        kind: 'Pod',
        metadata,
        containers: body.containers,
        ips: body.ips,
        nodeName: nodeFor(namespace).name,
      };
    }
    case 'Service': {
      let clusterIP = body.clusterIP;
      if (live?.kind === 'Service') {
        if (clusterIP !== '' && clusterIP !== live.clusterIP)
          return `spec.clusterIPs[0]: Invalid value: []string{"${clusterIP}"}: may not change once set`;
        clusterIP = live.clusterIP;
      }
      if (clusterIP === '') {
        const taken = [
          ...state.pods.flatMap((pod) => pod.ips),
          ...state.services.map((service) => service.clusterIP),
        ];
        clusterIP =
          assignServiceIps([{ namespace, name: draft.name, labels: {}, ports: [], clusterIP: '' }], taken)[0]
            ?.clusterIP ?? '';
      }
      return {
        kind: 'Service',
        metadata,
        type: body.type,
        ...(body.selector === undefined ? {} : { selector: body.selector }),
        ports: body.ports,
        clusterIP,
      };
    }
    case 'NetworkPolicy':
      return {
        kind: 'NetworkPolicy',
        metadata,
        policy: body.policy,
        spec: body.spec,
        sourceYaml: body.sourceYaml,
      };
    default: {
      if (
        live !== undefined &&
        live.kind === body.kind &&
        !sameJson((live as WorkloadObject).selector, body.selector)
      ) {
        return `spec.selector: Invalid value: v1.LabelSelector{MatchLabels:${JSON.stringify(body.selector)}}: field is immutable`;
      }
      return {
        kind: body.kind,
        metadata,
        replicas: body.replicas,
        selector: body.selector,
        template: body.template,
      };
    }
  }
}

/**
 * Stores a draft. `lastApplied` (JSON text) is recorded by `apply` (and `create --save-config`).
 * The namespace must exist; `create` refuses an existing object, `replace` a missing one.
 */
export function writeDraft(
  state: ClusterState,
  type: ResourceType,
  draft: Draft,
  mode: WriteMode,
  options: { now: number; lastApplied?: string; source?: string },
): WriteResult {
  const where =
    options.source === undefined
      ? ''
      : `error when ${mode === 'replace' ? 'replacing' : 'creating'} "${options.source}": `;
  if (type.namespaced && !state.namespaces.some((namespace) => namespace.metadata.name === draft.namespace)) {
    return {
      ok: false,
      message: `Error from server (NotFound): ${where}namespaces "${draft.namespace}" not found`,
    };
  }
  const live = findObject(state, type.kind as StoredObject['kind'], draft.namespace, draft.name);
  if (mode === 'create' && live !== undefined) {
    return {
      ok: false,
      message: `Error from server (AlreadyExists): ${where}${qualifiedPlural(type)} "${draft.name}" already exists`,
    };
  }
  if (mode === 'replace' && live === undefined) {
    return {
      ok: false,
      message: `Error from server (NotFound): ${where}${qualifiedPlural(type)} "${draft.name}" not found`,
    };
  }
  let labels: Labels = draft.labels;
  let annotations: Record<string, string> = { ...draft.annotations };
  let warning: string | undefined;
  if (mode === 'apply' && live !== undefined) {
    const previous = previousApplied(live);
    if (live.metadata.annotations[LAST_APPLIED] === undefined) {
      warning = `Warning: resource ${type.plural}/${draft.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`;
    }
    const liveLabels = { ...live.metadata.labels };
    if (type.kind === 'Namespace') delete liveLabels[NAMESPACE_NAME_LABEL];
    labels = mergeMap(liveLabels, draft.labels, previous.labels);
    annotations = mergeMap(live.metadata.annotations, draft.annotations, previous.annotations);
  }
  if (options.lastApplied !== undefined) annotations[LAST_APPLIED] = options.lastApplied;
  else if (
    mode === 'replace' &&
    live !== undefined &&
    live.metadata.annotations[LAST_APPLIED] !== undefined &&
    draft.annotations[LAST_APPLIED] === undefined
  ) {
    delete annotations[LAST_APPLIED];
  }
  const fresh = newMeta(
    state,
    type.kind as StoredObject['kind'],
    {
      name: draft.name,
      ...(type.namespaced ? { namespace: draft.namespace as string } : {}),
      labels,
      annotations,
    },
    options.now,
  );
  const metadata: ObjectMeta =
    live === undefined ? fresh : { ...live.metadata, labels: fresh.labels, annotations: fresh.annotations };
  const built = buildObject(state, draft, metadata, live);
  if (typeof built === 'string') {
    return { ok: false, message: `The ${type.kind} "${draft.name}" is invalid: ${built}` };
  }
  if (live !== undefined) {
    const unchanged =
      sameJson(bodyOf(live), bodyOf(built)) &&
      sameJson(live.metadata.labels, built.metadata.labels) &&
      sameJson(live.metadata.annotations, built.metadata.annotations);
    if (unchanged)
      return { ok: true, state, verb: 'unchanged', ...(warning === undefined ? {} : { warning }) };
  }
  const specChanged = live !== undefined && !sameJson(bodyOf(live), bodyOf(built));
  const stored = specChanged
    ? ({
        ...built,
        metadata: { ...built.metadata, generation: built.metadata.generation + 1 },
      } as StoredObject)
    : built;
  let next = putObject(state, stored);
  if (
    stored.kind !== 'Namespace' &&
    stored.kind !== 'Pod' &&
    stored.kind !== 'Service' &&
    stored.kind !== 'NetworkPolicy'
  ) {
    if (live === undefined || specChanged) next = syncWorkloadPods(next, stored, options.now);
  }
  next = withAddresses(next);
  const verb = live === undefined ? 'created' : mode === 'replace' ? 'replaced' : 'configured';
  return { ok: true, state: next, verb, ...(warning === undefined ? {} : { warning }) };
}
