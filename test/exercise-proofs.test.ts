/**
 * Proves the real catalogue: every exercise in exercises/ reads cleanly, matches the schema, and its
 * reference solution passes while its starter fails (predict: every expect equals the engine), and
 * the mutation gate catches every mutant of each solution that changes behaviour.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExerciseLibrary, validateLibrary } from '../backend/exercise-library.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../exercises');
const library = await loadExerciseLibrary(root);
const report = validateLibrary(library, { mutationGate: true });

describe('exercise library', () => {
  it('has tracks and exercises, and no library-level problems', () => {
    expect(library.tracks.length).toBeGreaterThan(0);
    expect(library.folders.length).toBeGreaterThan(0);
    expect(report.problems.map((problem) => problem.message)).toEqual([]);
  });

  for (const exercise of report.exercises) {
    it(`${exercise.id ?? exercise.folder} is valid and proven`, () => {
      expect(exercise.problems.map((problem) => `${problem.id}: ${problem.message}`)).toEqual([]);
      expect(exercise.ok).toBe(true);
      const predict = library.exercises.find((item) => item.id === exercise.id)?.kind === 'predict';
      if (predict) expect(exercise.mutants).toBeUndefined();
      else {
        expect(exercise.mutants?.made).toBeGreaterThan(0);
        expect(exercise.mutants?.caught).toBe(exercise.mutants?.changing);
      }
    });
  }
});
