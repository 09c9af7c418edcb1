/**
 * Grades a learner's submission the way the Kubernetes e2e suite grades a network plugin: by the
 * verdicts the engine computes, never by the shape of the YAML, so any behaviourally correct answer
 * passes. Also grades allow/deny predictions. Pure; learner input never makes it throw.
 */
import type { Diagnostic, NetworkPolicy } from '../netpol/types.ts';
import { parseManifests } from '../netpol/read/manifests.ts';
import { compileModel } from '../netpol/compile.ts';
import { lintPolicies } from '../netpol/lint/index.ts';
import type { Check, Exercise, Expectation } from '../exercise/types.ts';
import { gradePolicyCheck, gradePolicyCountCheck } from './policy-checks.ts';
import { evaluateReach } from './reach.ts';
import type { CheckResult, GradeResult } from './types.ts';

/** Where submission diagnostics say the text came from, unless the caller names it. */
export const SUBMISSION_SOURCE = 'submission';

export interface GradeOptions {
  /** File name or editor tab of the submission, used in diagnostics. */
  readonly source?: string;
}

function base(check: Check): Pick<CheckResult, 'id' | 'type' | 'informational' | 'weight' | 'note'> {
  return {
    id: check.id,
    type: check.type,
    informational: check.informational,
    weight: check.weight,
    ...(check.explain === undefined ? {} : { note: check.explain }),
  };
}

function expectationOf(allowed: boolean): Expectation {
  return allowed ? 'allow' : 'deny';
}

/** Score and pass mark over the graded (non-informational) checks. */
function summarise(checks: readonly CheckResult[], hasErrors: boolean): { passed: boolean; score: number } {
  const graded = checks.filter((check) => !check.informational);
  const total = graded.reduce((sum, check) => sum + check.weight, 0);
  const earned = graded.filter((check) => check.passed).reduce((sum, check) => sum + check.weight, 0);
  const allPassed = graded.every((check) => check.passed);
  if (hasErrors) return { passed: false, score: 0 };
  const score = total === 0 ? (allPassed ? 100 : 0) : Math.round((100 * earned) / total);
  return { passed: allPassed, score };
}

/** Warnings for objects in the submission that are not NetworkPolicies (they do not count). */
function ignoredObjects(parsed: ReturnType<typeof parseManifests>, source: string): Diagnostic[] {
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
function combine(
  exercise: Exercise,
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

function notRun(check: Check, reason: string): CheckResult {
  return {
    ...base(check),
    passed: false,
    status: 'not-run',
    code: 'check.not-run',
    expected: check.type === 'reach' ? check.expect : '',
    actual: 'not run',
    explanation: [reason],
  };
}

/**
 * Grades a `write` or `fix` submission: parses it (error diagnostics mean nothing runs and it does
 * not pass), adds the exercise's pre-existing policies, compiles once and runs every check.
 */
export function gradeSubmission(
  exercise: Exercise,
  submission: string,
  options: GradeOptions = {},
): GradeResult {
  const source = options.source ?? SUBMISSION_SOURCE;
  const parsed = parseManifests([{ text: typeof submission === 'string' ? submission : '', source }]);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...ignoredObjects(parsed, source)];
  const learner = parsed.policies;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const header = { exerciseId: exercise.id, contentHash: exercise.contentHash, kind: exercise.kind };
  if (errors.length > 0) {
    const reason = `Not run: the submission has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; fix ${errors.length === 1 ? 'it' : 'them'} first (${errors[0]?.message ?? ''}).`;
    const checks = exercise.checks.map((check) => notRun(check, reason));
    return { ...header, passed: false, score: 0, checks, diagnostics, lint: [] };
  }
  const combined = combine(exercise, learner, source);
  diagnostics.push(...combined.diagnostics);
  const model = compileModel(exercise.cluster, combined.policies);
  const checks = exercise.checks.map((check): CheckResult => {
    if (check.type === 'reach') {
      const evaluation = evaluateReach(model, exercise.cluster, check);
      const actual = evaluation.verdict === undefined ? 'unknown' : expectationOf(evaluation.verdict.allowed);
      const passed = actual === check.expect;
      return {
        ...base(check),
        passed,
        status: passed ? 'passed' : 'failed',
        code: passed
          ? 'reach.ok'
          : check.expect === 'allow'
            ? 'reach.unexpected-deny'
            : 'reach.unexpected-allow',
        expected: check.expect,
        actual,
        connection: evaluation.route,
        explanation: evaluation.explanation,
        ...(evaluation.verdict === undefined ? {} : { verdict: evaluation.verdict }),
      };
    }
    const outcome =
      check.type === 'policy'
        ? gradePolicyCheck(check, exercise.cluster, learner)
        : gradePolicyCountCheck(check, learner);
    return { ...base(check), ...outcome, status: outcome.passed ? 'passed' : 'failed' };
  });
  const lint = lintPolicies(exercise.cluster, combined.policies).filter(
    (finding) => finding.source === source,
  );
  return { ...header, ...summarise(checks, false), checks, diagnostics, lint };
}

/**
 * Grades allow/deny answers for a `predict` exercise against the engine's verdicts on the given
 * cluster and its policies. Unanswered checks fail; answers for unknown ids are reported.
 */
export function gradePrediction(
  exercise: Exercise,
  answers: Readonly<Record<string, Expectation>>,
): GradeResult {
  const diagnostics: Diagnostic[] = [];
  const given = typeof answers === 'object' && answers !== null ? answers : {};
  if (exercise.kind !== 'predict') {
    diagnostics.push({
      id: 'grade.not-a-predict-exercise',
      severity: 'warning',
      message: `exercise ${exercise.id} is a ${exercise.kind} exercise; predictions are graded against its pre-existing policies only`,
    });
  }
  const reachIds = new Set(
    exercise.checks.filter((check) => check.type === 'reach').map((check) => check.id),
  );
  for (const [id, answer] of Object.entries(given)) {
    if (!reachIds.has(id)) {
      diagnostics.push({
        id: 'grade.unknown-check',
        severity: 'warning',
        message: `${id}: no connection with this id in the exercise; the answer is ignored`,
      });
    } else if (answer !== 'allow' && answer !== 'deny') {
      diagnostics.push({
        id: 'grade.invalid-answer',
        severity: 'warning',
        message: `${id}: ${JSON.stringify(answer)} is not an answer; write allow or deny`,
      });
    }
  }
  const model = compileModel(exercise.cluster, exercise.clusterPolicies);
  const checks: CheckResult[] = [];
  for (const check of exercise.checks) {
    if (check.type !== 'reach') continue;
    const evaluation = evaluateReach(model, exercise.cluster, check);
    const truth = evaluation.verdict === undefined ? check.expect : expectationOf(evaluation.verdict.allowed);
    const raw: unknown = Object.hasOwn(given, check.id) ? given[check.id] : undefined;
    const answer = raw === 'allow' || raw === 'deny' ? raw : undefined;
    const passed = answer === truth;
    checks.push({
      ...base(check),
      passed,
      status: passed ? 'passed' : 'failed',
      code: passed ? 'predict.ok' : answer === undefined ? 'predict.unanswered' : 'predict.wrong',
      expected: truth,
      actual: answer ?? 'no answer',
      connection: evaluation.route,
      explanation: evaluation.explanation,
      ...(evaluation.verdict === undefined ? {} : { verdict: evaluation.verdict }),
    });
  }
  return {
    exerciseId: exercise.id,
    contentHash: exercise.contentHash,
    kind: exercise.kind,
    ...summarise(checks, false),
    checks,
    diagnostics,
    lint: [],
  };
}
