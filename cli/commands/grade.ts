import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatDiagnostic, paint } from '../format.ts';
import { readTextFile } from '../load-manifests.ts';
import { findExercise, loadExerciseLibrary } from '../../backend/exercise-library.ts';
import type { Exercise, Expectation } from '../../core/exercise/index.ts';
import { gradePrediction, gradeSubmission, parsePredictionAnswers } from '../../core/grading/index.ts';
import type { CheckResult, GradeResult } from '../../core/grading/index.ts';
import { exerciseLibraryRoot } from './exercise-root.ts';

const help = `Usage: netpol-lab grade <exercise-id|folder> <answer.yaml> [-o text|json] [--exercises DIR]

Grades an answer against an exercise the way the lab does: the answer's NetworkPolicies are added to
the exercise's cluster and every check is run through the engine. Any answer that behaves correctly
passes, however it is written. For a predict exercise the answer file maps check ids to allow or deny:

  frontend-web-to-api: allow
  tools-web-to-api: deny

Options:
  -o, --output text|json   report format (default text)
      --exercises DIR      exercise library (default: the repository's exercises/ folder)

Exit status: 0 passed, 1 not passed, 2 bad input (unknown exercise, unreadable answer, bad usage).
`;

/** A predict answer file's answers; anything unreadable is a usage error naming the file. */
function predictionsOrUsageError(text: string, file: string): Record<string, Expectation> {
  const { answers, diagnostics } = parsePredictionAnswers(text);
  const problem = diagnostics[0];
  if (problem !== undefined) throw new UsageError(`${file}: ${problem.message}`);
  return { ...answers };
}

function jsonReport(exercise: Exercise, result: GradeResult): string {
  const report = {
    exercise: {
      id: exercise.id,
      title: exercise.title,
      kind: exercise.kind,
      contentHash: exercise.contentHash,
    },
    passed: result.passed,
    score: result.score,
    checks: result.checks.map((check) => ({
      id: check.id,
      type: check.type,
      passed: check.passed,
      status: check.status,
      code: check.code,
      expected: check.expected,
      actual: check.actual,
      informational: check.informational,
      weight: check.weight,
      requirement: check.requirement,
      ...(check.counts === undefined ? {} : { counts: check.counts }),
      ...(check.connection === undefined ? {} : { connection: check.connection }),
      ...(check.note === undefined ? {} : { note: check.note }),
      explanation: check.explanation,
    })),
    form: result.checks
      .filter((check) => check.requirement === 'form')
      .map((check) => ({
        id: check.id,
        passed: check.passed,
        expected: check.expected,
        actual: check.actual,
      })),
    differences: result.differences,
    ...(result.invalid === undefined ? {} : { invalid: result.invalid }),
    diagnostics: result.diagnostics,
    lint: result.lint,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function checkLine(io: CliIo, check: CheckResult): string {
  const label = check.informational
    ? paint(io, 'cyan', 'INFO')
    : check.status === 'not-run'
      ? paint(io, 'dim', 'SKIP')
      : check.passed
        ? paint(io, 'green', 'PASS')
        : paint(io, 'red', 'FAIL');
  const what = check.connection ?? check.type;
  const outcome =
    check.status === 'not-run'
      ? 'not run'
      : check.type === 'reach'
        ? `expected ${check.expected}, got ${check.actual}`
        : check.passed
          ? check.actual
          : `expected ${check.expected}; got ${check.actual}`;
  return `  ${label}  ${check.id}: ${what}: ${outcome}`;
}

function textReport(io: CliIo, exercise: Exercise, result: GradeResult): string {
  const lines = [`${paint(io, 'bold', exercise.title)} (${exercise.id}, ${exercise.kind})`, ''];
  for (const diagnostic of result.diagnostics) lines.push(formatDiagnostic(io, diagnostic));
  if (result.diagnostics.length > 0) lines.push('');
  if (result.invalid !== undefined) {
    lines.push(result.invalid, '', `${paint(io, 'red', 'NOT PASSED')}: score 0/100`);
    return `${lines.join('\n')}\n`;
  }
  // Failures first, then what passed; form requirements apart from behaviour.
  const order = (check: CheckResult): number => (check.informational ? 2 : check.passed ? 1 : 0);
  for (const requirement of ['behaviour', 'form'] as const) {
    const mine = result.checks
      .filter((check) => check.requirement === requirement)
      .sort((left, right) => order(left) - order(right));
    if (mine.length === 0) continue;
    if (requirement === 'form') lines.push('', 'Form the task states:');
    for (const check of mine) {
      lines.push(checkLine(io, check));
      if (check.passed || check.status === 'not-run') continue;
      for (const line of check.explanation) lines.push(`        ${line}`);
      if (check.note !== undefined) lines.push(`        Why it matters: ${check.note.trim()}`);
    }
  }
  if (result.differences.length > 0) {
    lines.push('', 'Other connections where the answer does not do what the task asks:');
    for (const difference of result.differences) {
      lines.push(`  ${paint(io, 'red', 'DIFF')}  ${difference.text}`);
      lines.push(`        For example ${difference.connection}:`);
      for (const line of difference.explanation) lines.push(`          ${line}`);
    }
  }
  if (result.lint.length > 0) {
    lines.push('', 'Lint:');
    for (const finding of result.lint) lines.push(`  ${formatDiagnostic(io, finding)}`);
  }
  const graded = result.checks.filter((check) => !check.informational);
  const passedCount = graded.filter((check) => check.passed).length;
  const verdict = result.passed ? paint(io, 'green', 'PASSED') : paint(io, 'red', 'NOT PASSED');
  const others =
    exercise.kind === 'predict'
      ? ''
      : result.differences.length === 0
        ? '; every other connection as the task asks'
        : `; ${result.differences.length} other ${result.differences.length === 1 ? 'region differs' : 'regions differ'}`;
  lines.push(
    '',
    `${verdict}: ${passedCount}/${graded.length} graded checks pass${others}, score ${result.score}/100`,
  );
  return `${lines.join('\n')}\n`;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      output: { type: 'string', short: 'o', default: 'text' },
      exercises: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  try {
    if (values.output !== 'text' && values.output !== 'json') {
      throw new UsageError(`unknown output "${values.output}"; use text or json`);
    }
    const [reference, answerFile, ...extra] = positionals;
    if (reference === undefined || answerFile === undefined || extra.length > 0) {
      throw new UsageError('give an exercise id (or folder) and one answer file');
    }
    const library = await loadExerciseLibrary(exerciseLibraryRoot(io, reference, values.exercises));
    const folder = findExercise(library, reference) ?? findExercise(library, path.resolve(io.cwd, reference));
    if (folder === undefined) {
      throw new UsageError(`no exercise "${reference}" in ${library.root}`);
    }
    if (folder.exercise === undefined) {
      for (const diagnostic of folder.diagnostics) io.stderr(`${formatDiagnostic(io, diagnostic)}\n`);
      throw new UsageError(`exercise ${folder.folder} is invalid; fix it first (see validate-exercises)`);
    }
    const exercise = folder.exercise;
    const text = await readTextFile(io, answerFile);
    const result =
      exercise.kind === 'predict'
        ? gradePrediction(exercise, predictionsOrUsageError(text, answerFile))
        : gradeSubmission(exercise, text, { source: answerFile });
    io.stdout(values.output === 'json' ? jsonReport(exercise, result) : textReport(io, exercise, result));
    return result.passed ? 0 : 1;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`netpol-lab grade: ${error.message}\n`);
    return 2;
  }
}

/** `netpol-lab grade`: grade an answer file against an exercise. */
export const command: CliCommand = {
  name: 'grade',
  summary: 'Grade an answer against an exercise (exit 0 passed, 1 not passed)',
  help,
  run,
};
