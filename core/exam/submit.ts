/**
 * Submitting an exam: every task is graded once, unanswered ones score nothing, and the weighted
 * points decide pass or fail against the preset's pass mark. The grade function is passed in, so
 * core does not care how grading runs; it defaults to the core grader.
 */
import type { Exercise } from '../exercise/types.ts';
import { gradeSubmission } from '../grading/index.ts';
import { ownValue } from '../records/index.ts';
import { refuse, succeed } from './outcome.ts';
import { timeSpentByTask } from './session.ts';
import type {
  ExamGrader,
  ExamOutcome,
  ExamResult,
  ExamSession,
  ExamTask,
  ExamTaskResult,
  ExamTaskStatus,
} from './types.ts';
import type { GradeResult } from '../grading/types.ts';

/** Exams only hold `write` and `fix` tasks, both graded as NetworkPolicy YAML. */
export const defaultExamGrader: ExamGrader = (exercise, answer) => gradeSubmission(exercise, answer);

/** The catalogue as a map or a plain object keyed by exercise id. */
export type ExercisesById = ReadonlyMap<string, Exercise> | Readonly<Record<string, Exercise>>;

function lookup(exercises: ExercisesById, id: string): Exercise | undefined {
  if (exercises instanceof Map) return (exercises as ReadonlyMap<string, Exercise>).get(id);
  const record = exercises as Readonly<Record<string, Exercise>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** A whole score 0–100, whatever a grade function hands back. */
function clampScore(score: unknown): number {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, Math.round(score)));
}

interface Graded {
  readonly status: ExamTaskStatus;
  readonly grade: GradeResult | null;
}

function gradeTask(
  task: ExamTask,
  exercise: Exercise | undefined,
  text: string | undefined,
  grade: ExamGrader,
): Graded {
  if (exercise === undefined) return { status: 'missing', grade: null };
  if (text === undefined || text.trim() === '') return { status: 'unanswered', grade: null };
  try {
    return { status: 'graded', grade: grade(exercise, text) };
  } catch {
    // A grader is not supposed to throw; if one does, that task earns nothing but the exam still ends.
    return { status: 'grading-failed', grade: null };
  }
}

/**
 * Grades and closes the exam. Allowed once, also after the time is up: that is the automatic
 * submission, marked `autoSubmitted`. Points are the exercises' exam weights, earned in proportion
 * to each task's score.
 */
export function submitExam(
  session: ExamSession,
  exercisesById: ExercisesById,
  now: number,
  grade: ExamGrader = defaultExamGrader,
): ExamOutcome<ExamSession> {
  if (session.submittedAt !== null) {
    return refuse('exam.submitted', 'This exam is already submitted; its result is final.');
  }
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    return refuse('exam.invalid-option', 'The time must be a number of milliseconds.');
  }
  const timeSpentMs = timeSpentByTask(session, now);
  // Integer arithmetic: points × score summed is the earned points in hundredths, exactly.
  let earnedHundredths = 0;
  let totalPoints = 0;
  let answeredCount = 0;
  const tasks = session.tasks.map((task): ExamTaskResult => {
    const text = ownValue(session.answers, task.exerciseId)?.text;
    if (text !== undefined && text.trim() !== '') answeredCount += 1;
    const graded = gradeTask(task, lookup(exercisesById, task.exerciseId), text, grade);
    const score = graded.grade === null ? 0 : clampScore(graded.grade.score);
    const passed = graded.grade !== null && graded.grade.passed === true;
    earnedHundredths += task.points * score;
    totalPoints += task.points;
    return {
      exerciseId: task.exerciseId,
      status: graded.status,
      score,
      passed,
      points: task.points,
      earnedPoints: (task.points * score) / 100,
      timeSpentMs: ownValue(timeSpentMs, task.exerciseId) ?? 0,
      flagged: session.flags.includes(task.exerciseId),
      grade: graded.grade,
    };
  });
  const passMark = session.preset.passMark;
  const result: ExamResult = {
    tasks,
    totalPoints,
    earnedPoints: earnedHundredths / 100,
    percent: totalPoints === 0 ? 0 : Math.floor(earnedHundredths / totalPoints),
    passMark,
    passed: totalPoints > 0 && earnedHundredths >= passMark * totalPoints,
    autoSubmitted: now >= session.endsAt,
    elapsedMs: Math.max(0, Math.min(now, session.endsAt) - session.startedAt),
    answeredCount,
  };
  return succeed({ ...session, timeSpentMs, submittedAt: now, result });
}
