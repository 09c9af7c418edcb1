/**
 * What every kubectl command shares: its description for help and completion, its flags, and the
 * result helpers with kubectl's and the API server's error wording.
 */
import type { ClusterState, KubectlEffect, KubectlIo, KubectlResult } from '../types.ts';
import type { FlagSpec, ParsedArgs } from './flags.ts';
import { stringFlag } from './flags.ts';
import type { ResourceType } from './resources.ts';
import { qualifiedPlural } from './resources.ts';

/** What a command runs with. */
export interface CommandContext {
  readonly state: ClusterState;
  readonly io: KubectlIo;
  /** The command path, for messages: `get`, `create namespace`. */
  readonly path: string;
}

/** One kubectl command (or subcommand), described once for running, help and completion. */
export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** One line for `kubectl --help`. */
  readonly summary: string;
  /** A paragraph or two for `kubectl CMD --help`. */
  readonly description: string;
  readonly usage: string;
  readonly examples: string;
  readonly flags: readonly FlagSpec[];
  readonly subcommands?: readonly Command[];
  /** Whether the first argument is a resource type, for Tab completion. */
  readonly takesResource?: boolean;
  run(context: CommandContext, parsed: ParsedArgs): KubectlResult;
}

/** A successful result. */
export function done(
  state: ClusterState,
  stdout: string,
  stderr = '',
  extra: { delayMs?: number; effects?: readonly KubectlEffect[]; exitCode?: number } = {},
): KubectlResult {
  return {
    stdout,
    stderr,
    exitCode: extra.exitCode ?? 0,
    state,
    ...(extra.delayMs === undefined ? {} : { delayMs: extra.delayMs }),
    ...(extra.effects === undefined ? {} : { effects: extra.effects }),
  };
}

/** A failed result: `stderr` as given, exit code 1, state unchanged unless passed. */
export function failed(state: ClusterState, stderr: string, stdout = '', exitCode = 1): KubectlResult {
  return { stdout, stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode, state };
}

/** `error: <message>` plus kubectl's pointer to the command's help. */
export function usageError(context: CommandContext, message: string): KubectlResult {
  return failed(context.state, `error: ${message}\nSee 'kubectl ${context.path} -h' for help and examples`);
}

/** `Error from server (NotFound): pods "web" not found`. */
export function notFoundMessage(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedPlural(type)} "${name}" not found`;
}

/** `Error from server (AlreadyExists): namespaces "prod" already exists`. */
export function alreadyExistsMessage(type: ResourceType, name: string): string {
  return `Error from server (AlreadyExists): ${qualifiedPlural(type)} "${name}" already exists`;
}

/** The namespace a command works in: `-n`, else the context's namespace. */
export function namespaceOf(context: CommandContext, parsed: ParsedArgs): string {
  return stringFlag(parsed, 'namespace') ?? context.state.currentNamespace;
}

/** True when the namespace exists in the cluster. */
export function namespaceExists(state: ClusterState, namespace: string): boolean {
  return state.namespaces.some((object) => object.metadata.name === namespace);
}
