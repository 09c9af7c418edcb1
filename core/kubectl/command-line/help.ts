/**
 * kubectl's help pages: the command list of `kubectl` / `kubectl --help`, and each command's
 * description, examples, options and usage, laid out as kubectl lays them out.
 */
import type { Command } from './command.ts';
import { GLOBAL_FLAGS } from './flags.ts';
import type { FlagSpec } from './flags.ts';

/** How `kubectl --help` groups the commands. */
const GROUPS: readonly { readonly title: string; readonly names: readonly string[] }[] = [
  { title: 'Basic Commands (Beginner)', names: ['create', 'expose', 'run'] },
  { title: 'Basic Commands (Intermediate)', names: ['explain', 'get', 'edit', 'delete'] },
  { title: 'Troubleshooting and Debugging Commands', names: ['describe', 'exec'] },
  { title: 'Advanced Commands', names: ['apply', 'replace'] },
  { title: 'Settings Commands', names: ['label', 'annotate', 'completion'] },
  { title: 'Other Commands', names: ['api-resources', 'config', 'version'] },
];

function flagLine(flag: FlagSpec): string {
  const names = flag.short === undefined ? `    --${flag.name}` : `    -${flag.short}, --${flag.name}`;
  return `${names}=${flag.defaultText ?? "''"}:\n\t${flag.usage}\n`;
}

/** `kubectl` with no command, or `kubectl --help`. */
export function rootHelp(commands: readonly Command[]): string {
  const lines = [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
  ];
  for (const group of GROUPS) {
    const members = group.names
      .map((name) => commands.find((command) => command.name === name))
      .filter((command): command is Command => command !== undefined);
    if (members.length === 0) continue;
    lines.push(`${group.title}:`);
    for (const command of members) lines.push(`  ${command.name.padEnd(14)}  ${command.summary}`);
    lines.push('');
  }
  lines.push(
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
    'Use "kubectl options" for a list of global command-line options (applies to all commands).',
    '',
  );
  return lines.join('\n');
}

/** `kubectl CMD --help`. */
export function commandHelp(command: Command, path: string): string {
  const parts = [`${command.description}\n`];
  if (command.subcommands !== undefined && command.subcommands.length > 0) {
    parts.push(
      `Available Commands:\n${command.subcommands.map((sub) => `  ${sub.name.padEnd(21)} ${sub.summary}`).join('\n')}\n`,
    );
  }
  if (command.examples !== '') parts.push(`Examples:\n${command.examples}\n`);
  if (command.flags.length > 0) parts.push(`Options:\n${command.flags.map(flagLine).join('\n')}`);
  parts.push(`Usage:\n  ${command.usage}\n`);
  parts.push(
    `Use "kubectl ${path} --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`,
  );
  return parts.join('\n');
}

/** `kubectl options`. */
export function optionsHelp(): string {
  return `The following options can be passed to any command:\n\n${GLOBAL_FLAGS.map(flagLine).join('\n')}`;
}
