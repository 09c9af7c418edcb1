/**
 * Tab completion for the shell: what may come next after `kubectl …` — commands, subcommands,
 * flags, resource types, object names in the namespace in use, namespaces after `-n`, output
 * formats after `-o`, and the pod tools after `exec POD --`.
 */
import type { Command } from './command-line/command.ts';
import { GLOBAL_FLAGS } from './command-line/flags.ts';
import { RESOURCE_TYPES, findResourceType } from './command-line/resources.ts';
import { COMMANDS } from './commands/registry.ts';
import { objectsOf } from './state/store.ts';
import type { StoredKind } from './state/store.ts';
import { POD_COMMANDS } from './tools/run-in-pod.ts';
import type { ClusterState } from './types.ts';

/** The names of kubectl's commands. */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map((command) => command.name);

/** Every name a resource type goes by (plural, singular, short), for completing a resource argument. */
export const RESOURCE_NAMES: readonly string[] = RESOURCE_TYPES.flatMap((type) => [
  type.plural,
  type.singular,
  ...type.shortNames,
]).concat('all');

const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];

/** Names of the objects of a type (given as the learner typed it) in a namespace; all namespaces when undefined. */
export function objectNames(state: ClusterState, type: string, namespace: string | undefined): string[] {
  const found = findResourceType(type);
  if (found === undefined || found.kind === 'Node' || found.kind === 'ReplicaSet')
    return found?.kind === 'Node' ? ['controlplane', 'node01'] : [];
  return objectsOf(state, found.kind as StoredKind)
    .filter(
      (object) => !found.namespaced || namespace === undefined || object.metadata.namespace === namespace,
    )
    .map((object) => object.metadata.name);
}

function namespaceIn(state: ClusterState, words: readonly string[]): string | undefined {
  if (words.includes('-A') || words.includes('--all-namespaces')) return undefined;
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if ((word === '-n' || word === '--namespace') && index + 1 < words.length) return words[index + 1];
    if (word.startsWith('--namespace=')) return word.slice('--namespace='.length);
  }
  return state.currentNamespace;
}

function flagsOf(command: Command | undefined): string[] {
  const flags = [...(command?.flags ?? []), ...GLOBAL_FLAGS];
  return flags.flatMap((flag) => [`--${flag.name}`, ...(flag.short === undefined ? [] : [`-${flag.short}`])]);
}

function matching(candidates: readonly string[], prefix: string): string[] {
  return [...new Set(candidates)].filter((candidate) => candidate.startsWith(prefix)).sort();
}

/**
 * Completions for the last word of a kubectl command line. `words` are the words after `kubectl`
 * (or its alias), the last one being the word being typed (`''` after a space).
 */
export function completeKubectl(state: ClusterState, words: readonly string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const previous = before.at(-1);
  if (before.length === 0) return matching(COMMAND_NAMES, current);
  if (previous === '-n' || previous === '--namespace')
    return matching(
      state.namespaces.map((namespace) => namespace.metadata.name),
      current,
    );
  if (previous === '-o' || previous === '--output') return matching(OUTPUT_FORMATS, current);
  // Global flags may come before the command: `kubectl -n prod get …`.
  let first = 0;
  while (first < before.length && (before[first] as string).startsWith('-')) {
    first += ['-n', '--namespace', '--context'].includes(before[first] as string) ? 2 : 1;
  }
  if (first >= before.length) return matching(COMMAND_NAMES, current);
  const name = before[first] as string;
  let command = COMMANDS.find(
    (candidate) => candidate.name === name || (candidate.aliases ?? []).includes(name),
  );
  let rest = before.slice(first + 1);
  const sub = command?.subcommands?.find(
    (candidate) => candidate.name === rest[0] || (candidate.aliases ?? []).includes(rest[0] as string),
  );
  if (sub !== undefined) {
    command = sub;
    rest = rest.slice(1);
  } else if (
    command?.subcommands !== undefined &&
    rest.filter((word) => !word.startsWith('-')).length === 0 &&
    !current.startsWith('-')
  ) {
    return matching(
      command.subcommands.map((candidate) => candidate.name),
      current,
    );
  }
  if (current.startsWith('-')) return matching(flagsOf(command), current);
  const namespace = namespaceIn(state, words);
  const dash = rest.indexOf('--');
  if (command?.name === 'exec') {
    if (dash !== -1) return rest.length === dash + 1 ? matching(POD_COMMANDS, current) : [];
    return matching(objectNames(state, 'pods', namespace), current);
  }
  if (command?.takesResource !== true) return [];
  const positionals = rest.filter(
    (word, index) =>
      !word.startsWith('-') &&
      !['-n', '--namespace', '-o', '--output', '-l', '--selector', '-f', '--filename'].includes(
        rest[index - 1] ?? '',
      ),
  );
  const slash = current.indexOf('/');
  if (slash !== -1) {
    const type = current.slice(0, slash);
    return matching(
      objectNames(state, type, namespace).map((name) => `${type}/${name}`),
      current,
    );
  }
  if (positionals.length === 0) return matching(RESOURCE_NAMES, current);
  const type = (positionals[0] as string).split(',')[0] as string;
  return matching(objectNames(state, type, namespace), current);
}
