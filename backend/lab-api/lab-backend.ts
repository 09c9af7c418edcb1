/**
 * The Node implementation of {@link LabApi}: the exercise library read once at start, the learner's
 * progress in SQLite, grading through core. Electron's main process and the HTTP host both serve
 * this object; neither adds behaviour of its own. Arguments are assumed checked by the caller
 * (`dispatchLabApi`); the store still refuses anything it cannot keep.
 */
import { randomInt, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Exercise } from '../../core/exercise/index.ts';
import type {
  ExamMethod,
  LibraryMethod,
  Catalog,
  ExerciseProgressView,
  ExerciseView,
  LabApi,
  StartupInfo,
} from '../../core/lab-api/index.ts';
import { loadExerciseLibrary } from '../exercise-library.ts';
import type { ExerciseLibrary } from '../exercise-library.ts';
import { localDay } from '../progress/activity.ts';
import { openProgressStore } from '../progress/index.ts';
import type { ProgressStore } from '../progress/index.ts';
import { indexCatalog } from './catalog-index.ts';
import type { CatalogIndex } from './catalog-index.ts';
import { createExamApi } from './exam-api.ts';
import { LabApiFailure } from './failure.ts';
import { gradeAnswer, storedChecks } from './grade-answer.ts';
import { createLessonApi } from './lesson-api.ts';
import { createLibraryApi } from './library-api.ts';
import { loadLessonLibrary } from '../lesson-library.ts';
import type { Lesson } from '../../core/lesson/index.ts';
import { buildOverview } from './overview.ts';
import { readSettings, writeSettings } from './settings.ts';
import { describeTerminalChanges, exerciseWithChanges } from '../../core/kubectl/index.ts';
import { createLibraryLock } from '../library-lock.ts';
import { loadUserLibrary } from '../user-library.ts';
import {
  emptyProgress,
  pickContinueExercise,
  toAttemptView,
  toProgressView,
  toStoredScore,
} from './views.ts';

/** A running backend: the API, and the one call that releases the database. */
export interface LabBackend {
  readonly api: LabApi;
  /** Closes the progress database; calls made afterwards answer `unavailable`. */
  close(): void;
}

export interface LabBackendOptions {
  /** The exercise catalogue root (`…/exercises`). */
  readonly exercisesRoot: string;
  /** The progress database file; created, with its folder, when missing. */
  readonly databaseFile: string;
  readonly host: 'electron' | 'browser';
  readonly appVersion: string;
  /** The learner's own library; default `<folder of databaseFile>/exercises`. */
  readonly userExercisesRoot?: string;
  /** Clock in epoch milliseconds; tests pass a fixed one. */
  readonly now?: () => number;
  /** How long an exam minute lasts in milliseconds; a real minute unless an entry point shortens it. */
  readonly examMinuteMs?: number;
}

/**
 * The bundled library followed by the user's: user tracks come after the bundled ones, by their
 * order. A user exercise whose id is bundled already is left out (and named) by the catalogue index.
 */
function mergeLibraries(bundled: ExerciseLibrary, user: ExerciseLibrary): ExerciseLibrary {
  const userTracks = [...user.tracks].sort(
    (left, right) => left.order - right.order || left.folder.localeCompare(right.folder),
  );
  return {
    root: bundled.root,
    tracks: [...bundled.tracks, ...userTracks],
    exercises: [...bundled.exercises, ...user.exercises],
    folders: [...bundled.folders, ...user.folders],
    diagnostics: [...bundled.diagnostics, ...user.diagnostics],
  };
}

/** Progress of every catalogue exercise, keyed by id (untouched exercises are absent). */
function progressById(store: ProgressStore): Map<string, ExerciseProgressView> {
  return new Map(store.listProgress().map((entry) => [entry.exerciseId, toProgressView(entry)]));
}

/** Everything in the exercise but the reference solution and the author's file path. */
function withoutSolution(exercise: Exercise): Omit<Exercise, 'solution' | 'source'> {
  const { solution: _solution, source: _source, ...shown } = exercise;
  return shown;
}

/** The learner methods; `catalogOf` answers the current catalogue (it changes as the user library does). */
function createLearnerApi(
  catalogOf: () => CatalogIndex,
  store: ProgressStore,
  startup: StartupInfo,
  now: () => number,
  lessons: readonly Lesson[],
): Omit<LabApi, ExamMethod | LibraryMethod> {
  const progressOf = (exerciseId: string): ExerciseProgressView =>
    toProgressView(store.getExerciseProgress(exerciseId));

  return {
    ...createLessonApi(lessons, store, now),

    async getStartupInfo() {
      return startup;
    },

    async getCatalog(): Promise<Catalog> {
      const progress = progressById(store);
      const ids = catalogOf().exercises.map((exercise) => exercise.id);
      return {
        tracks: catalogOf().tracks,
        exercises: catalogOf().exercises.map((exercise) => ({
          id: exercise.id,
          title: exercise.title,
          track: exercise.track,
          difficulty: exercise.difficulty,
          minutes: exercise.minutes,
          tags: exercise.tags,
          kind: exercise.kind,
          examWeight: exercise.examWeight,
          progress: progress.get(exercise.id) ?? emptyProgress(exercise.id),
        })),
        continueExerciseId: pickContinueExercise([...progress.values()], ids),
        problems: catalogOf().problems,
      };
    },

    async getExercise(exerciseId): Promise<ExerciseView> {
      const exercise = catalogOf().get(exerciseId);
      const draft = store.getDraft(exerciseId);
      return {
        ...withoutSolution(exercise),
        progress: progressOf(exerciseId),
        draft: draft === undefined ? null : { text: draft.text, updatedAt: draft.updatedAt },
        nextExerciseId: catalogOf().nextId(exerciseId),
      };
    },

    async saveDraft(exerciseId, text) {
      catalogOf().get(exerciseId);
      return { updatedAt: store.saveDraft(exerciseId, text).updatedAt };
    },

    async discardDraft(exerciseId) {
      catalogOf().get(exerciseId);
      return store.deleteDraft(exerciseId);
    },

    async submitAttempt(input) {
      const exercise = catalogOf().get(input.exerciseId);
      const terminal = exercise.kind === 'predict' ? undefined : input.terminal;
      const graded = terminal === undefined ? exercise : exerciseWithChanges(exercise, terminal);
      const grade = gradeAnswer(graded, input.answer);
      // A terminal answer is kept with what else the session changed, as comments above its policies.
      const changes = terminal === undefined ? [] : describeTerminalChanges(exercise, graded, terminal);
      const stored = [...changes.map((line) => `# terminal: ${line}\n`), input.answer].join('');
      const latest = store.listAttempts(exercise.id, { limit: 1 })[0];
      if (latest !== undefined && latest.yaml === stored && latest.exerciseVersion === exercise.contentHash) {
        // Pressing Check again on the same text is not a new try; the history and streaks stay honest.
        return { grade, attempt: toAttemptView(latest), progress: progressOf(exercise.id), repeated: true };
      }
      const attempt = store.addAttempt({
        exerciseId: exercise.id,
        exerciseVersion: exercise.contentHash,
        yaml: stored,
        checks: storedChecks(grade),
        score: toStoredScore(grade.score),
        passed: grade.passed,
        durationMs: input.durationMs,
      });
      return { grade, attempt: toAttemptView(attempt), progress: progressOf(exercise.id), repeated: false };
    },

    async listAttempts(exerciseId, limit) {
      catalogOf().get(exerciseId);
      return store.listAttempts(exerciseId, { limit }).map(toAttemptView);
    },

    async revealHints(exerciseId, count) {
      const exercise = catalogOf().get(exerciseId);
      if (count > exercise.hints.length) {
        throw new LabApiFailure(
          'invalid-argument',
          `This exercise has ${exercise.hints.length} hint${exercise.hints.length === 1 ? '' : 's'}; cannot reveal ${count}.`,
        );
      }
      return toProgressView(store.recordHintsRevealed(exerciseId, count));
    },

    async revealSolution(exerciseId) {
      const exercise = catalogOf().get(exerciseId);
      const progress = toProgressView(store.recordSolutionViewed(exerciseId));
      return { solution: exercise.solution, progress };
    },

    async getProgressOverview() {
      return buildOverview(catalogOf(), store.getActivitySummary({ days: 30 }), progressById(store));
    },

    async getSettings() {
      return readSettings(store);
    },

    async updateSettings(changes) {
      return writeSettings(store, changes);
    },

    async exportProgress(format) {
      const stamp = localDay(now());
      if (format === 'csv') {
        return {
          fileName: `netpol-lab-attempts-${stamp}.csv`,
          mimeType: 'text/csv',
          content: store.exportCsv(),
        };
      }
      return {
        fileName: `netpol-lab-progress-${stamp}.json`,
        mimeType: 'application/json',
        content: `${JSON.stringify(store.exportProgress(), null, 2)}\n`,
      };
    },

    async resetProgress(confirmation) {
      // Checked again here: wiping a learner's history must never follow from a malformed call.
      if (confirmation !== 'reset') {
        throw new LabApiFailure('invalid-argument', 'Resetting progress needs the confirmation "reset".');
      }
      store.resetProgress();
    },
  };
}

/**
 * Loads the exercise library and opens (or recovers) the progress database, then answers every
 * {@link LabApi} call from them.
 *
 * @throws ProgressStoreError when the database cannot be opened or created at all.
 */
export async function createLabBackend(options: LabBackendOptions): Promise<LabBackend> {
  const now = options.now ?? Date.now;
  const bundled = await loadExerciseLibrary(options.exercisesRoot);
  const { lessons } = await loadLessonLibrary(options.exercisesRoot);
  const userRoot =
    options.userExercisesRoot ?? path.join(path.dirname(path.resolve(options.databaseFile)), 'exercises');
  const lock = createLibraryLock(userRoot);
  let catalog = indexCatalog(mergeLibraries(bundled, await loadUserLibrary(userRoot)));
  // Another host on the same data folder may change the library; its writes leave a new stamp.
  let seenStamp = await lock.stamp();
  const refreshCatalog = async (): Promise<void> => {
    const stamp = await lock.stamp();
    if (stamp === seenStamp) return;
    seenStamp = stamp;
    catalog = indexCatalog(mergeLibraries(bundled, await loadUserLibrary(userRoot)));
  };
  const catalogOf = (): CatalogIndex => catalog;
  const { store, recovered, warning } = openProgressStore(options.databaseFile, { now });
  const startup: StartupInfo = {
    appVersion: options.appVersion,
    host: options.host,
    databaseRecovered:
      recovered === undefined ? null : { movedTo: recovered.movedTo, reason: recovered.reason },
    databaseWarning: warning ?? null,
  };
  const api: LabApi = {
    ...createLearnerApi(catalogOf, store, startup, now, lessons),
    ...createExamApi({
      exercises: () => catalogOf().exercises,
      findExercise: (id) => catalogOf().exercises.find((exercise) => exercise.id === id),
      store,
      now,
      randomSeed: () => randomInt(0, 2 ** 47),
      newId: () => randomUUID(),
      ...(options.examMinuteMs === undefined ? {} : { minuteMs: options.examMinuteMs }),
    }),
    ...createLibraryApi({
      bundled,
      userRoot,
      onChange: (user) => {
        catalog = indexCatalog(mergeLibraries(bundled, user));
      },
      lock,
    }),
  };
  const catalogAsStored = api.getCatalog.bind(api);
  api.getCatalog = async () => {
    await refreshCatalog();
    return catalogAsStored();
  };
  return { api, close: () => store.close() };
}
