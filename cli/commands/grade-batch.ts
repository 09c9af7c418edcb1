import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatDiagnostic, formatTable, paint } from '../format.ts';
import { findExercise, loadExerciseLibrary } from '../../backend/exercise-library.ts';
import type { Exercise } from '../../core/exercise/index.ts';
import { gradePrediction, gradeSubmission, parsePredictionAnswers } from '../../core/grading/index.ts';
import type { GradeResult } from '../../core/grading/index.ts';
import { formatPosition } from '../../core/netpol/index.ts';
import { exerciseLibraryRoot } from './exercise-root.ts';
import { readRegularFile, UnreadableFile } from '../read-regular-file.ts';

const help = `Usage: netpol-lab grade-batch <exercise-id|folder> <submissions-folder> [-o table|csv|json] [--exercises DIR]

Grades every *.yaml and *.yml file of a folder against one exercise, one submission per file (the
file name names the student), exactly as \`netpol-lab grade\` would. Prints one row per file: the
file, whether it passed, the score, the ids of the graded checks that failed, and any errors that
kept the file from being graded. A summary goes to stderr.

Options:
  -o, --output table|csv|json   report format (default table). CSV cells that start with = + - or @
                                are prefixed with ' so spreadsheets never run them as formulas.
      --exercises DIR           exercise library (default: the repository's exercises/ folder)

Exit status: 0 every file was graded (whether or not it passed), 2 bad input (unknown exercise,
unreadable folder, no submissions, bad usage).
`;

/** Submissions larger than this are not read; a policy file is a few kilobytes. */
const MAX_SUBMISSION_BYTES = 1024 * 1024;

/** One graded file. */
export interface BatchRow {
  readonly file: string;
  readonly passed: boolean;
  readonly score: number;
  /** Graded checks that ran and failed. */
  readonly failedChecks: readonly string[];
  /** Errors in the file, with line:column where known. */
  readonly errors: readonly string[];
}

function rowFor(file: string, result: GradeResult): BatchRow {
  return {
    file,
    passed: result.passed,
    score: result.score,
    // Checks that could not run are not listed: the errors say why nothing ran.
    failedChecks: result.checks
      .filter((check) => !check.informational && check.status === 'failed')
      .map((check) => check.id),
    errors: result.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) =>
        diagnostic.position === undefined || diagnostic.message.endsWith(formatPosition(diagnostic.position))
          ? diagnostic.message
          : `${diagnostic.message}${formatPosition(diagnostic.position)}`,
      ),
  };
}

/** Grades one file; a file that cannot be read is a row that did not pass. */
async function gradeFile(exercise: Exercise, directory: string, file: string): Promise<BatchRow> {
  const full = path.join(directory, file);
  const failed = (error: string): BatchRow => ({
    file,
    passed: false,
    score: 0,
    failedChecks: [],
    errors: [error],
  });
  let text: string;
  try {
    text = await readRegularFile(full, MAX_SUBMISSION_BYTES);
  } catch (error) {
    if (error instanceof UnreadableFile) return failed(`${error.message}; not read`);
    return failed(`cannot read the file: ${(error as Error).message}`);
  }
  if (exercise.kind !== 'predict') return rowFor(file, gradeSubmission(exercise, text, { source: file }));
  const { answers, diagnostics } = parsePredictionAnswers(text);
  const problem = diagnostics[0];
  return problem !== undefined ? failed(problem.message) : rowFor(file, gradePrediction(exercise, answers));
}

/** A CSV cell: quoted when needed, and never readable as a spreadsheet formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvReport(rows: readonly BatchRow[]): string {
  const lines = [['file', 'passed', 'score', 'failed_checks', 'errors']];
  for (const row of rows) {
    lines.push([
      row.file,
      String(row.passed),
      String(row.score),
      row.failedChecks.join(' '),
      row.errors.join('; '),
    ]);
  }
  return `${lines.map((line) => line.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function tableReport(io: CliIo, rows: readonly BatchRow[]): string {
  const header = ['FILE', 'PASSED', 'SCORE', 'FAILED CHECKS', 'ERRORS'];
  const body = rows.map((row) => [
    row.file,
    row.passed ? paint(io, 'green', 'yes') : paint(io, 'red', 'no'),
    String(row.score),
    row.failedChecks.join(' '),
    // One line per row: newlines in messages would break the table.
    row.errors.join('; ').replace(/\s+/g, ' '),
  ]);
  return `${formatTable([header, ...body], io.isTty ? io.columns : Infinity)}\n`;
}

async function submissionFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  return entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { output: { type: 'string', short: 'o', default: 'table' }, exercises: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  try {
    const output = values.output;
    if (output !== 'table' && output !== 'csv' && output !== 'json') {
      throw new UsageError(`unknown output "${output}"; use table, csv or json`);
    }
    const [reference, folder, ...extra] = positionals;
    if (reference === undefined || folder === undefined || extra.length > 0) {
      throw new UsageError('give an exercise id (or folder) and one folder of submissions');
    }
    const library = await loadExerciseLibrary(exerciseLibraryRoot(io, reference, values.exercises));
    const found = findExercise(library, reference) ?? findExercise(library, path.resolve(io.cwd, reference));
    if (found === undefined) throw new UsageError(`no exercise "${reference}" in ${library.root}`);
    if (found.exercise === undefined) {
      for (const diagnostic of found.diagnostics) io.stderr(`${formatDiagnostic(io, diagnostic)}\n`);
      throw new UsageError(`exercise ${found.folder} is invalid; fix it first (see validate-exercises)`);
    }
    const exercise = found.exercise;
    const directory = path.resolve(io.cwd, folder);
    let files: string[];
    try {
      files = await submissionFiles(directory);
    } catch (error) {
      throw new UsageError(`cannot read the folder ${folder}: ${(error as Error).message}`);
    }
    if (files.length === 0) throw new UsageError(`${folder} holds no *.yaml or *.yml files`);
    const rows: BatchRow[] = [];
    for (const file of files) rows.push(await gradeFile(exercise, directory, file));
    if (output === 'json') {
      const report = {
        exercise: { id: exercise.id, title: exercise.title, contentHash: exercise.contentHash },
        results: rows,
      };
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    } else io.stdout(output === 'csv' ? csvReport(rows) : tableReport(io, rows));
    const passed = rows.filter((row) => row.passed).length;
    io.stderr(
      `graded ${rows.length} submission${rows.length === 1 ? '' : 's'} for ${exercise.id}: ${passed} passed, ${rows.length - passed} not passed\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`netpol-lab grade-batch: ${error.message}\n`);
    return 2;
  }
}

/** `netpol-lab grade-batch`: grade a folder of submissions against one exercise. */
export const command: CliCommand = {
  name: 'grade-batch',
  summary: 'Grade a folder of submissions against one exercise (a row per file; CSV, JSON or table)',
  help,
  run,
};
