/**
 * "What your change did": the semantic diff (core/netpol/diff.ts) between two texts of an answer,
 * each read exactly as grading reads it. Pure, so it is tested in Node and runs in the page.
 */
import { readSubmission } from '../../../core/grading/index.ts';
import { diffPolicies, type DiffResult } from '../../../core/netpol/index.ts';
import type { AnalysedExercise } from './submission-analysis.ts';

export type ChangeDiff =
  { readonly ok: true; readonly result: DiffResult } | { readonly ok: false; readonly message: string };

/** The connections whose verdict changed from `before` to `after`, or why they cannot be compared. */
export function changeDiff(exercise: AnalysedExercise, before: string, after: string): ChangeDiff {
  const old = readSubmission(exercise, before, 'before');
  const now = readSubmission(exercise, after, 'after');
  if (old.policies === undefined)
    return { ok: false, message: 'The earlier text has errors, so it cannot be compared.' };
  if (now.policies === undefined)
    return { ok: false, message: 'Your answer has errors, so it cannot be compared.' };
  return {
    ok: true,
    result: diffPolicies(exercise.cluster, old.policies, now.policies, {
      wording: { left: 'before', right: 'now' },
    }),
  };
}
