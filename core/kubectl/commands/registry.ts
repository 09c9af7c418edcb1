/** Every kubectl command the lab serves, in one list for dispatch, help and completion. */
import type { Command } from '../cli/command.ts';
import { applyCommand } from './apply.ts';
import { getCommand } from './get.ts';

export const COMMANDS: readonly Command[] = [getCommand, applyCommand];
