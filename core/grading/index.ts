/** The front door of grading: submissions and predictions in, per-check feedback and a score out. */
export * from './types.ts';
export { gradeSubmission, gradePrediction, SUBMISSION_SOURCE } from './grade.ts';
export type { GradeOptions } from './grade.ts';
export { selectedPods } from './policy-checks.ts';
export { parsePredictionAnswers } from './predict-answers.ts';
export type { PredictionAnswers } from './predict-answers.ts';
export { readSubmission } from './submission.ts';
export type { ReadSubmission, SubmissionContext } from './submission.ts';
