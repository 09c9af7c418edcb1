import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from '../command.ts';
import { UsageError } from '../command.ts';
import { formatDiagnostic, paint } from '../format.ts';
import { readTextFile } from '../load-manifests.ts';
import { loadExerciseLibrary } from '../../backend/exercise-library.ts';
import { buildPack, importPack, verifyPack } from '../../backend/packs/index.ts';
import { DEFAULT_EXERCISE_ROOT } from './exercise-root.ts';

const help = `Usage:
  netpol-lab pack build <dir> [-o pack.yaml] [--name N] [--author A] [--version V] [--description D]
  netpol-lab pack verify <pack.yaml>
  netpol-lab pack import <pack.yaml> --into DIR [--rename]

Exercise packs share a library of exercises as one YAML file (see exercises/README.md).

  build    packs the library under <dir> (the layout of exercises/). The library must pass
           validate-exercises first. Writes to -o, or to stdout. --name defaults to the folder's
           name, --author to "anonymous", --version to 1.0.0.
  verify   checks a pack without importing it and lists every problem with line:column.
  import   verifies the pack and adds its exercises to the library folder DIR (created if
           missing). All or nothing. An exercise id that already exists (in DIR or the bundled
           library) refuses the whole pack, unless --rename gives it a free id such as <id>-2.

Exit status: 0 done; 1 the library or pack is invalid, or ids clash; 2 a file or folder cannot be read,
or bad usage.
`;

const CREATED_WITH = 'netpol-lab 0.1.0';

function printProblems(io: CliIo, problems: readonly Parameters<typeof formatDiagnostic>[1][]): void {
  for (const problem of problems) io.stderr(`${formatDiagnostic(io, problem)}\n`);
}

async function build(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      output: { type: 'string', short: 'o' },
      name: { type: 'string' },
      author: { type: 'string' },
      version: { type: 'string' },
      description: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one library folder to pack');
  const directory = path.resolve(io.cwd, positionals[0] as string);
  const result = await buildPack(directory, {
    name: values.name ?? path.basename(directory),
    author: values.author ?? 'anonymous',
    version: values.version ?? '1.0.0',
    ...(values.description === undefined ? {} : { description: values.description }),
    createdWith: CREATED_WITH,
  });
  if (!result.ok || result.text === undefined) {
    printProblems(io, result.problems);
    io.stderr(
      `netpol-lab pack build: ${result.unreadable ? 'cannot read' : 'refusing to pack'} ${directory}\n`,
    );
    return result.unreadable ? 2 : 1;
  }
  printProblems(io, result.problems);
  if (values.output === undefined) {
    io.stdout(result.text);
  } else {
    const file = path.resolve(io.cwd, values.output);
    try {
      await writeFile(file, result.text);
    } catch (error) {
      io.stderr(`netpol-lab pack build: cannot write ${values.output}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  io.stderr(
    `packed ${result.exerciseCount} exercise${result.exerciseCount === 1 ? '' : 's'} in ${result.trackCount} track${result.trackCount === 1 ? '' : 's'}${values.output === undefined ? '' : ` into ${values.output}`}\n`,
  );
  return 0;
}

async function readPack(io: CliIo, file: string): Promise<string | undefined> {
  try {
    return await readTextFile(io, file);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`netpol-lab pack: ${error.message}\n`);
    return undefined;
  }
}

async function verify(argv: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args: [...argv], options: {}, strict: true, allowPositionals: true });
  if (positionals.length !== 1) throw new UsageError('give exactly one pack file to verify');
  const file = positionals[0] as string;
  const text = await readPack(io, file);
  if (text === undefined) return 2;
  const result = verifyPack(text, file);
  for (const problem of result.problems) io.stdout(`${formatDiagnostic(io, problem)}\n`);
  if (!result.ok || result.pack === undefined) {
    const errors = result.problems.filter((problem) => problem.severity === 'error').length;
    io.stdout(
      `${paint(io, 'red', 'INVALID')}: ${errors} problem${errors === 1 ? '' : 's'}; do not import this pack\n`,
    );
    return 1;
  }
  const { manifest, exercises, tracks } = result.pack;
  io.stdout(
    `${paint(io, 'green', 'OK')}: ${manifest.name} ${manifest.version} by ${manifest.author}: ${exercises.length} exercise${exercises.length === 1 ? '' : 's'} in ${tracks.length} track${tracks.length === 1 ? '' : 's'}\n`,
  );
  return 0;
}

async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { into: { type: 'string' }, rename: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError('give exactly one pack file to import');
  if (values.into === undefined) throw new UsageError('say where to import with --into DIR');
  const file = positionals[0] as string;
  const target = path.resolve(io.cwd, values.into);
  if (path.resolve(target) === path.resolve(DEFAULT_EXERCISE_ROOT)) {
    throw new UsageError('import into a library folder of your own, not the bundled exercises');
  }
  const text = await readPack(io, file);
  if (text === undefined) return 2;
  const bundled = await loadExerciseLibrary(DEFAULT_EXERCISE_ROOT);
  const result = await importPack(text, target, {
    onClash: values.rename ? 'rename' : 'refuse',
    existingIds: bundled.exercises.map((exercise) => exercise.id),
    source: file,
  });
  if (!result.ok) {
    printProblems(io, result.problems);
    const unreadable = result.problems.some((problem) =>
      ['library.unreadable', 'import.unwritable', 'import.write-failed'].includes(problem.id),
    );
    io.stderr(`netpol-lab pack import: nothing was imported into ${values.into}\n`);
    return unreadable ? 2 : 1;
  }
  for (const exercise of result.imported) {
    const renamed = exercise.id === exercise.originalId ? '' : ` (renamed from ${exercise.originalId})`;
    io.stdout(`${paint(io, 'green', 'added')}  ${exercise.folder}  ${exercise.id}${renamed}\n`);
  }
  io.stderr(
    `imported ${result.imported.length} exercise${result.imported.length === 1 ? '' : 's'} into ${values.into}\n`,
  );
  return 0;
}

async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'build') return build(rest, io);
  if (action === 'verify') return verify(rest, io);
  if (action === 'import') return importCommand(rest, io);
  throw new UsageError(
    action === undefined
      ? 'say build, verify or import'
      : `unknown action "${action}"; use build, verify or import`,
  );
}

/** `netpol-lab pack`: build, verify and import shareable exercise packs. */
export const command: CliCommand = {
  name: 'pack',
  summary: 'Build, verify and import exercise packs (one YAML file per library)',
  help,
  run,
};
