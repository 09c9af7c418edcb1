/** Every kubectl command the lab serves, in one list for dispatch, help and completion. */
import type { Command } from '../command-line/command.ts';
import { annotateCommand, labelCommand } from './label.ts';
import { apiResourcesCommand, clusterInfoCommand, configCommand, versionCommand } from './info.ts';
import { applyCommand } from './apply.ts';
import { createCommand } from './create.ts';
import { deleteCommand } from './delete.ts';
import { describeCommand } from './describe.ts';
import { editCommand } from './edit.ts';
import { execCommand } from './exec.ts';
import { explainCommand } from './explain.ts';
import { getCommand } from './get.ts';
import { runCommand } from './run.ts';

export const COMMANDS: readonly Command[] = [
  createCommand,
  runCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  describeCommand,
  execCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  clusterInfoCommand,
  configCommand,
  versionCommand,
];
