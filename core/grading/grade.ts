/**
 * Grades a learner's submission the way the Kubernetes e2e suite grades a network plugin: by the
 * verdicts the engine computes, never by the shape of the YAML, so any behaviourally correct answer
 * passes. Also grades allow/deny predictions. Pure; learner input never makes it throw.
 */
import type { Diagnostic, NetworkPolicy } from '../netpol/types.ts';
import { parseManifests } from '../netpol/read/manifests.ts';
import { compileModel } from '../netpol/compile.ts';
import { lintPolicies } from '../netpol/lint/index.ts';
import type { CompiledModel } from '../netpol/compile.ts';
import type { Connection } from '../netpol/types.ts';
import { describeEndpoint } from '../netpol/explain.ts';
import { cellOf, partitionSpace } from '../netpol/space.ts';
import { decideDisagreements, diffLines } from '../netpol/diff.ts';
import type {
  Check,
  Exercise,
  Expectation,
  PolicyCheck,
  PolicyCountCheck,
  ReachCheck,
} from '../exercise/types.ts';
import { gradePolicyCheck, gradePolicyCountCheck } from './policy-checks.ts';
import { evaluateReach, reachConnection } from './reach.ts';
import { combine, readSubmission } from './submission.ts';
import type { ReadSubmission } from './submission.ts';
import type { CheckResult, GradeDifference, GradeResult } from './types.ts';

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

function notRun(check: Check, reason: string): CheckResult {
  return {
    ...base(check),
    requirement: check.type === 'reach' ? 'behaviour' : 'form',
    passed: false,
    status: 'not-run',
    code: 'check.not-run',
    expected: check.type === 'reach' ? check.expect : '',
    actual: 'not run',
    explanation: [reason],
  };
}

/** The policies a text holds (diagnostics aside), for the reference solution and the starter. */
function policiesOf(text: string, source: string): readonly NetworkPolicy[] {
  return parseManifests([{ text: typeof text === 'string' ? text : '', source }]).policies;
}

/** A check's outcome on one policy set, plus whether the starter already met it. */
interface Judged {
  readonly result: CheckResult;
  readonly starterMet: boolean;
}

function judgeReach(
  check: ReachCheck,
  exercise: Exercise,
  answer: CompiledModel,
  starter: CompiledModel,
): Judged {
  const evaluation = evaluateReach(answer, exercise.cluster, check);
  const actual = evaluation.verdict === undefined ? 'unknown' : expectationOf(evaluation.verdict.allowed);
  const passed = actual === check.expect;
  const starterVerdict = evaluateReach(starter, exercise.cluster, check).verdict;
  const starterMet = starterVerdict !== undefined && expectationOf(starterVerdict.allowed) === check.expect;
  return {
    starterMet,
    result: {
      ...base(check),
      requirement: 'behaviour',
      counts: !starterMet || !passed,
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
    },
  };
}

function judgeForm(
  check: PolicyCheck | PolicyCountCheck,
  exercise: Exercise,
  learner: readonly NetworkPolicy[],
  starter: readonly NetworkPolicy[],
): Judged {
  const grade = (policies: readonly NetworkPolicy[]): ReturnType<typeof gradePolicyCheck> =>
    check.type === 'policy'
      ? gradePolicyCheck(check, exercise.cluster, policies)
      : gradePolicyCountCheck(check, policies);
  const outcome = grade(learner);
  const starterMet = grade(starter).passed;
  return {
    starterMet,
    result: {
      ...base(check),
      requirement: 'form',
      counts: !starterMet || !outcome.passed,
      ...outcome,
      status: outcome.passed ? 'passed' : 'failed',
    },
  };
}

/**
 * Score over the requirements that count: those the starter does not already meet, and those the
 * answer breaks. Doing nothing scores 0; anything short of a pass scores below 100.
 */
function scoreOf(
  requirements: readonly { counts: boolean; passed: boolean; weight: number }[],
  passed: boolean,
): number {
  const counted = requirements.filter((requirement) => requirement.counts);
  const total = counted.reduce((sum, requirement) => sum + requirement.weight, 0);
  const earned = counted
    .filter((requirement) => requirement.passed)
    .reduce((sum, requirement) => sum + requirement.weight, 0);
  if (total === 0) return passed ? 100 : 0;
  const score = Math.round((100 * earned) / total);
  return passed ? score : Math.min(score, 99);
}

/** Where the submission behaves unlike the reference solution outside the free regions and the checks. */
function otherDifferences(
  exercise: Exercise,
  sets: readonly [readonly NetworkPolicy[], readonly NetworkPolicy[], readonly NetworkPolicy[]],
  models: readonly [CompiledModel, CompiledModel],
): { lines: GradeDifference[]; starterDiffers: boolean } {
  const space = partitionSpace(exercise.cluster, sets, exercise.free);
  // Cells where all three sets agree can neither differ nor tell the starter apart: left out.
  const { cells } = decideDisagreements(space, sets, exercise.free);
  // Cells a reach check stands in are reported by that check, not again here.
  const named = new Set<string>();
  for (const check of exercise.checks) {
    // An informational check is shown, not graded: its region still has to match the solution.
    if (check.type !== 'reach' || check.informational) continue;
    const connection = reachConnection(exercise.cluster, check);
    if (typeof connection === 'string') continue;
    const cell = cellOf(space, connection);
    if (cell !== undefined)
      named.add(`${cell.from.index}>${cell.to.index}>${cell.port.protocol}:${cell.port.first}`);
  }
  const unnamed = cells.filter(
    (cell) => !named.has(`${cell.from.index}>${cell.to.index}>${cell.port.protocol}:${cell.port.first}`),
  );
  const starterDiffers = unnamed.some((cell) => cell.allowed[2] !== cell.allowed[1]);
  const lines = diffLines(
    space,
    unnamed,
    [models[1], models[0]],
    { left: 'the task', right: 'yours' },
    [1, 0],
  ).map((line): GradeDifference => ({
    text: line.text,
    from: line.from,
    to: line.to,
    ports: line.ports,
    expected: line.left,
    actual: line.right,
    connection: routeOf(line.example),
    explanation: [...line.rightExplanation],
  }));
  return { lines, starterDiffers };
}

function routeOf(connection: Connection): string {
  return `${describeEndpoint(connection.from)} -> ${describeEndpoint(connection.to)} on ${connection.port}/${connection.protocol}`;
}

/** The id of the requirement "every other connection behaves as the task asks". */
export const OTHER_CONNECTIONS = 'other-connections';

/**
 * Grades a `write` or `fix` submission by behaviour over the whole connection space: it passes when
 * it decides every connection as the reference solution does, outside the regions the exercise
 * leaves free, and meets the form requirements the task states. The checks are the named parts of
 * that requirement; a difference no check names is reported as lines of the semantic diff. An answer
 * with errors is not graded at all: one message says why.
 */
export function gradeSubmission(
  exercise: Exercise,
  submission: string,
  options: GradeOptions = {},
): GradeResult {
  const source = options.source ?? SUBMISSION_SOURCE;
  return gradeRead(exercise, readSubmission(exercise, submission, source), source, true);
}

/**
 * Grades policies that are already read (the learner's own, valid), as {@link gradeSubmission}
 * grades text: the mutation gate grades its mutants this way. Lint is left out when `lint` is false.
 */
export function gradePolicies(
  exercise: Exercise,
  learnerPolicies: readonly NetworkPolicy[],
  options: GradeOptions & { readonly lint?: boolean } = {},
): GradeResult {
  const source = options.source ?? SUBMISSION_SOURCE;
  const combined = combine(exercise, learnerPolicies, source);
  const read: ReadSubmission = {
    diagnostics: combined.diagnostics,
    hasErrors: false,
    learnerPolicies,
    policies: combined.policies,
  };
  return gradeRead(exercise, read, source, options.lint ?? true);
}

function gradeRead(exercise: Exercise, read: ReadSubmission, source: string, withLint: boolean): GradeResult {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const learner = read.learnerPolicies;
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const header = { exerciseId: exercise.id, contentHash: exercise.contentHash, kind: exercise.kind };
  if (read.policies === undefined || errors.length > 0) {
    const first = errors[0];
    const invalid = `Nothing was graded: the answer has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}. Fix ${errors.length === 1 ? 'it' : 'them'} and check again. First: ${first?.message ?? ''}`;
    const checks = exercise.checks.map((check) => notRun(check, invalid));
    return { ...header, passed: false, score: 0, checks, differences: [], invalid, diagnostics, lint: [] };
  }
  const combined = { policies: read.policies };
  const solutionSet = combine(
    exercise,
    policiesOf(exercise.solution, 'solution.yaml'),
    'solution.yaml',
  ).policies;
  const starterLearner = policiesOf(exercise.starter, 'starter.yaml');
  const starterSet = combine(exercise, starterLearner, 'starter.yaml').policies;
  const answerModel = compileModel(exercise.cluster, combined.policies);
  const solutionModel = compileModel(exercise.cluster, solutionSet);
  const starterModel = compileModel(exercise.cluster, starterSet);

  const judged = exercise.checks.map((check) =>
    check.type === 'reach'
      ? judgeReach(check, exercise, answerModel, starterModel)
      : judgeForm(check, exercise, learner, starterLearner),
  );
  const others = otherDifferences(
    exercise,
    [combined.policies, solutionSet, starterSet],
    [answerModel, solutionModel],
  );
  const checks = judged.map((item) => item.result);
  const graded = checks.filter((check) => !check.informational);
  const passed = graded.every((check) => check.passed) && others.lines.length === 0;
  const otherRequirement = {
    counts: others.starterDiffers || others.lines.length > 0,
    passed: others.lines.length === 0,
    weight: 1,
  };
  const score = scoreOf(
    [
      ...graded.map((check) => ({
        counts: check.counts ?? true,
        passed: check.passed,
        weight: check.weight,
      })),
      otherRequirement,
    ],
    passed,
  );
  const lint = withLint
    ? lintPolicies(exercise.cluster, combined.policies).filter((finding) => finding.source === source)
    : [];
  return { ...header, passed, score, checks, differences: others.lines, diagnostics, lint };
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
      requirement: 'behaviour',
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
    differences: [],
    diagnostics,
    lint: [],
  };
}
