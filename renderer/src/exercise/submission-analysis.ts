/**
 * Reads the learner's text the way the grader does (core/grading/grade.ts): parse it, put the
 * learner's policies in place of pre-existing ones with the same name, compile the model, lint. The
 * editor's linter and the live graph and matrix share one analyser, so each change is parsed once.
 */
import {
  compileModel,
  lintPolicies,
  parseManifests,
  type CompiledModel,
  type Diagnostic,
  type NetworkPolicy,
} from '../../../core/netpol/index.ts';
import type { ExerciseView } from '../../../core/lab-api/index.ts';

/** The source name diagnostics of the editor text carry (the host grades under the same name). */
export const EDITOR_SOURCE = 'answer';

/** What the exercise analysis needs to know about the exercise. */
export type AnalysedExercise = Pick<ExerciseView, 'cluster' | 'clusterPolicies'>;

export interface SubmissionAnalysis {
  readonly text: string;
  /** Parser diagnostics plus the grader's notes about ignored objects and replaced policies. */
  readonly diagnostics: readonly Diagnostic[];
  /** Lint findings about the learner's own policies. */
  readonly lint: readonly Diagnostic[];
  readonly hasErrors: boolean;
  /** The learner's valid policies. */
  readonly learnerPolicies: readonly NetworkPolicy[];
  /** The model of the cluster with every policy in force; absent when the text has errors. */
  readonly model?: CompiledModel;
}

function policyKey(policy: NetworkPolicy): string {
  return `${policy.namespace}/${policy.name}`;
}

function ignoredObjectNotes(parsed: ReturnType<typeof parseManifests>): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const owners = new Set<string>();
  for (const pod of parsed.cluster.pods) {
    const object = pod.owner ?? `Pod ${pod.namespace}/${pod.name}`;
    if (owners.has(object)) continue;
    owners.add(object);
    notes.push({
      id: 'grade.ignored-object',
      severity: 'warning',
      message: `${object}: only NetworkPolicy objects count; the exercise's cluster is fixed`,
      ...(pod.position === undefined ? {} : { position: pod.position }),
      source: EDITOR_SOURCE,
    });
  }
  for (const namespace of parsed.cluster.namespaces) {
    if (namespace.implicit === true) continue;
    notes.push({
      id: 'grade.ignored-object',
      severity: 'warning',
      message: `Namespace ${namespace.name}: only NetworkPolicy objects count; the exercise's cluster is fixed`,
      source: EDITOR_SOURCE,
    });
  }
  return notes;
}

/** Analyses one text against one exercise; never throws on learner input. */
export function analyseSubmission(exercise: AnalysedExercise, text: string): SubmissionAnalysis {
  const parsed = parseManifests([{ text, source: EDITOR_SOURCE }]);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...ignoredObjectNotes(parsed)];
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const learnerPolicies = parsed.policies;
  if (hasErrors) return { text, diagnostics, lint: [], hasErrors, learnerPolicies };
  const learnerKeys = new Set(learnerPolicies.map(policyKey));
  for (const policy of exercise.clusterPolicies) {
    if (!learnerKeys.has(policyKey(policy))) continue;
    diagnostics.push({
      id: 'grade.replaces-cluster-policy',
      severity: 'info',
      message: `NetworkPolicy ${policyKey(policy)}: replaces the policy of that name already in the cluster`,
      source: EDITOR_SOURCE,
    });
  }
  const kept = exercise.clusterPolicies.filter((policy) => !learnerKeys.has(policyKey(policy)));
  const policies = [...kept, ...learnerPolicies];
  const lint = lintPolicies(exercise.cluster, policies).filter((finding) => finding.source === EDITOR_SOURCE);
  const model = compileModel(exercise.cluster, policies);
  return { text, diagnostics, lint, hasErrors, learnerPolicies, model };
}

/** An analyser that remembers its last answer, so the linter and the live views parse a text once. */
export function createSubmissionAnalyser(exercise: AnalysedExercise): (text: string) => SubmissionAnalysis {
  let last: SubmissionAnalysis | undefined;
  return (text) => {
    if (last?.text !== text) last = analyseSubmission(exercise, text);
    return last;
  };
}

/** The model of the cluster with only its pre-existing policies (predict exercises, empty answers). */
export function clusterModel(exercise: AnalysedExercise): CompiledModel {
  return compileModel(exercise.cluster, exercise.clusterPolicies);
}
