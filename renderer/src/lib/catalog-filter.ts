/** The catalogue's search and filters, as a pure function of the catalogue and the filter values. */
import type { Catalog, CatalogExercise, CatalogTrack } from '../../../core/lab-api/index.ts';
import { exerciseStatus, type ExerciseStatus } from './format.ts';

export interface CatalogFilters {
  /** Words to find in the title, tags or id; every word must match. */
  readonly search: string;
  /** A track id, or '' for all. */
  readonly track: string;
  /** A difficulty, or '' for all. */
  readonly difficulty: CatalogExercise['difficulty'] | '';
  /** A status, or '' for all. */
  readonly status: ExerciseStatus | '';
}

export const NO_FILTERS: CatalogFilters = { search: '', track: '', difficulty: '', status: '' };

export interface CatalogSection {
  readonly track: CatalogTrack;
  /** The track's exercises that pass the filters, in catalogue order. */
  readonly exercises: readonly CatalogExercise[];
  /** Over the whole track, whatever the filters. */
  readonly completed: number;
  readonly total: number;
}

/** Whether any filter narrows the list. */
export function hasFilters(filters: CatalogFilters): boolean {
  return (
    filters.search.trim() !== '' || filters.track !== '' || filters.difficulty !== '' || filters.status !== ''
  );
}

function matchesSearch(exercise: CatalogExercise, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = [exercise.title, exercise.id, ...exercise.tags].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Whether one exercise passes the filters. */
export function matchesFilters(exercise: CatalogExercise, filters: CatalogFilters): boolean {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  return (
    (filters.track === '' || exercise.track === filters.track) &&
    (filters.difficulty === '' || exercise.difficulty === filters.difficulty) &&
    (filters.status === '' || exerciseStatus(exercise.progress) === filters.status) &&
    matchesSearch(exercise, words)
  );
}

/** Tracks in catalogue order with their matching exercises; tracks with no match are left out. */
export function filterCatalog(catalog: Catalog, filters: CatalogFilters): CatalogSection[] {
  const byId = new Map(catalog.exercises.map((exercise) => [exercise.id, exercise]));
  const tracks = [...catalog.tracks].sort((left, right) => left.order - right.order);
  const sections: CatalogSection[] = [];
  for (const track of tracks) {
    const all = track.exerciseIds.flatMap((id) => byId.get(id) ?? []);
    const exercises = all.filter((exercise) => matchesFilters(exercise, filters));
    if (exercises.length === 0) continue;
    const completed = all.filter((exercise) => exercise.progress.completed).length;
    sections.push({ track, exercises, completed, total: all.length });
  }
  return sections;
}
