/**
 * Reads an exercise being authored well enough to propose checks for it. Only the cluster and its
 * policies matter for a proposal, so an exercise that does not read yet (no checks, no title, a
 * half-typed id) is read again with placeholders for everything else; the cluster must read cleanly.
 */
import { parseDocument } from 'yaml';
import { parseExercise } from '../exercise/index.ts';
import type { Exercise, ExerciseFiles } from '../exercise/index.ts';
import type { Diagnostic } from '../netpol/index.ts';

/** Values that always read; the proposal never looks at them. */
const PLACEHOLDERS: Readonly<Record<string, unknown>> = {
  id: 'draft',
  title: 'Draft',
  track: 'draft',
  difficulty: 'beginner',
  minutes: 1,
  kind: 'write',
  examWeight: 0,
  task: 'Draft',
  checks: [{ id: 'placeholder', type: 'policy-count', count: 0 }],
};

function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

/** The exercise (checks possibly replaced by a placeholder), or the errors that keep it from reading. */
export function parseForProposal(files: ExerciseFiles): {
  readonly exercise?: Exercise;
  readonly diagnostics: readonly Diagnostic[];
} {
  const first = parseExercise(files);
  if (first.exercise !== undefined) return { exercise: first.exercise, diagnostics: first.diagnostics };
  let replaced: string;
  try {
    const document = parseDocument(files.exerciseYaml);
    if (document.errors.length > 0 || typeof document.contents !== 'object' || document.contents === null) {
      return { diagnostics: errorsOf(first.diagnostics) };
    }
    for (const [key, value] of Object.entries(PLACEHOLDERS)) document.set(key, value);
    for (const key of ['tags', 'hints']) document.delete(key);
    replaced = document.toString();
  } catch {
    return { diagnostics: errorsOf(first.diagnostics) };
  }
  const second = parseExercise({ ...files, exerciseYaml: replaced });
  if (second.exercise === undefined) return { diagnostics: errorsOf(second.diagnostics) };
  return { exercise: second.exercise, diagnostics: second.diagnostics };
}
