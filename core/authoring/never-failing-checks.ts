/**
 * Finds checks that do not tell a right answer from a wrong one: a graded check that passes both
 * with the starter and with no learner policies at all can never fail for a learner who did nothing.
 */
import type { Exercise } from '../exercise/index.ts';
import { gradeSubmission } from '../grading/index.ts';
import type { GradeResult } from '../grading/index.ts';

function passingIds(result: GradeResult): Set<string> {
  return new Set(
    result.checks.filter((check) => check.passed && !check.informational).map((check) => check.id),
  );
}

/**
 * Ids of graded checks that pass with the starter and with an empty submission, in check order.
 * Predict exercises have no submission, so none of their checks is reported.
 */
export function checksThatNeverFail(exercise: Exercise): string[] {
  if (exercise.kind === 'predict') return [];
  const withStarter = passingIds(gradeSubmission(exercise, exercise.starter, { source: 'starter.yaml' }));
  const withNothing = passingIds(gradeSubmission(exercise, '', { source: 'empty.yaml' }));
  return exercise.checks
    .filter((check) => !check.informational && withStarter.has(check.id) && withNothing.has(check.id))
    .map((check) => check.id);
}
