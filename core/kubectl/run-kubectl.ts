/**
 * The kubectl command line: global flags before or after the command, the command (and
 * subcommand) lookup, flag parsing, `-h`/`--help`, and a guard so that no input ever throws.
 */
import { failed, done } from './command-line/command.ts';
import type { Command, CommandContext } from './command-line/command.ts';
import { parseArgs, stringFlag } from './command-line/flags.ts';
import { commandHelp, optionsHelp, rootHelp } from './command-line/help.ts';
import { CONTEXT_NAME } from './objects/cluster-facts.ts';
import { COMMANDS } from './commands/registry.ts';
import type { ClusterState, KubectlIo, KubectlResult } from './types.ts';

function editDistance(left: string, right: string): number {
  const row = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= right.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(
        above + 1,
        (row[j - 1] as number) + 1,
        diagonal + (left[i - 1] === right[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[right.length] as number;
}

function findCommand(commands: readonly Command[], name: string): Command | undefined {
  return commands.find((command) => command.name === name || (command.aliases ?? []).includes(name));
}

/** Global flags may come before the command: `kubectl -n prod get pods`. */
function splitLeadingFlags(args: readonly string[]): { leading: string[]; rest: string[] } {
  const leading: string[] = [];
  let index = 0;
  while (index < args.length && (args[index] as string).startsWith('-') && args[index] !== '--') {
    const arg = args[index] as string;
    leading.push(arg);
    if ((arg === '-n' || arg === '--namespace' || arg === '--context') && index + 1 < args.length) {
      leading.push(args[index + 1] as string);
      index++;
    }
    index++;
  }
  return { leading, rest: args.slice(index) };
}

function unknownCommand(state: ClusterState, name: string): KubectlResult {
  const close = COMMANDS.filter((command) => editDistance(command.name, name) <= 2).map(
    (command) => command.name,
  );
  const suggestion =
    close.length === 0 ? '' : `\n\nDid you mean this?\n${close.map((item) => `\t${item}`).join('\n')}`;
  return failed(state, `error: unknown command "${name}" for "kubectl"${suggestion}`);
}

function dispatch(state: ClusterState, args: readonly string[], io: KubectlIo): KubectlResult {
  const { leading, rest } = splitLeadingFlags(args);
  const [name, ...tail] = rest;
  if (name === undefined) {
    const help = leading.includes('-h') || leading.includes('--help') || leading.length === 0;
    return help ? done(state, rootHelp(COMMANDS)) : failed(state, `error: unknown flag: ${leading[0] ?? ''}`);
  }
  if (name === 'options') return done(state, optionsHelp());
  let command = findCommand(COMMANDS, name);
  if (command === undefined) return unknownCommand(state, name);
  let path = command.name;
  let words = [...tail, ...leading];
  const subcommands = command.subcommands ?? [];
  const first = words.findIndex((word) => !word.startsWith('-'));
  const sub = first === -1 ? undefined : findCommand(subcommands, words[first] as string);
  if (sub !== undefined) {
    command = sub;
    path = `${path} ${sub.name}`;
    words = words.filter((_, index) => index !== first);
  }
  const parsed = parseArgs(words, command.flags);
  if (!parsed.ok) return failed(state, `error: ${parsed.error}\nSee 'kubectl ${path} --help' for usage.`);
  if (parsed.flags.help === true) return done(state, commandHelp(command, path));
  const contextName = stringFlag(parsed, 'context');
  if (contextName !== undefined && contextName !== CONTEXT_NAME) {
    return failed(state, `error: context was not found for specified context: ${contextName}`);
  }
  const context: CommandContext = { state, io, path };
  return command.run(context, parsed);
}

/**
 * Runs one kubectl command line (`args` without the leading `kubectl`, already split by the
 * shell) against the cluster state. Pure: the same state, arguments and io give the same result,
 * and the state passed in is never changed. Learner input never makes it throw.
 */
export function runKubectl(state: ClusterState, args: readonly string[], io: KubectlIo): KubectlResult {
  try {
    return dispatch(state, args, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(state, `error: the lab's kubectl failed on this command (${detail}); nothing was changed`);
  }
}
