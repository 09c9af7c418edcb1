/**
 * The learner's own exercise library: `<data dir>/exercises`, laid out like the bundled `exercises/`
 * folder. Authored exercises live in the track folder `90-my-exercises` (track `my-exercises`);
 * imported packs bring their own tracks. Every write is atomic: the new folder is written under a
 * temporary name next to its place and renamed into it, so a crash never leaves half an exercise.
 */
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { AuthoredExerciseFiles } from '../core/lab-api/index.ts';
import { loadExerciseLibrary } from './exercise-library.ts';
import type { ExerciseFolder, ExerciseLibrary, LibraryTrack } from './exercise-library.ts';

/** The track authored exercises join. */
export const USER_TRACK = {
  id: 'my-exercises',
  folder: '90-my-exercises',
  title: 'My exercises',
  description: 'Exercises you wrote yourself or imported from a pack.',
  order: 90,
} as const;

/** File name of each of the three texts in an exercise folder. */
const FILE_NAMES = {
  exerciseYaml: 'exercise.yaml',
  starter: 'starter.yaml',
  solution: 'solution.yaml',
} as const satisfies Record<keyof AuthoredExerciseFiles, string>;

/** Longest folder name a pack accepts; the slug is cut to fit. */
const MAX_SEGMENT = 80;

async function isDirectory(directory: string): Promise<boolean> {
  try {
    return (await stat(directory)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Loads the user library; a folder that does not exist yet is an empty library, not an error. */
export async function loadUserLibrary(root: string): Promise<ExerciseLibrary> {
  const absolute = path.resolve(root);
  if (!(await isDirectory(absolute))) {
    return { root: absolute, tracks: [], exercises: [], folders: [], diagnostics: [] };
  }
  return loadExerciseLibrary(absolute);
}

/** Creates the library folder and the `my-exercises` track file when they are missing. */
export async function ensureUserTrack(root: string): Promise<void> {
  const trackFolder = path.join(root, USER_TRACK.folder);
  await mkdir(trackFolder, { recursive: true });
  const file = path.join(trackFolder, 'track.yaml');
  if (await isDirectory(file)) throw new Error(`${file} is a folder`);
  try {
    await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const { id, title, description, order } = USER_TRACK;
    await writeFile(file, stringify({ id, title, description, order }, { lineWidth: 0 }), { flag: 'wx' });
  }
}

/** Reads the three texts of an exercise folder. */
export async function readExerciseFiles(folder: ExerciseFolder): Promise<AuthoredExerciseFiles> {
  const read = (name: string): Promise<string> => readFile(path.join(folder.directory, name), 'utf8');
  return {
    exerciseYaml: await read(FILE_NAMES.exerciseYaml),
    starter: await read(FILE_NAMES.starter),
    solution: await read(FILE_NAMES.solution),
  };
}

/** The folder of the exercise with this id, read or not. */
export function folderOfId(library: ExerciseLibrary, exerciseId: string): ExerciseFolder | undefined {
  return library.folders.find((folder) => folder.exercise?.id === exerciseId);
}

/** A fresh `NN-slug` folder name for `exerciseId` inside `track` (taken names are skipped). */
export function newFolderName(
  library: ExerciseLibrary,
  track: LibraryTrack | typeof USER_TRACK,
  exerciseId: string,
): string {
  const taken = new Set(
    library.folders
      .filter((folder) => folder.trackFolder === track.folder)
      .map((folder) => path.basename(folder.folder)),
  );
  const slug = exerciseId.slice(0, MAX_SEGMENT - 3).replace(/-+$/, '');
  for (let number = 0; number < 100; number += 1) {
    const name = `${String(number).padStart(2, '0')}-${slug}`;
    if (!taken.has(name)) return `${track.folder}/${name}`;
  }
  throw new Error(`no free folder name for ${exerciseId} in ${track.folder}`);
}

/**
 * Writes the three texts to `<root>/<folder>` atomically: a temporary sibling folder is filled and
 * renamed into place; an existing folder is moved aside first and removed only after the rename.
 */
export async function writeExerciseFolder(
  root: string,
  folder: string,
  files: AuthoredExerciseFiles,
): Promise<void> {
  const destination = path.join(root, folder);
  const parent = path.dirname(destination);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, '.saving-'));
  let aside: string | undefined;
  try {
    for (const key of Object.keys(FILE_NAMES) as (keyof AuthoredExerciseFiles)[]) {
      await writeFile(path.join(staging, FILE_NAMES[key]), files[key], { flag: 'wx' });
    }
    if (await isDirectory(destination)) {
      aside = `${staging}-previous`;
      await rename(destination, aside);
    }
    try {
      await rename(staging, destination);
    } catch (error) {
      if (aside !== undefined) await rename(aside, destination);
      aside = undefined;
      throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (aside !== undefined) await rm(aside, { recursive: true, force: true });
  }
}

/** Removes an exercise folder (moved aside first, so a reader never sees it half deleted). */
export async function removeExerciseFolder(folder: ExerciseFolder): Promise<void> {
  const aside = await mkdtemp(path.join(path.dirname(folder.directory), '.deleting-'));
  await rename(folder.directory, path.join(aside, 'exercise'));
  await rm(aside, { recursive: true, force: true });
}
