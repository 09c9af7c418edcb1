/**
 * Runtime checks for the arguments of the authoring and pack methods of {@link LabApi}. Pack text is
 * untrusted and may be large, so it gets its own byte limit; everything else is ids and exercise files.
 */
import { identifier, oneOf, problem, record, text, utf8Length } from './argument-checks.ts';
import type { ArgsCheckers } from './argument-checks.ts';
import { LAB_API_LIMITS } from './contract.ts';
import type { AuthoredExerciseFiles } from './contract.ts';

/** The authoring and pack methods of the contract. */
export type LibraryMethod =
  | 'listAuthoredExercises'
  | 'getAuthoredExercise'
  | 'proposeChecks'
  | 'validateAuthoredExercise'
  | 'saveAuthoredExercise'
  | 'deleteAuthoredExercise'
  | 'exportPack'
  | 'previewPack'
  | 'importPack';

function exerciseFiles(value: unknown): AuthoredExerciseFiles {
  const files = record(value, 'argument 1 (files)', ['exerciseYaml', 'starter', 'solution']);
  return {
    exerciseYaml: text(files.exerciseYaml, 'files.exerciseYaml'),
    starter: text(files.starter, 'files.starter'),
    solution: text(files.solution, 'files.solution'),
  };
}

function packText(value: unknown, what: string): string {
  if (typeof value !== 'string') problem(`${what} must be a string`);
  const limit = LAB_API_LIMITS.maxPackBytes;
  // Each UTF-16 unit takes at least one byte, so a string longer than the limit is too big already.
  const bytes = value.length > limit ? value.length : utf8Length(value);
  if (bytes > limit) problem(`${what} must be at most ${limit} bytes of UTF-8, got at least ${bytes}`);
  return value;
}

function exerciseIdList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) problem(`${what} must be an array of exercise ids`);
  if (value.length === 0) problem(`${what} must name at least one exercise`);
  if (value.length > LAB_API_LIMITS.maxExerciseIds) {
    problem(`${what} must name at most ${LAB_API_LIMITS.maxExerciseIds} exercises`);
  }
  return value.map((id, index) => identifier(id, `${what}[${index}]`));
}

function shortText(value: unknown, what: string, required: boolean): string {
  if (typeof value !== 'string') problem(`${what} must be a string`);
  if (required && value.trim() === '') problem(`${what} must not be empty`);
  if (value.length > 200) problem(`${what} must be at most 200 characters`);
  return value;
}

function packMeta(value: unknown): { name: string; author: string; version: string } {
  const meta = record(value, 'argument 2 (meta)', ['name', 'author', 'version']);
  return {
    name: shortText(meta.name, 'meta.name', true),
    author: shortText(meta.author, 'meta.author', false),
    version: shortText(meta.version, 'meta.version', true),
  };
}

const exerciseId = (value: unknown): string => identifier(value, 'argument 1 (exerciseId)');

/** Checkers for the authoring and pack methods; `validate-args.ts` merges them with the others. */
export const libraryArgCheckers: ArgsCheckers<LibraryMethod> = {
  listAuthoredExercises: { count: 0, check: () => [] },
  getAuthoredExercise: { count: 1, check: ([id]) => [exerciseId(id)] },
  proposeChecks: { count: 1, check: ([files]) => [exerciseFiles(files)] },
  validateAuthoredExercise: { count: 1, check: ([files]) => [exerciseFiles(files)] },
  saveAuthoredExercise: { count: 1, check: ([files]) => [exerciseFiles(files)] },
  deleteAuthoredExercise: { count: 1, check: ([id]) => [exerciseId(id)] },
  exportPack: {
    count: 2,
    check: ([ids, meta]) => [exerciseIdList(ids, 'argument 1 (exerciseIds)'), packMeta(meta)],
  },
  previewPack: { count: 1, check: ([pack]) => [packText(pack, 'argument 1 (text)')] },
  importPack: {
    count: 2,
    check: ([pack, onClash]) => [
      packText(pack, 'argument 1 (text)'),
      oneOf(onClash, 'argument 2 (onClash)', ['refuse', 'rename'] as const),
    ],
  },
};
