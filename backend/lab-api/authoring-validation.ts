/**
 * Validates an exercise being authored the way the library's CI does (format reader, schema, proof
 * with the grader) plus the authoring rules: the id is not a bundled one, the track is one the user
 * library has, and every check can fail for a learner who did nothing.
 */
import { checksThatNeverFail } from '../../core/authoring/index.ts';
import { mutationGate } from '../../core/grading/index.ts';
import { parseExercise } from '../../core/exercise/index.ts';
import type { Exercise } from '../../core/exercise/index.ts';
import type { AuthoredExerciseFiles, AuthoringValidation } from '../../core/lab-api/index.ts';
import type { Diagnostic } from '../../core/netpol/index.ts';
import { proveExercise } from '../exercise-library.ts';
import { schemaDiagnostics } from '../exercise-schema.ts';

type Problem = AuthoringValidation['problems'][number];

/** What the rules need to know about the libraries. */
export interface AuthoringContext {
  /** Ids of the bundled exercises: an authored exercise may not take one. */
  readonly bundledIds: ReadonlySet<string>;
  /** Track ids an authored exercise may join. */
  readonly trackIds: ReadonlySet<string>;
}

/** A diagnostic as one readable line: `exercise.yaml 3:5: message`. */
export function problemText(diagnostic: Diagnostic): string {
  const where = diagnostic.source ?? '';
  const position =
    diagnostic.position === undefined ? '' : ` ${diagnostic.position.line}:${diagnostic.position.column}`;
  const prefix = `${where}${position}`.trim();
  return prefix === '' ? diagnostic.message : `${prefix}: ${diagnostic.message}`;
}

function toProblem(diagnostic: Diagnostic): Problem {
  return { severity: diagnostic.severity, message: problemText(diagnostic) };
}

/** The validation, and the parsed exercise when it read. */
export function validateAuthored(
  files: AuthoredExerciseFiles,
  context: AuthoringContext,
): AuthoringValidation & { readonly exercise?: Exercise } {
  const source = 'exercise.yaml';
  const parsed = parseExercise({ ...files, source });
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const readErrors = diagnostics.some((item) => item.severity === 'error');
  if (!readErrors && files.exerciseYaml.trim() !== '') {
    diagnostics.push(...schemaDiagnostics('exercise', files.exerciseYaml, source));
  }
  const problems: Problem[] = diagnostics.map(toProblem);
  const exercise = parsed.exercise;
  if (exercise === undefined) {
    return {
      problems,
      solutionPasses: false,
      starterFails: false,
      checksThatNeverFail: [],
      mutants: null,
      valid: false,
    };
  }
  if (context.bundledIds.has(exercise.id)) {
    problems.push({
      severity: 'error',
      message: `The id "${exercise.id}" belongs to a bundled exercise; choose another id.`,
    });
  }
  if (!context.trackIds.has(exercise.track)) {
    problems.push({
      severity: 'error',
      message: `Track "${exercise.track}" is not in your library; use one of: ${[...context.trackIds].join(', ')}.`,
    });
  }
  const proof = proveExercise(exercise, source);
  problems.push(...proof.map(toProblem));
  const solutionPasses = !proof.some(
    (item) => item.id.startsWith('proof.solution') || item.id === 'proof.predict-expectation',
  );
  const starterFails = !proof.some((item) => item.id === 'proof.starter-passes');
  const neverFail = checksThatNeverFail(exercise);
  for (const id of neverFail) {
    problems.push({
      severity: 'info',
      message: `Check ${id} already holds with the starter and with no policies at all: it still guards the answer and explains itself, but earns no points.`,
    });
  }
  let mutants: AuthoringValidation['mutants'] = null;
  if (solutionPasses && exercise.kind !== 'predict') {
    const gate = mutationGate(exercise);
    mutants = {
      made: gate.made,
      changing: gate.changing,
      caught: gate.caught,
      uncaught: gate.uncaught.map((mutant) => mutant.description),
    };
    for (const description of mutants.uncaught) {
      problems.push({
        severity: 'error',
        message: `A mistake goes unnoticed: the solution with "${description}" decides some connection differently, yet grading passes it.`,
      });
    }
  }
  const valid = !problems.some((problem) => problem.severity === 'error');
  return { problems, solutionPasses, starterFails, checksThatNeverFail: neverFail, mutants, valid, exercise };
}
