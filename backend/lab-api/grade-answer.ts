/**
 * Grading one answer the way the exercise kind asks: NetworkPolicy YAML for `write` and `fix`, a
 * mapping of check id → allow|deny for `predict`. Also the compact per-check record the store keeps.
 */
import type { Exercise } from '../../core/exercise/index.ts';
import { gradePrediction, gradeSubmission } from '../../core/grading/index.ts';
import type { GradeResult } from '../../core/grading/index.ts';
import type { JsonValue } from '../progress/index.ts';
import { parsePredictionAnswers } from '../../core/grading/index.ts';

/** Grades `answer` against `exercise`; learner input never makes it throw. */
export function gradeAnswer(exercise: Exercise, answer: string): GradeResult {
  if (exercise.kind !== 'predict') return gradeSubmission(exercise, answer, { source: 'answer' });
  const { answers, diagnostics } = parsePredictionAnswers(answer);
  const result = gradePrediction(exercise, answers);
  if (diagnostics.length === 0) return result;
  const unreadable = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return {
    ...result,
    passed: result.passed && !unreadable,
    score: unreadable ? 0 : result.score,
    diagnostics: [...diagnostics, ...result.diagnostics],
  };
}

/**
 * What the store keeps per check: outcome and stable codes only. The full explanation can be
 * recomputed from the stored YAML, and would make every attempt row many times larger.
 */
export function storedChecks(result: GradeResult): JsonValue {
  return result.checks.map((check) => ({
    id: check.id,
    type: check.type,
    status: check.status,
    code: check.code,
    passed: check.passed,
    informational: check.informational,
  }));
}
