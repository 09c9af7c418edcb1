/**
 * Reads a session back from stored JSON. Stored data may come from an older build or a damaged
 * file, so it is checked field by field before the rules trust it; a bad record becomes an
 * `exam.invalid-session` error naming the first problem, never an exception.
 */
import { DIFFICULTIES } from '../exercise/types.ts';
import { recordOf } from '../records/index.ts';
import { refuse, succeed } from './outcome.ts';
import { EXAM_PRESET_IDS, EXAM_TASK_KINDS } from './types.ts';
import type { ExamAnswer, ExamOutcome, ExamSession } from './types.ts';

type Fields = Record<string, unknown>;

const PRESET_IDS: readonly string[] = [...EXAM_PRESET_IDS, 'custom'];

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isNumberRecord(value: unknown): boolean {
  return isObject(value) && Object.values(value).every(isNumber);
}

/** The first problem with a preset, or undefined. */
function presetProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'preset is not an object';
  if (typeof value.id !== 'string' || !PRESET_IDS.includes(value.id)) return 'preset.id is unknown';
  if (typeof value.title !== 'string' || typeof value.description !== 'string')
    return 'preset texts are missing';
  for (const key of ['taskCount', 'minutes', 'passMark']) {
    if (!isNumber(value[key])) return `preset.${key} is not a number`;
  }
  const selection = value.selection;
  if (!isObject(selection)) return 'preset.selection is not an object';
  if (!isStringList(selection.tracks) || !isStringList(selection.tags))
    return 'preset.selection lists are invalid';
  if (
    !isStringList(selection.difficulties) ||
    !selection.difficulties.every((item) => (DIFFICULTIES as readonly string[]).includes(item))
  ) {
    return 'preset.selection.difficulties is invalid';
  }
  if (
    !isStringList(selection.kinds) ||
    !selection.kinds.every((item) => (EXAM_TASK_KINDS as readonly string[]).includes(item))
  ) {
    return 'preset.selection.kinds is invalid';
  }
  const topics = selection.topics;
  if (
    !Array.isArray(topics) ||
    !topics.every((topic) => isObject(topic) && typeof topic.name === 'string' && isStringList(topic.tags))
  ) {
    return 'preset.selection.topics is invalid';
  }
  return undefined;
}

function taskProblem(value: unknown, index: number): string | undefined {
  if (!isObject(value)) return `tasks[${index}] is not an object`;
  for (const key of ['exerciseId', 'title', 'track']) {
    if (typeof value[key] !== 'string') return `tasks[${index}].${key} is not text`;
  }
  // Absent in sessions stored before exam titles: those tasks carry the catalogue title only.
  if (value.catalogueTitle !== undefined && typeof value.catalogueTitle !== 'string')
    return `tasks[${index}].catalogueTitle is not text`;
  if (!(DIFFICULTIES as readonly unknown[]).includes(value.difficulty))
    return `tasks[${index}].difficulty is invalid`;
  if (!(EXAM_TASK_KINDS as readonly unknown[]).includes(value.kind)) return `tasks[${index}].kind is invalid`;
  if (!isNumber(value.points) || !isNumber(value.suggestedMinutes))
    return `tasks[${index}] numbers are invalid`;
  return undefined;
}

/** The first problem with a whole session, or undefined. */
function sessionProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'the session is not an object';
  if (typeof value.id !== 'string' || value.id === '') return 'id is missing';
  const preset = presetProblem(value.preset);
  if (preset !== undefined) return preset;
  if (typeof value.seed !== 'number' || !Number.isSafeInteger(value.seed))
    return 'seed is not a whole number';
  for (const key of ['startedAt', 'durationMs', 'endsAt', 'currentSince']) {
    if (!isNumber(value[key])) return `${key} is not a number`;
  }
  if (!Array.isArray(value.tasks) || value.tasks.length === 0) return 'tasks are missing';
  const tasks: unknown[] = value.tasks;
  for (const [index, task] of tasks.entries()) {
    const problem = taskProblem(task, index);
    if (problem !== undefined) return problem;
  }
  const answers = value.answers;
  if (!isObject(answers)) return 'answers is not an object';
  for (const [id, answer] of Object.entries(answers)) {
    if (!isObject(answer) || typeof answer.text !== 'string' || !isNumber(answer.savedAt)) {
      return `answers.${id} is invalid`;
    }
  }
  if (!isStringList(value.flags)) return 'flags is not a list of task ids';
  if (typeof value.currentTaskId !== 'string') return 'currentTaskId is not text';
  if (!isNumberRecord(value.timeSpentMs)) return 'timeSpentMs is invalid';
  if (!isStringList(value.drawNotes)) return 'drawNotes is not a list of text';
  if (value.submittedAt !== null && !isNumber(value.submittedAt)) return 'submittedAt is invalid';
  if (value.result !== null && !isObject(value.result)) return 'result is invalid';
  if ((value.submittedAt === null) !== (value.result === null)) return 'submittedAt and result disagree';
  return undefined;
}

/**
 * An answer as the rules may trust it: a terminal session that is not non-empty text (a damaged
 * record) is dropped, so the exam still opens with its answer and the terminal starts over.
 */
function answerOf(answer: ExamAnswer): ExamAnswer {
  const terminal: unknown = answer.terminal;
  if (terminal === undefined) return answer;
  if (typeof terminal === 'string' && terminal !== '') return answer;
  return { text: answer.text, savedAt: answer.savedAt };
}

/** Checks stored JSON and returns it as a session, or says what is wrong with it. */
export function readExamSession(value: unknown): ExamOutcome<ExamSession> {
  const problem = sessionProblem(value);
  if (problem !== undefined) return refuse('exam.invalid-session', `The stored exam is damaged: ${problem}.`);
  const session = value as unknown as ExamSession;
  // Ids are keys: keep them away from Object.prototype (an exercise may be called `constructor`).
  return succeed({
    ...session,
    answers: recordOf(Object.entries(session.answers).map(([id, answer]) => [id, answerOf(answer)])),
    timeSpentMs: recordOf(Object.entries(session.timeSpentMs)),
  });
}
