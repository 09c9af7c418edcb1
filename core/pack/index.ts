/** The front door of exercise packs: the format, reading and checking an untrusted pack, writing one. */
export * from './types.ts';
export { checkPack, relocateIntoPack } from './check-pack.ts';
export type { CheckedExercise, PackCheck } from './check-pack.ts';
export { readPackText, utf8ByteLength, packProblem } from './read-pack-text.ts';
export type { PackText } from './read-pack-text.ts';
export { SEMVER } from './read-pack-data.ts';
export { exerciseFolderProblem, trackFolderProblem, EXERCISE_FOLDER, FOLDER_SEGMENT } from './folder-path.ts';
export { forbiddenMarkup } from './markup.ts';
export { remoteImages } from './remote-images.ts';
export { writePack } from './write-pack.ts';
export { renameExerciseId, nextFreeSuffix } from './rename-exercise.ts';
