/**
 * The loaded exercise library arranged the way the lab shows it: tracks in order, each track's
 * exercises in folder order, one exercise per id. Built once at start; the library does not change
 * while the lab runs.
 */
import type { Exercise } from '../../core/exercise/index.ts';
import type { CatalogTrack } from '../../core/lab-api/index.ts';
import type { ExerciseLibrary } from '../exercise-library.ts';
import { LabApiFailure } from './failure.ts';

/** The catalogue in the order the UI lists it. */
export interface CatalogIndex {
  readonly tracks: readonly CatalogTrack[];
  /** Every listed exercise, track by track. */
  readonly exercises: readonly Exercise[];
  /** Problems met while loading, one readable line each. */
  readonly problems: readonly string[];
  /** The exercise with this id, or a `not-found` failure. */
  get(exerciseId: string): Exercise;
  /** The id that follows `exerciseId` in catalogue order, or null for the last one. */
  nextId(exerciseId: string): string | null;
}

/** Arranges `library` into catalogue order and notes what had to be left out. */
export function indexCatalog(library: ExerciseLibrary): CatalogIndex {
  const problems = library.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .map(
      (diagnostic) => (diagnostic.source === undefined ? '' : `${diagnostic.source}: `) + diagnostic.message,
    );
  const byId = new Map<string, Exercise>();
  for (const exercise of library.exercises) {
    if (byId.has(exercise.id)) {
      problems.push(`${exercise.source ?? exercise.id}: the id "${exercise.id}" is used twice; left out`);
    } else byId.set(exercise.id, exercise);
  }
  const trackIds = new Set<string>();
  const tracks: CatalogTrack[] = [];
  const exercises: Exercise[] = [];
  for (const track of library.tracks) {
    if (trackIds.has(track.id)) continue;
    trackIds.add(track.id);
    const members = [...byId.values()].filter((exercise) => exercise.track === track.id);
    exercises.push(...members);
    tracks.push({
      id: track.id,
      title: track.title,
      description: track.description,
      order: track.order,
      exerciseIds: members.map((exercise) => exercise.id),
    });
  }
  for (const exercise of byId.values()) {
    if (!trackIds.has(exercise.track)) {
      problems.push(`${exercise.source ?? exercise.id}: track "${exercise.track}" does not exist; left out`);
    }
  }
  const listed = new Map(exercises.map((exercise, position) => [exercise.id, position]));
  return {
    tracks,
    exercises,
    problems,
    get(exerciseId) {
      const position = listed.get(exerciseId);
      const exercise = position === undefined ? undefined : exercises[position];
      if (exercise === undefined) {
        throw new LabApiFailure('not-found', `There is no exercise "${exerciseId}" in the library.`);
      }
      return exercise;
    },
    nextId(exerciseId) {
      const position = listed.get(exerciseId);
      return position === undefined ? null : (exercises[position + 1]?.id ?? null);
    },
  };
}
