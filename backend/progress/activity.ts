/**
 * Calendar arithmetic for the progress view. Days are the learner's local days (the computer's time
 * zone), because "did I practise today" means the learner's today, not UTC's.
 */
import type { ActivityDay, ActivitySummary } from './types.ts';

/** The local calendar date of a moment, as `YYYY-MM-DD`. */
export function localDay(epochMs: number): string {
  const date = new Date(epochMs);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * The local dates of the `count` days ending on the day of `now`, oldest first. Steps by calendar
 * day from local noon, so days that are 23 or 25 hours long (daylight saving) are neither skipped
 * nor repeated.
 */
export function recentDays(now: number, count: number): string[] {
  const cursor = new Date(now);
  cursor.setHours(12, 0, 0, 0);
  const days: string[] = [];
  for (let index = 0; index < count; index += 1) {
    days.push(localDay(cursor.getTime()));
    cursor.setDate(cursor.getDate() - 1);
  }
  return days.reverse();
}

/** Consecutive active days ending today, or ending yesterday when today has no activity yet. */
export function currentStreak(activeDays: ReadonlySet<string>, now: number): number {
  const cursor = new Date(now);
  cursor.setHours(12, 0, 0, 0);
  if (!activeDays.has(localDay(cursor.getTime()))) cursor.setDate(cursor.getDate() - 1);
  let streak = 0;
  while (activeDays.has(localDay(cursor.getTime()))) {
    streak += 1;
    cursor.setDate(cursor.getDate() - 1);
  }
  return streak;
}

/** Totals per exercise that the summary needs besides the per-day counts. */
export interface ExerciseTotals {
  readonly exercisesAttempted: number;
  readonly exercisesCompleted: number;
}

/** Builds the progress-view summary from per-day counts (only days with activity need be given). */
export function summarizeActivity(
  activeDays: readonly ActivityDay[],
  totals: ExerciseTotals,
  now: number,
  windowDays: number,
): ActivitySummary {
  const byDate = new Map(activeDays.map((day) => [day.date, day]));
  const days = recentDays(now, windowDays).map(
    (date): ActivityDay => byDate.get(date) ?? { date, attempts: 0, passes: 0 },
  );
  const attemptDays = new Set(activeDays.filter((day) => day.attempts > 0).map((day) => day.date));
  const passDays = new Set(activeDays.filter((day) => day.passes > 0).map((day) => day.date));
  return {
    today: localDay(now),
    days,
    totalAttempts: activeDays.reduce((sum, day) => sum + day.attempts, 0),
    exercisesAttempted: totals.exercisesAttempted,
    exercisesCompleted: totals.exercisesCompleted,
    currentStreak: currentStreak(attemptDays, now),
    currentPassStreak: currentStreak(passDays, now),
  };
}
