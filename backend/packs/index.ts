/** The front door of exercise packs on the Node side: build from a folder, verify, import. */
export { buildPack, packFileProblems } from './build-pack.ts';
export type { PackBuild, PackDetails } from './build-pack.ts';
export { verifyPack } from './verify-pack.ts';
export type { PackVerification } from './verify-pack.ts';
export { importPack } from './import-pack.ts';
export type { ImportOptions, ImportedExercise, PackImport } from './import-pack.ts';
export { packSchemaDiagnostics } from './pack-schema.ts';
