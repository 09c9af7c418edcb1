/** Wording and number formats shared by the screens. */
import type { CatalogExercise, ExerciseProgressView } from '../../../core/lab-api/index.ts';

export type ExerciseStatus = 'not-started' | 'in-progress' | 'completed';

/** Where the learner stands on an exercise. */
export function exerciseStatus(progress: ExerciseProgressView): ExerciseStatus {
  if (progress.completed) return 'completed';
  if (progress.attemptCount > 0 || progress.draftUpdatedAt !== null || progress.hintsRevealed > 0) {
    return 'in-progress';
  }
  return 'not-started';
}

const STATUS_LABELS: Record<ExerciseStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
};

/** "Not started", "In progress" or "Completed". */
export function statusLabel(status: ExerciseStatus): string {
  return STATUS_LABELS[status];
}

const DIFFICULTY_LABELS: Record<CatalogExercise['difficulty'], string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** "Beginner", "Intermediate" or "Advanced". */
export function difficultyLabel(difficulty: CatalogExercise['difficulty']): string {
  return DIFFICULTY_LABELS[difficulty];
}

const KIND_LABELS: Record<CatalogExercise['kind'], string> = {
  write: 'Write a policy',
  fix: 'Fix a policy',
  predict: 'Predict the verdicts',
};

/** What the learner does in an exercise of this kind. */
export function kindLabel(kind: CatalogExercise['kind']): string {
  return KIND_LABELS[kind];
}

/** A 0–100 score as "85%". */
export function formatPercent(score: number): string {
  return `${Math.round(score)}%`;
}

/** "1 day", "3 days": a count with its noun, singular when it is one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** A duration as "45 s", "3 min 5 s" or "1 h 20 min". */
export function formatDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/** A moment as a short local date and time, e.g. "12 Mar, 14:05". */
export function formatDateTime(epochMs: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(epochMs));
}

/** A local `YYYY-MM-DD` date as a short label, e.g. "12 Mar". */
export function formatDay(isoDate: string, locale?: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(
    new Date(year, month - 1, day, 12),
  );
}
