/**
 * Turning store records into the contract's views. The store keeps scores as fractions from 0 to 1
 * (what `AttemptInput` asks for); the UI sees the grader's 0–100, so the conversion lives here only.
 */
import type { AttemptView, ExerciseProgressView } from '../../core/lab-api/index.ts';
import type { Attempt, ExerciseProgress } from '../progress/index.ts';

/** A 0–100 grader score as the store keeps it. */
export function toStoredScore(score: number): number {
  return Math.min(1, Math.max(0, score / 100));
}

/** A stored 0–1 score as the UI shows it, 0–100 (whole numbers, as the grader gives them). */
export function toShownScore(stored: number): number {
  return Math.round(stored * 100);
}

/** Re-exported for the host's callers; the shape belongs to the contract. */
export { emptyProgress } from '../../core/lab-api/index.ts';

export function toProgressView(progress: ExerciseProgress): ExerciseProgressView {
  return {
    exerciseId: progress.exerciseId,
    attemptCount: progress.attemptCount,
    completed: progress.completed,
    bestScore: progress.bestScore === null ? null : toShownScore(progress.bestScore),
    firstPassedAt: progress.firstPassedAt,
    lastAttemptAt: progress.lastAttemptAt,
    hintsRevealed: progress.hintsRevealed,
    solutionViewedAt: progress.solutionViewedAt,
    draftUpdatedAt: progress.draftUpdatedAt,
  };
}

export function toAttemptView(attempt: Attempt): AttemptView {
  return {
    id: attempt.id,
    exerciseId: attempt.exerciseId,
    exerciseVersion: attempt.exerciseVersion,
    yaml: attempt.yaml,
    score: toShownScore(attempt.score),
    passed: attempt.passed,
    durationMs: attempt.durationMs,
    createdAt: attempt.createdAt,
  };
}

/**
 * The exercise to offer under "Continue": the one touched last (an attempt or a saved draft) that is
 * not completed yet, among those `listed` in the catalogue. Ties go to the earlier catalogue entry.
 */
export function pickContinueExercise(
  progress: readonly ExerciseProgressView[],
  listed: readonly string[],
): string | null {
  const byId = new Map(progress.map((entry) => [entry.exerciseId, entry]));
  let best: { id: string; touchedAt: number } | null = null;
  for (const id of listed) {
    const entry = byId.get(id);
    if (entry === undefined || entry.completed) continue;
    const touchedAt = Math.max(entry.lastAttemptAt ?? -Infinity, entry.draftUpdatedAt ?? -Infinity);
    if (touchedAt === -Infinity) continue;
    if (best === null || touchedAt > best.touchedAt) best = { id, touchedAt };
  }
  return best?.id ?? null;
}
