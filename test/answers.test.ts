/**
 * Grades the sample answers in test/answers/<exercise-id>/: `pass-*.yaml` must pass, `fail-*.yaml`
 * must fail, and a fail file starting with `# fails: a, b` must fail exactly those graded checks
 * (`other-connections`: differences from the reference solution that no check names).
 *
 * For a predict exercise a sample answer is the YAML map the `netpol-lab grade` command reads (check id
 * to `allow` or `deny`); it passes when every prediction is right, and a fail file's `# fails:` line
 * names exactly the checks predicted wrong or left unanswered.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadExerciseLibrary } from '../backend/exercise-library.ts';
import { gradePrediction, gradeSubmission, parsePredictionAnswers } from '../core/grading/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const answersRoot = path.join(here, 'answers');
const library = await loadExerciseLibrary(path.resolve(here, '../exercises'));

/** The check ids a `# fails:` first line names, or undefined when the file has none. */
function declaredFailures(text: string): string[] | undefined {
  const match = /^#\s*fails:\s*(.+)$/m.exec(text.split(/\r?\n/, 1)[0] ?? '');
  return match?.[1]
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '')
    .sort();
}

const exerciseIds = readdirSync(answersRoot, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('sample answers', () => {
  it('exist', () => {
    expect(exerciseIds.length).toBeGreaterThan(0);
  });

  // Every exercise is proven by answers written as learners would: correct alternatives that must
  // pass and realistic mistakes that must fail. A predict exercise has one all-right answer.
  it('cover every exercise: two correct alternatives and three mistakes (one right prediction)', () => {
    const short = library.exercises.flatMap((exercise) => {
      const folder = path.join(answersRoot, exercise.id);
      const files = exerciseIds.includes(exercise.id) ? readdirSync(folder) : [];
      const passes = files.filter((file) => /^pass-.*\.ya?ml$/.test(file)).length;
      const fails = files.filter((file) => /^fail-.*\.ya?ml$/.test(file)).length;
      const needed = exercise.kind === 'predict' ? 1 : 2;
      return passes >= needed && fails >= 3 ? [] : [`${exercise.id}: ${passes} pass, ${fails} fail`];
    });
    expect(short).toEqual([]);
  });

  for (const exerciseId of exerciseIds) {
    const files = readdirSync(path.join(answersRoot, exerciseId))
      .filter((file) => /^(pass|fail)-.*\.ya?ml$/.test(file))
      .sort();
    describe(exerciseId, () => {
      const exercise = library.exercises.find((candidate) => candidate.id === exerciseId);
      it('names an exercise of the library', () => {
        expect(exercise?.id).toBe(exerciseId);
      });
      for (const file of files) {
        it(file, () => {
          if (exercise === undefined) throw new Error(`no exercise ${exerciseId}`);
          const text = readFileSync(path.join(answersRoot, exerciseId, file), 'utf8');
          let result;
          if (exercise.kind === 'predict') {
            const parsed = parsePredictionAnswers(text);
            // A sample prediction must be readable: a bad value would fail for the wrong reason.
            expect(parsed.diagnostics).toEqual([]);
            result = gradePrediction(exercise, parsed.answers);
          } else {
            result = gradeSubmission(exercise, text, { source: file });
          }
          const failing = [
            ...result.checks
              .filter((check) => !check.passed && !check.informational)
              .map((check) => check.id),
            ...(result.differences.length > 0 ? ['other-connections'] : []),
          ].sort();
          if (file.startsWith('pass-')) {
            expect(result.diagnostics.filter((item) => item.severity === 'error')).toEqual([]);
            expect(failing).toEqual([]);
            expect(result.passed).toBe(true);
            return;
          }
          expect(result.passed).toBe(false);
          const declared = declaredFailures(text);
          if (declared !== undefined) expect(failing).toEqual(declared);
        });
      }
    });
  }
});
