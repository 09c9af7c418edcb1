import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatDiagnostic, paint } from '../format.ts';
import { loadExerciseLibrary, validateLibrary } from '../../backend/exercise-library.ts';
import { loadLessonLibrary } from '../../backend/lesson-library.ts';
import { DEFAULT_EXERCISE_ROOT } from './exercise-root.ts';

const help = `Usage: netpol-lab validate-exercises [DIR] [-o text|json]

Checks every exercise of a library (default: the repository's exercises/ folder): the files read
cleanly and match the JSON Schema, ids are unique, the track exists, every reach check names pods and
externals that exist, the reference solution passes, the starter fails, and in predict exercises every
expect equals the engine's verdict. Then the mutation gate: every write and fix exercise's solution
is mutated one realistic mistake at a time (a port dropped or changed, a selector widened or
narrowed, AND peers split into OR peers, a policy type dropped, a CIDR widened or narrowed, a policy
dropped or moved to another namespace …); every mutant that decides some connection unlike the
solution, outside the free regions, must fail grading. Per exercise it prints mutants made, mutants
that change behaviour and mutants caught; one uncaught mutant fails the exercise.

Exit status: 0 when every exercise is valid, 1 when any is not, 2 when DIR cannot be read.
`;

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { output: { type: 'string', short: 'o', default: 'text' } },
    strict: true,
    allowPositionals: true,
  });
  if (values.output !== 'text' && values.output !== 'json') {
    throw new UsageError(`unknown output "${values.output}"; use text or json`);
  }
  if (positionals.length > 1) throw new UsageError('give at most one exercise folder');
  const root = positionals[0] === undefined ? DEFAULT_EXERCISE_ROOT : path.resolve(io.cwd, positionals[0]);
  const library = await loadExerciseLibrary(root);
  if (library.diagnostics.some((diagnostic) => diagnostic.id === 'library.unreadable')) {
    for (const diagnostic of library.diagnostics) io.stderr(`${formatDiagnostic(io, diagnostic)}\n`);
    return 2;
  }
  const report = validateLibrary(library, { mutationGate: true });
  const lessons = await loadLessonLibrary(root);
  const lessonsOk = !lessons.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const ok = report.ok && lessonsOk;
  if (values.output === 'json') {
    const lessonReport = { count: lessons.lessons.length, ok: lessonsOk, problems: lessons.diagnostics };
    io.stdout(`${JSON.stringify({ root: library.root, ...report, ok, lessons: lessonReport }, null, 2)}\n`);
    return ok ? 0 : 1;
  }
  for (const problem of report.problems) io.stdout(`${formatDiagnostic(io, problem)}\n`);
  for (const exercise of report.exercises) {
    const label = exercise.ok ? paint(io, 'green', 'ok  ') : paint(io, 'red', 'FAIL');
    const mutants =
      exercise.mutants === undefined
        ? ''
        : `  mutants: ${exercise.mutants.made} made, ${exercise.mutants.changing} change behaviour, ${exercise.mutants.caught} caught`;
    io.stdout(
      `${label}  ${exercise.folder}${exercise.id === undefined ? '' : ` (${exercise.id})`}${mutants}\n`,
    );
    for (const problem of exercise.problems) io.stdout(`        ${formatDiagnostic(io, problem)}\n`);
  }
  const failing = report.exercises.filter((exercise) => !exercise.ok).length;
  const gated = report.exercises.flatMap((exercise) =>
    exercise.mutants === undefined ? [] : [exercise.mutants],
  );
  const sum = (pick: (counts: (typeof gated)[number]) => number): number =>
    gated.reduce((total, counts) => total + pick(counts), 0);
  const total = report.exercises.length;
  io.stdout(
    `\n${total} exercise${total === 1 ? '' : 's'} in ${library.tracks.length} track${library.tracks.length === 1 ? '' : 's'}: ${total - failing} ok, ${failing} failing${report.problems.length > 0 ? `, ${report.problems.length} library problem${report.problems.length === 1 ? '' : 's'}` : ''}\n`,
  );
  const uncaught = sum((counts) => counts.changing - counts.caught);
  io.stdout(
    `Mutation gate over ${gated.length} exercise${gated.length === 1 ? '' : 's'}: ${sum((counts) => counts.made)} mutants made, ${sum((counts) => counts.changing)} change behaviour, ${sum((counts) => counts.caught)} caught${uncaught > 0 ? `, ${uncaught} UNCAUGHT` : ''} (${sum((counts) => counts.caughtOnlyByDiff)} caught only by the diff, by no named check)\n`,
  );
  for (const problem of lessons.diagnostics) io.stdout(`${formatDiagnostic(io, problem)}\n`);
  const lessonCount = lessons.lessons.length;
  io.stdout(
    `${lessonCount} lesson${lessonCount === 1 ? '' : 's'}: ${lessonsOk ? 'all read cleanly' : `${lessons.diagnostics.length} problem${lessons.diagnostics.length === 1 ? '' : 's'}`}\n`,
  );
  return ok ? 0 : 1;
}

/** `netpol-lab validate-exercises`: the CI proof of the exercise library. */
export const command: CliCommand = {
  name: 'validate-exercises',
  summary: 'Prove every exercise: schema, unique ids, solution passes, starter fails',
  help,
  run,
};
