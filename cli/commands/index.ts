import type { CliCommand } from '../command.ts';
import { command as probe } from './probe.ts';
import { command as explain } from './explain.ts';
import { command as matrix } from './matrix.ts';
import { command as lint } from './lint.ts';
import { command as validate } from './validate.ts';
import { command as grade } from './grade.ts';
import { command as gradeBatch } from './grade-batch.ts';
import { command as validateExercises } from './validate-exercises.ts';
import { command as pack } from './pack.ts';
import { command as diff } from './diff.ts';

/** Every subcommand, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  probe,
  explain,
  matrix,
  lint,
  diff,
  validate,
  grade,
  gradeBatch,
  validateExercises,
  pack,
];
