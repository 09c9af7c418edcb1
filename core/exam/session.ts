/**
 * The rules of a running exam as a plain-data state machine: each step takes a session and the
 * current time and returns a new session, or refuses with a stable error code. The clock is the
 * wall clock, so an exam keeps running while the app is closed; once the time is up or the exam
 * is submitted, nothing but submitting (once) is allowed.
 */
import { drawExamTasks } from './draw.ts';
import { refuse, succeed } from './outcome.ts';
import { CUSTOM_EXAM_LIMITS, findPreset } from './presets.ts';
import { emptyRecord, ownValue, withEntry } from '../records/index.ts';
import type {
  ExamAnswer,
  ExamCandidate,
  ExamOutcome,
  ExamPreset,
  ExamPresetId,
  ExamSession,
} from './types.ts';

/** Longest answer kept, in UTF-16 code units (about the 1 MB the store accepts). */
export const MAX_ANSWER_LENGTH = 1_000_000;
/** Longest session id, as the store allows. */
export const MAX_SESSION_ID_LENGTH = 200;

const MINUTE_MS = 60_000;

/** Where an exam stands at a moment. */
export type ExamStatus = 'running' | 'expired' | 'submitted';

/** What `startExam` needs. */
export interface StartExamOptions {
  /** A built-in preset id, or a preset object (from `customExam` or `EXAM_PRESETS`). */
  readonly presetOrCustom: ExamPresetId | ExamPreset;
  /** The catalogue to draw from. */
  readonly exercises: readonly ExamCandidate[];
  /** A safe integer, e.g. from the host's random source. */
  readonly seed: number;
  readonly now: number;
  /** Unique id for the session, 1–200 characters. */
  readonly id: string;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function checkPreset(preset: ExamPreset): string | undefined {
  const limits = CUSTOM_EXAM_LIMITS;
  const whole = (value: unknown, minimum: number, maximum: number): boolean =>
    typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum;
  if (typeof preset !== 'object' || preset === null) return 'The exam definition is missing.';
  if (!whole(preset.taskCount, limits.minTasks, limits.maxTasks)) {
    return `An exam has ${limits.minTasks} to ${limits.maxTasks} tasks.`;
  }
  if (!whole(preset.minutes, limits.minMinutes, limits.maxMinutes)) {
    return `An exam lasts ${limits.minMinutes} to ${limits.maxMinutes} minutes.`;
  }
  if (!whole(preset.passMark, limits.minPassMark, limits.maxPassMark)) {
    return `The pass mark is a whole percent from ${limits.minPassMark} to ${limits.maxPassMark}.`;
  }
  return undefined;
}

/** Draws the tasks and starts the clock. Refuses bad options, and an exam with nothing to draw. */
export function startExam(options: StartExamOptions): ExamOutcome<ExamSession> {
  const { presetOrCustom, exercises, seed, now, id } = options;
  let preset: ExamPreset;
  if (typeof presetOrCustom === 'string') {
    const found = findPreset(presetOrCustom);
    if (!found.ok) return found;
    preset = found.value;
  } else {
    preset = presetOrCustom;
  }
  const presetProblem = checkPreset(preset);
  if (presetProblem !== undefined) return refuse('exam.invalid-option', presetProblem);
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_SESSION_ID_LENGTH || id.trim() !== id) {
    return refuse(
      'exam.invalid-option',
      `An exam id is 1 to ${MAX_SESSION_ID_LENGTH} characters without surrounding spaces.`,
    );
  }
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    return refuse('exam.invalid-option', 'The seed of an exam must be a whole number.');
  }
  if (!isTime(now))
    return refuse('exam.invalid-option', 'The start time must be a whole number of milliseconds.');
  if (!Array.isArray(exercises)) return refuse('exam.invalid-option', 'The exercise catalogue is missing.');

  const draw = drawExamTasks(exercises, preset, seed);
  const first = draw.tasks[0];
  if (first === undefined) {
    return refuse('exam.no-tasks', draw.notes[0] ?? `No exercise fits ${preset.title}.`);
  }
  const durationMs = preset.minutes * MINUTE_MS;
  return succeed({
    id,
    preset,
    seed,
    startedAt: now,
    durationMs,
    endsAt: now + durationMs,
    tasks: draw.tasks,
    answers: emptyRecord<ExamAnswer>(),
    flags: [],
    currentTaskId: first.exerciseId,
    currentSince: now,
    timeSpentMs: emptyRecord<number>(),
    drawNotes: draw.notes,
    submittedAt: null,
    result: null,
  });
}

/** Milliseconds left to work: 0 once the time is up or the exam is submitted. */
export function remainingMs(session: ExamSession, now: number): number {
  if (session.submittedAt !== null) return 0;
  return Math.max(0, session.endsAt - now);
}

/** True from the moment the time is up (submitted or not). */
export function isExpired(session: ExamSession, now: number): boolean {
  return now >= session.endsAt;
}

/** Running, expired (time up, not yet submitted) or submitted. */
export function examStatus(session: ExamSession, now: number): ExamStatus {
  if (session.submittedAt !== null) return 'submitted';
  return isExpired(session, now) ? 'expired' : 'running';
}

/** The length of the stint on the current task so far; time after the end never counts. */
export function runningStintMs(session: ExamSession, now: number): number {
  const until = Math.min(now, session.endsAt, session.submittedAt ?? Number.POSITIVE_INFINITY);
  return Math.max(0, until - session.currentSince);
}

/** Time spent on each task, including the running stint on the current one. */
export function timeSpentByTask(session: ExamSession, now: number): Record<string, number> {
  const spent = emptyRecord<number>();
  for (const task of session.tasks)
    spent[task.exerciseId] = ownValue(session.timeSpentMs, task.exerciseId) ?? 0;
  if (session.submittedAt === null) {
    spent[session.currentTaskId] =
      (ownValue(spent, session.currentTaskId) ?? 0) + runningStintMs(session, now);
  }
  return spent;
}

/** Refuses a change to a submitted or expired exam, or to a task it does not have. */
function checkChange(session: ExamSession, taskId: string, now: number): ExamOutcome<ExamSession> {
  if (session.submittedAt !== null) {
    return refuse('exam.submitted', 'This exam is already submitted; its answers can no longer change.');
  }
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    return refuse('exam.invalid-option', 'The time must be a number of milliseconds.');
  }
  if (isExpired(session, now)) {
    return refuse('exam.expired', 'The time is up; the exam can only be submitted now.');
  }
  if (!session.tasks.some((task) => task.exerciseId === taskId)) {
    return refuse('exam.unknown-task', `This exam has no task "${String(taskId)}".`);
  }
  return succeed(session);
}

/**
 * Keeps the learner's latest text for a task (any task, not only the current one) and, when given,
 * its terminal session.
 */
export function saveAnswer(
  session: ExamSession,
  taskId: string,
  text: string,
  now: number,
  terminal?: string,
): ExamOutcome<ExamSession> {
  const allowed = checkChange(session, taskId, now);
  if (!allowed.ok) return allowed;
  if (typeof text !== 'string') return refuse('exam.invalid-answer', 'An answer must be text.');
  if (text.length > MAX_ANSWER_LENGTH) {
    return refuse('exam.invalid-answer', 'This answer is longer than 1 MB; shorten it to save it.');
  }
  if (terminal !== undefined && typeof terminal !== 'string') {
    return refuse('exam.invalid-answer', 'A terminal session must be text.');
  }
  if (terminal !== undefined && terminal.length > MAX_ANSWER_LENGTH) {
    return refuse('exam.invalid-answer', 'This terminal session is longer than 1 MB; it cannot be saved.');
  }
  // No session given keeps the one saved before (typing in the editor); an empty one clears it.
  const kept = terminal ?? ownValue(session.answers, taskId)?.terminal ?? '';
  const answer: ExamAnswer = kept === '' ? { text, savedAt: now } : { text, savedAt: now, terminal: kept };
  return succeed({ ...session, answers: withEntry(session.answers, taskId, answer) });
}

/** Flags a task for review, or clears its flag. */
export function toggleFlag(session: ExamSession, taskId: string, now: number): ExamOutcome<ExamSession> {
  const allowed = checkChange(session, taskId, now);
  if (!allowed.ok) return allowed;
  const flags = session.flags.includes(taskId)
    ? session.flags.filter((flag) => flag !== taskId)
    : [...session.flags, taskId];
  return succeed({ ...session, flags });
}

/**
 * Opens another task; movement is free, in any order. The time since arriving at the task being
 * left is added to its total.
 */
export function moveTo(session: ExamSession, taskId: string, now: number): ExamOutcome<ExamSession> {
  const allowed = checkChange(session, taskId, now);
  if (!allowed.ok) return allowed;
  if (taskId === session.currentTaskId) return succeed(session);
  const left = session.currentTaskId;
  const timeSpentMs = withEntry(
    session.timeSpentMs,
    left,
    (ownValue(session.timeSpentMs, left) ?? 0) + runningStintMs(session, now),
  );
  return succeed({ ...session, timeSpentMs, currentTaskId: taskId, currentSince: now });
}
