/**
 * The mutation gate: proof that an exercise's grading rejects every realistic mistake. Each mutant of
 * the reference solution (see {@link mutantsOf}) is compared with the solution over the whole
 * connection space, outside the free regions, independently of the grader; every mutant that decides
 * some connection differently must then fail grading. One that passes is a hole in the exercise.
 */
import type { NetworkPolicy } from '../netpol/types.ts';
import { parseManifests } from '../netpol/read/manifests.ts';
import { partitionSpace } from '../netpol/space.ts';
import { decideDisagreements } from '../netpol/diff.ts';
import type { Exercise } from '../exercise/types.ts';
import { gradePolicies, OTHER_CONNECTIONS } from './grade.ts';
import { mutantsOf } from './mutants.ts';
import type { GradeResult } from './types.ts';
import { combine } from './submission.ts';

/** What the gate found for one mutant. */
export interface GateMutant {
  readonly description: string;
  /** It decides some connection outside the free regions unlike the solution. */
  readonly changesBehaviour: boolean;
  /** Grading rejected it. */
  readonly caught: boolean;
  /** The failing check ids, plus `other-connections` when the diff found unnamed differences. */
  readonly caughtBy: readonly string[];
}

export interface GateReport {
  readonly exerciseId: string;
  /** False for predict exercises, which have no policies to mutate. */
  readonly applicable: boolean;
  readonly made: number;
  readonly changing: number;
  readonly caught: number;
  /** Mutants that change behaviour but pass grading: each is a problem to fix. */
  readonly uncaught: readonly GateMutant[];
  /** Mutants caught only by the diff, not by any named check (worth a check that teaches it). */
  readonly caughtOnlyByDiff: readonly GateMutant[];
}

function learnerPart(exercise: Exercise): readonly NetworkPolicy[] {
  return parseManifests([{ text: exercise.solution, source: 'solution.yaml' }]).policies;
}

/** Whether two policy sets decide some connection differently outside the exercise's free regions. */
function behavesDifferently(
  exercise: Exercise,
  a: readonly NetworkPolicy[],
  b: readonly NetworkPolicy[],
): boolean {
  const sets = [a, b] as const;
  const space = partitionSpace(exercise.cluster, sets, exercise.free);
  return decideDisagreements(space, sets, exercise.free).cells.length > 0;
}

/** How the gate grades a mutant (the learner's part of the policies); the real grader by default. */
export type MutantGrader = (exercise: Exercise, policies: readonly NetworkPolicy[]) => GradeResult;

const realGrader: MutantGrader = (exercise, policies) =>
  gradePolicies(exercise, policies, { source: 'mutant.yaml', lint: false });

/** Runs the gate on one exercise. Pure; never throws on a valid exercise. */
export function mutationGate(exercise: Exercise, grade: MutantGrader = realGrader): GateReport {
  if (exercise.kind === 'predict') {
    return {
      exerciseId: exercise.id,
      applicable: false,
      made: 0,
      changing: 0,
      caught: 0,
      uncaught: [],
      caughtOnlyByDiff: [],
    };
  }
  const solution = learnerPart(exercise);
  const solutionSet = combine(exercise, solution, 'solution.yaml').policies;
  const results: GateMutant[] = mutantsOf(exercise.cluster, solution).map((mutant) => {
    const mutantSet = combine(exercise, mutant.policies, 'mutant.yaml').policies;
    const changesBehaviour = behavesDifferently(exercise, mutantSet, solutionSet);
    const result = grade(exercise, mutant.policies);
    const caughtBy = [
      ...result.checks.filter((check) => !check.passed && !check.informational).map((check) => check.id),
      ...(result.differences.length > 0 ? [OTHER_CONNECTIONS] : []),
    ];
    return { description: mutant.description, changesBehaviour, caught: !result.passed, caughtBy };
  });
  const changing = results.filter((result) => result.changesBehaviour);
  return {
    exerciseId: exercise.id,
    applicable: true,
    made: results.length,
    changing: changing.length,
    caught: changing.filter((result) => result.caught).length,
    uncaught: changing.filter((result) => !result.caught),
    caughtOnlyByDiff: changing.filter(
      (result) => result.caught && result.caughtBy.length === 1 && result.caughtBy[0] === OTHER_CONNECTIONS,
    ),
  };
}
