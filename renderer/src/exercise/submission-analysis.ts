/**
 * Reads the learner's text with grading's own reader (core/grading/submission.ts), then compiles the
 * model and lints. The editor's linter and the live graph and matrix share one analyser, so each
 * change is parsed once.
 */
import { readSubmission } from '../../../core/grading/index.ts';
import {
  compileModel,
  lintPolicies,
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

/** Analyses one text against one exercise, reading it exactly as grading does; never throws. */
export function analyseSubmission(exercise: AnalysedExercise, text: string): SubmissionAnalysis {
  const read = readSubmission(exercise, text, EDITOR_SOURCE);
  const { diagnostics, hasErrors, learnerPolicies } = read;
  if (read.policies === undefined) return { text, diagnostics, lint: [], hasErrors, learnerPolicies };
  const lint = lintPolicies(exercise.cluster, read.policies).filter(
    (finding) => finding.source === EDITOR_SOURCE,
  );
  const model = compileModel(exercise.cluster, read.policies);
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
