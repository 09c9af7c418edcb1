/**
 * Imports a verified pack into a user library folder (the layout of `exercises/`). All or nothing:
 * everything is written to a staging folder next to the target, proven there as a library, and only
 * then renamed into place; on any failure whatever was moved is removed again and the staging folder
 * is deleted, so a library never holds half a pack.
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Diagnostic } from '../../core/netpol/index.ts';
import {
  PACK_FILE_NAMES,
  exerciseFolderProblem,
  nextFreeSuffix,
  renameExerciseId,
} from '../../core/pack/index.ts';
import type { PackTrack } from '../../core/pack/index.ts';
import { loadExerciseLibrary, validateLibrary } from '../exercise-library.ts';
import { verifyPack } from './verify-pack.ts';

export interface ImportOptions {
  /** What to do when a pack's exercise id already exists: refuse the whole pack, or rename to `<id>-2`…. */
  readonly onClash: 'refuse' | 'rename';
  /** Ids that exist elsewhere (the bundled library); the target library's own ids are added. */
  readonly existingIds?: Iterable<string>;
  /** Name of the pack in diagnostics. */
  readonly source?: string;
}

/** One exercise as it landed in the library. */
export interface ImportedExercise {
  readonly id: string;
  /** The id in the pack; differs from `id` when it was renamed. */
  readonly originalId: string;
  /** Relative to the library root, e.g. `01-foundations/02-db-ingress`. */
  readonly folder: string;
}

export interface PackImport {
  readonly ok: boolean;
  readonly imported: readonly ImportedExercise[];
  /** Pack ids that already existed (refused, or renamed). */
  readonly clashes: readonly string[];
  readonly problems: readonly Diagnostic[];
}

interface PlannedTrack {
  readonly track: PackTrack;
  /** Folder name in the library. */
  readonly folder: string;
  /** The library already has this track (same id): exercises join its folder. */
  readonly existing: boolean;
}

interface PlannedExercise extends ImportedExercise {
  /** It joins a track folder the library already has, so it is moved on its own. */
  readonly joinsExistingTrack: boolean;
  readonly files: Record<(typeof PACK_FILE_NAMES)[number], string>;
}

function importProblem(id: string, message: string, source: string): Diagnostic {
  return { id: `import.${id}`, severity: 'error', message, source };
}

function refused(problems: readonly Diagnostic[], clashes: readonly string[] = []): PackImport {
  return { ok: false, imported: [], clashes, problems };
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function entriesOf(directory: string): Promise<Set<string>> {
  try {
    return new Set(await readdir(directory));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
    throw error;
  }
}

/** Verifies `text` and imports it under `libraryRoot`; nothing is written unless everything succeeds. */
export async function importPack(
  text: string,
  libraryRoot: string,
  options: ImportOptions,
): Promise<PackImport> {
  const source = options.source ?? 'pack.yaml';
  const verification = verifyPack(text, source);
  if (!verification.ok || verification.pack === undefined) return refused(verification.problems);
  const root = path.resolve(libraryRoot);
  const rootExists = await exists(root);
  const library = rootExists ? await loadExerciseLibrary(root) : undefined;
  const unreadable =
    library?.diagnostics.filter((diagnostic) => diagnostic.id === 'library.unreadable') ?? [];
  if (unreadable.length > 0) return refused(unreadable);

  const taken = new Set<string>(options.existingIds ?? []);
  for (const folder of library?.folders ?? [])
    if (folder.exercise !== undefined) taken.add(folder.exercise.id);
  const packIds = new Set(verification.exercises.map(({ exercise }) => exercise.id));
  const clashes = verification.exercises.filter(({ exercise }) => taken.has(exercise.id));
  if (clashes.length > 0 && options.onClash === 'refuse') {
    const problems = clashes.map(({ exercise, entry }) =>
      importProblem(
        'id-clash',
        `exercise id "${exercise.id}" (${entry.folder}) already exists; nothing was imported (import with rename to add it as "${exercise.id}-2")`,
        source,
      ),
    );
    return refused(
      problems,
      clashes.map(({ exercise }) => exercise.id),
    );
  }

  // Tracks: join an existing track with the same id, else take the pack's folder name or a free variant.
  const rootEntries = await entriesOf(root);
  const tracks = new Map<string, PlannedTrack>();
  for (const track of verification.pack.tracks) {
    const home = library?.tracks.find((existing) => existing.id === track.id);
    if (home !== undefined) {
      tracks.set(track.folder, { track, folder: home.folder, existing: true });
      continue;
    }
    const suffix = rootEntries.has(track.folder)
      ? nextFreeSuffix((candidate) => !rootEntries.has(track.folder + candidate))
      : '';
    if (suffix === undefined)
      return refused([importProblem('no-folder', `no free folder name for track ${track.folder}`, source)]);
    rootEntries.add(track.folder + suffix);
    tracks.set(track.folder, { track, folder: track.folder + suffix, existing: false });
  }

  const usedIds = new Set([...taken, ...packIds]);
  const planned: PlannedExercise[] = [];
  const problems: Diagnostic[] = [];
  const trackEntries = new Map<string, Set<string>>();
  for (const { entry, exercise } of verification.exercises) {
    const [trackFolder = '', slug = ''] = entry.folder.split('/');
    const track = tracks.get(trackFolder) as PlannedTrack;
    let inTrack = trackEntries.get(track.folder);
    if (inTrack === undefined) {
      inTrack = track.existing ? await entriesOf(path.join(root, track.folder)) : new Set<string>();
      trackEntries.set(track.folder, inTrack);
    }
    const clash = taken.has(exercise.id);
    const free = (suffix: string): boolean =>
      !inTrack.has(slug + suffix) && (!clash || !usedIds.has(exercise.id + suffix));
    const suffix = clash || inTrack.has(slug) ? nextFreeSuffix(free) : '';
    const id = clash ? `${exercise.id}${suffix ?? ''}` : exercise.id;
    const folder = `${track.folder}/${slug}${suffix ?? ''}`;
    const exerciseYaml = clash
      ? renameExerciseId(entry.files['exercise.yaml'], id)
      : entry.files['exercise.yaml'];
    const folderProblem = exerciseFolderProblem(folder);
    if (
      suffix === undefined ||
      exerciseYaml === undefined ||
      folderProblem !== undefined ||
      id.length > 100
    ) {
      problems.push(
        importProblem(
          'no-rename',
          `cannot find a free id and folder for ${entry.folder} (${exercise.id})`,
          source,
        ),
      );
      continue;
    }
    usedIds.add(id);
    inTrack.add(`${slug}${suffix}`);
    planned.push({
      id,
      originalId: exercise.id,
      folder,
      joinsExistingTrack: track.existing,
      files: { ...entry.files, 'exercise.yaml': exerciseYaml },
    });
  }
  if (problems.length > 0)
    return refused(
      problems,
      clashes.map(({ exercise }) => exercise.id),
    );

  const result = await stageAndMove(root, rootExists, [...tracks.values()], planned, source);
  if (result.length > 0)
    return refused(
      result,
      clashes.map(({ exercise }) => exercise.id),
    );
  return {
    ok: true,
    imported: planned.map(({ id, originalId, folder }) => ({ id, originalId, folder })),
    clashes: clashes.map(({ exercise }) => exercise.id),
    problems: verification.problems,
  };
}

function trackYaml(track: PackTrack): string {
  const { id, title, description, order } = track;
  return stringify({ id, title, description, order }, { lineWidth: 0 });
}

/** Writes the plan to a staging folder, proves it, and renames it into place; returns problems. */
async function stageAndMove(
  root: string,
  rootExists: boolean,
  tracks: readonly PlannedTrack[],
  exercises: readonly PlannedExercise[],
  source: string,
): Promise<Diagnostic[]> {
  let staging: string;
  try {
    staging = await mkdtemp(path.join(path.dirname(root), `.${path.basename(root)}-import-`));
  } catch (error) {
    return [
      importProblem(
        'unwritable',
        `cannot create a staging folder next to ${root}: ${(error as Error).message}`,
        source,
      ),
    ];
  }
  const moved: string[] = [];
  try {
    for (const { track, folder, existing } of tracks) {
      await mkdir(path.join(staging, folder));
      // An existing track's file is copied only so the staging folder proves as a library; it is not moved.
      const text = existing
        ? await readFile(path.join(root, folder, 'track.yaml'), 'utf8')
        : trackYaml(track);
      await writeFile(path.join(staging, folder, 'track.yaml'), text, { flag: 'wx' });
    }
    for (const exercise of exercises) {
      await mkdir(path.join(staging, exercise.folder));
      for (const name of PACK_FILE_NAMES) {
        await writeFile(path.join(staging, exercise.folder, name), exercise.files[name], { flag: 'wx' });
      }
    }
    const staged = validateLibrary(await loadExerciseLibrary(staging));
    const stagedIds = staged.exercises.map((exercise) => exercise.id).sort();
    const plannedIds = exercises.map((exercise) => exercise.id).sort();
    if (!staged.ok || JSON.stringify(stagedIds) !== JSON.stringify(plannedIds)) {
      const found = [...staged.problems, ...staged.exercises.flatMap((exercise) => exercise.problems)];
      return [
        importProblem(
          'staging-invalid',
          'the written exercises did not prove as a library; nothing was imported',
          source,
        ),
        ...found.filter((problem) => problem.severity === 'error'),
      ];
    }
    if (!rootExists) {
      await rename(staging, root);
      return [];
    }
    const moves = [
      ...tracks.filter((track) => !track.existing).map((track) => track.folder),
      ...exercises.filter((exercise) => exercise.joinsExistingTrack).map((exercise) => exercise.folder),
    ];
    for (const folder of moves) {
      const destination = path.join(root, folder);
      if (await exists(destination)) throw new Error(`${folder} appeared in the library while importing`);
      await rename(path.join(staging, folder), destination);
      moved.push(destination);
    }
    return [];
  } catch (error) {
    for (const destination of moved.reverse()) await rm(destination, { recursive: true, force: true });
    return [
      importProblem('write-failed', `import failed and was rolled back: ${(error as Error).message}`, source),
    ];
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
