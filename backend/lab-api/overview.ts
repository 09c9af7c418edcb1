/** The progress screen's numbers: activity from the store, per-track totals from the catalogue. */
import type { ExerciseProgressView, ProgressOverview } from '../../core/lab-api/index.ts';
import type { ActivitySummary } from '../progress/index.ts';
import type { CatalogIndex } from './catalog-index.ts';

/**
 * Combines the store's activity summary with per-exercise progress. Exercise counts cover only the
 * exercises in the catalogue, so progress on a removed exercise does not inflate "N of M".
 */
export function buildOverview(
  catalog: CatalogIndex,
  activity: ActivitySummary,
  progress: ReadonlyMap<string, ExerciseProgressView>,
): ProgressOverview {
  const listed = catalog.exercises.map((exercise) => progress.get(exercise.id));
  return {
    today: activity.today,
    days: activity.days.map((day) => ({ date: day.date, attempts: day.attempts, passes: day.passes })),
    totalAttempts: activity.totalAttempts,
    exercisesAttempted: listed.filter((entry) => (entry?.attemptCount ?? 0) > 0).length,
    exercisesCompleted: listed.filter((entry) => entry?.completed === true).length,
    exerciseCount: catalog.exercises.length,
    currentStreak: activity.currentStreak,
    currentPassStreak: activity.currentPassStreak,
    tracks: catalog.tracks.map((track) => {
      const entries = track.exerciseIds.map((id) => progress.get(id));
      const scoreSum = entries.reduce((sum, entry) => sum + (entry?.bestScore ?? 0), 0);
      return {
        id: track.id,
        title: track.title,
        completed: entries.filter((entry) => entry?.completed === true).length,
        total: entries.length,
        averageBestScore: entries.length === 0 ? 0 : Math.round(scoreSum / entries.length),
      };
    }),
  };
}
