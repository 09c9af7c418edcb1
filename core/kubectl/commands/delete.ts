/**
 * `kubectl delete` by name, `--all`, `-l` or `-f FILE`: namespaces take everything in them along,
 * workloads their pods, and a deleted pod that a workload owns is started again by it.
 */
import { selectorMatches } from '../../netpol/selector.ts';
import { readFiles } from '../apply/apply-files.ts';
import { readManifest } from '../apply/read-manifest.ts';
import { done, failed, namespaceOf, notFoundMessage } from '../command-line/command.ts';
import type { Command, CommandContext } from '../command-line/command.ts';
import { boolFlag, listFlag, stringFlag } from '../command-line/flags.ts';
import type { ParsedArgs } from '../command-line/flags.ts';
import { parseResourceArgs } from '../command-line/resource-args.ts';
import { qualifiedSingular } from '../command-line/resources.ts';
import type { ResourceType } from '../command-line/resources.ts';
import { replicaSetName, syncWorkloadPods, withoutPodsOf } from '../objects/workload-pods.ts';
import { SYSTEM_NAMESPACES } from '../objects/cluster-facts.ts';
import { findObject, objectsOf, removeObject } from '../state/store.ts';
import type { StoredKind, StoredObject } from '../state/store.ts';
import { parseLabelSelector } from '../text/parse-selector.ts';
import type { ClusterState, WorkloadObject } from '../types.ts';
import { FILENAME_FLAG } from './apply.ts';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG } from './get.ts';

/** Deletes one object with what goes with it; a message on refusal. */
export function deleteObject(state: ClusterState, object: StoredObject, now: number): ClusterState | string {
  const namespace = object.metadata.namespace;
  if (object.kind === 'Namespace') {
    if (SYSTEM_NAMESPACES.includes(object.metadata.name)) {
      return `Error from server (Forbidden): namespaces "${object.metadata.name}" is forbidden: this namespace may not be deleted`;
    }
    const name = object.metadata.name;
    const keep = <T extends { metadata: { namespace?: string } }>(items: readonly T[]): T[] =>
      items.filter((item) => item.metadata.namespace !== name);
    const emptied: ClusterState = {
      ...state,
      pods: keep(state.pods),
      workloads: keep(state.workloads),
      services: keep(state.services),
      networkPolicies: keep(state.networkPolicies),
    };
    return removeObject(emptied, 'Namespace', undefined, name);
  }
  if (object.kind === 'Pod') {
    let next = removeObject(state, 'Pod', namespace, object.metadata.name);
    const owner = object.owner;
    const controller =
      owner === undefined
        ? undefined
        : state.workloads.find(
            (workload) =>
              workload.metadata.namespace === namespace &&
              (owner.kind === 'ReplicaSet'
                ? replicaSetName(workload) === owner.name
                : workload.metadata.name === owner.name),
          );
    if (controller !== undefined) next = syncWorkloadPods(next, controller, now);
    return next;
  }
  if (object.kind === 'Service' || object.kind === 'NetworkPolicy') {
    return removeObject(state, object.kind, namespace, object.metadata.name);
  }
  const workload = object as WorkloadObject;
  return removeObject(withoutPodsOf(state, workload), workload.kind, namespace, workload.metadata.name);
}

interface Target {
  readonly type: ResourceType;
  readonly namespace: string | undefined;
  readonly name: string;
}

function targetsFromFiles(context: CommandContext, parsed: ParsedArgs, errors: string[]): Target[] {
  const read = readFiles(context, listFlag(parsed, 'filename'));
  errors.push(...read.errors);
  const namespace = namespaceOf(context, parsed);
  return read.files.flatMap((file) => {
    const manifest = readManifest(file.text, file.source);
    errors.push(...manifest.errors);
    return manifest.objects.map((object) => ({
      type: object.type,
      namespace: object.type.namespaced ? (object.namespace ?? namespace) : undefined,
      name: object.name,
    }));
  });
}

function run(context: CommandContext, parsed: ParsedArgs) {
  const errors: string[] = [];
  const targets: Target[] = [];
  const namespace = namespaceOf(context, parsed);
  const allNamespaces = boolFlag(parsed, 'all-namespaces');
  if (listFlag(parsed, 'filename').length > 0) targets.push(...targetsFromFiles(context, parsed, errors));
  else {
    const resources = parseResourceArgs(parsed.positionals, { allowAll: true });
    if (!resources.ok) return failed(context.state, `error: ${resources.error}`);
    if (resources.requests.length === 0) {
      return failed(
        context.state,
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const selectorText = stringFlag(parsed, 'selector');
    const selector = selectorText === undefined ? undefined : parseLabelSelector(selectorText);
    if (selector !== undefined && !selector.ok) return failed(context.state, `error: ${selector.error}`);
    const all = boolFlag(parsed, 'all');
    for (const { type, names } of resources.requests) {
      if (type.kind === 'Node' || type.kind === 'ReplicaSet') {
        errors.push(`error: the lab does not delete ${type.plural}`);
        continue;
      }
      if (names.length > 0) {
        for (const name of names)
          targets.push({ type, namespace: type.namespaced ? namespace : undefined, name });
        continue;
      }
      if (!all && selector === undefined) {
        return failed(context.state, 'error: resource(s) were provided, but no name was specified');
      }
      for (const object of objectsOf(context.state, type.kind as StoredKind)) {
        if (type.namespaced && !allNamespaces && object.metadata.namespace !== namespace) continue;
        if (
          selector !== undefined &&
          selector.ok &&
          !selectorMatches(selector.selector, object.metadata.labels)
        )
          continue;
        targets.push({ type, namespace: object.metadata.namespace, name: object.metadata.name });
      }
    }
  }
  let state = context.state;
  const lines: string[] = [];
  for (const target of targets) {
    const object = findObject(state, target.type.kind as StoredKind, target.namespace, target.name);
    if (object === undefined) {
      if (!boolFlag(parsed, 'ignore-not-found')) errors.push(notFoundMessage(target.type, target.name));
      continue;
    }
    const next = deleteObject(state, object, context.io.now);
    if (typeof next === 'string') {
      errors.push(next);
      continue;
    }
    state = next;
    lines.push(`${qualifiedSingular(target.type)} "${target.name}" deleted\n`);
  }
  const dryRun = stringFlag(parsed, 'dry-run');
  if (dryRun === 'client' || dryRun === 'server') {
    return done(
      context.state,
      lines
        .map((line) => line.replace(/\n$/, ` (${dryRun === 'server' ? 'server ' : ''}dry run)\n`))
        .join(''),
    );
  }
  let stderr = '';
  if (boolFlag(parsed, 'force')) {
    stderr +=
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';
  }
  if (targets.length === 0 && errors.length === 0) stderr += 'No resources found\n';
  stderr += errors.map((error) => `${error}\n`).join('');
  return done(state, lines.join(''), stderr, { exitCode: errors.length > 0 ? 1 : 0 });
}

export const deleteCommand: Command = {
  name: 'delete',
  summary: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  description:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector.\n\nJSON and YAML formats are accepted. Only one type of argument may be specified: file names, resources and names, or resources and label selector.\n\nDeleting a namespace deletes everything in it; deleting a workload deletes its pods.',
  usage: 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]',
  examples: `  # Delete a network policy
  kubectl delete netpol default-deny -n prod

  # Delete the objects of a manifest
  kubectl delete -f ./policy.yaml

  # Delete every network policy of the current namespace
  kubectl delete networkpolicies --all`,
  flags: [
    FILENAME_FLAG,
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    {
      name: 'all',
      type: 'bool',
      usage: 'Delete all resources, in the namespace of the specified resource types.',
      defaultText: 'false',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      usage: 'Treat "resource not found" as a successful delete.',
      defaultText: 'false',
    },
    {
      name: 'force',
      type: 'bool',
      usage: 'If true, immediately remove resources from API and bypass graceful deletion.',
      defaultText: 'false',
    },
    {
      name: 'grace-period',
      type: 'int',
      usage: 'Period of time in seconds given to the resource to terminate gracefully.',
      defaultText: '-1',
    },
    {
      name: 'now',
      type: 'bool',
      usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
      defaultText: 'false',
    },
    {
      name: 'wait',
      type: 'bool',
      usage: 'If true, wait for resources to be gone before returning.',
      defaultText: 'true',
    },
    {
      name: 'dry-run',
      type: 'string',
      noValue: 'client',
      usage: 'Must be "none", "server", or "client".',
      defaultText: "'none'",
    },
  ],
  takesResource: true,
  run,
};
