/** The front door of grading: submissions and predictions in, per-check feedback and a score out. */
export * from './types.ts';
export { gradeSubmission, gradePrediction, SUBMISSION_SOURCE } from './grade.ts';
export type { GradeOptions } from './grade.ts';
export { selectedPods } from './policy-checks.ts';
export { parsePredictionAnswers } from './predict-answers.ts';
export type { PredictionAnswers } from './predict-answers.ts';
export { readSubmission } from './submission.ts';
export type { ReadSubmission, SubmissionContext } from './submission.ts';
export { gradePolicies, OTHER_CONNECTIONS } from './grade.ts';
export { mutantsOf } from './mutants.ts';
export type { Mutant } from './mutants.ts';
export { mutationGate } from './mutation-gate.ts';
export type { GateMutant, GateReport, MutantGrader } from './mutation-gate.ts';
