/**
 * What the tests know about the bundled exercises, read from the repository rather than copied:
 * titles, reference solutions, the sample wrong answers with the checks they fail, and the engine's
 * own explanation for a failing check (so a wording change in the engine never breaks the suite).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadExerciseLibrary } from '../../../backend/exercise-library.ts';
import type { Exercise } from '../../../core/exercise/index.ts';
import { gradeSubmission, OTHER_CONNECTIONS } from '../../../core/grading/index.ts';
import type { GradeResult } from '../../../core/grading/index.ts';
import { EXERCISES_ROOT, REPOSITORY_ROOT } from './paths.ts';

/** The exercise the learner flows use. */
export const FIXED_EXERCISE_ID = 'internal-egress-payroll-mysql';

/** A sample wrong answer from `test/answers/<id>/fail-*.yaml`. */
export interface WrongAnswer {
  readonly file: string;
  readonly yaml: string;
  /** The named checks it fails, from its `# fails:` first line. */
  readonly failingCheckIds: readonly string[];
  /**
   * Whether the first line also lists `other-connections`: the answer differs from the task in a
   * region no check names, which the results show as "other connections that differ".
   */
  readonly differsElsewhere: boolean;
}

let library: Promise<readonly Exercise[]> | undefined;

/** Every valid exercise of the bundled library. */
export async function bundledExercises(): Promise<readonly Exercise[]> {
  library ??= loadExerciseLibrary(EXERCISES_ROOT).then((loaded) => loaded.exercises);
  return library;
}

/** One bundled exercise by id; throws when it is missing. */
export async function bundledExercise(id: string): Promise<Exercise> {
  const exercise = (await bundledExercises()).find((candidate) => candidate.id === id);
  if (exercise === undefined) throw new Error(`No exercise ${id} in ${EXERCISES_ROOT}`);
  return exercise;
}

/** The sample wrong answers of an exercise that name the checks they fail. */
export function wrongAnswers(exerciseId: string): WrongAnswer[] {
  const folder = path.join(REPOSITORY_ROOT, 'test', 'answers', exerciseId);
  return readdirSync(folder)
    .filter((name) => name.startsWith('fail-') && name.endsWith('.yaml'))
    .sort()
    .flatMap((name) => {
      const yaml = readFileSync(path.join(folder, name), 'utf8');
      const match = /^#\s*fails:\s*(.+)$/m.exec(yaml.split('\n', 1)[0] ?? '');
      if (match?.[1] === undefined) return [];
      const listed = match[1]
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      const failingCheckIds = listed.filter((id) => id !== OTHER_CONNECTIONS);
      return [{ file: name, yaml, failingCheckIds, differsElsewhere: listed.includes(OTHER_CONNECTIONS) }];
    });
}

/** One named wrong answer (e.g. `fail-merged-ports.yaml`). */
export function wrongAnswer(exerciseId: string, file: string): WrongAnswer {
  const answer = wrongAnswers(exerciseId).find((candidate) => candidate.file === file);
  if (answer === undefined) throw new Error(`No ${file} with a "# fails:" line for ${exerciseId}`);
  return answer;
}

/** What the engine says about `yaml`: the same grading the host runs. */
export function expectedGrade(exercise: Exercise, yaml: string): GradeResult {
  return gradeSubmission(exercise, yaml);
}
