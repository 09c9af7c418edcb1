import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../core/exercise/index.ts';
import type { ExerciseLibrary, LibraryTrack } from '../exercise-library.ts';
import { indexCatalog } from './catalog-index.ts';
import { LabApiFailure } from './failure.ts';
import { emptyProgress, pickContinueExercise } from './views.ts';

function track(id: string, order: number): LibraryTrack {
  return { id, title: id.toUpperCase(), description: '', order, folder: `0${order}-${id}` };
}

/** Only the fields the index reads; the rest of an exercise does not matter here. */
function exercise(id: string, trackId: string): Exercise {
  return { id, track: trackId, source: `${trackId}/${id}/exercise.yaml` } as unknown as Exercise;
}

function library(tracks: LibraryTrack[], exercises: Exercise[]): ExerciseLibrary {
  return {
    root: '/lib',
    tracks,
    exercises,
    folders: [],
    diagnostics: [{ id: 'x', severity: 'error', message: 'bad file', source: 'b/broken/exercise.yaml' }],
  };
}

describe('indexCatalog', () => {
  const index = indexCatalog(
    library(
      [track('first', 1), track('second', 2)],
      [
        exercise('s1', 'second'),
        exercise('f1', 'first'),
        exercise('f2', 'first'),
        exercise('f1', 'first'),
        exercise('lost', 'nowhere'),
      ],
    ),
  );

  it('orders exercises by track, then folder', () => {
    expect(index.exercises.map((item) => item.id)).toEqual(['f1', 'f2', 's1']);
    expect(index.tracks.map((item) => [item.id, item.exerciseIds])).toEqual([
      ['first', ['f1', 'f2']],
      ['second', ['s1']],
    ]);
    expect(index.nextId('f2')).toBe('s1');
    expect(index.nextId('s1')).toBeNull();
    expect(index.nextId('lost')).toBeNull();
  });

  it('names what it left out', () => {
    expect(index.problems).toEqual([
      'b/broken/exercise.yaml: bad file',
      'first/f1/exercise.yaml: the id "f1" is used twice; left out',
      'nowhere/lost/exercise.yaml: track "nowhere" does not exist; left out',
    ]);
  });

  it('finds listed exercises and fails with not-found for the rest', () => {
    expect(index.get('s1').id).toBe('s1');
    expect(() => index.get('lost')).toThrow(LabApiFailure);
    expect(() => index.get('lost')).toThrow('There is no exercise "lost"');
  });
});

describe('pickContinueExercise', () => {
  it('picks the most recently touched exercise that is not completed', () => {
    const progress = [
      { ...emptyProgress('a'), lastAttemptAt: 50 },
      { ...emptyProgress('b'), draftUpdatedAt: 70, completed: true },
      { ...emptyProgress('c'), draftUpdatedAt: 60, lastAttemptAt: 10 },
      { ...emptyProgress('gone'), draftUpdatedAt: 90 },
      { ...emptyProgress('d'), hintsRevealed: 2 },
    ];
    expect(pickContinueExercise(progress, ['a', 'b', 'c', 'd'])).toBe('c');
    expect(pickContinueExercise(progress, ['a', 'b', 'd'])).toBe('a');
    expect(pickContinueExercise(progress, ['b', 'd'])).toBeNull();
  });
});
