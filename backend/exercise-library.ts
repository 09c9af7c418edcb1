/**
 * The exercise catalogue on disk: `<root>/NN-track/track.yaml` and `<root>/NN-track/NN-slug/`
 * holding `exercise.yaml`, `starter.yaml` and `solution.yaml`. Loading reads and checks every file;
 * {@link validateLibrary} adds the catalogue-wide rules and proves every exercise with the grader.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../core/netpol/index.ts';
import { parseExercise, parseTrack } from '../core/exercise/index.ts';
import type { Exercise, Track } from '../core/exercise/index.ts';
import { gradePrediction, gradeSubmission, mutationGate } from '../core/grading/index.ts';
import type { GateReport } from '../core/grading/index.ts';
import { schemaDiagnostics } from './exercise-schema.ts';

/** A track and where it lives. */
export interface LibraryTrack extends Track {
  /** Folder name under the root, e.g. `01-foundations`. */
  readonly folder: string;
}

/** One exercise folder, read whether or not it is valid. */
export interface ExerciseFolder {
  /** Relative to the root with `/`, e.g. `01-foundations/02-db-ingress-from-api`. */
  readonly folder: string;
  /** Absolute path of the folder. */
  readonly directory: string;
  /** The track folder it sits in. */
  readonly trackFolder: string;
  /** Present when the folder read without errors. */
  readonly exercise?: Exercise;
  /** Problems with this folder's files (format reader and schema). */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ExerciseLibrary {
  /** Absolute path of the catalogue root. */
  readonly root: string;
  /** Valid tracks, by `order`. */
  readonly tracks: readonly LibraryTrack[];
  /** Valid exercises, in folder order. */
  readonly exercises: readonly Exercise[];
  /** Every exercise folder, valid or not, in folder order. */
  readonly folders: readonly ExerciseFolder[];
  /** Every problem found while loading (track files, exercise files, layout). */
  readonly diagnostics: readonly Diagnostic[];
}

const EXERCISE_FILES = ['exercise.yaml', 'starter.yaml', 'solution.yaml'] as const;

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

function layoutProblem(id: string, message: string, source: string): Diagnostic {
  return { id: `library.${id}`, severity: 'error', message, source };
}

/** Folders under the root that are not tracks: lessons live in `lessons/` (see lesson-library.ts). */
const NOT_TRACKS = new Set(['node_modules', 'lessons']);

async function subfolders(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_TRACKS.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Reads one exercise folder; `folder` is its path relative to the root. */
export async function loadExerciseFolder(root: string, folder: string): Promise<ExerciseFolder> {
  const directory = path.join(root, folder);
  const texts: Record<string, string> = {};
  const diagnostics: Diagnostic[] = [];
  for (const name of EXERCISE_FILES) {
    const text = await readOptional(path.join(directory, name));
    if (text === undefined) {
      diagnostics.push(
        layoutProblem(
          'missing-file',
          `${name} is missing (write an empty file if it has no content)`,
          `${folder}/${name}`,
        ),
      );
    }
    texts[name] = text ?? '';
  }
  const source = `${folder}/exercise.yaml`;
  const exerciseYaml = texts['exercise.yaml'] ?? '';
  const parsed = parseExercise({
    exerciseYaml,
    starter: texts['starter.yaml'] ?? '',
    solution: texts['solution.yaml'] ?? '',
    source,
  });
  diagnostics.push(...parsed.diagnostics);
  // The schema is a second opinion: its errors are shown only when the format reader found none,
  // so an author sees one clear message per mistake and a drift between the two still surfaces.
  if (!hasErrors(parsed.diagnostics) && exerciseYaml !== '') {
    diagnostics.push(...schemaDiagnostics('exercise', exerciseYaml, source));
  }
  const trackFolder = folder.split('/')[0] ?? folder;
  const valid = parsed.exercise !== undefined && !hasErrors(diagnostics);
  return { folder, directory, trackFolder, ...(valid ? { exercise: parsed.exercise } : {}), diagnostics };
}

/**
 * Loads the catalogue under `root`: every folder holding `track.yaml` is a track, every folder inside
 * a track is an exercise. Never throws for bad content; a missing root is reported as a diagnostic.
 */
export async function loadExerciseLibrary(root: string): Promise<ExerciseLibrary> {
  const absolute = path.resolve(root);
  const tracks: LibraryTrack[] = [];
  const folders: ExerciseFolder[] = [];
  const diagnostics: Diagnostic[] = [];
  let trackFolders: string[];
  try {
    trackFolders = await subfolders(absolute);
  } catch (error) {
    diagnostics.push(
      layoutProblem('unreadable', `cannot read the exercise folder: ${(error as Error).message}`, absolute),
    );
    return { root: absolute, tracks, exercises: [], folders, diagnostics };
  }
  for (const trackFolder of trackFolders) {
    const trackSource = `${trackFolder}/track.yaml`;
    const trackText = await readOptional(path.join(absolute, trackFolder, 'track.yaml'));
    if (trackText === undefined) {
      diagnostics.push(
        layoutProblem('missing-file', 'track.yaml is missing: every track folder needs one', trackSource),
      );
    } else {
      const parsed = parseTrack(trackText, trackSource);
      diagnostics.push(...parsed.diagnostics);
      const schema = hasErrors(parsed.diagnostics) ? [] : schemaDiagnostics('track', trackText, trackSource);
      diagnostics.push(...schema);
      if (parsed.track !== undefined && !hasErrors(schema))
        tracks.push({ ...parsed.track, folder: trackFolder });
    }
    for (const exerciseFolder of await subfolders(path.join(absolute, trackFolder))) {
      const loaded = await loadExerciseFolder(absolute, `${trackFolder}/${exerciseFolder}`);
      folders.push(loaded);
      diagnostics.push(...loaded.diagnostics);
    }
  }
  tracks.sort((left, right) => left.order - right.order || left.folder.localeCompare(right.folder));
  const exercises = folders.flatMap((folder) => (folder.exercise === undefined ? [] : [folder.exercise]));
  return { root: absolute, tracks, exercises, folders, diagnostics };
}

/**
 * Finds an exercise folder by exercise id, by folder relative to the root
 * (`01-foundations/02-db-ingress-from-api`), by absolute path, or by the folder's own name when that
 * is unambiguous. Folders that failed to load are found too (their `exercise` is absent).
 */
export function findExercise(library: ExerciseLibrary, idOrFolder: string): ExerciseFolder | undefined {
  const wanted = idOrFolder.trim().replace(/[\\/]+$/, '');
  const byId = library.folders.find((folder) => folder.exercise?.id === wanted);
  if (byId !== undefined) return byId;
  const asPath = path.resolve(library.root, wanted);
  const byPath = library.folders.find(
    (folder) => folder.directory === asPath || folder.folder === wanted.replace(/\\/g, '/'),
  );
  if (byPath !== undefined) return byPath;
  const byName = library.folders.filter((folder) => path.basename(folder.folder) === wanted);
  return byName.length === 1 ? byName[0] : undefined;
}

/** The outcome of validating one exercise folder. */
export interface ExerciseValidation {
  readonly folder: string;
  readonly id?: string;
  readonly ok: boolean;
  /** Errors (the exercise fails) and warnings (shown, not failing). */
  readonly problems: readonly Diagnostic[];
  /** The mutation gate's counts, when it ran (write and fix exercises). */
  readonly mutants?: MutantCounts;
}

/** What the mutation gate made of one exercise. */
export interface MutantCounts {
  readonly made: number;
  readonly changing: number;
  readonly caught: number;
  /** Caught by no named check, only by the diff against the solution. */
  readonly caughtOnlyByDiff: number;
}

/** Options of {@link validateLibrary}. */
export interface ValidateOptions {
  /** Run the mutation gate on every write and fix exercise (CI and authoring do; imports do not). */
  readonly mutationGate?: boolean;
}

/**
 * Runs the mutation gate: counts, and one error per mutant that behaves unlike the solution outside
 * the free regions and still passes grading.
 */
export function gateExercise(
  exercise: Exercise,
  source: string,
): { counts?: MutantCounts; problems: Diagnostic[] } {
  const report: GateReport = mutationGate(exercise);
  if (!report.applicable) return { problems: [] };
  return {
    counts: {
      made: report.made,
      changing: report.changing,
      caught: report.caught,
      caughtOnlyByDiff: report.caughtOnlyByDiff.length,
    },
    problems: report.uncaught.map((mutant) =>
      proofProblem(
        'uncaught-mutant',
        `a mistake in the solution goes unnoticed: "${mutant.description}" decides some connection unlike the solution, yet grading passes it`,
        source,
      ),
    ),
  };
}

export interface LibraryValidation {
  readonly ok: boolean;
  readonly exercises: readonly ExerciseValidation[];
  /** Problems that belong to no single exercise (track files, layout). */
  readonly problems: readonly Diagnostic[];
}

function proofProblem(id: string, message: string, source: string): Diagnostic {
  return { id: `proof.${id}`, severity: 'error', message, source };
}

/** Proves an exercise with the grader: the solution passes, the starter fails, predictions hold. */
export function proveExercise(exercise: Exercise, source: string): Diagnostic[] {
  if (exercise.kind === 'predict') {
    const answers = Object.fromEntries(
      exercise.checks.flatMap((check) => (check.type === 'reach' ? [[check.id, check.expect]] : [])),
    );
    const result = gradePrediction(exercise, answers);
    return result.checks
      .filter((check) => !check.passed)
      .map((check) =>
        proofProblem(
          'predict-expectation',
          `checks ${check.id}: expect is ${check.actual} but the engine says ${check.expected} for ${check.connection ?? 'this connection'}`,
          source,
        ),
      );
  }
  const problems: Diagnostic[] = [];
  const solution = gradeSubmission(exercise, exercise.solution, { source: 'solution.yaml' });
  for (const diagnostic of solution.diagnostics.filter((item) => item.severity === 'error')) {
    problems.push(proofProblem('solution-invalid', `solution.yaml: ${diagnostic.message}`, source));
  }
  for (const check of solution.checks.filter((item) => !item.passed && !item.informational)) {
    if (check.status === 'not-run') continue;
    problems.push(
      proofProblem(
        'solution-fails',
        `solution.yaml fails check ${check.id}: expected ${check.expected}, got ${check.actual}`,
        source,
      ),
    );
  }
  const starter = gradeSubmission(exercise, exercise.starter, { source: 'starter.yaml' });
  if (starter.passed) {
    problems.push(
      proofProblem(
        'starter-passes',
        'starter.yaml already passes every graded check; the learner has nothing to do',
        source,
      ),
    );
  }
  return problems;
}

/**
 * The rules CI enforces (see exercises/README.md): files read cleanly and match the schema, ids are
 * unique across the catalogue, the track exists (and is the folder the exercise sits in), the
 * reference solution passes, the starter fails, and predict expectations equal the engine.
 */
export function validateLibrary(library: ExerciseLibrary, options: ValidateOptions = {}): LibraryValidation {
  const trackIds = new Map(library.tracks.map((track) => [track.id, track]));
  const problems: Diagnostic[] = library.diagnostics.filter(
    (diagnostic) => !library.folders.some((folder) => folder.diagnostics.includes(diagnostic)),
  );
  const seenTrackIds = new Map<string, string>();
  for (const track of library.tracks) {
    const earlier = seenTrackIds.get(track.id);
    if (earlier !== undefined) {
      problems.push(
        proofProblem(
          'duplicate-track',
          `track id "${track.id}" is used by ${earlier} and ${track.folder}`,
          `${track.folder}/track.yaml`,
        ),
      );
    }
    seenTrackIds.set(track.id, track.folder);
  }
  const idCounts = new Map<string, string[]>();
  for (const folder of library.folders) {
    if (folder.exercise === undefined) continue;
    idCounts.set(folder.exercise.id, [...(idCounts.get(folder.exercise.id) ?? []), folder.folder]);
  }
  const exercises = library.folders.map((folder): ExerciseValidation => {
    const found: Diagnostic[] = [...folder.diagnostics];
    const exercise = folder.exercise;
    const source = `${folder.folder}/exercise.yaml`;
    if (exercise !== undefined) {
      const sharing = idCounts.get(exercise.id) ?? [];
      if (sharing.length > 1) {
        found.push(
          proofProblem(
            'duplicate-id',
            `id "${exercise.id}" is also used by ${sharing.filter((other) => other !== folder.folder).join(', ')}`,
            source,
          ),
        );
      }
      const track = trackIds.get(exercise.track);
      if (track === undefined) {
        found.push(
          proofProblem(
            'unknown-track',
            `track "${exercise.track}" does not exist; known tracks: ${[...trackIds.keys()].join(', ')}`,
            source,
          ),
        );
      } else if (track.folder !== folder.trackFolder) {
        found.push(
          proofProblem(
            'track-folder',
            `track "${exercise.track}" lives in ${track.folder}, but this exercise sits in ${folder.trackFolder}`,
            source,
          ),
        );
      }
      found.push(...proveExercise(exercise, source));
    }
    const gate =
      exercise !== undefined && options.mutationGate === true && !hasErrors(found)
        ? gateExercise(exercise, source)
        : undefined;
    if (gate !== undefined) found.push(...gate.problems);
    const ok = exercise !== undefined && !hasErrors(found);
    return {
      folder: folder.folder,
      ...(exercise === undefined ? {} : { id: exercise.id }),
      ok,
      problems: found,
      ...(gate?.counts === undefined ? {} : { mutants: gate.counts }),
    };
  });
  const ok = exercises.every((exercise) => exercise.ok) && !hasErrors(problems);
  return { ok, exercises, problems };
}
