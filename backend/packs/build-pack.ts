/**
 * Builds a pack from a library folder (the layout of `exercises/`). Only a library that passes every
 * rule `validate-exercises` enforces is packed, and the written pack is verified before it is returned,
 * so a pack that leaves this function imports cleanly anywhere.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../core/netpol/types.ts';
import { PACK_FILE_NAMES, writePack } from '../../core/pack/index.ts';
import type { PackExercise, PackFileName } from '../../core/pack/index.ts';
import { loadExerciseLibrary, validateLibrary } from '../exercise-library.ts';
import { verifyPack } from './verify-pack.ts';

/** What the instructor says about the pack. */
export interface PackDetails {
  readonly name: string;
  readonly author: string;
  readonly version: string;
  readonly description?: string;
  /** The tool writing the pack; defaults to `netpol-lab`. */
  readonly createdWith?: string;
}

export interface PackBuild {
  readonly ok: boolean;
  /** The pack's YAML, when `ok`. */
  readonly text?: string;
  readonly exerciseCount: number;
  readonly trackCount: number;
  /** Why the library could not be packed (library problems or the pack's own). */
  readonly problems: readonly Diagnostic[];
  /** True when the folder itself could not be read. */
  readonly unreadable: boolean;
}

function failure(problems: Diagnostic[], unreadable = false): PackBuild {
  return { ok: false, exerciseCount: 0, trackCount: 0, problems, unreadable };
}

/** Reads, validates and packs the library under `directory`. */
export async function buildPack(directory: string, details: PackDetails): Promise<PackBuild> {
  const library = await loadExerciseLibrary(directory);
  const unreadable = library.diagnostics.filter((diagnostic) => diagnostic.id === 'library.unreadable');
  if (unreadable.length > 0) return failure(unreadable, true);
  const validation = validateLibrary(library);
  if (!validation.ok) {
    const errors = [...validation.problems, ...validation.exercises.flatMap((exercise) => exercise.problems)];
    return failure(errors.filter((problem) => problem.severity === 'error'));
  }
  if (library.folders.length === 0) {
    return failure([
      { id: 'pack.empty', severity: 'error', message: 'the folder holds no exercises', source: library.root },
    ]);
  }
  const exercises: PackExercise[] = [];
  for (const folder of library.folders) {
    const files: Partial<Record<PackFileName, string>> = {};
    for (const name of PACK_FILE_NAMES)
      files[name] = await readFile(path.join(folder.directory, name), 'utf8');
    exercises.push({ folder: folder.folder, files: files as Record<PackFileName, string> });
  }
  const used = new Set(library.folders.map((folder) => folder.trackFolder));
  const tracks = library.tracks
    .filter((track) => used.has(track.folder))
    .map(({ folder, id, title, description, order }) => ({ folder, id, title, description, order }));
  const text = writePack({
    manifest: {
      name: details.name,
      author: details.author,
      version: details.version,
      ...(details.description === undefined ? {} : { description: details.description }),
      createdWith: details.createdWith ?? 'netpol-lab',
    },
    tracks,
    exercises,
  });
  const verification = verifyPack(text, 'pack.yaml');
  if (!verification.ok)
    return failure(verification.problems.filter((problem) => problem.severity === 'error'));
  return {
    ok: true,
    text,
    exerciseCount: exercises.length,
    trackCount: tracks.length,
    problems: [],
    unreadable: false,
  };
}
