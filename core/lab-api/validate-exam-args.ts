/**
 * Runtime checks for the arguments of the exam methods of {@link LabApi}. The exam rules in core
 * check ranges again (task count, minutes, pass mark); these checks only make sure each argument has
 * the right shape and size before it reaches the backend.
 */
import { CUSTOM_EXAM_LIMITS } from '../exam/presets.ts';
import { EXAM_PRESET_IDS } from '../exam/types.ts';
import { identifier, integer, oneOf, problem, record, text } from './argument-checks.ts';
import type { ArgsCheckers } from './argument-checks.ts';
import type { StartExamInput } from './contract.ts';

/** The exam methods of the contract. */
export type ExamMethod =
  | 'listExamPresets'
  | 'startExam'
  | 'getActiveExam'
  | 'getExam'
  | 'getExamTask'
  | 'saveExamAnswer'
  | 'toggleExamFlag'
  | 'moveExamTask'
  | 'submitExam'
  | 'getExamReview'
  | 'listExamHistory'
  | 'retakeExam';

const PRESET_IDS = EXAM_PRESET_IDS;

function seedOf(value: unknown, what: string): { readonly seed?: number } {
  // An absent seed (or undefined after structured clone) lets the host pick one.
  if (value === undefined) return {};
  return { seed: integer(value, what, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) };
}

function trackList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) problem(`${what} must be an array of track ids`);
  if (value.length === 0) problem(`${what} must name at least one track`);
  if (value.length > 100) problem(`${what} must name at most 100 tracks`);
  return value.map((track, index) => identifier(track, `${what}[${index}]`));
}

function customOptions(value: unknown): Extract<StartExamInput, { custom: unknown }>['custom'] {
  const limits = CUSTOM_EXAM_LIMITS;
  const custom = record(value, 'input.custom', ['tracks', 'taskCount', 'minutes', 'passMark']);
  return {
    tracks: trackList(custom.tracks, 'input.custom.tracks'),
    taskCount: integer(custom.taskCount, 'input.custom.taskCount', limits.minTasks, limits.maxTasks),
    minutes: integer(custom.minutes, 'input.custom.minutes', limits.minMinutes, limits.maxMinutes),
    ...(custom.passMark === undefined
      ? {}
      : {
          passMark: integer(custom.passMark, 'input.custom.passMark', limits.minPassMark, limits.maxPassMark),
        }),
  };
}

/** A preset with an optional seed, or custom options with an optional seed; never both. */
function startInput(value: unknown): StartExamInput {
  const input = record(value, 'argument 1 (input)', ['presetId', 'custom', 'seed']);
  const hasPreset = input.presetId !== undefined;
  const hasCustom = input.custom !== undefined;
  if (hasPreset === hasCustom) problem('argument 1 (input) must have exactly one of presetId and custom');
  const seed = seedOf(input.seed, 'input.seed');
  if (hasPreset) return { presetId: oneOf(input.presetId, 'input.presetId', PRESET_IDS), ...seed };
  return { custom: customOptions(input.custom), ...seed };
}

const examId = (value: unknown): string => identifier(value, 'argument 1 (examId)');
const taskId = (value: unknown): string => identifier(value, 'argument 2 (exerciseId)');

/** Checkers for the exam methods; `validate-args.ts` merges them with the others. */
export const examArgCheckers: ArgsCheckers<ExamMethod> = {
  listExamPresets: { count: 0, check: () => [] },
  startExam: { count: 1, check: ([input]) => [startInput(input)] },
  getActiveExam: { count: 0, check: () => [] },
  getExam: { count: 1, check: ([id]) => [examId(id)] },
  getExamTask: { count: 2, check: ([id, task]) => [examId(id), taskId(task)] },
  saveExamAnswer: {
    count: 4,
    optional: 1,
    check: ([id, task, answer, terminal]) => {
      const args = [examId(id), taskId(task), text(answer, 'argument 3 (text)')] as const;
      // An undefined session (structured clone keeps it) is the same as none.
      return terminal === undefined ? [...args] : [...args, text(terminal, 'argument 4 (terminal)')];
    },
  },
  toggleExamFlag: { count: 2, check: ([id, task]) => [examId(id), taskId(task)] },
  moveExamTask: { count: 2, check: ([id, task]) => [examId(id), taskId(task)] },
  submitExam: { count: 1, check: ([id]) => [examId(id)] },
  getExamReview: { count: 1, check: ([id]) => [examId(id)] },
  listExamHistory: { count: 0, check: () => [] },
  retakeExam: { count: 1, check: ([id]) => [examId(id)] },
};
