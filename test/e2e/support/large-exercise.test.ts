import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExerciseLibrary } from '../../../backend/exercise-library.ts';
import { gradeSubmission } from '../../../core/grading/index.ts';
import { LARGE_EXERCISE_ID, OPEN_EXERCISE_ID, writeLargeLibrary } from './large-exercise.ts';

describe('the generated large exercises', () => {
  it('load as a valid library whose solutions pass and starters fail', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'netpol-lab-large-'));
    try {
      const written = writeLargeLibrary(root, [
        { pods: 2000 },
        { pods: 300, replicas: 10, denyIngress: false },
      ]);
      expect(written.map((files) => files.podCount)).toEqual([2000, 300]);
      const library = await loadExerciseLibrary(root);
      expect(library.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(library.exercises.map((exercise) => exercise.id)).toEqual([LARGE_EXERCISE_ID, OPEN_EXERCISE_ID]);
      const [large, open] = library.exercises;
      expect(large?.cluster.pods).toHaveLength(2000);
      expect(large?.clusterPolicies).toHaveLength(20);
      expect(open?.cluster.pods).toHaveLength(300);
      expect(open?.clusterPolicies).toHaveLength(0);
      for (const exercise of library.exercises) {
        expect(gradeSubmission(exercise, exercise.solution).passed, exercise.id).toBe(true);
        expect(gradeSubmission(exercise, exercise.starter).passed, exercise.id).toBe(false);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
