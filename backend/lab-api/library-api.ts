/**
 * The authoring and pack methods of {@link LabApi}. Authored exercises are written to the learner's
 * own library (never the bundled one) only once they prove; packs are untrusted text, verified in
 * full before anything is written, and imported all or nothing. After every change the host is told,
 * so the catalogue lists the new exercises at once.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseForProposal, proposeChecks } from '../../core/authoring/index.ts';
import type {
  AuthoredExerciseSummary,
  LabApi,
  PackPreview,
  LibraryMethod,
} from '../../core/lab-api/index.ts';
import { proveExercise } from '../exercise-library.ts';
import type { ExerciseFolder, ExerciseLibrary } from '../exercise-library.ts';
import { importPack, verifyPack } from '../packs/index.ts';
import {
  USER_TRACK,
  ensureUserTrack,
  folderOfId,
  loadUserLibrary,
  newFolderName,
  readExerciseFiles,
  removeExerciseFolder,
  writeExerciseFolder,
} from '../user-library.ts';
import { problemText, validateAuthored } from './authoring-validation.ts';
import type { AuthoringContext } from './authoring-validation.ts';
import { LabApiFailure } from './failure.ts';
import { LibraryBusyError } from '../library-lock.ts';
import type { LibraryLock } from '../library-lock.ts';
import { packExercises, packFileName } from './pack-export.ts';

export interface LibraryApiDeps {
  /** The bundled library, read once at start. */
  readonly bundled: ExerciseLibrary;
  /** The user library folder (`<data dir>/exercises`); created on first save or import. */
  readonly userRoot: string;
  /** Called with the reloaded user library after every save, delete or import. */
  readonly onChange: (library: ExerciseLibrary) => void;
  /** Keeps saves, deletions and imports one at a time, in this process and across hosts. */
  readonly lock: LibraryLock;
}

/** Runs a library write under the lock; a lock held elsewhere for too long is said plainly. */
async function locked<T>(lock: LibraryLock, work: () => Promise<T>): Promise<T> {
  try {
    return await lock.write(work);
  } catch (error) {
    if (error instanceof LibraryBusyError) throw new LabApiFailure('unavailable', error.message);
    throw error;
  }
}

function summaryOf(folder: ExerciseFolder, updatedAt: number, valid: boolean): AuthoredExerciseSummary {
  const id = folder.exercise?.id ?? path.basename(folder.folder);
  return { id, title: folder.exercise?.title ?? id, updatedAt, valid };
}

async function modifiedAt(folder: ExerciseFolder): Promise<number> {
  try {
    return Math.round((await stat(path.join(folder.directory, 'exercise.yaml'))).mtimeMs);
  } catch {
    return 0;
  }
}

function refusal(summary: string, problems: readonly string[]): LabApiFailure {
  const listed = problems.slice(0, 10).join('; ');
  const more = problems.length > 10 ? ` (and ${problems.length - 10} more)` : '';
  return new LabApiFailure('invalid-argument', `${summary}: ${listed}${more}`);
}

/** Name, author and version as the pack states them, read leniently so a refused pack still shows them. */
function manifestOf(text: string): Pick<PackPreview, 'name' | 'author' | 'version'> {
  let manifest: Record<string, unknown> = {};
  try {
    const data: unknown = parse(text, { maxAliasCount: 0 });
    const value = (data as { manifest?: unknown } | null)?.manifest;
    if (typeof value === 'object' && value !== null) manifest = value as Record<string, unknown>;
  } catch {
    // The verification reports why the text is unusable.
  }
  const field = (key: string): string | null => {
    const value = manifest[key];
    return typeof value === 'string' ? value.slice(0, 200) : null;
  };
  return { name: field('name'), author: field('author'), version: field('version') };
}

/** The nine authoring and pack methods. */
export function createLibraryApi(deps: LibraryApiDeps): Pick<LabApi, LibraryMethod> {
  const bundledIds = new Set(deps.bundled.exercises.map((exercise) => exercise.id));
  const context = async (): Promise<AuthoringContext & { library: ExerciseLibrary }> => {
    const library = await loadUserLibrary(deps.userRoot);
    const trackIds = new Set<string>([USER_TRACK.id, ...library.tracks.map((track) => track.id)]);
    return { bundledIds, trackIds, library };
  };
  const changed = async (): Promise<ExerciseLibrary> => {
    const library = await loadUserLibrary(deps.userRoot);
    deps.onChange(library);
    return library;
  };
  const userFolder = async (exerciseId: string): Promise<ExerciseFolder> => {
    const library = await loadUserLibrary(deps.userRoot);
    const folder = folderOfId(library, exerciseId);
    if (folder === undefined) {
      throw new LabApiFailure('not-found', `There is no exercise "${exerciseId}" in your library.`);
    }
    return folder;
  };

  const save = async (files: Parameters<LabApi['saveAuthoredExercise']>[0]) => {
    const found = await context();
    const validation = validateAuthored(files, found);
    const exercise = validation.exercise;
    if (exercise === undefined || !validation.valid) {
      throw refusal(
        'The exercise was not saved',
        validation.problems
          .filter((problem) => problem.severity === 'error')
          .map((problem) => problem.message),
      );
    }
    await ensureUserTrack(deps.userRoot);
    const library = await loadUserLibrary(deps.userRoot);
    const track =
      exercise.track === USER_TRACK.id
        ? (library.tracks.find((candidate) => candidate.id === USER_TRACK.id) ?? USER_TRACK)
        : library.tracks.find((candidate) => candidate.id === exercise.track);
    if (track === undefined)
      throw new LabApiFailure('invalid-argument', `Track "${exercise.track}" is not in your library.`);
    const existing = folderOfId(library, exercise.id);
    const folder =
      existing !== undefined && existing.trackFolder === track.folder
        ? existing.folder
        : newFolderName(library, track, exercise.id);
    await writeExerciseFolder(library.root, folder, files);
    if (existing !== undefined && existing.folder !== folder) await removeExerciseFolder(existing);
    const reloaded = await changed();
    const saved = reloaded.folders.find((candidate) => candidate.folder === folder);
    if (saved === undefined)
      throw new LabApiFailure('internal', 'The exercise was written but could not be read back.');
    return summaryOf(saved, await modifiedAt(saved), true);
  };

  const remove = async (exerciseId: string) => {
    const library = await loadUserLibrary(deps.userRoot);
    const folder = folderOfId(library, exerciseId);
    if (folder === undefined) return false;
    await removeExerciseFolder(folder);
    await changed();
    return true;
  };

  const importText = async (text: string, onClash: Parameters<LabApi['importPack']>[1]) => {
    const result = await importPack(text, deps.userRoot, {
      onClash,
      existingIds: bundledIds,
      source: 'pack.yaml',
    });
    if (!result.ok) {
      throw refusal(
        'Nothing was imported',
        result.problems.filter((problem) => problem.severity === 'error').map(problemText),
      );
    }
    await changed();
    return { importedIds: result.imported.map((exercise) => exercise.id) };
  };

  return {
    async listAuthoredExercises() {
      const library = await loadUserLibrary(deps.userRoot);
      const summaries: AuthoredExerciseSummary[] = [];
      for (const folder of library.folders) {
        const valid =
          folder.exercise !== undefined &&
          !proveExercise(folder.exercise, folder.folder).some((problem) => problem.severity === 'error');
        summaries.push(summaryOf(folder, await modifiedAt(folder), valid));
      }
      return summaries;
    },

    async getAuthoredExercise(exerciseId) {
      return readExerciseFiles(await userFolder(exerciseId));
    },

    async proposeChecks(files) {
      const read = parseForProposal({ ...files, source: 'exercise.yaml' });
      if (read.exercise === undefined) {
        throw refusal(
          'Fix the exercise before generating checks',
          read.diagnostics.filter((item) => item.severity === 'error').map(problemText),
        );
      }
      const proposal = proposeChecks(read.exercise);
      const errors = proposal.diagnostics.filter((item) => item.severity === 'error');
      if (errors.length > 0)
        throw refusal('Fix the reference solution before generating checks', errors.map(problemText));
      return proposal.checks;
    },

    async validateAuthoredExercise(files) {
      const { exercise: _exercise, ...validation } = validateAuthored(files, await context());
      return validation;
    },

    saveAuthoredExercise: (files) => locked(deps.lock, () => save(files)),
    deleteAuthoredExercise: (exerciseId) => locked(deps.lock, () => remove(exerciseId)),
    importPack: (text, onClash) => locked(deps.lock, () => importText(text, onClash)),

    async exportPack(exerciseIds, meta) {
      const user = await loadUserLibrary(deps.userRoot);
      const sources = [...new Set(exerciseIds)].map((id) => {
        const bundled = folderOfId(deps.bundled, id);
        if (bundled !== undefined) return { library: deps.bundled, folder: bundled };
        const own = folderOfId(user, id);
        if (own !== undefined) return { library: user, folder: own };
        throw new LabApiFailure('not-found', `There is no exercise "${id}" to export.`);
      });
      const build = await packExercises(sources, {
        name: meta.name.trim(),
        author: meta.author.trim() === '' ? 'anonymous' : meta.author.trim(),
        version: meta.version.trim(),
        createdWith: 'netpol-lab',
      });
      if (!build.ok || build.text === undefined) {
        throw refusal('The pack could not be built', build.problems.map(problemText));
      }
      return {
        fileName: packFileName(meta.name, meta.version),
        mimeType: 'application/yaml',
        content: build.text,
      };
    },

    async previewPack(text) {
      const verification = verifyPack(text, 'pack.yaml');
      const user = await loadUserLibrary(deps.userRoot);
      const known = new Set([...bundledIds, ...user.exercises.map((exercise) => exercise.id)]);
      const exercises = verification.exercises.map(({ exercise }) => ({
        id: exercise.id,
        title: exercise.title,
      }));
      return {
        ok: verification.ok,
        problems: verification.problems.map(problemText),
        ...manifestOf(text),
        exercises,
        clashingIds: [...new Set(exercises.map((exercise) => exercise.id).filter((id) => known.has(id)))],
      };
    },
  };
}
