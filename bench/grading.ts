/**
 * The grader's speed, on the bundled curriculum:
 * - `grade_p50_ms`: the median time to grade one exercise-sized answer with full equivalence (each
 *   `write`/`fix` exercise's reference solution and its starter, graded in turn, many rounds);
 * - `diff_1000_ms`: the semantic diff of two unrelated sets of 100 policies on one 1,000-pod cluster,
 *   and `diff_1000_edit_ms` the same with only every tenth policy changed;
 * - `gate_curriculum_ms`: the mutation gate over every exercise, as `validate-exercises` runs it.
 */
import { join } from 'node:path';
import { loadExerciseLibrary } from '../backend/exercise-library.ts';
import type { Exercise } from '../core/exercise/index.ts';
import { gradeSubmission, mutationGate } from '../core/grading/index.ts';
import { diffPolicies } from '../core/netpol/diff.ts';
import { generateLab } from '../test/support/random-cluster.ts';
import { median } from './median.ts';

const EXERCISES = join(import.meta.dirname, '..', 'exercises');

export interface GradingFigures {
  readonly gradeP50Ms: number;
  readonly gradedAnswers: number;
  readonly diff1000Ms: number;
  readonly diff1000Cells: number;
  readonly diff1000Differing: number;
  readonly diff1000EditMs: number;
  readonly diff1000EditDiffering: number;
  readonly gateMs: number;
  readonly gateExercises: number;
  readonly gateMutants: number;
  readonly gateUncaught: number;
}

async function curriculum(): Promise<readonly Exercise[]> {
  const library = await loadExerciseLibrary(EXERCISES);
  return library.exercises;
}

function gradeP50(exercises: readonly Exercise[], rounds: number): { ms: number; answers: number } {
  const graded = exercises.filter((exercise) => exercise.kind === 'write' || exercise.kind === 'fix');
  const answers = graded.flatMap((exercise) => [
    { exercise, yaml: exercise.solution },
    { exercise, yaml: exercise.starter },
  ]);
  const samples: number[] = [];
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { exercise, yaml } of answers) {
      const start = performance.now();
      const result = gradeSubmission(exercise, yaml);
      samples.push(performance.now() - start);
      sink += result.score;
    }
  }
  if (Number.isNaN(sink)) throw new Error('a grade without a score');
  // The first round warms the JIT and is left out.
  return { ms: median(samples.slice(answers.length)), answers: answers.length };
}

/**
 * The diff on 1,000 pods with 100 policies on each side: `unrelated` compares two independently
 * generated sets (the worst case: most of the space differs), otherwise the right side is the left
 * with every tenth policy replaced, as an edit would.
 */
function diff1000(unrelated: boolean): { ms: number; cells: number; differing: number } {
  const left = generateLab(42, 1_000, 100);
  const other = generateLab(43, 1_000, 100);
  const right = unrelated
    ? other.policies
    : left.policies.map((policy, index) => (index % 10 === 0 ? (other.policies[index] ?? policy) : policy));
  diffPolicies(left.cluster, left.policies, right); // warm-up
  const times: number[] = [];
  let cells = 0;
  let differing = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const result = diffPolicies(left.cluster, left.policies, right);
    times.push(performance.now() - start);
    cells = result.cellsCompared;
    differing = result.cellsDiffering;
  }
  return { ms: median(times), cells, differing };
}

function gate(exercises: readonly Exercise[]): {
  ms: number;
  mutants: number;
  uncaught: number;
} {
  const start = performance.now();
  let mutants = 0;
  let uncaught = 0;
  for (const exercise of exercises) {
    const report = mutationGate(exercise);
    mutants += report.made;
    uncaught += report.uncaught.length;
  }
  return { ms: performance.now() - start, mutants, uncaught };
}

export async function gradingFigures(): Promise<GradingFigures> {
  const exercises = await curriculum();
  const grade = gradeP50(exercises, 6);
  const diff = diff1000(true);
  const edit = diff1000(false);
  const gated = gate(exercises);
  return {
    gradeP50Ms: grade.ms,
    gradedAnswers: grade.answers,
    diff1000Ms: diff.ms,
    diff1000Cells: diff.cells,
    diff1000Differing: diff.differing,
    diff1000EditMs: edit.ms,
    diff1000EditDiffering: edit.differing,
    gateMs: gated.ms,
    gateExercises: exercises.length,
    gateMutants: gated.mutants,
    gateUncaught: gated.uncaught,
  };
}
