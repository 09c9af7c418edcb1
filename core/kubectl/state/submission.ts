/**
 * The terminal's cluster as something to grade: the policies the learner applied, as YAML the
 * grader reads exactly like an editor answer, plus what an editor answer cannot say — labels
 * changed on namespaces and pods, pre-existing policies deleted — folded into the exercise the
 * grader is given, so `gradeSubmission(inputs.exercise, inputs.submission)` grades the cluster state.
 */
import type { Exercise } from '../../exercise/types.ts';
import type { Cluster, Labels, NetworkPolicy, PolicyRef } from '../../netpol/types.ts';
import { NAMESPACE_NAME_LABEL } from '../../netpol/types.ts';
import { toYamlText } from '../text/object-output.ts';
import { LAST_APPLIED } from '../apply/write-object.ts';
import type { ClusterState, NetworkPolicyObject } from '../types.ts';
import { clusterOf } from './cluster-view.ts';

/** A namespace or pod whose labels are not what they were when the session started. */
export interface LabelChange {
  readonly kind: 'Namespace' | 'Pod';
  /** For pods. */
  readonly namespace?: string;
  readonly name: string;
  readonly before: Labels;
  readonly after: Labels;
}

/** What a terminal session amounts to, for grading and for showing the learner. */
export interface TerminalSubmission {
  /**
   * Multi-document YAML of every policy the learner created or changed (untouched pre-existing
   * policies are left out, as they are not part of an answer). Empty when there are none.
   */
  readonly submission: string;
  /** The same policies, as the engine models them. */
  readonly submittedPolicies: readonly NetworkPolicy[];
  /** Every policy in force now, pre-existing ones included. */
  readonly policies: readonly NetworkPolicy[];
  /** Pre-existing policies the learner deleted. */
  readonly deletedPolicies: readonly PolicyRef[];
  readonly labelChanges: readonly LabelChange[];
  /** The whole cluster now, as the engine models it. */
  readonly cluster: Cluster;
}

function key(object: NetworkPolicyObject): string {
  return `${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

function sameLabels(left: Labels, right: Labels): boolean {
  const a = Object.entries(left).sort();
  const b = Object.entries(right).sort();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The manifest of a policy as a learner would write it (no server fields). */
export function policyManifest(object: NetworkPolicyObject): string {
  const annotations = Object.fromEntries(
    Object.entries(object.metadata.annotations).filter(([name]) => name !== LAST_APPLIED),
  );
  return toYamlText({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
      ...(Object.keys(object.metadata.labels).length === 0 ? {} : { labels: { ...object.metadata.labels } }),
      name: object.metadata.name,
      namespace: object.metadata.namespace ?? 'default',
    },
    spec: object.spec,
  });
}

/** What the session changed, measured against its baseline. */
export function terminalSubmission(state: ClusterState): TerminalSubmission {
  const baseline = state.baseline;
  const submitted = state.networkPolicies.filter(
    (object) => baseline.policies[key(object)] !== JSON.stringify(object.spec),
  );
  const present = new Set(state.networkPolicies.map(key));
  const deletedPolicies = Object.keys(baseline.policies)
    .filter((name) => !present.has(name))
    .map((name) => {
      const [namespace = '', policy = ''] = name.split('/');
      return { namespace, name: policy };
    });
  const labelChanges: LabelChange[] = [];
  for (const namespace of state.namespaces) {
    const before = baseline.labels[`Namespace/${namespace.metadata.name}`];
    if (before !== undefined && !sameLabels(before, namespace.metadata.labels)) {
      labelChanges.push({
        kind: 'Namespace',
        name: namespace.metadata.name,
        before,
        after: namespace.metadata.labels,
      });
    }
  }
  for (const pod of state.pods) {
    const before = baseline.labels[`Pod/${pod.metadata.namespace ?? ''}/${pod.metadata.name}`];
    if (before !== undefined && !sameLabels(before, pod.metadata.labels)) {
      labelChanges.push({
        kind: 'Pod',
        namespace: pod.metadata.namespace ?? 'default',
        name: pod.metadata.name,
        before,
        after: pod.metadata.labels,
      });
    }
  }
  return {
    submission: submitted.map(policyManifest).join('---\n'),
    submittedPolicies: submitted.map((object) => object.policy),
    policies: state.networkPolicies.map((object) => object.policy),
    deletedPolicies,
    labelChanges,
    cluster: clusterOf(state),
  };
}

/**
 * What a terminal session changed besides its policies, in the terms grading needs: the labels of
 * every namespace and pod as they are now, and the pre-existing policies deleted. Small and plain,
 * so a host can check it field by field before grading with it.
 */
export interface TerminalChanges {
  /** Namespace name → its labels now. */
  readonly namespaceLabels: Readonly<Record<string, Labels>>;
  /** `namespace/name` → the pod's labels now. */
  readonly podLabels: Readonly<Record<string, Labels>>;
  readonly deletedPolicies: readonly PolicyRef[];
}

/** The {@link TerminalChanges} of a session. */
export function terminalChanges(state: ClusterState): TerminalChanges {
  return {
    namespaceLabels: Object.fromEntries(
      state.namespaces.map((namespace) => [namespace.metadata.name, { ...namespace.metadata.labels }]),
    ),
    podLabels: Object.fromEntries(
      state.pods.map((pod) => [
        `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`,
        { ...pod.metadata.labels },
      ]),
    ),
    deletedPolicies: terminalSubmission(state).deletedPolicies,
  };
}

/**
 * The exercise as a terminal session left it: its cluster's labels as the learner set them and
 * without the pre-existing policies the learner deleted. Pods and namespaces stay the exercise's
 * own (pods the learner started or deleted do not change what is graded).
 */
export function exerciseWithChanges(exercise: Exercise, changes: TerminalChanges): Exercise {
  const namespaceLabels = new Map(Object.entries(changes.namespaceLabels));
  const podLabels = new Map(Object.entries(changes.podLabels));
  const cluster: Cluster = {
    ...exercise.cluster,
    namespaces: exercise.cluster.namespaces.map((namespace) => {
      const labels = namespaceLabels.get(namespace.name);
      return labels === undefined
        ? namespace
        : { ...namespace, labels: { ...labels, [NAMESPACE_NAME_LABEL]: namespace.name } };
    }),
    pods: exercise.cluster.pods.map((pod) => {
      const labels = podLabels.get(`${pod.namespace}/${pod.name}`);
      return labels === undefined ? pod : { ...pod, labels: { ...labels } };
    }),
  };
  const deleted = new Set(changes.deletedPolicies.map((ref) => `${ref.namespace}/${ref.name}`));
  const clusterPolicies = exercise.clusterPolicies.filter(
    (policy) => !deleted.has(`${policy.namespace}/${policy.name}`),
  );
  return { ...exercise, cluster, clusterPolicies };
}

/**
 * What to hand the grader for a terminal session on `exercise`: the exercise as the session left
 * it ({@link exerciseWithChanges}) and the learner's policies as submission text.
 */
export function gradingInputs(
  exercise: Exercise,
  state: ClusterState,
): { exercise: Exercise; submission: string; details: TerminalSubmission } {
  const details = terminalSubmission(state);
  return {
    exercise: exerciseWithChanges(exercise, terminalChanges(state)),
    submission: details.submission,
    details,
  };
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}=${value}`);
  return pairs.length === 0 ? '(no labels)' : pairs.join(',');
}

/**
 * What the changes did to the exercise (`changed` is {@link exerciseWithChanges} of the two), one line each, as a learner would read them:
 * `labels of pod prod/api: role=api`, `deleted networkpolicy prod/allow-all`. Empty when the
 * session changed nothing beyond its policies.
 */
export function describeTerminalChanges(
  exercise: Exercise,
  changed: Exercise,
  changes: TerminalChanges,
): string[] {
  const lines: string[] = [];
  exercise.cluster.namespaces.forEach((namespace, index) => {
    const now = changed.cluster.namespaces[index];
    if (now !== undefined && !sameLabels(namespace.labels, now.labels))
      lines.push(`labels of namespace ${namespace.name}: ${labelText(now.labels)}`);
  });
  exercise.cluster.pods.forEach((pod, index) => {
    const now = changed.cluster.pods[index];
    if (now !== undefined && !sameLabels(pod.labels, now.labels))
      lines.push(`labels of pod ${pod.namespace}/${pod.name}: ${labelText(now.labels)}`);
  });
  for (const ref of changes.deletedPolicies) lines.push(`deleted networkpolicy ${ref.namespace}/${ref.name}`);
  return lines;
}
