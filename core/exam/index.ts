/**
 * The front door of exam mode's rules: presets, the seeded draw, the session state machine,
 * submission and scoring, and what the UI may see while an exam runs. Pure: time and seeds are
 * passed in, and every step returns plain JSON data or a refusal with a stable code.
 */
export * from './types.ts';
export { CUSTOM_EXAM_LIMITS, EXAM_PRESETS, EXAM_PRESET_LIST, customExam, findPreset } from './presets.ts';
export type { CustomExamOptions } from './presets.ts';
export { drawExamTasks, isEligible, suggestMinutes } from './draw.ts';
export { createRandom, seedState } from './random.ts';
export type { RandomSource } from './random.ts';
export {
  MAX_ANSWER_LENGTH,
  MAX_SESSION_ID_LENGTH,
  examStatus,
  isExpired,
  moveTo,
  remainingMs,
  saveAnswer,
  startExam,
  timeSpentByTask,
  toggleFlag,
} from './session.ts';
export type { ExamStatus, StartExamOptions } from './session.ts';
export { defaultExamGrader, submitExam } from './submit.ts';
export type { ExercisesById } from './submit.ts';
export { examExerciseView, publicView } from './public-view.ts';
export type { ExamExerciseView, ExamPublicView } from './public-view.ts';
export { readExamSession } from './read-session.ts';
