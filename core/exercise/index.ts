/** The front door of the exercise format: types, parsing of exercise and track files, the content hash. */
export * from './types.ts';
export { parseExercise, exerciseContentHash, EXERCISE_KEYS } from './parse-exercise.ts';
export type { ExerciseParse } from './parse-exercise.ts';
export { parseTrack } from './parse-track.ts';
export { sha256Hex } from './content-hash.ts';
