/**
 * The data of exam mode: presets, drawn tasks, a running or finished session and its result. Plain
 * serializable JSON throughout, so a session can be stored, sent over IPC and read back unchanged.
 * Times are milliseconds since the Unix epoch, always passed in by the caller.
 */
import type { Difficulty, Exercise, ExerciseKind } from '../exercise/types.ts';
import type { GradeResult } from '../grading/types.ts';

/** Exams hand out tasks the learner writes or repairs; reading (`predict`) exercises are never drawn. */
export type ExamTaskKind = Exclude<ExerciseKind, 'predict'>;
/** The kinds an exam may hand out. */
export const EXAM_TASK_KINDS: readonly ExamTaskKind[] = ['write', 'fix'];

/** The built-in presets: three certification styles and a mock exam over every track. */
export const EXAM_PRESET_IDS = ['cka', 'ckad', 'cks', 'mock'] as const;
/** The id of a built-in preset. */
export type ExamPresetId = (typeof EXAM_PRESET_IDS)[number];
/** Every preset id a session may carry; `custom` marks one built by `customExam`. */
export type ExamKindId = ExamPresetId | 'custom';

/** A subject the draw tries to cover with one task, e.g. "default deny". */
export interface ExamTopic {
  /** Short name for people, used in draw notes. */
  readonly name: string;
  /** An exercise carrying any of these tags covers the topic. */
  readonly tags: readonly string[];
}

/** Which exercises an exam may draw from, and what it tries to cover. */
export interface ExamSelection {
  /**
   * Tracks to draw from. Together with `tags` this is a union: an exercise is in scope when it is in
   * one of these tracks or carries one of the tags. Both empty means every track.
   */
  readonly tracks: readonly string[];
  readonly tags: readonly string[];
  /** Allowed difficulties; never empty. */
  readonly difficulties: readonly Difficulty[];
  /** Allowed kinds; never `predict`. */
  readonly kinds: readonly ExamTaskKind[];
  /** Covered one task each, in this order, before the remaining slots are filled freely. */
  readonly topics: readonly ExamTopic[];
}

/** An exam definition: a built-in preset or a custom one. */
export interface ExamPreset {
  readonly id: ExamKindId;
  readonly title: string;
  readonly description: string;
  readonly taskCount: number;
  readonly minutes: number;
  /** Percent of the points needed to pass, an integer 1–100. */
  readonly passMark: number;
  readonly selection: ExamSelection;
}

/**
 * What the draw needs to know of an exercise. Both a full {@link Exercise} and the catalogue's
 * summary of one fit this shape.
 */
export type ExamCandidate = Pick<
  Exercise,
  'id' | 'title' | 'examTitle' | 'track' | 'difficulty' | 'minutes' | 'tags' | 'kind' | 'examWeight'
>;

/** One drawn task. The exercise id is the task id: a draw never repeats an exercise. */
export interface ExamTask {
  readonly exerciseId: string;
  /** What the exam calls the task: the exercise's exam title (its catalogue title when it has none). */
  readonly title: string;
  /**
   * The catalogue title, only when it differs from `title`. The public view holds it back until
   * the exam is submitted, since it may name the trick. Sessions stored before exam titles lack it.
   */
  readonly catalogueTitle?: string;
  readonly track: string;
  readonly difficulty: Difficulty;
  readonly kind: ExamTaskKind;
  /** The exercise's exam weight (1–10): what a fully correct answer earns. */
  readonly points: number;
  /** A share of the exam's minutes, proportional to the exercise's own estimate. */
  readonly suggestedMinutes: number;
}

/** What `drawExamTasks` returns. */
export interface ExamDraw {
  /** In the order the exam presents them. */
  readonly tasks: readonly ExamTask[];
  /** How many tasks the preset asked for. */
  readonly requested: number;
  /** Exercises that were eligible for this preset. */
  readonly eligibleCount: number;
  /** Why the draw is short or a topic went uncovered; empty when everything went to plan. */
  readonly notes: readonly string[];
}

/** The learner's latest text for one task. */
export interface ExamAnswer {
  readonly text: string;
  readonly savedAt: number;
  /**
   * The task's terminal session (core/terminal's encoded workspace draft), once the learner used the
   * terminal, so returning to the task or restarting the host continues it and the review can show
   * its transcript. Absent for answers written in the editor only, and in sessions stored before it.
   */
  readonly terminal?: string;
}

/** A timed exam, running or finished. */
export interface ExamSession {
  /** Unique, chosen by the caller (at most 200 characters). */
  readonly id: string;
  /** The full definition, so a custom exam reloads exactly as it was started. */
  readonly preset: ExamPreset;
  /** A safe integer; the same seed and catalogue draw the same tasks. */
  readonly seed: number;
  readonly startedAt: number;
  readonly durationMs: number;
  /** `startedAt + durationMs`: wall-clock time, so the exam keeps running while the app is closed. */
  readonly endsAt: number;
  readonly tasks: readonly ExamTask[];
  /** Keyed by exercise id. */
  readonly answers: Readonly<Record<string, ExamAnswer>>;
  /** Exercise ids flagged for review, in the order they were flagged. */
  readonly flags: readonly string[];
  readonly currentTaskId: string;
  /** When the learner arrived at the current task; its running stint is not yet in `timeSpentMs`. */
  readonly currentSince: number;
  /** Time spent on each task in finished stints, keyed by exercise id. */
  readonly timeSpentMs: Readonly<Record<string, number>>;
  /** Why the exam has fewer tasks than its preset asks, or leaves a topic out; usually empty. */
  readonly drawNotes: readonly string[];
  readonly submittedAt: number | null;
  readonly result: ExamResult | null;
}

/**
 * How one task ended: `graded` (an answer was graded), `unanswered` (nothing written: 0 points),
 * `missing` (the exercise is no longer in the catalogue: 0 points), `grading-failed` (the grade
 * function threw: 0 points).
 */
export type ExamTaskStatus = 'graded' | 'unanswered' | 'missing' | 'grading-failed';

/** One task's result. */
export interface ExamTaskResult {
  readonly exerciseId: string;
  readonly status: ExamTaskStatus;
  /** The grader's score, 0–100. */
  readonly score: number;
  /** Every graded check passed. */
  readonly passed: boolean;
  /** The most this task could earn. */
  readonly points: number;
  /** `points × score / 100`, rounded to two decimals. */
  readonly earnedPoints: number;
  readonly timeSpentMs: number;
  readonly flagged: boolean;
  /** The full grading, for review after the exam; null unless `graded`. */
  readonly grade: GradeResult | null;
}

/** The outcome of a submitted exam. */
export interface ExamResult {
  readonly tasks: readonly ExamTaskResult[];
  readonly totalPoints: number;
  /** Rounded to two decimals. */
  readonly earnedPoints: number;
  /** Share of points earned, rounded down to a whole percent, so it never shows a pass that is not one. */
  readonly percent: number;
  readonly passMark: number;
  readonly passed: boolean;
  /** Submitted at or after the end of the time, by the clock rather than the learner. */
  readonly autoSubmitted: boolean;
  /** Time from the start to the submission, at most the exam's duration. */
  readonly elapsedMs: number;
  readonly answeredCount: number;
}

/**
 * Stable ids for why an exam rule refused something; the UI picks the wording.
 * - `exam.invalid-option`: a custom exam or start option is out of range
 * - `exam.unknown-preset`: no preset with that id
 * - `exam.no-tasks`: nothing eligible to draw
 * - `exam.unknown-task`: the task id is not in this exam
 * - `exam.invalid-answer`: the answer is not text or is too long
 * - `exam.submitted`: the exam is already submitted
 * - `exam.expired`: the time is up; only submitting is left
 * - `exam.invalid-session`: stored data is not a session
 */
export type ExamErrorCode =
  | 'exam.invalid-option'
  | 'exam.unknown-preset'
  | 'exam.no-tasks'
  | 'exam.unknown-task'
  | 'exam.invalid-answer'
  | 'exam.submitted'
  | 'exam.expired'
  | 'exam.invalid-session';

/** Why a rule refused: a code for logic, a sentence for people. */
export interface ExamError {
  readonly code: ExamErrorCode;
  /** One sentence a learner can act on. */
  readonly message: string;
}

/** Every exam rule answers a value or an error; none of them throws. */
export type ExamOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ExamError };

/** Grades one answer; the default is the core grader. */
export type ExamGrader = (exercise: Exercise, answer: string) => GradeResult;
