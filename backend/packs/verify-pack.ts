/**
 * Verifies an untrusted exercise pack completely before anything touches the disk: everything
 * core/pack checks, the JSON Schema's second opinion, each exercise against exercise.schema.json,
 * and the proof with the grader (the solution passes, the starter fails, predictions hold).
 * Nothing in a pack is ever executed; grading only evaluates policies as data.
 */
import type { Diagnostic } from '../../core/netpol/index.ts';
import { checkPack, relocateIntoPack } from '../../core/pack/index.ts';
import type { CheckedExercise, Pack, PackFileName } from '../../core/pack/index.ts';
import { proveExercise } from '../exercise-library.ts';
import { schemaDiagnostics } from '../exercise-schema.ts';
import { packSchemaDiagnostics } from './pack-schema.ts';

export interface PackVerification {
  /** No errors: the pack may be imported. */
  readonly ok: boolean;
  /** Every problem found, errors and warnings, by position in the pack. */
  readonly problems: readonly Diagnostic[];
  /** The pack, when `ok`. */
  readonly pack?: Pack;
  /** The exercises that parsed, with their parsed form (all of them when `ok`). */
  readonly exercises: readonly CheckedExercise[];
}

function proofFile(problem: Diagnostic): PackFileName {
  if (problem.id.startsWith('proof.solution')) return 'solution.yaml';
  if (problem.id === 'proof.starter-passes') return 'starter.yaml';
  return 'exercise.yaml';
}

function byPosition(left: Diagnostic, right: Diagnostic): number {
  const a = left.position ?? { line: 0, column: 0 };
  const b = right.position ?? { line: 0, column: 0 };
  return a.line - b.line || a.column - b.column;
}

/** Verifies a pack's text; `source` names it in diagnostics. Never throws on bad input. */
export function verifyPack(text: string, source = 'pack.yaml'): PackVerification {
  const check = checkPack(text, source);
  const problems: Diagnostic[] = [...check.problems];
  // Like exercise-library: the schema speaks only when the code found the shape right, so an author
  // sees one message per mistake while a drift between the two still surfaces.
  if (check.text !== undefined && check.shapeComplete)
    problems.push(...packSchemaDiagnostics(check.text, source));
  if (check.text !== undefined) {
    for (const checked of check.exercises) {
      const { entry, index, exercise, label } = checked;
      const schema = schemaDiagnostics('exercise', entry.files['exercise.yaml'], `${label}/exercise.yaml`);
      problems.push(...relocateIntoPack(schema, check.text, index, label, 'exercise.yaml', source));
      for (const proof of proveExercise(exercise, `${label}/exercise.yaml`)) {
        problems.push(...relocateIntoPack([proof], check.text, index, label, proofFile(proof), source));
      }
    }
  }
  problems.sort(byPosition);
  const ok = check.pack !== undefined && !problems.some((problem) => problem.severity === 'error');
  return {
    ok,
    problems,
    ...(ok && check.pack !== undefined ? { pack: check.pack } : {}),
    exercises: check.exercises,
  };
}
