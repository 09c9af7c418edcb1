/**
 * What the exam screen may show. While an exam runs, nothing that grades or hints is exposed: no
 * result, and exercise views without hints, checks or the reference solution. Results appear only
 * once the exam is submitted.
 */
import { examTitleOf } from '../exercise/types.ts';
import type { Exercise } from '../exercise/types.ts';
import { examStatus, remainingMs, timeSpentByTask } from './session.ts';
import type { ExamStatus } from './session.ts';
import type { ExamAnswer, ExamKindId, ExamResult, ExamSession, ExamTask } from './types.ts';

/** A session as the UI sees it at one moment. */
export interface ExamPublicView {
  readonly id: string;
  readonly presetId: ExamKindId;
  readonly title: string;
  readonly description: string;
  readonly passMark: number;
  readonly status: ExamStatus;
  readonly startedAt: number;
  readonly endsAt: number;
  readonly durationMs: number;
  readonly remainingMs: number;
  readonly tasks: readonly ExamTask[];
  readonly answers: Readonly<Record<string, ExamAnswer>>;
  readonly flags: readonly string[];
  readonly currentTaskId: string;
  /** Including the running stint on the current task. */
  readonly timeSpentMs: Readonly<Record<string, number>>;
  readonly drawNotes: readonly string[];
  readonly submittedAt: number | null;
  /** Null until the exam is submitted. */
  readonly result: ExamResult | null;
}

/** A task as a running exam shows it: the catalogue title may name the trick, so it stays back. */
function withoutCatalogueTitle(task: ExamTask): ExamTask {
  if (task.catalogueTitle === undefined) return task;
  return {
    exerciseId: task.exerciseId,
    title: task.title,
    track: task.track,
    difficulty: task.difficulty,
    kind: task.kind,
    points: task.points,
    suggestedMinutes: task.suggestedMinutes,
  };
}

/** The session for the UI, with the result held back until submission. */
export function publicView(session: ExamSession, now: number): ExamPublicView {
  const status = examStatus(session, now);
  return {
    id: session.id,
    presetId: session.preset.id,
    title: session.preset.title,
    description: session.preset.description,
    passMark: session.preset.passMark,
    status,
    startedAt: session.startedAt,
    endsAt: session.endsAt,
    durationMs: session.durationMs,
    remainingMs: remainingMs(session, now),
    tasks: status === 'submitted' ? session.tasks : session.tasks.map(withoutCatalogueTitle),
    answers: session.answers,
    flags: session.flags,
    currentTaskId: session.currentTaskId,
    timeSpentMs: timeSpentByTask(session, now),
    drawNotes: session.drawNotes,
    submittedAt: session.submittedAt,
    result: status === 'submitted' ? session.result : null,
  };
}

/**
 * An exercise as an exam task shows it: no hints, no checks, no reference solution, and its exam
 * title as `title` (the catalogue title may give the trick away).
 */
export type ExamExerciseView = Omit<
  Exercise,
  'examTitle' | 'hints' | 'checks' | 'free' | 'solution' | 'source'
>;

/** Strips what would give an exam task away. */
export function examExerciseView(exercise: Exercise): ExamExerciseView {
  // Spelled out rather than spread-and-delete, so a field added to Exercise later is not leaked by default.
  return {
    id: exercise.id,
    title: examTitleOf(exercise),
    track: exercise.track,
    difficulty: exercise.difficulty,
    minutes: exercise.minutes,
    tags: exercise.tags,
    kind: exercise.kind,
    examWeight: exercise.examWeight,
    task: exercise.task,
    cluster: exercise.cluster,
    clusterPolicies: exercise.clusterPolicies,
    clusterPoliciesText: exercise.clusterPoliciesText,
    starter: exercise.starter,
    contentHash: exercise.contentHash,
  };
}
