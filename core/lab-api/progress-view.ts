/** The progress view of an exercise nobody has touched yet, shared by the host and the UI's tests. */
import type { ExerciseProgressView } from './contract.ts';

/** Progress before any attempt, draft, hint or solution; `changes` overrides fields (tests). */
export function emptyProgress(
  exerciseId: string,
  changes: Partial<ExerciseProgressView> = {},
): ExerciseProgressView {
  return {
    exerciseId,
    attemptCount: 0,
    completed: false,
    bestScore: null,
    firstPassedAt: null,
    lastAttemptAt: null,
    hintsRevealed: 0,
    solutionViewedAt: null,
    draftUpdatedAt: null,
    ...changes,
  };
}
