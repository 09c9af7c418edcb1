/**
 * How a submission is read, once for grading and for the editor's live views alike: parsed as any
 * manifest, objects other than NetworkPolicies noted as ignored, and the learner's policies put in
 * place of pre-existing ones of the same namespace/name, as `kubectl apply` would.
 */
import type { Diagnostic, NetworkPolicy } from '../netpol/types.ts';
import { parseManifests } from '../netpol/read/manifests.ts';
import type { Exercise } from '../exercise/types.ts';

/** What reading a submission needs to know about the exercise. */
export type SubmissionContext = Pick<Exercise, 'cluster' | 'clusterPolicies'>;

/** Warnings for objects in the submission that are not NetworkPolicies (they do not count). */
export function ignoredObjects(parsed: ReturnType<typeof parseManifests>, source: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const owners = new Set<string>();
  for (const pod of parsed.cluster.pods) {
    const object = pod.owner ?? `Pod ${pod.namespace}/${pod.name}`;
    if (owners.has(object)) continue;
    owners.add(object);
    diagnostics.push({
      id: 'grade.ignored-object',
      severity: 'warning',
      message: `${object}: only NetworkPolicy objects count; the exercise's cluster is fixed, so this is ignored`,
      object,
      ...(pod.position === undefined ? {} : { position: pod.position }),
      source,
    });
  }
  for (const namespace of parsed.cluster.namespaces) {
    if (namespace.implicit === true) continue;
    diagnostics.push({
      id: 'grade.ignored-object',
      severity: 'warning',
      message: `Namespace ${namespace.name}: only NetworkPolicy objects count; the exercise's cluster is fixed, so this is ignored`,
      object: `Namespace ${namespace.name}`,
      source,
    });
  }
  return diagnostics;
}

/**
 * The learner's policies take the place of pre-existing ones with the same namespace/name, as
 * `kubectl apply` would; everything else in `cluster.policies` stays in force.
 */
export function combine(
  exercise: SubmissionContext,
  learner: readonly NetworkPolicy[],
  source: string,
): { policies: NetworkPolicy[]; diagnostics: Diagnostic[] } {
  const key = (policy: NetworkPolicy): string => `${policy.namespace}/${policy.name}`;
  const learnerKeys = new Set(learner.map(key));
  const diagnostics: Diagnostic[] = exercise.clusterPolicies
    .filter((policy) => learnerKeys.has(key(policy)))
    .map((policy) => ({
      id: 'grade.replaces-cluster-policy',
      severity: 'info',
      message: `NetworkPolicy ${key(policy)}: replaces the policy of that name already in the cluster`,
      object: `NetworkPolicy ${key(policy)}`,
      source,
    }));
  const kept = exercise.clusterPolicies.filter((policy) => !learnerKeys.has(key(policy)));
  return { policies: [...kept, ...learner], diagnostics };
}

/** A submission read against an exercise. */
export interface ReadSubmission {
  /** Parser diagnostics, then the notes about ignored objects and replaced policies. */
  readonly diagnostics: readonly Diagnostic[];
  readonly hasErrors: boolean;
  /** The learner's own valid policies. */
  readonly learnerPolicies: readonly NetworkPolicy[];
  /** Every policy in force: the pre-existing ones not replaced, then the learner's (absent on errors). */
  readonly policies?: readonly NetworkPolicy[];
}

/** Reads a submission the way grading does; never throws on learner input. */
export function readSubmission(exercise: SubmissionContext, text: string, source: string): ReadSubmission {
  const parsed = parseManifests([{ text: typeof text === 'string' ? text : '', source }]);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...ignoredObjects(parsed, source)];
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (hasErrors) return { diagnostics, hasErrors, learnerPolicies: parsed.policies };
  const combined = combine(exercise, parsed.policies, source);
  diagnostics.push(...combined.diagnostics);
  return { diagnostics, hasErrors, learnerPolicies: parsed.policies, policies: combined.policies };
}
